"""The action plan: plans with adoption records and versions, measures linked to causes,
dated follow-up notes, flags for unconnected measures and causes, and the plan's dates on
the annual wheel.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from typing import cast

from sqlalchemy import CompoundSelect, Select, delete, func, insert, literal, select
from sqlalchemy.orm import Session

from trygghetsrad.db.models.action_plan import (
    ActionPlan,
    Cause,
    FollowUpNote,
    Measure,
    MeetingLink,
    Problem,
    commitment_measures,
    measure_causes,
)
from trygghetsrad.db.models.register import Organisation, Person
from trygghetsrad.db.models.situation import Indicator, IndicatorValue, SituationPicture
from trygghetsrad.domain.action_plan import (
    CauseLink,
    FollowUp,
    MeasureData,
    MeasureInput,
    MeasureRow,
    MeasureStatus,
    MeetingMention,
    PlanData,
    PlanFlags,
    PlanStatus,
    TrafficLight,
    TrendPoint,
    TrendResult,
    check_dates,
    clean_enum,
    clean_title,
    indicator_trend,
    plan_flags,
    traffic_light,
)
from trygghetsrad.domain.calendar_items import DEADLINES, CalendarItem, Owner
from trygghetsrad.domain.changes import ACTION_PLAN, Changes, Created
from trygghetsrad.domain.register import MAX_NAME, clean_text
from trygghetsrad.errors import UserError, ValidationError
from trygghetsrad.i18n import tr
from trygghetsrad.services import action_plan_meetings as meeting_links
from trygghetsrad.services.records import get_or_fail

CHANGED = Changes.of(ACTION_PLAN)


_get = get_or_fail


# -- plans -------------------------------------------------------------------------------------


def _plan_data(p: ActionPlan, count: int = 0) -> PlanData:
    return PlanData(
        id=p.id,
        title=p.title,
        period_start=p.period_start,
        period_end=p.period_end,
        status=p.status,
        adopted_by=p.adopted_by,
        adopted_on=p.adopted_on,
        adoption_ref=p.adoption_ref,
        follow_up_on=p.follow_up_on,
        previous_id=p.previous_id,
        version=p.version,
        situation_picture_id=p.situation_picture_id,
        note=p.note,
        measure_count=count,
    )


def list_plans(session: Session) -> list[PlanData]:
    counts = dict(
        session.execute(select(Measure.plan_id, func.count()).group_by(Measure.plan_id)).all()
    )
    plans = session.scalars(
        select(ActionPlan).order_by(ActionPlan.period_start.desc(), ActionPlan.version.desc())
    )
    return [_plan_data(p, counts.get(p.id, 0)) for p in plans]


def get_plan(session: Session, plan_id: int) -> PlanData:
    plan = _get(session, ActionPlan, plan_id)
    count = session.scalar(select(func.count()).where(Measure.plan_id == plan_id)) or 0
    return _plan_data(plan, count)


def current_plan(session: Session, day: date) -> PlanData | None:
    """The plan in force on `day`: the latest adopted one covering it, else the newest draft."""
    plans = list_plans(session)
    adopted = [
        p for p in plans if p.status == PlanStatus.ADOPTED and p.period_start <= day <= p.period_end
    ]
    if adopted:
        return max(adopted, key=lambda p: (p.adopted_on or date.min, p.version))
    covering = [p for p in plans if p.period_start <= day <= p.period_end]
    return covering[0] if covering else (plans[0] if plans else None)


def _clean_plan_fields(
    title: str,
    period_start: date,
    period_end: date,
    follow_up_on: date | None,
    note: str,
) -> dict[str, object]:
    if period_start is None or period_end is None:
        raise ValidationError(tr("Ange planens period."), "period_start")
    check_dates(period_start, period_end, field="period_end")
    if follow_up_on is not None:
        check_dates(follow_up_on, None, field="follow_up_on")
    return {
        "title": clean_title(title, label=tr("Planens namn")),
        "period_start": period_start,
        "period_end": period_end,
        "follow_up_on": follow_up_on,
        "note": clean_text(note, field="note", label=tr("Anteckning")),
    }


def create_plan(
    session: Session,
    *,
    title: str,
    period_start: date,
    period_end: date,
    follow_up_on: date | None = None,
    situation_picture_id: int | None = None,
    note: str = "",
) -> Created:
    plan = ActionPlan(
        **_clean_plan_fields(title, period_start, period_end, follow_up_on, note),
        status=PlanStatus.DRAFT.value,
        version=1,
        situation_picture_id=situation_picture_id,
        adopted_by="",
        adoption_ref="",
    )
    session.add(plan)
    session.flush()
    return Created(plan.id, CHANGED)


def update_plan(
    session: Session,
    plan_id: int,
    *,
    title: str,
    period_start: date,
    period_end: date,
    follow_up_on: date | None = None,
    note: str = "",
) -> Changes:
    """Change the plan's head. The follow-up date may change after adoption; the rest may not."""
    plan = _get(session, ActionPlan, plan_id)
    fields = _clean_plan_fields(title, period_start, period_end, follow_up_on, note)
    if plan.status != PlanStatus.DRAFT:
        frozen = ("title", "period_start", "period_end")
        if any(getattr(plan, key) != fields[key] for key in frozen):
            raise UserError(
                tr("Planen är antagen och kan inte ändras; skapa en ny version för att ändra den.")
            )
    for key, value in fields.items():
        setattr(plan, key, value)
    session.flush()
    return CHANGED


def set_follow_up_date(session: Session, plan_id: int, day: date | None) -> Changes:
    plan = _get(session, ActionPlan, plan_id)
    if day is not None:
        check_dates(day, None, field="follow_up_on")
    plan.follow_up_on = day
    session.flush()
    return CHANGED


def adopt_plan(
    session: Session,
    plan_id: int,
    *,
    adopted_by: str,
    adopted_on: date,
    adoption_ref: str = "",
) -> Changes:
    """Record the adoption (body, date, § reference), freeze the plan as adopted, and mark the
    version it replaces as superseded."""
    plan = _get(session, ActionPlan, plan_id)
    if plan.status != PlanStatus.DRAFT:
        raise UserError(tr("Planen är redan antagen."))
    body = clean_text(
        adopted_by,
        field="adopted_by",
        label=tr("Beslutande organ"),
        required=True,
        max_length=MAX_NAME,
    )
    if adopted_on is None:
        raise ValidationError(tr("Ange datum för beslutet."), "adopted_on")
    check_dates(adopted_on, None, field="adopted_on")
    plan.adopted_by = body
    plan.adopted_on = adopted_on
    plan.adoption_ref = clean_text(
        adoption_ref, field="adoption_ref", label=tr("Paragraf"), max_length=100
    )
    plan.status = PlanStatus.ADOPTED.value
    plan.frozen_at = datetime.now()
    plan.snapshot = json.dumps(_snapshot(session, plan), ensure_ascii=False, default=str)
    if plan.previous_id is not None:
        previous = session.get(ActionPlan, plan.previous_id)
        if previous is not None and previous.status == PlanStatus.ADOPTED:
            previous.status = PlanStatus.SUPERSEDED.value
    session.flush()
    return CHANGED


def _snapshot(session: Session, plan: ActionPlan) -> dict[str, object]:
    measures = list_measures(session, plan.id)
    return {
        "title": plan.title,
        "period": [plan.period_start.isoformat(), plan.period_end.isoformat()],
        "measures": [
            {
                "title": m.title,
                "description": m.description,
                "kind": m.kind,
                "responsible": m.responsible,
                "start": m.start,
                "end": m.end,
                "indicator": m.indicator_name,
                "target": m.target_label,
                "causes": list(m.cause_titles),
            }
            for m in measures
        ],
    }


def adopted_snapshot(session: Session, plan_id: int) -> dict[str, object] | None:
    plan = _get(session, ActionPlan, plan_id)
    return json.loads(plan.snapshot) if plan.snapshot else None


def new_version(session: Session, plan_id: int, *, title: str | None = None) -> Created:
    """A new draft copying the plan's measures (with their causes, statuses, commitments,
    follow-up notes and meeting links); the adopted version stays as it was and becomes
    superseded when the new one is adopted."""
    old = _get(session, ActionPlan, plan_id)
    if old.status == PlanStatus.DRAFT:
        raise UserError(tr("Planen är ett utkast; ändra den direkt i stället."))
    newer = session.scalar(select(ActionPlan.id).where(ActionPlan.previous_id == plan_id))
    if newer is not None:
        raise UserError(tr("Det finns redan en nyare version av planen."))
    plan = ActionPlan(
        title=clean_title(title or old.title, label=tr("Planens namn")),
        period_start=old.period_start,
        period_end=old.period_end,
        status=PlanStatus.DRAFT.value,
        version=old.version + 1,
        previous_id=old.id,
        situation_picture_id=old.situation_picture_id,
        adopted_by="",
        adoption_ref="",
        follow_up_on=old.follow_up_on,
        note=old.note,
    )
    session.add(plan)
    session.flush()
    for m in session.scalars(select(Measure).where(Measure.plan_id == old.id)):
        copy = Measure(
            plan_id=plan.id,
            **{
                col: getattr(m, col)
                for col in (
                    "position",
                    "title",
                    "description",
                    "kind",
                    "effect",
                    "responsible_organisation_id",
                    "responsible_person_id",
                    "partners",
                    "start_date",
                    "end_date",
                    "resources",
                    "indicator_id",
                    "target_value",
                    "target_direction",
                    "target_text",
                    "status",
                    "internal",
                )
            },
        )
        session.add(copy)
        session.flush()
        causes = session.scalars(
            select(measure_causes.c.cause_id).where(measure_causes.c.measure_id == m.id)
        ).all()
        if causes:
            session.execute(
                insert(measure_causes), [{"measure_id": copy.id, "cause_id": c} for c in causes]
            )
        # The measure's history goes along: its follow-up notes and meeting links.
        for note in session.scalars(select(FollowUpNote).where(FollowUpNote.measure_id == m.id)):
            session.add(
                FollowUpNote(
                    measure_id=copy.id,
                    noted_on=note.noted_on,
                    status=note.status,
                    done=note.done,
                    effect=note.effect,
                    indicator_value=note.indicator_value,
                    internal=note.internal,
                )
            )
        for link in session.scalars(select(MeetingLink).where(MeetingLink.measure_id == m.id)):
            session.add(
                MeetingLink(
                    measure_id=copy.id,
                    decision_id=link.decision_id,
                    action_item_id=link.action_item_id,
                )
            )
        commitments = session.scalars(
            select(commitment_measures.c.commitment_id).where(
                commitment_measures.c.measure_id == m.id
            )
        ).all()
        if commitments:
            session.execute(
                insert(commitment_measures),
                [{"measure_id": copy.id, "commitment_id": c} for c in commitments],
            )
    session.flush()
    return Created(plan.id, CHANGED)


def delete_plan(session: Session, plan_id: int) -> Changes:
    plan = _get(session, ActionPlan, plan_id)
    if plan.status != PlanStatus.DRAFT:
        raise UserError(tr("En antagen plan kan inte tas bort; den är en allmän handling."))
    session.delete(plan)
    session.flush()
    return CHANGED


# -- measures ----------------------------------------------------------------------------------


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
    data = _input_of(measure, cause_ids=tuple(sorted(ids)))
    return update_measure(session, measure_id, data)


def _input_of(m: MeasureData, **overrides: object) -> MeasureInput:
    fields: dict[str, object] = dict(
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
    fields.update(overrides)
    return MeasureInput(**fields)  # type: ignore[arg-type]


def measure_input(m: MeasureData) -> MeasureInput:
    return _input_of(m)


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


# -- follow-up notes ---------------------------------------------------------------------------


def _followup_data(f: FollowUpNote) -> FollowUp:
    return FollowUp(
        id=f.id,
        noted_on=f.noted_on,
        status=f.status,
        done=f.done,
        effect=f.effect,
        indicator_value=f.indicator_value,
        internal=f.internal,
        measure_id=f.measure_id,
        commitment_id=f.commitment_id,
    )


def list_followups(
    session: Session, *, measure_id: int | None = None, commitment_id: int | None = None
) -> list[FollowUp]:
    query = select(FollowUpNote).order_by(FollowUpNote.noted_on, FollowUpNote.id)
    if measure_id is not None:
        query = query.where(FollowUpNote.measure_id == measure_id)
    if commitment_id is not None:
        query = query.where(FollowUpNote.commitment_id == commitment_id)
    return [_followup_data(f) for f in session.scalars(query)]


def add_followup(
    session: Session,
    *,
    noted_on: date,
    status: str,
    measure_id: int | None = None,
    commitment_id: int | None = None,
    done: str = "",
    effect: str = "",
    indicator_value: float | None = None,
    internal: bool = False,
    update_status: bool = True,
) -> Created:
    """A dated follow-up; by default the measure's (or commitment's) status follows it."""
    from trygghetsrad.db.models.action_plan import Commitment

    if (measure_id is None) == (commitment_id is None):
        raise ValidationError(tr("Uppföljningen gäller en åtgärd eller ett åtagande."), "owner")
    if noted_on is None:
        raise ValidationError(tr("Ange datum för uppföljningen."), "noted_on")
    check_dates(noted_on, None, field="noted_on")
    status = clean_enum(status, MeasureStatus, field="status", label=tr("status"))
    owner = (
        _get(session, Measure, measure_id)
        if measure_id is not None
        else _get(session, Commitment, commitment_id)  # type: ignore[arg-type]
    )
    note = FollowUpNote(
        measure_id=measure_id,
        commitment_id=commitment_id,
        noted_on=noted_on,
        status=status,
        done=clean_text(done, field="done", label=tr("Vad som gjorts")),
        effect=clean_text(effect, field="effect", label=tr("Effekt")),
        indicator_value=indicator_value,
        internal=internal,
    )
    session.add(note)
    if update_status:
        latest = session.scalar(
            select(func.max(FollowUpNote.noted_on)).where(
                FollowUpNote.measure_id == measure_id
                if measure_id is not None
                else FollowUpNote.commitment_id == commitment_id
            )
        )
        if latest is None or noted_on >= latest:
            owner.status = status
    session.flush()
    return Created(note.id, CHANGED)


def delete_followup(
    session: Session, followup_id: int, *, restore_status: str | None = None
) -> Changes:
    """Delete a follow-up note; `restore_status` puts back the status it had set (undo)."""
    from trygghetsrad.db.models.action_plan import Commitment

    note = _get(session, FollowUpNote, followup_id)
    if restore_status is not None:
        status = clean_enum(restore_status, MeasureStatus, field="status", label=tr("status"))
        owner = (
            session.get(Measure, note.measure_id)
            if note.measure_id is not None
            else session.get(Commitment, note.commitment_id)
        )
        if owner is not None:
            owner.status = status
    session.delete(note)
    session.flush()
    return CHANGED


# -- rows with traffic light, trend and history ------------------------------------------------


def indicator_points(
    session: Session, indicator_id: int, *, since: date | None = None
) -> list[TrendPoint]:
    """The indicator's values in its main area, in period order, from the last value at or
    before `since` (the baseline) onward."""
    indicator = session.get(Indicator, indicator_id)
    if indicator is None:
        return []
    rows = session.execute(
        select(IndicatorValue.area, IndicatorValue.period, IndicatorValue.value).where(
            IndicatorValue.indicator_id == indicator_id
        )
    ).all()
    if not rows:
        return []
    area = indicator.main_area
    if not area or not any(r.area == area for r in rows):
        counts: dict[str, int] = {}
        for r in rows:
            counts[r.area] = counts.get(r.area, 0) + 1
        area = max(counts, key=lambda a: counts[a])
    points = sorted(
        (TrendPoint(r.period, float(r.value)) for r in rows if r.area == area),
        key=lambda p: p.period,
    )
    if since is not None:
        key = str(since.year)
        before = [i for i, p in enumerate(points) if p.period[:4] <= key]
        if before:
            # The last value from before the start year is the baseline.
            earlier = [i for i, p in enumerate(points) if p.period[:4] < key]
            start = earlier[-1] if earlier else before[0]
            points = points[start:]
    return points


def measure_trend(
    session: Session, m: MeasureData, followups: list[FollowUp] | None = None
) -> TrendResult:
    points: list[TrendPoint] = []
    if m.indicator_id is not None:
        points = indicator_points(session, m.indicator_id, since=m.start)
    if len(points) < 2 and followups:
        points = [
            TrendPoint(f.noted_on.isoformat(), f.indicator_value)
            for f in followups
            if f.indicator_value is not None
        ]
    direction = m.target_direction or None
    if direction is None and m.indicator_id is not None:
        indicator = session.get(Indicator, m.indicator_id)
        if indicator is not None:
            direction = "minska" if indicator.higher_is_worse else "öka"
    return indicator_trend(points, m.target_value, direction)


def measure_rows(
    session: Session,
    plan_id: int,
    *,
    today: date,
    include_internal: bool = True,
    with_mentions: bool = True,
) -> list[MeasureRow]:
    rows = []
    hidden = set() if include_internal else hidden_cause_ids(session)
    measures = [m for m in list_measures(session, plan_id) if include_internal or not m.internal]
    # Follow-ups and meeting mentions of every measure in one query each, not one per measure.
    notes, said = _followups_and_mentions(
        session, [m.id for m in measures], include_internal, with_mentions
    )
    for m in measures:
        if hidden:
            kept = [
                (c, t) for c, t in zip(m.cause_ids, m.cause_titles, strict=True) if c not in hidden
            ]
            m = replace(
                m,
                cause_ids=tuple(c for c, _t in kept),
                cause_titles=tuple(t for _c, t in kept),
            )
        rows.append(
            _row(
                session,
                m,
                today,
                include_internal,
                with_mentions,
                notes.get(m.id, []),
                said.get(m.id, []),
            )
        )
    return rows


def _followups_and_mentions(
    session: Session, ids: list[int], include_internal: bool, with_mentions: bool
) -> tuple[dict[int, list[FollowUp]], dict[int, list[MeetingMention]]]:
    notes: dict[int, list[FollowUp]] = {}
    said: dict[int, list[MeetingMention]] = {}
    if not ids:
        return notes, said
    query = (
        select(FollowUpNote)
        .where(FollowUpNote.measure_id.in_(ids))
        .order_by(FollowUpNote.noted_on, FollowUpNote.id)
    )
    for note in session.scalars(query):
        notes.setdefault(note.measure_id, []).append(_followup_data(note))  # type: ignore[arg-type]
    if with_mentions:
        owner = dict(
            session.execute(
                select(MeetingLink.id, MeetingLink.measure_id).where(
                    MeetingLink.measure_id.in_(ids)
                )
            ).all()
        )
        for mention in meeting_links.mentions(
            session, measure_ids=ids, include_internal=include_internal
        ):
            # links of these measures: measure_id is never NULL
            said.setdefault(cast(int, owner[mention.link_id]), []).append(mention)
    return notes, said


def hidden_cause_ids(session: Session) -> set[int]:
    """Causes an export leaves out: internal ones, those under an internal cause, and every
    cause of an internal problem."""
    rows = session.execute(
        select(Cause.id, Cause.parent_id, Cause.internal, Problem.internal).join(
            Problem, Problem.id == Cause.problem_id
        )
    ).all()
    parent = {cid: pid for cid, pid, _ci, _pi in rows}
    hidden = {cid for cid, _pid, ci, pi in rows if ci or pi}
    changed = True
    while changed:
        changed = False
        for cid, pid in parent.items():
            if cid not in hidden and pid in hidden:
                hidden.add(cid)
                changed = True
    return hidden


def measure_row(session: Session, measure_id: int, *, today: date) -> MeasureRow:
    return _row(session, get_measure(session, measure_id), today, True, True)


def measure_light(
    session: Session, measure_id: int, *, today: date, include_internal: bool = True
) -> TrafficLight:
    """The measure's light exactly as the plan and Uppföljning show it (for what links to it)."""
    return _row(session, get_measure(session, measure_id), today, include_internal, False).light


def _row(
    session: Session,
    m: MeasureData,
    today: date,
    include_internal: bool,
    with_mentions: bool,
    notes: list[FollowUp] | None = None,
    said: list[MeetingMention] | None = None,
) -> MeasureRow:
    if notes is None:
        notes = list_followups(session, measure_id=m.id)
    followups = [f for f in notes if include_internal or not f.internal]
    trend = measure_trend(session, m, followups)
    light = traffic_light(m.status, start=m.start, end=m.end, today=today, trend=trend.trend)
    if not with_mentions:
        mentions: list[MeetingMention] = []
    elif said is not None:
        mentions = said
    else:
        mentions = meeting_links.mentions(
            session, measure_id=m.id, include_internal=include_internal
        )
    return MeasureRow(
        measure=m,
        light=light,
        trend=trend,
        followups=tuple(followups),
        mentions=tuple(mentions),
        flagged_no_cause=not m.cause_ids,
    )


def plan_problem_ids(session: Session, plan_id: int) -> set[int]:
    """The problems an action plan is about, so that ten years of older problems stay out.

    A problem belongs to the plan when the plan's measures address one of its causes, when
    it comes from the plan's situation picture or from a picture whose period overlaps the
    plan's, or, when it has no picture and no plan addresses it yet, when it was noted
    during the plan's period.
    """
    plan = _get(session, ActionPlan, plan_id)
    addressed = select(Cause.problem_id).join(measure_causes, measure_causes.c.cause_id == Cause.id)
    own = set(
        session.scalars(
            addressed.join(Measure, Measure.id == measure_causes.c.measure_id).where(
                Measure.plan_id == plan_id
            )
        )
    )
    in_period = select(SituationPicture.id).where(
        SituationPicture.period_start <= plan.period_end,
        SituationPicture.period_end >= plan.period_start,
    )
    pictures: Select[int] | CompoundSelect[int] = in_period
    if plan.situation_picture_id is not None:
        pictures = in_period.union(select(literal(plan.situation_picture_id)))
    of_pictures = set(
        session.scalars(select(Problem.id).where(Problem.situation_picture_id.in_(pictures)))
    )
    start = datetime.combine(plan.period_start, datetime.min.time())
    end = datetime.combine(plan.period_end, datetime.max.time())
    unplaced = set(
        session.scalars(
            select(Problem.id).where(
                Problem.situation_picture_id.is_(None),
                Problem.id.not_in(addressed),
                Problem.created_at >= start,
                Problem.created_at <= end,
            )
        )
    )
    return own | of_pictures | unplaced


def flags(session: Session, plan_id: int) -> PlanFlags:
    """Unconnected measures of the plan, and the causes of its prioritised problems
    (`plan_problem_ids`) that no measure of the plan addresses."""
    measures = list_measures(session, plan_id)
    scope = plan_problem_ids(session, plan_id)
    problems = list(
        session.scalars(
            select(Problem.id)
            .where(Problem.prioritised.is_(True), Problem.id.in_(scope))
            .order_by(Problem.position, Problem.id)
        )
    )
    causes = [
        CauseLink(c.id, c.problem_id, c.parent_id)
        for c in session.scalars(select(Cause).where(Cause.problem_id.in_(problems)))
    ]
    return plan_flags({m.id: set(m.cause_ids) for m in measures}, causes, problems)


# -- the annual wheel --------------------------------------------------------------------------


def calendar_items(session: Session, start: date, end: date) -> list[CalendarItem]:
    """Each plan's follow-up date, and the end dates of measures still open, on the wheel."""
    items: list[CalendarItem] = []
    for plan in session.scalars(
        select(ActionPlan).where(
            ActionPlan.follow_up_on.is_not(None),
            ActionPlan.follow_up_on >= start,
            ActionPlan.follow_up_on <= end,
            ActionPlan.status != PlanStatus.SUPERSEDED.value,
        )
    ):
        assert plan.follow_up_on is not None
        items.append(
            CalendarItem(
                key=f"action_plan:{plan.id}:follow_up",
                title=tr("Uppföljning av {title}").format(title=plan.title),
                category=DEADLINES,
                start=plan.follow_up_on,
                description=tr("Årlig uppföljning av åtgärdsplanen {period}.").format(
                    period=_plan_data(plan).period_label
                ),
                owner=Owner(ACTION_PLAN, "action_plan", plan.id),
            )
        )
    people = dict(session.execute(select(Person.id, Person.name)).all())
    orgs = dict(session.execute(select(Organisation.id, Organisation.name)).all())
    open_states = (
        MeasureStatus.UNKNOWN.value,
        MeasureStatus.NOT_STARTED.value,
        MeasureStatus.ONGOING.value,
    )
    for m in session.scalars(
        select(Measure)
        .join(ActionPlan, ActionPlan.id == Measure.plan_id)
        .where(
            Measure.end_date.is_not(None),
            Measure.end_date >= start,
            Measure.end_date <= end,
            Measure.status.in_(open_states),
            ActionPlan.status != PlanStatus.SUPERSEDED.value,
        )
    ):
        assert m.end_date is not None
        responsible = people.get(m.responsible_person_id or -1) or orgs.get(
            m.responsible_organisation_id or -1, ""
        )
        items.append(
            CalendarItem(
                key=f"measure:{m.id}:end",
                title=tr("Åtgärd klar: {title}").format(title=m.title),
                category=DEADLINES,
                start=m.end_date,
                responsible=responsible,
                internal=m.internal,
                owner=Owner(ACTION_PLAN, "measure", m.id),
            )
        )
    return items
