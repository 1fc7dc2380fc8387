"""Factories for the action plan: problems, causes, plans, measures, agreements."""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from trygghetsrad.domain.situation.action_plan import MeasureInput
from trygghetsrad.services.situation import action_plan, agreements, causes

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


# -- the example database, built once per test run and copied for each test ------------------


@pytest.fixture(scope="session", name="_demo_template")
def demo_template_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from trygghetsrad import demo
    from trygghetsrad.db.engine import open_database

    path = tmp_path_factory.mktemp("demo-template") / "demo.sqlite"
    db = open_database(path)
    with db.session() as s:
        demo.fill(s, date(2026, 11, 26))
    db.close()
    return path


@pytest.fixture(name="demo_db")
def demo_db_fixture(_demo_template: Path, tmp_path: Path) -> Iterator[Any]:
    """Like `demo_database`, but copied from one filled file instead of filled each time."""
    from trygghetsrad.db.engine import open_database

    target = tmp_path / "demo.sqlite"
    source = sqlite3.connect(_demo_template)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    db = open_database(target)
    yield db
    db.close()


@pytest.fixture(name="demo_app")
def demo_app_fixture(qtbot: Any, demo_db: Any) -> Any:
    """An AppContext on a copy of the example database (for page tests)."""
    from PySide6.QtGui import QUndoGroup

    from trygghetsrad.ui.context import AppContext, AppEvents

    return AppContext(demo_db, AppEvents(), QUndoGroup())
