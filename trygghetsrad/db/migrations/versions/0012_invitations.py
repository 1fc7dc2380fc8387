"""Real meeting invitations: a meeting can be cancelled, and each meeting remembers the
invitation last issued for it (its SEQUENCE and a digest of what it said), so the next
`.ics` replaces it in the members' calendars with a higher SEQUENCE exactly when it says
something new. The database gets an identity of its own, part of every invitation's UID,
so meetings with the same id in two databases never overwrite each other in a calendar.

Revision ID: 0012_invitations
Revises: 0007_search_meetings
Create Date: 2026-12-07
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0012_invitations"
down_revision = "0007_search_meetings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: no table rebuild, so no cascade can fire (PITFALLS 1).
    op.add_column("meetings", sa.Column("cancelled_on", sa.Date(), nullable=True))
    op.create_table(
        "meeting_invitations",
        sa.Column(
            "meeting_id",
            sa.Integer(),
            sa.ForeignKey(
                "meetings.id",
                ondelete="CASCADE",
                name="fk_meeting_invitations_meeting_id_meetings",
            ),
            primary_key=True,
        ),
        sa.Column("sequence", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("digest", sa.String(64), nullable=False, server_default=""),
    )
    op.execute(
        sa.text(
            "INSERT INTO settings (key, value) SELECT 'database_id', :value "
            "WHERE NOT EXISTS (SELECT 1 FROM settings WHERE key = 'database_id')"
        ).bindparams(value=uuid.uuid4().hex)
    )


def downgrade() -> None:
    op.execute("DELETE FROM settings WHERE key = 'database_id'")
    op.drop_table("meeting_invitations")
    with op.batch_alter_table("meetings") as batch:
        batch.drop_column("cancelled_on")
