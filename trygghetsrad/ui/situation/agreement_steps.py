"""The steps of an agreement's own working model and their follow-up (Arbetsmodell…): a list
with Nytt steg…, Ändra…, Ta bort, each an undoable edit of the agreements page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.situation.agreements import AgreementData, AgreementStep
from trygghetsrad.services.situation import agreement_steps
from trygghetsrad.ui.situation.action_plan_common import qtr
from trygghetsrad.ui.situation.plan_dialogs import Save
from trygghetsrad.ui.widgets.date_entry import OptionalDateEntry
from trygghetsrad.ui.widgets.form_dialog import FormDialog

_ID = Qt.ItemDataRole.UserRole


class StepDialog(FormDialog):
    """One step: what it is, and what its follow-up said (and when)."""

    def __init__(self, on_save: Save, step: AgreementStep | None, parent: QWidget | None) -> None:
        super().__init__(qtr("Steg i arbetsmodellen"), on_save, parent)
        self.title = QLineEdit(step.title if step else "")
        self.description = QPlainTextEdit(step.description if step else "")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(60)
        self.followup = QPlainTextEdit(step.followup if step else "")
        self.followup.setTabChangesFocus(True)
        self.followup.setFixedHeight(70)
        self.followed_on = OptionalDateEntry(
            self.tr("Uppföljt"), step.followed_on if step else None
        )
        self.add_field("title", self.tr("Steg:"), self.title)
        self.add_field("description", self.tr("Beskrivning:"), self.description)
        self.add_field("followup", self.tr("Uppföljning:"), self.followup)
        self.add_field("followed_on", self.tr("Datum:"), self.followed_on)

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.text(),
            "description": self.description.toPlainText(),
            "followup": self.followup.toPlainText(),
            "followed_on": self.followed_on.value(),
        }


class StepsDialog(QDialog):
    """The working model of one agreement, step by step."""

    def __init__(
        self,
        agreement: AgreementData,
        read: Callable[[Callable[[Any], Any]], Any],
        record_form: Callable[[str, Callable[[Any], Any]], Any],
        record: Callable[[str, Callable[[Any], Any]], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.agreement = agreement
        self._read, self._record_form, self._record = read, record_form, record
        self.setWindowTitle(self.tr("Arbetsmodell – {title}").format(title=agreement.title))
        self.setMinimumWidth(560)
        box = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Steg i arbetsmodellen"))
        self.list.setWordWrap(True)
        self.list.itemDoubleClicked.connect(lambda _i: self.edit_step())
        box.addWidget(self.list)
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("Nytt steg…"))
        self.new_button.clicked.connect(lambda: self.new_step())
        self.edit_button = QPushButton(self.tr("Ändra…"))
        self.edit_button.clicked.connect(lambda: self.edit_step())
        self.delete_button = QPushButton(self.tr("Ta bort"))
        self.delete_button.setAccessibleName(self.tr("Ta bort steget"))
        self.delete_button.clicked.connect(self.delete_step)
        for button in (self.new_button, self.edit_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.list.currentRowChanged.connect(lambda _r: self._update())
        self.reload()

    def reload(self) -> None:
        agreement_id = self.agreement.id
        self.steps: list[AgreementStep] = self._read(
            lambda s: agreement_steps.list_steps(s, agreement_id)
        )
        self.list.clear()
        for number, step in enumerate(self.steps, start=1):
            text = f"{number}. {step.title}"
            if step.followup_label:
                text += f"\n{step.followup_label}"
            item = QListWidgetItem(text)
            item.setData(_ID, step.id)
            self.list.addItem(item)
        self._update()

    def _update(self) -> None:
        chosen = self.current() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def current(self) -> AgreementStep | None:
        row = self.list.currentRow()
        return self.steps[row] if 0 <= row < len(self.steps) else None

    def _form(self, step: AgreementStep | None, save: Save) -> StepDialog:
        """The step's form; `exec` is the seam tests replace."""
        return StepDialog(save, step, self)

    def new_step(self) -> None:
        agreement_id = self.agreement.id

        def save(values: dict[str, Any]) -> None:
            self._record_form(
                self.tr("Nytt steg"),
                lambda s: agreement_steps.add_step(s, agreement_id, **values),
            )

        self._form(None, save).exec()
        self.reload()

    def edit_step(self) -> None:
        step = self.current()
        if step is None:
            return

        def save(values: dict[str, Any]) -> None:
            self._record_form(
                self.tr("Ändra steget ”{t}”").format(t=step.title),
                lambda s: agreement_steps.update_step(s, step.id, **values),
            )

        self._form(step, save).exec()
        self.reload()

    def delete_step(self) -> None:
        step = self.current()
        if step is None:
            return
        self._record(
            self.tr("Ta bort steget ”{t}”").format(t=step.title),
            lambda s: agreement_steps.delete_step(s, step.id),
        )
        self.reload()
