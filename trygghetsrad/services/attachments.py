"""Attachments (*bilagor*) of meetings, agenda items, agreements and situation pictures: add, list, read, remove.

The bytes are stored in the database row (`db.models.attachments`). Lists leave the bytes out
unless asked (`with_data`): the meeting pages and the PDFs need only the names.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from sqlalchemy.orm import Session

from trygghetsrad.db.models.action_plan import Agreement
from trygghetsrad.db.models.attachments import Attachment
from trygghetsrad.db.models.meetings import AgendaItem, Meeting
from trygghetsrad.db.models.situation import SituationPicture
from trygghetsrad.domain.attachments import (
    MAX_ATTACHMENT_BYTES,
    AttachmentInfo,
    OwnerKind,
    safe_filename,
    too_big_message,
)
from trygghetsrad.domain.changes import ACTION_PLAN, MEETINGS, SITUATION, Changes, Created
from trygghetsrad.errors import UserError, ValidationError, os_error_message
from trygghetsrad.i18n import tr
from trygghetsrad.services.attachments_read import (  # the lists: Core, no mapping
    info_of,
    missing_owner_message,
)
from trygghetsrad.services.attachments_read import list_attachments as list_attachments
from trygghetsrad.services.attachments_read import meeting_attachments as meeting_attachments

_COLUMNS = {
    OwnerKind.MEETING: Attachment.meeting_id,
    OwnerKind.ITEM: Attachment.agenda_item_id,
    OwnerKind.AGREEMENT: Attachment.agreement_id,
    OwnerKind.PICTURE: Attachment.picture_id,
}
_OWNERS: dict[
    OwnerKind, type[Meeting] | type[AgendaItem] | type[Agreement] | type[SituationPicture]
] = {
    OwnerKind.MEETING: Meeting,
    OwnerKind.ITEM: AgendaItem,
    OwnerKind.AGREEMENT: Agreement,
    OwnerKind.PICTURE: SituationPicture,
}


_AREAS = {OwnerKind.AGREEMENT: ACTION_PLAN, OwnerKind.PICTURE: SITUATION}


def _changes(owner: OwnerKind) -> Changes:
    return Changes.of(_AREAS.get(owner, MEETINGS))


def _check_owner(session: Session, owner: OwnerKind, owner_id: int) -> None:
    """Refuse an owner that doesn't exist, and a presented (locked) situation picture: its
    report lists its files, so they stay as they were when it was presented."""
    row = session.get(_OWNERS[owner], owner_id)
    if row is None:
        raise UserError(missing_owner_message(owner, owner_id))
    if isinstance(row, SituationPicture):
        from trygghetsrad.services.situation.pictures import check_editable

        check_editable(row)


def read_file(path: Path) -> bytes:
    """A file to attach, refused with a Swedish message when it is missing, a folder or too big
    (checked before reading, so a huge file is never loaded)."""
    try:
        if path.is_dir():
            raise UserError(tr("{path} är en mapp; ange en fil att bifoga.").format(path=path))
        size = path.stat().st_size
        if size > MAX_ATTACHMENT_BYTES:
            raise ValidationError(too_big_message(path.name, size), "data")
        return path.read_bytes()
    except OSError as exc:
        raise UserError(os_error_message(exc)) from exc


def add_attachment(
    session: Session,
    owner: OwnerKind,
    owner_id: int,
    *,
    filename: str,
    data: bytes,
    title: str = "",
    mime_type: str | None = None,
) -> Created:
    """Attach `data` as `filename` to the meeting, agenda item, agreement or picture."""
    _check_owner(session, owner, owner_id)
    name = safe_filename(filename)
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise ValidationError(too_big_message(name, len(data)), "data")
    title = title.strip()
    if len(title) > 200:
        raise ValidationError(tr("Bilagans rubrik får vara högst 200 tecken."), "title")
    if len(name) > 255:
        stem, dot, suffix = name.rpartition(".")
        name = (stem[: 250 - len(suffix)] + dot + suffix) if dot else name[:255]
    row = Attachment(
        title=title,
        filename=name,
        mime_type=mime_type or mimetypes.guess_type(name)[0] or "application/octet-stream",
        size=len(data),
        data=data,
    )
    setattr(row, _COLUMNS[owner].key, owner_id)
    session.add(row)
    session.flush()
    return Created(row.id, _changes(owner))


def get_attachment(
    session: Session, attachment_id: int, *, include_internal: bool = True
) -> AttachmentInfo:
    """One attachment with its bytes; without `include_internal` refused when it belongs to an
    internal agenda item, agreement or picture (it is as internal as its owner)."""
    row = session.get(Attachment, attachment_id)
    if row is None:
        raise UserError(
            tr("Bilagan finns inte (id {id}); den kan ha tagits bort.").format(id=attachment_id)
        )
    owners = (
        (AgendaItem, row.agenda_item_id),
        (Agreement, row.agreement_id),
        (SituationPicture, row.picture_id),
    )
    if not include_internal and any(
        getattr(session.get(model, key), "internal", False) for model, key in owners if key
    ):
        raise UserError(
            tr(
                "Bilagan hör till något som är markerat som internt; välj att ta med interna uppgifter."
            )
        )
    return info_of(row, with_data=True)


def delete_attachment(session: Session, attachment_id: int) -> Changes:
    row = session.get(Attachment, attachment_id)
    if row is None:
        raise UserError(
            tr("Bilagan finns inte (id {id}); den kan ha tagits bort.").format(id=attachment_id)
        )
    info = info_of(row, with_data=False)
    _check_owner(session, info.owner, info.owner_id)
    owner = info.owner
    session.delete(row)
    session.flush()
    return _changes(owner)
