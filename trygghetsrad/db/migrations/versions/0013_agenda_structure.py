"""Agenda items as councils write them and attendance as it happened.

An agenda item gets its kind of matter, presenter (a person or free text), diarienummer,
time slot, proposed decision, "handlingar kommer senare", an unnumbered flag and a reference
to another item. A meeting gets its numbering style (filled from its kind, so every existing
document prints the numbers it printed before) and the choice to group items under kind
headings. An attendance row gets the part of the meeting attended, a role for that meeting
and a note. Only ADD COLUMN: no table is rebuilt, so no cascade can fire (PITFALLS 1).

Revision ID: 0013_agenda_structure
Revises: 0012_invitations
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_agenda_structure"
down_revision = "0012_invitations"
branch_labels = None
depends_on = None


def _text(name: str, length: int | None) -> sa.Column[str]:
    kind = sa.Text() if length is None else sa.String(length)
    return sa.Column(name, kind, nullable=False, server_default="")


def _flag(name: str) -> sa.Column[bool]:
    return sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.false())


def _reference(name: str, target: str, ondelete: str) -> sa.Column[int]:
    return sa.Column(
        name,
        sa.Integer(),
        sa.ForeignKey(f"{target}.id", ondelete=ondelete, name=f"fk_agenda_items_{name}_{target}"),
        nullable=True,
    )


def upgrade() -> None:
    op.add_column(
        "meetings",
        sa.Column("numbering", sa.String(20), nullable=False, server_default="decimal"),
    )
    op.add_column("meetings", _flag("group_by_category"))
    # What the kind of minutes used to decide: § in a protocol, 1., 2., … otherwise.
    op.execute("UPDATE meetings SET numbering = 'paragraph_year' WHERE kind = 'protocol'")

    # Two of the new columns are foreign keys, which SQLite can only add with their ON DELETE
    # by rebuilding the table. Foreign keys are OFF while migrating (db.migrate), so the
    # rebuild cascades into no notes, decisions or actions.
    with op.batch_alter_table("agenda_items") as batch:
        batch.add_column(_text("category", 20))
        batch.add_column(_reference("presenter_id", "people", "RESTRICT"))
        batch.add_column(_text("presenter_text", 200))
        batch.add_column(_text("case_number", 100))
        batch.add_column(sa.Column("slot_start", sa.Time(), nullable=True))
        batch.add_column(sa.Column("slot_end", sa.Time(), nullable=True))
        batch.add_column(_text("proposal", None))
        batch.add_column(_flag("papers_later"))
        batch.add_column(_flag("unnumbered"))
        batch.add_column(_reference("refers_to_id", "agenda_items", "SET NULL"))
    op.create_index("ix_agenda_items_presenter_id", "agenda_items", ["presenter_id"])
    op.create_index("ix_agenda_items_refers_to_id", "agenda_items", ["refers_to_id"])

    op.add_column("attendance", _text("partial", 200))
    op.add_column("attendance", sa.Column("present_from", sa.Time(), nullable=True))
    op.add_column("attendance", sa.Column("present_to", sa.Time(), nullable=True))
    op.add_column("attendance", _text("meeting_role", 100))
    op.add_column("attendance", _text("note", 300))


def downgrade() -> None:
    op.drop_index("ix_agenda_items_refers_to_id", "agenda_items")
    op.drop_index("ix_agenda_items_presenter_id", "agenda_items")
    with op.batch_alter_table("agenda_items") as batch:
        batch.drop_constraint("fk_agenda_items_refers_to_id_agenda_items", type_="foreignkey")
        batch.drop_constraint("fk_agenda_items_presenter_id_people", type_="foreignkey")
        for column in (
            "refers_to_id",
            "unnumbered",
            "papers_later",
            "proposal",
            "slot_end",
            "slot_start",
            "case_number",
            "presenter_text",
            "presenter_id",
            "category",
        ):
            batch.drop_column(column)
    # Plain DROP COLUMN (SQLite 3.35+): these tables are not rebuilt.
    for table, columns in (
        ("attendance", ("note", "meeting_role", "present_to", "present_from", "partial")),
        ("meetings", ("group_by_category", "numbering")),
    ):
        for column in columns:
            op.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
