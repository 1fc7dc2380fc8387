"""Open actions come back at the group's next meetings, carried, closed or re-dated there."""

from __future__ import annotations

from datetime import date

import pytest
from factories_meetings import make_action, make_group_with_members, make_item, make_meeting

from trygghetsrad.domain.meetings.model import ActionStatus
from trygghetsrad.errors import UserError
from trygghetsrad.services.meetings import actions
from trygghetsrad.services.meetings import lifecycle as meetings


def _held(session, group, day):  # type: ignore[no-untyped-def]
    meeting = make_meeting(session, group_ids=[group], day=day)
    meetings.start_minutes(session, meeting)
    return meeting


def test_actions_are_carried_counted_and_closed_at_later_meetings(session) -> None:  # type: ignore[no-untyped-def]
    group, people = make_group_with_members(session)
    other_group, _ = make_group_with_members(session)
    first = _held(session, group, date(2026, 2, 5))
    action = make_action(
        session,
        make_item(session, first),
        what="Sammanställa dialogmaterialet",
        responsible_person_id=people[0],
        due_date=date(2026, 5, 1),
    )
    meetings.finalise(session, first, on=date(2026, 2, 6))
    unrelated = _held(session, other_group, date(2026, 3, 1))
    assert actions.followup(session, unrelated) == []

    second = _held(session, group, date(2026, 5, 7))
    [seen] = actions.followup(session, second)
    assert (seen.id, seen.carried_count, seen.since) == (action, 0, date(2026, 2, 5))
    meetings.finalise(session, second, on=date(2026, 5, 8))  # still open: carried once

    third = _held(session, group, date(2026, 9, 10))
    [seen] = actions.followup(session, third)
    assert seen.carried_count == 1
    actions.redate_action(session, action, date(2026, 12, 1))
    actions.close_action(session, action, on=date(2026, 9, 10), meeting_id=third)
    [closed] = actions.followup(session, third)
    assert closed.status is ActionStatus.DONE and closed.due_date == date(2026, 12, 1)
    meetings.finalise(session, third, on=date(2026, 9, 11))

    fourth = _held(session, group, date(2026, 11, 12))
    assert actions.followup(session, fourth) == []
    # The archived minutes of the second meeting still show the count as it was then: that
    # meeting carried it once, as the register said right after it.
    assert actions.followup(session, second)[0].carried_count == 1


def test_carry_again_counts_once_per_meeting_and_can_redate(session) -> None:  # type: ignore[no-untyped-def]
    group, _ = make_group_with_members(session)
    first = _held(session, group, date(2026, 2, 5))
    action = make_action(session, make_item(session, first))
    second = _held(session, group, date(2026, 5, 7))
    actions.carry_action(session, action, second, due_date=date(2026, 8, 1))
    actions.carry_action(session, action, second)
    data = actions.get_action(session, action)
    assert (data.carried_count, data.due_date) == (1, date(2026, 8, 1))
    meetings.finalise(session, second, on=date(2026, 5, 8))
    assert actions.get_action(session, action).carried_count == 1


def test_follow_up_actions_only_from_the_meeting_where_they_come_up(session) -> None:  # type: ignore[no-untyped-def]
    group, _ = make_group_with_members(session)
    first = _held(session, group, date(2026, 2, 5))
    action = make_action(session, make_item(session, first))
    with pytest.raises(UserError, match="följs inte upp"):
        actions.close_action(session, action, on=date(2026, 2, 5), meeting_id=first)


def test_responsible_may_be_an_organisation(session) -> None:  # type: ignore[no-untyped-def]
    from factories import make_organisation

    org = make_organisation(session, name="Socialtjänsten")
    meeting = make_meeting(session)
    action = make_action(session, make_item(session, meeting), responsible_organisation_id=org)
    assert actions.get_action(session, action).responsible == "Socialtjänsten"


def test_finalised_minutes_say_the_carried_count_the_register_says(session) -> None:  # type: ignore[no-untyped-def]
    """The minutes of the meeting that just carried an action and the Uppdrag register read
    the same 'förd vidare' (they differed by one: the minutes left their own meeting out)."""
    from trygghetsrad.services.actions.register import register_actions
    from trygghetsrad.services.meetings.document import meeting_document

    group, people = make_group_with_members(session)
    origin = _held(session, group, date(2026, 1, 8))
    action = make_action(session, make_item(session, origin), what="Bjuda in fritidsgården")
    meetings.finalise(session, origin, on=date(2026, 1, 9))
    for day in (date(2026, 3, 5), date(2026, 5, 7), date(2026, 9, 3)):
        later = _held(session, group, day)
        meetings.finalise(session, later, on=day)
        [carried] = meeting_document(session, later).followup
        [row] = [r for r in register_actions(session) if r.id == action]
        assert carried.carried_count == row.carried_count
    assert row.carried_count == 3
    # A draft that follows it up has not carried it yet.
    draft = _held(session, group, date(2026, 11, 5))
    [pending] = meeting_document(session, draft).followup
    assert pending.carried_count == 3
