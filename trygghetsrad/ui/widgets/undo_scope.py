"""A page's own undo stack, active exactly while the page is shown — the one mechanism
for every page that owns an undo stack.

    class RegisterPage(UndoScopedPage):
        def __init__(self, ctx, parent=None):
            super().__init__(parent)
            self.undo_stack = self.own_undo_stack(ctx.undo_group)

Redigera → Ångra (Ctrl+Z) then undoes the shown page's last edit, and never an edit made
on a page out of sight.

The page's own `showEvent`/`hideEvent` do it, not an event filter: a filter object on the
page was called while the page was being torn down (a list's current row changing as its
model goes) after the filter's Python side was gone. A virtual of the page itself is only
ever called while the page's Python object lives.
"""

from __future__ import annotations

import contextlib

from PySide6.QtGui import QHideEvent, QShowEvent, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QWidget


class UndoScopedPage(QWidget):
    """A page whose `self.undo_stack` is the group's active stack while it is shown."""

    undo_stack: QUndoStack
    _undo_group: QUndoGroup | None = None

    def own_undo_stack(self, group: QUndoGroup) -> QUndoStack:
        """A new undo stack of this page in `group`, active while the page is shown."""
        stack = QUndoStack(self)
        group.addStack(stack)
        self._undo_group = group
        return stack

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        if self._undo_group is not None:
            self._undo_group.setActiveStack(self.undo_stack)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt API)
        # RuntimeError: the group went first at shutdown; nothing is active any more.
        with contextlib.suppress(RuntimeError):
            group = self._undo_group
            if group is not None and group.activeStack() is self.undo_stack:
                group.setActiveStack(None)
        super().hideEvent(event)
