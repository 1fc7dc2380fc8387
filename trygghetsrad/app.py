"""Composition root of the GUI: paths, database, QApplication, translations, MainWindow."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QSize, QThreadPool, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from trygghetsrad import APP_NAME, __version__
from trygghetsrad.errors import UserError
from trygghetsrad.paths import log_file, looks_like_network_path, resolve_db_path, resource
from trygghetsrad.source_lines import skip_pyside_source_scan

if TYPE_CHECKING:
    from trygghetsrad.db.engine import Database
    from trygghetsrad.ui.main_window import MainWindow

log = logging.getLogger("trygghetsrad")

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The application icon at every size it is drawn in (rendered by packaging/make_icons.py)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource("icons", f"trygghetsrad-{size}.png")), QSize(size, size))
    return icon


def missing_resources() -> list[Path]:
    """The icons, fonts and licence texts the program reads that are not where it looks."""
    from trygghetsrad.licenses import app_licence, third_party_licences

    wanted = [resource("icons", f"trygghetsrad-{size}.png") for size in ICON_SIZES]
    wanted += [
        resource("fonts", f"LiberationSans-{style}.ttf")
        for style in ("Regular", "Bold", "Italic", "BoldItalic")
    ]
    wanted += [path for _name, _licence, path in (app_licence(), *third_party_licences())]
    return [path for path in wanted if not path.is_file()]


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or [sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("Trygghetsrad")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("trygghetsrad")  # matches packaging/linux/trygghetsrad.desktop
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    translator = QTranslator(app)
    if translator.load("qtbase_sv", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
    from trygghetsrad.ui.style import apply_style
    from trygghetsrad.ui.widgets.field_policy import install_field_policy

    apply_style(app)
    install_field_policy(app)  # the wheel scrolls forms; locked fields show no examples
    return app


def install_excepthook() -> None:
    """Bugs are logged with their traceback and reported in a dialog naming the log file."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        from trygghetsrad.db.faults import DatabaseFault

        if isinstance(value, DatabaseFault):  # busy, read-only, full disk, damaged, deleted
            from trygghetsrad.ui.safety import handle_fault

            handle_fault(value)
            return
        if isinstance(value, UserError):
            QMessageBox.warning(None, APP_NAME, str(value))
            return
        log.error("Unhandled exception:\n%s", "".join(traceback.format_exception(kind, value, tb)))
        QMessageBox.critical(
            None,
            QApplication.translate("app", "Ett oväntat fel"),
            QApplication.translate(
                "app",
                "Ett oväntat fel inträffade. Ditt arbete är sparat fram till den senaste ändringen.\n\n"
                "Detaljer har skrivits till loggfilen:\n{path}",
            ).format(path=log_file()),
        )

    sys.excepthook = hook


def install_quiet_excepthook(app: QApplication, failed: list[str]) -> None:
    """--exit-after-startup: an error while starting ends the run at once with one line.

    A fault the user can act on (a damaged page, a locked file) exits 2 with its message; a
    bug exits 1 and its traceback goes to the log file, not to the terminal."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if isinstance(value, UserError):
            failed.append(str(value))
            app.exit(2)
            return
        log.error(
            "Unhandled exception at start-up:\n%s",
            "".join(traceback.format_exception(kind, value, tb)),
        )
        failed.append(
            QApplication.translate(
                "app", "ett oväntat fel inträffade; detaljer finns i {path}"
            ).format(path=log_file())
        )
        app.exit(1)

    sys.excepthook = hook


def _window_from_glance(path: Path, quiet: bool) -> MainWindow | None:
    """The fast start: a window that paints its tab from a sqlite3 glance, then opens.

    Only for a file that is current (no migration, not new, not damaged as far as the
    inspection sees), not in a network folder (that warning comes before the window) and
    not open in another window: the lock is taken here, before the first paint. Returns
    None when the usual way (open, then show) must explain or fix something first."""
    from trygghetsrad.db import lock
    from trygghetsrad.ui.main_window import MainWindow

    if looks_like_network_path(path):
        return None
    try:
        lock.acquire(path)
    except UserError:
        return None  # in use elsewhere: the usual way says by whom
    held = [True]

    def release() -> None:  # our own hold; the open database holds the lock from then on
        if held:
            held.clear()
            lock.release(path)

    def opener() -> Database:
        from trygghetsrad.db.engine import LockMode, open_database
        from trygghetsrad.ui.safety import open_for_window

        try:
            if quiet:
                return open_database(path, lock=LockMode.EXCLUSIVE)
            database = open_for_window(path, window, backup_now=False)
            if database is None:  # open_for_window has told the user why
                raise UserError(str(path))
            return database
        finally:
            release()

    window = MainWindow(None, path=path, opener=opener)
    app = QApplication.instance()
    assert app is not None  # the window is only built once the application exists
    app.aboutToQuit.connect(release)
    return window


def run_gui(args: argparse.Namespace) -> int:
    skip_pyside_source_scan()  # before the imports of start-up (start-up time)
    # Start-up time: the cyclic garbage collector would walk the young objects of every
    # import and of the page built about 200 times before the window is usable, for garbage
    # that hardly exists yet (peak memory measured the same). It runs again once start-up
    # is over or has failed, at the latest after ten seconds (a dialog before the window);
    # see `resume_collection`.
    gc.disable()
    try:
        return _run_window(args)
    finally:
        gc.enable()


def resume_collection() -> None:
    """Run the cyclic garbage collector again after start-up. What start-up built (modules,
    classes, the window) is frozen first: it stays for the whole session, and without this
    the first collection would walk all of it at once, a pause of some 30 ms just as the
    window became usable, and every full collection after it again."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _run_window(args: argparse.Namespace) -> int:
    from trygghetsrad.db.inspection import FileState, inspect_file

    app = make_application()
    QTimer.singleShot(10_000, resume_collection)
    path = resolve_db_path(args.db)
    quiet = bool(args.exit_after_startup)
    if quiet and (missing := missing_resources()):
        # The start-up check (the frozen build's smoke test): an install without its icons,
        # fonts or licence texts is broken even if the window comes up without them.
        print(
            "trygghetsrad: "
            + QApplication.translate(
                "app", "programfiler saknas (installationen är ofullständig): {files}"
            ).format(files=", ".join(str(path) for path in missing)),
            file=sys.stderr,
        )
        return 1
    try:
        state: FileState | None = inspect_file(path).state
    except UserError:
        state = None  # open_for_window explains the problem (and may offer a backup)
    window = _window_from_glance(path, quiet) if state is FileState.CURRENT else None
    if window is None:  # new, migration due, damaged, in use, network folder: open first
        from trygghetsrad.ui.main_window import MainWindow, drop_source_cache

        database = _open_before_window(path, quiet)
        if database is None:
            return 2
        drop_source_cache()
        window = MainWindow(database)
    failed: list[str] = []

    def startup_failed(message: str) -> None:
        failed.append(message)
        window.hide()
        app.exit(2)

    window.startup_failed.connect(startup_failed)
    window.startup_failed.connect(resume_collection)
    window.startup_complete.connect(resume_collection)
    if quiet:
        install_quiet_excepthook(app, failed)
        window.startup_complete.connect(app.quit)
        QTimer.singleShot(60_000, lambda: app.exit(1))
    else:
        from trygghetsrad.ui.safety import backup_in_background

        install_excepthook()
        window.startup_complete.connect(lambda: backup_in_background(window))
    window.show()
    if state is FileState.NEW and not quiet:
        from trygghetsrad.ui.dialogs.welcome import offer_example_data

        QTimer.singleShot(0, lambda: offer_example_data(window, window.ctx))
    code = app.exec()
    if failed:
        if quiet:
            print(f"trygghetsrad: {failed[-1]}", file=sys.stderr)
        return code if quiet and code == 1 else 2
    QThreadPool.globalInstance().waitForDone(30_000)  # the backup, an export still writing
    if window.ctx.is_open:  # closed during the glance: there is nothing to close
        window.ctx.database.close()
    return code


def _open_before_window(path: Path, quiet: bool) -> Database | None:
    if quiet:
        from trygghetsrad.db.engine import LockMode, open_database

        try:
            return open_database(path, lock=LockMode.EXCLUSIVE)
        except UserError as exc:
            print(f"trygghetsrad: {exc}", file=sys.stderr)
            return None
    from trygghetsrad.ui.safety import open_for_window

    # One instance per file, network-folder warning, restore offer; the automatic backup
    # is made in the background once the window is up.
    database = open_for_window(path, backup_now=False)
    if database is None:
        print(f"trygghetsrad: {path}", file=sys.stderr)
    return database
