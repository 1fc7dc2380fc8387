"""Areas with levels: the municipality's own tree of areas (*stadsområde → mellanområde →
plats*), an assessment per area and situation picture, and an area (of any level) on
observations, indicator values, gaps and measures.

Today's one level of place becomes top-level areas (level "Område"), one per distinct name
used by an observation's place, an indicator value's area or an indicator's main or
comparison area, in alphabetical order (the order the report printed them in). Each
observation and indicator value is tied to the area of its name; the texts themselves stay
as they were. The four tables get their foreign key by a batch rebuild; foreign keys are OFF
while migrating (db.migrate), so the rebuild cascades into no child rows (PITFALLS 1).

Revision ID: 0016_area_tree
Revises: 0010_unknown_and_reports
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016_area_tree"
down_revision = "0010_unknown_and_reports"
branch_labels = None
depends_on = None

_TIED = ("observations", "indicator_values", "gaps", "measures")
LEVEL = "Område"


def _timestamps() -> list[sa.Column[object]]:
    return [
        sa.Column(
            "created_at", sa.DateTime(), nullable=False, server_default=sa.func.current_timestamp()
        ),
        sa.Column(
            "updated_at", sa.DateTime(), nullable=False, server_default=sa.func.current_timestamp()
        ),
    ]


def upgrade() -> None:
    _create_tables()
    _add_area_columns()
    _places_to_areas()


def _create_tables() -> None:
    op.create_table(
        "areas",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "parent_id",
            sa.Integer(),
            sa.ForeignKey("areas.id", ondelete="RESTRICT", name="fk_areas_parent_id_areas"),
            nullable=True,
        ),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("level", sa.String(100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
        *_timestamps(),
        sa.PrimaryKeyConstraint("id", name="pk_areas"),
    )
    op.create_index("ix_areas_parent_id", "areas", ["parent_id"])
    op.create_table(
        "area_assessments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "area_id",
            sa.Integer(),
            sa.ForeignKey("areas.id", ondelete="CASCADE", name="fk_area_assessments_area_id_areas"),
            nullable=False,
        ),
        sa.Column(
            "picture_id",
            sa.Integer(),
            sa.ForeignKey(
                "situation_pictures.id",
                ondelete="CASCADE",
                name="fk_area_assessments_picture_id_situation_pictures",
            ),
            nullable=False,
        ),
        sa.Column("risk_level", sa.String(20), nullable=False, server_default="unknown"),
        sa.Column("needs", sa.Text(), nullable=False, server_default=""),
        sa.Column("notes", sa.Text(), nullable=False, server_default=""),
        *_timestamps(),
        sa.PrimaryKeyConstraint("id", name="pk_area_assessments"),
        sa.UniqueConstraint("area_id", "picture_id", name="uq_area_assessments_area_id"),
    )
    op.create_index("ix_area_assessments_area_id", "area_assessments", ["area_id"])
    op.create_index("ix_area_assessments_picture_id", "area_assessments", ["picture_id"])


def _add_area_columns() -> None:
    for table in _TIED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column(
                    "area_id",
                    sa.Integer(),
                    sa.ForeignKey(
                        "areas.id", ondelete="RESTRICT", name=f"fk_{table}_area_id_areas"
                    ),
                    nullable=True,
                )
            )
        op.create_index(f"ix_{table}_area_id", table, ["area_id"])


def _places_to_areas() -> None:
    """One top-level area per distinct place or area name, each record tied to its own."""
    bind = op.get_bind()
    names = bind.exec_driver_sql(
        "SELECT DISTINCT name FROM ("
        " SELECT place AS name FROM observations"
        " UNION SELECT area FROM indicator_values"
        " UNION SELECT main_area FROM indicators"
        " UNION SELECT comparison_area FROM indicators"
        ") WHERE name IS NOT NULL AND trim(name) != ''"
    ).fetchall()
    for position, name in enumerate(sorted((row[0] for row in names), key=str.lower)):
        bind.exec_driver_sql(
            "INSERT INTO areas (parent_id, name, level, position) VALUES (NULL, ?, ?, ?)",
            (name, LEVEL, position),
        )
    op.execute(
        "UPDATE observations SET area_id = "
        "(SELECT id FROM areas WHERE parent_id IS NULL AND name = observations.place)"
    )
    op.execute(
        "UPDATE indicator_values SET area_id = "
        "(SELECT id FROM areas WHERE parent_id IS NULL AND name = indicator_values.area)"
    )


def downgrade() -> None:
    for table in reversed(_TIED):
        op.drop_index(f"ix_{table}_area_id", table)
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(f"fk_{table}_area_id_areas", type_="foreignkey")
            batch.drop_column("area_id")
    op.drop_index("ix_area_assessments_picture_id", "area_assessments")
    op.drop_index("ix_area_assessments_area_id", "area_assessments")
    op.drop_table("area_assessments")
    op.drop_index("ix_areas_parent_id", "areas")
    op.drop_table("areas")
