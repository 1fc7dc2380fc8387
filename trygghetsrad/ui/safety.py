"""The window's guard over its database: opening safely, backups, the lock and faults.

- `open_for_window(path)`: takes the one-instance lock, warns about network/synced folders,
  offers to restore the newest backup when the file is damaged, and makes the automatic
  backup after opening (at start-up the window makes it in the background after its first
  paint instead: `backup_in_background`).
- `install(window)`: refreshes the lock's heartbeat every minute, makes the daily backup
  while the program runs, notices a database file deleted while open (and offers to write
  it back from what is still open), and stores pending edits when the application quits.
- `handle_fault(fault, parent)`: shows a database fault in Swedish and, where it helps,
  offers to restore the newest backup. The excepthook routes every DatabaseFault here.
"""

from __future__ import annotations

import logging
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from trygghetsrad import APP_NAME
from trygghetsrad.domain.dates import long_timestamp
from trygghetsrad.errors import UserError
from trygghetsrad.paths import looks_like_network_path
from trygghetsrad.services.database import DatabaseFault, FaultKind, LockMode, lock, open_database
from trygghetsrad.ui.widgets.autosave import flush_all

if TYPE_CHECKING:
    from trygghetsrad.services.database import Database

log = logging.getLogger("trygghetsrad")

HEARTBEAT_MS = 60_000
BACKUP_CHECK_MS = 30 * 60_000
PRESENCE_CHECK_MS = 15_000


def _tr(text: str) -> str:
    return QApplication.translate("safety", text)


def _backups() -> ModuleType:
    """The backup service, imported when first needed (it loads SQLAlchemy)."""
    from trygghetsrad.services import backup

    return backup


def warn_network_path(path: Path, parent: QWidget | None) -> None:
    if not looks_like_network_path(path):
        return
    QMessageBox.warning(
        parent,
        _tr("Databasen ligger i en nätverksmapp"),
        _tr(
            "Databasen {path} ligger på en nätverksenhet eller i en synkroniserad mapp "
            "(till exempel OneDrive). Där kan SQLite-databaser skadas om två datorer eller "
            "synkroniseringen skriver samtidigt. Flytta helst databasen till den lokala "
            "datamappen och använd Säkerhetskopiera till… för att spara kopior i molnet."
        ).format(path=path),
    )


def offer_restore_newest(path: Path, parent: QWidget | None, reason: str) -> bool:
    """Offer to replace the (closed) database at `path` with its newest backup."""
    newest = _backups().newest_backup(path)
    if newest is None:
        QMessageBox.critical(
            parent,
            APP_NAME,
            reason + "\n\n" + _tr("Det finns ingen automatisk säkerhetskopia att återställa."),
        )
        return False
    answer = QMessageBox.question(
        parent,
        APP_NAME,
        reason
        + "\n\n"
        + _tr(
            "Vill du återställa den senaste säkerhetskopian från {when}? Den nuvarande filen "
            "sparas undan först och tas inte bort."
        ).format(when=long_timestamp(newest.made_at)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        lock.acquire(path)
    except UserError as exc:
        QMessageBox.warning(parent, APP_NAME, str(exc))
        return False
    try:
        _backups().restore(path, newest.path)
    except UserError as exc:
        QMessageBox.critical(parent, APP_NAME, str(exc))
        return False
    finally:
        lock.release(path)
    return True


def open_for_window(
    path: Path, parent: QWidget | None = None, *, backup_now: bool = True
) -> Database | None:
    """Open `path` for the window, or explain why not (returns None).

    `backup_now=False` leaves the automatic backup to the caller (the window at start-up
    makes it in the background with `backup_in_background`)."""
    warn_network_path(path, parent)
    for attempt in range(2):
        try:
            database = open_database(path, lock=LockMode.EXCLUSIVE)
        except DatabaseFault as exc:
            if (
                exc.restore_may_help
                and attempt == 0
                and offer_restore_newest(path, parent, str(exc))
            ):
                continue
            if not exc.restore_may_help:
                QMessageBox.warning(parent, _tr("Databasen kunde inte öppnas"), str(exc))
            return None
        except UserError as exc:
            QMessageBox.warning(parent, _tr("Databasen kunde inte öppnas"), str(exc))
            return None
        if backup_now:
            try:
                _backups().automatic_backup(database)
            except UserError as exc:  # a failing backup must not keep the user out
                log.warning("Automatic backup failed: %s", exc)
        return database
    return None


def backup_in_background(window: Any) -> Any:
    """The automatic backup on opening, made in a worker thread (the GUI stays responsive);
    returns the running task.

    SQLite's online backup API copies committed data only, in one read transaction, so a
    write the window makes meanwhile is either wholly in the copy or not at all. A failure
    is logged and shown in the status bar; it never keeps the user out."""
    from trygghetsrad.ui.background import run_in_background

    database = window.ctx.database

    def work(_progress: Any) -> Path | None:
        from trygghetsrad.services.backup import automatic_backup  # loads SQLAlchemy

        return automatic_backup(database)

    def done(made: Path | None) -> None:
        if made is not None:
            log.info("Automatic backup on opening: %s", made)

    def failed(exc: object) -> None:
        log.warning("Automatic backup failed: %s", exc)
        if isinstance(exc, UserError):
            window.statusBar().showMessage(str(exc), 15000)

    return run_in_background(work, parent=window, on_done=done, on_error=failed)


class _Guard(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self._window = window
        self._missing_reported = False
        self._daily_task: Any = None
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(HEARTBEAT_MS)
        self._heartbeat.timeout.connect(self._beat)
        self._heartbeat.start()
        self._backups = QTimer(self)
        self._backups.setInterval(BACKUP_CHECK_MS)
        self._backups.timeout.connect(self.daily_backup)
        self._backups.start()
        self._presence = QTimer(self)
        self._presence.setInterval(PRESENCE_CHECK_MS)
        self._presence.timeout.connect(self.check_presence)
        self._presence.start()
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(flush_all)

    @property
    def database(self) -> Database:
        database: Database = self._window.ctx.database
        return database

    def _beat(self) -> None:
        lock.heartbeat(self.database.path)

    def daily_backup(self) -> Any:
        """Make the daily backup if it is due, in a worker thread (the copy of a big
        database takes a moment; SQLite's online backup copies committed data only).
        Returns the running task, or None when no backup was due."""
        from trygghetsrad.ui.background import run_in_background

        database = self.database
        if self._daily_task is not None or not _backups().backup_due(database):
            return None

        def done(made: Path) -> None:
            self._daily_task = None
            self._window.statusBar().showMessage(
                _tr("Automatisk säkerhetskopia sparad: {path}").format(path=made), 8000
            )

        def failed(exc: object) -> None:
            self._daily_task = None
            log.warning("Daily backup failed: %s", exc)
            if isinstance(exc, UserError):
                self._window.statusBar().showMessage(str(exc), 15000)

        self._daily_task = run_in_background(
            lambda _progress: _backups().backup_now(database, "automatisk"),
            parent=self,
            on_done=done,
            on_error=failed,
        )
        return self._daily_task

    def check_presence(self) -> None:
        if self.database.path.exists():
            self._missing_reported = False
            return
        if self._missing_reported:
            return
        self._missing_reported = True
        offer_rescue(self.database, self._window)


def offer_rescue(database: Database, parent: QWidget | None) -> bool:
    """The file was deleted or moved while open: offer to write it back from what is open."""
    answer = QMessageBox.warning(
        parent,
        _tr("Databasfilen saknas"),
        _tr(
            "Databasfilen {path} har tagits bort eller flyttats medan programmet var öppet. "
            "Programmet har fortfarande innehållet öppet. Vill du skriva tillbaka det till "
            "samma plats nu?"
        ).format(path=database.path),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        _backups().rescue_deleted(database)
    except UserError as exc:
        QMessageBox.critical(parent, APP_NAME, str(exc))
        return False
    window = parent
    if window is not None and hasattr(window, "switch_database"):
        window.switch_database(database.path)
    return True


def install(window: Any) -> QObject:
    """Timers and hooks of the window's guard (see the module docstring)."""
    return _Guard(window)


def handle_fault(fault: DatabaseFault, parent: QWidget | None = None) -> None:
    """Show a database fault; offer what can help (restore, or rescue a deleted file)."""
    window = parent or _main_window()
    database: Database | None = getattr(getattr(window, "ctx", None), "database", None)
    if fault.kind is FaultKind.MISSING and database is not None and not database.path.exists():
        offer_rescue(database, window)
        return
    if fault.kind is FaultKind.DAMAGED and database is not None and window is not None:
        # Imported here to keep start-up light: the dialog loads the backup service (SQLAlchemy).
        from trygghetsrad.ui.dialogs.restore import restore_newest_in_window

        restore_newest_in_window(window, str(fault))
        return
    QMessageBox.warning(window, APP_NAME, str(fault))


def _main_window() -> QWidget | None:
    app = QApplication.instance()
    if app is None:
        return None
    for widget in QApplication.topLevelWidgets():
        if hasattr(widget, "ctx") and widget.isVisible():
            return widget
    return None
