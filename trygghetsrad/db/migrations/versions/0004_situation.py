"""Situation picture, part 1: pictures, data sources with obstacles and attachments, gaps,
indicators with values, observations.

Revision ID: 0004_situation
Revises: 0001_foundation
Create Date: 2026-11-26
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004_situation"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def _timestamps() -> list[sa.Column[Any]]:
    return [
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False
        ),
    ]


def _fk(column: str, table: str, target: str, ondelete: str, nullable: bool) -> sa.Column[Any]:
    return sa.Column(
        column,
        sa.Integer(),
        sa.ForeignKey(f"{target}.id", ondelete=ondelete, name=f"fk_{table}_{column}_{target}"),
        nullable=nullable,
    )


# size-exception: a released migration is history (its steps are not rewritten); it creates
# a whole workspace's tables.
def upgrade() -> None:
    op.create_table(
        "situation_pictures",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        _fk("previous_id", "situation_pictures", "situation_pictures", "SET NULL", True),
        sa.Column("presented_on", sa.Date(), nullable=True),
        sa.Column("presented_to", sa.String(200), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("part_mapping", sa.Text(), nullable=False),
        sa.Column("part_other", sa.Text(), nullable=False),
        sa.Column("part_analysis", sa.Text(), nullable=False),
        sa.Column("limitations", sa.Text(), nullable=False),
        sa.Column("snapshot", sa.Text(), nullable=True),
        sa.Column("frozen_at", sa.DateTime(), nullable=True),
        *_timestamps(),
    )
    op.create_index("ix_situation_pictures_previous_id", "situation_pictures", ["previous_id"])

    op.create_table(
        "data_sources",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        _fk("provider_organisation_id", "data_sources", "organisations", "RESTRICT", True),
        sa.Column("provider_name", sa.String(200), nullable=False),
        _fk("delivered_by_id", "data_sources", "people", "RESTRICT", True),
        sa.Column("frequency", sa.String(20), nullable=False),
        sa.Column("last_received", sa.Date(), nullable=True),
        sa.Column("next_expected", sa.Date(), nullable=True),
        sa.Column("geographic_level", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("internal", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        *_timestamps(),
        sa.UniqueConstraint("name", name="uq_data_sources_name"),
    )
    op.create_index(
        "ix_data_sources_provider_organisation_id", "data_sources", ["provider_organisation_id"]
    )
    op.create_index("ix_data_sources_delivered_by_id", "data_sources", ["delivered_by_id"])

    op.create_table(
        "source_obstacles",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("source_id", "source_obstacles", "data_sources", "CASCADE", False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
    )
    op.create_index("ix_source_obstacles_source_id", "source_obstacles", ["source_id"])

    op.create_table(
        "source_attachments",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("source_id", "source_attachments", "data_sources", "CASCADE", False),
        sa.Column("filename", sa.String(255), nullable=False),
        sa.Column("mime_type", sa.String(100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False
        ),
    )
    op.create_index("ix_source_attachments_source_id", "source_attachments", ["source_id"])

    op.create_table(
        "gaps",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("who_could_fill", sa.Text(), nullable=False),
        _fk("organisation_id", "gaps", "organisations", "RESTRICT", True),
        sa.Column("actions_taken", sa.Text(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("identified_on", sa.Date(), nullable=True),
        sa.Column("internal", sa.Boolean(), server_default=sa.false(), nullable=False),
        *_timestamps(),
    )
    op.create_index("ix_gaps_organisation_id", "gaps", ["organisation_id"])

    op.create_table(
        "indicators",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("unit", sa.String(80), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        _fk("source_id", "indicators", "data_sources", "RESTRICT", True),
        sa.Column("chart_kind", sa.String(10), nullable=False),
        sa.Column("main_area", sa.String(120), nullable=False),
        sa.Column("comparison_area", sa.String(120), nullable=False),
        sa.Column("higher_is_worse", sa.Boolean(), server_default=sa.true(), nullable=False),
        *_timestamps(),
        sa.UniqueConstraint("name", name="uq_indicators_name"),
    )
    op.create_index("ix_indicators_source_id", "indicators", ["source_id"])

    op.create_table(
        "indicator_values",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("indicator_id", "indicator_values", "indicators", "CASCADE", False),
        sa.Column("area", sa.String(120), nullable=False),
        sa.Column("period", sa.String(10), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.UniqueConstraint(
            "indicator_id", "area", "period", name="uq_indicator_values_indicator_id"
        ),
    )

    op.create_table(
        "observations",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("place", sa.String(200), nullable=False),
        sa.Column("category", sa.String(20), nullable=False),
        sa.Column("trend", sa.String(20), nullable=False),
        sa.Column("peak_months", sa.String(40), nullable=False),
        sa.Column("observed_on", sa.Date(), nullable=True),
        sa.Column("reported_by", sa.String(200), nullable=False),
        sa.Column("internal", sa.Boolean(), server_default=sa.false(), nullable=False),
        *_timestamps(),
    )
    op.create_table(
        "observation_sources",
        _fk("observation_id", "observation_sources", "observations", "CASCADE", False),
        _fk("source_id", "observation_sources", "data_sources", "CASCADE", False),
        sa.PrimaryKeyConstraint("observation_id", "source_id", name="pk_observation_sources"),
    )
    op.create_index("ix_observation_sources_source_id", "observation_sources", ["source_id"])
    op.create_table(
        "observation_indicators",
        _fk("observation_id", "observation_indicators", "observations", "CASCADE", False),
        _fk("indicator_id", "observation_indicators", "indicators", "CASCADE", False),
        sa.PrimaryKeyConstraint("observation_id", "indicator_id", name="pk_observation_indicators"),
    )
    op.create_index(
        "ix_observation_indicators_indicator_id", "observation_indicators", ["indicator_id"]
    )


def downgrade() -> None:
    op.drop_table("observation_indicators")
    op.drop_table("observation_sources")
    op.drop_table("observations")
    op.drop_table("indicator_values")
    op.drop_table("indicators")
    op.drop_table("gaps")
    op.drop_table("source_attachments")
    op.drop_table("source_obstacles")
    op.drop_table("data_sources")
    op.drop_table("situation_pictures")
