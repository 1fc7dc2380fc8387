"""Shared pieces of the situation-picture sub-pages: a page base with its own undo stack,
undoable service commands, colours for sources that need attention, small helpers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QShowEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from trygghetsrad.domain.changes import SITUATION, Changes
from trygghetsrad.domain.situation import Alert
from trygghetsrad.errors import UserError
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.widgets.journal_command import push_recorded

Step = Callable[[Any], Any]  # takes a session, returns Changes or Created

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


def date_text(day: date | None) -> str:
    return day.isoformat() if day else ""


def today() -> date:
    return date.today()


class ServiceCommand(QUndoCommand):
    """An edit made through services: `redo` and `undo` each run in their own session."""

    def __init__(
        self, page: SituationSubPage, text: str, redo: Step, undo: Step, done: bool = False
    ) -> None:
        super().__init__(text)
        self._page, self._redo, self._undo = page, redo, undo
        self._skip = done  # the edit already ran (through a form that showed its errors)

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._page.run(self._redo)

    def undo(self) -> None:
        self._page.run(self._undo)


class SituationSubPage(QWidget):
    """Base of every sub-page: undo stack active while shown, refresh on SITUATION changes."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.undo_stack = QUndoStack(self)
        ctx.undo_group.addStack(self.undo_stack)
        ctx.events.data_changed.connect(self._on_events_data_changed)
        self.dialog: QWidget | None = None  # the dialog last opened (tests drive it)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        self.ctx.undo_group.setActiveStack(self.undo_stack)
        super().showEvent(event)

    def _on_events_data_changed(self, changes: Changes) -> None:
        if changes.touches(SITUATION, *self.also_watch()):
            self.refresh()

    def also_watch(self) -> tuple[str, ...]:
        return ()

    def refresh(self) -> None:
        raise NotImplementedError

    def run(self, step: Step) -> Any:
        """Run a service step in a session and announce what changed; errors become a message."""
        try:
            with self.ctx.database.session() as session:
                result = step(session)
        except UserError as exc:
            self.show_error(str(exc))
            return None
        changes = getattr(result, "changes", result)
        if isinstance(changes, Changes):
            self.ctx.events.changed(changes)
        return result

    def push(self, text: str, redo: Step, undo: Step) -> None:
        """Run `redo` now as an undoable command."""
        self.undo_stack.push(ServiceCommand(self, text, redo, undo))

    def push_done(self, text: str, redo: Step, undo: Step) -> None:
        """Record an edit that already ran, so that it can be undone and redone."""
        self.undo_stack.push(ServiceCommand(self, text, redo, undo, done=True))

    def push_created(
        self, text: str, create: Step, delete: Callable[[Any, int], Any], first_id: int
    ) -> None:
        """Record a creation that already ran; undo deletes, redo creates again (new id)."""
        state = {"id": first_id}

        def redo(s: Any) -> Any:
            created = create(s)
            state["id"] = created.id
            return created

        self.push_done(text, redo, lambda s: delete(s, state["id"]))

    def record(self, text: str, step: Step) -> tuple[bool, Any]:
        """Run `step` now as an undoable edit; undo puts back every row it changed
        (cascades included, with the same ids). Returns (it succeeded, what it returned)."""
        return push_recorded(
            self.undo_stack, self.ctx, text, step, parent_widget=self, on_error=self.show_error
        )

    def read(self, fn: Callable[[Any], Any]) -> Any:
        with self.ctx.database.session() as session:
            return fn(session)

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
