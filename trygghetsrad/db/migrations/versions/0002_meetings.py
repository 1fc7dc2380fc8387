"""Meetings and minutes: meetings, groups, attendance, agenda, notes, decisions, actions, templates.

Revision ID: 0002_meetings
Revises: 0001_foundation
Create Date: 2026-11-26
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0002_meetings"
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


def _fk(
    table: str, column: str, target: str, ondelete: str, nullable: bool = True
) -> sa.Column[Any]:
    return sa.Column(
        column,
        sa.Integer(),
        sa.ForeignKey(f"{target}.id", ondelete=ondelete, name=f"fk_{table}_{column}_{target}"),
        nullable=nullable,
    )


def _index(table: str, *columns: str) -> None:
    for column in columns:
        op.create_index(f"ix_{table}_{column}", table, [column])


# size-exception: a released migration is history (its steps are not rewritten); it creates
# a whole workspace's tables.
def upgrade() -> None:
    op.create_table(
        "meetings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(300), nullable=False, server_default=""),
        sa.Column("kind", sa.String(20), nullable=False, server_default="notes"),
        sa.Column("status", sa.String(20), nullable=False, server_default="planned"),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("end_time", sa.Time(), nullable=True),
        sa.Column("place", sa.String(300), nullable=False, server_default=""),
        sa.Column("online_link", sa.String(1000), nullable=False, server_default=""),
        _fk("meetings", "chair_id", "people", "RESTRICT"),
        _fk("meetings", "secretary_id", "people", "RESTRICT"),
        sa.Column("secretary_title", sa.String(300), nullable=False, server_default=""),
        _fk("meetings", "adjuster_id", "people", "RESTRICT"),
        sa.Column("finalised_on", sa.Date(), nullable=True),
        sa.Column("sent_on", sa.Date(), nullable=True),
        sa.Column("revised_on", sa.Date(), nullable=True),
        sa.Column("revision_note", sa.Text(), nullable=False, server_default=""),
        sa.Column("first_paragraph", sa.Integer(), nullable=False, server_default="1"),
        _fk("meetings", "previous_meeting_id", "meetings", "SET NULL"),
        sa.Column("sequence", sa.Integer(), nullable=False, server_default="0"),
        *_timestamps(),
    )
    _index(
        "meetings",
        "status",
        "day",
        "chair_id",
        "secretary_id",
        "adjuster_id",
        "previous_meeting_id",
    )
    op.create_table(
        "meeting_groups",
        sa.Column(
            "meeting_id",
            sa.Integer(),
            sa.ForeignKey(
                "meetings.id", ondelete="CASCADE", name="fk_meeting_groups_meeting_id_meetings"
            ),
            primary_key=True,
        ),
        sa.Column(
            "group_id",
            sa.Integer(),
            sa.ForeignKey(
                "groups.id", ondelete="RESTRICT", name="fk_meeting_groups_group_id_groups"
            ),
            primary_key=True,
        ),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
    )
    _index("meeting_groups", "group_id")
    op.create_table(
        "attendance",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("attendance", "meeting_id", "meetings", "CASCADE", nullable=False),
        _fk("attendance", "person_id", "people", "RESTRICT"),
        sa.Column("guest_name", sa.String(200), nullable=False, server_default=""),
        sa.Column("guest_organisation", sa.String(200), nullable=False, server_default=""),
        sa.Column("presence", sa.String(20), nullable=False, server_default="present"),
        sa.Column("role", sa.String(40), nullable=False, server_default=""),
        sa.Column("member", sa.Boolean(), nullable=False, server_default=sa.true()),
        _fk("attendance", "substitute_for_id", "people", "RESTRICT"),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
    )
    _index("attendance", "meeting_id", "person_id", "substitute_for_id")
    op.create_table(
        "agenda_items",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("agenda_items", "meeting_id", "meetings", "CASCADE", nullable=False),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False, server_default="normal"),
        sa.Column("body", sa.Text(), nullable=False, server_default=""),
        sa.Column("internal", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    _index("agenda_items", "meeting_id")
    for table in ("agenda_notes", "decisions"):
        extra = [sa.Column("level", sa.Integer(), nullable=False, server_default="0")]
        op.create_table(
            table,
            sa.Column("id", sa.Integer(), primary_key=True),
            _fk(table, "item_id", "agenda_items", "CASCADE", nullable=False),
            sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
            sa.Column("text", sa.Text(), nullable=False),
            *(extra if table == "agenda_notes" else []),
            sa.Column("internal", sa.Boolean(), nullable=False, server_default=sa.false()),
        )
        _index(table, "item_id")
    op.create_table(
        "action_items",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("action_items", "item_id", "agenda_items", "CASCADE", nullable=False),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("what", sa.Text(), nullable=False),
        _fk("action_items", "responsible_person_id", "people", "RESTRICT"),
        _fk("action_items", "responsible_organisation_id", "organisations", "RESTRICT"),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(20), nullable=False, server_default="open"),
        sa.Column("internal", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("carried_count", sa.Integer(), nullable=False, server_default="0"),
        _fk("action_items", "last_carried_meeting_id", "meetings", "SET NULL"),
        _fk("action_items", "closed_meeting_id", "meetings", "SET NULL"),
        sa.Column("closed_on", sa.Date(), nullable=True),
        *_timestamps(),
    )
    _index(
        "action_items",
        "item_id",
        "responsible_person_id",
        "responsible_organisation_id",
        "due_date",
        "last_carried_meeting_id",
        "closed_meeting_id",
    )
    op.create_table(
        "agenda_templates",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("agenda_templates", "group_id", "groups", "CASCADE", nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("items", sa.Text(), nullable=False, server_default=""),
        *_timestamps(),
    )
    _index("agenda_templates", "group_id")


def downgrade() -> None:
    for table in (
        "agenda_templates",
        "action_items",
        "decisions",
        "agenda_notes",
        "agenda_items",
        "attendance",
        "meeting_groups",
        "meetings",
    ):
        op.drop_table(table)
