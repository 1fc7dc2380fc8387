"""Situation picture, part 2: problems and cause trees, action plans with measures and
follow-up notes, agreements with commitments, links from the minutes to measures.

Revision ID: 0005_action_plan
Revises: 0004_situation, 0002_meetings
Create Date: 2026-11-26
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005_action_plan"
# A merge point rather than `depends_on = "0002_meetings"`: with depends_on, Alembic leaves
# 0002 out of alembic_version while still listing it as a head, so start-up would see every
# database as needing migration. As a down revision, the heads and the table agree.
down_revision = ("0004_situation", "0002_meetings")
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


def _fk(
    column: str, table: str, target: str, ondelete: str, nullable: bool, primary_key: bool = False
) -> sa.Column[Any]:
    return sa.Column(
        column,
        sa.Integer(),
        sa.ForeignKey(f"{target}.id", ondelete=ondelete, name=f"fk_{table}_{column}_{target}"),
        nullable=nullable,
        primary_key=primary_key,
    )


def _internal() -> sa.Column[Any]:
    return sa.Column("internal", sa.Boolean(), server_default=sa.false(), nullable=False)


def _index(table: str, *columns: str) -> None:
    for column in columns:
        op.create_index(f"ix_{table}_{column}", table, [column])


# size-exception: a released migration is history (its steps are not rewritten); it creates
# a whole workspace's tables.
def upgrade() -> None:
    op.create_table(
        "problems",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        _fk("observation_id", "problems", "observations", "RESTRICT", True),
        _fk("situation_picture_id", "problems", "situation_pictures", "SET NULL", True),
        sa.Column("prioritised", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        _internal(),
        *_timestamps(),
    )
    _index("problems", "observation_id", "situation_picture_id")

    op.create_table(
        "causes",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("problem_id", "causes", "problems", "CASCADE", False),
        _fk("parent_id", "causes", "causes", "CASCADE", True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        _internal(),
        *_timestamps(),
    )
    _index("causes", "problem_id", "parent_id")

    op.create_table(
        "cause_evidence",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("cause_id", "cause_evidence", "causes", "CASCADE", False),
        _fk("data_source_id", "cause_evidence", "data_sources", "CASCADE", True),
        _fk("indicator_id", "cause_evidence", "indicators", "CASCADE", True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "(data_source_id IS NULL) <> (indicator_id IS NULL)",
            name="ck_cause_evidence_one_target",
        ),
    )
    _index("cause_evidence", "cause_id", "data_source_id", "indicator_id")

    op.create_table(
        "action_plans",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        _fk("previous_id", "action_plans", "action_plans", "SET NULL", True),
        _fk("situation_picture_id", "action_plans", "situation_pictures", "SET NULL", True),
        sa.Column("adopted_by", sa.String(200), nullable=False),
        sa.Column("adopted_on", sa.Date(), nullable=True),
        sa.Column("adoption_ref", sa.String(100), nullable=False),
        sa.Column("follow_up_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("snapshot", sa.Text(), nullable=True),
        sa.Column("frozen_at", sa.DateTime(), nullable=True),
        *_timestamps(),
    )
    _index("action_plans", "previous_id", "situation_picture_id")

    op.create_table(
        "measures",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("plan_id", "measures", "action_plans", "CASCADE", False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("effect", sa.String(20), nullable=False),
        _fk("responsible_organisation_id", "measures", "organisations", "RESTRICT", True),
        _fk("responsible_person_id", "measures", "people", "RESTRICT", True),
        sa.Column("partners", sa.Text(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("resources", sa.Text(), nullable=False),
        _fk("indicator_id", "measures", "indicators", "RESTRICT", True),
        sa.Column("target_value", sa.Float(), nullable=True),
        sa.Column("target_direction", sa.String(10), nullable=False),
        sa.Column("target_text", sa.String(200), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        _internal(),
        *_timestamps(),
    )
    _index(
        "measures",
        "plan_id",
        "responsible_organisation_id",
        "responsible_person_id",
        "indicator_id",
    )

    op.create_table(
        "measure_causes",
        _fk("measure_id", "measure_causes", "measures", "CASCADE", False, primary_key=True),
        _fk("cause_id", "measure_causes", "causes", "CASCADE", False, primary_key=True),
    )
    _index("measure_causes", "cause_id")

    op.create_table(
        "agreements",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("parties", sa.Text(), nullable=False),
        sa.Column("signatories", sa.Text(), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("focus_areas", sa.Text(), nullable=False),
        sa.Column("background", sa.Text(), nullable=False),
        _internal(),
        *_timestamps(),
    )

    op.create_table(
        "commitments",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("agreement_id", "commitments", "agreements", "CASCADE", False),
        sa.Column("party", sa.String(20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("focus_area", sa.String(200), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        _internal(),
        *_timestamps(),
    )
    _index("commitments", "agreement_id")

    op.create_table(
        "commitment_measures",
        _fk(
            "commitment_id",
            "commitment_measures",
            "commitments",
            "CASCADE",
            False,
            primary_key=True,
        ),
        _fk("measure_id", "commitment_measures", "measures", "CASCADE", False, primary_key=True),
    )
    _index("commitment_measures", "measure_id")

    op.create_table(
        "measure_followups",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("measure_id", "measure_followups", "measures", "CASCADE", True),
        _fk("commitment_id", "measure_followups", "commitments", "CASCADE", True),
        sa.Column("noted_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("done", sa.Text(), nullable=False),
        sa.Column("effect", sa.Text(), nullable=False),
        sa.Column("indicator_value", sa.Float(), nullable=True),
        _internal(),
        sa.CheckConstraint(
            "(measure_id IS NULL) <> (commitment_id IS NULL)",
            name="ck_measure_followups_one_owner",
        ),
    )
    _index("measure_followups", "measure_id", "commitment_id")

    op.create_table(
        "meeting_links",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("decision_id", "meeting_links", "decisions", "CASCADE", True),
        _fk("action_item_id", "meeting_links", "action_items", "CASCADE", True),
        _fk("measure_id", "meeting_links", "measures", "CASCADE", True),
        _fk("commitment_id", "meeting_links", "commitments", "CASCADE", True),
        sa.CheckConstraint(
            "(decision_id IS NULL) <> (action_item_id IS NULL)", name="ck_meeting_links_one_item"
        ),
        sa.CheckConstraint(
            "(measure_id IS NULL) <> (commitment_id IS NULL)", name="ck_meeting_links_one_target"
        ),
    )
    _index("meeting_links", "decision_id", "action_item_id", "measure_id", "commitment_id")


def downgrade() -> None:
    for table in (
        "meeting_links",
        "measure_followups",
        "commitment_measures",
        "commitments",
        "agreements",
        "measure_causes",
        "measures",
        "action_plans",
        "cause_evidence",
        "causes",
        "problems",
    ):
        op.drop_table(table)
