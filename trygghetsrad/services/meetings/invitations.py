"""Meeting invitations (RFC 5546): who organises and attends, the SEQUENCE issued, cancelling.

Issuing an invitation remembers its SEQUENCE and a digest of what it said
(`meeting_invitations`); the next one keeps the number when nothing changed and raises it
when anything did — the time, the place, the agenda, an attendee, the organizer, a
cancellation — whichever page or import made the change. The row lives apart from the
meeting so that issuing never touches a row the user edits (undo stays possible).
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from trygghetsrad.db.models import Person
from trygghetsrad.db.models.invitations import MeetingInvitation
from trygghetsrad.domain.changes import MEETINGS, Changes
from trygghetsrad.domain.meetings.agenda_structure import item_numbers
from trygghetsrad.domain.meetings.invitations import (
    Attendee,
    Invitation,
    attendee_role,
    meeting_uid,
    next_sequence,
)
from trygghetsrad.domain.meetings.model import MeetingStatus, by_kind
from trygghetsrad.errors import UserError
from trygghetsrad.i18n import tr
from trygghetsrad.services import register, settings
from trygghetsrad.services.meetings.lifecycle import get_meeting, get_row

DATABASE_ID = "database_id"


def database_identity(session: Session) -> str:
    """This database's own identity (made by the migration; made here for a database built
    without migrations)."""
    value = settings.get_value(session, DATABASE_ID)
    if not value:
        value = uuid.uuid4().hex
        settings.set_value(session, DATABASE_ID, value)
    return value


def _organizer(session: Session) -> tuple[str, str]:
    """The coordinator: the name from the settings, the sender address of the settings or
    else the coordinator's own address in the register."""
    config = settings.load(session)
    name = config.coordinator_name
    email = config.sender_email
    if not email and name:
        addresses = {
            p.email for p in session.scalars(select(Person).where(Person.name == name)) if p.email
        }
        if len(addresses) == 1:
            email = addresses.pop()
    if not email:
        raise UserError(
            tr(
                "En kalenderinbjudan behöver en organisatör med e-postadress: fyll i "
                "”Avsändare för e-post” under Inställningar (eller samordnarens namn och "
                "e-postadress i registret) och exportera igen."
            )
        )
    return name, email


def invitation(session: Session, meeting_id: int, *, record: bool = True) -> Invitation:
    """The invitation to a meeting as it stands, with the SEQUENCE it gets.

    With `record`, the SEQUENCE and digest are stored as issued; without (a read-only
    database), the number is the one the next recorded invitation would get too.
    """
    from trygghetsrad.domain.internal import visible
    from trygghetsrad.services.meetings.agenda import get_agenda
    from trygghetsrad.services.meetings.attendance import list_attendance

    meeting = get_meeting(session, meeting_id)
    row = get_row(session, meeting_id)
    organizer_name, organizer_email = _organizer(session)
    people = {p.id: p for p in register.list_people(session)}
    attendees: list[Attendee] = []
    without: list[str] = []
    seen: set[str] = set()
    for entry in list_attendance(session, meeting_id):
        person = people.get(entry.person_id or -1)
        if person is None or not person.email:
            if entry.name and entry.name not in without:
                without.append(entry.name)
            continue
        if person.email.lower() in seen:
            continue
        seen.add(person.email.lower())
        attendees.append(
            Attendee(person.name, person.email, attendee_role(entry, meeting.chair_id))
        )
    # Numbered as the notice and the minutes number them (internal items take no number).
    items = tuple(visible(get_agenda(session, meeting_id), False))
    numbers = item_numbers(items, meeting.numbering_style, first=meeting.first_paragraph)
    agenda = "\n".join(
        f"{mark} {item.title}".strip() for mark, item in zip(numbers, items, strict=True)
    )
    description = tr("Dagordning:\n{agenda}").format(agenda=agenda) if agenda else ""
    draft = Invitation(
        meeting=meeting,
        uid=meeting_uid(meeting_id, database_identity(session)),
        organizer_name=organizer_name,
        organizer_email=organizer_email,
        attendees=tuple(attendees),
        description=description,
        cancelled=row.cancelled_on is not None,
        without_address=tuple(without),
    )
    digest = draft.digest()
    stored = session.get(MeetingInvitation, meeting_id)
    sequence = next_sequence(
        (stored.sequence, stored.digest) if stored else None, digest, meeting.sequence
    )
    if record:
        if stored is None:
            session.add(MeetingInvitation(meeting_id=meeting_id, sequence=sequence, digest=digest))
        else:
            stored.sequence, stored.digest = sequence, digest
        session.flush()
    return replace(draft, sequence=sequence)


# -- cancelling -----------------------------------------------------------------------------


def cancel_meeting(session: Session, meeting_id: int, *, on: date) -> Changes:
    """Call off a planned meeting: its invitation becomes a cancellation (METHOD:CANCEL)."""
    row = get_row(session, meeting_id)
    if row.status != MeetingStatus.PLANNED.value:
        raise UserError(
            by_kind(
                row.kind,
                tr("Bara ett planerat möte kan ställas in; det här har redan ett protokoll."),
                tr("Bara ett planerat möte kan ställas in; det här har redan anteckningar."),
            )
        )
    if row.cancelled_on is not None:
        raise UserError(tr("Mötet är redan inställt."))
    row.cancelled_on = on
    session.flush()
    return Changes.of(MEETINGS)


def restore_meeting(session: Session, meeting_id: int) -> Changes:
    """Undo a cancellation: the next invitation is a request again, with a higher SEQUENCE."""
    row = get_row(session, meeting_id)
    if row.cancelled_on is None:
        raise UserError(tr("Mötet är inte inställt."))
    row.cancelled_on = None
    session.flush()
    return Changes.of(MEETINGS)


def is_cancelled(session: Session, meeting_id: int) -> bool:
    return get_row(session, meeting_id).cancelled_on is not None
