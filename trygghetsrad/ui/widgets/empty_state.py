"""A calm, centred message for a page or list that has nothing to show yet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget


class EmptyState(QWidget):
    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        heading = QLabel(title)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading.setStyleSheet("font-size: 18pt; font-weight: 600; color: #2b3a4a;")
        body = QLabel(text)
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.setMaximumWidth(560)
        body.setStyleSheet("font-size: 11pt; color: #55606c;")
        layout.addWidget(heading)
        layout.addSpacing(8)
        # Centred by stretches, not by an alignment flag: an aligned word-wrapped label gets
        # a guessed width and a height that does not fit it (the text came out clipped).
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(body, 10)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(3)
        self.setAccessibleName(title)
