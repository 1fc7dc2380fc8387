"""Search the way people type: a second FTS5 table beside the word index, with SQLite's
trigram tokenizer (words inside Swedish compounds) and a copy of the text with å/ä/ö folded
(searching "ange" finds "Ånge"); filled from the word index's rows.

Revision ID: 0011_search_trigram
Revises: 0007_search_meetings
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0011_search_trigram"
down_revision = "0007_search_meetings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from trygghetsrad.db.search_index import fill_trigram_table

    # With an SQLite older than 3.34 the table gets the word tokenizer (see search_index).
    fill_trigram_table(op.get_bind())


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS search_index_trigram")
