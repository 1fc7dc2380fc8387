"""A form dialog that saves through a callback and shows the service's validation inline."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.errors import UserError, ValidationError


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
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(480)
        self._on_save = on_save
        self._fields: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
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
        layout.addLayout(self.form)
        self.general_error = self._error_label()
        layout.addWidget(self.general_error)
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

    def add_field(self, key: str, label: str, widget: QWidget, hint: str = "") -> QWidget:
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
        error = self._error_label()
        box.addWidget(error)
        self.form.addRow(label, container)
        row_label = self.form.labelForField(container)
        if isinstance(row_label, QLabel):
            row_label.setBuddy(widget)
        widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        self._fields[key] = widget
        self._errors[key] = error
        return widget

    def field(self, key: str) -> QWidget:
        return self._fields[key]

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
        field = exc.field if isinstance(exc, ValidationError) else None
        label = self._errors.get(field or "", self.general_error)
        label.setText(str(exc))
        label.show()
        widget = self._fields.get(field or "")
        if widget is not None:
            widget.setFocus()

    def _on_accept(self) -> None:
        self.clear_errors()
        try:
            self._on_save(self.values())
        except UserError as exc:
            self.show_error(exc)
            return
        self.accept()
