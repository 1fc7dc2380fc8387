"""Unknown is a state, not a verdict; documents the user can title.

- `situation_pictures.presented_precision`: a presentation date may be known only to the
  month or the year ("juni 2023").
- `report_documents` and `report_chapters`: the title, date of issue and author the user
  gives a report or agreement, and the chapters they write before or after the generated
  sections.
- Measures and commitments get the status "ej bedömd" (not judged), the new default. Only
  records whose "ej påbörjad" can only have come from the form's preset are changed: no
  follow-up note was ever written for them and the row was never changed after it was
  created (a measure copied into a new plan version counts as changed when its original
  does). Any status the user set, or confirmed in a follow-up note, stays as it is; the
  snapshots of adopted plans and presented pictures are records and stay as they were.

Revision ID: 0010_unknown_and_reports
Revises: 0005_action_plan
Create Date: 2026-12-07
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0010_unknown_and_reports"
down_revision = "0005_action_plan"
branch_labels = None
depends_on = None

UNKNOWN = "ej bedömd"
NOT_STARTED = "ej påbörjad"


def _timestamps() -> list[sa.Column[Any]]:
    return [
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False
        ),
    ]


def _fk(column: str, table: str, target: str, nullable: bool) -> sa.Column[Any]:
    return sa.Column(
        column,
        sa.Integer(),
        sa.ForeignKey(f"{target}.id", ondelete="CASCADE", name=f"fk_{table}_{column}_{target}"),
        nullable=nullable,
    )


def upgrade() -> None:
    op.add_column(
        "situation_pictures",
        sa.Column("presented_precision", sa.String(10), server_default="day", nullable=False),
    )
    op.create_table(
        "report_documents",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        _fk("situation_picture_id", "report_documents", "situation_pictures", True),
        _fk("action_plan_id", "report_documents", "action_plans", True),
        _fk("agreement_id", "report_documents", "agreements", True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("author", sa.String(200), nullable=False),
        *_timestamps(),
        sa.CheckConstraint(
            "(situation_picture_id IS NOT NULL) + (action_plan_id IS NOT NULL)"
            " + (agreement_id IS NOT NULL) + (year IS NOT NULL) = 1",
            name="ck_report_documents_one_owner",
        ),
        sa.UniqueConstraint(
            "situation_picture_id", name="uq_report_documents_situation_picture_id"
        ),
        sa.UniqueConstraint("action_plan_id", name="uq_report_documents_action_plan_id"),
        sa.UniqueConstraint("agreement_id", name="uq_report_documents_agreement_id"),
        sa.UniqueConstraint("year", name="uq_report_documents_year"),
    )
    op.create_table(
        "report_chapters",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("document_id", "report_chapters", "report_documents", False),
        sa.Column("placement", sa.String(10), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("heading", sa.String(200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        *_timestamps(),
    )
    op.create_index("ix_report_chapters_document_id", "report_chapters", ["document_id"])
    _unjudged_statuses(op.get_bind())


def _unjudged_statuses(connection: sa.engine.Connection) -> None:
    """Turn a preset "ej påbörjad" that nobody ever confirmed into "ej bedömd"."""
    followed = {
        row[0]
        for row in connection.execute(
            sa.text("SELECT measure_id FROM measure_followups WHERE measure_id IS NOT NULL")
        )
    }
    previous: dict[int, int | None] = dict(
        connection.execute(sa.text("SELECT id, previous_id FROM action_plans")).all()
    )
    measures = connection.execute(
        sa.text(
            "SELECT id, plan_id, title, status, created_at = updated_at FROM measures ORDER BY id"
        )
    ).all()
    by_plan_title = {(plan, title): mid for mid, plan, title, _s, _u in measures}
    untouched = {
        mid
        for mid, _plan, _title, status, unchanged in measures
        if status == NOT_STARTED and unchanged and mid not in followed
    }
    info = {mid: (plan, title) for mid, plan, title, _s, _u in measures}

    def preset(mid: int, depth: int = 0) -> bool:
        if mid not in untouched or depth > 50:
            return False
        plan, title = info[mid]
        earlier = previous.get(plan)
        if earlier is None:
            return True
        original = by_plan_title.get((earlier, title))
        # A copy whose original is gone, or was itself judged, keeps the status it carried.
        return original is not None and preset(original, depth + 1)

    ids = [mid for mid in sorted(untouched) if preset(mid)]
    for mid in ids:
        connection.execute(
            sa.text("UPDATE measures SET status = :s WHERE id = :id"), {"s": UNKNOWN, "id": mid}
        )
    # A status update leaves updated_at alone on purpose: the row keeps its history.
    connection.execute(
        sa.text(
            "UPDATE commitments SET status = :unknown WHERE status = :preset"
            " AND created_at = updated_at AND id NOT IN"
            " (SELECT commitment_id FROM measure_followups WHERE commitment_id IS NOT NULL)"
        ),
        {"unknown": UNKNOWN, "preset": NOT_STARTED},
    )


def downgrade() -> None:
    connection = op.get_bind()
    for table in ("measures", "commitments", "measure_followups"):
        connection.execute(
            sa.text(f"UPDATE {table} SET status = :old WHERE status = :unknown"),
            {"old": NOT_STARTED, "unknown": UNKNOWN},
        )
    op.drop_index("ix_report_chapters_document_id", table_name="report_chapters")
    op.drop_table("report_chapters")
    op.drop_table("report_documents")
    with op.batch_alter_table("situation_pictures") as batch:
        batch.drop_column("presented_precision")
