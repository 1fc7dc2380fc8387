"""Cause analysis: prioritised problems, their cause trees, and the evidence behind each cause."""

from __future__ import annotations

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from trygghetsrad.db.models.action_plan import (
    Cause,
    CauseEvidence,
    Measure,
    Problem,
    measure_causes,
)
from trygghetsrad.db.models.situation import DataSource, Indicator, Observation
from trygghetsrad.domain.changes import ACTION_PLAN, Changes, Created
from trygghetsrad.domain.register import clean_text
from trygghetsrad.domain.situation.action_plan import clean_enum, clean_title
from trygghetsrad.domain.situation.causes import (
    CauseData,
    CauseKind,
    Evidence,
    ProblemData,
    check_move,
)
from trygghetsrad.errors import ValidationError
from trygghetsrad.i18n import tr
from trygghetsrad.services.records import get_or_fail

CHANGED = Changes.of(ACTION_PLAN)


_get = get_or_fail


# -- problems ----------------------------------------------------------------------------------


def list_problems(session: Session, *, prioritised_only: bool = False) -> list[ProblemData]:
    counts = dict(
        session.execute(select(Cause.problem_id, func.count()).group_by(Cause.problem_id)).all()
    )
    observations = dict(session.execute(select(Observation.id, Observation.title)).all())
    query = select(Problem).order_by(Problem.position, Problem.id)
    if prioritised_only:
        query = query.where(Problem.prioritised.is_(True))
    return [
        _problem_data(p, observations.get(p.observation_id or -1, ""), counts.get(p.id, 0))
        for p in session.scalars(query)
    ]


def get_problem(session: Session, problem_id: int) -> ProblemData:
    p = _get(session, Problem, problem_id)
    obs = session.get(Observation, p.observation_id) if p.observation_id else None
    count = session.scalar(select(func.count()).where(Cause.problem_id == p.id)) or 0
    return _problem_data(p, obs.title if obs else "", count)


def _problem_data(p: Problem, observation_title: str, count: int) -> ProblemData:
    return ProblemData(
        id=p.id,
        title=p.title,
        description=p.description,
        observation_id=p.observation_id,
        observation_title=observation_title,
        situation_picture_id=p.situation_picture_id,
        prioritised=p.prioritised,
        position=p.position,
        internal=p.internal,
        cause_count=count,
    )


def create_problem(
    session: Session,
    *,
    title: str = "",
    description: str = "",
    observation_id: int | None = None,
    situation_picture_id: int | None = None,
    prioritised: bool = True,
    internal: bool = False,
) -> Created:
    """A named problem, or one taken from an observation (its title and text by default)."""
    if observation_id is not None:
        obs = session.get(Observation, observation_id)
        if obs is None:
            raise ValidationError(tr("Iakttagelsen finns inte längre."), "observation_id")
        title = title or obs.title
        description = description or obs.description
        internal = internal or obs.internal
    position = (session.scalar(select(func.max(Problem.position))) or 0) + 1
    problem = Problem(
        title=clean_title(title, label=tr("Problemets namn")),
        description=clean_text(description, field="description", label=tr("Beskrivning")),
        observation_id=observation_id,
        situation_picture_id=situation_picture_id,
        prioritised=prioritised,
        position=position,
        internal=internal,
    )
    session.add(problem)
    session.flush()
    return Created(problem.id, CHANGED)


def update_problem(
    session: Session,
    problem_id: int,
    *,
    title: str,
    description: str = "",
    prioritised: bool = True,
    internal: bool = False,
) -> Changes:
    p = _get(session, Problem, problem_id)
    p.title = clean_title(title, label=tr("Problemets namn"))
    p.description = clean_text(description, field="description", label=tr("Beskrivning"))
    p.prioritised, p.internal = prioritised, internal
    session.flush()
    return CHANGED


def delete_problem(session: Session, problem_id: int) -> Changes:
    session.delete(_get(session, Problem, problem_id))
    session.flush()
    return CHANGED


# -- causes ------------------------------------------------------------------------------------


def list_causes(session: Session, problem_id: int | None = None) -> list[CauseData]:
    query = select(Cause).order_by(Cause.problem_id, Cause.position, Cause.id)
    if problem_id is not None:
        query = query.where(Cause.problem_id == problem_id)
    causes = list(session.scalars(query))
    ids = [c.id for c in causes]
    evidence: dict[int, list[Evidence]] = {}
    measures: dict[int, list[int]] = {}
    if ids:
        for ev in _evidence(session, ids):
            evidence.setdefault(ev.cause_id, []).append(ev)
        for mid, cid in session.execute(
            select(measure_causes.c.measure_id, measure_causes.c.cause_id).where(
                measure_causes.c.cause_id.in_(ids)
            )
        ):
            measures.setdefault(cid, []).append(mid)
    return [
        CauseData(
            id=c.id,
            problem_id=c.problem_id,
            parent_id=c.parent_id,
            position=c.position,
            title=c.title,
            kind=c.kind,
            description=c.description,
            internal=c.internal,
            evidence=tuple(evidence.get(c.id, ())),
            measure_ids=tuple(sorted(measures.get(c.id, ()))),
        )
        for c in causes
    ]


def get_cause(session: Session, cause_id: int) -> CauseData:
    cause = _get(session, Cause, cause_id)
    return next(c for c in list_causes(session, cause.problem_id) if c.id == cause_id)


def _evidence(session: Session, cause_ids: list[int]) -> list[Evidence]:
    sources = dict(session.execute(select(DataSource.id, DataSource.name)).all())
    internal_sources = set(session.scalars(select(DataSource.id).where(DataSource.internal)))
    indicators: dict[int | None, str] = dict(
        session.execute(select(Indicator.id, Indicator.name)).all()
    )
    rows = session.scalars(
        select(CauseEvidence)
        .where(CauseEvidence.cause_id.in_(cause_ids))
        .order_by(CauseEvidence.id)
    )
    return [
        Evidence(
            id=e.id,
            cause_id=e.cause_id,
            data_source_id=e.data_source_id,
            indicator_id=e.indicator_id,
            label=sources.get(e.data_source_id, "")
            if e.data_source_id is not None
            else indicators.get(e.indicator_id, ""),
            note=e.note,
            internal=e.data_source_id in internal_sources,
        )
        for e in rows
    ]


def _siblings(session: Session, problem_id: int, parent_id: int | None) -> list[Cause]:
    query = select(Cause).where(Cause.problem_id == problem_id)
    query = query.where(
        Cause.parent_id.is_(None) if parent_id is None else Cause.parent_id == parent_id
    )
    return list(session.scalars(query.order_by(Cause.position, Cause.id)))


def _clean_kind(kind: str) -> str:
    return clean_enum(kind, CauseKind, field="kind", label=tr("typ av orsak"))


def create_cause(
    session: Session,
    *,
    problem_id: int,
    title: str,
    parent_id: int | None = None,
    kind: str = CauseKind.SITUATIONAL.value,
    description: str = "",
    position: int | None = None,
    internal: bool = False,
) -> Created:
    """Add a cause under `parent_id` (or at the top of the problem's tree) at `position`."""
    _get(session, Problem, problem_id)
    if parent_id is not None:
        parent = _get(session, Cause, parent_id)
        if parent.problem_id != problem_id:
            raise ValidationError(tr("En orsak kan bara flyttas inom samma problem."), "parent_id")
    cause = Cause(
        problem_id=problem_id,
        parent_id=parent_id,
        title=clean_title(title, label=tr("Orsak")),
        kind=_clean_kind(kind),
        description=clean_text(description, field="description", label=tr("Beskrivning")),
        internal=internal,
    )
    siblings = _siblings(session, problem_id, parent_id)
    index = len(siblings) if position is None else max(0, min(position, len(siblings)))
    siblings.insert(index, cause)
    session.add(cause)
    for i, sibling in enumerate(siblings):
        sibling.position = i
    session.flush()
    return Created(cause.id, CHANGED)


def update_cause(
    session: Session,
    cause_id: int,
    *,
    title: str,
    kind: str,
    description: str = "",
    internal: bool = False,
) -> Changes:
    cause = _get(session, Cause, cause_id)
    cause.title = clean_title(title, label=tr("Orsak"))
    cause.kind = _clean_kind(kind)
    cause.description = clean_text(description, field="description", label=tr("Beskrivning"))
    cause.internal = internal
    session.flush()
    return CHANGED


def rename_cause(session: Session, cause_id: int, title: str) -> Changes:
    cause = _get(session, Cause, cause_id)
    cause.title = clean_title(title, label=tr("Orsak"))
    session.flush()
    return CHANGED


def move_cause(session: Session, cause_id: int, *, parent_id: int | None, position: int) -> Changes:
    """Move a cause (with its sub-causes) under `parent_id` at `position` among its siblings."""
    cause = _get(session, Cause, cause_id)
    all_causes = list_causes(session, cause.problem_id)
    check_move(all_causes, cause_id, parent_id)
    old = [c for c in _siblings(session, cause.problem_id, cause.parent_id) if c.id != cause_id]
    for i, sibling in enumerate(old):
        sibling.position = i
    new = [c for c in _siblings(session, cause.problem_id, parent_id) if c.id != cause_id]
    index = max(0, min(position, len(new)))
    new.insert(index, cause)
    cause.parent_id = parent_id
    for i, sibling in enumerate(new):
        sibling.position = i
    session.flush()
    return CHANGED


def delete_cause(session: Session, cause_id: int) -> Changes:
    """Delete a cause with its sub-causes (the database cascades them)."""
    cause = _get(session, Cause, cause_id)
    problem_id, parent_id = cause.problem_id, cause.parent_id
    session.delete(cause)
    session.flush()
    for i, sibling in enumerate(_siblings(session, problem_id, parent_id)):
        sibling.position = i
    session.flush()
    return CHANGED


def subtree(session: Session, cause_id: int) -> list[CauseData]:
    """The cause and all its sub-causes (for undoing a delete), parents before children."""
    cause = _get(session, Cause, cause_id)
    all_causes = list_causes(session, cause.problem_id)
    out, frontier = [], [cause_id]
    by_parent: dict[int | None, list[CauseData]] = {}
    for c in all_causes:
        by_parent.setdefault(c.parent_id, []).append(c)
    by_id = {c.id: c for c in all_causes}
    while frontier:
        cid = frontier.pop(0)
        out.append(by_id[cid])
        frontier.extend(c.id for c in by_parent.get(cid, []))
    return out


# -- evidence ----------------------------------------------------------------------------------


def add_evidence(
    session: Session,
    *,
    cause_id: int,
    data_source_id: int | None = None,
    indicator_id: int | None = None,
    note: str = "",
) -> Created:
    _get(session, Cause, cause_id)
    if (data_source_id is None) == (indicator_id is None):
        raise ValidationError(tr("Välj antingen ett underlag eller en indikator."), "evidence")
    if data_source_id is not None and session.get(DataSource, data_source_id) is None:
        raise ValidationError(tr("Underlaget finns inte längre."), "data_source_id")
    if indicator_id is not None and session.get(Indicator, indicator_id) is None:
        raise ValidationError(tr("Indikatorn finns inte längre."), "indicator_id")
    existing = session.scalar(
        select(CauseEvidence.id).where(
            CauseEvidence.cause_id == cause_id,
            CauseEvidence.data_source_id.is_(None)
            if data_source_id is None
            else CauseEvidence.data_source_id == data_source_id,
            CauseEvidence.indicator_id.is_(None)
            if indicator_id is None
            else CauseEvidence.indicator_id == indicator_id,
        )
    )
    if existing is not None:
        raise ValidationError(tr("Det underlaget är redan kopplat till orsaken."), "evidence")
    ev = CauseEvidence(
        cause_id=cause_id,
        data_source_id=data_source_id,
        indicator_id=indicator_id,
        note=clean_text(note, field="note", label=tr("Anteckning")),
    )
    session.add(ev)
    session.flush()
    return Created(ev.id, CHANGED)


def remove_evidence(session: Session, evidence_id: int) -> Changes:
    session.execute(delete(CauseEvidence).where(CauseEvidence.id == evidence_id))
    session.flush()
    return CHANGED


def evidence_choices(session: Session) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(sources, indicators) as (id, name) for pickers."""
    sources = [
        (i, n)
        for i, n in session.execute(
            select(DataSource.id, DataSource.name).order_by(DataSource.name)
        )
    ]
    indicators = [
        (i, n)
        for i, n in session.execute(select(Indicator.id, Indicator.name).order_by(Indicator.name))
    ]
    return sources, indicators


def observation_choices(session: Session) -> list[tuple[int, str]]:
    return [
        (i, t)
        for i, t in session.execute(
            select(Observation.id, Observation.title).order_by(Observation.title)
        )
    ]


def restore_subtree(
    session: Session, causes: list[CauseData], *, position: int | None = None
) -> dict[int, int]:
    """Recreate deleted causes (parents first) with their evidence and measure links.

    Used to undo a delete; returns old id → new id so that later undo steps can follow.
    """
    mapping: dict[int, int] = {}
    for index, cause in enumerate(causes):
        parent = mapping.get(cause.parent_id, cause.parent_id) if cause.parent_id else None
        new_id = create_cause(
            session,
            problem_id=cause.problem_id,
            title=cause.title,
            parent_id=parent,
            kind=cause.kind,
            description=cause.description,
            position=position if index == 0 else cause.position,
            internal=cause.internal,
        ).id
        mapping[cause.id] = new_id
        for ev in cause.evidence:
            if (ev.data_source_id and session.get(DataSource, ev.data_source_id) is None) or (
                ev.indicator_id and session.get(Indicator, ev.indicator_id) is None
            ):
                continue
            session.add(
                CauseEvidence(
                    cause_id=new_id,
                    data_source_id=ev.data_source_id,
                    indicator_id=ev.indicator_id,
                    note=ev.note,
                )
            )
        for measure_id in cause.measure_ids:
            if session.get(Measure, measure_id) is None:
                continue
            session.execute(measure_causes.insert().values(measure_id=measure_id, cause_id=new_id))
    session.flush()
    return mapping
