"""Internal means internal: every export command, discovered from the CLI, is run on the
example data with a canary text in every internal record. The canary must be absent from
every byte written by default, and present when `--include-internal` is given. Awkward
but accepted text (markup characters, emoji, right-to-left text, combining accents, tabs)
rides along in the same fields and in a third of the other records: no export may crash.

Records under an internal parent (an action under an internal agenda item) are internal too,
whatever their own flag: the canary is planted in them as well (`INHERITED`).

Generic on purpose: a workspace that adds a table with an `internal` column, or an export
command under `trygghetsrad export`, is covered without changes here. The full JSON export
(`export data`) and the GDPR access export (`export person`) are complete copies by design
and are checked separately (internal records carry "internal": true).
"""

from __future__ import annotations

import argparse
import email
import io
import re
from datetime import date
from email import policy
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import String, Text

from trygghetsrad.cli import build_parser, main
from trygghetsrad.db.models import Base

CANARY = "HEMLIGT-INTERNT"
# Accepted but awkward text rides along in every planted field: exports must still render it.
AWKWARD = " Åsa & <b>Öberg</b> 😀 👩‍👩‍👧 \u202eשלום\u202c مرحبا e\u0301 \t tab "
FOUND = re.compile("HEMLIGT")  # a PDF line break may fall at the hyphen
COMPLETE_COPIES = {"data", "person"}
MAX_CANDIDATES = 2
_SKIP_SUFFIXES = ("_id", "kind", "status", "category", "colour", "color", "type", "unit", "code")
_SKIP_PARTS = ("email", "phone", "link", "url", "snapshot", "json", "uid", "rrule")


def _export_commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    top = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    export = top.choices["export"]
    sub = next(a for a in export._actions if isinstance(a, argparse._SubParsersAction))
    found: dict[str, argparse.ArgumentParser] = {}
    for name, command in sub.choices.items():
        if name not in COMPLETE_COPIES and command not in found.values():
            found[name] = command
    return found


def _text_columns(table: Any) -> list[str]:
    names = []
    for column in table.columns:
        if column.name == "internal" or column.name.endswith(_SKIP_SUFFIXES):
            continue
        if any(part in column.name for part in _SKIP_PARTS):
            continue
        kind = column.type
        if isinstance(kind, Text) or (
            isinstance(kind, String)
            and (kind.length or 0) >= 150
            and kind.__class__.__name__ != "Enum"
        ):
            names.append(column.name)
    return names


def _plant_canaries(database) -> dict[str, set[int]]:  # type: ignore[no-untyped-def]
    """Mark a third of the internal-capable records internal; put the canary in all internal ones."""
    planted: dict[str, set[int]] = {}
    with database.session() as s:
        conn = s.connection()
        for table in Base.metadata.sorted_tables:
            if "internal" not in table.columns or "id" not in table.columns:
                continue
            conn.exec_driver_sql(f'UPDATE "{table.name}" SET internal = 1 WHERE id % 3 = 0')
            columns = _text_columns(table)
            ids = {
                r[0]
                for r in conn.exec_driver_sql(f'SELECT id FROM "{table.name}" WHERE internal = 1')
            }
            for column in columns:
                length = getattr(table.columns[column].type, "length", None) or 10_000
                value = f"coalesce(\"{column}\", '')"
                structured = f"{value} GLOB '[[{{]*'"  # JSON stays intact
                conn.exec_driver_sql(
                    f'UPDATE "{table.name}" SET "{column}" = substr(? || id || ? || {value}, 1, ?) '
                    f"WHERE internal = 1 AND NOT {structured}",
                    (CANARY + " ", AWKWARD, length),
                )
                conn.exec_driver_sql(
                    f'UPDATE "{table.name}" SET "{column}" = substr({value} || ?, 1, ?) '
                    f"WHERE internal = 0 AND id % 3 = 1 AND NOT {structured}",
                    (AWKWARD, length),
                )
            if columns and ids:
                planted[table.name] = ids
        INHERITED.clear()
        INHERITED.update(_plant_under_internal_parents(conn))
    return planted


# Records that are not marked internal themselves but lie under an internal parent (an action
# under an internal agenda item): table → ids. Internal-ness is inherited, so their text is
# as secret as their parent's and carries the canary too.
INHERITED: dict[str, set[int]] = {}


def _plant_under_internal_parents(conn) -> dict[str, set[int]]:  # type: ignore[no-untyped-def]
    """Put the canary into every record owned (ON DELETE CASCADE, at any depth) by an internal
    record, whatever its own flag says."""
    hidden: dict[str, set[int]] = {}
    for table in Base.metadata.sorted_tables:  # parents before children
        if "internal" in table.columns and "id" in table.columns:
            hidden[table.name] = {
                r[0]
                for r in conn.exec_driver_sql(f'SELECT id FROM "{table.name}" WHERE internal = 1')
            }
    inherited: dict[str, set[int]] = {}
    for table in Base.metadata.sorted_tables:
        if "id" not in table.columns:
            continue
        for fk in table.foreign_keys:
            parent = fk.column.table.name
            if fk.ondelete != "CASCADE" or not hidden.get(parent) or parent == table.name:
                continue
            marks = ", ".join(str(int(i)) for i in hidden[parent])
            own = "AND internal = 0" if "internal" in table.columns else ""
            ids = {
                r[0]
                for r in conn.exec_driver_sql(
                    f'SELECT id FROM "{table.name}" WHERE "{fk.parent.name}" IN ({marks}) {own}'
                )
            }
            if not ids:
                continue
            hidden.setdefault(table.name, set()).update(ids)
            _plant_in_text_files(conn, table, ids)
            columns = _text_columns(table)
            if not columns:
                continue
            inherited.setdefault(table.name, set()).update(ids)
            id_list = ", ".join(str(int(i)) for i in ids)
            for column in columns:
                length = getattr(table.columns[column].type, "length", None) or 10_000
                value = f"coalesce(\"{column}\", '')"
                conn.exec_driver_sql(
                    f'UPDATE "{table.name}" SET "{column}" = substr(? || id || ? || {value}, 1, ?) '
                    f"WHERE id IN ({id_list}) AND NOT {value} GLOB '[[{{]*'",
                    (CANARY + " ", " ", length),
                )
    return inherited


def _plant_in_text_files(conn, table, ids: set[int]) -> None:  # type: ignore[no-untyped-def]
    """A stored text file under an internal record (an attached note) is internal content too:
    the canary goes into its bytes."""
    if not {"id", "data", "mime_type"} <= set(table.columns.keys()):
        return
    id_list = ", ".join(str(int(i)) for i in ids)
    rows = conn.exec_driver_sql(
        f"SELECT id, data FROM \"{table.name}\" WHERE id IN ({id_list}) AND mime_type LIKE 'text/%'"
    ).fetchall()
    for row_id, data in rows:
        grown = f"{CANARY} {row_id} ".encode() + bytes(data)
        conn.exec_driver_sql(f'UPDATE "{table.name}" SET "data" = ? WHERE id = ?', (grown, row_id))


def _candidates(database, dest: str, planted: dict[str, set[int]], year: int) -> list[str]:  # type: ignore[no-untyped-def]
    if dest == "year":
        return [str(year)]
    tables = Base.metadata.tables
    names = [n for n in tables if n == f"{dest}s" or n.startswith(dest)]
    if not names:
        return [str(i) for i in range(1, MAX_CANDIDATES + 1)]
    target = names[0]
    preferred: list[int] = []
    with database.session() as s:
        conn = s.connection()
        # Records that hold (one or two foreign-key hops away) planted internal content first.
        for table_name, _ids in planted.items():
            table = tables[table_name]
            for fk in table.foreign_keys:
                hop = fk.column.table.name
                col = fk.parent.name
                rows = conn.exec_driver_sql(
                    f'SELECT DISTINCT "{col}" FROM "{table_name}" WHERE internal = 1 AND "{col}" IS NOT NULL'
                ).fetchall()
                if hop == target:
                    preferred += [r[0] for r in rows]
                    continue
                for parent_fk in tables[hop].foreign_keys:
                    if parent_fk.column.table.name == target and rows:
                        marks = ", ".join("?" for _ in rows)
                        preferred += [
                            r[0]
                            for r in conn.exec_driver_sql(
                                f'SELECT DISTINCT "{parent_fk.parent.name}" FROM "{hop}" WHERE id IN ({marks})',
                                tuple(r[0] for r in rows),
                            )
                        ]
        if target in planted:
            preferred += sorted(planted[target])
        everything = [r[0] for r in conn.exec_driver_sql(f'SELECT id FROM "{target}" ORDER BY id')]
    ordered = list(dict.fromkeys([p for p in preferred if p is not None] + everything))
    return [str(i) for i in ordered[:MAX_CANDIDATES]]


def _suffixes(metavar: str | None) -> list[str]:
    text = (metavar or "").lower()
    for known in ("pdf", "eml", "ics", "json", "png", "svg", "csv"):
        if known in text:
            return [f".{known}"]
    return [".pdf", ".svg", ".png"]


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    parts = [page.extract_text() or "" for page in reader.pages]
    meta = reader.metadata or {}
    parts += [str(v) for v in meta.values()]
    return "\n".join(parts)


def readable(data: bytes) -> str | None:
    """All text a reader could see in an exported file; None for raster images."""
    if data.startswith(b"%PDF"):
        return _pdf_text(data)
    if data.startswith(b"\x89PNG"):
        return None
    text = data.decode("utf-8", errors="replace")
    if "MIME-Version" in text[:2000] or "X-Unsent" in text[:2000]:
        message = email.message_from_bytes(data, policy=policy.default)
        pieces = [str(message.get("Subject", ""))]
        for part in message.walk():
            payload = part.get_payload(decode=True)
            if payload is None:
                continue
            if payload.startswith(b"%PDF"):
                pieces.append(_pdf_text(payload))
            else:
                pieces.append(payload.decode("utf-8", errors="replace"))
        return "\n".join(pieces)
    return text.replace("\r\n ", "").replace("\n ", "")  # unfold .ics lines


@pytest.fixture(scope="module")
def planted_demo(tmp_path_factory):  # type: ignore[no-untyped-def]
    from trygghetsrad import demo
    from trygghetsrad.db.engine import open_database

    path = tmp_path_factory.mktemp("canary") / "demo.sqlite"
    database = open_database(path)
    with database.session() as s:
        demo.fill(s, date(2026, 11, 26))
    planted = _plant_canaries(database)
    yield database, planted
    database.close()


def test_the_canary_is_planted_in_every_internal_capable_table(planted_demo) -> None:  # type: ignore[no-untyped-def]
    _database, planted = planted_demo
    capable = [
        t.name for t in Base.metadata.sorted_tables if "internal" in t.columns and _text_columns(t)
    ]
    assert capable, "no table can hold internal content"
    assert set(planted) <= set(capable)
    assert planted  # the example data has records in at least one of them


def test_the_canary_is_planted_under_internal_parents_too(planted_demo) -> None:  # type: ignore[no-untyped-def]
    """An action item (not itself internal) under an internal agenda item carries the canary."""
    assert INHERITED.get("action_items"), INHERITED
    assert INHERITED.get("agenda_notes") or INHERITED.get("decisions")


def test_full_copies_mark_internal_records(planted_demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import json

    database, planted = planted_demo
    out = tmp_path / "allt.json"
    assert main(["--db", str(database.path), "export", "data", str(out)]) == 0
    tables = json.loads(out.read_text(encoding="utf-8"))["tables"]
    for name, ids in planted.items():
        marked = {r["id"] for r in tables[name] if r["internal"] is True}
        assert ids <= marked


def _run_all(database, planted, name, command, tmp_path, include: bool) -> list[tuple[str, bytes]]:  # type: ignore[no-untyped-def]
    positionals = [a for a in command._actions if not a.option_strings and a.dest != "help"]
    year = 2026
    outputs: list[tuple[str, bytes]] = []
    out_action = positionals[-1]
    value_actions = positionals[:-1]
    candidate_lists = [_candidates(database, a.dest, planted, year) for a in value_actions]
    combos: list[list[str]] = [[]]
    for values in candidate_lists:
        combos = [c + [v] for c in combos for v in values]
    for combo in combos[:MAX_CANDIDATES]:
        for suffix in _suffixes(out_action.metavar):
            if include and suffix == ".png":
                continue  # a raster shows no text to find; SVG is drawn from the same scene
            target = tmp_path / f"{name}-{'-'.join(combo)}-{int(include)}{suffix}"
            argv = ["--db", str(database.path), "export", name, *combo, str(target)]
            if include:
                argv.append("--include-internal")
            code = main(argv)
            assert code != 1, f"export {name} {' '.join(combo)} crashed (a bug, see the log)"
            if code == 0 and target.is_dir():  # a folder of documents (reminders)
                outputs += [
                    (f"{target.name}/{f.name}", f.read_bytes())
                    for f in sorted(target.rglob("*"))
                    if f.is_file()
                ]
            elif code == 0 and target.exists():
                outputs.append((target.name, target.read_bytes()))
    return outputs


EXPORTS = sorted(_export_commands())


@pytest.mark.parametrize("name", EXPORTS)
def test_internal_content_never_leaks_by_default(planted_demo, name, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    database, planted = planted_demo
    command = _export_commands()[name]
    outputs = _run_all(database, planted, name, command, tmp_path, include=False)
    assert outputs, f"export {name} produced nothing for any example record"
    for file_name, data in outputs:
        text = readable(data)
        if text is not None:
            assert not FOUND.search(text), f"internal content leaked into {file_name}"
        assert b"HEMLIGT" not in data, f"internal content leaked into the bytes of {file_name}"
    has_flag = any("--include-internal" in a.option_strings for a in command._actions)
    if not has_flag:
        return
    included = _run_all(database, planted, name, command, tmp_path, include=True)
    shown = [n for n, data in included if (t := readable(data)) is not None and FOUND.search(t)]
    assert shown, f"export {name} --include-internal never showed the internal content"
