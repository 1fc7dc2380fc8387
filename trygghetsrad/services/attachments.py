"""Attachments (*bilagor*) of meetings, agenda items and agreements: add, list, read, remove.

The bytes are stored in the database row (`db.models.attachments`). Lists leave the bytes out
unless asked (`with_data`): the meeting pages and the PDFs need only the names.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session, defer

from trygghetsrad.db.models.action_plan import Agreement
from trygghetsrad.db.models.attachments import Attachment
from trygghetsrad.db.models.meetings import AgendaItem, Meeting
from trygghetsrad.domain.attachments import (
    MAX_ATTACHMENT_BYTES,
    AttachmentInfo,
    OwnerKind,
    safe_filename,
    too_big_message,
)
from trygghetsrad.domain.changes import ACTION_PLAN, MEETINGS, Changes, Created
from trygghetsrad.errors import UserError, ValidationError, os_error_message
from trygghetsrad.i18n import tr

_COLUMNS = {
    OwnerKind.MEETING: Attachment.meeting_id,
    OwnerKind.ITEM: Attachment.agenda_item_id,
    OwnerKind.AGREEMENT: Attachment.agreement_id,
}
_OWNERS: dict[OwnerKind, type[Meeting] | type[AgendaItem] | type[Agreement]] = {
    OwnerKind.MEETING: Meeting,
    OwnerKind.ITEM: AgendaItem,
    OwnerKind.AGREEMENT: Agreement,
}


def _changes(owner: OwnerKind) -> Changes:
    return Changes.of(ACTION_PLAN if owner is OwnerKind.AGREEMENT else MEETINGS)


def _check_owner(session: Session, owner: OwnerKind, owner_id: int) -> None:
    if session.get(_OWNERS[owner], owner_id) is None:
        raise UserError(
            {
                OwnerKind.MEETING: tr("Det finns inget möte med id {id}."),
                OwnerKind.ITEM: tr("Det finns ingen dagordningspunkt med id {id}."),
                OwnerKind.AGREEMENT: tr("Det finns ingen överenskommelse med id {id}."),
            }[owner].format(id=owner_id)
        )


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
    """Attach `data` as `filename` to the meeting, agenda item or agreement."""
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


def _info(row: Attachment, *, with_data: bool, number: int = 0) -> AttachmentInfo:
    if row.meeting_id is not None:
        owner, owner_id = OwnerKind.MEETING, row.meeting_id
    elif row.agenda_item_id is not None:
        owner, owner_id = OwnerKind.ITEM, row.agenda_item_id
    else:
        owner, owner_id = OwnerKind.AGREEMENT, row.agreement_id or 0
    return AttachmentInfo(
        id=row.id,
        owner=owner,
        owner_id=owner_id,
        title=row.title,
        filename=row.filename,
        mime_type=row.mime_type,
        size=row.size,
        number=number,
        data=bytes(row.data) if with_data else b"",
    )


def _rows(
    session: Session, column: InstrumentedAttribute[int | None], ids: Sequence[int], with_data: bool
) -> list[Attachment]:
    query = select(Attachment).where(column.in_(ids))
    if not with_data:
        query = query.options(defer(Attachment.data))
    return list(session.scalars(query.order_by(Attachment.id)))


def list_attachments(
    session: Session, owner: OwnerKind, owner_id: int, *, with_data: bool = False
) -> list[AttachmentInfo]:
    """The attachments of one meeting, item or agreement, in the order they were added."""
    _check_owner(session, owner, owner_id)
    rows = _rows(session, _COLUMNS[owner], [owner_id], with_data)
    return [_info(row, with_data=with_data) for row in rows]


def meeting_attachments(
    session: Session, meeting_id: int, item_ids: Sequence[int], *, with_data: bool = False
) -> list[AttachmentInfo]:
    """What a meeting's documents list as "Bilaga 1", "Bilaga 2", …: the meeting's own
    attachments first, then each item's in the order of `item_ids` (the agenda as printed),
    each in the order added. Only the items given count, so an item left out of a document
    (internal) takes its attachments with it and the numbers have no gaps."""
    rows = _rows(session, Attachment.meeting_id, [meeting_id], with_data)
    by_item: dict[int, list[Attachment]] = {}
    for row in _rows(session, Attachment.agenda_item_id, list(item_ids), with_data):
        by_item.setdefault(row.agenda_item_id or 0, []).append(row)
    for item_id in item_ids:
        rows += by_item.get(item_id, [])
    return [_info(row, with_data=with_data, number=n) for n, row in enumerate(rows, start=1)]


def get_attachment(session: Session, attachment_id: int) -> AttachmentInfo:
    """One attachment with its bytes."""
    row = session.get(Attachment, attachment_id)
    if row is None:
        raise UserError(
            tr("Bilagan finns inte (id {id}); den kan ha tagits bort.").format(id=attachment_id)
        )
    return _info(row, with_data=True)


def delete_attachment(session: Session, attachment_id: int) -> Changes:
    row = session.get(Attachment, attachment_id)
    if row is None:
        raise UserError(
            tr("Bilagan finns inte (id {id}); den kan ha tagits bort.").format(id=attachment_id)
        )
    owner = _info(row, with_data=False).owner
    session.delete(row)
    session.flush()
    return _changes(owner)
