"""Search: one SQLite FTS5 table over every workspace, filled from the data already there.

Revision ID: 0006_search
Revises: 0001_foundation
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op

revision = "0006_search"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from trygghetsrad.db.search_index import rebuild_index

    # Fills from every registered table that exists; tables created by later branches are
    # indexed by the data layer as rows arrive.
    rebuild_index(op.get_bind())


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS search_index")
