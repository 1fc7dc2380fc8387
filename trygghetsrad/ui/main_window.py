"""The main window: four workspace tabs, the menus, and the status bar naming the database.

It owns the wiring between the pages: navigation (`open_record` and `show_area`, which the
pages ask for through `ctx.events`), the search field and Ctrl+F (`ui.search.Search`) and
the autosave registry that pages with a timer of their own join (`ctx.autosave`).

Start-up (see app.run_gui): the window can be built from a database path before the
database is open. It then paints its current tab from a plain sqlite3 glance (first paint
with data), opens the database right after that paint, builds the real page in the
glance's place and emits `startup_complete` once that page has painted.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from trygghetsrad import APP_NAME
from trygghetsrad.domain.changes import Area
from trygghetsrad.errors import UserError
from trygghetsrad.ui.autosave_registry import AutosaveRegistry
from trygghetsrad.ui.context import AppContext, AppEvents
from trygghetsrad.ui.lazy_tab import LazyTab
from trygghetsrad.ui.safety import install as install_safety
from trygghetsrad.ui.safety import open_for_window
from trygghetsrad.ui.search import Search
from trygghetsrad.ui.widgets.autosave import connect_session_end, flush_all
from trygghetsrad.ui.widgets.screen import fit_window

if TYPE_CHECKING:
    from trygghetsrad.domain.calendar_items import Owner
    from trygghetsrad.services.database import Database

# key, Swedish title, "module:factory" building the page from an AppContext.
TABS: list[tuple[str, str, str]] = [
    ("meetings", "Möten", "trygghetsrad.ui.meetings.page:MeetingsPage"),
    ("actions", "Uppdrag", "trygghetsrad.ui.actions.page:ActionsPage"),
    ("wheel", "Årshjul", "trygghetsrad.ui.wheel.page:WheelPage"),
    ("situation", "Lägesbild", "trygghetsrad.ui.situation.page:SituationPage"),
    ("register", "Register", "trygghetsrad.ui.register.page:RegisterPage"),
]

# The tab that shows the records of each area (`Owner.area`, `show_area`).
AREA_TABS: dict[Area, str] = {
    Area.REGISTER: "register",
    Area.MEETINGS: "meetings",
    Area.WHEEL: "wheel",
    Area.SITUATION: "situation",
    Area.ACTION_PLAN: "situation",
}


def drop_source_cache() -> None:
    """Forget the source lines PySide6 read while modules were imported.

    PySide6 reads the source of every module imported after it, to see whether it uses
    PySide6 (its `__feature__` support), and Python's linecache keeps all of it: about
    20 MB once SQLAlchemy and a page are loaded. It is only a cache (a traceback reads
    the file again), so start-up drops it after each big import step, which keeps the
    window's peak memory down."""
    import linecache

    linecache.clearcache()


def qsettings() -> QSettings:
    return QSettings("Trygghetsrad", "Trygghetsrad")


def _each_once(*keys: QKeySequence | QKeySequence.StandardKey) -> list[QKeySequence]:
    """The keys, a standard key as all its platform bindings, each once: Qt takes an action
    that holds a key twice for two owners of it, and then the key does nothing."""
    found: list[QKeySequence] = []
    for key in keys:
        for sequence in (
            QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) else [key]
        ):
            if sequence not in found:
                found.append(sequence)
    return found


class MainWindow(QMainWindow):
    first_paint_with_data = Signal()  # the current tab painted its data (glance or page)
    startup_complete = Signal()  # the database is open and the current tab's page painted
    startup_failed = Signal(str)  # the database could not be opened after the first paint
    database_switched = Signal(object)  # Path

    def __init__(
        self,
        database: Database | None,
        parent: QWidget | None = None,
        *,
        path: Path | None = None,
        opener: Callable[[], Database] | None = None,
    ) -> None:
        """A window on an open `database`, or on the file at `path` that `opener` opens
        right after the first paint (the current tab shows a glance until then)."""
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(APP_NAME)
        self.resize(1280, 820)
        self.undo_group = QUndoGroup(self)
        self.events = AppEvents(self)
        self.autosave = AutosaveRegistry()  # pages with their own autosave timer join it
        self.ctx = AppContext(
            database, self.events, self.undo_group, path=path, opener=opener, autosave=self.autosave
        )
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(self.tr("Arbetsytor"))
        self.setCentralWidget(self.tabs)
        self._db_label = QLabel()
        self.statusBar().addPermanentWidget(self._db_label)
        self.events.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self._build_menus()
        self._build_search()
        self.events.open_record.connect(self.open_record)
        self.events.show_area.connect(self.show_area)
        self._build_tabs()
        self._restore_state()
        fit_window(self)  # 1280x820 is a preference: a 1366x768 laptop has less room
        self._update_db_label()
        self.safety = install_safety(self)  # lock heartbeat, daily backup, deleted-file check
        connect_session_end()  # log out, shut down, SIGTERM: pending edits are stored first

    # -- construction ----------------------------------------------------------------------

    def _build_tabs(self) -> None:
        self.tabs.blockSignals(True)
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            widget.deleteLater()
        for key, title, spec in TABS:
            tab = LazyTab(key, spec, self.ctx, glance=self._glance)
            tab.painted.connect(self._on_tab_painted)
            tab.page_painted.connect(self._on_tab_page_painted)
            self.tabs.addTab(tab, self.tr(title))
        self.tabs.blockSignals(False)
        self._first_paint_sent = False
        self._startup_complete_sent = False

    def _glance(self, key: str, parent: QWidget) -> QWidget:
        """What tab `key` shows until the database is open: its glance, else "Läser in …"."""
        from trygghetsrad.ui.glance import build_glance, loading_view

        return build_glance(key, self.ctx.path, parent) or loading_view(parent)

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        archive = bar.addMenu(self.tr("&Arkiv"))
        # Ctrl+N and Ctrl+P act on the page shown: one binding each, never a page's own too.
        self.new_record_action = self._action(
            self.tr("&Ny post på sidan…"), self._on_new_record, QKeySequence.StandardKey.New
        )
        archive.addAction(self.new_record_action)
        self.print_action = self._action(
            self.tr("Skriv &ut…"), self._on_print, QKeySequence.StandardKey.Print
        )
        archive.addAction(self.print_action)
        archive.addSeparator()
        archive.addAction(self._action(self.tr("N&y databas…"), self._on_new_database))
        archive.addAction(
            self._action(
                self.tr("&Öppna databas…"), self._on_open_database, QKeySequence.StandardKey.Open
            )
        )
        archive.addSeparator()
        self.backup_action = self._action(self.tr("&Säkerhetskopiera till…"), self._on_backup)
        archive.addAction(self.backup_action)
        self.restore_action = self._action(
            self.tr("Å&terställ från säkerhetskopia…"), self._on_restore
        )
        archive.addAction(self.restore_action)
        archive.addSeparator()
        archive.addAction(
            self._action(
                self.tr("&Inställningar…"), self._on_settings, QKeySequence.StandardKey.Preferences
            )
        )
        archive.addSeparator()
        archive.addAction(
            self._action(self.tr("&Avsluta"), self.close, QKeySequence.StandardKey.Quit)
        )
        self.archive_menu = archive

        edit = bar.addMenu(self.tr("&Redigera"))
        undo = self.undo_group.createUndoAction(self, self.tr("&Ångra"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_group.createRedoAction(self, self.tr("&Gör om"))
        redo.setShortcuts(
            _each_once(
                QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo
            )
        )
        edit.addAction(undo)
        edit.addAction(redo)
        self.edit_menu = edit

        help_menu = bar.addMenu(self.tr("&Hjälp"))
        help_menu.addAction(
            self._action(
                self.tr("&Om Trygghetsråd…"), self._on_about, QKeySequence.StandardKey.HelpContents
            )
        )
        self.help_menu = help_menu

    def _build_search(self) -> None:
        """The search field in the menu bar and "Sök i allt…" (Ctrl+F) in the Edit menu."""
        self.search = Search(self.ctx, self)
        self.menuBar().setCornerWidget(self.search.field, Qt.Corner.TopRightCorner)
        self.addAction(self.search.action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.search.action)

    # -- state -----------------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = qsettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        last = settings.value("window/tab", "meetings")
        for index, (key, _title, _spec) in enumerate(TABS):
            if key == last:
                self.tabs.setCurrentIndex(index)

    def _save_state(self) -> None:
        settings = qsettings()
        settings.setValue("window/geometry", self.saveGeometry())
        current = self.tabs.currentWidget()
        if isinstance(current, LazyTab):
            settings.setValue("window/tab", current.key)
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        # Pending autosaves are stored before the window goes; an edit that cannot be
        # stored (shown in red at its field) is not dropped without asking.
        if not self.may_leave_edits(self.tr("Stäng ändå"), self.tr("stängs")):
            event.ignore()
            return
        self._save_state()
        # Work still reading or writing in the background (a page's read, an export) ends
        # before whoever opened the database closes it after the window.
        QThreadPool.globalInstance().waitForDone(30_000)
        super().closeEvent(event)

    def _update_db_label(self) -> None:
        path = self.ctx.path
        self._db_label.setText(self.tr("Databas: {path}").format(path=path))
        self._db_label.setToolTip(str(path))
        self.setWindowTitle(f"{APP_NAME} – {path.name}")

    def _on_tab_painted(self) -> None:
        if not self._first_paint_sent:
            self._first_paint_sent = True
            QTimer.singleShot(0, self.first_paint_with_data.emit)
            if not self.ctx.is_open:  # right after this paint, not before it
                QTimer.singleShot(0, self.finish_start)

    def _on_tab_page_painted(self) -> None:
        if not self._startup_complete_sent and self.ctx.is_open:
            self._startup_complete_sent = True
            QTimer.singleShot(0, self._complete_start)

    def _complete_start(self) -> None:
        # A page may finish its own start right after its first paint (Möten opens the
        # meeting to work on then): start-up is complete when that is done too.
        current = self.tabs.currentWidget()
        settle = getattr(getattr(current, "page", None), "settle", None)
        if callable(settle):
            settle()
        self.startup_complete.emit()

    def finish_start(self) -> None:
        """Open the database (if a command has not already) and build the current page.

        The page takes the place of the glance; `startup_complete` follows its paint."""
        drop_source_cache()
        try:
            self.ctx.database  # noqa: B018 - opens it (AppContext.database is opened on first use)
        except UserError as exc:  # the opener has explained it to the user
            self.startup_failed.emit(str(exc))
            return
        drop_source_cache()
        current = self.tabs.currentWidget()
        if isinstance(current, LazyTab):
            current.ensure_page()
        drop_source_cache()

    def page(self, key: str) -> QWidget:
        """The page of the tab `key`, built if needed (used by tests and by search)."""
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if isinstance(tab, LazyTab) and tab.key == key:
                return tab.ensure_page()
        raise KeyError(key)

    def show_tab(self, key: str) -> QWidget:
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if isinstance(tab, LazyTab) and tab.key == key:
                self.tabs.setCurrentIndex(index)
                return tab.ensure_page()
        raise KeyError(key)

    def show_area(self, area: Area) -> QWidget | None:
        """Show the tab of `area`'s workspace (asked for with `ctx.events.show_area`)."""
        key = AREA_TABS.get(area)
        return self.show_tab(key) if key is not None else None

    def open_record(self, owner: Owner) -> bool:
        """Show the tab of `owner`'s workspace and let its page open the record (asked for
        with `ctx.events.open_record`: search hits, the wheel, undo of a moved action)."""
        page = self.show_area(owner.area)
        opener = getattr(page, "open_record", None)
        return callable(opener) and opener(owner) is not False

    # -- the page shown ----------------------------------------------------------------------

    def current_page(self) -> QWidget | None:
        tab = self.tabs.currentWidget()
        return tab.ensure_page() if isinstance(tab, LazyTab) and self.ctx.is_open else None

    def _on_new_record(self) -> None:
        new = getattr(self.current_page(), "new_record", None)
        if callable(new):
            new()

    def _on_print(self) -> None:
        """Print the page's document (notice or minutes, poster, report) from its PDF."""
        from trygghetsrad.ui.widgets.print_preview import pages_or_none, print_pdf

        printable = getattr(self.current_page(), "printable", None)
        document = printable() if callable(printable) else None
        if document is None:
            self.statusBar().showMessage(
                self.tr(
                    "Här finns inget dokument att skriva ut; välj ett möte, årshjulet, "
                    "en lägesbild eller en åtgärdsplan."
                ),
                8000,
            )
            return
        title, render = document

        def work(_progress: object) -> tuple[bytes, object]:
            # The PDF and its page images are made off the GUI thread: a report of ten
            # years is tens of pages (pages_or_none is None without QtPdf).
            data = render()
            return data, pages_or_none(data)

        from trygghetsrad.errors import UserError
        from trygghetsrad.ui.background import run_modal

        try:
            data, pages = run_modal(self, self.tr("Förbereder utskriften"), work, cancellable=False)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Skriv ut"), str(exc))
            return
        dialog = print_pdf(self, title, data, pages)
        if dialog is not None:
            self.print_dialog = dialog
            dialog.open()

    # -- database --------------------------------------------------------------------------

    def may_leave_edits(self, go_on: str, what: str) -> bool:
        """Store every pending edit; if one is refused, ask (see widgets/unsaved.py)."""
        from trygghetsrad.ui.widgets.unsaved import flush_or_ask

        hint = self.tr(
            "Gå tillbaka för att rätta det som är markerat i rött, eller fortsätt: "
            "det du skrev sparas då inte när programmet {what}."
        ).format(what=what)
        return flush_or_ask(self, go_on, hint)

    def switch_database(self, path: Path, *, ask: bool = False) -> bool:
        """Open `path` in this window; `ask` (the menu commands): ask first when an edit
        cannot be stored (a restore has asked already)."""
        if ask:
            if not self.may_leave_edits(self.tr("Byt databas ändå"), self.tr("byter databas")):
                return False
        else:
            flush_all()
        database = open_for_window(path, self)  # lock, faults, backup; explains a refusal
        if database is None:
            return False
        old = self.ctx.database
        self.undo_group.setActiveStack(None)
        for stack in list(self.undo_group.stacks()):
            self.undo_group.removeStack(stack)
        self.ctx.database = database
        self._build_tabs()
        self._update_db_label()
        old.close()
        self.database_switched.emit(path)
        return True

    def _on_new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Ny databas"),
            str(self.ctx.path.parent / "ny-databas.sqlite"),
            self.tr("Trygghetsråd-databas (*.sqlite)"),
        )
        if not path:
            return
        target = Path(path)
        if target.exists():
            QMessageBox.warning(
                self,
                self.tr("Filen finns redan"),
                self.tr(
                    "Välj ett namn som inte redan används; befintliga filer skrivs aldrig över."
                ),
            )
            return
        if self.switch_database(target, ask=True):
            from trygghetsrad.ui.dialogs.welcome import offer_example_data

            offer_example_data(self, self.ctx)

    def _on_open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Öppna databas"),
            str(self.ctx.path.parent),
            self.tr("Trygghetsråd-databas (*.sqlite *.db);;Alla filer (*)"),
        )
        if path:
            self.switch_database(Path(path), ask=True)

    def _on_backup(self) -> None:
        from trygghetsrad.ui.dialogs.backup import backup_to_file

        backup_to_file(self, self.ctx)

    def _on_restore(self) -> None:
        from trygghetsrad.ui.dialogs.restore import restore_from_backup

        restore_from_backup(self)

    def _on_settings(self) -> None:
        from trygghetsrad.ui.dialogs.settings import SettingsDialog

        SettingsDialog(self.ctx, self).exec()

    def _on_about(self) -> None:
        from trygghetsrad.ui.dialogs.about import AboutDialog

        AboutDialog(self.ctx.path, self).exec()
