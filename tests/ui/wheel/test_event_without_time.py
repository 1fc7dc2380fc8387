"""An event of the wheel shows only the times it was given: its editor, opened by a
double-click in the list, shows no 10.00–12.00 behind an unticked "Klockslag", and an event
with a start but no end keeps no end when it is saved again."""

from __future__ import annotations

from datetime import date, time

from factories_wheel import open_wheel_page
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from trygghetsrad.services.wheel import events as service
from trygghetsrad.ui.wheel.event_dialog import EventDialog


def _open_by_double_click(qtbot, page, title: str) -> EventDialog:  # type: ignore[no-untyped-def]
    model = page.table.model()
    row = next(
        r
        for r in range(model.rowCount())
        if any(title in str(model.index(r, c).data()) for c in range(model.columnCount()))
    )
    index = model.index(row, 0)
    page.table.scrollTo(index)
    pos = page.table.visualRect(index).center()
    QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    QTest.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(lambda: bool(page.findChildren(EventDialog)), timeout=3000)
    dialogs = [d for d in page.findChildren(EventDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def test_event_times_are_only_those_given(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        service.create_event(s, title="Kulturnatten", category="events", start=date(2026, 5, 26))
        started = service.create_event(
            s,
            title="Nattvandring",
            category="events",
            start=date(2026, 6, 12),
            start_time=time(21, 0),
        ).id
    page = open_wheel_page(qtbot, ctx, (1366, 740))

    untimed = _open_by_double_click(qtbot, page, "Kulturnatten")
    assert not untimed.time_check.isChecked()
    assert (untimed.start_time.text(), untimed.end_time.text()) == ("", "")
    untimed.reject()

    dialog = _open_by_double_click(qtbot, page, "Nattvandring")
    assert dialog.time_check.isChecked()
    assert (dialog.start_time.text(), dialog.end_time.text()) == ("21.00", "")
    dialog.place_edit.setText("Torget")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ctx.database.session() as s:
        stored = service.get_event(s, started)
    assert stored.place == "Torget"
    assert (stored.start_time, stored.end_time) == (time(21, 0), None)
