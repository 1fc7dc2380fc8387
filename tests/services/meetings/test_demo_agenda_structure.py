"""The example data shows each part of agenda items as councils write them and attendance as
it happened at least once, so a new user sees what they are for."""

from __future__ import annotations

import itertools

from trygghetsrad.domain.meetings.agenda_structure import ItemCategory, Numbering
from trygghetsrad.domain.meetings.model import MeetingKind
from trygghetsrad.services import settings
from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.services.meetings.document import meeting_document


def test_the_example_data_shows_every_new_part(demo_database) -> None:  # type: ignore[no-untyped-def]
    with demo_database.session() as s:
        docs = [meeting_document(s, m.id, include_internal=True) for m in meetings.list_meetings(s)]
        phrases = settings.load_phrases(s)
    items = [i for d in docs for i in d.items]
    people = [a for d in docs for a in d.attendance]
    assert {i.category for i in items} >= {
        ItemCategory.INFORMATION,
        ItemCategory.DECISION,
        ItemCategory.OTHER,
    }
    assert any(i.presenter_id for i in items) and any(
        i.presenter and not i.presenter_id for i in items
    )
    assert any(i.case_number for i in items)
    assert any(i.slot_start and i.slot_end for i in items)
    assert any(i.proposal and i.decisions for i in items)
    assert any(i.papers_later for i in items)
    assert any(i.unnumbered for i in items)
    assert any(d.reference(i) for d in docs for i in d.items)
    assert any(d.meeting.group_by_category for d in docs)
    assert any(a.partial for a in people) and any(a.present_from for a in people)
    assert any(a.present_to for a in people) and any(a.note for a in people)
    assert any(a.meeting_role == "tjänstgörande ordförande" for a in people)
    assert any(a.span for a in people if not a.member)  # a guest's part of the meeting
    assert "Trygghetsrådet lägger informationen till handlingarna." in phrases
    # § numbers continue through the year from one protocol to the next.
    protocols = [
        d
        for d in docs
        if d.meeting.kind is MeetingKind.PROTOCOL
        and d.meeting.numbering is Numbering.PARAGRAPH_YEAR
    ]
    ordered = sorted(protocols, key=lambda d: d.meeting.day)
    assert ordered[0].meeting.first_paragraph == 1
    for earlier, later in itertools.pairwise(ordered):
        last = [n for n in earlier.numbers() if n.startswith("§ ") and n[2:].isdigit()][-1]
        assert later.numbers()[0] == f"§ {int(last[2:]) + 1}"
