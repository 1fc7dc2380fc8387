"""Kill a writing process with SIGKILL at random moments and check what is left on disk.

Used by tests/db/test_kill.py (a few dozen kills) and benchmarks/kill_many.py (hundreds,
with the figures reported in docs/robustness.md).

Two kinds of writer run in a child process:
- "small": many short transactions through `Database.session()`, each inserting a person
  and setting a counter to the number of such people; after each commit the child prints
  the number. Invariant: counter == number of people, and it is at least the last number
  the child reported (a reported commit is never lost).
- "import": whole-database imports (`import data --replace`, one transaction) alternating
  between two different documents. Invariant: the database holds exactly one of them (or
  the state before the first import), never a mixture.
After every kill: `PRAGMA integrity_check` is "ok", and the invariant holds.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path


def _worker(path_text: str, mode: str, documents: list[str], conn) -> None:  # type: ignore[no-untyped-def]
    """The writer (runs in a child process until it is killed); reports each commit on `conn`."""
    from trygghetsrad.db.engine import open_database
    from trygghetsrad.db.models import Person, Setting
    from trygghetsrad.services import portable

    db = open_database(Path(path_text))
    if mode == "small":
        with db.session() as s:
            row = s.get(Setting, "counter")
            n = int(row.value) if row else 0
        while True:
            n += 1
            with db.session() as s:
                s.add(Person(name=f"Person {n}", note="ö" * (n % 7 * 300)))
                row = s.get(Setting, "counter")
                if row is None:
                    s.add(Setting(key="counter", value=str(n)))
                else:
                    row.value = str(n)
            conn.send(n)
    docs = [json.loads(Path(p).read_text(encoding="utf-8")) for p in documents]
    i = 0
    while True:
        with db.session() as s:
            portable.import_data(s, docs[i % 2], replace=True)
        conn.send(i % 2)
        i += 1


_CONTEXT = None


def _context():  # type: ignore[no-untyped-def]
    """A fork server with the database code imported once: each writer starts in milliseconds."""
    global _CONTEXT
    if _CONTEXT is None:
        import multiprocessing

        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(
            [
                "trygghetsrad.db.engine",
                "trygghetsrad.db.models",
                "trygghetsrad.db.migrate",
                "trygghetsrad.services.portable",
                "trygghetsrad.services.backup",
            ]
        )
        _CONTEXT = ctx
    return _CONTEXT


@dataclass
class KillStats:
    kills: int = 0
    commits_seen: int = 0
    integrity_failures: list[str] = field(default_factory=list)
    invariant_failures: list[str] = field(default_factory=list)
    states: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.integrity_failures and not self.invariant_failures


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def _small_state(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(path)
    try:
        people = conn.execute("SELECT count(*) FROM people").fetchone()[0]
        row = conn.execute("SELECT value FROM settings WHERE key = 'counter'").fetchone()
        return int(people), int(row[0]) if row else 0
    finally:
        conn.close()


def _fingerprint(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM people ORDER BY id")]
        groups = [r[0] for r in conn.execute("SELECT name FROM groups ORDER BY id")]
    finally:
        conn.close()
    return json.dumps([names, groups], ensure_ascii=False)


def run_kills(
    path: Path,
    kills: int,
    *,
    mode: str = "small",
    documents: tuple[Path, Path] | None = None,
    seed: int = 7,
    max_delay: float = 0.4,
) -> KillStats:
    """Start the writer `kills` times and SIGKILL it after a random delay each time."""
    rng = random.Random(seed)
    stats = KillStats()
    expected: dict[str, str] = {}
    if mode == "import":
        assert documents is not None
        for label, doc in zip(("0", "1"), documents, strict=True):
            data = json.loads(doc.read_text(encoding="utf-8"))
            people = [r["name"] for r in data["tables"]["people"]]
            groups = [r["name"] for r in data["tables"]["groups"]]
            expected[label] = json.dumps([people, groups], ensure_ascii=False)
        expected["start"] = _fingerprint(path)
    ctx = _context()
    for attempt in range(kills):
        receiver, sender = ctx.Pipe(duplex=False)
        child = ctx.Process(
            target=_worker,
            args=(str(path), mode, [str(d) for d in documents or ()], sender),
            daemon=True,
        )
        child.start()
        sender.close()
        lines: list[str] = []
        # Wait for the first commit so that every kill lands while writing, not while starting.
        if receiver.poll(60):
            lines.append(str(receiver.recv()))
        time.sleep(rng.uniform(0.0, max_delay))
        os.kill(child.pid, signal.SIGKILL)  # type: ignore[arg-type]
        child.join()
        while True:
            try:
                lines.append(str(receiver.recv()))
            except (EOFError, OSError):
                break
        receiver.close()
        stats.kills += 1
        stats.commits_seen += len(lines)
        result = integrity(path)
        if result != "ok":
            stats.integrity_failures.append(f"kill {attempt}: {result}")
            break
        if mode == "small":
            people, counter = _small_state(path)
            reported = int(lines[-1]) if lines else 0
            if people != counter or counter < reported:
                stats.invariant_failures.append(
                    f"kill {attempt}: people={people} counter={counter} reported={reported}"
                )
        else:
            state = _fingerprint(path)
            matched = [label for label, fp in expected.items() if fp == state]
            if not matched:
                stats.invariant_failures.append(f"kill {attempt}: a mixture of two imports")
            else:
                stats.states[matched[0]] = stats.states.get(matched[0], 0) + 1
    return stats


KILL_AT_COMMIT = -1


def _migration_worker(path_text: str, kill_at: int, conn) -> None:  # type: ignore[no-untyped-def]
    """Open (and so migrate) the database; SIGKILL itself before SQL statement `kill_at`.

    `kill_at` counts the statements on the migration's own connection (1 = the first);
    KILL_AT_COMMIT kills just before that connection commits; 0 never kills and reports the
    number of statements instead."""
    from sqlalchemy import event

    from trygghetsrad.db import migrate
    from trygghetsrad.db.engine import LockMode, open_database

    made = migrate._migration_engine
    count = 0

    def engine_that_dies(path: Path):  # type: ignore[no-untyped-def]
        engine = made(path)

        @event.listens_for(engine, "before_cursor_execute")
        def _statement(*_args) -> None:  # type: ignore[no-untyped-def]
            nonlocal count
            count += 1
            if count == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)

        @event.listens_for(engine, "commit")
        def _commit(*_args) -> None:  # type: ignore[no-untyped-def]
            if kill_at == KILL_AT_COMMIT:
                os.kill(os.getpid(), signal.SIGKILL)

        return engine

    migrate._migration_engine = engine_that_dies  # type: ignore[assignment]
    open_database(Path(path_text), lock=LockMode.EXCLUSIVE).close()
    conn.send(count)


def run_migration(path: Path, kill_at: int) -> tuple[int | None, int | None]:
    """Migrate `path` in a child process killed at statement `kill_at` (see _migration_worker).

    Returns the child's exit code (-9 when killed) and the number of statements the migration
    ran (None when the child did not finish)."""
    ctx = _context()
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_migration_worker, args=(str(path), kill_at, sender), daemon=True)
    child.start()
    sender.close()
    child.join(120)
    try:
        count = int(receiver.recv()) if receiver.poll(0) else None
    except EOFError:  # killed before it could report
        count = None
    finally:
        receiver.close()
        if child.exitcode is None:
            child.kill()
            child.join()
    return child.exitcode, count


# -- restore ---------------------------------------------------------------------------------
#
# A restore replaces the live file. The database given to it has its newest commit only in
# the WAL (a writer killed after committing leaves it so). Whatever moment the restore is
# killed at, the file must hold either the old database with that newest commit, or the
# restored one, complete.

RESTORE_POINTS = (
    "before-checkpoint",
    "before-wal-removal",
    "wal-gone",
    "before-swap",
    "after-swap",
)


def _commit_and_vanish(path_text: str, name: str) -> None:
    import sqlite3

    conn = sqlite3.connect(path_text)
    conn.execute("INSERT INTO people (name) VALUES (?)", (name,))
    conn.commit()
    os._exit(0)  # no close: the commit stays in the WAL, not checkpointed


def leave_in_wal(path: Path, name: str) -> None:
    """Commit a person named `name` to `path` and leave it in the WAL only."""
    child = _context().Process(target=_commit_and_vanish, args=(str(path), name))
    child.start()
    child.join(60)
    assert child.exitcode == 0
    assert path.with_name(path.name + "-wal").stat().st_size > 0


def _kill_points(db: Path, point: str) -> None:
    """Patch this (child) process so that it SIGKILLs itself at `point` of a restore.

    The points are found from what happens to the files, whatever code does it: before and
    right after the WAL is checkpointed or removed, and before and after the file is renamed
    over the database."""
    import sqlite3

    wal = db.with_name(db.name + "-wal")
    had_wal = wal.exists()

    def die() -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    def check_gone() -> None:
        if point == "wal-gone" and had_wal and not wal.exists():
            die()

    def trace(statement: str) -> None:
        check_gone()
        text = statement.lower().replace(" ", "")
        if not had_wal or not wal.exists():
            return
        if point == "before-checkpoint" and "wal_checkpoint" in text:
            die()
        if point == "before-wal-removal" and "journal_mode=delete" in text:
            die()

    real_connect = sqlite3.connect

    def connect(*args, **kwargs):  # type: ignore[no-untyped-def]
        conn = real_connect(*args, **kwargs)
        conn.set_trace_callback(trace)
        return conn

    sqlite3.connect = connect  # type: ignore[assignment]
    real_unlink = Path.unlink

    def unlink(self: Path, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        if self == wal and wal.exists() and point in ("before-checkpoint", "before-wal-removal"):
            die()
        real_unlink(self, *args, **kwargs)
        check_gone()

    Path.unlink = unlink  # type: ignore[method-assign]
    real_replace = os.replace

    def replace(src, dst, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(dst) == db and point == "before-swap":
            die()
        real_replace(src, dst, *args, **kwargs)
        if Path(dst) == db and point == "after-swap":
            die()
        check_gone()

    os.replace = replace  # type: ignore[assignment]


def _restore_worker(db_text: str, source_text: str, point: str, full_disk: bool, conn) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.db import backups
    from trygghetsrad.errors import UserError
    from trygghetsrad.services import backup

    db = Path(db_text)
    if full_disk:  # the backup of the current file fails as on a full backup disk
        made = backups.snapshot

        def fail(source, target, progress=None):  # type: ignore[no-untyped-def]
            if backups.BEFORE_RESTORE in target.name:
                raise OSError(28, "No space left on device", str(target))
            return made(source, target, progress)

        backups.snapshot = fail  # type: ignore[assignment]
    if point:
        _kill_points(db, point)
    conn.send("started")
    try:
        backup.restore(db, Path(source_text))
    except UserError as exc:
        conn.send(f"refused: {exc}")
        return
    conn.send("restored")


@dataclass
class RestoreOutcome:
    exit_code: int | None
    messages: list[str]


def run_restore(
    db: Path, source: Path, *, point: str = "", delay: float | None = None, full_disk: bool = False
) -> RestoreOutcome:
    """Restore `source` over `db` in a child process, killed at `point` or after `delay` s."""
    ctx = _context()
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(
        target=_restore_worker, args=(str(db), str(source), point, full_disk, sender), daemon=True
    )
    child.start()
    sender.close()
    messages: list[str] = []
    if delay is not None and receiver.poll(60):
        with contextlib.suppress(EOFError):  # the child ended before it started
            messages.append(str(receiver.recv()))
        time.sleep(delay)
        with contextlib.suppress(ProcessLookupError):  # it may have finished already
            os.kill(child.pid, signal.SIGKILL)  # type: ignore[arg-type]
    child.join(120)
    while True:
        try:
            messages.append(str(receiver.recv()))
        except (EOFError, OSError):
            break
    receiver.close()
    return RestoreOutcome(child.exitcode, messages)


def names(path: Path) -> list[str]:
    """The people's names that tell the restore tests' states apart (OLD, NEW)."""
    conn = sqlite3.connect(path)
    try:
        found = {row[0] for row in conn.execute("SELECT name FROM people")}
    finally:
        conn.close()
    return sorted(found & {*OLD, *NEW, "Främmande"})


OLD = ["Före", "Nyast"]  # the database before the restore, with its newest commit
NEW = ["Säkerhetskopian"]  # the backup being restored


def restore_setup(folder: Path, fill=None) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    """A database whose newest commit is only in its WAL, and a backup of another database.

    `fill(session)` adds more data to both (the example data, for a restore that takes a
    while)."""
    from trygghetsrad.db import backups
    from trygghetsrad.db.engine import open_database
    from trygghetsrad.services import register

    made = []
    for name, person in (("mall.sqlite", "Före"), ("annan.sqlite", "Säkerhetskopian")):
        db = open_database(folder / name)
        with db.session() as s:
            if fill is not None:
                fill(s)
            register.create_person(s, name=person)
        db.close()
        made.append(folder / name)
    leave_in_wal(made[0], "Nyast")
    return made[0], backups.snapshot_file(made[1], folder / "kopia.sqlite")


def wal_copy(template: Path, path: Path) -> Path:
    """Copy the database `template` with its WAL (no other connection has it open)."""
    import shutil

    for side in ("", "-wal"):
        shutil.copyfile(template.with_name(template.name + side), path.with_name(path.name + side))
    return path
