"""The measures of an action plan: listing with their names resolved, creating, editing
(content only while the plan is a draft; status at any time), causes they answer, order.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from trygghetsrad.db.models.action_plan import (
    ActionPlan,
    Cause,
    Measure,
    commitment_measures,
    measure_causes,
)
from trygghetsrad.db.models.register import Organisation, Person
from trygghetsrad.db.models.situation import Indicator
from trygghetsrad.domain.changes import ACTION_PLAN, Changes, Created
from trygghetsrad.domain.situation.action_plan import (
    MeasureData,
    MeasureInput,
    MeasureStatus,
    PlanStatus,
    clean_enum,
)
from trygghetsrad.errors import UserError, ValidationError
from trygghetsrad.i18n import tr
from trygghetsrad.services.records import get_or_fail

CHANGED = Changes.of(ACTION_PLAN)


_get = get_or_fail


def list_measures(
    session: Session, plan_id: int | None = None, *, measure_ids: list[int] | None = None
) -> list[MeasureData]:
    query = select(Measure).order_by(Measure.plan_id, Measure.position, Measure.id)
    if plan_id is not None:
        query = query.where(Measure.plan_id == plan_id)
    if measure_ids is not None:
        query = query.where(Measure.id.in_(measure_ids))
    measures = list(session.scalars(query))
    ids = [m.id for m in measures]
    orgs = dict(session.execute(select(Organisation.id, Organisation.name)).all())
    people = dict(session.execute(select(Person.id, Person.name)).all())
    indicators = {
        i: (n, u)
        for i, n, u in session.execute(select(Indicator.id, Indicator.name, Indicator.unit))
    }
    cause_titles = dict(session.execute(select(Cause.id, Cause.title)).all())
    links: dict[int, list[int]] = {}
    commitments: dict[int, list[int]] = {}
    if ids:
        for mid, cid in session.execute(
            select(measure_causes.c.measure_id, measure_causes.c.cause_id).where(
                measure_causes.c.measure_id.in_(ids)
            )
        ):
            links.setdefault(mid, []).append(cid)
        for mid, cid in session.execute(
            select(commitment_measures.c.measure_id, commitment_measures.c.commitment_id).where(
                commitment_measures.c.measure_id.in_(ids)
            )
        ):
            commitments.setdefault(mid, []).append(cid)
    out = []
    for m in measures:
        cids = tuple(sorted(links.get(m.id, ())))
        ind_name, ind_unit = indicators.get(m.indicator_id or -1, ("", ""))
        out.append(
            MeasureData(
                id=m.id,
                plan_id=m.plan_id,
                position=m.position,
                title=m.title,
                description=m.description,
                kind=m.kind,
                effect=m.effect,
                responsible_organisation_id=m.responsible_organisation_id,
                responsible_organisation=orgs.get(m.responsible_organisation_id or -1, ""),
                responsible_person_id=m.responsible_person_id,
                responsible_person=people.get(m.responsible_person_id or -1, ""),
                partners=m.partners,
                start=m.start_date,
                end=m.end_date,
                resources=m.resources,
                indicator_id=m.indicator_id,
                indicator_name=ind_name,
                indicator_unit=ind_unit,
                target_value=m.target_value,
                target_direction=m.target_direction,
                target_text=m.target_text,
                status=m.status,
                internal=m.internal,
                cause_ids=cids,
                cause_titles=tuple(cause_titles.get(c, "") for c in cids),
                commitment_ids=tuple(sorted(commitments.get(m.id, ()))),
            )
        )
    return out


def get_measure(session: Session, measure_id: int) -> MeasureData:
    _get(session, Measure, measure_id)
    return list_measures(session, measure_ids=[measure_id])[0]


def _check_refs(session: Session, data: MeasureInput, plan_id: int) -> None:
    if data.responsible_organisation_id is not None and (
        session.get(Organisation, data.responsible_organisation_id) is None
    ):
        raise ValidationError(
            tr("Organisationen finns inte längre."), "responsible_organisation_id"
        )
    if data.responsible_person_id is not None and (
        session.get(Person, data.responsible_person_id) is None
    ):
        raise ValidationError(tr("Personen finns inte längre."), "responsible_person_id")
    if data.indicator_id is not None and session.get(Indicator, data.indicator_id) is None:
        raise ValidationError(tr("Indikatorn finns inte längre."), "indicator_id")
    if data.cause_ids:
        found = set(session.scalars(select(Cause.id).where(Cause.id.in_(data.cause_ids))))
        if found != set(data.cause_ids):
            raise ValidationError(tr("En av orsakerna finns inte längre."), "cause_ids")


def _apply(measure: Measure, data: MeasureInput) -> None:
    measure.title = data.title
    measure.description = data.description
    measure.kind = data.kind
    measure.effect = data.effect
    measure.responsible_organisation_id = data.responsible_organisation_id
    measure.responsible_person_id = data.responsible_person_id
    measure.partners = data.partners
    measure.start_date = data.start
    measure.end_date = data.end
    measure.resources = data.resources
    measure.indicator_id = data.indicator_id
    measure.target_value = data.target_value
    measure.target_direction = data.target_direction
    measure.target_text = data.target_text
    measure.status = data.status
    measure.internal = data.internal


def _set_causes(session: Session, measure_id: int, cause_ids: tuple[int, ...]) -> None:
    session.execute(delete(measure_causes).where(measure_causes.c.measure_id == measure_id))
    if cause_ids:
        session.execute(
            insert(measure_causes), [{"measure_id": measure_id, "cause_id": c} for c in cause_ids]
        )


def _require_draft(plan: ActionPlan) -> None:
    if plan.status != PlanStatus.DRAFT:
        raise UserError(
            tr(
                "Planen är antagen; åtgärdernas innehåll ändras i en ny version. "
                "Status och uppföljning kan fortfarande föras."
            )
        )


def create_measure(session: Session, *, plan_id: int, data: MeasureInput) -> Created:
    plan = _get(session, ActionPlan, plan_id)
    _require_draft(plan)
    clean = data.cleaned()
    _check_refs(session, clean, plan_id)
    position = (
        session.scalar(select(func.max(Measure.position)).where(Measure.plan_id == plan_id)) or 0
    ) + 1
    measure = Measure(plan_id=plan_id, position=position)
    _apply(measure, clean)
    session.add(measure)
    session.flush()
    _set_causes(session, measure.id, clean.cause_ids)
    session.flush()
    return Created(measure.id, CHANGED)


def update_measure(session: Session, measure_id: int, data: MeasureInput) -> Changes:
    measure = _get(session, Measure, measure_id)
    plan = _get(session, ActionPlan, measure.plan_id)
    clean = data.cleaned()
    _check_refs(session, clean, measure.plan_id)
    if plan.status != PlanStatus.DRAFT:
        current = get_measure(session, measure_id)
        changed_content = (
            clean.title != current.title
            or clean.description != current.description
            or clean.kind != current.kind
            or clean.effect != current.effect
            or clean.responsible_organisation_id != current.responsible_organisation_id
            or clean.responsible_person_id != current.responsible_person_id
            or clean.start != current.start
            or clean.end != current.end
            or clean.indicator_id != current.indicator_id
            or clean.target_value != current.target_value
            or set(clean.cause_ids) != set(current.cause_ids)
        )
        if changed_content:
            _require_draft(plan)
    _apply(measure, clean)
    _set_causes(session, measure.id, clean.cause_ids)
    session.flush()
    return CHANGED


def set_measure_status(session: Session, measure_id: int, status: str) -> Changes:
    measure = _get(session, Measure, measure_id)
    measure.status = clean_enum(status, MeasureStatus, field="status", label=tr("status"))
    session.flush()
    return CHANGED


def link_cause(session: Session, measure_id: int, cause_id: int, linked: bool = True) -> Changes:
    measure = get_measure(session, measure_id)
    ids = set(measure.cause_ids)
    ids = ids | {cause_id} if linked else ids - {cause_id}
    data = replace(measure_input(measure), cause_ids=tuple(sorted(ids)))
    return update_measure(session, measure_id, data)


def measure_input(m: MeasureData) -> MeasureInput:
    """The form values of a stored measure."""
    return MeasureInput(
        title=m.title,
        description=m.description,
        kind=m.kind,
        effect=m.effect,
        responsible_organisation_id=m.responsible_organisation_id,
        responsible_person_id=m.responsible_person_id,
        partners=m.partners,
        start=m.start,
        end=m.end,
        resources=m.resources,
        indicator_id=m.indicator_id,
        target_value=m.target_value,
        target_direction=m.target_direction,
        target_text=m.target_text,
        status=m.status,
        internal=m.internal,
        cause_ids=m.cause_ids,
    )


def delete_measure(session: Session, measure_id: int) -> Changes:
    measure = _get(session, Measure, measure_id)
    _require_draft(_get(session, ActionPlan, measure.plan_id))
    session.delete(measure)
    session.flush()
    return CHANGED


def move_measure(session: Session, measure_id: int, position: int) -> Changes:
    measure = _get(session, Measure, measure_id)
    siblings = [
        m
        for m in session.scalars(
            select(Measure).where(Measure.plan_id == measure.plan_id).order_by(Measure.position)
        )
        if m.id != measure_id
    ]
    siblings.insert(max(0, min(position, len(siblings))), measure)
    for i, m in enumerate(siblings):
        m.position = i + 1
    session.flush()
    return CHANGED
