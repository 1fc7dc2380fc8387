"""Honest messages: each names what is really wrong, in Swedish, and reading is never refused
for a reason that only concerns writing."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from mounts import read_only_mount

from trygghetsrad.cli import main
from trygghetsrad.db.engine import open_database
from trygghetsrad.services import register

ENGLISH = ("Errno", "No space", "Is a directory", "Traceback", "required", "component")


def _swedish_only(text: str) -> None:
    assert not [word for word in ENGLISH if word in text], text


def _database(path: Path, people: int = 1, note: str = "") -> Path:
    db = open_database(path)
    with db.session() as s:
        for n in range(people):
            register.create_person(s, name=f"Person {n:03}", note=note)
    db.close()
    return path


def test_a_read_only_database_can_be_read_and_refuses_only_writes(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "skyddad"
    folder.mkdir()
    path = _database(folder / "db.sqlite")
    out = tmp_path / "allt.json"
    with read_only_mount(folder):
        assert main(["--db", str(path), "list", "people"]) == 0
        assert "Person 000" in capsys.readouterr().out
        assert main(["--db", str(path), "search", "Person"]) == 0
        assert "000" in capsys.readouterr().out
        assert main(["--db", str(path), "export", "data", str(out)]) == 0
        capsys.readouterr()
        assert main(["--db", str(path), "erase", "person", "1"]) == 2
        err = capsys.readouterr().err
        assert "skrivskydd" in err and "fönstret" not in err
        assert sorted(p.name for p in folder.iterdir()) == ["db.sqlite"]
    assert "Person 000" in out.read_text(encoding="utf-8")


def _damage_people(path: Path) -> None:
    """Wreck the last page of the people table, leaving the schema readable."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        page = conn.execute("SELECT max(pageno) FROM dbstat WHERE name = 'people'").fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    with open(path, "r+b") as fh:
        fh.seek((page - 1) * size)
        fh.write(b"\xff" * size)


@pytest.mark.parametrize(
    "command",
    [["backup"], ["import", "data", "IMPORT"], ["erase", "person", "1"]],
    ids=["backup", "import", "erase"],
)
def test_a_damaged_database_is_called_damaged_not_the_backup(
    tmp_path: Path,
    capsys,
    command: list[str],  # type: ignore[no-untyped-def]
) -> None:
    path = _database(tmp_path / "db.sqlite", people=200, note="å" * 300)
    document = tmp_path / "tom.json"
    assert (
        main(
            [
                "--db",
                str(_database(tmp_path / "tom.sqlite", people=0)),
                "export",
                "data",
                str(document),
            ]
        )
        == 0
    )
    _damage_people(path)
    capsys.readouterr()
    args = [str(document) if part == "IMPORT" else part for part in command]
    assert main(["--db", str(path), *args]) == 2
    err = capsys.readouterr().err
    assert f"Databasen {path} är skadad" in err
    assert "Säkerhetskopian" not in err and "säkerhetskopior" not in err


HOLDER = """
import argparse, sys, time
from trygghetsrad.cli.base import open_db
db = open_db(argparse.Namespace(db=sys.argv[1], command="import"))
print("held", flush=True)
time.sleep(60)
"""


def test_two_command_line_writers_are_not_told_about_a_window(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = _database(tmp_path / "db.sqlite")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert main(["--db", str(path), "erase", "person", "1"]) == 2
        err = capsys.readouterr().err
        assert "fönster" not in err
        assert "kommandot import" in err
    finally:
        holder.kill()
        holder.wait()


def test_a_folder_as_backup_target_and_a_full_disk_are_told_in_swedish(
    tmp_path: Path,
    capsys,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    path = _database(tmp_path / "db.sqlite")
    folder = tmp_path / "mapp"
    folder.mkdir()
    for command in (["backup", str(folder)], ["export", "data", str(folder)]):
        assert main(["--db", str(path), *command]) == 2
        err = capsys.readouterr().err
        _swedish_only(err)
        assert "mapp" in err
    assert list(folder.iterdir()) == []
    from trygghetsrad.db import backups

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(backups.os, "fsync", full)
    assert main(["--db", str(path), "backup", str(tmp_path / "kopia.sqlite")]) == 2
    err = capsys.readouterr().err
    _swedish_only(err)
    assert "disken är full" in err
    assert not (tmp_path / "kopia.sqlite").exists()


@pytest.mark.parametrize(
    "content",
    [
        b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20260101\nEND:VCALENDAR\n",
        b"BEGIN:VCALENDAR\nEND:VEVENT\nEND:VCALENDAR\n",
        b"\xff\xfe inte en kalender",
        b"",
    ],
    ids=["unclosed", "stray-end", "bad-line", "empty"],
)
def test_calendar_parser_errors_are_told_in_swedish(tmp_path: Path, capsys, content: bytes) -> None:  # type: ignore[no-untyped-def]
    path = _database(tmp_path / "db.sqlite")
    source = tmp_path / "trasig.ics"
    source.write_bytes(content)
    assert main(["--db", str(path), "import", "ics", str(source)]) == 2
    err = capsys.readouterr().err
    _swedish_only(err)
    assert "kalender" in err


@pytest.mark.parametrize(
    "command",
    [
        ["list", "people"],
        ["search", "x"],
        ["export", "data", "OUT"],
        ["backup"],
        ["erase", "person", "1"],
    ],
)
def test_a_mistyped_db_path_creates_nothing(tmp_path: Path, capsys, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "finns-inte" / "under" / "db.sqlite"
    args = [str(tmp_path / "ut.json") if part == "OUT" else part for part in command]
    assert main(["--db", str(missing), *args]) == 2
    err = capsys.readouterr().err
    assert "finns inte" in err and str(missing) in err
    assert not (tmp_path / "finns-inte").exists()
    empty = tmp_path / "tom.sqlite"
    empty.touch()
    assert main(["--db", str(empty), *args]) == 2
    assert empty.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tom.sqlite"]


def test_exit_after_startup_on_a_damaged_page_ends_at_once_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    db = open_database(path)
    db.close()
    from trygghetsrad import demo

    db = open_database(path)
    with db.session() as s:
        demo.fill(s)
    db.close()
    import sqlite3

    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'meetings'").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(path, "r+b") as fh:
        fh.seek((root - 1) * size)
        fh.write(b"\xff" * size)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "trygghetsrad", "--db", str(path), "--exit-after-startup"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert time.monotonic() - started < 30
    assert done.returncode == 2, done.stderr
    assert "skadad" in done.stderr
    assert "Traceback" not in done.stderr
