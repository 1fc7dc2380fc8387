"""The order of the attendance categories in the minutes, as a list the user reorders."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QPushButton, QVBoxLayout, QWidget

from trygghetsrad.domain.meetings.attendance_order import DEFAULT_ORDER, heading
from trygghetsrad.domain.meetings.model import Presence


class AttendanceOrderField(QWidget):
    """The categories in a list; "Flytta upp"/"Flytta ned" (Alt+Upp/Alt+Ned) move the chosen
    one, "Standardordning" puts back the common Swedish order."""

    def __init__(self, order: tuple[Presence, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Närvarokategorier i protokollets ordning"))
        layout.addWidget(self.list, 1)
        buttons = QVBoxLayout()
        self.up_button = QPushButton(self.tr("Flytta upp"))
        self.down_button = QPushButton(self.tr("Flytta ned"))
        self.default_button = QPushButton(self.tr("Standardordning"))
        for button, step in ((self.up_button, -1), (self.down_button, 1)):
            button.setAccessibleName(button.text())
            button.clicked.connect(lambda _c=False, s=step: self.move(s))
            buttons.addWidget(button)
        self.default_button.setAccessibleName(self.tr("Återställ standardordningen"))
        self.default_button.clicked.connect(lambda: self.set_order(DEFAULT_ORDER))
        buttons.addWidget(self.default_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.set_order(order)
        rows = len(DEFAULT_ORDER)  # all visible, no scrolling
        self.list.setFixedHeight(
            self.list.sizeHintForRow(0) * rows + 2 * self.list.frameWidth() + 4
        )

    def set_order(self, order: tuple[Presence, ...]) -> None:
        self.list.clear()
        for presence in order:
            self.list.addItem(heading(presence))
            self.list.item(self.list.count() - 1).setData(Qt.ItemDataRole.UserRole, presence)
        self.list.setCurrentRow(0)

    def order(self) -> tuple[Presence, ...]:
        return tuple(
            Presence(self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
        )

    def move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.AltModifier and event.key() in (
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
        ):
            self.move(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)

    def _update_buttons(self, row: int) -> None:
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.list.count() - 1)
