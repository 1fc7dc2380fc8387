"""Annual wheel: categories (rings, with the standard set), events, exceptions, plans.

Revision ID: 0003_wheel
Revises: 0001_foundation
Create Date: 2026-11-26
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003_wheel"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None

# Kept here (not imported) so the migration never changes when the code does.
STANDARD_CATEGORIES = [
    ("meetings", "Möten", "#1f5a8c"),
    ("events", "Evenemang", "#d9822b"),
    ("campaigns", "Kampanjveckor", "#8e4fa8"),
    ("law_changes", "Lagändringar", "#b23a48"),
    ("measurements", "Mätningar", "#2a8c82"),
    ("data_deliveries", "Leveranser av underlag", "#6c7a89"),
    ("deadlines", "Uppdrag att slutföra", "#c2a000"),
]


def _timestamps() -> list[sa.Column[Any]]:
    return [
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False
        ),
    ]


# size-exception: a released migration is history (its steps are not rewritten); it creates
# a whole workspace's tables.
def upgrade() -> None:
    categories = op.create_table(
        "wheel_categories",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(60), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("color", sa.String(7), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("visible", sa.Boolean(), nullable=False),
        *_timestamps(),
        sa.UniqueConstraint("key", name="uq_wheel_categories_key"),
    )
    op.create_table(
        "wheel_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column(
            "category_id",
            sa.Integer(),
            sa.ForeignKey(
                "wheel_categories.id",
                ondelete="RESTRICT",
                name="fk_wheel_events_category_id_wheel_categories",
            ),
            nullable=False,
        ),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("end_time", sa.Time(), nullable=True),
        sa.Column("place", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("responsible", sa.String(200), nullable=False),
        sa.Column("internal", sa.Boolean(), nullable=False),
        sa.Column("frequency", sa.String(20), nullable=False),
        sa.Column("interval", sa.Integer(), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("count", sa.Integer(), nullable=True),
        sa.Column("nth", sa.Integer(), nullable=True),
        sa.Column("week", sa.Integer(), nullable=True),
        sa.Column("uid", sa.String(255), nullable=True),
        sa.Column("sequence", sa.Integer(), nullable=False),
        *_timestamps(),
        sa.UniqueConstraint("uid", name="uq_wheel_events_uid"),
    )
    op.create_index("ix_wheel_events_category_id", "wheel_events", ["category_id"])
    op.create_index("ix_wheel_events_start_date", "wheel_events", ["start_date"])
    op.create_table(
        "wheel_event_exceptions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "event_id",
            sa.Integer(),
            sa.ForeignKey(
                "wheel_events.id",
                ondelete="CASCADE",
                name="fk_wheel_event_exceptions_event_id_wheel_events",
            ),
            nullable=False,
        ),
        sa.Column("original_date", sa.Date(), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.Column("new_start", sa.Date(), nullable=True),
        sa.Column("new_end", sa.Date(), nullable=True),
    )
    op.create_index("ix_wheel_event_exceptions_event_id", "wheel_event_exceptions", ["event_id"])
    op.create_table(
        "wheel_plans",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("adopted_on", sa.Date(), nullable=True),
        sa.Column("adopted_by", sa.String(200), nullable=False),
        sa.Column("reservation", sa.Boolean(), nullable=False),
        sa.Column("start_month", sa.Integer(), nullable=False),
        *_timestamps(),
        sa.UniqueConstraint("year", name="uq_wheel_plans_year"),
    )
    op.create_table(
        "wheel_plan_changes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "plan_id",
            sa.Integer(),
            sa.ForeignKey(
                "wheel_plans.id",
                ondelete="CASCADE",
                name="fk_wheel_plan_changes_plan_id_wheel_plans",
            ),
            nullable=False,
        ),
        sa.Column("changed_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
    )
    op.create_index("ix_wheel_plan_changes_plan_id", "wheel_plan_changes", ["plan_id"])
    op.bulk_insert(
        categories,
        [
            {"key": key, "name": name, "color": color, "position": index, "visible": True}
            for index, (key, name, color) in enumerate(STANDARD_CATEGORIES)
        ],
    )


def downgrade() -> None:
    op.drop_table("wheel_plan_changes")
    op.drop_table("wheel_plans")
    op.drop_table("wheel_event_exceptions")
    op.drop_table("wheel_events")
    op.drop_table("wheel_categories")
