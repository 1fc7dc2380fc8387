"""A page's own undo stack, active exactly while the page is shown.

    self.undo_stack = page_undo_stack(self, ctx.undo_group)

Redigera → Ångra (Ctrl+Z) then undoes the shown page's last edit, and never an edit made
on a page out of sight. (Pages that still set the active stack in their own
`showEvent`/`hideEvent` do the same by hand.)
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QUndoGroup, QUndoStack
from PySide6.QtWidgets import QWidget


class _Scope(QObject):
    def __init__(self, page: QWidget, stack: QUndoStack, group: QUndoGroup) -> None:
        super().__init__(page)
        self._page, self._stack, self._group = page, stack, group
        page.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self._page:
            if event.type() == QEvent.Type.Show:
                self._group.setActiveStack(self._stack)
            elif event.type() == QEvent.Type.Hide and self._group.activeStack() is self._stack:
                self._group.setActiveStack(None)
        return False


def page_undo_stack(page: QWidget, group: QUndoGroup) -> QUndoStack:
    """A new undo stack of `page` in `group`, active while `page` is shown."""
    stack = QUndoStack(page)
    group.addStack(stack)
    _Scope(page, stack, group)
    return stack
