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
