"""Upgrades lose nothing: every frozen earlier schema in tests/data/ is migrated to today's.

Each `tests/data/schema-*.sqlite` is a database as an earlier version left it (example data
plus a year of history, see tests/data/README.md). A copy is upgraded with the app's own
path (`open_database`), and every table that existed keeps every row with all its texts (a
migration may add rows, never lose or change one); the copy set aside before migrating holds
the original; a SIGKILL at points spread over the migration leaves a file that opens, passes
`integrity_check` and holds the same data (killed before the first, the middle and the last
statement and before the commit).

The search index (an FTS5 table and its shadow tables) is left out of the comparison: it is
derived from the other tables and a migration may rebuild it. A column a migration drops is
compared only if it held text (a dropped foreign key, moved into a table of its own, did
not); a value a migration rewrites on purpose is listed in DELIBERATE with the migration.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from killing import KILL_AT_COMMIT, integrity, run_migration

from trygghetsrad.db import backups, revisions
from trygghetsrad.db.engine import LockMode, open_database

DATA = Path(__file__).resolve().parent.parent / "data"
FROZEN = sorted(DATA.glob("schema-*.sqlite"))
Fingerprint = dict[str, Counter[str]]  # per table: a checksum of each row's texts

# Values a migration rewrites on purpose: (table, column) -> (migration, {old: new}). A file
# from before that migration is compared with both sides mapped through the rewrite, so any
# other change of the column still fails.
DELIBERATE: dict[tuple[str, str], tuple[str, dict[str, str]]] = {
    # An "ej påbörjad" nobody ever set or confirmed came from the form's preset.
    ("measures", "status"): ("0010_unknown_and_reports", {"ej påbörjad": "ej bedömd"}),
    ("commitments", "status"): ("0010_unknown_and_reports", {"ej påbörjad": "ej bedömd"}),
}
Rewrites = dict[tuple[str, str], dict[str, str]]


def _read_only(path: Path) -> sqlite3.Connection:
    # A frozen file is read as immutable: no -wal/-shm is made beside it.
    query = "immutable=1" if path.parent == DATA else "mode=ro"
    return sqlite3.connect(f"{path.absolute().as_uri()}?{query}", uri=True)


def _columns(path: Path) -> dict[str, list[str]]:
    """The data tables of the file at `path` and their columns."""
    conn = _read_only(path)
    try:
        rows = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
        virtual = [name for name, sql in rows if sql.upper().startswith("CREATE VIRTUAL TABLE")]
        tables = [
            name
            for name, _sql in rows
            if name != "alembic_version"
            and name not in virtual
            and not any(name.startswith(v + "_") for v in virtual)
        ]
        return {
            name: [col[1] for col in conn.execute(f'PRAGMA table_info("{name}")')]
            for name in tables
        }
    finally:
        conn.close()


def _applied(versions: set[str]) -> set[str]:
    """Every revision that a file at the heads `versions` has had applied."""
    graph = revisions.all_revisions()
    seen: set[str] = set()
    todo = list(versions)
    while todo:
        rev = todo.pop()
        if rev not in seen and rev in graph:
            seen.add(rev)
            todo.extend(graph[rev].down_revisions)
    return seen


def _rewrites(original: Path) -> Rewrites:
    done = _applied(_versions(original))
    return {key: values for key, (rev, values) in DELIBERATE.items() if rev not in done}


def _comparable(original: Path, folder: Path) -> dict[str, list[str]]:
    """The tables and columns of `original` that today's schema still has.

    A table that is gone must have been empty, a column that is gone must not have held text."""
    fresh = folder / "ny.sqlite"
    open_database(fresh).close()
    current = _columns(fresh)
    old = _columns(original)
    conn = _read_only(original)
    try:
        kept: dict[str, list[str]] = {}
        for table, names in old.items():
            if table not in current:
                rows = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
                assert rows == 0, f"table {table} is gone with {rows} rows"
                continue
            kept[table] = [name for name in names if name in current[table]]
            for gone in set(names) - set(kept[table]):
                texts = conn.execute(
                    f'SELECT count(*) FROM "{table}" WHERE typeof("{gone}") = \'text\''
                ).fetchone()[0]
                assert texts == 0, f"{table}.{gone} is gone with {texts} texts"
        return kept
    finally:
        conn.close()


def _fingerprint(path: Path, columns: dict[str, list[str]], rewrites: Rewrites) -> Fingerprint:
    """Per table, a checksum of each row's text values (column by column), counted."""
    conn = _read_only(path)
    try:
        found: Fingerprint = {}
        for table, names in columns.items():
            listed = ", ".join(f'"{name}"' for name in names)
            maps = [rewrites.get((table, name), {}) for name in names]
            found[table] = Counter(
                hashlib.sha256(
                    json.dumps(
                        [
                            [name, mapped.get(value, value)]
                            for name, mapped, value in zip(names, maps, row, strict=True)
                            if isinstance(value, str)
                        ],
                        ensure_ascii=False,
                    ).encode("utf-8")
                ).hexdigest()
                for row in conn.execute(f'SELECT {listed} FROM "{table}"')
            )
        return found
    finally:
        conn.close()


def _lost(before: Fingerprint, after: Fingerprint) -> dict[str, int]:
    """Per table, how many rows of `before` (with all their texts) `after` no longer has.

    A migration may add rows (a setting it introduces); it may not lose or change one."""
    lost = {
        table: sum((rows - after.get(table, Counter())).values()) for table, rows in before.items()
    }
    return {table: n for table, n in lost.items() if n}


def _versions(path: Path) -> set[str]:
    conn = _read_only(path)
    try:
        return {row[0] for row in conn.execute("SELECT version_num FROM alembic_version")}
    finally:
        conn.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _pages(path: Path) -> bytes:
    """The file without its 100-byte header (change counters and journal mode differ in a copy)."""
    return path.read_bytes()[100:]


@pytest.fixture(params=FROZEN, ids=lambda p: p.name)
def frozen(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    """(the frozen original, a copy of it to upgrade); the original must stay byte for byte."""
    original: Path = request.param
    before = _digest(original)
    copy = tmp_path / "gammal.sqlite"
    shutil.copyfile(original, copy)
    yield original, copy
    assert _digest(original) == before
    assert not list(DATA.glob("schema-*.sqlite-*")), "a side file was made beside a frozen file"


def test_a_database_of_the_schema_before_every_new_migration_is_kept() -> None:
    names = [path.name for path in FROZEN]
    assert "schema-0007.sqlite" in names
    newest = max(FROZEN, key=lambda path: path.name)
    known = set(revisions.all_revisions())
    assert _versions(newest) <= known


def test_upgrade_keeps_every_row_and_every_text(frozen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    original, copy = frozen
    columns, rewrites = _comparable(original, tmp_path), _rewrites(original)
    before = _fingerprint(copy, columns, rewrites)
    assert sum(sum(rows.values()) for rows in before.values()) > 1000  # example data and a year
    due = _versions(copy) != set(revisions.heads())

    open_database(copy, lock=LockMode.SHARED).close()

    assert _versions(copy) == set(revisions.heads())
    assert integrity(copy) == "ok"
    assert _lost(before, _fingerprint(copy, columns, rewrites)) == {}
    set_aside = [b.path for b in backups.list_backups(copy) if b.reason == backups.BEFORE_MIGRATION]
    if due:
        assert len(set_aside) == 1
        assert _pages(set_aside[0]) == _pages(original)
        assert _versions(set_aside[0]) == _versions(original)
    else:
        assert set_aside == []


def test_copy_set_aside_before_migrating_holds_the_original(frozen) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.db.migrate import upgrade

    original, copy = frozen
    set_aside = upgrade(copy)
    assert set_aside is not None
    assert _pages(set_aside) == _pages(original)
    assert integrity(set_aside) == "ok"


def test_killed_migration_leaves_the_old_file_usable(frozen, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    original, copy = frozen
    columns, rewrites = _comparable(original, tmp_path), _rewrites(original)
    before = _fingerprint(copy, columns, rewrites)
    counting = tmp_path / "räknad.sqlite"
    shutil.copyfile(copy, counting)
    exit_code, statements = run_migration(counting, 0)
    assert exit_code == 0 and statements is not None
    if _versions(copy) == set(revisions.heads()):
        assert statements == 0  # nothing due: the file is opened without migrating
        return
    points = sorted({1, statements // 2, statements})  # the first, the middle, the last
    for kill_at in [*points, KILL_AT_COMMIT]:
        victim = tmp_path / f"dödad-{kill_at}.sqlite"
        shutil.copyfile(copy, victim)
        exit_code, _ = run_migration(victim, kill_at)
        assert exit_code == -9, kill_at
        assert integrity(victim) == "ok", kill_at
        assert _lost(before, _fingerprint(victim, columns, rewrites)) == {}, kill_at
        open_database(victim, lock=LockMode.EXCLUSIVE).close()
        assert _versions(victim) == set(revisions.heads())
        assert _lost(before, _fingerprint(victim, columns, rewrites)) == {}, kill_at
