"""The action-plan tables created by migration 0005 match the ORM models exactly."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from trygghetsrad.db.engine import open_database

TABLES = {
    "problems",
    "causes",
    "cause_evidence",
    "action_plans",
    "measures",
    "measure_causes",
    "measure_followups",
    "agreements",
    "commitments",
    "commitment_measures",
    "meeting_links",
}


def test_foreign_keys_have_conventional_names_and_rules(tmp_path: Path) -> None:
    db = open_database(tmp_path / "fk.sqlite")
    try:
        with db.engine.connect() as conn:
            fks = {
                fk["constrained_columns"][0]: fk
                for fk in sa.inspect(conn).get_foreign_keys("measures")
            }
            links = {
                fk["constrained_columns"][0]: fk
                for fk in sa.inspect(conn).get_foreign_keys("meeting_links")
            }
    finally:
        db.close()
    person = fks["responsible_person_id"]
    assert person["referred_table"] == "people"
    assert person["options"].get("ondelete") == "RESTRICT"
    assert person["name"] == "fk_measures_responsible_person_id_people"
    assert fks["plan_id"]["options"].get("ondelete") == "CASCADE"
    assert links["action_item_id"]["referred_table"] == "action_items"
    assert links["decision_id"]["referred_table"] == "decisions"


def test_migration_runs_after_meetings_and_situation() -> None:
    from trygghetsrad.db import revisions

    rev = revisions.all_revisions()["0005_action_plan"]
    assert set(rev.down_revisions) == {"0004_situation", "0002_meetings"}
    revs = revisions.all_revisions()
    # Later revisions may build on it; every one of them still leads back to it.
    built_on = {"0005_action_plan"} | {
        name for name, r in revs.items() if "0005_action_plan" in r.down_revisions
    }
    assert built_on & (revisions.heads() | {n for r in revs.values() for n in r.down_revisions})
