"""The one writer of documents (files.py): all at once, never over the database, private
folders and files where the personal data live (issue 15, points 1, 2 and 4)."""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

import pytest

from trygghetsrad import files
from trygghetsrad.errors import UserError


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_document_replaces_the_old_one_with_the_users_umask(
    tmp_path: Path, umask_022: None
) -> None:
    target = tmp_path / "Protokoll.pdf"
    target.write_bytes(b"old")
    assert files.write_document(target, b"new") == target
    assert target.read_bytes() == b"new"
    assert _mode(target) == 0o644
    private = files.write_document(tmp_path / "allt.json", b"{}", private=True)
    assert _mode(private) == 0o600
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("fails", "error", "reason"),
    [
        ("fsync", OSError(errno.ENOSPC, "No space left on device"), "disken är full"),
        ("replace", IsADirectoryError(errno.EISDIR, "Is a directory"), "är en mapp"),
        ("replace", PermissionError(errno.EACCES, "Permission denied"), "behörighet saknas"),
    ],
)
def test_a_failed_write_keeps_the_old_file_and_names_it(
    fails: str,
    error: OSError,
    reason: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "Lägesbild 2026.pdf"
    target.write_bytes(b"%PDF-good")

    def broken(*_args: object) -> None:
        raise error

    monkeypatch.setattr(files.os, fails, broken)
    with pytest.raises(UserError) as caught:
        files.write_document(target, b"%PDF-new" * 1000)
    message = str(caught.value)
    assert str(target) in message and reason in message and "oförändrad" in message
    assert not re.search(r"[A-Z][a-z]+ (space|directory|denied)", message)  # no English
    assert target.read_bytes() == b"%PDF-good"
    assert _leftovers(tmp_path) == []


def test_a_reader_holding_the_file_on_windows_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "Kallelse.pdf"
    target.write_bytes(b"%PDF-open in a reader")

    def held(*_args: object) -> None:
        raise PermissionError(13, "The process cannot access the file", str(target))

    monkeypatch.setattr(files, "_WINDOWS", True)
    monkeypatch.setattr(files.os, "replace", held)
    with pytest.raises(UserError, match="öppen i ett annat program") as caught:
        files.write_document(target, b"%PDF-new")
    assert str(target) in str(caught.value)
    assert target.read_bytes() == b"%PDF-open in a reader"
    assert _leftovers(tmp_path) == []


def test_a_cancel_just_before_the_move_leaves_no_file(tmp_path: Path) -> None:
    class Cancelled(Exception):
        pass

    def cancel() -> None:
        raise Cancelled

    with pytest.raises(Cancelled):
        files.write_document(tmp_path / "avbruten.pdf", b"x", before_replace=cancel)
    assert list(tmp_path.iterdir()) == []


def test_the_open_database_and_its_companions_are_refused(database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = database.path
    for target in (
        path,
        path.with_name(path.name + "-wal"),
        path.with_name(path.name + "-shm"),
        path.with_name(path.name + "-journal"),
        path.with_name(path.name + ".lås"),
        tmp_path / "undermapp" / ".." / path.name,
    ):
        with pytest.raises(UserError, match="(är|hör till) databasen"):
            files.write_document(target, b"%PDF")
    assert path.read_bytes().startswith(b"SQLite format 3\x00")


def test_what_is_not_a_regular_file_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "rör"
    os.mkfifo(fifo)
    with pytest.raises(UserError, match="ingen vanlig fil"):
        files.write_document(fifo, b"x")
    assert fifo.is_fifo()
    with pytest.raises(UserError, match="ingen vanlig fil"):
        files.check_target(Path("/dev/null"))
    with pytest.raises(UserError, match="är en mapp"):
        files.write_document(tmp_path, b"x")


def test_private_dirs_makes_every_new_level_0700(tmp_path: Path, umask_022: None) -> None:
    deep = tmp_path / "a" / "b" / "c"
    tmp_path.chmod(0o755)
    assert files.private_dirs(deep) == deep
    for level in (tmp_path / "a", tmp_path / "a" / "b", deep):
        assert _mode(level) == 0o700, level
    assert _mode(tmp_path) == 0o755  # a folder that was there (not the app's own) is kept
    created = files.create_private_file(deep / "ny.sqlite")
    assert _mode(created) == 0o600 and created.read_bytes() == b""
    created.write_bytes(b"kept")
    files.create_private_file(created)
    assert created.read_bytes() == b"kept"  # an existing file is never truncated


def test_an_app_folder_made_by_an_older_version_is_made_private(
    tmp_path: Path, umask_022: None
) -> None:
    from trygghetsrad.paths import data_dir

    data = data_dir()
    data.mkdir(parents=True)
    data.chmod(0o755)
    files.private_dirs(data / "säkerhetskopior")
    assert _mode(data) == 0o700 and _mode(data / "säkerhetskopior") == 0o700


_KILLED_MID_WRITE = """
import os, sys, time
from pathlib import Path
from trygghetsrad import files

def stuck(fd):  # the bytes are written, the rename not yet done: stop here until killed
    print("writing", flush=True)
    time.sleep(600)

os.fsync = stuck
files.write_document(Path(sys.argv[1]), b"%PDF half")
"""


def _killed_mid_write(target: Path) -> Path:
    """Run a real process that writes `target` and SIGKILL it mid-write; its temporary file."""
    import signal
    import subprocess
    import sys

    child = subprocess.Popen(
        [sys.executable, "-c", _KILLED_MID_WRITE, str(target)], stdout=subprocess.PIPE
    )
    assert child.stdout is not None and child.stdout.readline() == b"writing\n"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL
    [left] = [p for p in target.parent.iterdir() if p.name.endswith(f".{child.pid}.tmp")]
    assert re.fullmatch(rf"\.{re.escape(target.name)}-[0-9a-f]{{6}}\.{child.pid}\.tmp", left.name)
    return left


def _age(path: Path, seconds: float) -> None:
    """As if `path` were last written `seconds` ago."""
    then = path.stat().st_mtime - seconds
    os.utime(path, (then, then))


def test_a_killed_writers_temporary_file_goes_at_the_next_write_there(tmp_path: Path) -> None:
    folder, elsewhere = tmp_path / "Dokument", tmp_path / "Annan"
    folder.mkdir()
    elsewhere.mkdir()
    left = _killed_mid_write(folder / "Protokoll.pdf")
    other_folder = _killed_mid_write(elsewhere / "Kallelse.pdf")
    assert not (folder / "Protokoll.pdf").exists()  # never a half document under its name
    # Kept: a fresh one (it may be another computer's write in progress on a shared folder),
    # one of a running process, the user's own hidden files, a link.
    living = folder / f".Årshjul.pdf-0a1b2c.{os.getpid()}.tmp"
    own = [folder / ".anteckningar.tmp", folder / f".Protokoll.pdf.{left.name.split('.')[-2]}.tmp"]
    for path in (living, *own):
        path.write_bytes(b"x")
    link = folder / ".Lista.xlsx-abcdef.999999999.tmp"
    link.symlink_to(folder / ".anteckningar.tmp")
    files.write_document(folder / "Lista.xlsx", b"a")
    assert left.exists()
    # Some minutes later, the next document written into that folder removes it.
    for path in (left, living, *own, other_folder):
        _age(path, 3600)
    files.write_document(folder / "Lista.xlsx", b"b")
    assert not left.exists()
    assert living.exists() and all(p.exists() for p in own) and link.is_symlink()
    assert other_folder.exists()  # only the folder written to is looked at
    assert (folder / "Lista.xlsx").read_bytes() == b"b"
