"""The wheel tables created by migration 0003_wheel match the ORM models exactly."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from trygghetsrad.db.engine import open_database

WHEEL_TABLES = {
    "wheel_categories",
    "wheel_events",
    "wheel_event_exceptions",
    "wheel_plans",
    "wheel_plan_changes",
}


def test_wheel_tables_keys_and_seeded_rings(tmp_path: Path) -> None:
    """The schema itself is compared with the models in test_schema_matches_models.py."""
    db = open_database(tmp_path / "schema.sqlite")
    try:
        with db.engine.connect() as conn:
            tables = set(sa.inspect(conn).get_table_names())
            fks = sa.inspect(conn).get_foreign_keys("wheel_events")
            seeded = (
                conn.execute(sa.text("SELECT key FROM wheel_categories ORDER BY position"))
                .scalars()
                .all()
            )
    finally:
        db.close()
    assert tables >= WHEEL_TABLES
    assert fks[0]["name"] == "fk_wheel_events_category_id_wheel_categories"
    assert fks[0]["options"].get("ondelete") == "RESTRICT"
    assert seeded[:2] == ["meetings", "events"] and len(seeded) == 7
