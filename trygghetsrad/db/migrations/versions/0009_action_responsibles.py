"""Actions with several responsible (people and/or organisations), a progress comment per
action and follow-up meeting, and running text between an item's bullets.

The single responsible an action had (a person, an organisation, or a person of an
organisation) becomes its first row in `action_responsibles`; then the two columns go.

Revision ID: 0009_action_responsibles
Revises: 0007_search_meetings
Create Date: 2026-12-07
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0009_action_responsibles"
down_revision = "0007_search_meetings"
branch_labels = None
depends_on = None


def _fk(
    table: str, column: str, target: str, ondelete: str, nullable: bool = True
) -> sa.Column[Any]:
    return sa.Column(
        column,
        sa.Integer(),
        sa.ForeignKey(f"{target}.id", ondelete=ondelete, name=f"fk_{table}_{column}_{target}"),
        nullable=nullable,
    )


def upgrade() -> None:
    op.create_table(
        "action_responsibles",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("action_responsibles", "action_id", "action_items", "CASCADE", nullable=False),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
        _fk("action_responsibles", "person_id", "people", "RESTRICT"),
        _fk("action_responsibles", "organisation_id", "organisations", "RESTRICT"),
    )
    for column in ("action_id", "person_id", "organisation_id"):
        op.create_index(f"ix_action_responsibles_{column}", "action_responsibles", [column])
    op.execute(
        "INSERT INTO action_responsibles (action_id, position, person_id, organisation_id) "
        "SELECT id, 0, responsible_person_id, responsible_organisation_id FROM action_items "
        "WHERE responsible_person_id IS NOT NULL OR responsible_organisation_id IS NOT NULL"
    )
    op.create_table(
        "action_progress",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("action_progress", "action_id", "action_items", "CASCADE", nullable=False),
        _fk("action_progress", "meeting_id", "meetings", "CASCADE", nullable=False),
        sa.Column("text", sa.Text(), nullable=False, server_default=""),
        sa.UniqueConstraint("action_id", "meeting_id", name="uq_action_progress_action_id"),
    )
    op.create_index("ix_action_progress_meeting_id", "action_progress", ["meeting_id"])
    # Foreign keys are OFF while migrating (db.migrate), so rebuilding action_items does not
    # cascade into the new child tables.
    with op.batch_alter_table("action_items") as batch:
        batch.drop_index("ix_action_items_responsible_person_id")
        batch.drop_index("ix_action_items_responsible_organisation_id")
        batch.drop_constraint("fk_action_items_responsible_person_id_people", type_="foreignkey")
        batch.drop_constraint(
            "fk_action_items_responsible_organisation_id_organisations", type_="foreignkey"
        )
        batch.drop_column("responsible_person_id")
        batch.drop_column("responsible_organisation_id")
    op.add_column(
        "agenda_notes",
        sa.Column("paragraph", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    # Actions are found by the names of their responsible from now on.
    from trygghetsrad.db.search_index import BY_TABLE, create_table, reindex_table

    connection = op.get_bind()
    create_table(connection)
    reindex_table(connection, BY_TABLE["action_items"])


def downgrade() -> None:
    with op.batch_alter_table("agenda_notes") as batch:
        batch.drop_column("paragraph")
    with op.batch_alter_table("action_items") as batch:
        batch.add_column(
            _fk("action_items", "responsible_person_id", "people", "RESTRICT"),
        )
        batch.add_column(
            _fk("action_items", "responsible_organisation_id", "organisations", "RESTRICT"),
        )
    # The first responsible goes back into the columns; the others and the comments are lost.
    op.execute(
        "UPDATE action_items SET "
        "responsible_person_id = (SELECT person_id FROM action_responsibles r "
        "WHERE r.action_id = action_items.id ORDER BY position LIMIT 1), "
        "responsible_organisation_id = (SELECT organisation_id FROM action_responsibles r "
        "WHERE r.action_id = action_items.id ORDER BY position LIMIT 1)"
    )
    op.drop_table("action_progress")
    op.drop_table("action_responsibles")
