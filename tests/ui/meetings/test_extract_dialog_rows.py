"""In the *protokollsutdrag* dialog a click on an item's text ticks it, not only a click on
its small box."""

from __future__ import annotations

from pathlib import Path

from factories_meetings import open_meetings_page
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from trygghetsrad.services.meetings import lifecycle as meetings


def test_clicking_an_items_text_in_the_extract_dialog_ticks_it(
    qtbot, demo_ctx, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    with demo_ctx.database.session() as s:
        found = next(
            m
            for m in meetings.list_meetings(s)
            if m.kind.value == "protocol" and m.status.value in ("finalised", "sent")
        )
    widget = open_meetings_page(qtbot, demo_ctx, found.id)
    dialog = widget.export("extract", tmp_path / "utdrag.pdf")
    qtbot.waitExposed(dialog)
    view = dialog.items
    index = view.model().index(1, 0)
    text_point = view.visualRect(index).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=text_point)
    assert dialog.chosen() == [1]
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=text_point)
    assert dialog.chosen() == []
    view.setCurrentRow(1)
    QTest.keyClick(view, Qt.Key.Key_Space)
    assert dialog.chosen() == [1]
    dialog.reject()
