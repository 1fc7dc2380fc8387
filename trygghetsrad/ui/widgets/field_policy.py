"""How every field of the program behaves, in one policy for the whole application.

The mouse wheel scrolls the page; it does not change a field the user has not chosen. Qt
lets a drop-down, a number or a date/time field take the wheel as soon as the pointer is
over it, so scrolling a long form silently changed (and stored) whatever field passed under
the pointer. Such a field takes the keyboard focus only on a click or Tab, and a wheel
turned over it while it has no focus scrolls the scroll area around it instead.

A field that cannot be edited shows no placeholder: the grey "t.ex. digitalt via Teams" in
a locked, empty field looks like a value someone gave. The placeholder comes back when the
field can be edited again.

The policy sees each widget as Qt polishes it (a proxy around the application's style) and
filters the events of the fields it governs only. An event filter on the application would
call into Python for every event of every object: about 7,500 times before the window is
usable, which cost start-up some 30 ms and made PySide6 wrap objects nothing else touches.

A typed field locked read-only (finalised minutes: its text can still be selected and
copied) looks like a disabled one (`show_locked`), not like an empty white field that
silently ignores the keys."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPalette, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QProxyStyle,
    QStyle,
    QTextEdit,
    QWidget,
)

_WHEELED = (QComboBox, QAbstractSpinBox)  # QDateEdit/QTimeEdit are spin boxes
_TYPED = (QLineEdit, QPlainTextEdit, QTextEdit)
_HIDDEN_PLACEHOLDER = "_placeholder_while_locked"
_STATE_EVENTS = (QEvent.Type.EnabledChange, QEvent.Type.ReadOnlyChange)


class FieldPolicy(QObject):
    """The policy (see the module text): `adopt` takes a field under it as Qt polishes the
    field, then it filters that field's events."""

    def adopt(self, widget: QWidget) -> None:
        """Apply the policy to `widget` (any widget; only fields are taken)."""
        if isinstance(widget, _TYPED):
            _quiet_placeholder(widget)
        elif isinstance(widget, _WHEELED):
            # The wheel would otherwise give the field the focus, and then the value.
            if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        else:
            return
        widget.installEventFilter(self)  # once: installing it again only moves it first

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        kind = event.type()
        if kind in _STATE_EVENTS and isinstance(watched, _TYPED):
            _quiet_placeholder(watched)
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


def show_locked(edit: QLineEdit | QPlainTextEdit | QTextEdit, locked: bool) -> None:
    """Make `edit` read-only (or editable again) and look it: the background of a disabled
    field, greyed text, no example text."""
    edit.setReadOnly(locked)
    if not locked:
        edit.setPalette(QPalette())  # the inherited colours again
    else:
        inherited = edit.palette()
        palette = QPalette()  # only the roles set below differ from the inherited ones
        disabled = QPalette.ColorGroup.Disabled
        base = inherited.color(disabled, QPalette.ColorRole.Base)
        # Halfway to the disabled text: greyed like the locked drop-downs, yet minutes of
        # many lines stay readable (the disabled grey itself is too faint for running text).
        normal = inherited.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
        faint = inherited.color(disabled, QPalette.ColorRole.Text)
        text = QColor(
            (normal.red() + faint.red()) // 2,
            (normal.green() + faint.green()) // 2,
            (normal.blue() + faint.blue()) // 2,
        )
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Base, base)
            palette.setColor(group, QPalette.ColorRole.Text, text)
        edit.setPalette(palette)
    _quiet_placeholder(edit)


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


class _PolicyStyle(QProxyStyle):
    """The application's style, handing each widget to the policy as Qt polishes it."""

    def __init__(self, base: QStyle, policy: FieldPolicy) -> None:
        super().__init__(base)
        self.policy: FieldPolicy | None = policy

    def polish(self, target: Any) -> Any:  # QWidget, QPalette or QApplication (Qt overloads)
        result = super().polish(target)
        if self.policy is not None and isinstance(target, QWidget):
            self.policy.adopt(target)
        return result


def install_field_policy(app: QApplication) -> FieldPolicy:
    """Install the policy on `app` once (after its style); returns the installed policy.

    Widgets polished before are polished again, so they come under it too."""
    policy = app.findChild(FieldPolicy)
    if policy is None:
        policy = FieldPolicy(app)
    style = app.style()
    if isinstance(style, _PolicyStyle):
        style.policy = policy
    else:
        app.setStyle(_PolicyStyle(style, policy))
    return policy


def remove_field_policy(app: QApplication) -> None:
    """Stop applying the policy to new widgets and drop it (tests that install their own)."""
    style = app.style()
    if isinstance(style, _PolicyStyle):
        style.policy = None
    policy = app.findChild(FieldPolicy)
    if policy is not None:
        policy.setParent(None)
        policy.deleteLater()  # the fields it filtered let go of it when it is deleted
