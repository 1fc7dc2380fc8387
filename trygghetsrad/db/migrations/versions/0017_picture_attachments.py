"""Attachments on a situation picture (*lägesbild*): the report lists them as "Bilaga 1:
title". The attachments table gets a fourth owner column, `picture_id`, and its one-owner
check counts it. The table is rebuilt in batch mode; foreign keys are OFF while migrating
(db.migrate), so nothing cascades (PITFALLS 1).

Revision ID: 0017_picture_attachments
Revises: 0016_area_tree, 0015_agreements_signed
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017_picture_attachments"
# After both: the attachments table (0014, via 0015) and the situation pictures' area tree.
down_revision = ("0016_area_tree", "0015_agreements_signed")
branch_labels = None
depends_on = None

_THREE = "(meeting_id IS NOT NULL) + (agenda_item_id IS NOT NULL) + (agreement_id IS NOT NULL) = 1"
_FOUR = (
    "(meeting_id IS NOT NULL) + (agenda_item_id IS NOT NULL) "
    "+ (agreement_id IS NOT NULL) + (picture_id IS NOT NULL) = 1"
)


def upgrade() -> None:
    with op.batch_alter_table("attachments", recreate="always") as batch:
        batch.drop_constraint("ck_attachments_one_owner", type_="check")
        batch.add_column(
            sa.Column(
                "picture_id",
                sa.Integer(),
                sa.ForeignKey(
                    "situation_pictures.id",
                    ondelete="CASCADE",
                    name="fk_attachments_picture_id_situation_pictures",
                ),
                nullable=True,
            )
        )
        batch.create_check_constraint("ck_attachments_one_owner", sa.text(_FOUR))
    op.create_index("ix_attachments_picture_id", "attachments", ["picture_id"])


def downgrade() -> None:
    op.execute("DELETE FROM attachments WHERE picture_id IS NOT NULL")
    op.drop_index("ix_attachments_picture_id", "attachments")
    with op.batch_alter_table("attachments", recreate="always") as batch:
        batch.drop_constraint("ck_attachments_one_owner", type_="check")
        batch.drop_constraint("fk_attachments_picture_id_situation_pictures", type_="foreignkey")
        batch.drop_column("picture_id")
        batch.create_check_constraint("ck_attachments_one_owner", sa.text(_THREE))
