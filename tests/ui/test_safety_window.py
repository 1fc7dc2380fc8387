"""The one whole-window session of issue 7: offline, locked, backed up, restorable, flushed."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit, QMessageBox

from trygghetsrad.db import backups, lock
from trygghetsrad.services import backup, register


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every attempt to open a network connection from Python fails the test."""
    attempts: list[str] = []

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        attempts.append(repr(args)[:80])
        raise OSError("network forbidden in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


SECOND = """
import sys
from pathlib import Path
from trygghetsrad.db.engine import LockMode, open_database
from trygghetsrad.errors import UserError
try:
    open_database(Path(sys.argv[1]), lock=LockMode.EXCLUSIVE)
except UserError as exc:
    print(exc)
    sys.exit(3)
"""


def test_whole_window_session(qtbot, tmp_path: Path, monkeypatch, no_network) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui import main_window
    from trygghetsrad.ui.dialogs import restore
    from trygghetsrad.ui.safety import open_for_window
    from trygghetsrad.ui.widgets.autosave import FieldAutosave

    messages: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda *a, **k: messages.append(a[2]) or QMessageBox.Ok
    )
    monkeypatch.setattr(
        QMessageBox, "warning", lambda *a, **k: messages.append(a[2]) or QMessageBox.Ok
    )
    path = tmp_path / "fönster.sqlite"
    database = open_for_window(path)
    assert database is not None and lock.holds(path)
    assert [b.reason for b in backups.list_backups(path)] == [backups.AUTOMATIC]

    window = main_window.MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    for key, _title, _spec in main_window.TABS:  # every page is built and shown once
        window.show_tab(key)
    assert window.restore_action.text() == "Å&terställ från säkerhetskopia…"

    # A second program on the same file is refused with a Swedish message naming us.
    second = subprocess.run(
        [sys.executable, "-c", SECOND, str(path)], capture_output=True, text=True, timeout=60
    )
    assert second.returncode == 3
    assert "redan öppen i Trygghetsråd på datorn" in second.stdout

    # Restore: the backup comes back, the current state is kept aside, the lock stays ours.
    with window.ctx.database.session() as s:
        register.create_person(s, name="Före Kopian")
    saved = backup.backup_now(window.ctx.database, backups.AUTOMATIC)
    with window.ctx.database.session() as s:
        register.create_person(s, name="Efter Kopian")
    assert restore.perform_restore(window, saved)
    with window.ctx.database.session() as s:
        assert [p.name for p in register.list_people(s)] == ["Före Kopian"]
    assert "finns kvar som" in messages[-1]
    assert lock.holds(path)
    assert any(b.reason == backups.BEFORE_RESTORE for b in backups.list_backups(path))

    # The daily backup while the program runs.
    count = len(backups.list_backups(path))
    monkeypatch.setattr(backup, "backup_due", lambda *a, **k: True)
    task = window.safety.daily_backup()  # made in a worker thread
    qtbot.waitUntil(lambda: not task.running, timeout=20000)
    assert len(backups.list_backups(path)) == count + 1

    # The file deleted while open: noticed, and written back from what is still open.
    with window.ctx.database.session() as s:
        register.create_person(s, name="Bara i minnet")
    path.unlink()
    monkeypatch.setattr(
        QMessageBox, "warning", lambda *a, **k: messages.append(a[2]) or QMessageBox.Yes
    )
    window.safety.check_presence()
    assert "tagits bort eller flyttats" in messages[-1]
    assert path.exists()
    with window.ctx.database.session() as s:
        assert "Bara i minnet" in [p.name for p in register.list_people(s)]

    # A damaged database reported by any page: the excepthook's handler offers the newest backup.
    from trygghetsrad.db.faults import FaultKind, fault
    from trygghetsrad.ui.safety import handle_fault

    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes
    )
    restores = len([b for b in backups.list_backups(path) if b.reason == backups.BEFORE_RESTORE])
    handle_fault(fault(FaultKind.DAMAGED, path), window)
    assert "skadad" in asked[-1] and "senaste säkerhetskopian" in asked[-1]
    after = [b for b in backups.list_backups(path) if b.reason == backups.BEFORE_RESTORE]
    assert len(after) == restores + 1 and lock.holds(path)

    # Typing not yet stored is stored when the window closes.
    stored: list[str] = []
    field_edit = QLineEdit(window)
    FieldAutosave(field_edit, store=stored.append, delay_ms=60_000)
    qtbot.keyClicks(field_edit, "sista ordet")
    window.close()
    assert stored == ["sista ordet"]
    window.ctx.database.close()
    assert not lock.holds(path) and not lock.lock_path(path).exists()
    assert no_network == []


def test_restore_dialog_describes_the_backup(qtbot, demo_database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.dialogs.restore import RestoreDialog

    backup.backup_now(demo_database, backups.BEFORE_IMPORT)
    dialog = RestoreDialog(demo_database.path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.list.count() == 1
    assert "före import" in dialog.list.item(0).text()
    text = dialog.details.text()
    assert "Personer" in text and "Schemaversion" in text
    assert dialog.restore_button.isEnabled()
