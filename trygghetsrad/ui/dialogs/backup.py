"""Arkiv → Säkerhetskopiera till…: a consistent copy of the open database to a chosen file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from trygghetsrad.errors import UserError
from trygghetsrad.services.backup import backup_to


def backup_to_file(window: QWidget) -> Path | None:
    database = window.ctx.database  # type: ignore[attr-defined]
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
    try:
        target = backup_to(database, Path(path))
    except UserError as exc:
        QMessageBox.warning(window, window.tr("Säkerhetskopian misslyckades"), str(exc))
        return None
    window.statusBar().showMessage(
        window.tr("Säkerhetskopia sparad: {path}").format(path=target), 8000
    )  # type: ignore[attr-defined]
    return target
