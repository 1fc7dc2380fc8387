"""Agreements as signed: where an agreement was signed, and the *samverkansöverenskommelse* a
*medborgarlöfte* belongs to (each then names the other); a commitment's number as printed in
the signed text ("3", "2.1") and the party it names precisely ("Storåkers kommun",
"Kommunerna"), beside the kind of party it already had; and the steps of an agreement's
own working model, each with its follow-up (`agreement_steps`, a new table).

Revision ID: 0015_agreements_signed
Revises: 0014_attachments, 0010_unknown_and_reports
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_agreements_signed"
# Also after the action plan's branch, which made the agreements table.
down_revision = ("0014_attachments", "0010_unknown_and_reports")
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A foreign key column can only be added with its ON DELETE by rebuilding the table.
    # Foreign keys are OFF while migrating (db.migrate), so the rebuild cascades into no
    # commitments or attachments (PITFALLS 1).
    with op.batch_alter_table("agreements") as batch:
        batch.add_column(
            sa.Column("signed_place", sa.String(200), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column(
                "belongs_to_id",
                sa.Integer(),
                sa.ForeignKey(
                    "agreements.id",
                    ondelete="SET NULL",
                    name="fk_agreements_belongs_to_id_agreements",
                ),
                nullable=True,
            )
        )
    op.create_index("ix_agreements_belongs_to_id", "agreements", ["belongs_to_id"])
    op.create_table(
        "agreement_steps",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "agreement_id",
            sa.Integer(),
            sa.ForeignKey(
                "agreements.id",
                ondelete="CASCADE",
                name="fk_agreement_steps_agreement_id_agreements",
            ),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False, server_default=""),
        sa.Column("followup", sa.Text(), nullable=False, server_default=""),
        sa.Column("followed_on", sa.Date(), nullable=True),
    )
    op.create_index("ix_agreement_steps_agreement_id", "agreement_steps", ["agreement_id"])
    # Plain ADD COLUMN: commitments is not rebuilt.
    op.add_column(
        "commitments", sa.Column("number", sa.String(20), nullable=False, server_default="")
    )
    op.add_column(
        "commitments",
        sa.Column("party_name", sa.String(200), nullable=False, server_default=""),
    )


def downgrade() -> None:
    op.drop_table("agreement_steps")
    op.execute('ALTER TABLE "commitments" DROP COLUMN "party_name"')
    op.execute('ALTER TABLE "commitments" DROP COLUMN "number"')
    op.drop_index("ix_agreements_belongs_to_id", "agreements")
    with op.batch_alter_table("agreements") as batch:
        batch.drop_constraint("fk_agreements_belongs_to_id_agreements", type_="foreignkey")
        batch.drop_column("belongs_to_id")
        batch.drop_column("signed_place")
