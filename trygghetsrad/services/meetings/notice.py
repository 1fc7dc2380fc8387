"""The notice (*kallelse*) fields of a meeting: read with defaults, stored when edited."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from trygghetsrad.db.models.meetings import MeetingNotice
from trygghetsrad.domain.changes import MEETINGS, Changes
from trygghetsrad.domain.meetings.notice import (
    MAX_EXCUSES_TO,
    MAX_FOOTNOTE,
    MAX_PLACE,
    NoticeData,
    NoticeSigners,
)
from trygghetsrad.domain.text import clean_text
from trygghetsrad.errors import ValidationError
from trygghetsrad.i18n import tr
from trygghetsrad.services.meetings.read import get_row


def get_notice(session: Session, meeting_id: int) -> NoticeData:
    row = session.get(MeetingNotice, meeting_id)
    if row is None:
        return NoticeData()
    return NoticeData(
        issued_place=row.issued_place,
        issued_on=row.issued_on,
        signed_by=NoticeSigners(row.signed_by),
        excuses_to=row.excuses_to,
        footnote=row.footnote,
    )


def save_notice(
    session: Session,
    meeting_id: int,
    *,
    issued_place: str = "",
    issued_on: date | None = None,
    signed_by: str | NoticeSigners = NoticeSigners.SECRETARY,
    excuses_to: str = "",
    footnote: str = "",
) -> Changes:
    """Store the notice's fields (a notice is not part of the minutes: editable at any time)."""
    meeting = get_row(session, meeting_id)
    try:
        signers = NoticeSigners(signed_by)
    except ValueError:
        raise ValidationError(tr("Okänt val av undertecknare."), "signed_by") from None
    if issued_on is not None and not 1900 <= issued_on.year <= 2100:
        raise ValidationError(tr("Ange ett datum mellan år 1900 och 2100."), "issued_on")
    values = {
        "issued_place": clean_text(
            issued_place, field="issued_place", label=tr("Ort"), max_length=MAX_PLACE
        ),
        "excuses_to": clean_text(
            excuses_to,
            field="excuses_to",
            label=tr("Anmäl förhinder till"),
            max_length=MAX_EXCUSES_TO,
        ),
        "footnote": clean_text(
            footnote,
            field="footnote",
            label=tr("Fotnot"),
            max_length=MAX_FOOTNOTE,
            multiline=True,
        ),
        "issued_on": issued_on,
        "signed_by": signers.value,
    }
    row = session.get(MeetingNotice, meeting.id)
    if row is None:
        row = MeetingNotice(meeting_id=meeting.id)
        session.add(row)
    for key, value in values.items():
        setattr(row, key, value)
    session.flush()
    return Changes.of(MEETINGS)
