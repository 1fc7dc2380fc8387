"""The mouse wheel scrolls the page; it does not change a field the user has not chosen.

Qt lets a drop-down, a number or a date/time field take the wheel as soon as the pointer is
over it, so scrolling a long form silently changed (and stored) whatever field passed under
the pointer. One filter on the application fixes this for every page and dialog: such a
field takes the keyboard focus only on a click or Tab, and a wheel turned over it while it
has no focus scrolls the scroll area around it instead."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)

_GUARDED = (QComboBox, QAbstractSpinBox)  # QDateEdit/QTimeEdit are spin boxes


class WheelGuard(QObject):
    """Application event filter: see the module text."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, _GUARDED):
            # The wheel would otherwise give the field the focus, and then the value.
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel and isinstance(watched, _GUARDED):
            assert isinstance(watched, QWidget)
            if not watched.hasFocus():
                assert isinstance(event, QWheelEvent)
                _scroll_instead(watched, event)
                return True
        return False


def _scroll_instead(field: QWidget, event: QWheelEvent) -> None:
    """Hand the wheel to the scroll area around `field` (none: the wheel does nothing)."""
    parent = field.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    if parent is None:
        return
    viewport = parent.viewport()
    QApplication.sendEvent(
        viewport,
        QWheelEvent(
            viewport.mapFromGlobal(event.globalPosition()),
            event.globalPosition(),
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
            event.source(),
        ),
    )


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Install the guard on `app` once; returns the installed guard."""
    guard = app.findChild(WheelGuard)
    if guard is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
    return guard
