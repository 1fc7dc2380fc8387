"""The action plan: plans with adoption records and versions, the problems a plan is about,
flags for unconnected measures and causes, and the plan's dates on the annual wheel.

The measures live in `action_plan_measures`, follow-up notes and each measure's light and
trend in `action_plan_progress`; their functions are re-exported here, so that callers keep
one name for the action plan's services (`action_plan.create_measure(...)`).
"""

from __future__ import annotations

import json
from datetime import date, datetime

from sqlalchemy import CompoundSelect, Select, func, insert, literal, select
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
from trygghetsrad.db.models.situation import SituationPicture
from trygghetsrad.domain.calendar_items import DEADLINES, CalendarItem, Owner
from trygghetsrad.domain.changes import ACTION_PLAN, Changes, Created
from trygghetsrad.domain.register import MAX_NAME, clean_text
from trygghetsrad.domain.situation.action_plan import (
    CauseLink,
    MeasureStatus,
    PlanData,
    PlanFlags,
    PlanStatus,
    check_dates,
    clean_title,
    plan_flags,
)
from trygghetsrad.errors import UserError, ValidationError
from trygghetsrad.i18n import tr
from trygghetsrad.services.records import get_or_fail
from trygghetsrad.services.situation.action_plan_measures import CHANGED as CHANGED
from trygghetsrad.services.situation.action_plan_measures import create_measure as create_measure
from trygghetsrad.services.situation.action_plan_measures import delete_measure as delete_measure
from trygghetsrad.services.situation.action_plan_measures import get_measure as get_measure
from trygghetsrad.services.situation.action_plan_measures import link_cause as link_cause
from trygghetsrad.services.situation.action_plan_measures import list_measures as list_measures
from trygghetsrad.services.situation.action_plan_measures import measure_input as measure_input
from trygghetsrad.services.situation.action_plan_measures import move_measure as move_measure
from trygghetsrad.services.situation.action_plan_measures import (
    set_measure_status as set_measure_status,
)
from trygghetsrad.services.situation.action_plan_measures import update_measure as update_measure
from trygghetsrad.services.situation.action_plan_progress import add_followup as add_followup
from trygghetsrad.services.situation.action_plan_progress import delete_followup as delete_followup
from trygghetsrad.services.situation.action_plan_progress import (
    hidden_cause_ids as hidden_cause_ids,
)
from trygghetsrad.services.situation.action_plan_progress import (
    indicator_points as indicator_points,
)
from trygghetsrad.services.situation.action_plan_progress import list_followups as list_followups
from trygghetsrad.services.situation.action_plan_progress import measure_light as measure_light
from trygghetsrad.services.situation.action_plan_progress import measure_row as measure_row
from trygghetsrad.services.situation.action_plan_progress import measure_rows as measure_rows
from trygghetsrad.services.situation.action_plan_progress import measure_trend as measure_trend

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
    for measure in session.scalars(select(Measure).where(Measure.plan_id == old.id)):
        _copy_measure(session, measure, plan.id)
    session.flush()
    return Created(plan.id, CHANGED)


_MEASURE_COPIED = (
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


def _copy_measure(session: Session, m: Measure, plan_id: int) -> None:
    """A copy of `m` in the plan `plan_id`, with its causes, follow-up notes, meeting links
    and commitments."""
    copy = Measure(plan_id=plan_id, **{col: getattr(m, col) for col in _MEASURE_COPIED})
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
        select(commitment_measures.c.commitment_id).where(commitment_measures.c.measure_id == m.id)
    ).all()
    if commitments:
        session.execute(
            insert(commitment_measures),
            [{"measure_id": copy.id, "commitment_id": c} for c in commitments],
        )


def delete_plan(session: Session, plan_id: int) -> Changes:
    plan = _get(session, ActionPlan, plan_id)
    if plan.status != PlanStatus.DRAFT:
        raise UserError(tr("En antagen plan kan inte tas bort; den är en allmän handling."))
    session.delete(plan)
    session.flush()
    return CHANGED


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
