"""Attachments (*bilagor*): files attached to a meeting, an agenda item or an agreement,
kept inside the database file, so one file stays the whole truth and every backup and
`export data` carries them. A new table only: nothing existing is rebuilt (PITFALLS 1).

Revision ID: 0014_attachments
Revises: 0013_agenda_structure
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_attachments"
down_revision = "0013_agenda_structure"
branch_labels = None
depends_on = None

_OWNERS = (
    ("meeting_id", "meetings"),
    ("agenda_item_id", "agenda_items"),
    ("agreement_id", "agreements"),
)


def upgrade() -> None:
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), primary_key=True),
        *[
            sa.Column(
                column,
                sa.Integer(),
                sa.ForeignKey(
                    f"{table}.id", ondelete="CASCADE", name=f"fk_attachments_{column}_{table}"
                ),
                nullable=True,
            )
            for column, table in _OWNERS
        ],
        sa.Column("title", sa.String(200), nullable=False, server_default=""),
        sa.Column("filename", sa.String(255), nullable=False),
        sa.Column(
            "mime_type",
            sa.String(100),
            nullable=False,
            server_default="application/octet-stream",
        ),
        sa.Column("size", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(), nullable=False, server_default=sa.func.current_timestamp()
        ),
        sa.CheckConstraint(
            "(meeting_id IS NOT NULL) + (agenda_item_id IS NOT NULL) "
            "+ (agreement_id IS NOT NULL) = 1",
            name="ck_attachments_one_owner",
        ),
    )
    for column, _table in _OWNERS:
        op.create_index(f"ix_attachments_{column}", "attachments", [column])


def downgrade() -> None:
    op.drop_table("attachments")
