"""Versions of the minutes as finalised or sent, kept unchanged for good (*allmän handling*).

Finalising and sending each store the document's data as it stands then (without internal
content: what is distributed). Reopening a sent meeting for change first stores what was
sent when an older database has no copy of it yet. Nothing here updates or deletes a version.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from trygghetsrad.db.models.meetings import Meeting, MinutesVersion
from trygghetsrad.domain.meetings.document import MeetingDocument
from trygghetsrad.domain.meetings.minutes_versions import (
    MinutesVersionInfo,
    VersionEvent,
    dumps_document,
    loads_document,
)
from trygghetsrad.domain.meetings.model import MeetingKind
from trygghetsrad.errors import UserError
from trygghetsrad.i18n import tr
from trygghetsrad.services.meetings.document import meeting_document


def record_version(
    session: Session, meeting_id: int, event: VersionEvent, *, on: date
) -> MinutesVersionInfo:
    """Store the minutes as they are now, as version N+1 of the meeting."""
    # Finalising keeps the data as it stands; sending keeps what was finalised.
    doc = meeting_document(
        session, meeting_id, include_internal=False, today=on, as_kept=event is VersionEvent.SENT
    )
    # What the minutes print, no more: e-mail addresses stay in the register, where erasing
    # a person (privacy.erase_person) can reach them.
    doc = replace(doc, recipients=(), contact_email="", sender_email="")
    number = _last_number(session, meeting_id) + 1
    session.add(
        MinutesVersion(
            meeting_id=meeting_id,
            number=number,
            event=event.value,
            recorded_on=on,
            document=dumps_document(doc),
        )
    )
    session.flush()
    return MinutesVersionInfo(number, event, on, doc.is_protocol)


def _last_number(session: Session, meeting_id: int) -> int:
    query = select(func.max(MinutesVersion.number)).where(MinutesVersion.meeting_id == meeting_id)
    return session.scalar(query) or 0


def has_sent_version(session: Session, meeting_id: int) -> bool:
    query = select(MinutesVersion.id).where(
        MinutesVersion.meeting_id == meeting_id,
        MinutesVersion.event == VersionEvent.SENT.value,
    )
    return session.scalar(query.limit(1)) is not None


def list_versions(session: Session, meeting_id: int) -> list[MinutesVersionInfo]:
    meeting = session.get(Meeting, meeting_id)
    protocol = meeting is not None and meeting.kind == MeetingKind.PROTOCOL.value
    rows = session.execute(
        select(MinutesVersion.number, MinutesVersion.event, MinutesVersion.recorded_on)
        .where(MinutesVersion.meeting_id == meeting_id)
        .order_by(MinutesVersion.number)
    ).all()
    return [MinutesVersionInfo(n, VersionEvent(e), on, protocol) for n, e, on in rows]


def version_document(session: Session, meeting_id: int, number: int) -> MeetingDocument:
    """The document of version `number`, exactly as it was stored."""
    text = session.scalar(
        select(MinutesVersion.document).where(
            MinutesVersion.meeting_id == meeting_id, MinutesVersion.number == number
        )
    )
    if text is None:
        numbers = [v.number for v in list_versions(session, meeting_id)]
        if not numbers:
            raise UserError(tr("Mötet har inga sparade versioner av protokollet ännu."))
        raise UserError(
            tr("Mötet har ingen version {n}; det finns {numbers}.").format(
                n=number, numbers=", ".join(str(n) for n in numbers)
            )
        )
    return loads_document(text)
