"""The plan's measure rows load follow-ups and meeting mentions for all measures at once;
each row must still carry exactly its own."""

from __future__ import annotations

from datetime import date

from factories_action_plan import demo_db_fixture, demo_template_fixture

from trygghetsrad.services.situation import action_plan, action_plan_progress

__all__ = ["demo_db_fixture", "demo_template_fixture"]


def test_batched_rows_equal_rows_read_one_by_one(demo_db) -> None:  # type: ignore[no-untyped-def]
    today = date(2026, 11, 26)
    with demo_db.session() as s:
        checked = mentioned = followed = 0
        for plan in action_plan.list_plans(s):
            for internal in (True, False):
                rows = action_plan.measure_rows(s, plan.id, today=today, include_internal=internal)
                for row in rows:
                    single = action_plan_progress._row(s, row.measure, today, internal, True)
                    assert row == single
                    checked += 1
                    mentioned += bool(row.mentions)
                    followed += bool(row.followups)
    assert checked and mentioned and followed  # the example data exercises both
