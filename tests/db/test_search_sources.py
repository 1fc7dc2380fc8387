"""Every column the search index names exists in the models: a misspelt or invented column is
skipped without a word when indexing (a table of an older schema may lack a newer column), so
text the user typed would silently never be found."""

from __future__ import annotations

from trygghetsrad.db.models import Base
from trygghetsrad.db.search_sources import SOURCES


def _columns(table: str) -> set[str]:
    return set(Base.metadata.tables[table].c.keys())


def test_every_source_is_a_table_of_the_models() -> None:
    assert sorted(s.table for s in SOURCES if s.table not in Base.metadata.tables) == []


def test_every_title_and_body_column_exists() -> None:
    missing = {
        source.table: sorted(
            c for c in (*source.title, *source.body) if c not in _columns(source.table)
        )
        for source in SOURCES
    }
    assert {table: columns for table, columns in missing.items() if columns} == {}


def test_every_path_to_a_parent_exists() -> None:
    """Each step of the way to the record a hit belongs to (its meeting, its problem)."""
    wrong = []
    for source in SOURCES:
        for parent, path in source.parents:
            table = source.table
            for step in path:
                hop_table, _, column = step.rpartition(".")
                table = hop_table or table
                if column not in _columns(table):
                    wrong.append(f"{source.table} -> {parent}: {step}")
            if parent not in Base.metadata.tables:
                wrong.append(f"{source.table} -> {parent}")
    assert wrong == []


def test_every_kind_has_swedish_labels_and_a_code_of_its_own() -> None:
    from trygghetsrad.domain.search import KIND_LABELS

    assert sorted({s.kind for s in SOURCES} - set(KIND_LABELS)) == []
    assert len({s.code for s in SOURCES}) == len(SOURCES)
