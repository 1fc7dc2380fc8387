"""Composition root of the GUI: paths, database, QApplication, translations, MainWindow."""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QLibraryInfo, QLocale, QSize, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from trygghetsrad import APP_NAME, __version__
from trygghetsrad.errors import UserError
from trygghetsrad.paths import log_file, resolve_db_path, resource

log = logging.getLogger("trygghetsrad")

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The application icon at every size it is drawn in (rendered by packaging/make_icons.py)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource("icons", f"trygghetsrad-{size}.png")), QSize(size, size))
    return icon


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

    apply_style(app)
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


def run_gui(args: argparse.Namespace) -> int:
    from trygghetsrad.db.engine import FileState, LockMode, inspect_file, open_database

    app = make_application()
    path = resolve_db_path(args.db)
    try:
        is_new = inspect_file(path).state is FileState.NEW
    except UserError:
        is_new = False  # open_for_window explains the problem (and may offer a backup)
    if args.exit_after_startup:
        try:
            database = open_database(path, lock=LockMode.EXCLUSIVE)
        except UserError as exc:
            print(f"trygghetsrad: {exc}", file=sys.stderr)
            return 2
    else:
        from trygghetsrad.ui.safety import open_for_window

        # One instance per file, network-folder warning, restore offer, automatic backup.
        opened = open_for_window(path)
        if opened is None:
            print(f"trygghetsrad: {path}", file=sys.stderr)
            return 2
        database = opened

    from trygghetsrad.ui.main_window import MainWindow

    window = MainWindow(database)
    if args.exit_after_startup:
        window.first_paint_with_data.connect(app.quit)
        QTimer.singleShot(60_000, lambda: app.exit(1))
        window.show()
        code = app.exec()
        database.close()
        return code
    install_excepthook()
    window.show()
    if is_new:
        from trygghetsrad.ui.dialogs.welcome import offer_example_data

        QTimer.singleShot(0, lambda: offer_example_data(window))
    code = app.exec()
    window.ctx.database.close()
    return code
