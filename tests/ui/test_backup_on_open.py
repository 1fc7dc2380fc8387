"""The automatic backup on opening runs in a worker thread once the window is up."""

from __future__ import annotations

from pathlib import Path

from trygghetsrad.db import backups
from trygghetsrad.services import register


def test_backup_in_background_copies_what_was_committed(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.main_window import MainWindow
    from trygghetsrad.ui.safety import backup_in_background, open_for_window

    path = tmp_path / "råd.sqlite"
    database = open_for_window(path, backup_now=False)
    assert database is not None
    assert backups.list_backups(path) == []  # nothing copied before the window is up
    with database.session() as s:
        register.create_person(s, name="Åsa Öberg")
    window = MainWindow(database)
    qtbot.addWidget(window)
    task = backup_in_background(window)
    with database.session() as s:  # the window keeps working meanwhile
        register.create_person(s, name="Bertil Ek")
    qtbot.waitUntil(lambda: not task.running, timeout=20000)
    [made] = backups.list_backups(path)
    assert made.reason == backups.AUTOMATIC
    import sqlite3

    with sqlite3.connect(made.path) as conn:
        names = {row[0] for row in conn.execute("SELECT name FROM people")}
    assert "Åsa Öberg" in names  # committed before: in the copy, whole
    assert window.statusBar().currentMessage() == ""  # nothing went wrong to tell
    database.close()
