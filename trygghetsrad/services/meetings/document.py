"""Assembles the export document of a meeting; internal content is dropped unless included.

Minutes that are justerade/fastställda or sent keep what they decided and followed up: their
actions' due dates, the follow-up table and the day its statuses are judged on come from the
version kept when they were finalised (services/meetings/versions.py), so re-dating or closing
an action later, in Uppdrag or at a later meeting, does not rewrite them. The later change
shows where it was made: in the register and in the next meetings' follow-up.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from trygghetsrad.db.models.meetings import MinutesVersion
from trygghetsrad.domain.internal import visible
from trygghetsrad.domain.meetings.document import MeetingDocument, Recipient
from trygghetsrad.domain.meetings.minutes_versions import loads_document
from trygghetsrad.domain.meetings.model import (
    AgendaItemData,
    AttendanceData,
    ItemKind,
    MeetingStatus,
)
from trygghetsrad.domain.register import PersonData
from trygghetsrad.services import register, settings
from trygghetsrad.services.attachments_read import meeting_attachments
from trygghetsrad.services.meetings.actions import followup
from trygghetsrad.services.meetings.agenda import get_agenda
from trygghetsrad.services.meetings.attendance import list_attendance
from trygghetsrad.services.meetings.notice import get_notice
from trygghetsrad.services.meetings.read import get_meeting, next_meetings


def meeting_document(
    session: Session,
    meeting_id: int,
    *,
    include_internal: bool = False,
    today: date | None = None,
    with_files: bool = False,
    as_kept: bool = True,
) -> MeetingDocument:
    """The document of one meeting; `with_files` loads the attachments' bytes (an e-mail
    draft carries them), else only their names and numbers. `as_kept=False`: finalised
    minutes as the data stands, not as they were decided (for keeping a new version)."""
    meeting = get_meeting(session, meeting_id)
    config = settings.load(session)
    agenda = get_agenda(session, meeting_id)
    followup_item = next((i for i in agenda if i.kind is ItemKind.FOLLOWUP), None)
    followed = visible(followup(session, meeting_id), include_internal)
    if followup_item is not None and not visible([followup_item], include_internal):
        followed = []  # the follow-up item is internal, and so is what it follows up
    items = tuple(
        replace(
            item,
            notes=tuple(visible(item.notes, include_internal)),
            decisions=tuple(visible(item.decisions, include_internal)),
            actions=tuple(visible(item.actions, include_internal)),
        )
        for item in visible(agenda, include_internal)
    )
    attendance = tuple(list_attendance(session, meeting_id))
    people = {p.id: p for p in register.list_people(session)}
    recipients, without_address = _recipients(attendance, people)
    secretary = people.get(meeting.secretary_id or -1)
    if not meeting.secretary_name and config.coordinator_name:
        # Minutes are signed by the coordinator unless someone else was named.
        meeting = replace(
            meeting,
            secretary_name=config.coordinator_name,
            secretary_title=config.coordinator_title,
        )
    kept = _kept(session, meeting_id) if as_kept and meeting.status in _KEPT else None
    if kept is not None and not include_internal:
        items, followed = _as_decided(items, kept), list(kept.followup)
        today = kept.today  # statuses as judged the day they were finalised
    return MeetingDocument(
        meeting=meeting,
        municipality=config.municipality,
        logo=config.logo,
        author=meeting.secretary_name or config.coordinator_name,
        attendance=attendance,
        items=items,
        followup=tuple(followed),
        followup_apart=followup_item is None,
        next_meetings=tuple(next_meetings(session, meeting_id)),
        recipients=recipients,
        without_address=without_address,
        contact_email=secretary.email if secretary else "",
        include_internal=include_internal,
        today=today or date.today(),
        notice=get_notice(session, meeting_id),
        presence_order=config.attendance_order,
        sender_email=config.sender_email,
        attachments=tuple(
            meeting_attachments(session, meeting_id, [i.id for i in items], with_data=with_files)
        ),
    )


_KEPT = (MeetingStatus.FINALISED, MeetingStatus.SENT)


def _kept(session: Session, meeting_id: int) -> MeetingDocument | None:
    """The latest version kept of the meeting's minutes (None in a database that has none)."""
    data = session.scalar(
        select(MinutesVersion.document)
        .where(MinutesVersion.meeting_id == meeting_id)
        .order_by(MinutesVersion.number.desc())
        .limit(1)
    )
    return loads_document(data) if data is not None else None


def _as_decided(
    items: tuple[AgendaItemData, ...], kept: MeetingDocument
) -> tuple[AgendaItemData, ...]:
    """The items with each action's due date as the kept minutes decided it."""
    decided = {a.id: a.due_date for item in kept.items for a in item.actions}
    return tuple(
        replace(
            item,
            actions=tuple(
                replace(a, due_date=decided[a.id]) if a.id in decided else a for a in item.actions
            ),
        )
        for item in items
    )


def _recipients(
    attendance: tuple[AttendanceData, ...], people: dict[int, PersonData]
) -> tuple[tuple[Recipient, ...], tuple[str, ...]]:
    """Who an e-mail draft goes to (one address once), and who on the list has no address."""
    recipients: list[Recipient] = []
    missing: list[str] = []
    seen = set()
    for row in attendance:
        person = people.get(row.person_id or -1)
        if person is None or not person.email:
            if row.name and row.name not in missing:
                missing.append(row.name)
        elif person.email.lower() not in seen:
            seen.add(person.email.lower())
            recipients.append(Recipient(person.name, person.email))
    return tuple(recipients), tuple(missing)
