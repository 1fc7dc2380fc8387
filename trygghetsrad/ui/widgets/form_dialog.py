"""A form dialog that saves through a callback and shows the service's validation inline."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.errors import UserError, ValidationError
from trygghetsrad.ui.widgets.date_entry import DateEntry, OptionalDateEntry
from trygghetsrad.ui.widgets.keyboard import on_edit, take_keyboard
from trygghetsrad.ui.widgets.screen import fit_to_screen
from trygghetsrad.ui.widgets.time_entry import TimeEntry

# The field widget `add_field` hands back is the one it was given (a QLineEdit stays one).
FieldWidget = TypeVar("FieldWidget", bound=QWidget)


class FittingScrollArea(QScrollArea):
    """A scroll area that asks for its content's full size (QScrollArea caps its hint at
    24 lines); the dialog is then capped to the screen by `fit_to_screen` and scrolls."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        widget = self.widget()
        if widget is None:
            return super().sizeHint()
        hint = widget.sizeHint()
        extra = 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width()
        return QSize(hint.width() + extra, hint.height() + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        widget = self.widget()
        width = widget.minimumSizeHint().width() if widget is not None else 0
        return QSize(width + self.verticalScrollBar().sizeHint().width(), 160)


class FormDialog(QDialog):
    """Subclasses add fields with `add_field` and implement `values()`.

    On "Spara", `on_save(values)` runs; a `ValidationError` is shown in red under the field
    it names (or under the form) and the dialog stays open with everything typed kept.
    """

    def __init__(
        self,
        title: str,
        on_save: Callable[[dict[str, Any]], object],
        parent: QWidget | None = None,
        intro: str = "",
        *,
        scrollable: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(480)
        self._on_save = on_save
        self._fields: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self._aliases: dict[str, str] = {}
        self._focus: dict[str, QWidget] = {}
        self._shown_once = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(10)
        if intro:
            hint = QLabel(intro)
            hint.setWordWrap(True)
            hint.setProperty("role", "hint")
            layout.addWidget(hint)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setVerticalSpacing(6)
        self._columns = QHBoxLayout()
        self._columns.setSpacing(28)
        self._columns.addLayout(self.form, 1)
        self.scroll_area: QScrollArea | None = None
        if scrollable:
            # Tall forms scroll; the buttons below stay visible on a small screen.
            body = QWidget()
            body_layout = QVBoxLayout(body)
            body_layout.setContentsMargins(0, 0, 8, 0)
            body_layout.addLayout(self._columns)
            body_layout.addStretch(1)
            self.scroll_area = FittingScrollArea()
            self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
            self.scroll_area.setWidgetResizable(True)
            self.scroll_area.setWidget(body)
            layout.addWidget(self.scroll_area, 1)
        else:
            layout.addLayout(self._columns)
        self.general_error = self._error_label()
        layout.addWidget(self.general_error)
        if not scrollable:
            layout.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Spara"))
        self.save_button.setAccessibleName(self.tr("Spara"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Avbryt"))
        cancel.setAccessibleName(self.tr("Avbryt"))
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _error_label(self) -> QLabel:
        label = QLabel()
        label.setProperty("role", "error")
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()
        return label

    def add_column(self) -> QFormLayout:
        """A second form column beside the first; pass it to `add_field(form=...)`."""
        form = QFormLayout()
        form.setLabelAlignment(self.form.labelAlignment())
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setVerticalSpacing(6)
        self._columns.addLayout(form, 1)
        return form

    def setVisible(self, visible: bool) -> None:  # noqa: N802 (Qt API)
        if visible and not self.isVisible():
            self._fit_whole_form()  # before Qt places the dialog over its parent
        super().setVisible(visible)

    def _fit_whole_form(self) -> None:
        """The dialog's layout cached the scroll area's hint while the form was still empty
        (a scroll area announces no change of its content's size): take the whole form's
        size, capped to the screen."""
        if self.scroll_area is not None:
            self.scroll_area.updateGeometry()
            layout = self.layout()
            if layout is not None:
                layout.invalidate()
                layout.activate()
        fit_to_screen(self)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self._fit_whole_form()
        if not self._shown_once:
            self._shown_once = True
            take_keyboard(self, list(self._fields.values()), self.buttons)

    @staticmethod
    def _widen_for_hint(container: QWidget, box: QVBoxLayout, widget: QWidget) -> None:
        """A hint under a narrow field (a month box) takes the row's whole width: squeezed to
        the field's width it wrapped into lines the row had no height for ("Välj augusti för
        ett läsår" was cut off). The field itself keeps its own width."""
        container.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        if (
            not widget.sizePolicy().horizontalPolicy().value
            & QSizePolicy.PolicyFlag.ExpandFlag.value
        ):
            box.setAlignment(widget, Qt.AlignmentFlag.AlignLeft)

    def add_field(
        self,
        key: str,
        label: str,
        widget: FieldWidget,
        hint: str = "",
        *,
        form: QFormLayout | None = None,
    ) -> FieldWidget:
        container = QWidget()
        box = QVBoxLayout(container)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setProperty("role", "hint")
            hint_label.setWordWrap(True)
            box.addWidget(hint_label)
            self._widen_for_hint(container, box, widget)
        error = self._error_label()
        box.addWidget(error)
        form = form if form is not None else self.form
        form.addRow(label, container)
        row_label = form.labelForField(container)
        if isinstance(row_label, QLabel):
            row_label.setBuddy(widget)
        widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        if isinstance(widget, DateEntry | OptionalDateEntry | TimeEntry) and widget.field == "":
            # A typed date or time names its field in its own errors: the row it sits in.
            widget.field = key
        self._fields[key] = widget
        self._errors[key] = error
        # A message goes as soon as the user corrects the field (the save checks it again).
        on_edit(widget, lambda: self._clear_error(key))
        return widget

    def _clear_error(self, key: str) -> None:
        for label in (self._errors[key], self.general_error):
            if not label.isHidden():
                label.clear()
                label.hide()

    def field(self, key: str) -> QWidget:
        return self._fields[key]

    def show_errors_of(self, field: str, key: str, widget: QWidget | None = None) -> None:
        """Show errors about `field` (a name the service uses) at the row `key`, and focus
        `widget` (say the end time inside a row of two times) instead of the row's widget."""
        self._aliases[field] = key
        if widget is not None:
            self._focus[field] = widget

    def error_text(self, key: str | None = None) -> str:
        """The validation message shown under field `key` (or under the form), for tests too."""
        label = self.general_error if key is None else self._errors[key]
        return label.text() if not label.isHidden() else ""

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def clear_errors(self) -> None:
        for label in [*self._errors.values(), self.general_error]:
            label.clear()
            label.hide()

    def show_error(self, exc: UserError) -> None:
        """The message in red under the field it names (or under the form), focus there."""
        named = exc.field if isinstance(exc, ValidationError) else None
        field = self._aliases.get(named or "", named or "")
        label = self._errors.get(field, self.general_error)
        label.setText(str(exc))
        label.show()
        widget = self._focus.get(named or "") or self._fields.get(field)
        if widget is not None:
            if self.scroll_area is not None:
                self.scroll_area.ensureWidgetVisible(widget)
            widget.setFocus()

    def _on_accept(self) -> None:
        self.clear_errors()
        try:
            self._on_save(self.values())
        except UserError as exc:
            self.show_error(exc)
            return
        self.accept()
