"""A list of check boxes (the groups of a meeting, the causes a measure answers): clicking a
row's text ticks or unticks it, as users expect; Qt only reacts to the small box itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget


class CheckList(QListWidget):
    """A QListWidget whose checkable rows toggle on a click anywhere on the row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pressed: tuple[QListWidgetItem, object] | None = None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        item = self.itemAt(event.position().toPoint())
        self._pressed = None
        if event.button() == Qt.MouseButton.LeftButton and item is not None:
            self._pressed = (item, item.data(Qt.ItemDataRole.CheckStateRole))
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        pressed, self._pressed = self._pressed, None
        super().mouseReleaseEvent(event)  # a click on the box itself is toggled here
        if pressed is None or event.button() != Qt.MouseButton.LeftButton:
            return
        item, state = pressed
        if self.itemAt(event.position().toPoint()) is not item or state is None:
            return
        flags = item.flags()
        usable = flags & Qt.ItemFlag.ItemIsUserCheckable and flags & Qt.ItemFlag.ItemIsEnabled
        if usable and item.data(Qt.ItemDataRole.CheckStateRole) == state:
            item.setCheckState(
                Qt.CheckState.Unchecked
                if item.checkState() == Qt.CheckState.Checked
                else Qt.CheckState.Checked
            )
