"""A search hit in the meetings workspace opens its meeting (also from another group's filter)."""

from __future__ import annotations

from datetime import date

from factories_meetings import make_action, make_item, make_meeting

from trygghetsrad.domain.calendar_items import Owner
from trygghetsrad.services import search


def test_meeting_and_action_hits_open_their_meeting(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.meetings.page import MeetingsPage

    with ctx.database.session() as s:
        first = make_meeting(s, day=date(2019, 3, 12), title="Trygghetsrådet mars")
        second = make_meeting(s, day=date(2026, 5, 11), title="Klara-gruppen maj")
        item = make_item(s, first, title="Klotter vid Norrby torg")
        action = make_action(s, item, what="Kontakta gatuenheten om belysningen")
        hits = search.search(s, text="gatuenheten").hits()
    assert [h.owner for h in hits] == [Owner("meetings", "action_item", action)]
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    assert page.open_record(Owner("meetings", "meeting", second)) is True
    assert page.meeting is not None and page.meeting.id == second
    assert page.open_record(hits[0].owner) is True
    assert page.meeting is not None and page.meeting.id == first
    assert page.open_record(Owner("meetings", "meeting", 9999)) is False
