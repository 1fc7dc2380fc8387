"""Factories for the action plan: problems, causes, plans, measures, agreements."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from trygghetsrad.domain.action_plan import MeasureInput
from trygghetsrad.services import action_plan, agreements, causes

_counter = itertools.count(1)


def make_problem(session: Session, **overrides: Any) -> int:
    fields = {"title": f"Problem {next(_counter)}"} | overrides
    return causes.create_problem(session, **fields).id


def make_cause(session: Session, problem_id: int | None = None, **overrides: Any) -> int:
    if problem_id is None:
        problem_id = make_problem(session)
    fields = {"title": f"Orsak {next(_counter)}", "kind": "situationell"} | overrides
    return causes.create_cause(session, problem_id=problem_id, **fields).id


def make_plan(session: Session, **overrides: Any) -> int:
    fields = {
        "title": f"Åtgärdsplan {next(_counter)}",
        "period_start": date(2026, 1, 1),
        "period_end": date(2027, 12, 31),
    } | overrides
    return action_plan.create_plan(session, **fields).id


def make_measure(session: Session, plan_id: int | None = None, **overrides: Any) -> int:
    if plan_id is None:
        plan_id = make_plan(session)
    fields: dict[str, Any] = {"title": f"Åtgärd {next(_counter)}"} | overrides
    return action_plan.create_measure(session, plan_id=plan_id, data=MeasureInput(**fields)).id


def make_agreement(session: Session, **overrides: Any) -> int:
    fields = {
        "kind": "medborgarlöfte",
        "title": f"Medborgarlöfte {next(_counter)}",
        "period_start": date(2025, 1, 1),
        "period_end": date(2026, 12, 31),
    } | overrides
    return agreements.create_agreement(session, **fields).id
