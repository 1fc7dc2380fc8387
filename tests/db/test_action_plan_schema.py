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


def _table_of(diff: object) -> str | None:
    item = diff[0] if isinstance(diff, list) else diff
    for part in item[1:] if isinstance(item, tuple) else ():
        if isinstance(part, sa.Table):
            return part.name
        if isinstance(part, sa.Column | sa.Index | sa.UniqueConstraint | sa.ForeignKeyConstraint):
            return part.table.name  # type: ignore[union-attr]
        if isinstance(part, str) and part in TABLES:
            return part
    return None


def test_migrated_schema_matches_models(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from trygghetsrad.db.models import Base

    db = open_database(tmp_path / "schema.sqlite")
    try:
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            diffs = compare_metadata(context, Base.metadata)
            tables = set(sa.inspect(conn).get_table_names())
    finally:
        db.close()
    assert tables >= TABLES
    assert [d for d in diffs if _table_of(d) in TABLES] == []


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
    assert "0005_action_plan" in revisions.heads()
