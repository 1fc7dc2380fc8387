"""An agenda item's title longer than its field shows its beginning when the item opens."""

from __future__ import annotations

from factories_meetings import make_group_with_members, make_item, make_meeting
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

LONG = ("Mötets öppnande och val av justerare " + "samt genomgång av dagordningen " * 6).strip()


def test_a_long_title_shows_its_beginning(ctx, page) -> None:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        group, _people = make_group_with_members(s)
        meeting = make_meeting(s, group_ids=[group])
        make_item(s, meeting, title="Kort")
        make_item(s, meeting, title=LONG)
    page.reload()  # the page was shown before the meeting was made
    page.select_meeting(meeting)
    view = page.agenda.list
    rect = view.visualRect(view.model().index(1, 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    title = page.agenda.title
    assert title.text() == LONG
    assert title.cursorPosition() == 0
    # The first characters are drawn where the field starts.
    assert title.cursorRect().left() < title.fontMetrics().horizontalAdvance("M") * 2
