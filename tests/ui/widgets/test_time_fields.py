"""Every time field takes a time typed over the whole field ("09.00" gives 09.00), and an
impossible time is refused with a Swedish message at the field: never another time saved.

The trial found a QTimeEdit turning a typed "09.00" into 00.00 and "11.30" into .30, and the
meeting was saved at 00.00–00.30 without a word.
"""

from __future__ import annotations

from datetime import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QWidget
from test_bad_input_everywhere import open_dialog

from trygghetsrad.ui.widgets.form_dialog import FormDialog

WITH_TIMES = [
    "meetings.dialogs.MeetingDialog",
    "meetings.next_meeting.NextMeetingDialog",
    "wheel.event_dialog.EventDialog",
]


def _time_fields(top: QWidget) -> list[QWidget]:
    """The widgets that hold a time of day (a QTimeEdit or the app's own time field)."""
    found = [
        w
        for w in top.findChildren(QWidget)
        if callable(getattr(w, "time", None)) and callable(getattr(w, "setTime", None))
    ]
    for widget in found:  # a time behind a "Klockslag" check box: tick it
        for box in widget.parentWidget().findChildren(QCheckBox):
            box.setChecked(True)
    return [w for w in found if w.isEnabled()]


def _type_over(field: QWidget, text: str) -> None:
    field.setFocus()
    QTest.mouseDClick(field, Qt.MouseButton.LeftButton)  # the way a user selects the time
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(field, text)
    QApplication.processEvents()


def _shown(field: QWidget) -> time:
    t = field.time()
    return time(t.hour(), t.minute())


@pytest.mark.parametrize("name", WITH_TIMES)
def test_a_time_typed_over_the_whole_field_is_that_time(
    name: str, qtbot, demo_ctx, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(name, demo_ctx, monkeypatch, qtbot)
    fields = _time_fields(dialog)
    assert len(fields) >= 2, f"{name}: no start and end time found"
    for start, end in zip(fields[::2], fields[1::2], strict=True):
        _type_over(start, "09.00")
        _type_over(end, "11.30")
        assert (_shown(start), _shown(end)) == (time(9, 0), time(11, 30)), name
    for field in fields:  # "9" and "9:15" are times too
        _type_over(field, "9")
        assert _shown(field) == time(9, 0)
        _type_over(field, "9:15")
        assert _shown(field) == time(9, 15)


def test_the_new_meeting_is_stored_at_the_typed_time(
    qtbot, demo_ctx, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.services.meetings import lifecycle as meetings

    with demo_ctx.database.session() as s:
        before = {m.id for m in meetings.list_meetings(s)}
    dialog = open_dialog("meetings.dialogs.MeetingDialog", demo_ctx, monkeypatch, qtbot)
    start, end = _time_fields(dialog)
    _type_over(start, "09.00")
    _type_over(end, "11.30")
    dialog.save_button.click()
    assert not dialog.isVisible(), dialog.error_text() or str(
        {k: dialog.error_text(k) for k in dialog._fields}
    )
    with demo_ctx.database.session() as s:
        (new,) = [m for m in meetings.list_meetings(s) if m.id not in before]
        assert (new.start_time, new.end_time) == (time(9, 0), time(11, 30))


def _error_at(dialog: FormDialog, field: QWidget) -> str:
    for key, widget in dialog._fields.items():
        if widget is field or widget.isAncestorOf(field):
            return dialog.error_text(key)
    raise AssertionError("the time field is in no row of the form")


@pytest.mark.parametrize("name", WITH_TIMES)
@pytest.mark.parametrize("bad", ["25.00", "9.75", "nio"])
def test_an_impossible_time_is_refused_at_its_field(
    name: str, bad: str, qtbot, demo_ctx, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from test_bad_input_everywhere import _data_version

    dialog = open_dialog(name, demo_ctx, monkeypatch, qtbot)
    version = _data_version(demo_ctx.database.path)
    before = version()
    start = _time_fields(dialog)[0]
    _type_over(start, bad)
    dialog.save_button.click()
    assert dialog.isVisible(), f"{name}: {bad} was accepted as {_shown(start)}"
    assert "TT.MM" in _error_at(dialog, start)
    assert version() == before


def test_meeting_details_store_the_typed_time_or_refuse_it(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.services.meetings import lifecycle as meetings
    from trygghetsrad.ui.meetings.page import MeetingsPage

    page = MeetingsPage(demo_ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.reload()
    with demo_ctx.database.session() as s:
        meeting_id = next(m.id for m in meetings.list_meetings(s) if m.status.value == "draft")
    page.select_meeting(meeting_id)
    details = page.details
    details.start.window().activateWindow()
    _type_over(details.start, "09.00")
    _type_over(details.end, "11.30")
    assert details.save()
    with demo_ctx.database.session() as s:
        stored = meetings.get_meeting(s, meeting_id)
        assert (stored.start_time, stored.end_time) == (time(9, 0), time(11, 30))
    _type_over(details.end, "24.30")
    assert not details.save()
    assert "TT.MM" in details.field_errors["end_time"].text()
    with demo_ctx.database.session() as s:
        assert meetings.get_meeting(s, meeting_id).end_time == time(11, 30)


def test_up_and_down_step_a_quarter_of_an_hour(qtbot) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.widgets.time_entry import TimeEntry

    field = TimeEntry(time(9, 10))
    qtbot.addWidget(field)
    for key, expected in (
        (Qt.Key.Key_Up, "09.15"),
        (Qt.Key.Key_Up, "09.30"),
        (Qt.Key.Key_Down, "09.15"),
        (Qt.Key.Key_Down, "09.00"),
    ):
        QTest.keyClick(field, key)
        assert field.text() == expected
    field.setTime(time(0, 5))
    QTest.keyClick(field, Qt.Key.Key_Down)
    assert field.text() == "00.00"  # not round to the evening before
    field.setTime(time(23, 50))
    QTest.keyClick(field, Qt.Key.Key_Up)
    assert field.text() == "23.50"  # never into the next day
