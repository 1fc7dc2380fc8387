"""A form takes the keyboard: focus in its first field, buttons last in the Tab order, and
a hook on every edit of a field (so a message under the field can go once it is corrected)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)


def _takes_focus(widget: QWidget, top: QWidget) -> bool:
    return (
        widget.isEnabled()
        and widget.isVisibleTo(top)
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and not isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox)
    )


def _position(widget: QWidget, top: QWidget) -> tuple[int, int]:
    point = widget.mapTo(top, QPoint(0, 0))
    return point.y(), point.x()


def focus_target(widget: QWidget, top: QWidget) -> QWidget | None:
    """Where typing goes when `widget` (a field, perhaps a row of several inputs) gets the
    focus: itself, or its top-left input that takes the focus."""
    if _takes_focus(widget, top):
        return widget
    inner = [w for w in widget.findChildren(QWidget) if _takes_focus(w, top)]
    inputs = [w for w in inner if not isinstance(w, QAbstractButton) or w.isCheckable()]
    candidates = inputs or inner
    return min(candidates, key=lambda w: _position(w, top)) if candidates else None


def take_keyboard(dialog: QWidget, fields: Sequence[QWidget], buttons: QDialogButtonBox) -> None:
    """Put the dialog's buttons last in the Tab order and, unless the dialog has put the
    focus in a field itself, the focus in its first field (top-most, then left-most)."""
    chain: list[QWidget] = []
    widget = dialog.nextInFocusChain()
    while widget is not None and widget is not dialog and len(chain) < 10_000:
        if not buttons.isAncestorOf(widget) and bool(
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    ordered = sorted(
        buttons.buttons(), key=lambda b: (b.mapTo(buttons, QPoint(0, 0)).x(), b.text())
    )
    previous = chain[-1] if chain else None
    for button in ordered:
        if previous is not None:
            QWidget.setTabOrder(previous, button)
        previous = button

    focus = dialog.focusWidget()
    if focus is not None and any(f is focus or f.isAncestorOf(focus) for f in fields):
        return
    targets = [t for t in (focus_target(f, dialog) for f in fields) if t is not None]
    if targets:
        min(targets, key=lambda w: _position(w, dialog)).setFocus(Qt.FocusReason.OtherFocusReason)


def on_edit(widget: QWidget, slot: Callable[[], object]) -> None:
    """Call `slot()` whenever the user changes the value of `widget` or an input inside it."""
    for w in [widget, *widget.findChildren(QWidget)]:
        if isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit):
            w.textChanged.connect(lambda *_: slot())
        elif isinstance(w, QComboBox):
            w.currentIndexChanged.connect(lambda *_: slot())
            w.editTextChanged.connect(lambda *_: slot())
        elif isinstance(w, QAbstractButton) and w.isCheckable():
            w.toggled.connect(lambda *_: slot())
        elif isinstance(w, QSpinBox | QDoubleSpinBox):
            w.valueChanged.connect(lambda *_: slot())
        elif isinstance(w, QDateTimeEdit):
            w.dateTimeChanged.connect(lambda *_: slot())
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            w.model().dataChanged.connect(lambda *_: slot())
