"""One undo command for any edit: it runs a service call under the journal.

`push_recorded(stack, ctx, text, fn)` runs `fn(session)` now (through the undo stack, so
the edit gets an entry in Redigera → Ångra with `text`); undo and redo replay what the
database recorded, so no edit needs a hand-written inverse, and rows removed by cascades
(a meeting's items, notes, decisions and actions) come back too. After every run, undo and
redo the pages hear `ctx.events.changed(...)` for the areas the edit touched.

If the rows were changed since (in another tab, say), undo refuses with a message and the
entry leaves the stack: nothing is changed.

A form that shows a refusal under its field saves with `push_raising(stack, ctx, text, fn)`
instead: the first run's `UserError` reaches the form, a success goes on the stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from trygghetsrad.errors import UserError
from trygghetsrad.ui.context import AppContext

if TYPE_CHECKING:
    from trygghetsrad.services import journal as journal_service

Step = Callable[[Any], Any]  # takes a session


class JournalCommand(QUndoCommand):
    """An undoable edit: the first `redo` records `fn`, later ones replay the record."""

    def __init__(
        self,
        ctx: AppContext,
        text: str,
        fn: Step,
        *,
        parent_widget: QWidget | None = None,
        on_error: Callable[[str], None] | None = None,
        on_done: Callable[[Any], None] | None = None,
        on_undone: Callable[[], None] | None = None,
        on_redone: Callable[[], None] | None = None,
        recorded: journal_service.Recorded | None = None,
    ) -> None:
        super().__init__(text)
        self._ctx = ctx
        self._fn = fn
        self._widget = parent_widget
        self._on_error = on_error
        self._on_done = on_done
        self._on_undone = on_undone
        self._on_redone = on_redone
        self._recorded = recorded
        self._already_done = recorded is not None  # recorded elsewhere (a worker thread)

    def redo(self) -> None:
        from trygghetsrad.services import journal as journal_service  # not needed at start-up

        if self._already_done:
            self._already_done = False
            return
        if self._recorded is None:
            self._first_run()
            return
        self._replay(journal_service.redo, self._on_redone, undoing=False)

    def undo(self) -> None:
        from trygghetsrad.services import journal as journal_service

        self._replay(journal_service.undo, self._on_undone, undoing=True)

    def _first_run(self) -> None:
        from trygghetsrad.services import journal as journal_service

        try:
            recorded = journal_service.run(self._ctx.database, self.text(), self._fn)
        except UserError as exc:
            self.setObsolete(True)  # nothing happened: no entry on the stack
            self._report(str(exc), title=self._widget_tr("Det gick inte"))
            return
        self._recorded = recorded
        if not recorded:
            self.setObsolete(True)  # the call changed nothing: nothing to undo
        self._ctx.events.changed(recorded.changes)
        if self._on_done is not None:
            self._on_done(recorded.result)

    def _replay(
        self, apply: Callable[..., Any], after: Callable[[], None] | None, *, undoing: bool
    ) -> None:
        assert self._recorded is not None
        try:
            changes = apply(self._ctx.database, self._recorded.changeset)
        except UserError as exc:
            # The rows moved on since: this entry can no longer be replayed, so it leaves
            # the stack (Qt removes a command that turns obsolete in undo/redo).
            self.setObsolete(True)
            title = (
                self._widget_tr("Det gick inte att ångra")
                if undoing
                else self._widget_tr("Det gick inte att göra om")
            )
            self._report(str(exc), title=title)
            return
        self._ctx.events.changed(changes)
        if after is not None:
            after()

    def _report(self, text: str, *, title: str) -> None:
        self._ctx.events.status_message.emit(text)
        first = self._recorded is None
        if first and self._on_error is not None:
            self._on_error(text)
            return
        QMessageBox.warning(self._widget, title, text)

    def _widget_tr(self, text: str) -> str:
        return self._widget.tr(text) if self._widget is not None else text


def push_recorded(
    stack: QUndoStack,
    ctx: AppContext,
    text: str,
    fn: Step,
    *,
    parent_widget: QWidget | None = None,
    on_error: Callable[[str], None] | None = None,
    on_undone: Callable[[], None] | None = None,
    on_redone: Callable[[], None] | None = None,
) -> tuple[bool, Any]:
    """Run `fn(session)` as an undoable edit titled `text`: (it succeeded, what it returned).

    The command is handed to the stack (Qt owns and may delete it), so the outcome comes
    back through this function rather than through the command object.
    """
    outcome: dict[str, Any] = {}
    command = JournalCommand(
        ctx,
        text,
        fn,
        parent_widget=parent_widget,
        on_error=on_error,
        on_done=lambda result: outcome.setdefault("result", result),
        on_undone=on_undone,
        on_redone=on_redone,
    )
    stack.push(command)
    return "result" in outcome, outcome.get("result")


def push_done(
    stack: QUndoStack,
    ctx: AppContext,
    recorded: journal_service.Recorded,
    *,
    parent_widget: QWidget | None = None,
    on_undone: Callable[[], None] | None = None,
    on_redone: Callable[[], None] | None = None,
) -> None:
    """Put an edit already made under `journal_service.run` (say in a worker thread) on the
    stack, titled with its label. The caller has announced its changes already."""
    if not recorded:
        return
    stack.push(
        JournalCommand(
            ctx,
            recorded.changeset.label,
            lambda _s: None,
            parent_widget=parent_widget,
            on_undone=on_undone,
            on_redone=on_redone,
            recorded=recorded,
        )
    )


def push_raising(
    stack: QUndoStack,
    ctx: AppContext,
    text: str,
    fn: Step,
    *,
    parent_widget: QWidget | None = None,
) -> Any:
    """Like `push_recorded`, for a form: a `UserError` of the first run is raised to the
    caller (a `FormDialog` shows it under its field) and nothing goes on the stack; a
    success is announced and put on the stack as `text`. Returns what `fn` returned."""
    from trygghetsrad.services import journal as journal_service  # not needed at start-up

    recorded = journal_service.run(ctx.database, text, fn)
    ctx.events.changed(recorded.changes)
    push_done(stack, ctx, recorded, parent_widget=parent_widget)
    return recorded.result
