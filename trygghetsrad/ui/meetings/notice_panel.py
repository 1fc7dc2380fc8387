"""The notice's own fields (*kallelse*): place and date of issue, who signs, where to report
absence, a footnote. Stored as the typing pauses; each stored change is one undo step."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.meetings.model import MeetingDetail
from trygghetsrad.domain.meetings.notice import NoticeData, NoticeSigners
from trygghetsrad.errors import UserError
from trygghetsrad.services.meetings import notice as notice_service
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.widgets.autosave import Autosaver, SetFieldCommand
from trygghetsrad.ui.widgets.date_entry import DateEntry
from trygghetsrad.ui.widgets.service_calls import read, store


class NoticePanel(QWidget):
    saved = Signal()

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, undo_stack: Any = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.undo_stack = undo_stack
        self.meeting: MeetingDetail | None = None
        self.stored = NoticeData()
        self._loading = False
        self._visit = 0
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Det här står bara i kallelsen, inte i protokollet. Det som lämnas tomt "
                "skrivs inte ut."
            )
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        form = QFormLayout()
        self.issued_place = QLineEdit()
        self.issued_place.setPlaceholderText(self.tr("t.ex. Storåker"))
        self.issued_on = DateEntry(None, "issued_on")
        self.signed_by = QComboBox()
        for signers in NoticeSigners:
            self.signed_by.addItem(signers.label, signers.value)
        self.excuses_to = QLineEdit()
        self.excuses_to.setPlaceholderText(
            self.tr("Tomt: antecknaren och hens e-postadress, om de finns")
        )
        self.footnote = QPlainTextEdit()
        self.footnote.setFixedHeight(90)
        for label, widget in (
            (self.tr("Ort"), self.issued_place),
            (self.tr("Datum för kallelsen"), self.issued_on),
            (self.tr("Undertecknas av"), self.signed_by),
            (self.tr("Anmäl förhinder till"), self.excuses_to),
            (self.tr("Fotnot"), self.footnote),
        ):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.autosaver = Autosaver(self.save, parent=self)
        for signal in (
            self.issued_place.textEdited,
            self.issued_on.textEdited,
            self.signed_by.activated,
            self.excuses_to.textEdited,
            self.footnote.textChanged,
        ):
            signal.connect(self._changed)

    def _changed(self, *_args: object) -> None:
        if self.meeting is not None and not self._loading:
            self.autosaver.changed()

    def set_meeting(self, meeting: MeetingDetail | None) -> None:
        if self.autosaver.pending:
            self.save()  # typing of the meeting shown until now is stored first
        self.autosaver.cancel()
        self._visit += 1  # edits of another visit are another undo step
        self.meeting = meeting
        if meeting is None:
            return
        meeting_id = meeting.id
        self._show(read(self.ctx, lambda s: notice_service.get_notice(s, meeting_id)))

    def _show(self, notice: NoticeData) -> None:
        self.stored = notice
        self._loading = True
        try:
            for line, text in (
                (self.issued_place, notice.issued_place),
                (self.excuses_to, notice.excuses_to),
                (self.issued_on, notice.issued_on.isoformat() if notice.issued_on else ""),
            ):
                if line.text() != text:
                    line.setText(text)
            self.signed_by.setCurrentIndex(self.signed_by.findData(notice.signed_by.value))
            if self.footnote.toPlainText() != notice.footnote:
                self.footnote.setPlainText(notice.footnote)
        finally:
            self._loading = False
        self.error.hide()

    def values(self) -> dict[str, Any]:
        """The fields as typed; a date that is no date raises ValidationError."""
        text = self.issued_on.text().strip()
        return {
            "issued_place": self.issued_place.text(),
            "issued_on": self.issued_on.checked() if text else None,
            "signed_by": self.signed_by.currentData(),
            "excuses_to": self.excuses_to.text(),
            "footnote": self.footnote.toPlainText(),
        }

    def save(self) -> bool:
        """Store the fields now (the export calls this too); False when refused."""
        self.autosaver.cancel()
        if self.meeting is None:
            return True
        meeting_id = self.meeting.id
        try:
            values = self.values()
            self._store(meeting_id, values)
        except UserError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return False
        old = {k: v.value if k == "signed_by" else v for k, v in asdict(self.stored).items()}
        self.stored = read(self.ctx, lambda s: notice_service.get_notice(s, meeting_id))
        self.error.hide()
        if self.undo_stack is not None and old != values:
            self.undo_stack.push(
                SetFieldCommand(
                    self.tr("Ändra kallelsen"),
                    lambda fields: self._apply_undo(meeting_id, fields),
                    old,
                    values,
                    merge_key=f"meeting-notice-{meeting_id}-{self._visit}",
                )
            )
        self.saved.emit()
        return True

    def _store(self, meeting_id: int, values: dict[str, Any]) -> None:
        # Only the notice reads these fields: no page needs to reload for them.
        store(
            self.ctx,
            lambda s: notice_service.save_notice(s, meeting_id, **values),
            announce=False,
        )

    def _apply_undo(self, meeting_id: int, fields: dict[str, Any]) -> None:
        self.autosaver.cancel()
        self._store(meeting_id, fields)
        if self.meeting is not None and self.meeting.id == meeting_id:
            self._show(read(self.ctx, lambda s: notice_service.get_notice(s, meeting_id)))
