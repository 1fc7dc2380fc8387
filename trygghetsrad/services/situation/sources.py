"""Use cases of the data-source register (*underlag*): sources, obstacles, attachments, deliveries."""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from trygghetsrad.db.models import Organisation, Person
from trygghetsrad.db.models.situation import DataSource, SourceAttachment, SourceObstacle
from trygghetsrad.domain import calendar_items as cal
from trygghetsrad.domain.changes import SITUATION, Changes, Created
from trygghetsrad.domain.situation.picture import (
    AttachmentInfo,
    Frequency,
    GeoLevel,
    ObstacleData,
    ObstacleKind,
    SourceData,
    SourceKind,
    SourceStatus,
    next_after,
)
from trygghetsrad.domain.text import title_beside
from trygghetsrad.errors import ReferencedError, UserError, ValidationError, os_error_reason
from trygghetsrad.files import write_document
from trygghetsrad.i18n import tr
from trygghetsrad.services.references import find_references
from trygghetsrad.services.situation.common import CHANGED, check_exists, get, name, text

MAX_ATTACHMENT = 50 * 1024 * 1024


def _person_label(person: Person | None, orgs: dict[int, str]) -> str:
    """ "Birgitta Lund, ordförande, Föräldrar på stan Storåker": a title is a title where
    the person works, and without the organisation "ordförande" read as the council's."""
    if person is None:
        return ""
    organisation = orgs.get(person.organisation_id or -1, "")
    title = title_beside(person.title, organisation).lower()
    return ", ".join(p for p in (person.name, title, organisation) if p)


def _source_data(src: DataSource, orgs: dict[int, str], people: dict[int, Person]) -> SourceData:
    provider = orgs.get(src.provider_organisation_id or -1, "") or src.provider_name
    return SourceData(
        id=src.id,
        name=src.name,
        kind=src.kind,
        description=src.description,
        provider_organisation_id=src.provider_organisation_id,
        provider=provider,
        delivered_by_id=src.delivered_by_id,
        delivered_by=_person_label(people.get(src.delivered_by_id or -1), orgs),
        frequency=src.frequency,
        last_received=src.last_received,
        next_expected=src.next_expected,
        geographic_level=src.geographic_level,
        status=src.status,
        internal=src.internal,
        note=src.note,
        obstacles=tuple(ObstacleData(o.kind, o.note, o.id) for o in src.obstacles),
        attachment_count=len(src.attachments),
        provider_name=src.provider_name,
    )


def _lookups(session: Session) -> tuple[dict[int, str], dict[int, Person]]:
    orgs = dict(session.execute(select(Organisation.id, Organisation.name)).all())
    people = {p.id: p for p in session.scalars(select(Person))}
    return orgs, people


def list_sources(session: Session) -> list[SourceData]:
    orgs, people = _lookups(session)
    sources = session.scalars(
        select(DataSource)
        .options(selectinload(DataSource.obstacles), selectinload(DataSource.attachments))
        .order_by(func.lower(DataSource.name))
    )
    return [_source_data(s, orgs, people) for s in sources]


def get_source(session: Session, source_id: int) -> SourceData:
    orgs, people = _lookups(session)
    return _source_data(get(session, DataSource, source_id), orgs, people)


def _fields(
    session: Session,
    source_id: int | None,
    *,
    name_: str,
    kind: str,
    description: str,
    provider_organisation_id: int | None,
    provider_name: str,
    delivered_by_id: int | None,
    frequency: str,
    last_received: date | None,
    next_expected: date | None,
    geographic_level: str,
    status: str,
    internal: bool,
    note: str,
) -> dict[str, object]:
    clean = name(name_)
    query = select(DataSource.id).where(func.lower(DataSource.name) == clean.lower())
    if source_id is not None:
        query = query.where(DataSource.id != source_id)
    if session.scalar(query) is not None:
        raise ValidationError(
            tr("Det finns redan ett underlag som heter ”{name}”.").format(name=clean), "name"
        )
    check_exists(
        session,
        Organisation,
        provider_organisation_id,
        "provider_organisation_id",
        tr("Organisationen"),
    )
    check_exists(session, Person, delivered_by_id, "delivered_by_id", tr("Personen"))
    return {
        "name": clean,
        "kind": SourceKind.clean(kind, "kind", tr("typ av underlag")),
        "description": text(description, field="description", label=tr("Beskrivning")),
        "provider_organisation_id": provider_organisation_id,
        "provider_name": text(
            provider_name, field="provider_name", label=tr("Leverantör"), max_length=200
        ),
        "delivered_by_id": delivered_by_id,
        "frequency": Frequency.clean(frequency, "frequency", tr("hur ofta")),
        "last_received": last_received,
        "next_expected": next_expected,
        "geographic_level": GeoLevel.clean(
            geographic_level, "geographic_level", tr("geografisk nivå")
        ),
        "status": SourceStatus.clean(status, "status", tr("status")),
        "internal": bool(internal),
        "note": text(note, field="note", label=tr("Anteckning")),
    }


def create_source(
    session: Session,
    *,
    name: str,
    kind: str = "statistics",
    description: str = "",
    provider_organisation_id: int | None = None,
    provider_name: str = "",
    delivered_by_id: int | None = None,
    frequency: str = "yearly",
    last_received: date | None = None,
    next_expected: date | None = None,
    geographic_level: str = "municipality",
    status: str = SourceStatus.UNKNOWN.value,
    internal: bool = False,
    note: str = "",
    obstacles: Iterable[ObstacleData | tuple[str, str]] = (),
) -> Created:
    fields = _fields(
        session,
        None,
        name_=name,
        kind=kind,
        description=description,
        provider_organisation_id=provider_organisation_id,
        provider_name=provider_name,
        delivered_by_id=delivered_by_id,
        frequency=frequency,
        last_received=last_received,
        next_expected=next_expected,
        geographic_level=geographic_level,
        status=status,
        internal=internal,
        note=note,
    )
    source = DataSource(**fields)
    source.obstacles = _obstacles(obstacles)
    session.add(source)
    session.flush()
    return Created(source.id, CHANGED)


def update_source(
    session: Session,
    source_id: int,
    *,
    name: str,
    kind: str,
    description: str = "",
    provider_organisation_id: int | None = None,
    provider_name: str = "",
    delivered_by_id: int | None = None,
    frequency: str = "yearly",
    last_received: date | None = None,
    next_expected: date | None = None,
    geographic_level: str = "municipality",
    status: str = "available",
    internal: bool = False,
    note: str = "",
    obstacles: Iterable[ObstacleData | tuple[str, str]] | None = None,
) -> Changes:
    source = get(session, DataSource, source_id)
    fields = _fields(
        session,
        source_id,
        name_=name,
        kind=kind,
        description=description,
        provider_organisation_id=provider_organisation_id,
        provider_name=provider_name,
        delivered_by_id=delivered_by_id,
        frequency=frequency,
        last_received=last_received,
        next_expected=next_expected,
        geographic_level=geographic_level,
        status=status,
        internal=internal,
        note=note,
    )
    for key, value in fields.items():
        setattr(source, key, value)
    if obstacles is not None:
        source.obstacles = _obstacles(obstacles)
    session.flush()
    return CHANGED


def _obstacles(items: Iterable[ObstacleData | tuple[str, str]]) -> list[SourceObstacle]:
    result = []
    for item in items:
        kind, note = (item.kind, item.note) if isinstance(item, ObstacleData) else item
        result.append(
            SourceObstacle(
                kind=ObstacleKind.clean(kind, "obstacles", tr("hinder")),
                note=text(
                    note, field="obstacles", label=tr("Anteckning om hinder"), max_length=2000
                ),
            )
        )
    return result


def set_obstacles(
    session: Session, source_id: int, obstacles: Iterable[ObstacleData | tuple[str, str]]
) -> Changes:
    source = get(session, DataSource, source_id)
    source.obstacles = _obstacles(obstacles)
    session.flush()
    return CHANGED


def mark_received(session: Session, source_id: int, *, on: date) -> Changes:
    """Record a delivery: last received becomes `on`, the next one follows from the frequency."""
    source = get(session, DataSource, source_id)
    source.last_received = on
    source.next_expected = next_after(on, source.frequency)
    if source.status != SourceStatus.AVAILABLE:
        source.status = SourceStatus.AVAILABLE.value
    session.flush()
    return CHANGED


def delete_source(session: Session, source_id: int) -> Changes:
    source = get(session, DataSource, source_id)
    refs = [
        r
        for r in find_references(session, "data_sources", source_id)
        if r.table not in {"source_obstacles", "source_attachments", "observation_sources"}
    ]
    if refs:
        raise ReferencedError(
            tr("”{name}” kan inte tas bort eftersom underlaget används: {refs}.").format(
                name=source.name, refs=", ".join(f"{r.count} {r.label}" for r in refs)
            ),
            [r.label for r in refs],
        )
    session.delete(source)
    session.flush()
    return CHANGED


def sources_needing_attention(session: Session, today: date) -> list[SourceData]:
    """Missing, overdue, requested or soon-due sources, most serious first."""
    order = {"missing": 0, "overdue": 1, "requested": 2, "due_soon": 3}
    found = [(alert, s) for s in list_sources(session) if (alert := s.alert(today)) is not None]
    found.sort(key=lambda pair: (order[pair[0].value], pair[1].name.lower()))
    return [s for _alert, s in found]


# -- attachments -------------------------------------------------------------------------------


def list_attachments(session: Session, source_id: int) -> list[AttachmentInfo]:
    rows = session.execute(
        select(
            SourceAttachment.id,
            SourceAttachment.source_id,
            SourceAttachment.filename,
            SourceAttachment.mime_type,
            SourceAttachment.size,
            SourceAttachment.received_on,
        )
        .where(SourceAttachment.source_id == source_id)
        .order_by(SourceAttachment.id)
    ).all()
    return [AttachmentInfo(*row) for row in rows]


def add_attachment(
    session: Session,
    source_id: int,
    *,
    filename: str,
    data: bytes,
    received_on: date | None = None,
    mime_type: str | None = None,
) -> Created:
    get(session, DataSource, source_id)
    clean = Path(str(filename).replace("\\", "/")).name.strip()
    if not clean:
        raise ValidationError(tr("Bilagan saknar filnamn."), "filename")
    if len(clean) > 255:
        raise ValidationError(tr("Filnamnet är för långt (högst 255 tecken)."), "filename")
    if len(data) > MAX_ATTACHMENT:
        raise ValidationError(
            tr("Filen är för stor för att sparas som bilaga (högst 50 MB)."), "data"
        )
    mime = mime_type or mimetypes.guess_type(clean)[0] or "application/octet-stream"
    attachment = SourceAttachment(
        source_id=source_id,
        filename=clean,
        mime_type=mime,
        size=len(data),
        received_on=received_on,
        data=bytes(data),
    )
    session.add(attachment)
    session.flush()
    return Created(attachment.id, CHANGED)


def add_attachment_from_file(
    session: Session, source_id: int, path: Path, *, received_on: date | None = None
) -> Created:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(
            tr("Filen {name} kan inte läsas: {reason}.").format(
                name=path.name, reason=os_error_reason(exc)
            )
        ) from exc
    return add_attachment(
        session, source_id, filename=path.name, data=data, received_on=received_on
    )


def attachment_bytes(session: Session, attachment_id: int) -> tuple[str, bytes]:
    attachment = get(session, SourceAttachment, attachment_id)
    return attachment.filename, attachment.data


def save_attachment(session: Session, attachment_id: int, target: Path) -> Path:
    """Write the stored file back out to `target`."""
    _name, data = attachment_bytes(session, attachment_id)
    return write_document(target, data)  # all at once, never over the database


def delete_attachment(session: Session, attachment_id: int) -> Changes:
    session.delete(get(session, SourceAttachment, attachment_id))
    session.flush()
    return CHANGED


# -- the annual wheel --------------------------------------------------------------------------


def calendar_items(session: Session, start: date, end: date) -> list[cal.CalendarItem]:
    """Expected deliveries of data sources, for the wheel's data-delivery ring."""
    orgs, people = _lookups(session)
    query = select(DataSource).where(
        DataSource.next_expected.is_not(None),
        DataSource.next_expected >= start,
        DataSource.next_expected <= end,
    )
    items = []
    for src in session.scalars(query.order_by(DataSource.next_expected)):
        if src.next_expected is None:  # never: the query asks for sources with a date
            continue
        data = _source_data(src, orgs, people)
        items.append(
            cal.CalendarItem(
                key=f"data_source:{src.id}",
                title=tr("Underlag väntas: {name}").format(name=src.name),
                category=cal.DATA_DELIVERIES,
                start=src.next_expected,
                description=data.provider,
                responsible=people[src.delivered_by_id].name
                if src.delivered_by_id in people
                else data.provider,
                internal=src.internal,
                owner=cal.Owner(SITUATION, "data_source", src.id),
            )
        )
    return items
