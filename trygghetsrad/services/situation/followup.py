"""Assembling the action-plan document, the annual follow-up and the law/Brå checklist.

The checklist is derived from the data, never ticked by hand: each step says what shows
it was done, or exactly what is missing.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from trygghetsrad.db.models.action_plan import FollowUpNote, Measure
from trygghetsrad.db.models.register import Group, Membership, Person
from trygghetsrad.db.models.situation import Indicator, Observation, SituationPicture
from trygghetsrad.domain.internal import visible
from trygghetsrad.domain.situation.action_plan import MeasureStatus, PlanData, PlanStatus
from trygghetsrad.domain.situation.action_plan_docs import (
    AgreementSection,
    ChecklistItem,
    FollowUpDocument,
    IndicatorSeries,
    PlanDocument,
    ProblemSection,
)
from trygghetsrad.domain.situation.causes import CauseData
from trygghetsrad.domain.situation.documents import DocumentKind, PartialDate
from trygghetsrad.errors import UserError
from trygghetsrad.i18n import plural, tr
from trygghetsrad.services import settings
from trygghetsrad.services.situation import action_plan, agreements, causes
from trygghetsrad.services.situation.agreement_steps import list_steps
from trygghetsrad.services.situation.documents import document_settings


def plan_document(
    session: Session, plan_id: int, *, today: date, include_internal: bool = False
) -> PlanDocument:
    plan = action_plan.get_plan(session, plan_id)
    rows = action_plan.measure_rows(
        session, plan_id, today=today, include_internal=include_internal
    )
    flags = action_plan.flags(session, plan_id)
    linked = {c for r in rows for c in r.measure.cause_ids}
    all_causes = causes.list_causes(session)
    problem_of = {c.id: c.problem_id for c in all_causes}
    linked_problems = {problem_of[c] for c in linked if c in problem_of}
    scope = action_plan.plan_problem_ids(session, plan_id)
    sections = []
    for problem in visible(causes.list_problems(session), include_internal):
        if problem.id not in linked_problems and not (problem.prioritised and problem.id in scope):
            continue
        tree = [c for c in all_causes if c.problem_id == problem.id]
        kept = _visible_tree(tree, include_internal)
        if not include_internal:
            kept = [
                replace(c, evidence=tuple(e for e in c.evidence if not e.internal)) for c in kept
            ]
            if problem.observation_id is not None:
                observation = session.get(Observation, problem.observation_id)
                if observation is not None and observation.internal:
                    problem = replace(problem, observation_title="")
        sections.append(
            ProblemSection(
                problem=problem,
                causes=tuple(kept),
                flagged_causes=frozenset(flags.causes_without_measure),
            )
        )
    conf = settings.load(session)
    return PlanDocument(
        municipality=conf.municipality,
        plan=plan,
        problems=tuple(sections),
        measures=tuple(rows),
        flags=flags,
        today=today,
        logo=conf.logo,
        coordinator=conf.coordinator_name,
        include_internal=include_internal,
        cause_titles={c.id: c.title for c in all_causes},
        document=document_settings(session, DocumentKind.ACTION_PLAN, plan_id),
    )


def _visible_tree(tree: list[CauseData], include_internal: bool) -> list[CauseData]:
    """Drop internal causes and, with them, their whole branch."""
    if include_internal:
        return tree
    hidden = {c.id for c in tree if c.internal}
    changed = True
    while changed:
        changed = False
        for c in tree:
            if c.id not in hidden and c.parent_id in hidden:
                hidden.add(c.id)
                changed = True
    return [c for c in tree if c.id not in hidden]


def plans_for_year(session: Session, year: int) -> list[PlanData]:
    start, end = date(year, 1, 1), date(year, 12, 31)
    plans = [
        p
        for p in action_plan.list_plans(session)
        if p.period_start <= end and p.period_end >= start
    ]
    adopted = [p for p in plans if p.status == PlanStatus.ADOPTED]
    if adopted:
        return adopted
    superseded = [p for p in plans if p.status == PlanStatus.SUPERSEDED]
    return superseded[:1] or plans[:1]


def followup_document(
    session: Session, year: int, *, today: date, include_internal: bool = False
) -> FollowUpDocument:
    if not 1900 <= year <= 2200:
        raise UserError(tr("Året {year} är orimligt.").format(year=year))
    plans = plans_for_year(session, year)
    rows = []
    for plan in plans:
        rows.extend(
            action_plan.measure_rows(
                session, plan.id, today=today, include_internal=include_internal
            )
        )
    series: dict[int, IndicatorSeries] = {}
    for row in rows:
        m = row.measure
        if m.indicator_id is None:
            continue
        existing = series.get(m.indicator_id)
        if existing is None:
            indicator = session.get(Indicator, m.indicator_id)
            points = action_plan.indicator_points(session, m.indicator_id)
            series[m.indicator_id] = IndicatorSeries(
                indicator_id=m.indicator_id,
                name=m.indicator_name,
                unit=indicator.unit if indicator else "",
                points=tuple(points),
                target=m.target_value,
                measure_titles=(m.title,),
            )
        else:
            series[m.indicator_id] = IndicatorSeries(
                existing.indicator_id,
                existing.name,
                existing.unit,
                existing.points,
                existing.target if existing.target is not None else m.target_value,
                (*existing.measure_titles, m.title),
            )
    start, end = date(year, 1, 1), date(year, 12, 31)
    sections = []
    for agreement in visible(agreements.list_agreements(session), include_internal):
        if agreement.period_start <= end and agreement.period_end >= start:
            sections.append(
                AgreementSection(
                    agreement,
                    tuple(
                        agreements.commitment_rows(
                            session, agreement.id, today=today, include_internal=include_internal
                        )
                    ),
                    tuple(list_steps(session, agreement.id)),
                )
            )
    # Next year's dates as the annual wheel shows them: its own events and every owned item.
    from trygghetsrad.services.wheel import events as wheel

    next_year = wheel.items_in(
        session, date(year + 1, 1, 1), date(year + 1, 12, 31), include_internal=include_internal
    )
    category_names = {c.key: c.name for c in wheel.list_categories(session)}
    conf = settings.load(session)
    return FollowUpDocument(
        municipality=conf.municipality,
        year=year,
        plans=tuple(plans),
        measures=tuple(rows),
        series=tuple(series.values()),
        agreements=tuple(sections),
        checklist=tuple(checklist(session, year, today=today, include_internal=include_internal)),
        next_year=tuple(next_year),
        category_names=category_names,
        today=today,
        logo=conf.logo,
        coordinator=conf.coordinator_name,
        include_internal=include_internal,
        document=document_settings(session, DocumentKind.FOLLOWUP, year),
    )


# -- the law and Brå's steps -------------------------------------------------------------------


def checklist(
    session: Session, year: int, *, today: date | None = None, include_internal: bool = True
) -> list[ChecklistItem]:
    start, end = date(year, 1, 1), date(year, 12, 31)
    today = today or date.today()
    return [
        _situation_step(session, year, start, end),
        _cause_step(session, year, include_internal),
        _plan_step(session, year, start, end),
        _linked_step(session, year),
        _coordination_step(session, year, start, end),
        _followup_step(session, year, start, end, today),
    ]


def _situation_step(session: Session, year: int, start: date, end: date) -> ChecklistItem:
    label = tr("Lägesbild framtagen och presenterad")
    pictures = list(session.scalars(select(SituationPicture).order_by(SituationPicture.id)))
    presented = [
        p for p in pictures if p.presented_on is not None and start <= p.presented_on <= end
    ]
    if presented:
        p = presented[-1]
        when = PartialDate.of(p.presented_on, p.presented_precision)
        detail = tr("”{title}” presenterades {day}").format(
            title=p.title, day=when.text if when else ""
        )
        if p.presented_to:
            detail += tr(" för {body}").format(body=p.presented_to)
        return ChecklistItem("situation", label, True, detail + ".")
    in_progress = [p.title for p in pictures if p.presented_on is None]
    of_year = [p for p in pictures if p.period_start <= end and p.period_end >= start]
    if not in_progress and not of_year:
        # Nothing is recorded for the year: the app can't tell whether one was presented.
        return ChecklistItem(
            "situation",
            label,
            False,
            unknown=tr("Ingen lägesbild för {year} är registrerad.").format(year=year),
        )
    missing = tr("Ingen lägesbild presenterades under {year}.").format(year=year)
    if in_progress:
        missing += " " + tr("Under arbete: {titles}.").format(titles=", ".join(in_progress))
    return ChecklistItem("situation", label, False, missing=missing)


def _cause_step(session: Session, year: int, include_internal: bool = True) -> ChecklistItem:
    label = tr("Orsaksanalys för varje prioriterat problem")
    problems = causes.list_problems(session, prioritised_only=True)
    # The problems of the year's plans, not every problem ever noted (ten years of them).
    scope: set[int] = set()
    for plan in plans_for_year(session, year):
        scope |= action_plan.plan_problem_ids(session, plan.id)
    if scope:
        problems = [p for p in problems if p.id in scope]
    shown = visible(problems, include_internal)
    if not problems:
        return ChecklistItem(
            "causes", label, False, unknown=tr("Inga problem är prioriterade ännu.")
        )
    without = [p.title for p in shown if p.cause_count == 0]
    hidden = sum(1 for p in problems if p.cause_count == 0 and p not in shown)
    if hidden:
        without.append(plural(hidden, tr("internt"), tr("interna")))
    if without:
        return ChecklistItem(
            "causes",
            label,
            False,
            missing=tr("Saknar orsaker: {titles}.").format(titles=", ".join(without)),
        )
    return ChecklistItem(
        "causes",
        label,
        True,
        tr("{problems} med orsaksträd.").format(
            problems=plural(len(problems), tr("prioriterat problem"), tr("prioriterade problem"))
        ),
    )


def _plan_step(session: Session, year: int, start: date, end: date) -> ChecklistItem:
    label = tr("Åtgärdsplan antagen")
    plans = [
        p
        for p in action_plan.list_plans(session)
        if p.adopted_on is not None
        and p.adopted_on <= end
        and p.period_start <= end
        and p.period_end >= start
    ]
    if plans:
        p = max(plans, key=lambda p: p.adopted_on or date.min)
        return ChecklistItem("plan", label, True, f"{p.title}: {p.adoption_label}.")
    drafts = [p.title for p in action_plan.list_plans(session) if p.status == PlanStatus.DRAFT]
    if not drafts and not plans_for_year(session, year):
        return ChecklistItem(
            "plan",
            label,
            False,
            unknown=tr("Ingen åtgärdsplan för {year} är registrerad.").format(year=year),
        )
    missing = tr("Ingen åtgärdsplan för {year} är antagen.").format(year=year)
    if drafts:
        missing += " " + tr("Utkast: {titles}.").format(titles=", ".join(drafts))
    return ChecklistItem("plan", label, False, missing=missing)


def _linked_step(session: Session, year: int) -> ChecklistItem:
    label = tr("Åtgärderna svarar mot orsakerna")
    plans = plans_for_year(session, year)
    if not plans:
        return ChecklistItem("linked", label, False, unknown=tr("Det finns ingen åtgärdsplan."))
    problems: list[str] = []
    for plan in plans:
        flags = action_plan.flags(session, plan.id)
        n = len(flags.measures_without_cause)
        if n:
            problems.append(
                tr("{measures} utan orsak").format(measures=plural(n, tr("åtgärd"), tr("åtgärder")))
            )
        n = len(flags.causes_without_measure)
        if n:
            problems.append(
                tr("{causes} utan åtgärd").format(causes=plural(n, tr("orsak"), tr("orsaker")))
            )
    if problems:
        return ChecklistItem("linked", label, False, missing=", ".join(problems) + ".")
    return ChecklistItem(
        "linked", label, True, tr("Varje åtgärd har en orsak och varje orsak en åtgärd.")
    )


def _coordination_step(session: Session, year: int, start: date, end: date) -> ChecklistItem:
    label = tr("Samordningsfunktion utsedd")
    rows = session.execute(
        select(Person.name, Group.name, Membership.from_date, Membership.to_date)
        .join(Membership, Membership.person_id == Person.id)
        .join(Group, Group.id == Membership.group_id)
        .where(Membership.role == "samordnare")
    ).all()
    groups_of: dict[str, set[str]] = {}
    for name, group, frm, to in rows:
        if (frm is None or frm <= end) and (to is None or to >= start):
            groups_of.setdefault(name, set()).add(group)
    if groups_of:
        names = ", ".join(
            f"{name} ({', '.join(sorted(groups))})" for name, groups in sorted(groups_of.items())
        )
        return ChecklistItem(
            "coordination", label, True, tr("Samordnare: {names}.").format(names=names)
        )
    members = session.scalar(select(func.count()).select_from(Membership))
    if not members:
        return ChecklistItem(
            "coordination", label, False, unknown=tr("Inga gruppmedlemmar är registrerade.")
        )
    return ChecklistItem(
        "coordination",
        label,
        False,
        missing=tr("Ingen person har rollen samordnare i någon grupp under {year}.").format(
            year=year
        ),
    )


def _followup_step(
    session: Session, year: int, start: date, end: date, today: date
) -> ChecklistItem:
    """Every measure running during the year (up to today) has a follow-up note dated in it;
    measures done in an earlier year, cancelled or not due to start yet need none."""
    label = tr("Åtgärderna följda upp")
    plans = plans_for_year(session, year)
    if not plans:
        return ChecklistItem("followup", label, False, unknown=tr("Det finns ingen åtgärdsplan."))
    horizon = min(end, today)
    planned = session.scalar(
        select(func.count()).select_from(Measure).where(Measure.plan_id.in_([p.id for p in plans]))
    )
    measures = [
        m
        for m in session.scalars(
            select(Measure).where(
                Measure.plan_id.in_([p.id for p in plans]),
                Measure.status != MeasureStatus.CANCELLED.value,
            )
        )
        if (m.start_date is None or m.start_date <= horizon)
        and not (
            m.status == MeasureStatus.DONE.value and m.end_date is not None and m.end_date < start
        )
    ]
    followed = set(
        session.scalars(
            select(FollowUpNote.measure_id).where(
                FollowUpNote.noted_on >= start, FollowUpNote.noted_on <= end
            )
        )
    )
    not_followed = [m.title for m in measures if m.id not in followed]
    if not measures:
        return ChecklistItem("followup", label, False, unknown=tr("Planen har inga åtgärder."))
    done = len(measures) - len(not_followed)
    # Counted against every measure in the plan, so that the sentence stays true; those that
    # need no follow-up this year are named as such.
    detail = tr("{n} av {measures} har följts upp under {year}").format(
        n=done,
        measures=plural(planned or len(measures), tr("åtgärd"), tr("åtgärder")),
        year=year,
    )
    skipped = (planned or 0) - len(measures)
    if skipped:
        detail += tr(
            "; {k} behövde ingen uppföljning i år (avbrutna, ej påbörjade eller klara före {year})"
        ).format(k=skipped, year=year)
    detail += "."
    if not_followed:
        return ChecklistItem(
            "followup",
            label,
            False,
            detail,
            missing=tr("Ingen uppföljning under {year}: {titles}.").format(
                year=year, titles=", ".join(not_followed)
            ),
        )
    return ChecklistItem(
        "followup",
        label,
        True,
        detail,
    )
