"""Every export renders whatever the forms accept: awkward but legitimate text (emoji,
right-to-left text, combining accents, markup characters) in every text column of every table,
not only in those that can be internal (names of people, groups, organisations, rings, the
municipality in the settings). No export may crash, and the text shows in the readable ones.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import String, Text
from test_internal_never_leaks import _export_commands, _run_all, readable

from trygghetsrad.db.models import Base
from trygghetsrad.services import settings

# Accepted by every text field (single-line too): no tab, no line break, no control character.
AWKWARD = " Åsa & <b>Öberg</b> 😀 👩‍👩‍👧 שלום مرحبا e\u0301 "
SEEN = "Öberg"
_SKIP_PARTS = ("email", "phone", "link", "url", "snapshot", "json", "uid", "rrule", "color")
_SKIP_SUFFIXES = ("_id", "kind", "status", "category", "type", "unit", "code", "key", "value")


def _columns(table) -> list[str]:  # type: ignore[no-untyped-def]
    names = []
    for column in table.columns:
        if column.name.endswith(_SKIP_SUFFIXES) or any(p in column.name for p in _SKIP_PARTS):
            continue
        kind = column.type
        if kind.__class__.__name__ == "Enum" or not isinstance(kind, String | Text):
            continue
        if isinstance(kind, Text) or (kind.length or 0) >= 80:
            names.append(column.name)
    return names


@pytest.fixture(scope="module")
def awkward_demo(tmp_path_factory):  # type: ignore[no-untyped-def]
    from trygghetsrad import demo
    from trygghetsrad.db.engine import open_database

    path = tmp_path_factory.mktemp("awkward") / "demo.sqlite"
    database = open_database(path)
    with database.session() as s:
        demo.fill(s, date(2026, 11, 26))
    planted: list[str] = []
    with database.session() as s:
        conn = s.connection()
        for table in Base.metadata.sorted_tables:
            if "id" not in table.columns:
                continue
            for column in _columns(table):
                length = getattr(table.columns[column].type, "length", None) or 10_000
                value = f"coalesce(\"{column}\", '')"
                structured = f"{value} GLOB '[[{{]*'"  # JSON stays intact
                conn.exec_driver_sql(
                    f'UPDATE "{table.name}" SET "{column}" = substr({value} || ?, 1, ?) '
                    f"WHERE NOT {structured}",
                    (AWKWARD, length),
                )
                planted.append(f"{table.name}.{column}")
        conn.exec_driver_sql(
            "UPDATE settings SET value = value || ? WHERE key = 'municipality'", (AWKWARD,)
        )
        # A stored file is accepted as it is: the awkward text goes into the text files'
        # own bytes, and an export of such a file must give back exactly those bytes.
        for table in Base.metadata.sorted_tables:
            if not {"id", "data", "mime_type"} <= set(table.columns.keys()):
                continue
            rows = conn.exec_driver_sql(
                f"SELECT id, data FROM \"{table.name}\" WHERE mime_type LIKE 'text/%'"
            ).fetchall()
            for row_id, data in rows:
                grown = bytes(data) + AWKWARD.encode("utf-8")
                size = ', "size" = ?' if "size" in table.columns else ""
                params = (grown, len(grown), row_id) if size else (grown, row_id)
                conn.exec_driver_sql(
                    f'UPDATE "{table.name}" SET "data" = ?{size} WHERE id = ?', params
                )
                planted.append(f"{table.name}.data")
    # The coordinator's name now differs from every name in the register, so a meeting
    # request needs the organizer's address from the settings (it is refused without one).
    with database.session() as s:
        settings.save(s, replace(settings.load(s), sender_email="samordnare@storaker.se"))
    yield database, planted
    database.close()


def test_awkward_text_is_planted_beyond_the_internal_capable_tables(awkward_demo) -> None:  # type: ignore[no-untyped-def]
    _database, planted = awkward_demo
    for column in ("people.name", "groups.name", "organisations.name", "meetings.title"):
        assert column in planted


@pytest.mark.parametrize("name", sorted(_export_commands()))
def test_every_export_renders_awkward_text(awkward_demo, name: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    database, _planted = awkward_demo
    outputs = _run_all(database, {}, name, _export_commands()[name], tmp_path, include=False)
    assert outputs, f"export {name} produced nothing"
    if name == "attachment":  # a stored file comes back byte for byte, awkward text and all
        with database.session() as s:
            stored = {
                bytes(r[0]) for r in s.connection().exec_driver_sql("SELECT data FROM attachments")
            }
        for file_name, data in outputs:
            assert data in stored, f"{file_name} is not the stored file's exact bytes"
    texts = [t for _n, data in outputs if (t := readable(data)) is not None]
    if texts:
        assert any(SEEN in t for t in texts), f"export {name} lost the accepted text"
    for file_name, data in outputs:
        if data.startswith(b"%PDF"):
            assert b"/Helvetica" not in data, f"{file_name} fell back to a built-in font"
