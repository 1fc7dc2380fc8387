"""Every page that owns an undo stack makes it the active one while shown, and only then
(ui/widgets/undo_scope.py), and tearing such a page down never calls back into a half-gone
Python object."""

from __future__ import annotations

import gc
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QListWidget, QVBoxLayout

from trygghetsrad.ui.widgets.undo_scope import UndoScopedPage


class _Page(UndoScopedPage):
    def __init__(self, ctx: Any) -> None:
        super().__init__()
        self.undo_stack = self.own_undo_stack(ctx.undo_group)
        self.list = QListWidget()
        self.list.addItems(["a", "b", "c"])
        QVBoxLayout(self).addWidget(self.list)


def test_the_shown_page_owns_ctrl_z(qtbot: Any, ctx: Any) -> None:
    first, second = _Page(ctx), _Page(ctx)
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    first.show()
    assert ctx.undo_group.activeStack() is first.undo_stack
    second.show()
    assert ctx.undo_group.activeStack() is second.undo_stack
    second.hide()
    assert ctx.undo_group.activeStack() is None  # never an edit on a page out of sight
    first.hide()
    first.show()
    assert ctx.undo_group.activeStack() is first.undo_stack


def test_a_shown_page_torn_down_raises_nothing(qtbot: Any, ctx: Any) -> None:
    errors: list[str] = []
    import sys

    old = sys.excepthook
    sys.excepthook = lambda *exc: errors.append(str(exc[1]))
    try:
        for _ in range(20):
            page = _Page(ctx)
            page.show()
            page.list.setCurrentRow(1)
            page.deleteLater()
            del page
            gc.collect()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            QApplication.processEvents()
    finally:
        sys.excepthook = old
    assert errors == []
    assert ctx.undo_group.activeStack() is None  # the page that went took its stack
