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
