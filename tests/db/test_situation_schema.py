"""The situation tables created by migration 0004 match the ORM models exactly."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from trygghetsrad.db.engine import open_database

SITUATION_TABLES = {
    "situation_pictures",
    "data_sources",
    "source_obstacles",
    "source_attachments",
    "gaps",
    "indicators",
    "indicator_values",
    "observations",
    "observation_sources",
    "observation_indicators",
}


def _table_of(diff: object) -> str | None:
    item = diff[0] if isinstance(diff, list) else diff
    for part in item[1:] if isinstance(item, tuple) else ():
        if isinstance(part, sa.Table):
            return part.name
        if isinstance(part, sa.Column | sa.Index | sa.UniqueConstraint | sa.ForeignKeyConstraint):
            return part.table.name  # type: ignore[union-attr]
        if isinstance(part, str) and part in SITUATION_TABLES:
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
    assert tables >= SITUATION_TABLES
    ours = [d for d in diffs if _table_of(d) in SITUATION_TABLES]
    assert ours == []


def test_foreign_keys_to_people_restrict(tmp_path: Path) -> None:
    db = open_database(tmp_path / "fk.sqlite")
    try:
        with db.engine.connect() as conn:
            fks = sa.inspect(conn).get_foreign_keys("data_sources")
    finally:
        db.close()
    by_column = {fk["constrained_columns"][0]: fk for fk in fks}
    assert by_column["delivered_by_id"]["referred_table"] == "people"
    assert by_column["delivered_by_id"]["options"].get("ondelete") == "RESTRICT"
    assert by_column["delivered_by_id"]["name"] == "fk_data_sources_delivered_by_id_people"
