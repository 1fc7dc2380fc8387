"""Every table the migrations create matches its ORM model, for every workspace at once."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from trygghetsrad.db.engine import open_database


def _table_names(diff: object) -> set[str]:
    """The tables an autogenerate diff entry (or list of entries) is about."""
    names: set[str] = set()
    for item in diff if isinstance(diff, list) else [diff]:
        for part in item[1:] if isinstance(item, tuple) else ():
            if isinstance(part, sa.Table):
                names.add(part.name)
            elif isinstance(
                part, sa.Column | sa.Index | sa.UniqueConstraint | sa.ForeignKeyConstraint
            ):
                names.add(part.table.name)  # type: ignore[union-attr]
            elif isinstance(part, str):
                names.add(part)
    return names


def test_migrated_schema_matches_every_model(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from trygghetsrad.db.models import Base, load_all

    load_all()
    db = open_database(tmp_path / "schema.sqlite")
    try:
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            diffs = compare_metadata(context, Base.metadata)
            tables = set(sa.inspect(conn).get_table_names())
    finally:
        db.close()
    assert set(Base.metadata.tables) <= tables
    # The search index is an FTS5 virtual table (and its shadow tables), kept outside the ORM.
    unexpected = [
        d for d in diffs if not all(t.startswith("search_index") for t in _table_names(d))
    ]
    assert unexpected == []
