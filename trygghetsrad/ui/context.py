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
    # A record to open in its workspace (search, the annual wheel): carries a
    # `domain.calendar_items.Owner`. The main window shows the owner's tab first, so the page
    # exists when this is emitted; a page opens the record when `owner.area` is its own.
    open_record = Signal(object)

    def changed(self, changes: Changes) -> None:
        if changes:
            self.data_changed.emit(changes)


@dataclass
class AppContext:
    database: Database
    events: AppEvents
    undo_group: QUndoGroup
