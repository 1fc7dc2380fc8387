"""The action register's filters on ten years of history (about 9,000 actions), checked
against the database itself with plain SQL."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from trygghetsrad.cli import main
from trygghetsrad.db.engine import open_database
from trygghetsrad.domain.actions.register import ActionFilter, filter_actions
from trygghetsrad.domain.meetings.model import ActionStatus
from trygghetsrad.services.actions.register import register_actions

TODAY = date(2026, 11, 26)


@pytest.fixture(scope="module")
def ten_years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tio") / "tio-år.sqlite"
    assert main(["--db", str(path), "demo", "--date", TODAY.isoformat(), "--years", "10"]) == 0
    return path


def _sql(path: Path, query: str, *params: object) -> set[int]:
    with sqlite3.connect(path) as conn:
        return {row[0] for row in conn.execute(query, params)}


def test_filters_match_the_database(ten_years: Path) -> None:
    db = open_database(ten_years)
    with db.session() as s:
        everything = register_actions(s, ActionFilter(include_internal=True), today=TODAY)
    db.close()
    assert len(everything) >= 8000
    assert {a.id for a in everything} == _sql(ten_years, "SELECT id FROM action_items")

    def ids(**criteria: object) -> set[int]:
        found = filter_actions(everything, ActionFilter(include_internal=True, **criteria), TODAY)
        return {a.id for a in found}

    overdue = _sql(
        ten_years,
        "SELECT id FROM action_items WHERE status = 'open' AND due_date < ?",
        TODAY.isoformat(),
    )
    assert overdue and ids(overdue=True) == overdue
    assert ids(status=ActionStatus.DONE) == _sql(
        ten_years, "SELECT id FROM action_items WHERE status = 'done'"
    )
    person = next(r.person_id for a in everything for r in a.responsibles if r.person_id)
    assert ids(person_id=person) == _sql(
        ten_years, "SELECT action_id FROM action_responsibles WHERE person_id = ?", person
    )
    group = everything[-1].group_ids[0]
    assert ids(group_id=group) == _sql(
        ten_years,
        "SELECT a.id FROM action_items a JOIN agenda_items i ON i.id = a.item_id "
        "JOIN meeting_groups g ON g.meeting_id = i.meeting_id WHERE g.group_id = ?",
        group,
    )
    assert ids(start=date(2020, 1, 1), end=date(2020, 12, 31)) == _sql(
        ten_years,
        "SELECT a.id FROM action_items a JOIN agenda_items i ON i.id = a.item_id "
        "JOIN meetings m ON m.id = i.meeting_id WHERE m.day BETWEEN '2020-01-01' AND '2020-12-31'",
    )
    soon = ids(due_within=30)
    assert soon == _sql(
        ten_years,
        "SELECT id FROM action_items WHERE status = 'open' AND due_date BETWEEN ? AND ?",
        TODAY.isoformat(),
        date(2026, 12, 26).isoformat(),
    )
