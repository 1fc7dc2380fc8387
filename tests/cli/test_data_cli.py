"""`backup`, `restore`, `export data`, `import data`, `export person`, `erase person`, locking."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from trygghetsrad.cli import main
from trygghetsrad.db import backups, lock
from trygghetsrad.services import backup, register


def _names(database) -> list[str]:  # type: ignore[no-untyped-def]
    with database.session() as s:
        return [p.name for p in register.list_people(s)]


def test_export_then_import_into_a_new_database(demo_database, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "allt.json"
    assert main(["--db", str(demo_database.path), "export", "data", str(out)]) == 0
    assert "poster exporterade" in capsys.readouterr().out
    target = tmp_path / "ny.sqlite"
    assert main(["--db", str(target), "import", "data", str(out)]) == 0
    assert "importerade" in capsys.readouterr().out
    again = tmp_path / "igen.json"
    assert main(["--db", str(target), "export", "data", str(again)]) == 0
    first, second = (json.loads(p.read_text(encoding="utf-8")) for p in (out, again))
    first.pop("exported_at"), second.pop("exported_at")
    assert first == second
    assert not lock.lock_path(target).exists()  # released after the command


def test_import_of_a_bad_file_exits_2_and_changes_nothing(database, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "fel.json"
    bad.write_text(
        json.dumps(
            {
                "format": "trygghetsrad-data",
                "format_version": 1,
                "exported_at": "2026-11-26T10:00:00+01:00",
                "tables": {"people": [{"id": 1, "name": ["inte", "text"]}]},
            }
        ),
        encoding="utf-8",
    )
    assert main(["--db", str(database.path), "import", "data", str(bad)]) == 2
    err = capsys.readouterr().err
    assert (
        "Personer, post 1 (tabell people, id 1), fält name" in err
        and "Inget har importerats" in err
    )
    assert _names(database) == []
    assert backups.list_backups(database.path) == []  # refused before the backup, too


def test_backup_and_restore_from_the_command_line(database, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = str(database.path)
    with database.session() as s:
        register.create_person(s, name="Före Kopian")
    copy = tmp_path / "kopia.sqlite3"
    assert main(["--db", path, "backup", str(copy)]) == 0
    assert main(["--db", path, "backup"]) == 0
    assert len(backups.list_backups(database.path)) == 1
    assert main(["--db", path, "backup", "--keep-days", "90"]) == 0
    with database.session() as s:
        assert backup.retention_days(s) == 90
    assert main(["--db", path, "backup", "--keep-days", "0"]) == 2
    with database.session() as s:
        register.create_person(s, name="Efter Kopian")
    database.close()
    assert main(["--db", path, "restore", str(copy)]) == 0
    out = capsys.readouterr().out
    assert "återställd" in out and "personer: 1" in out and "finns kvar som" in out
    assert _names(database) == ["Före Kopian"]


HOLDER = """
import sys, time
from pathlib import Path
from trygghetsrad.db import lock
lock.acquire(Path(sys.argv[1]), program="Trygghetsråd")
print("held", flush=True)
time.sleep(60)
"""


def test_while_the_window_holds_the_database_commands_only_read(database, capsys) -> None:  # type: ignore[no-untyped-def]
    with database.session() as s:
        register.create_person(s, name="Läsbar Person")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(database.path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        path = str(database.path)
        assert main(["--db", path, "list", "people"]) == 0
        assert "Läsbar Person" in capsys.readouterr().out
        assert main(["--db", path, "erase", "person", "1"]) == 2
        assert "kan bara läsas" in capsys.readouterr().err
        assert main(["--db", path, "backup"]) == 0  # reading is allowed
        capsys.readouterr()
        assert main(["--db", path, "restore", "--latest"]) == 2
        assert "redan öppen i Trygghetsråd på datorn" in capsys.readouterr().err
    finally:
        holder.kill()
        holder.wait()
    # The holder was killed: its lock is stale and is taken over at once.
    time.sleep(0.05)
    assert main(["--db", str(database.path), "erase", "person", "1"]) == 0
    assert _names(database) == ["Borttagen person"]


def test_export_person_and_erase_person(database, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    with database.session() as s:
        person = register.create_person(s, name="Eva Ek", email="eva@example.org").id
    out = tmp_path / "eva.json"
    assert main(["--db", str(database.path), "export", "person", str(person), str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["person"]["email"] == "eva@example.org"
    assert main(["--db", str(database.path), "erase", "person", str(person)]) == 0
    assert "Detta kan inte ångras" in capsys.readouterr().out
    assert _names(database) == ["Borttagen person"]
    assert any(b.reason == backups.BEFORE_ERASE for b in backups.list_backups(database.path))
