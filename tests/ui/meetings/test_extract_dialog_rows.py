"""In the *protokollsutdrag* dialog a click on an item's text ticks it, not only a click on
its small box."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from trygghetsrad.services import meetings
from trygghetsrad.ui.meetings.page import MeetingsPage


def _page(qtbot, ctx, meeting_id: int) -> MeetingsPage:  # type: ignore[no-untyped-def]
    widget = MeetingsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    widget.select_meeting(meeting_id)
    return widget


def test_clicking_an_items_text_in_the_extract_dialog_ticks_it(
    qtbot, demo_ctx, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    with demo_ctx.database.session() as s:
        found = next(
            m
            for m in meetings.list_meetings(s)
            if m.kind.value == "protocol" and m.status.value in ("finalised", "sent")
        )
    widget = _page(qtbot, demo_ctx, found.id)
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
