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


def _tables_in(diff: object) -> set[str]:
    found: set[str] = set()
    items = diff if isinstance(diff, list) else [diff]
    for item in items:
        for part in item[1:] if isinstance(item, tuple) else ():
            if isinstance(part, sa.Table):
                found.add(part.name)
            elif isinstance(
                part, sa.Column | sa.Index | sa.UniqueConstraint | sa.ForeignKeyConstraint
            ):
                found.add(part.table.name)  # type: ignore[union-attr]
            elif isinstance(part, str):
                found.add(part)
    return found


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
            fks = sa.inspect(conn).get_foreign_keys("wheel_events")
            seeded = (
                conn.execute(sa.text("SELECT key FROM wheel_categories ORDER BY position"))
                .scalars()
                .all()
            )
    finally:
        db.close()
    assert tables >= WHEEL_TABLES
    assert [d for d in diffs if _tables_in(d) & WHEEL_TABLES] == []
    assert fks[0]["name"] == "fk_wheel_events_category_id_wheel_categories"
    assert fks[0]["options"].get("ondelete") == "RESTRICT"
    assert seeded[:2] == ["meetings", "events"] and len(seeded) == 7
