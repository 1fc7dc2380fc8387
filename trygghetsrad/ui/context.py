"""What every page receives: the open database, the shared events object and the undo group."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoGroup

from trygghetsrad.db.engine import Database
from trygghetsrad.domain.changes import Changes


class AppEvents(QObject):
    """One per window. Pages emit `data_changed` after a service changed data, and listen to it."""

    data_changed = Signal(object)  # Changes
    status_message = Signal(str)
    # Request to open a record in its workspace (from search, the annual wheel, ...): carries a
    # `domain.calendar_items.Owner`. The main window handles it: it shows the tab of
    # `owner.area` (building the page if needed) and calls the page's `open_record(owner)`
    # method when the page has one. Pages implement that method; they don't connect here.
    open_record = Signal(object)

    def changed(self, changes: Changes) -> None:
        if changes:
            self.data_changed.emit(changes)


@dataclass
class AppContext:
    database: Database
    events: AppEvents
    undo_group: QUndoGroup
