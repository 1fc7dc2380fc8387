"""Use cases for the documents the user titles: title, date of issue, author and free
chapters of a situation report, an action plan, a year's follow-up or an agreement.

The PDFs read these through `document_settings`, in the app and on the command line alike.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from trygghetsrad.db.models.action_plan import (
    ActionPlan,
    Agreement,
    ReportChapter,
    ReportDocument,
)
from trygghetsrad.db.models.situation import SituationPicture
from trygghetsrad.domain.changes import ACTION_PLAN, SITUATION, Changes, Created
from trygghetsrad.domain.situation.action_plan import check_dates
from trygghetsrad.domain.situation.documents import (
    Chapter,
    DocumentKind,
    DocumentSettings,
    Placement,
)
from trygghetsrad.domain.text import MAX_NAME, clean_text
from trygghetsrad.errors import UserError, ValidationError
from trygghetsrad.i18n import tr
from trygghetsrad.services.records import get_or_fail

CHANGED = Changes.of(SITUATION, ACTION_PLAN)

_OWNER_COLUMN = {
    DocumentKind.SITUATION_REPORT: ("situation_picture_id", SituationPicture),
    DocumentKind.ACTION_PLAN: ("action_plan_id", ActionPlan),
    DocumentKind.AGREEMENT: ("agreement_id", Agreement),
    DocumentKind.FOLLOWUP: ("year", None),
}


def _kind(kind: str) -> DocumentKind:
    try:
        return DocumentKind(kind)
    except ValueError:
        raise ValidationError(tr("Okänd sorts dokument: {k}.").format(k=kind), "kind") from None


def _find(session: Session, kind: DocumentKind, owner: int) -> ReportDocument | None:
    column, _model = _OWNER_COLUMN[kind]
    return session.scalar(select(ReportDocument).where(getattr(ReportDocument, column) == owner))


def _find_or_create(session: Session, kind: DocumentKind, owner: int) -> ReportDocument:
    doc = _find(session, kind, owner)
    if doc is not None:
        return doc
    column, model = _OWNER_COLUMN[kind]
    if model is not None and session.get(model, owner) is None:
        raise UserError(tr("Dokumentet hör till något som inte finns längre."))
    if model is None and not 1900 <= owner <= 2200:
        raise UserError(tr("Året {year} är orimligt.").format(year=owner))
    doc = ReportDocument(kind=kind.value, title="", author="", **{column: owner})
    session.add(doc)
    session.flush()
    return doc


def document_settings(session: Session, kind: str, owner: int) -> DocumentSettings:
    """The user's settings of the document, or empty ones (every field its default)."""
    k = _kind(kind)
    doc = _find(session, k, owner)
    if doc is None:
        return DocumentSettings(kind=k.value, owner=owner)
    chapters = session.scalars(
        select(ReportChapter)
        .where(ReportChapter.document_id == doc.id)
        .order_by(ReportChapter.placement.desc(), ReportChapter.position, ReportChapter.id)
    )
    return DocumentSettings(
        kind=k.value,
        owner=owner,
        title=doc.title,
        issued_on=doc.issued_on,
        author=doc.author,
        chapters=tuple(
            Chapter(
                id=c.id, heading=c.heading, body=c.body, placement=c.placement, position=c.position
            )
            for c in chapters
        ),
        id=doc.id,
    )


def save_head(
    session: Session,
    kind: str,
    owner: int,
    *,
    title: str = "",
    issued_on: date | None = None,
    author: str = "",
) -> Changes:
    """Set the document's title, date of issue and author (empty: the document's default)."""
    if issued_on is not None:
        check_dates(issued_on, None, field="issued_on")
    doc = _find_or_create(session, _kind(kind), owner)
    doc.title = clean_text(title, field="title", label=tr("Rubrik"), max_length=MAX_NAME)
    doc.issued_on = issued_on
    doc.author = clean_text(author, field="author", label=tr("Upprättad av"), max_length=MAX_NAME)
    session.flush()
    return CHANGED


def _clean_chapter(heading: str, body: str, placement: str) -> dict[str, str]:
    try:
        where = Placement(placement).value
    except ValueError:
        raise ValidationError(
            tr("Okänd placering: {p}.").format(p=placement), "placement"
        ) from None
    return {
        "heading": clean_text(
            heading,
            field="heading",
            label=tr("Kapitlets rubrik"),
            required=True,
            max_length=MAX_NAME,
        ),
        "body": clean_text(body, field="body", label=tr("Kapitlets text"), max_length=100_000),
        "placement": where,
    }


def add_chapter(
    session: Session,
    kind: str,
    owner: int,
    *,
    heading: str,
    body: str = "",
    placement: str = Placement.BEFORE.value,
) -> Created:
    """A chapter at the end of the chapters placed before (or after) the generated ones."""
    fields = _clean_chapter(heading, body, placement)
    doc = _find_or_create(session, _kind(kind), owner)
    last = session.scalar(
        select(func.max(ReportChapter.position)).where(
            ReportChapter.document_id == doc.id, ReportChapter.placement == fields["placement"]
        )
    )
    chapter = ReportChapter(document_id=doc.id, position=(last or 0) + 1, **fields)
    session.add(chapter)
    session.flush()
    return Created(chapter.id, CHANGED)


def update_chapter(
    session: Session, chapter_id: int, *, heading: str, body: str, placement: str
) -> Changes:
    chapter = get_or_fail(session, ReportChapter, chapter_id)
    fields = _clean_chapter(heading, body, placement)
    if fields["placement"] != chapter.placement:
        last = session.scalar(
            select(func.max(ReportChapter.position)).where(
                ReportChapter.document_id == chapter.document_id,
                ReportChapter.placement == fields["placement"],
            )
        )
        chapter.position = (last or 0) + 1
    for key, value in fields.items():
        setattr(chapter, key, value)
    session.flush()
    return CHANGED


def move_chapter(session: Session, chapter_id: int, offset: int) -> Changes:
    """Move a chapter `offset` places among the chapters on its side of the document."""
    chapter = get_or_fail(session, ReportChapter, chapter_id)
    siblings = list(
        session.scalars(
            select(ReportChapter)
            .where(
                ReportChapter.document_id == chapter.document_id,
                ReportChapter.placement == chapter.placement,
            )
            .order_by(ReportChapter.position, ReportChapter.id)
        )
    )
    index = siblings.index(chapter)
    target = max(0, min(len(siblings) - 1, index + offset))
    siblings.insert(target, siblings.pop(index))
    for position, sibling in enumerate(siblings, start=1):
        sibling.position = position
    session.flush()
    return CHANGED


def delete_chapter(session: Session, chapter_id: int) -> Changes:
    session.delete(get_or_fail(session, ReportChapter, chapter_id))
    session.flush()
    return CHANGED


def save_document(
    session: Session,
    kind: str,
    owner: int,
    *,
    title: str = "",
    issued_on: date | None = None,
    author: str = "",
    chapters: tuple[Chapter, ...] | list[Chapter] = (),
) -> Changes:
    """Store the whole document as the dialog shows it: head and chapters in their order
    (chapters left out are removed; a chapter with an id keeps its row)."""
    cleaned = [(c, _clean_chapter(c.heading, c.body, c.placement)) for c in chapters]
    save_head(session, kind, owner, title=title, issued_on=issued_on, author=author)
    doc = _find_or_create(session, _kind(kind), owner)
    existing = {
        c.id: c
        for c in session.scalars(select(ReportChapter).where(ReportChapter.document_id == doc.id))
    }
    kept: set[int] = set()
    positions = {Placement.BEFORE.value: 0, Placement.AFTER.value: 0}
    for chapter, fields in cleaned:
        positions[fields["placement"]] += 1
        row = existing.get(chapter.id) if chapter.id is not None else None
        if row is None:
            row = ReportChapter(document_id=doc.id)
            session.add(row)
        else:
            kept.add(row.id)
        row.position = positions[fields["placement"]]
        for key, value in fields.items():
            setattr(row, key, value)
    for chapter_id, row in existing.items():
        if chapter_id not in kept:
            session.delete(row)
    session.flush()
    return CHANGED
