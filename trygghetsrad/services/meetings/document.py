"""Assembles the export document of a meeting; internal content is dropped unless included."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from trygghetsrad.domain.internal import visible
from trygghetsrad.domain.meetings.document import MeetingDocument, Recipient
from trygghetsrad.domain.meetings.model import AttendanceData, ItemKind
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
) -> MeetingDocument:
    """The document of one meeting; `with_files` loads the attachments' bytes (an e-mail
    draft carries them), else only their names and numbers."""
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
