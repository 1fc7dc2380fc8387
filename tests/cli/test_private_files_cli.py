"""Under the usual umask 022 nobody but the user can read the personal data: the database and
its -wal/-shm, the lock, every backup, the log, `export data`/`export person` files and the
folders the app creates (issue 15, point 4). Other documents follow the umask."""

from __future__ import annotations

import json
import logging
import stat
from pathlib import Path

import pytest

from trygghetsrad.cli import main, setup_logging
from trygghetsrad.db import backups, lock
from trygghetsrad.db.engine import LockMode, open_database
from trygghetsrad.paths import data_dir, log_dir, log_file
from trygghetsrad.services import register


@pytest.fixture(autouse=True)
def _umask(umask_022: None) -> None:
    """Every test here runs under the usual umask 022."""


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _private_folders(top: Path, bottom: Path) -> None:
    for level in [bottom, *bottom.parents]:
        assert _mode(level) == 0o700, level
        if level == top:
            return
    raise AssertionError(f"{top} is not above {bottom}")


def test_a_new_database_path_and_everything_beside_it_is_private(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "nya" / "rådet" / "trygghet.sqlite"
    assert main(["--db", str(db), "demo"]) == 0  # creates the file (a reading command would not)
    _private_folders(tmp_path / "nya", db.parent)
    assert _mode(db) == 0o600

    database = open_database(db, lock=LockMode.EXCLUSIVE)
    try:
        with database.session() as s:
            person = register.create_person(s, name="Elin Ung", email="elin@example.org").id
        for side in ("-wal", "-shm"):
            assert _mode(db.with_name(db.name + side)) == 0o600, side
        assert _mode(lock.lock_path(db)) == 0o600
    finally:
        database.close()

    assert main(["--db", str(db), "backup"]) == 0
    [automatic] = backups.list_backups(db)
    _private_folders(data_dir(), automatic.path.parent)
    assert _mode(automatic.path) == 0o600

    everything, one = tmp_path / "allt.json", tmp_path / "elin.json"
    assert main(["--db", str(db), "export", "data", str(everything)]) == 0
    assert main(["--db", str(db), "export", "person", str(person), str(one)]) == 0
    assert json.loads(one.read_text(encoding="utf-8"))["person"]["name"] == "Elin Ung"
    assert _mode(everything) == 0o600 and _mode(one) == 0o600
    calendar = tmp_path / "årshjul.ics"
    assert main(["--db", str(db), "export", "wheel-ics", "2026", str(calendar)]) == 0
    assert _mode(calendar) == 0o644  # an ordinary document follows the umask

    assert main(["--db", str(db), "erase", "person", str(person)]) == 0
    [before_erase] = [b for b in backups.list_backups(db) if b.reason == backups.BEFORE_ERASE]
    assert _mode(before_erase.path) == 0o600  # still holds the erased person

    copy = tmp_path / "kopia.sqlite"
    assert main(["--db", str(db), "backup", str(copy)]) == 0
    assert _mode(copy) == 0o600
    assert main(["--db", str(db), "restore", str(copy)]) == 0
    assert _mode(db) == 0o600
    capsys.readouterr()


def test_the_copy_before_a_migration_is_private(tmp_path: Path) -> None:
    from trygghetsrad.db.migrate import upgrade

    old = tmp_path / "gammal.sqlite"
    upgrade(old, copy_aside=False, target="0002_meetings")
    open_database(old).close()
    [copy] = [b for b in backups.list_backups(old) if b.reason == backups.BEFORE_MIGRATION]
    assert _mode(copy.path) == 0o600
    _private_folders(data_dir(), copy.path.parent)


def test_the_log_is_private(monkeypatch: pytest.MonkeyPatch) -> None:
    root = logging.getLogger("trygghetsrad")
    monkeypatch.setattr(root, "handlers", [])
    setup_logging()
    try:
        root.error("ett fel med personuppgifter i meddelandet")
        for handler in root.handlers:
            handler.flush()
        assert "personuppgifter" in log_file().read_text(encoding="utf-8")
        assert _mode(log_file()) == 0o600
        assert _mode(log_dir()) == 0o700
    finally:
        for handler in root.handlers:
            handler.close()
