"""Meeting documents: what a notice says besides the meeting (place and date of issue,
signers, where to report absence, footnote) and the immutable versions of the minutes as
finalised or sent. Two new tables; no existing table is rebuilt.

Revision ID: 0008_meeting_documents
Revises: 0007_search_meetings
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_meeting_documents"
down_revision = "0007_search_meetings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meeting_notices",
        sa.Column(
            "meeting_id",
            sa.Integer(),
            sa.ForeignKey(
                "meetings.id", ondelete="CASCADE", name="fk_meeting_notices_meeting_id_meetings"
            ),
            primary_key=True,
        ),
        sa.Column("issued_place", sa.String(200), nullable=False, server_default=""),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("signed_by", sa.String(20), nullable=False, server_default="secretary"),
        sa.Column("excuses_to", sa.String(300), nullable=False, server_default=""),
        sa.Column("footnote", sa.Text(), nullable=False, server_default=""),
    )
    op.create_table(
        "minutes_versions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "meeting_id",
            sa.Integer(),
            sa.ForeignKey(
                "meetings.id", ondelete="CASCADE", name="fk_minutes_versions_meeting_id_meetings"
            ),
            nullable=False,
        ),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("event", sa.String(20), nullable=False),
        sa.Column("recorded_on", sa.Date(), nullable=False),
        sa.Column("document", sa.LargeBinary(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False
        ),
        sa.UniqueConstraint("meeting_id", "number", name="uq_minutes_versions_number"),
    )
    op.create_index("ix_minutes_versions_meeting_id", "minutes_versions", ["meeting_id"])


def downgrade() -> None:
    op.drop_index("ix_minutes_versions_meeting_id", "minutes_versions")
    op.drop_table("minutes_versions")
    op.drop_table("meeting_notices")
