"""Listing attachments (*bilagor*) without the ORM: the names the meeting pages and documents
show, read with SQLAlchemy Core.

An attachment's model points at meetings, agenda items and agreements, so mapping it maps every
workspace (`db.models._complete_foreign_keys`). The Möten page lists a meeting's and an item's
files as it opens, at start-up; reading them through the table's columns keeps start-up to the
meetings' own models. Adding, reading the bytes of one file and removing stay in
`services/attachments.py` (the ORM, with the journal's undo).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, column, select, table
from sqlalchemy.orm import Session

from trygghetsrad.domain.attachments import AttachmentInfo, OwnerKind
from trygghetsrad.errors import UserError
from trygghetsrad.i18n import tr

_ATTACHMENTS = table(
    "attachments",
    column("id"),
    column("meeting_id"),
    column("agenda_item_id"),
    column("agreement_id"),
    column("picture_id"),
    column("title"),
    column("filename"),
    column("mime_type"),
    column("size"),
    column("data"),
)
OWNER_COLUMNS = {
    OwnerKind.MEETING: "meeting_id",
    OwnerKind.ITEM: "agenda_item_id",
    OwnerKind.AGREEMENT: "agreement_id",
    OwnerKind.PICTURE: "picture_id",
}
_OWNER_TABLES = {
    OwnerKind.MEETING: "meetings",
    OwnerKind.ITEM: "agenda_items",
    OwnerKind.AGREEMENT: "agreements",
    OwnerKind.PICTURE: "situation_pictures",
}


def missing_owner_message(owner: OwnerKind, owner_id: int) -> str:
    return {
        OwnerKind.MEETING: tr("Det finns inget möte med id {id}."),
        OwnerKind.ITEM: tr("Det finns ingen dagordningspunkt med id {id}."),
        OwnerKind.AGREEMENT: tr("Det finns ingen överenskommelse med id {id}."),
        OwnerKind.PICTURE: tr("Det finns ingen lägesbild med id {id}."),
    }[owner].format(id=owner_id)


def check_owner(session: Session, owner: OwnerKind, owner_id: int) -> None:
    """Refuse, in Swedish, a meeting, item, agreement or picture that doesn't exist."""
    owners = table(_OWNER_TABLES[owner], column("id"))
    found = session.execute(select(owners.c.id).where(owners.c.id == owner_id)).first()
    if found is None:
        raise UserError(missing_owner_message(owner, owner_id))


def info_of(row: Any, *, with_data: bool, number: int = 0) -> AttachmentInfo:
    """The domain view of one attachment row (a Core row or an ORM object alike)."""
    if row.meeting_id is not None:
        owner, owner_id = OwnerKind.MEETING, row.meeting_id
    elif row.agenda_item_id is not None:
        owner, owner_id = OwnerKind.ITEM, row.agenda_item_id
    elif row.agreement_id is not None:
        owner, owner_id = OwnerKind.AGREEMENT, row.agreement_id
    else:
        owner, owner_id = OwnerKind.PICTURE, row.picture_id or 0
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


def _query(owner_column: str, ids: Sequence[int], with_data: bool) -> Select[Any]:
    wanted = [c for c in _ATTACHMENTS.c if with_data or c.name != "data"]
    return select(*wanted).where(_ATTACHMENTS.c[owner_column].in_(ids)).order_by(_ATTACHMENTS.c.id)


def _rows(session: Session, owner_column: str, ids: Sequence[int], with_data: bool) -> list[Any]:
    return list(session.execute(_query(owner_column, ids, with_data)))


def list_attachments(
    session: Session, owner: OwnerKind, owner_id: int, *, with_data: bool = False
) -> list[AttachmentInfo]:
    """The attachments of one meeting, item or agreement, in the order they were added."""
    check_owner(session, owner, owner_id)
    rows = _rows(session, OWNER_COLUMNS[owner], [owner_id], with_data)
    return [info_of(row, with_data=with_data) for row in rows]


def meeting_attachments(
    session: Session, meeting_id: int, item_ids: Sequence[int], *, with_data: bool = False
) -> list[AttachmentInfo]:
    """What a meeting's documents list as "Bilaga 1", "Bilaga 2", …: the meeting's own
    attachments first, then each item's in the order of `item_ids` (the agenda as printed),
    each in the order added. Only the items given count, so an item left out of a document
    (internal) takes its attachments with it and the numbers have no gaps."""
    rows = _rows(session, "meeting_id", [meeting_id], with_data)
    by_item: dict[int, list[Any]] = {}
    for row in _rows(session, "agenda_item_id", list(item_ids), with_data):
        by_item.setdefault(row.agenda_item_id or 0, []).append(row)
    for item_id in item_ids:
        rows += by_item.get(item_id, [])
    return [info_of(row, with_data=with_data, number=n) for n, row in enumerate(rows, start=1)]
