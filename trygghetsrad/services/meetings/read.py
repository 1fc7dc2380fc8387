"""Reading meetings: rows, summaries, details, the meetings around one, whether it may be edited.

The base the other meetings_* modules build on; `services.meetings.lifecycle` re-exports it.
"""

from __future__ import annotations

from datetime import date, time
from enum import Enum
from typing import TypedDict

from sqlalchemy import select
from sqlalchemy.orm import Session

from trygghetsrad.db.models import Group, Person
from trygghetsrad.db.models.meetings import Meeting, MeetingGroup
from trygghetsrad.domain.meetings.agenda_structure import Numbering
from trygghetsrad.domain.meetings.listing import meeting_summaries
from trygghetsrad.domain.meetings.model import (
    MeetingDetail,
    MeetingKind,
    MeetingStatus,
    MeetingSummary,
    by_kind,
    default_title,
)
from trygghetsrad.errors import UserError
from trygghetsrad.i18n import tr
from trygghetsrad.services import settings


class _Keep(Enum):
    """The default of an update's fields: leave the stored value as it is."""

    KEEP = "keep"


KEEP = _Keep.KEEP

# -- reading --------------------------------------------------------------------------------


def get_row(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise UserError(
            tr("Mötet finns inte (id {id}); det kan ha tagits bort.").format(id=meeting_id)
        )
    return meeting


def _group_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(Group.id, Group.name)).all())


class _SummaryFields(TypedDict):
    """The fields of `MeetingSummary`, which `MeetingDetail` extends."""

    id: int
    title: str
    kind: MeetingKind
    status: MeetingStatus
    day: date
    start_time: time | None
    end_time: time | None
    place: str
    online_link: str
    group_ids: tuple[int, ...]
    group_names: tuple[str, ...]
    cancelled_on: date | None


def _summary_fields(meeting: Meeting, names: dict[int, str]) -> _SummaryFields:
    groups = sorted(meeting.groups, key=lambda g: (g.position, g.group_id))
    group_ids = tuple(g.group_id for g in groups)
    group_names = tuple(names.get(g, "") for g in group_ids)
    kind = MeetingKind(meeting.kind)
    return {
        "id": meeting.id,
        "title": meeting.title or default_title(kind, group_names),
        "kind": kind,
        "status": MeetingStatus(meeting.status),
        "day": meeting.day,
        "start_time": meeting.start_time,
        "end_time": meeting.end_time,
        "place": meeting.place,
        "online_link": meeting.online_link,
        "group_ids": group_ids,
        "group_names": group_names,
        "cancelled_on": meeting.cancelled_on,
    }


def list_meetings(
    session: Session,
    *,
    group_id: int | None = None,
    year: int | None = None,
    start: date | None = None,
    end: date | None = None,
) -> list[MeetingSummary]:
    """Meetings ordered by date and time, optionally of one group, one year or a date range.

    Read as plain rows, not as mapped objects: the list of every meeting is read when the
    Möten page opens (at start-up), and ten years are hundreds of meetings."""
    query = select(
        Meeting.id,
        Meeting.title,
        Meeting.kind,
        Meeting.status,
        Meeting.day,
        Meeting.start_time,
        Meeting.end_time,
        Meeting.place,
        Meeting.online_link,
        Meeting.cancelled_on,
    ).order_by(Meeting.day, Meeting.start_time, Meeting.id)
    if group_id is not None:
        query = query.join(MeetingGroup).where(MeetingGroup.group_id == group_id)
    if year is not None:
        query = query.where(Meeting.day >= date(year, 1, 1), Meeting.day <= date(year, 12, 31))
    if start is not None:
        query = query.where(Meeting.day >= start)
    if end is not None:
        query = query.where(Meeting.day <= end)
    rows = session.execute(query).all()
    links = session.execute(
        select(MeetingGroup.meeting_id, MeetingGroup.group_id, MeetingGroup.position)
    ).all()
    return meeting_summaries(rows, links, _group_names(session))


def get_meeting(session: Session, meeting_id: int) -> MeetingDetail:
    meeting = get_row(session, meeting_id)
    people = {
        p.id: p
        for p in session.scalars(
            select(Person).where(
                Person.id.in_(
                    [i for i in (meeting.chair_id, meeting.secretary_id, meeting.adjuster_id) if i]
                )
            )
        )
    }

    def name(pid: int | None) -> str:
        return people[pid].name if pid in people else ""

    secretary = people.get(meeting.secretary_id or -1)
    return MeetingDetail(
        **_summary_fields(meeting, _group_names(session)),
        chair_id=meeting.chair_id,
        chair_name=name(meeting.chair_id),
        secretary_id=meeting.secretary_id,
        secretary_name=name(meeting.secretary_id),
        secretary_title=meeting.secretary_title or _title_of(session, secretary),
        adjuster_id=meeting.adjuster_id,
        adjuster_name=name(meeting.adjuster_id),
        finalised_on=meeting.finalised_on,
        sent_on=meeting.sent_on,
        revised_on=meeting.revised_on,
        revision_note=meeting.revision_note,
        first_paragraph=meeting.first_paragraph,
        previous_meeting_id=meeting.previous_meeting_id,
        sequence=meeting.sequence,
        numbering=Numbering(meeting.numbering),
        group_by_category=meeting.group_by_category,
    )


def _title_of(session: Session, secretary: Person | None) -> str:
    """The title under "Vid pennan" when the meeting names none: the coordinator's title
    from the settings when the coordinator holds the pen, else the register's."""
    if secretary is None:
        return ""
    config = settings.load(session)
    if config.coordinator_title and secretary.name == config.coordinator_name:
        return config.coordinator_title
    return secretary.title


def next_meetings(session: Session, meeting_id: int) -> list[MeetingSummary]:
    """The meetings planned from this meeting's "Nästa möte"."""
    ids = session.scalars(select(Meeting.id).where(Meeting.previous_meeting_id == meeting_id))
    wanted = set(ids)
    if wanted:
        return [m for m in list_meetings(session) if m.id in wanted]
    # Not planned from here: the next meeting of each of the meeting's groups.
    meeting = get_meeting(session, meeting_id)
    found: dict[int, MeetingSummary] = {}
    for m in list_meetings(session, start=meeting.day):
        if m.id == meeting_id or (m.day, m.start_time or time(0)) <= (
            meeting.day,
            meeting.start_time or time(0),
        ):
            continue
        for gid in set(m.group_ids) & set(meeting.group_ids):
            found.setdefault(gid, m)
    return sorted(
        {m.id: m for m in found.values()}.values(), key=lambda m: (m.day, m.start_time or time(0))
    )


def previous_meeting_of_group(session: Session, meeting_id: int) -> MeetingSummary | None:
    """The latest earlier meeting sharing a group with this one."""
    meeting = get_meeting(session, meeting_id)
    earlier = [
        m
        for m in list_meetings(session, end=meeting.day)
        if m.id != meeting_id
        and set(m.group_ids) & set(meeting.group_ids)
        and (m.day, m.start_time or time(0), m.id)
        < (meeting.day, meeting.start_time or time(0), meeting.id)
    ]
    return earlier[-1] if earlier else None


def editable_row(session: Session, meeting_id: int) -> Meeting:
    """The meeting, if its minutes may be edited now; otherwise a clear message."""
    meeting = get_row(session, meeting_id)
    reason = locked_reason(meeting.kind, meeting.status)
    if reason is not None:
        raise UserError(reason)
    return meeting


def locked_reason(kind: str, status: str) -> str | None:
    """Why minutes of `kind` in `status` cannot be edited, and what opens them again; None
    while they can be edited. The same words on the page as in the refusal."""
    if status == MeetingStatus.SENT.value:
        return by_kind(
            kind,
            tr(
                "Protokollet är skickat och är en allmän handling. Välj ”Öppna för ändring” "
                "och skriv vad som ändras för att redigera det."
            ),
            tr(
                "Minnesanteckningarna är skickade och är en allmän handling. Välj ”Öppna "
                "för ändring” och skriv vad som ändras för att redigera dem."
            ),
        )
    if status == MeetingStatus.FINALISED.value:
        return by_kind(
            kind,
            tr("Protokollet är justerat. Välj ”Ångra justering” för att redigera det igen."),
            tr(
                "Minnesanteckningarna är fastställda. Välj ”Ångra fastställande” för att "
                "redigera dem igen."
            ),
        )
    return None
