"""The example meetings: the reference joint meeting, four meetings a year per group."""

from __future__ import annotations

from collections import Counter
from datetime import date

from factories_meetings import fill_meetings_demo

from trygghetsrad.domain.meetings.model import ActionStatus, ItemKind, MeetingStatus
from trygghetsrad.services.actions.register import register_actions
from trygghetsrad.services.meetings import actions as meetings_actions
from trygghetsrad.services.meetings import agenda as meetings_agenda
from trygghetsrad.services.meetings import lifecycle as meetings


def test_reference_meeting_has_the_six_items_of_the_original(session) -> None:  # type: ignore[no-untyped-def]
    ctx = fill_meetings_demo(session)
    ref = meetings.get_meeting(session, ctx.extra["reference_meeting"])
    assert ref.group_names == ("Trygghetsrådet", "Klara-gruppen")
    items = meetings_agenda.get_agenda(session, ref.id)
    assert [i.title for i in items] == [
        "Summering och utvärdering av 2024",
        "Framåtblick 2025, 2026, 2027 och 2028",
        "Lägesbildsarbete",
        "Årshjul 2025",
        "Övriga frågor",
        "Nästa möte",
    ]
    assert len(items[0].notes) == 7 and len(items[2].notes) == 5
    assert items[-1].kind is ItemKind.NEXT_MEETING
    next_ = meetings.next_meetings(session, ref.id)
    assert [(m.group_names, m.online_link) for m in next_] == [
        (("Klara-gruppen",), "digitalt via Teams"),
        (("Trygghetsrådet",), "digitalt via Teams"),
    ]
    assert ref.secretary_name == "Maja Lindqvist"


def test_two_years_of_meetings_in_every_status_with_carried_actions(session) -> None:  # type: ignore[no-untyped-def]
    ctx = fill_meetings_demo(session)
    all_meetings = meetings.list_meetings(session)
    for year in (2025, 2026):
        per_group = Counter(g for m in all_meetings if m.day.year == year for g in m.group_names)
        assert per_group == {"Trygghetsrådet": 4, "Klara-gruppen": 4}
    assert {m.status for m in all_meetings} == set(MeetingStatus)
    assert all(
        m.status is MeetingStatus.PLANNED for m in all_meetings if m.day > date(2026, 11, 26)
    )
    actions = meetings_actions.list_actions(session)
    assert any(a.status is ActionStatus.DONE for a in actions)
    assert any(a.open and a.carried_count >= 2 for a in actions)
    assert "action_items" in ctx.extra and ctx.extra["action_items"]
    finalised_with_internal = [
        m
        for m in all_meetings
        if m.status in (MeetingStatus.FINALISED, MeetingStatus.SENT)
        and any(i.internal for i in meetings_agenda.get_agenda(session, m.id))
    ]
    assert finalised_with_internal


def test_example_data_is_the_same_for_the_same_date(session, database) -> None:  # type: ignore[no-untyped-def]
    fill_meetings_demo(session)
    first = [(m.day, m.status, m.title) for m in meetings.list_meetings(session)]
    from pathlib import Path

    from trygghetsrad.db.engine import open_database

    other = open_database(Path(str(database.path) + ".b.sqlite"))
    try:
        with other.session() as s:
            fill_meetings_demo(s)
            second = [(m.day, m.status, m.title) for m in meetings.list_meetings(s)]
    finally:
        other.close()
    assert first == second


def test_no_meeting_lists_the_same_action_twice_and_counts_are_bounded(session) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.services.meetings.document import meeting_document

    fill_meetings_demo(session)
    for meeting in meetings.list_meetings(session):
        doc = meeting_document(session, meeting.id)
        texts = [a.what for a in doc.followup] + [a.what for i in doc.items for a in i.actions]
        assert len(texts) == len(set(texts)), (meeting.day, Counter(texts).most_common(2))
        every = {m.id: m for m in meetings.list_meetings(session)}
        for action in doc.followup:
            # carried past at most the meetings that followed it up up to this one (which
            # counts once held): those of a group of the meeting it came from
            origin = every[action.origin_meeting_id]
            held = [
                m
                for m in every.values()
                if set(m.group_ids) & set(origin.group_ids)
                and origin.day < m.day <= meeting.day
                and (m.id != meeting.id or m.status.value in ("finalised", "sent"))
            ]
            assert action.carried_count <= len(held), (meeting.day, action.what)


def test_carried_count_counts_every_meeting_that_followed_the_action_up(session) -> None:  # type: ignore[no-untyped-def]
    """Both groups of a joint meeting follow its actions up; 'förd vidare' is one number
    for the action, the same in Uppdrag and in each group's follow-up list."""
    from factories import make_group

    council, club = make_group(session, name="Rådet"), make_group(session, name="Klubben")
    joint = meetings.create_meeting(session, group_ids=[council, club], day=date(2026, 1, 8)).id
    item = meetings_agenda.add_item(session, joint, title="Lägesbild").id
    action = meetings_actions.add_action(session, item, what="Ta fram underlag").id
    for month in (2, 3, 4):  # the club meets three times, the council once
        club_meeting = meetings.create_meeting(session, group_ids=[club], day=date(2026, month, 5))
        meetings.start_minutes(session, club_meeting.id)
        meetings.finalise(session, club_meeting.id, on=date(2026, month, 6))
    council_meeting = meetings.create_meeting(session, group_ids=[council], day=date(2026, 5, 7))
    meetings.start_minutes(session, council_meeting.id)
    meetings.finalise(session, council_meeting.id, on=date(2026, 5, 8))
    later = meetings.create_meeting(session, group_ids=[council], day=date(2026, 9, 3)).id
    counts = {a.id: a.carried_count for a in meetings_actions.followup(session, later)}
    assert counts[action] == 4  # the club's three meetings and the council's one
    in_register = {a.id: a.carried_count for a in register_actions(session)}
    assert in_register[action] == 4
