"""Search: meetings are indexed by the name the list shows (groups and date), weekday, ISO
date, kind, place and online link; only the meetings' index rows are rebuilt.

Revision ID: 0007_search_meetings
Revises: 0006_search, 0002_meetings
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op

revision = "0007_search_meetings"
# A merge point (see 0005_action_plan): the meetings tables must exist when it runs.
down_revision = ("0006_search", "0002_meetings")
branch_labels = None
depends_on = None


def upgrade() -> None:
    from trygghetsrad.db.search_index import BY_TABLE, create_table, reindex_table

    connection = op.get_bind()
    create_table(connection)
    # Items, notes and decisions keep their index rows: their context and what they open
    # are worked out when searching.
    reindex_table(connection, BY_TABLE["meetings"])


def downgrade() -> None:
    pass  # the index rows stay valid for the earlier definitions
