"""Keep windows and dialogs inside the screen's usable area (taskbar excluded)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPlainTextEdit, QTableView, QWidget

# Room for the window frame and title bar, which availableGeometry does not subtract.
FRAME_ALLOWANCE = 48
TITLE_BAR = 30


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
    # Room for the title bar, which the frame geometry may not include yet.
    bottom = geometry.bottom() - TITLE_BAR
    y = min(max(frame.y(), geometry.top()), bottom - frame.height() + 1)
    if (x, y) != (frame.x(), frame.y()):
        widget.move(max(x, geometry.left()), max(y, geometry.top()))


def fit_window(widget: QWidget) -> None:
    """Shrink a main window to the available screen area (less its frame) and move it onto
    the screen; unlike `fit_to_screen` it sets no maximum, so it can grow on a larger
    screen. Its first size (say 1280x820) is only a preference."""
    geometry = available_geometry(widget)
    if geometry is None:
        return
    width = min(widget.width(), geometry.width() - FRAME_ALLOWANCE // 3)
    height = min(widget.height(), geometry.height() - FRAME_ALLOWANCE)
    if (width, height) != (widget.width(), widget.height()):
        widget.resize(width, height)
    x = min(max(widget.x(), geometry.left()), geometry.right() - width + 1)
    y = min(max(widget.y(), geometry.top()), geometry.bottom() - height - FRAME_ALLOWANCE + 1)
    if (x, y) != (widget.x(), widget.y()):
        widget.move(max(x, geometry.left()), max(y, geometry.top()))


def lines_height(edit: QWidget, lines: int) -> int:
    """The height a text editor needs to show `lines` lines of its font (frame included)."""
    document = getattr(edit, "document", None)
    margin = int(document().documentMargin()) if callable(document) else 0
    frame = getattr(edit, "frameWidth", lambda: 0)()
    margins = edit.contentsMargins()
    return (
        lines * edit.fontMetrics().lineSpacing()
        + 2 * margin
        + 2 * frame
        + margins.top()
        + margins.bottom()
    )


class _ShareWidth(QObject):
    def __init__(self, view: QTableView, column: int, fraction: float, lo: int, hi: int) -> None:
        super().__init__(view)
        self.view, self.column, self.fraction, self.lo, self.hi = view, column, fraction, lo, hi
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Resize:
            width = self.view.viewport().width()
            share = max(self.lo, min(self.hi, int(width * self.fraction)))
            if self.view.columnWidth(self.column) != share:
                self.view.setColumnWidth(self.column, share)
        return False


def share_width(view: QTableView, column: int, fraction: float, lo: int, hi: int) -> None:
    """Keep `column` at `fraction` of the table's width, between `lo` and `hi` pixels, so a
    stretching text column beside it keeps room for its text on a narrow screen."""
    _ShareWidth(view, column, fraction, lo, hi)


def grow_with_text(edit: QPlainTextEdit, least: int, most: int) -> None:
    """Keep a plain-text box `least` lines high while it holds little, growing with its
    (wrapped) text up to `most` lines: an optional field takes no room it does not use."""

    def fit() -> None:
        lines = int(edit.document().documentLayout().documentSize().height())
        height = lines_height(edit, max(least, min(most, lines)))
        if edit.height() != height or edit.minimumHeight() != height:
            edit.setFixedHeight(height)

    edit.document().documentLayout().documentSizeChanged.connect(lambda _size: fit())
    fit()
