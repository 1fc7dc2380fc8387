"""Attendance: marking presence, substitutes and guests, and yearly statistics."""

from __future__ import annotations

from datetime import date

import pytest
from factories import make_organisation, make_person
from factories_meetings import make_group_with_members, make_meeting

from trygghetsrad.domain.meetings.model import Presence
from trygghetsrad.errors import ValidationError
from trygghetsrad.services.meetings import attendance
from trygghetsrad.services.meetings import lifecycle as meetings


def test_presence_substitute_and_guest(session) -> None:  # type: ignore[no-untyped-def]
    group, people = make_group_with_members(session, 3)
    meeting = make_meeting(session, group_ids=[group])
    rows = {r.person_id: r.id for r in attendance.list_attendance(session, meeting)}
    attendance.set_presence(session, rows[people[1]], Presence.EXCUSED)
    with pytest.raises(ValidationError, match="vem ersättaren ersätter"):
        attendance.set_presence(session, rows[people[2]], Presence.SUBSTITUTE)
    deputy = make_person(session, name="Olof Hedlund")
    attendance.add_attendee(
        session, meeting, person_id=deputy, presence="substitute", substitute_for_id=people[1]
    )
    attendance.add_attendee(session, meeting, name="Nils Berglund", organisation="Länsstyrelsen")
    listed = {r.name: r for r in attendance.list_attendance(session, meeting)}
    assert (
        listed["Olof Hedlund"].label
        == f"ersättare för {listed['Olof Hedlund'].substitute_for_name}"
    )
    assert listed["Nils Berglund"].presence is Presence.GUEST
    assert listed["Nils Berglund"].organisation == "Länsstyrelsen"
    with pytest.raises(ValidationError, match="redan"):
        attendance.add_attendee(session, meeting, person_id=deputy)


def test_statistics_per_person_and_organisation_for_a_year(session) -> None:  # type: ignore[no-untyped-def]
    police = make_organisation(session, name="Polisen")
    group, people = make_group_with_members(session, 1)
    officer = make_person(session, name="Josef Åkesson", organisation_id=police)
    from factories import make_membership

    make_membership(session, group_id=group, person_id=officer)
    held = []
    for month in (2, 5, 9):
        meeting = make_meeting(session, group_ids=[group], day=date(2026, month, 10))
        meetings.start_minutes(session, meeting)
        attendance.mark_unrecorded_present(session, meeting)
        held.append(meeting)
    make_meeting(session, group_ids=[group], day=date(2026, 12, 1))  # planned: not counted
    rows = {r.person_id: r.id for r in attendance.list_attendance(session, held[0])}
    attendance.set_presence(session, rows[officer], Presence.EXCUSED)
    rows = {r.person_id: r.id for r in attendance.list_attendance(session, held[1])}
    attendance.set_presence(session, rows[officer], Presence.ABSENT)
    stats = {s.name: s for s in attendance.attendance_by_person(session, 2026)}
    josef = stats["Josef Åkesson"]
    assert (josef.meetings, josef.present, josef.excused, josef.absent) == (3, 1, 1, 1)
    assert josef.rate == pytest.approx(1 / 3)
    orgs = {s.name: s for s in attendance.attendance_by_organisation(session, 2026)}
    assert (orgs["Polisen"].meetings, orgs["Polisen"].attended) == (3, 1)
    assert attendance.attendance_by_person(session, 2025) == []


def test_attendance_follows_membership_changes_until_the_meeting_is_held(session) -> None:  # type: ignore[no-untyped-def]
    from factories import make_membership

    group, people = make_group_with_members(session, 2)
    other, others = make_group_with_members(session, 1)
    meeting = make_meeting(session, group_ids=[group, other], day=date(2026, 5, 11))
    newcomer = make_person(session, name="Ny Ledamot")
    make_membership(session, group_id=group, person_id=newcomer, from_date=date(2026, 4, 1))
    guest = attendance.add_attendee(session, meeting, name="Gäst Gästsson").id
    detail = meetings.get_meeting(session, meeting)
    meetings.update_meeting(
        session,
        meeting,
        group_ids=[group],
        day=detail.day,
        start_time=detail.start_time,
        end_time=detail.end_time,
        kind=detail.kind,
        place=detail.place,
    )
    ids = {r.person_id for r in attendance.list_attendance(session, meeting)}
    assert newcomer in ids and others[0] not in ids and set(people) <= ids
    assert guest in {r.id for r in attendance.list_attendance(session, meeting)}
