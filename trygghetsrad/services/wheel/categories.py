"""The annual wheel's rings (categories): listed outermost first, named, coloured, shown or
hidden, reordered; own rings added and removed (a ring in use stays)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from trygghetsrad.db.models.wheel import WheelCategory as CategoryRow
from trygghetsrad.db.models.wheel import WheelEvent as EventRow
from trygghetsrad.domain.changes import WHEEL, Changes, Created
from trygghetsrad.domain.wheel import model as dw
from trygghetsrad.errors import ReferencedError, UserError, ValidationError
from trygghetsrad.i18n import plural, tr

CHANGED = Changes.of(WHEEL)


def _category(row: CategoryRow) -> dw.WheelCategory:
    return dw.WheelCategory(row.id, row.key, row.name, row.color, row.position, row.visible)


def list_categories(session: Session) -> list[dw.WheelCategory]:
    rows = session.scalars(select(CategoryRow).order_by(CategoryRow.position, CategoryRow.id))
    return [_category(r) for r in rows]


def _category_row(session: Session, key: str) -> CategoryRow:
    row = session.scalar(select(CategoryRow).where(CategoryRow.key == key))
    if row is None:
        raise ValidationError(tr("Kategorin finns inte."), "category")
    return row


def _check_category_name(session: Session, name: str, own_id: int | None) -> str:
    name = dw.clean_text(name, "name", tr("Namnet"), required=True, limit=100)
    clash = session.scalar(
        select(CategoryRow.id).where(func.lower(CategoryRow.name) == name.lower())
    )
    if clash is not None and clash != own_id:
        raise ValidationError(tr("Det finns redan en kategori med det namnet."), "name")
    return name


def create_category(session: Session, *, name: str, color: str) -> Created:
    name = _check_category_name(session, name, None)
    position = session.scalar(select(func.max(CategoryRow.position))) or 0
    key_base = "custom"
    n = 1 + (session.scalar(select(func.count()).select_from(CategoryRow)) or 0)
    while session.scalar(select(CategoryRow.id).where(CategoryRow.key == f"{key_base}_{n}")):
        n += 1
    row = CategoryRow(
        key=f"{key_base}_{n}",
        name=name,
        color=dw.validate_color(color),
        position=position + 1,
        visible=True,
    )
    session.add(row)
    session.flush()
    return Created(row.id, CHANGED)


def update_category(
    session: Session, category_id: int, *, name: str, color: str, visible: bool = True
) -> Changes:
    row = session.get(CategoryRow, category_id)
    if row is None:
        raise UserError(tr("Kategorin finns inte längre."))
    row.name = _check_category_name(session, name, category_id)
    row.color = dw.validate_color(color)
    row.visible = visible
    session.flush()
    return CHANGED


def set_category_visible(session: Session, category_id: int, visible: bool) -> Changes:
    row = session.get(CategoryRow, category_id)
    if row is None:
        raise UserError(tr("Kategorin finns inte längre."))
    row.visible = visible
    session.flush()
    return CHANGED


def reorder_categories(session: Session, ids_outermost_first: list[int]) -> Changes:
    rows = {r.id: r for r in session.scalars(select(CategoryRow))}
    if set(ids_outermost_first) != set(rows):
        raise UserError(tr("Kategorierna har ändrats under tiden; försök igen."))
    for position, ident in enumerate(ids_outermost_first):
        rows[ident].position = position
    session.flush()
    return CHANGED


def delete_category(session: Session, category_id: int) -> Changes:
    row = session.get(CategoryRow, category_id)
    if row is None:
        return Changes()
    if row.key in dw.STANDARD_KEYS:
        raise UserError(
            tr("Standardkategorin {name} kan döljas men inte tas bort.").format(name=row.name)
        )
    used = session.scalar(
        select(func.count()).select_from(EventRow).where(EventRow.category_id == row.id)
    )
    if used:
        raise ReferencedError(
            tr("Kategorin {name} används av {events} och kan inte tas bort.").format(
                name=row.name, events=plural(used, tr("händelse"), tr("händelser"))
            ),
            [plural(used, tr("händelse i årshjulet"), tr("händelser i årshjulet"))],
        )
    session.delete(row)
    session.flush()
    return CHANGED
