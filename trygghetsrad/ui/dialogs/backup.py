"""Arkiv → Säkerhetskopiera till…: a consistent copy of the open database to a chosen file.

The copy runs off the GUI thread behind a progress dialog with "Avbryt"; it is written
beside the target and moved into place, so a cancelled copy leaves no file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from trygghetsrad.errors import UserError
from trygghetsrad.services.backup import backup_to
from trygghetsrad.ui.background import Cancelled, Progress, run_modal
from trygghetsrad.ui.context import AppContext


def backup_to_file(window: QMainWindow, ctx: AppContext) -> Path | None:
    """Copy the open database to a file the user picks; the path, or None if none was made.
    The outcome is said in the window's status bar."""
    database = ctx.database
    suggestion = database.path.with_name(
        f"{database.path.stem}-kopia-{datetime.now():%Y-%m-%d}.sqlite"
    )
    path, _ = QFileDialog.getSaveFileName(
        window,
        window.tr("Säkerhetskopiera till"),
        str(suggestion),
        window.tr("Trygghetsråd-databas (*.sqlite)"),
    )
    if not path:
        return None
    copying = window.tr("Kopierar databasen till {name}…").format(name=Path(path).name)

    def work(progress: Progress) -> Path:
        def step(_status: int, remaining: int, total: int) -> None:
            progress.check()  # Cancelled stops the copy; the temporary file is removed
            progress.report(total - remaining, total, copying)

        progress.report(0, 0, copying)
        return backup_to(database, Path(path), step)

    try:
        target: Path = run_modal(window, window.tr("Säkerhetskopierar"), work)
    except Cancelled:
        window.statusBar().showMessage(
            window.tr("Säkerhetskopieringen avbröts; ingen fil sparades."), 8000
        )
        return None
    except UserError as exc:
        QMessageBox.warning(window, window.tr("Säkerhetskopian misslyckades"), str(exc))
        return None
    window.statusBar().showMessage(
        window.tr("Säkerhetskopia sparad: {path}").format(path=target), 8000
    )
    return target
