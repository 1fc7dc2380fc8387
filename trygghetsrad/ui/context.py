"""What every page receives: the open database, the shared events object, the undo group and
the autosave registry of its window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoGroup

from trygghetsrad.domain.changes import Changes
from trygghetsrad.ui.autosave_registry import AutosaveRegistry

if TYPE_CHECKING:  # imported by pages only: the window paints before the database layer loads
    from trygghetsrad.services.database import Database


class AppEvents(QObject):
    """One per window. Pages emit `data_changed` after a service changed data, and listen to it."""

    data_changed = Signal(object)  # Changes
    status_message = Signal(str)
    # Navigation is the main window's (`MainWindow.open_record` / `show_area`); pages ask for
    # it here and never reach for the window. `open_record` carries a
    # `domain.calendar_items.Owner` (from search, the annual wheel, ...): the window shows the
    # tab of `owner.area` (building the page if needed) and calls the page's
    # `open_record(owner)` method when the page has one. Pages implement that method; they
    # don't connect here. `show_area` carries a `domain.changes.Area`: show its workspace.
    open_record = Signal(object)
    show_area = Signal(object)
    # The database has been opened (at start-up this happens just after the first paint).
    database_opened = Signal()

    def changed(self, changes: Changes) -> None:
        if changes:
            self.data_changed.emit(changes)


class AppContext:
    """The database, the window's events, its undo group and its autosave registry (a page
    with an autosave timer of its own joins it: `ctx.autosave.join(self)`).

    At start-up the window paints its first page from a plain sqlite3 glance and opens the
    database right after; until then `database` is opened on first use by `opener` (a menu
    command or Ctrl+F in those first moments simply opens it a little earlier). Pages are
    only built once it is open, so for them `ctx.database` is always an open `Database`.
    """

    def __init__(
        self,
        database: Database | None,
        events: AppEvents,
        undo_group: QUndoGroup,
        *,
        path: Path | None = None,
        opener: Callable[[], Database] | None = None,
        autosave: AutosaveRegistry | None = None,
    ) -> None:
        if database is None and (path is None or opener is None):
            raise ValueError("a context without a database needs its path and an opener")
        self._database = database
        self._path = path
        self._opener = opener
        self.events = events
        self.undo_group = undo_group
        self.autosave = autosave if autosave is not None else AutosaveRegistry()

    @property
    def database(self) -> Database:
        if self._database is None:
            assert self._opener is not None
            self._database = self._opener()
            self.events.database_opened.emit()
        return self._database

    @database.setter
    def database(self, database: Database) -> None:
        self._database = database

    @property
    def is_open(self) -> bool:
        return self._database is not None

    @property
    def path(self) -> Path:
        """The database file, known before it is opened."""
        if self._database is not None:
            return self._database.path
        assert self._path is not None
        return self._path
