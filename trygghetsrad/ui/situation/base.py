"""Shared pieces of the situation sub-pages: a page base with its own undo stack whose edits
go through the journal (`ui/widgets/journal_command.py`), the one read helper, colours for
sources that need attention, small helpers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from trygghetsrad.domain.changes import SITUATION, Area, Changes
from trygghetsrad.domain.situation.picture import Alert
from trygghetsrad.services.situation import areas as situation_areas
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.widgets.journal_command import push_raising, push_recorded
from trygghetsrad.ui.widgets.service_calls import read
from trygghetsrad.ui.widgets.undo_scope import UndoScopedPage

Session = Any  # a database session (ui/ names no SQLAlchemy type)

Step = Callable[[Any], Any]  # takes a session, returns Changes or Created
T = TypeVar("T")

ALERT_BACKGROUND = {
    Alert.MISSING: QColor("#f9dcdc"),
    Alert.OVERDUE: QColor("#f9dcdc"),
    Alert.REQUESTED: QColor("#fbefd5"),
    Alert.DUE_SOON: QColor("#fbefd5"),
}
ALERT_TEXT = {
    Alert.MISSING: QColor("#8f1d22"),
    Alert.OVERDUE: QColor("#8f1d22"),
    Alert.REQUESTED: QColor("#7a4a00"),
    Alert.DUE_SOON: QColor("#7a4a00"),
}


def tied_to_area(
    step: Step,
    link: str,
    area_id: int | None,
    *,
    record_id: int | None = None,
    before: int | None = None,
) -> Step:
    """`step` (a form's create or update) followed, in the same undoable edit, by tying the
    record to the area the form's area picker names. Only a choice the user changed is
    written: a record left at its tie (or at none) keeps what its service decided, such as
    an observation tied by the name of its place."""

    def run(session: Any) -> Any:
        result = step(session)
        if area_id != before:
            target = record_id if record_id is not None else result.id
            situation_areas.tie_to_area(session, link, target, area_id)
        return result

    return run


def date_text(day: date | None) -> str:
    return day.isoformat() if day else ""


def today() -> date:
    return date.today()


class SituationSubPage(UndoScopedPage):
    """Base of every sub-page: an undo stack active while shown, edits recorded in the
    journal (`record`, `record_form`), reads through `read`, and a refresh when one of the
    areas in `WATCH` changes."""

    WATCH: tuple[Area, ...] = (SITUATION,)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.undo_stack = self.own_undo_stack(ctx.undo_group)
        ctx.events.data_changed.connect(self._on_events_data_changed)
        self.dialog: QWidget | None = None  # the dialog last opened (tests drive it)

    def _on_events_data_changed(self, changes: Changes) -> None:
        if changes.touches(*self.WATCH):
            self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError

    def record(self, text: str, step: Step) -> tuple[bool, Any]:
        """Run `step` now as an undoable edit; undo puts back every row it changed
        (cascades included, with the same ids). Returns (it succeeded, what it returned);
        a refusal is shown in a message box."""
        return push_recorded(
            self.undo_stack, self.ctx, text, step, parent_widget=self, on_error=self.show_error
        )

    def record_form(self, text: str, step: Step) -> Any:
        """`record` for a form's "Spara": a refusal is raised again (the service's own
        `ValidationError`), so the dialog shows it under its field and stays open."""
        return push_raising(self.undo_stack, self.ctx, text, step, parent_widget=self)

    def read(self, fn: Callable[[Session], T]) -> T:
        return read(self.ctx, fn)

    def show_error(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Det gick inte"), message, parent=self)
        box.setAccessibleName(self.tr("Felmeddelande"))
        self.dialog = box
        box.open()


class _ReturnFilter(QObject):
    """Return or Enter on a table opens the selected record (as a double-click does)."""

    def __init__(self, callback: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._callback = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers()
        ):
            self._callback()
            return True
        return False


def open_on_return(view: QWidget, callback: Callable[[], None]) -> None:
    view.installEventFilter(_ReturnFilter(callback, view))


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "heading")
    return label


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
