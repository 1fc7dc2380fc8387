"""Search: agenda items are found by their diarienummer, proposal and presenter (typed or
from the register), areas and their assessments are indexed, and agreements, commitments,
gaps, observations and action plans by the texts the index used to name by columns that do
not exist. Only these tables' index rows are rebuilt; the schema does not change.

Revision ID: 0018_search_agenda_areas
Revises: 0017_picture_attachments, 0011_search_trigram
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0018_search_agenda_areas"
# A merge point: the agenda item's fields (0013) and the area tree (0016) come through 0017,
# the second index table through 0011; both index tables are written.
down_revision = ("0017_picture_attachments", "0011_search_trigram")
branch_labels = None
depends_on = None

TABLES = (
    "agenda_items",
    "areas",
    "area_assessments",
    "observations",
    "gaps",
    "action_plans",
    "agreements",
    "commitments",
)


def upgrade() -> None:
    from trygghetsrad.db.search_index import BY_TABLE, create_table, reindex_table

    connection = op.get_bind()
    create_table(connection)
    for table in TABLES:
        reindex_table(connection, BY_TABLE[table])


def downgrade() -> None:
    """The earlier program knows no area rows; the other tables' rows stay valid for it."""
    from trygghetsrad.db.search_index import BY_TABLE, TABLE, TRIGRAM_TABLE

    connection = op.get_bind()
    tables = [TABLE, TRIGRAM_TABLE]
    present = {
        row[0]
        for row in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    for source in (BY_TABLE["areas"], BY_TABLE["area_assessments"]):
        low, high = source.rowid(0), source.rowid(0xFFFFFFFF)
        for table in tables:
            if table in present:
                connection.exec_driver_sql(
                    f"DELETE FROM {table} WHERE rowid BETWEEN ? AND ?", (low, high)
                )
