"""The application's look: a calm, municipal palette on top of the Fusion style."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = "#1f5a8c"

STYLE_SHEET = """
QTabBar::tab { padding: 8px 18px; font-size: 10.5pt; }
QTabBar::tab:selected { color: #1f5a8c; font-weight: 600; }
QTableView { gridline-color: #e2e6ea; selection-background-color: #cfe0f1; selection-color: #10212f; }
QHeaderView::section { background: #f3f5f7; padding: 4px 6px; border: none;
                       border-bottom: 1px solid #d5dbe1; font-weight: 600; }
QLineEdit[role="search"] { padding: 4px 8px; border: 1px solid #c4ccd4; border-radius: 4px; }
QLabel[role="heading"] { font-size: 13pt; font-weight: 600; color: #22313f; }
QLabel[role="hint"] { color: #5d6873; }
QLabel[role="error"] { color: #a4262c; }
"""


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f7f8fa"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.Link, QColor(ACCENT))
    app.setPalette(palette)
    font = QFont(app.font())
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)
