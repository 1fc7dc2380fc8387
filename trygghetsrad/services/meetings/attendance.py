"""Attendance at a meeting: the groups' members on the day, guests, and yearly statistics."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from trygghetsrad.db.models import Organisation, Person
from trygghetsrad.db.models.meetings import Attendance, Meeting
from trygghetsrad.domain.changes import MEETINGS, REGISTER, Changes, Created
from trygghetsrad.domain.meetings.model import (
    AttendanceData,
    AttendanceStat,
    MeetingStatus,
    Presence,
)
from trygghetsrad.domain.register import MAX_NAME, ROLE_ORDER, MembershipData, Role, clean_text
from trygghetsrad.errors import UserError, ValidationError
from trygghetsrad.i18n import tr
from trygghetsrad.services import register
from trygghetsrad.services.meetings.read import editable_row, get_row

CHANGED = Changes.of(MEETINGS)


def proposed_chair(session: Session, group_ids: Sequence[int], day: date) -> int | None:
    """Who a new meeting of these groups is proposed to be chaired by: the one person who is
    ordförande in them on `day` (a joint meeting whose groups have different chairs gets none:
    which of them chairs is for the user to say). The register has no role for a minute-taker
    or a justerare, so those are left for the user."""
    chairs = {
        m.person_id
        for group_id in group_ids
        for m in register.members_on(session, group_id, day)
        if m.role == Role.CHAIR
    }
    return chairs.pop() if len(chairs) == 1 else None


def sync_members(session: Session, meeting_id: int) -> Changes:
    """Add every member of the meeting's groups on its day who is not listed yet."""
    meeting = get_row(session, meeting_id)
    listed = {a.person_id for a in meeting.attendance if a.person_id is not None}
    substitutes = {a.substitute_for_id for a in meeting.attendance if a.substitute_for_id}
    position = max((a.position for a in meeting.attendance), default=-1) + 1
    members = []
    for link in sorted(meeting.groups, key=lambda g: g.position):
        members.extend(register.members_on(session, link.group_id, meeting.day))
    members.sort(key=lambda m: (ROLE_ORDER.get(Role(m.role), 99), m.person_name.lower()))
    current = {m.person_id for m in members}
    for row in list(meeting.attendance):
        # Members who left the groups (or a group removed from the meeting) drop out;
        # guests and substitutes added by hand stay.
        if row.member and row.person_id is not None and row.person_id not in current:
            meeting.attendance.remove(row)
            listed.discard(row.person_id)
    for member in members:
        if member.person_id in listed or member.person_id in substitutes:
            continue
        listed.add(member.person_id)
        meeting.attendance.append(
            Attendance(
                person_id=member.person_id,
                presence=Presence.UNKNOWN.value,  # until the coordinator marks it
                role=member.role,
                member=True,
                position=position,
                guest_name="",
                guest_organisation="",
            )
        )
        position += 1
    session.flush()
    return CHANGED


def list_attendance(session: Session, meeting_id: int) -> list[AttendanceData]:
    meeting = get_row(session, meeting_id)
    ids = {a.person_id for a in meeting.attendance} | {
        a.substitute_for_id for a in meeting.attendance
    }
    people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(ids - {None})))}
    orgs: dict[int | None, str] = dict(
        session.execute(select(Organisation.id, Organisation.name)).all()
    )
    roles = _group_roles(session, meeting)
    result = []
    for row in meeting.attendance:
        person = people.get(row.person_id) if row.person_id else None
        result.append(
            AttendanceData(
                id=row.id,
                person_id=row.person_id,
                name=person.name if person else row.guest_name,
                title=person.title if person else "",
                organisation=(
                    row.guest_organisation
                    or (orgs.get(person.organisation_id, "") if person else "")
                ),
                presence=Presence(row.presence),
                role=row.role,
                substitute_for_id=row.substitute_for_id,
                substitute_for_name=(
                    people[row.substitute_for_id].name if row.substitute_for_id in people else ""
                ),
                member=row.member,
                group_roles=roles.get(row.person_id, ()) if row.member else (),
                partial=row.partial,
                present_from=row.present_from,
                present_to=row.present_to,
                meeting_role=row.meeting_role,
                note=row.note,
            )
        )
    return result


def _group_roles(
    session: Session, meeting: Meeting
) -> dict[int | None, tuple[tuple[str, str], ...]]:
    """Per person, (group name, role) in each of a joint meeting's groups they belong to on its
    day. Left out where the group goes without saying: a meeting of one group, or the same
    role in every group of the meeting."""
    if len(meeting.groups) < 2:
        return {}
    roles: dict[int | None, list[tuple[str, str]]] = defaultdict(list)
    for link in sorted(meeting.groups, key=lambda g: g.position):
        for member in register.members_on(session, link.group_id, meeting.day):
            roles[member.person_id].append((member.group_name, member.role))
    return {
        person: tuple(pairs)
        for person, pairs in roles.items()
        if len(pairs) < len(meeting.groups) or len({role for _g, role in pairs}) > 1
    }


def attendance_row(session: Session, attendance_id: int) -> Attendance:
    row = session.get(Attendance, attendance_id)
    if row is None:
        raise UserError(tr("Raden i närvarolistan finns inte längre."))
    editable_row(session, row.meeting_id)
    return row


def set_presence(
    session: Session,
    attendance_id: int,
    presence: str | Presence,
    *,
    substitute_for_id: int | None = None,
) -> Changes:
    row = attendance_row(session, attendance_id)
    try:
        value = Presence(presence)
    except ValueError:
        raise ValidationError(tr("Okänd närvaro: {p}.").format(p=presence), "presence") from None
    if value is Presence.SUBSTITUTE:
        if substitute_for_id is None:
            raise ValidationError(tr("Ange vem ersättaren ersätter."), "substitute_for_id")
        if substitute_for_id == row.person_id:
            raise ValidationError(tr("En person kan inte ersätta sig själv."), "substitute_for_id")
        if session.get(Person, substitute_for_id) is None:
            raise ValidationError(tr("Personen finns inte längre."), "substitute_for_id")
        row.substitute_for_id = substitute_for_id
    else:
        row.substitute_for_id = None
    row.presence = value.value
    session.flush()
    return CHANGED


def add_attendee(
    session: Session,
    meeting_id: int,
    *,
    person_id: int | None = None,
    name: str = "",
    organisation: str = "",
    presence: str | Presence = Presence.GUEST,
    substitute_for_id: int | None = None,
) -> Created:
    """Add a guest (*adjungerad*) or a substitute: a person from the register, or a free name."""
    meeting = editable_row(session, meeting_id)
    if person_id is None:
        name = clean_text(name, field="name", label=tr("Namn"), required=True, max_length=MAX_NAME)
    elif session.get(Person, person_id) is None:
        raise ValidationError(tr("Personen finns inte längre."), "person_id")
    elif any(a.person_id == person_id for a in meeting.attendance):
        raise ValidationError(tr("Personen finns redan i närvarolistan."), "person_id")
    row = Attendance(
        person_id=person_id,
        guest_name=name.strip() if person_id is None else "",
        guest_organisation=clean_text(
            organisation, field="organisation", label=tr("Organisation"), max_length=MAX_NAME
        ),
        presence=Presence.GUEST.value,
        role="",
        member=False,
        position=max((a.position for a in meeting.attendance), default=-1) + 1,
    )
    meeting.attendance.append(row)
    session.flush()
    if Presence(presence) is not Presence.GUEST:
        set_presence(session, row.id, presence, substitute_for_id=substitute_for_id)
    return Created(row.id, CHANGED)


def mark_unrecorded_present(session: Session, meeting_id: int) -> Changes:
    """Mark everyone whose attendance is not recorded yet as present (a co-opted member as
    *adjungerad*); what was already recorded (förhinder, frånvarande, …) stays."""
    meeting = editable_row(session, meeting_id)
    for row in meeting.attendance:
        if row.presence == Presence.UNKNOWN.value:
            co_opted = row.role == Role.CO_OPTED.value
            row.presence = (Presence.GUEST if co_opted else Presence.PRESENT).value
    session.flush()
    return CHANGED


def remove_attendee(session: Session, attendance_id: int) -> Changes:
    row = attendance_row(session, attendance_id)
    session.delete(row)
    session.flush()
    return CHANGED


# -- statistics -----------------------------------------------------------------------------


def _held_meetings(session: Session, year: int) -> list[Meeting]:
    return list(
        session.scalars(
            select(Meeting).where(
                Meeting.day >= date(year, 1, 1),
                Meeting.day <= date(year, 12, 31),
                Meeting.status != MeetingStatus.PLANNED.value,
            )
        )
    )


def _recorded(session: Session, meeting_id: int) -> list[AttendanceData]:
    """The meeting's attendance rows that were marked: an unmarked one says nothing about
    whether the person came, so it counts neither for nor against them."""
    return [r for r in list_attendance(session, meeting_id) if r.presence is not Presence.UNKNOWN]


def _stats(counts: dict[tuple[str, str], dict[str, int]]) -> list[AttendanceStat]:
    result = [
        AttendanceStat(
            name=name,
            organisation=org,
            meetings=sum(c.values()),
            present=c.get(Presence.PRESENT.value, 0),
            excused=c.get(Presence.EXCUSED.value, 0),
            absent=c.get(Presence.ABSENT.value, 0),
            substitute=c.get(Presence.SUBSTITUTE.value, 0),
            guest=c.get(Presence.GUEST.value, 0),
        )
        for (name, org), c in counts.items()
    ]
    return sorted(result, key=lambda s: (-s.rate, s.name.lower()))


def attendance_by_person(
    session: Session, year: int, *, group_id: int | None = None
) -> list[AttendanceStat]:
    """For each person listed at the year's held meetings: how often present, excused, absent."""
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for meeting in _held_meetings(session, year):
        if group_id is not None and group_id not in {g.group_id for g in meeting.groups}:
            continue
        for row in _recorded(session, meeting.id):
            counts[(row.name, row.organisation)][row.presence.value] += 1
    return _stats(counts)


def attendance_by_organisation(
    session: Session, year: int, *, group_id: int | None = None
) -> list[AttendanceStat]:
    """Per organisation: at how many of the year's meetings it was represented at all."""
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for meeting in _held_meetings(session, year):
        if group_id is not None and group_id not in {g.group_id for g in meeting.groups}:
            continue
        best: dict[str, str] = {}
        rank = {p.value: i for i, p in enumerate(Presence)}
        for row in _recorded(session, meeting.id):
            org = row.organisation or tr("(utan organisation)")
            value = Presence.PRESENT.value if row.presence.attended else row.presence.value
            if org not in best or rank[value] < rank[best[org]]:
                best[org] = value
        for org, value in best.items():
            counts[(org, org)][value] += 1
    return _stats(counts)


# -- a meeting entered after the fact -------------------------------------------------------


def members_joining_later(session: Session, meeting_id: int) -> list[MembershipData]:
    """Members of the meeting's groups whose membership starts after the meeting's day: the
    register says they were not members yet (often because it was built after the meeting)."""
    meeting = get_row(session, meeting_id)
    later: list[MembershipData] = []
    seen: set[int] = set()
    for link in sorted(meeting.groups, key=lambda g: g.position):
        memberships = register.list_memberships(session, group_id=link.group_id)
        seen |= {m.person_id for m in memberships if m.active_on(meeting.day)}
        for m in sorted(memberships, key=lambda m: m.from_date or meeting.day):
            if m.from_date is not None and m.from_date > meeting.day and m.person_id not in seen:
                later.append(m)
                seen.add(m.person_id)
    return later


def count_members_from_meeting_day(session: Session, meeting_id: int) -> Changes:
    """Let the memberships that start after the meeting's day start on that day instead (the
    coordinator confirms they were members then), and list them at the meeting."""
    meeting = editable_row(session, meeting_id)
    for m in members_joining_later(session, meeting_id):
        register.update_membership(
            session, m.id, role=m.role, from_date=meeting.day, to_date=m.to_date
        )
    sync_members(session, meeting_id)
    return Changes.of(MEETINGS, REGISTER)
