"""Keep windows and dialogs inside the screen's usable area (taskbar excluded)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room for the window frame and title bar, which availableGeometry does not subtract.
FRAME_ALLOWANCE = 48


def available_geometry(widget: QWidget) -> QRect | None:
    """The usable part of the screen the widget is on (or the primary screen)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def fit_to_screen(widget: QWidget) -> None:
    """Cap a top-level widget to the available screen area and move it fully onto it.

    The widget gets its size hint when that fits; otherwise it is as tall/wide as the
    screen allows (a dialog with a scroll area then scrolls instead of losing its buttons).
    """
    geometry = available_geometry(widget)
    if geometry is None:
        return
    max_w = max(320, geometry.width() - FRAME_ALLOWANCE // 2)
    max_h = max(240, geometry.height() - FRAME_ALLOWANCE)
    widget.setMaximumSize(max_w, max_h)
    hint = widget.sizeHint()
    width = min(max(widget.width(), hint.width()), max_w)
    height = min(max(widget.height(), hint.height()), max_h)
    widget.resize(width, height)
    frame = widget.frameGeometry()
    x = min(max(frame.x(), geometry.left()), geometry.right() - frame.width() + 1)
    y = min(max(frame.y(), geometry.top()), geometry.bottom() - frame.height() + 1)
    if (x, y) != (frame.x(), frame.y()):
        widget.move(max(x, geometry.left()), max(y, geometry.top()))
