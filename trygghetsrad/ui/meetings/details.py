"""The meeting's own fields ("Uppgifter om mötet"): groups, date, time, type, place, link,
chair, minute-taker, adjuster, first §. Saving them: details_saving.py."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.meetings.model import MeetingDetail, MeetingKind
from trygghetsrad.domain.register import GroupData, PersonData
from trygghetsrad.services import register
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.meetings.details_saving import DetailsSavingMixin
from trygghetsrad.ui.meetings.fields import GroupChecklist, date_edit, person_combo, time_edit
from trygghetsrad.ui.meetings.numbering_row import NumberingRow
from trygghetsrad.ui.widgets.autosave import Autosaver
from trygghetsrad.ui.widgets.service_calls import read


class DetailsPanel(DetailsSavingMixin, QWidget):
    """Groups, date, time, type, place, link, chair, minute-taker, adjuster."""

    saved = Signal()
    deleted = Signal(int)

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, undo_stack: Any = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        ctx.autosave.join(self)  # its own timer: stored on closing, quitting, switching
        self.undo_stack = undo_stack
        self.meeting: MeetingDetail | None = None
        self._loading = False
        self.groups: GroupChecklist | None = None
        self._group_names: list[tuple[int, str]] = []
        self._refused_field: str | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        groups_holder = self._build_fields(form)
        layout.addLayout(form)
        self.people_form = form
        self._build_field_errors(form, groups_holder)
        self._build_footer(layout)
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)
        self.dirty = False
        # Every change is stored once the typing pauses; the button only saves sooner.
        self.autosaver = Autosaver(self.save_now, parent=self)
        # Consecutive saves of one field are one undo step until the focus leaves it.
        self._undo_session = 0
        self._new_step_after_save = False
        self._watch_edits()

    def _build_fields(self, form: QFormLayout) -> QWidget:
        """The rows of the form; returns the holder of the group check list."""
        self.groups_box = QVBoxLayout()
        holder = QWidget()
        holder.setLayout(self.groups_box)
        form.addRow(self.tr("Grupper"), holder)
        self.day = date_edit(date.today(), "day")
        self.day.setAccessibleName(self.tr("Datum"))
        form.addRow(self.tr("Datum"), self.day)
        times = QHBoxLayout()
        self.start = time_edit(None, "start_time")
        self.end = time_edit(None, "end_time")
        self.start.setAccessibleName(self.tr("Starttid"))
        self.end.setAccessibleName(self.tr("Sluttid"))
        times.addWidget(self.start)
        times.addWidget(QLabel("–"))
        times.addWidget(self.end)
        # Said in words: an empty pair of fields could be read as a time still loading.
        self.no_time = QLabel(self.tr("Ingen tid angiven"))
        self.no_time.setProperty("role", "hint")
        self.no_time.hide()
        times.addWidget(self.no_time)
        times.addStretch(1)
        form.addRow(self.tr("Tid"), times)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Typ"))
        for kind in MeetingKind:
            self.kind.addItem(kind.label, kind.value)
        form.addRow(self.tr("Typ"), self.kind)
        self.place = QLineEdit()
        self.place.setAccessibleName(self.tr("Plats"))
        form.addRow(self.tr("Plats"), self.place)
        self.link = QLineEdit()
        self.link.setAccessibleName(self.tr("Länk"))
        self.link.setPlaceholderText(self.tr("t.ex. digitalt via Teams"))
        form.addRow(self.tr("Länk"), self.link)
        self.chair = QComboBox()
        self.secretary = QComboBox()
        self.adjuster = QComboBox()
        for label, combo in (
            (self.tr("Ordförande"), self.chair),
            (MeetingKind.NOTES.secretary_label, self.secretary),
            (self.tr("Justerare"), self.adjuster),
        ):
            combo.setAccessibleName(label)
            form.addRow(label, combo)
        # Named as the minutes of the chosen kind name it: "Sekreterare" in a protocol.
        label = form.labelForField(self.secretary)
        assert isinstance(label, QLabel)  # addRow(text, widget) makes one
        self.secretary_label = label
        self.kind.currentIndexChanged.connect(self._name_secretary)
        self.secretary_title = QLineEdit()
        self.secretary_title.setAccessibleName(self.tr("Antecknarens titel"))
        form.addRow(self.tr("Titel (Vid pennan)"), self.secretary_title)
        self.first_paragraph = QSpinBox()
        self.first_paragraph.setRange(1, 9999)
        self.first_paragraph.setAccessibleName(self.tr("Första paragrafnummer"))
        # How the items are numbered, apart from the type (one undo step per choice).
        self.numbering_row = NumberingRow(
            self.ctx,
            lambda: self.undo_stack or self.ctx.undo_group.activeStack(),
            self.first_paragraph,
        )
        form.addRow(self.tr("Numrering"), self.numbering_row)
        first = QHBoxLayout()
        first.addWidget(self.first_paragraph)
        first.addWidget(self.numbering_row.continue_button)
        first.addStretch(1)
        form.addRow(self.tr("Första §"), first)
        return holder

    def _build_field_errors(self, form: QFormLayout, groups_holder: QWidget) -> None:
        """A refused value is explained right below its field (ValidationError.field)."""
        self.field_errors: dict[str, QLabel] = {}
        for keys, anchor in (
            (("group_ids",), groups_holder),
            (("day",), self.day),
            (("start_time", "end_time"), self.start),
            (("kind",), self.kind),
            (("place",), self.place),
            (("online_link",), self.link),
            (("chair_id",), self.chair),
            (("secretary_id",), self.secretary),
            (("adjuster_id",), self.adjuster),
            (("secretary_title",), self.secretary_title),
            (("first_paragraph",), self.first_paragraph),
        ):
            label = QLabel()
            label.setProperty("role", "error")
            label.setWordWrap(True)
            label.setAccessibleName(self.tr("Fel i fältet"))
            label.hide()
            form_row = self._form_row_of(form, anchor)
            form.insertRow(form_row + 1, "", label)
            form.setRowVisible(form_row + 1, False)
            for key in keys:
                self.field_errors[key] = label

    @staticmethod
    def _form_row_of(form: QFormLayout, anchor: QWidget) -> int:
        form_row, _role = form.getWidgetPosition(anchor)
        if form_row >= 0:
            return form_row
        # The time row is a layout: find the row of its first field.
        return next(
            (
                r
                for r in range(form.rowCount())
                if (item := form.itemAt(r, QFormLayout.ItemRole.FieldRole)) is not None
                and item.layout() is not None
                and item.layout().indexOf(anchor) >= 0
            ),
            form.rowCount() - 1,
        )

    def _build_footer(self, layout: QVBoxLayout) -> None:
        row = QHBoxLayout()
        # No Save button: like every other field in the app these are stored as you go
        # (Ctrl+S stores at once); this line says so, and when it last happened.
        self.saved_label = QLabel(self.tr("Ändringar sparas automatiskt."))
        self.saved_label.setProperty("role", "hint")
        self.saved_label.setAccessibleName(self.tr("Sparat"))
        row.addWidget(self.saved_label)
        row.addStretch(1)
        self.delete_button = QPushButton(self.tr("Ta bort mötet…"))
        self.delete_button.setAccessibleName(self.tr("Ta bort mötet"))
        self.delete_button.clicked.connect(self.delete)
        row.addWidget(self.delete_button)
        layout.addLayout(row)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        layout.addStretch(1)

    def _edits(self) -> tuple[QWidget, ...]:
        return (
            self.day,
            self.start,
            self.end,
            self.kind,
            self.place,
            self.link,
            self.chair,
            self.secretary,
            self.adjuster,
            self.secretary_title,
            self.first_paragraph,
        )

    def _watch_edits(self) -> None:
        """Mark the form dirty on every edit; watch the focus for the undo steps."""
        for signal in (
            self.day.dateChanged,
            self.start.timeChanged,
            self.end.timeChanged,
            self.kind.currentIndexChanged,
            self.place.textEdited,
            self.link.textEdited,
            self.chair.activated,
            self.secretary.activated,
            self.adjuster.activated,
            self.secretary_title.textEdited,
            self.first_paragraph.valueChanged,
        ):
            signal.connect(self._mark_dirty)
        for widget in self._edits():
            widget.installEventFilter(self)
        for edit in (self.start, self.end):
            edit.textChanged.connect(self._show_no_time)

    def _name_secretary(self, *_args: object) -> None:
        word = self.secretary_word()
        self.secretary_label.setText(word)
        self.secretary.setAccessibleName(word)

    def _show_no_time(self, *_args: object) -> None:
        self.no_time.setVisible(not (self.start.text().strip() or self.end.text().strip()))

    def set_meeting(self, meeting: MeetingDetail | None) -> None:
        if meeting is None or self.meeting is None or meeting.id != self.meeting.id:
            # "Sparat kl. …" told of the meeting shown before: not of this one.
            self.saved_label.setText(self.tr("Ändringar sparas automatiskt."))
        self._loading = True
        try:
            self._set_meeting(meeting)
        finally:
            self._loading = False
        self.dirty = False
        self.autosaver.cancel()

    def _set_meeting(self, meeting: MeetingDetail | None) -> None:
        self.meeting = meeting
        if meeting is None:
            return
        groups, people = read(
            self.ctx, lambda s: (register.list_groups(s), register.list_people(s))
        )
        # Reloaded after every autosave: leave what already shows the stored value alone, so
        # that the cursor and the focus stay where the user is typing.
        self._show_groups(groups, meeting.group_ids)
        self.day.setDate(QDate(meeting.day.year, meeting.day.month, meeting.day.day))
        for edit, value in ((self.start, meeting.start_time), (self.end, meeting.end_time)):
            edit.setTime(value)
        self._show_no_time()
        self.kind.setCurrentIndex(self.kind.findData(meeting.kind.value))
        for line, text in (
            (self.place, meeting.place),
            (self.link, meeting.online_link),
            (self.secretary_title, meeting.secretary_title),
        ):
            if line.text() != text:
                line.setText(text)
        self._show_people(people, meeting)
        self.first_paragraph.setValue(meeting.first_paragraph)
        self.setEnabled(meeting.editable)
        self.numbering_row.show_meeting(meeting)
        self.show_error("")

    def _show_groups(self, groups: Sequence[GroupData], checked: Sequence[int]) -> None:
        """Tick the meeting's groups; the list is built again only when the groups changed."""
        if self.groups is not None and self._group_names == [(g.id, g.name) for g in groups]:
            for i in range(self.groups.count()):
                item = self.groups.item(i)
                state = (
                    Qt.CheckState.Checked if item.data(256) in checked else Qt.CheckState.Unchecked
                )
                if item.checkState() != state:
                    item.setCheckState(state)
            return
        if self.groups is not None:
            self.groups_box.removeWidget(self.groups)
            self.groups.hide()
            self.groups.deleteLater()
        self.groups = GroupChecklist(groups, checked)
        self.groups.setAccessibleName(self.tr("Grupper"))
        self.groups.itemChanged.connect(self._mark_dirty)
        self.groups_box.addWidget(self.groups)
        self._group_names = [(g.id, g.name) for g in groups]

    def _show_people(self, people: Sequence[PersonData], meeting: MeetingDetail) -> None:
        """Chair, minute-taker and adjuster; a list is filled again only when it changed."""
        for combo, selected in (
            (self.chair, meeting.chair_id),
            (self.secretary, meeting.secretary_id),
            (self.adjuster, meeting.adjuster_id),
        ):
            fresh = person_combo(people, selected, self.tr("(ingen)"))
            entries = [(fresh.itemText(i), fresh.itemData(i)) for i in range(fresh.count())]
            if entries != [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]:
                combo.clear()
                for text, data in entries:
                    combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(selected)) if selected else 0)
            fresh.deleteLater()

    def focus_refused(self) -> None:
        """Put the cursor in the field whose value was refused (see widgets/unsaved.py)."""
        fields = {
            "day": self.day,
            "start_time": self.start,
            "end_time": self.end,
            "kind": self.kind,
            "place": self.place,
            "online_link": self.link,
            "chair_id": self.chair,
            "secretary_id": self.secretary,
            "adjuster_id": self.adjuster,
            "secretary_title": self.secretary_title,
            "first_paragraph": self.first_paragraph,
            "group_ids": self.groups,
        }
        widget = fields.get(getattr(self, "_refused_field", None) or "") or self.place
        if widget is not None:
            widget.setFocus()

    def show_error(self, text: str, field: str | None = None) -> None:
        """Show `text` below its field (or below the form when it has none); "" clears."""
        target = self.field_errors.get(field or "", self.error)
        for label in dict.fromkeys([*self.field_errors.values(), self.error]):
            shown = bool(text) and label is target
            label.setText(text if shown else "")
            row, _role = self.people_form.getWidgetPosition(label)
            if row >= 0:
                self.people_form.setRowVisible(row, shown)
            else:
                label.setVisible(shown)
        if text:
            self.ctx.events.status_message.emit(text)

    def error_text(self) -> str:
        """The messages shown now (at the fields and below the form)."""
        labels = dict.fromkeys([*self.field_errors.values(), self.error])
        return "\n".join(label.text() for label in labels if label.text())
