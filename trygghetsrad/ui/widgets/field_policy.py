"""How every field of the program behaves, in one filter on the application.

The mouse wheel scrolls the page; it does not change a field the user has not chosen. Qt
lets a drop-down, a number or a date/time field take the wheel as soon as the pointer is
over it, so scrolling a long form silently changed (and stored) whatever field passed under
the pointer. Such a field takes the keyboard focus only on a click or Tab, and a wheel
turned over it while it has no focus scrolls the scroll area around it instead.

A field that cannot be edited shows no placeholder: the grey "t.ex. digitalt via Teams" in
a locked, empty field looks like a value someone gave. The placeholder comes back when the
field can be edited again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

_WHEELED = (QComboBox, QAbstractSpinBox)  # QDateEdit/QTimeEdit are spin boxes
_TYPED = (QLineEdit, QPlainTextEdit, QTextEdit)
_HIDDEN_PLACEHOLDER = "_placeholder_while_locked"
_STATE_EVENTS = (QEvent.Type.Polish, QEvent.Type.EnabledChange, QEvent.Type.ReadOnlyChange)


class FieldPolicy(QObject):
    """Application event filter: see the module text."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        kind = event.type()
        if kind in _STATE_EVENTS and isinstance(watched, _TYPED):
            _quiet_placeholder(watched)
        if kind == QEvent.Type.Polish and isinstance(watched, _WHEELED):
            # The wheel would otherwise give the field the focus, and then the value.
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel and isinstance(watched, _WHEELED):
            assert isinstance(watched, QWidget) and isinstance(event, QWheelEvent)
            if not watched.hasFocus():
                _scroll_instead(watched, event)
                return True
        return False


def set_placeholder(edit: QLineEdit | QPlainTextEdit | QTextEdit, text: str) -> None:
    """Change a field's example text: shown now if the field can be edited, else kept for
    when it can."""
    if not edit.isEnabled() or edit.isReadOnly():
        edit.setProperty(_HIDDEN_PLACEHOLDER, text)
        edit.setPlaceholderText("")
    else:
        edit.setPlaceholderText(text)


def _quiet_placeholder(edit: QLineEdit | QPlainTextEdit | QTextEdit) -> None:
    """Hide the placeholder of a field that cannot be edited; bring it back when it can."""
    locked = not edit.isEnabled() or edit.isReadOnly()
    hidden = edit.property(_HIDDEN_PLACEHOLDER)
    if locked and edit.placeholderText():
        edit.setProperty(_HIDDEN_PLACEHOLDER, edit.placeholderText())
        edit.setPlaceholderText("")
    elif not locked and hidden and not edit.placeholderText():
        edit.setPlaceholderText(str(hidden))
        edit.setProperty(_HIDDEN_PLACEHOLDER, "")


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


def install_field_policy(app: QApplication) -> FieldPolicy:
    """Install the policy on `app` once; returns the installed policy."""
    policy = app.findChild(FieldPolicy)
    if policy is None:
        policy = FieldPolicy(app)
        app.installEventFilter(policy)
    return policy
