"""Meetings: creation with attendance, the status lifecycle, revisions and protection."""

from __future__ import annotations

from datetime import date, time

import pytest
from factories import make_membership, make_person
from factories_meetings import make_group_with_members, make_item, make_meeting

from trygghetsrad.domain.meetings.model import MeetingKind, MeetingStatus, NextMeetingPlan, Presence
from trygghetsrad.errors import ReferencedError, UserError, ValidationError
from trygghetsrad.services import register
from trygghetsrad.services.meetings import agenda as meetings_agenda
from trygghetsrad.services.meetings import attendance as meetings_attendance
from trygghetsrad.services.meetings import lifecycle as meetings


def test_attendance_lists_members_of_all_groups_on_the_day_once(session) -> None:  # type: ignore[no-untyped-def]
    council, council_people = make_group_with_members(session, 2)
    klara, klara_people = make_group_with_members(session, 2)
    make_membership(session, group_id=klara, person_id=council_people[0])  # in both groups
    left = make_person(session, name="Rasmus Eklund")
    make_membership(session, group_id=klara, person_id=left, to_date=date(2023, 1, 31))
    meeting = make_meeting(session, group_ids=[council, klara], day=date(2023, 5, 11))
    rows = meetings_attendance.list_attendance(session, meeting)
    ids = [r.person_id for r in rows]
    assert sorted(ids) == sorted(council_people + klara_people)
    assert left not in ids
    assert all(r.presence is Presence.UNKNOWN for r in rows)  # until marked
    detail = meetings.get_meeting(session, meeting)
    assert detail.group_ids == (council, klara)
    assert detail.status is MeetingStatus.PLANNED


def test_full_lifecycle_and_reopening_with_a_revision_note(session) -> None:  # type: ignore[no-untyped-def]
    meeting = make_meeting(session)
    meetings.start_minutes(session, meeting)
    item = make_item(session, meeting, title="Övriga frågor")
    meetings.finalise(session, meeting, on=date(2026, 5, 12))
    # minnesanteckningar speak of themselves, never of "protokollet"
    with pytest.raises(UserError, match="^Minnesanteckningarna är fastställda"):
        meetings_agenda.update_item(session, item, title="Ändrad")
    meetings.mark_sent(session, meeting, on=date(2026, 5, 13))
    detail = meetings.get_meeting(session, meeting)
    assert (detail.status, detail.finalised_on, detail.sent_on) == (
        MeetingStatus.SENT,
        date(2026, 5, 12),
        date(2026, 5, 13),
    )
    with pytest.raises(UserError, match="Öppna för ändring"):
        meetings_agenda.update_item(session, item, title="Ändrad")
    with pytest.raises(UserError, match="allmän handling"):
        meetings.delete_meeting(session, meeting)
    with pytest.raises(ValidationError):
        meetings.reopen_for_change(session, meeting, note="  ", on=date(2026, 6, 1))
    meetings.reopen_for_change(session, meeting, note="Rättat stavfel i § 2", on=date(2026, 6, 1))
    meetings_agenda.update_item(session, item, title="Övriga frågor och information")
    detail = meetings.get_meeting(session, meeting)
    assert detail.status is MeetingStatus.DRAFT
    assert detail.revised_on == date(2026, 6, 1)
    assert "Rättat stavfel i § 2" in detail.revision_note
    assert detail.sequence == 1


def test_protocol_needs_an_adjuster_and_cannot_be_finalised_before_the_meeting(session) -> None:  # type: ignore[no-untyped-def]
    group, people = make_group_with_members(session)
    meeting = make_meeting(session, group_ids=[group], kind=MeetingKind.PROTOCOL)
    with pytest.raises(ValidationError, match="justerare"):
        meetings.finalise(session, meeting, on=date(2026, 5, 12))
    with pytest.raises(ValidationError, match="före mötet"):
        meetings.finalise(session, meeting, on=date(2026, 5, 1), adjuster_id=people[1])
    meetings.finalise(session, meeting, on=date(2026, 5, 12), adjuster_id=people[1])
    assert meetings.get_meeting(session, meeting).adjuster_id == people[1]
    meetings.unfinalise(session, meeting)
    assert meetings.get_meeting(session, meeting).status is MeetingStatus.DRAFT


def test_sending_requires_finalised_minutes(session) -> None:  # type: ignore[no-untyped-def]
    meeting = make_meeting(session)
    with pytest.raises(UserError, match="Minnesanteckningarna måste fastställas"):
        meetings.mark_sent(session, meeting, on=date(2026, 5, 20))
    protocol = make_meeting(session, kind="protocol")
    with pytest.raises(UserError, match="Protokollet måste justeras"):
        meetings.mark_sent(session, protocol, on=date(2026, 5, 20))


def test_bad_input_is_refused_and_nothing_changes(session) -> None:  # type: ignore[no-untyped-def]
    group, _ = make_group_with_members(session)
    with pytest.raises(ValidationError, match="minst en grupp"):
        meetings.create_meeting(session, group_ids=[], day=date(2026, 1, 1))
    with pytest.raises(ValidationError, match="sluta efter"):
        meetings.create_meeting(
            session, group_ids=[group], day=date(2026, 1, 1), start_time=time(12), end_time=time(9)
        )
    with pytest.raises(ValidationError):
        meetings.create_meeting(
            session, group_ids=[group], day=date(2026, 1, 1), place="x" * 10_000
        )
    assert meetings.list_meetings(session) == []


def test_moving_a_meeting_bumps_the_invitation_sequence(session) -> None:  # type: ignore[no-untyped-def]
    group, _ = make_group_with_members(session)
    meeting = make_meeting(session, group_ids=[group])
    meetings.update_meeting(
        session,
        meeting,
        group_ids=[group],
        day=date(2026, 5, 12),
        start_time=time(10),
        end_time=time(12),
        kind="notes",
        place="Kommunhuset",
    )
    assert meetings.get_meeting(session, meeting).sequence == 1


def test_next_meetings_become_planned_meetings_one_per_group(session) -> None:  # type: ignore[no-untyped-def]
    council, _ = make_group_with_members(session)
    klara, _ = make_group_with_members(session)
    meetings_agenda.create_template(
        session, group_id=klara, name="Standard", items=["Uppföljning av uppdrag", "Nästa möte"]
    )
    joint = make_meeting(session, group_ids=[council, klara], day=date(2023, 2, 16))
    created = meetings.plan_next_meetings(
        session,
        joint,
        [
            NextMeetingPlan(
                (klara,), date(2023, 5, 11), time(10), time(12), online_link="digitalt via Teams"
            ),
            NextMeetingPlan(
                (council,), date(2023, 5, 11), time(13), time(15), online_link="digitalt via Teams"
            ),
        ],
    )
    planned = meetings.next_meetings(session, joint)
    assert [m.id for m in planned] == created
    assert [(m.group_names, m.start_time) for m in planned] == [
        (meetings.get_meeting(session, created[0]).group_names, time(10)),
        (meetings.get_meeting(session, created[1]).group_names, time(13)),
    ]
    assert all(m.status is MeetingStatus.PLANNED for m in planned)
    titles = [i.title for i in meetings_agenda.get_agenda(session, created[0])]
    assert titles == ["Uppföljning av uppdrag", "Nästa möte"]


def test_planning_the_same_next_meeting_twice_is_refused(session) -> None:  # type: ignore[no-untyped-def]
    klara, _ = make_group_with_members(session)
    held = make_meeting(session, group_ids=[klara], day=date(2026, 11, 19))
    plan = NextMeetingPlan((klara,), date(2026, 12, 21), time(10), time(12))
    meetings.plan_next_meetings(session, held, [plan])
    with pytest.raises(ValidationError) as refused:
        meetings.plan_next_meetings(session, held, [plan])
    assert refused.value.field == "day" and "har redan ett möte" in str(refused.value)
    assert len(meetings.next_meetings(session, held)) == 1
    # Another day, or the group in a joint meeting, is another meeting.
    later = NextMeetingPlan((klara,), date(2027, 1, 18), time(10), time(12))
    assert len(meetings.plan_next_meetings(session, held, [later])) == 1


def test_people_in_minutes_cannot_be_deleted_silently(session) -> None:  # type: ignore[no-untyped-def]
    group, people = make_group_with_members(session)
    make_meeting(session, group_ids=[group], chair_id=people[0])
    with pytest.raises(ReferencedError):
        register.delete_person(session, people[0], with_memberships=True)


def test_calendar_items_show_meetings_and_open_action_deadlines(session) -> None:  # type: ignore[no-untyped-def]
    from factories_meetings import make_action

    from trygghetsrad.services.wheel import calendar_feed

    meeting = make_meeting(session, day=date(2026, 5, 11))
    item = make_item(session, meeting)
    make_action(session, item, what="Ringa skolan", due_date=date(2026, 6, 1))
    items = calendar_feed.items_between(session, date(2026, 1, 1), date(2026, 12, 31))
    ours = [i for i in items if i.owner and i.owner.area == "meetings"]
    assert [(i.category, i.start) for i in ours] == [
        ("meetings", date(2026, 5, 11)),
        ("deadlines", date(2026, 6, 1)),
    ]
    assert ours[0].start_time == time(10) and ours[0].key == f"meeting:{meeting}"
