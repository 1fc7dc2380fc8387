"""How a meeting numbers its items, in the meeting's details: the numbering style (§ through
the year, § from 1, "1.", none; the kind of minutes no longer decides it), whether items
stand under kind headings, and "Fortsätt från årets förra möte" for the first §.

Each choice is one undoable edit (push_recorded); the first § itself stays a field of the
details form, which autosaves it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QPushButton, QSpinBox, QWidget

from trygghetsrad.domain.meetings.agenda_structure import Numbering
from trygghetsrad.domain.meetings.model import MeetingDetail
from trygghetsrad.services.meetings import structure
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.widgets.journal_command import push_recorded
from trygghetsrad.ui.widgets.service_calls import read


class NumberingRow(QWidget):
    def __init__(
        self,
        ctx: AppContext,
        undo_stack: Callable[[], Any],
        first_paragraph: QSpinBox,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stack = undo_stack
        self.first_paragraph = first_paragraph
        self.meeting: MeetingDetail | None = None
        self._loading = False
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.numbering = QComboBox()
        self.numbering.setAccessibleName(self.tr("Numrering"))
        for numbering in Numbering:
            self.numbering.addItem(numbering.label, numbering.value)
        self.numbering.activated.connect(self._on_style_chosen)
        self.grouped = QCheckBox(self.tr("Gruppera under ärendetyp"))
        self.grouped.setAccessibleName(self.tr("Gruppera punkterna under ärendetyp"))
        self.grouped.setToolTip(
            self.tr("Kallelse och protokoll sätter rubriker som ”Informationsärenden”")
        )
        self.grouped.clicked.connect(self._on_grouped_clicked)
        self.continue_button = QPushButton(self.tr("Fortsätt från förra mötet"))
        self.continue_button.setAccessibleName(self.tr("Första § fortsätter från årets förra möte"))
        self.continue_button.clicked.connect(self.continue_from_previous)
        row.addWidget(self.numbering)
        row.addWidget(self.grouped)
        row.addStretch(1)

    def show_meeting(self, meeting: MeetingDetail | None) -> None:
        self.meeting = meeting
        self._loading = True
        try:
            style = meeting.numbering_style if meeting else Numbering.DECIMAL
            self.numbering.setCurrentIndex(max(0, self.numbering.findData(style.value)))
            self.grouped.setChecked(bool(meeting and meeting.group_by_category))
        finally:
            self._loading = False
        editable = meeting is not None and meeting.editable
        for widget in (self.numbering, self.grouped):
            widget.setEnabled(editable)
        # The first § counts only for § through the year; it stays a field of its own.
        self.continue_button.setEnabled(editable and style is Numbering.PARAGRAPH_YEAR)

    def _record(self, label: str, **fields: Any) -> None:
        if self._loading or self.meeting is None:
            return
        meeting_id = self.meeting.id
        push_recorded(
            self._stack(),
            self.ctx,
            label,
            lambda s: structure.set_numbering(s, meeting_id, **fields),
            parent_widget=self,
        )

    def _on_style_chosen(self, _index: int) -> None:
        self._record(self.tr("Ändra numrering"), numbering=self.numbering.currentData())

    def _on_grouped_clicked(self, checked: bool) -> None:
        self._record(self.tr("Gruppera under ärendetyp"), group_by_category=checked)

    def continue_from_previous(self) -> None:
        """The first § of this meeting: one past the last § of the year's previous meeting."""
        if self.meeting is None:
            return
        meeting_id = self.meeting.id
        first = read(self.ctx, lambda s: structure.suggested_first_paragraph(s, meeting_id))
        self.first_paragraph.setValue(first)  # the details form stores it as typed
