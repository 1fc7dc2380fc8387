"""The application's look: a calm, municipal palette on top of the Fusion style.

There is no application-wide style sheet: with one, Qt draws every widget through its
style-sheet engine, which made building a page about a third slower (start-up time). The
style below gives labels with a `role` property their font and colour, and hands the few
box rules (tab bars, tables, search fields) to just the widgets that need them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QProxyStyle,
    QStyleFactory,
    QTabBar,
    QTableView,
    QWidget,
)

ACCENT = "#1f5a8c"

# QLabel role -> (point size or None, bold, text colour)
LABEL_ROLES: dict[str, tuple[float | None, bool, str]] = {
    "heading": (13.0, True, "#22313f"),
    "hint": (None, False, "#5d6873"),
    "error": (None, False, "#a4262c"),
    "warning": (None, False, "#8a5300"),  # kept, but worth a second look
}
TAB_BAR_SHEET = """
QTabBar::tab { padding: 8px 18px; font-size: 10.5pt; }
QTabBar::tab:selected { color: #1f5a8c; font-weight: 600; }
"""
TABLE_SHEET = """
QTableView { gridline-color: #e2e6ea; selection-background-color: #cfe0f1; selection-color: #10212f; }
QHeaderView::section { background: #f3f5f7; padding: 4px 6px; border: none;
                       border-bottom: 1px solid #d5dbe1; font-weight: 600; }
"""
SEARCH_SHEET = "QLineEdit { padding: 4px 8px; border: 1px solid #c4ccd4; border-radius: 4px; }"

_PLAIN = "_plain_look"  # a label's own font and palette, kept while a role dresses it


def _sheet_for(widget: QWidget) -> str | None:
    if isinstance(widget, QTabBar):
        return TAB_BAR_SHEET
    if isinstance(widget, QTableView):
        return TABLE_SHEET
    if isinstance(widget, QLineEdit) and widget.property("role") == "search":
        return SEARCH_SHEET
    return None


def _dress_label(label: QLabel) -> None:
    look = LABEL_ROLES.get(str(label.property("role")))
    plain = label.property(_PLAIN)
    if look is None:
        if plain is not None:  # the role was taken away: back to the label's own look
            label.setFont(plain[0])
            label.setPalette(plain[1])
            label.setProperty(_PLAIN, None)
        return
    if plain is None:
        label.setProperty(_PLAIN, (QFont(label.font()), QPalette(label.palette())))
        plain = label.property(_PLAIN)
    size, bold, colour = look
    font = QFont(plain[0])
    if size is not None:
        font.setPointSizeF(size)
    if bold:
        font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    palette = QPalette(plain[1])
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(palette)


class CalmStyle(QProxyStyle):
    """Fusion, with the labels' roles and the box rules of tab bars, tables and searches."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def polish(self, target: Any) -> Any:  # QWidget, QPalette or QApplication (Qt overloads)
        result = super().polish(target)
        if isinstance(target, QLabel):
            _dress_label(target)
        elif isinstance(target, QWidget):
            sheet = _sheet_for(target)
            if sheet is not None and sheet not in target.styleSheet():
                target.setStyleSheet(sheet + target.styleSheet())
        return result


def apply_style(app: QApplication) -> None:
    app.setStyle(CalmStyle())
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f7f8fa"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.Link, QColor(ACCENT))
    app.setPalette(palette)
    font = QFont(app.font())
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
