"""Use cases for areas with levels: the municipality's own tree of areas in the user's order,
tying observations, indicator values, gaps and measures to an area of any level, and each
area's assessment (risk level, needs, notes) per situation picture.

An observation's `place` and an indicator value's `area` keep the text the documents and
charts show; tying a record to an area writes the area's name there, and renaming an area
renames it in every record tied to it (and in indicators' main and comparison area).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from trygghetsrad.db.models.action_plan import Measure
from trygghetsrad.db.models.area_tree import AreaAssessment, AreaNode
from trygghetsrad.db.models.situation import (
    Gap,
    Indicator,
    IndicatorValue,
    Observation,
    SituationPicture,
)
from trygghetsrad.domain.changes import ACTION_PLAN, SITUATION, Changes, Created
from trygghetsrad.domain.situation.area_tree import (
    AreaAssessmentData,
    AreaData,
    AreaLink,
    RiskLevel,
    check_parent,
    tree_order,
)
from trygghetsrad.errors import ReferencedError, ValidationError
from trygghetsrad.i18n import plural, tr
from trygghetsrad.services.situation.common import CHANGED, get, text
from trygghetsrad.services.situation.common import name as clean_name

MAX_LEVEL = 100

Tied = Observation | IndicatorValue | Gap | Measure

_LINKED: dict[AreaLink, type[Tied]] = {
    AreaLink.OBSERVATION: Observation,
    AreaLink.INDICATOR_VALUE: IndicatorValue,
    AreaLink.GAP: Gap,
    AreaLink.MEASURE: Measure,
}


def _data(area: AreaNode) -> AreaData:
    return AreaData(area.id, area.parent_id, area.name, area.level, area.position)


def list_areas(session: Session) -> list[AreaData]:
    """Every area, depth first in the user's order, with its depth and path."""
    return tree_order(_data(a) for a in session.scalars(select(AreaNode)))


def get_area(session: Session, area_id: int) -> AreaData:
    for area in list_areas(session):
        if area.id == area_id:
            return area
    get(session, AreaNode, area_id)  # raises the house's "no longer exists"
    raise AssertionError  # pragma: no cover


def _level(value: str | None) -> str:
    level = text(value, field="level", label=tr("Nivå"), max_length=MAX_LEVEL)
    if not level:
        raise ValidationError(
            tr("Ange nivån för området, till exempel Stadsområde, Mellanområde eller Plats."),
            "level",
        )
    return level


def _check_sibling_name(
    session: Session, parent_id: int | None, area_name: str, area_id: int | None
) -> None:
    siblings = session.scalars(
        select(AreaNode.name).where(
            AreaNode.parent_id.is_(None) if parent_id is None else AreaNode.parent_id == parent_id,
            AreaNode.id != (area_id or -1),
        )
    )
    for sibling in siblings:
        if sibling.strip().lower() == area_name.lower():
            raise ValidationError(
                tr("Det finns redan ett område som heter {name} på samma ställe i trädet.").format(
                    name=sibling
                ),
                "name",
            )


def _next_position(session: Session, parent_id: int | None) -> int:
    where = AreaNode.parent_id.is_(None) if parent_id is None else AreaNode.parent_id == parent_id
    last = session.scalar(select(func.max(AreaNode.position)).where(where))
    return 0 if last is None else last + 1


def create_area(
    session: Session, *, name: str, level: str, parent_id: int | None = None
) -> Created:
    """A new area last among its siblings (at the top level when `parent_id` is None)."""
    if parent_id is not None:
        get(session, AreaNode, parent_id)
    area_name = clean_name(name, label=tr("Områdets namn"))
    _check_sibling_name(session, parent_id, area_name, None)
    area = AreaNode(
        parent_id=parent_id,
        name=area_name,
        level=_level(level),
        position=_next_position(session, parent_id),
    )
    session.add(area)
    session.flush()
    return Created(area.id, CHANGED)


def update_area(session: Session, area_id: int, *, name: str, level: str) -> Changes:
    """Rename an area or its level; records tied to it show the new name."""
    area = get(session, AreaNode, area_id)
    new_name = clean_name(name, label=tr("Områdets namn"))
    _check_sibling_name(session, area.parent_id, new_name, area.id)
    old_name = area.name
    area.level = _level(level)
    if new_name != old_name:
        _rename_tied(session, area.id, old_name, new_name)
        area.name = new_name
    session.flush()
    return Changes.of(SITUATION, ACTION_PLAN)


def _rename_tied(session: Session, area_id: int, old: str, new: str) -> None:
    clash = session.scalar(
        select(func.count())
        .select_from(IndicatorValue)
        .where(
            IndicatorValue.area == new,
            IndicatorValue.area_id.is_not(None),
            IndicatorValue.area_id != area_id,
            IndicatorValue.indicator_id.in_(
                select(IndicatorValue.indicator_id).where(IndicatorValue.area_id == area_id)
            ),
        )
    )
    if clash:
        raise ValidationError(
            tr(
                "Namnet {name} används redan av ett annat område i samma indikator; "
                "välj ett namn som skiljer dem åt."
            ).format(name=new),
            "name",
        )
    session.execute(update(Observation).where(Observation.area_id == area_id).values(place=new))
    session.execute(
        update(IndicatorValue).where(IndicatorValue.area_id == area_id).values(area=new)
    )
    tied = select(IndicatorValue.indicator_id).where(IndicatorValue.area_id == area_id)
    for column in ("main_area", "comparison_area"):
        session.execute(
            update(Indicator)
            .where(getattr(Indicator, column) == old, Indicator.id.in_(tied))
            .values({column: new})
        )


def _siblings(session: Session, parent_id: int | None) -> list[AreaNode]:
    where = AreaNode.parent_id.is_(None) if parent_id is None else AreaNode.parent_id == parent_id
    return list(
        session.scalars(select(AreaNode).where(where).order_by(AreaNode.position, AreaNode.id))
    )


def _renumber(areas: list[AreaNode]) -> None:
    for position, area in enumerate(areas):
        area.position = position


def move_area(session: Session, area_id: int, step: int) -> Changes:
    """Move an area up (`step` -1) or down (+1) among its siblings; nothing at either end."""
    area = get(session, AreaNode, area_id)
    siblings = _siblings(session, area.parent_id)
    index = siblings.index(area)
    target = max(0, min(len(siblings) - 1, index + step))
    siblings.insert(target, siblings.pop(index))
    _renumber(siblings)
    session.flush()
    return CHANGED


def set_parent(session: Session, area_id: int, parent_id: int | None) -> Changes:
    """Place an area (with everything below it) under another area, last among its children."""
    area = get(session, AreaNode, area_id)
    if parent_id is not None:
        get(session, AreaNode, parent_id)
    check_parent((_data(a) for a in session.scalars(select(AreaNode))), area_id, parent_id)
    if parent_id == area.parent_id:
        return CHANGED
    _check_sibling_name(session, parent_id, area.name, area.id)
    old_siblings = [a for a in _siblings(session, area.parent_id) if a.id != area.id]
    area.parent_id = parent_id
    area.position = _next_position(session, parent_id)
    _renumber(old_siblings)
    session.flush()
    return CHANGED


def indent_area(session: Session, area_id: int) -> Changes:
    """Make an area a part of the sibling just above it (the editor's "Flytta in")."""
    area = get(session, AreaNode, area_id)
    siblings = _siblings(session, area.parent_id)
    index = siblings.index(area)
    if index == 0:
        raise ValidationError(
            tr("Området har inget område ovanför sig på samma nivå att läggas under."), "parent_id"
        )
    return set_parent(session, area_id, siblings[index - 1].id)


def outdent_area(session: Session, area_id: int) -> Changes:
    """Lift an area one level, placing it right after its old parent (the editor's "Flytta ut")."""
    area = get(session, AreaNode, area_id)
    if area.parent_id is None:
        raise ValidationError(tr("Området ligger redan på översta nivån."), "parent_id")
    parent = get(session, AreaNode, area.parent_id)
    set_parent(session, area_id, parent.parent_id)
    siblings = [a for a in _siblings(session, parent.parent_id) if a.id != area.id]
    siblings.insert(siblings.index(parent) + 1, area)
    _renumber(siblings)
    session.flush()
    return CHANGED


def area_uses(session: Session, area_id: int) -> list[str]:
    """What lies under or is tied to an area, counted in words ("2 delområden", "1 åtgärd")."""
    uses: list[str] = []
    children = session.scalar(
        select(func.count()).select_from(AreaNode).where(AreaNode.parent_id == area_id)
    )
    if children:
        uses.append(plural(children, tr("delområde"), tr("delområden")))
    labels = {
        AreaLink.OBSERVATION: (tr("observation"), tr("observationer")),
        AreaLink.INDICATOR_VALUE: (tr("indikatorvärde"), tr("indikatorvärden")),
        AreaLink.GAP: (tr("lucka"), tr("luckor")),
        AreaLink.MEASURE: (tr("åtgärd"), tr("åtgärder")),
    }
    for link, model in _LINKED.items():
        count = session.scalar(
            select(func.count()).select_from(model).where(model.area_id == area_id)
        )
        if count:
            uses.append(plural(count, *labels[link]))
    return uses


def delete_area(session: Session, area_id: int) -> Changes:
    """Delete an area that has no parts and that nothing is tied to (its assessments go too)."""
    area = get(session, AreaNode, area_id)
    uses = area_uses(session, area_id)
    if uses:
        raise ReferencedError(
            tr("{name} kan inte tas bort: det har {uses}.").format(
                name=area.name, uses=", ".join(uses)
            ),
            uses,
        )
    siblings = [a for a in _siblings(session, area.parent_id) if a.id != area.id]
    session.delete(area)
    _renumber(siblings)
    session.flush()
    return CHANGED


def tie_to_area(session: Session, link: str, record_id: int, area_id: int | None) -> Changes:
    """Tie an observation, indicator value, gap or measure to an area of any level (None:
    to none). An observation's place and an indicator value's area take the area's name."""
    kind = AreaLink(link)
    record: Tied = get(session, _LINKED[kind], record_id)
    area = get(session, AreaNode, area_id) if area_id is not None else None
    record.area_id = area_id
    if area is not None and isinstance(record, Observation):
        record.place = area.name
    if area is not None and isinstance(record, IndicatorValue):
        record.area = area.name
    session.flush()
    return Changes.of(ACTION_PLAN) if kind is AreaLink.MEASURE else CHANGED


def area_for_place(session: Session, place: str, current: int | None = None) -> int | None:
    """The area a typed place names: the area tied now if it still has that name, else the
    one area of that name, else none (no name, or a name at several places in the tree)."""
    if not place.strip():
        return None
    if current is not None:
        tied = session.get(AreaNode, current)
        if tied is not None and tied.name == place:
            return current
    found = list(session.scalars(select(AreaNode.id).where(AreaNode.name == place).limit(2)))
    return found[0] if len(found) == 1 else None


def tie_values_by_name(
    session: Session, indicator_ids: Iterable[int], kept: dict[str, int] | None = None
) -> None:
    """Tie the untied values of these indicators to the area their `area` text names: the
    area in `kept` (the tie a value had before its indicator's values were rewritten), else
    the one area of that name. A name at several places in the tree, or none, stays untied."""
    ids = sorted(set(indicator_ids))
    if not ids:
        return
    connection = session.connection()
    marks = ", ".join("?" for _ in ids)
    for area_text, area_id in (kept or {}).items():
        if session.get(AreaNode, area_id) is not None:
            connection.exec_driver_sql(
                f"UPDATE indicator_values SET area_id = ? WHERE area_id IS NULL AND area = ? "
                f"AND indicator_id IN ({marks})",
                (area_id, area_text, *ids),
            )
    connection.exec_driver_sql(
        "UPDATE indicator_values SET area_id = "
        "(SELECT id FROM areas WHERE areas.name = indicator_values.area) "
        "WHERE area_id IS NULL AND (SELECT count(*) FROM areas "
        f"WHERE areas.name = indicator_values.area) = 1 AND indicator_id IN ({marks})",
        tuple(ids),
    )
    session.expire_all()


def tied_area(session: Session, link: str, record_id: int) -> int | None:
    """The area a record is tied to, or None."""
    record: Tied = get(session, _LINKED[AreaLink(link)], record_id)
    return record.area_id


# -- assessments per picture --------------------------------------------------------------------


def assessments(session: Session, picture_id: int) -> list[AreaAssessmentData]:
    """Every area in the user's order with what the picture says of it; an area the picture
    says nothing of is "Okänd" with no needs or notes."""
    get(session, SituationPicture, picture_id)
    said = {
        a.area_id: a
        for a in session.scalars(
            select(AreaAssessment).where(AreaAssessment.picture_id == picture_id)
        )
    }
    rows = []
    for area in list_areas(session):
        found = said.get(area.id)
        rows.append(
            AreaAssessmentData(area)
            if found is None
            else AreaAssessmentData(area, found.risk_level, found.needs, found.notes)
        )
    return rows


def assessment_place(session: Session, assessment_id: int) -> tuple[int, int]:
    """The (picture, area) an assessment belongs to: what opens it in the Områden tab."""
    row = get(session, AreaAssessment, assessment_id)
    return row.picture_id, row.area_id


def set_assessment(
    session: Session,
    picture_id: int,
    area_id: int,
    *,
    risk_level: str,
    needs: str = "",
    notes: str = "",
) -> Changes:
    """What a picture says of an area. A presented picture is frozen and refuses it."""
    picture = get(session, SituationPicture, picture_id)
    if picture.frozen_at is not None:
        raise ValidationError(
            tr("Lägesbilden är presenterad och låst; gör en ny version för att ändra bedömningen."),
            "risk_level",
        )
    get(session, AreaNode, area_id)
    values = {
        "risk_level": RiskLevel.clean(risk_level),
        "needs": text(needs, field="needs", label=tr("Behov")),
        "notes": text(notes, field="notes", label=tr("Anteckningar")),
    }
    row = session.scalar(
        select(AreaAssessment).where(
            AreaAssessment.picture_id == picture_id, AreaAssessment.area_id == area_id
        )
    )
    if row is None:
        session.add(AreaAssessment(picture_id=picture_id, area_id=area_id, **values))
    else:
        for key, value in values.items():
            setattr(row, key, value)
    session.flush()
    return CHANGED


def copy_assessments(session: Session, from_picture: int, to_picture: int) -> None:
    """A new version of a picture starts from what the version before said of each area."""
    for old in session.scalars(
        select(AreaAssessment).where(AreaAssessment.picture_id == from_picture)
    ):
        session.add(
            AreaAssessment(
                picture_id=to_picture,
                area_id=old.area_id,
                risk_level=old.risk_level,
                needs=old.needs,
                notes=old.notes,
            )
        )
    session.flush()
