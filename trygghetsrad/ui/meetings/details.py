"""The meeting's own fields, its attendance, and the attendance statistics."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, QSortFilterProxyModel, Qt, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.calendar_items import Owner
from trygghetsrad.domain.changes import MEETINGS, Changes
from trygghetsrad.domain.dates import long_date
from trygghetsrad.domain.meetings import MeetingDetail, MeetingKind, Presence, join_names
from trygghetsrad.errors import UserError
from trygghetsrad.services import meetings as meeting_service
from trygghetsrad.services import meetings_attendance as attendance_service
from trygghetsrad.services import register
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.meetings.dialogs import (
    GroupChecklist,
    GuestDialog,
    date_edit,
    person_combo,
    py_date,
    py_time,
    time_edit,
)
from trygghetsrad.ui.meetings.models import AttendanceModel, SortRole, StatsModel
from trygghetsrad.ui.meetings.sorting import arrow_points_along
from trygghetsrad.ui.widgets.autosave import Autosaver, SetFieldCommand
from trygghetsrad.ui.widgets.journal_command import push_recorded
from trygghetsrad.ui.widgets.screen import fit_to_screen


def _table(model: Any, name: str, sortable: bool = False, stretch: int = 0) -> QTableView:
    view = QTableView()
    if sortable:
        proxy = QSortFilterProxyModel(view)
        proxy.setSourceModel(model)
        proxy.setSortRole(SortRole)
        view.setModel(proxy)
        view.setSortingEnabled(True)
    else:
        view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class DetailsPanel(QWidget):
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
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.groups_box = QVBoxLayout()
        self.groups: GroupChecklist | None = None
        self._group_names: list[tuple[int, str]] = []
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
        self.people_form = form
        self.chair = QComboBox()
        self.secretary = QComboBox()
        self.adjuster = QComboBox()
        for label, combo in (
            (self.tr("Ordförande"), self.chair),
            (self.tr("Antecknare"), self.secretary),
            (self.tr("Justerare"), self.adjuster),
        ):
            combo.setAccessibleName(label)
            form.addRow(label, combo)
        self.secretary_title = QLineEdit()
        self.secretary_title.setAccessibleName(self.tr("Antecknarens titel"))
        form.addRow(self.tr("Titel (Vid pennan)"), self.secretary_title)
        self.first_paragraph = QSpinBox()
        self.first_paragraph.setRange(1, 9999)
        self.first_paragraph.setAccessibleName(self.tr("Första paragrafnummer"))
        form.addRow(self.tr("Första §"), self.first_paragraph)
        layout.addLayout(form)
        # A refused value is explained right below its field (ValidationError.field).
        self.field_errors: dict[str, QLabel] = {}
        for keys, anchor in (
            (("group_ids",), holder),
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
            form_row, _role = form.getWidgetPosition(anchor)
            if form_row < 0:  # the time row is a layout: find the row of its first field
                form_row = next(
                    (
                        r
                        for r in range(form.rowCount())
                        if (item := form.itemAt(r, QFormLayout.ItemRole.FieldRole)) is not None
                        and item.layout() is not None
                        and item.layout().indexOf(anchor) >= 0
                    ),
                    form.rowCount() - 1,
                )
            form.insertRow(form_row + 1, "", label)
            form.setRowVisible(form_row + 1, False)
            for key in keys:
                self.field_errors[key] = label
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
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)
        self.dirty = False
        # Every change is stored once the typing pauses; the button only saves sooner.
        self.autosaver = Autosaver(self.save_now, parent=self)
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
        # Consecutive saves of one field are one undo step until the focus leaves it.
        self._undo_session = 0
        self._new_step_after_save = False
        for widget in (
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
        ):
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusOut:
            if self.autosaver.pending:
                self._new_step_after_save = True  # the pending save still joins this step
            else:
                self._undo_session += 1
        return super().eventFilter(watched, event)

    def _undo_text(self, keys: list[str]) -> str:
        labels = {
            "group_ids": self.tr("Ändra grupper"),
            "day": self.tr("Ändra datum"),
            "start_time": self.tr("Ändra tid"),
            "end_time": self.tr("Ändra tid"),
            "kind": self.tr("Ändra mötestyp"),
            "place": self.tr("Ändra plats"),
            "online_link": self.tr("Ändra länk"),
            "chair_id": self.tr("Ändra ordförande"),
            "secretary_id": self.tr("Ändra antecknare"),
            "adjuster_id": self.tr("Ändra justerare"),
            "secretary_title": self.tr("Ändra antecknarens titel"),
            "first_paragraph": self.tr("Ändra första paragrafnummer"),
        }
        texts = list(dict.fromkeys(labels[k] for k in keys))
        return texts[0] if len(texts) == 1 else self.tr("Ändra mötets uppgifter")

    def _push_undo(self, meeting: MeetingDetail, values: dict[str, Any]) -> None:
        """Put a stored details change on the page's undo stack (already applied)."""
        stack = self.undo_stack
        if stack is None:
            return
        stored: dict[str, Any] = {
            "group_ids": list(meeting.group_ids),
            "day": meeting.day,
            "start_time": meeting.start_time,
            "end_time": meeting.end_time,
            "kind": meeting.kind.value,
            "place": meeting.place,
            "online_link": meeting.online_link,
            "chair_id": meeting.chair_id,
            "secretary_id": meeting.secretary_id,
            "secretary_title": meeting.secretary_title,
            "adjuster_id": meeting.adjuster_id,
            "first_paragraph": meeting.first_paragraph,
        }

        def same(key: str) -> bool:
            if key == "group_ids":
                return set(stored[key]) == set(values[key])
            return stored[key] == values[key]

        keys = [k for k in stored if not same(k)]
        if not keys:
            return
        meeting_id = meeting.id
        stack.push(
            SetFieldCommand(
                self._undo_text(keys),
                lambda fields: self._apply_undo(meeting_id, fields),
                {k: stored[k] for k in keys},
                {k: values[k] for k in keys},
                merge_key=f"meeting-details-{meeting_id}-{','.join(keys)}-{self._undo_session}",
            )
        )

    def _apply_undo(self, meeting_id: int, fields: dict[str, Any]) -> None:
        """Undo/redo: store `fields` and show them (unsaved typing elsewhere is dropped)."""
        self.autosaver.cancel()
        self._undo_session += 1  # an edit after an undo is a step of its own
        try:
            with self.ctx.database.session() as s:
                meeting_service.update_meeting(s, meeting_id, **fields)
                meeting = meeting_service.get_meeting(s, meeting_id)
        except UserError as exc:
            self.ctx.events.status_message.emit(str(exc))
            QMessageBox.warning(self, self.tr("Det gick inte"), str(exc))
            return
        if self.meeting is not None and self.meeting.id == meeting_id:
            self.set_meeting(meeting)
            self.saved.emit()  # the list row and the header
        else:
            self.ctx.events.changed(Changes.of(MEETINGS))

    def _mark_dirty(self, *_args: object) -> None:
        if self.meeting is not None and not self._loading:
            self.dirty = True
            self.autosaver.changed()

    def save_now(self) -> bool:
        """Autosave hook (window close, tab or meeting switch): store unsaved edits."""
        if not self.dirty:
            return True
        return self.save()

    def set_meeting(self, meeting: MeetingDetail | None) -> None:
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
        with self.ctx.database.session() as s:
            groups = register.list_groups(s)
            people = register.list_people(s)
        # Reloaded after every autosave: leave what already shows the stored value alone, so
        # that the cursor and the focus stay where the user is typing.
        if self.groups is not None and self._group_names == [(g.id, g.name) for g in groups]:
            for i in range(self.groups.count()):
                item = self.groups.item(i)
                state = (
                    Qt.CheckState.Checked
                    if item.data(256) in meeting.group_ids
                    else Qt.CheckState.Unchecked
                )
                if item.checkState() != state:
                    item.setCheckState(state)
        else:
            if self.groups is not None:
                self.groups_box.removeWidget(self.groups)
                self.groups.hide()
                self.groups.deleteLater()
            self.groups = GroupChecklist(groups, meeting.group_ids)
            self.groups.setAccessibleName(self.tr("Grupper"))
            self.groups.itemChanged.connect(self._mark_dirty)
            self.groups_box.addWidget(self.groups)
            self._group_names = [(g.id, g.name) for g in groups]
        self.day.setDate(QDate(meeting.day.year, meeting.day.month, meeting.day.day))
        for edit, value in ((self.start, meeting.start_time), (self.end, meeting.end_time)):
            edit.setTime(QTime(value.hour, value.minute) if value else QTime(0, 0))
        self.kind.setCurrentIndex(self.kind.findData(meeting.kind.value))
        for line, text in (
            (self.place, meeting.place),
            (self.link, meeting.online_link),
            (self.secretary_title, meeting.secretary_title),
        ):
            if line.text() != text:
                line.setText(text)
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
        self.first_paragraph.setValue(meeting.first_paragraph)
        self.setEnabled(meeting.editable)
        self.show_error("")

    def delete(self) -> None:
        if self.meeting is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Ta bort mötet"),
            self.tr("Ta bort {title} {when} med dagordning, anteckningar och uppdrag?").format(
                title=self.meeting.title, when=self.meeting.when
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        meeting_id = self.meeting.id
        label = self.tr("Ta bort mötet ”{title} {day}”").format(
            title=self.meeting.title, day=long_date(self.meeting.day, weekday=False)
        )
        # The page's undo stack (active while the page shows): Ctrl+Z brings the meeting
        # back with its agenda, notes, decisions, actions and attendance.
        stack = self.undo_stack or self.ctx.undo_group.activeStack()
        if stack is None:
            return

        def show_error(text: str) -> None:
            self.error.setText(text)
            self.error.show()

        ok, _result = push_recorded(
            stack,
            self.ctx,
            label,
            lambda s: meeting_service.delete_meeting(s, meeting_id),
            parent_widget=self,
            on_error=show_error,
            on_undone=lambda: self.ctx.events.open_record.emit(
                Owner(MEETINGS, "meeting", meeting_id)
            ),
        )
        if not ok:
            return
        self.meeting = None
        self.dirty = False
        self.deleted.emit(meeting_id)

    def save(self) -> bool:
        self.autosaver.cancel()
        if self.meeting is None or self.groups is None:
            return True
        meeting = self.meeting
        try:
            values = {
                "group_ids": self.groups.checked_ids(),
                "day": py_date(self.day),
                "start_time": py_time(self.start),
                "end_time": py_time(self.end),
                "kind": self.kind.currentData(),
                "place": self.place.text(),
                "online_link": self.link.text(),
                "chair_id": self.chair.currentData(),
                "secretary_id": self.secretary.currentData(),
                "secretary_title": self.secretary_title.text(),
                "adjuster_id": self.adjuster.currentData(),
                "first_paragraph": self.first_paragraph.value(),
            }
            with self.ctx.database.session() as s:
                meeting_service.update_meeting(s, self.meeting.id, **values)
        except UserError as exc:
            self._refused_field = getattr(exc, "field", None)
            self.show_error(str(exc), self._refused_field)
            return False
        self._refused_field = None
        self.show_error("")
        self.dirty = False
        saved_at = datetime.now().strftime("%H.%M")
        self.saved_label.setText(self.tr("Sparat kl. {time}").format(time=saved_at))
        self._push_undo(meeting, values)
        if self._new_step_after_save:
            self._new_step_after_save = False
            self._undo_session += 1
        self.saved.emit()
        return True

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

    def discard_invalid_edits(self) -> bool:
        """Ask before leaving a meeting whose details could not be saved; True = leave anyway
        (what was typed is then dropped), False = stay and correct it."""
        from trygghetsrad.ui.widgets.unsaved import ask_discard

        leave = ask_discard(
            self,
            [self.error_text()],
            go_on_hint=self.tr(
                "Gå tillbaka för att rätta mötets uppgifter, eller släng ändringen och byt möte."
            ),
        )
        if leave:
            self.dirty = False
            self.autosaver.cancel()
        return leave


class _PresenceCommand(QUndoCommand):
    def __init__(
        self, panel: AttendancePanel, row_id: int, name: str, old: Presence, new: Presence
    ) -> None:
        super().__init__(panel.tr("Närvaro för {name}: {p}").format(name=name, p=new.label.lower()))
        self.panel, self.row_id, self.old, self.new = panel, row_id, old, new

    def redo(self) -> None:
        self.panel.apply(self.row_id, self.new)

    def undo(self) -> None:
        self.panel.apply(self.row_id, self.old)


class AttendancePanel(QWidget):
    changed = Signal()

    def __init__(self, ctx: AppContext, undo_stack: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.undo_stack = undo_stack
        self.meeting: MeetingDetail | None = None
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Gruppernas medlemmar på mötesdagen. Närvaron är ej angiven tills du markerar "
                "den: med knapparna eller tangenterna N (närvarande), F (anmält förhinder) "
                "och X (frånvarande), eller alla som återstår på en gång."
            )
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self._build_empty_state(layout)  # above the list, where the eye looks for names
        self.model = AttendanceModel(self)
        self.view = _table(self.model, self.tr("Närvarolista"), stretch=1)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.buttons: list[QPushButton] = []
        for text, presence, key in (
            (self.tr("&Närvarande"), Presence.PRESENT, "N"),
            (self.tr("Anmält &förhinder"), Presence.EXCUSED, "F"),
            (self.tr("Frånvarande (&X)"), Presence.ABSENT, "X"),
        ):
            button = QPushButton(text)
            button.setAccessibleName(text.replace("&", ""))
            button.clicked.connect(lambda _c=False, p=presence: self.mark(p))
            row.addWidget(button)
            self.buttons.append(button)
            shortcut = QShortcut(QKeySequence(key), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda p=presence: self.mark(p))
        self.all_present_button = self._build_all_present_button()
        row.addWidget(self.all_present_button)
        self.guest_button = QPushButton(self.tr("Lägg till adjungerad/ersättare…"))
        self.guest_button.setAccessibleName(self.tr("Lägg till adjungerad eller ersättare"))
        self.guest_button.clicked.connect(self.add_guest)
        self.remove_button = QPushButton(self.tr("Ta bort"))
        self.remove_button.setAccessibleName(self.tr("Ta bort ur närvarolistan"))
        self.remove_button.clicked.connect(self.remove)
        row.addStretch(1)
        layout.addLayout(row)
        row2 = QHBoxLayout()
        row2.addWidget(self.guest_button)
        row2.addWidget(self.remove_button)
        row2.addStretch(1)
        layout.addLayout(row2)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.hide()
        layout.addWidget(self.error)

    def _build_all_present_button(self) -> QPushButton:
        button = QPushButton(self.tr("Alla övriga närvarande"))
        button.setAccessibleName(
            self.tr("Markera alla vars närvaro inte är angiven som närvarande")
        )
        button.setToolTip(
            self.tr(
                "Markerar alla vars närvaro är ”Ej angiven” som närvarande (adjungerade som "
                "adjungerade). Det du redan markerat ändras inte. Ångra med Ctrl+Z."
            )
        )
        button.clicked.connect(self.mark_unrecorded_present)
        return button

    def unmarked_count(self) -> int:
        """How many on the list have no attendance marked yet."""
        return sum(r.presence is Presence.UNKNOWN for r in self.model.records)

    def mark_unrecorded_present(self) -> None:
        if self.meeting is None or not self.meeting.editable:
            return
        meeting_id = self.meeting.id
        self._record(
            self.tr("Alla övriga närvarande"),
            lambda s: attendance_service.mark_unrecorded_present(s, meeting_id),
        )

    def _build_empty_state(self, layout: QVBoxLayout) -> None:
        """Why the list is empty, and the way to fill it (a meeting entered after the fact)."""
        self.empty_box = QWidget()
        box = QVBoxLayout(self.empty_box)
        box.setContentsMargins(0, 0, 0, 0)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAccessibleName(self.tr("Varför närvarolistan är tom"))
        box.addWidget(self.empty_label)
        self.members_button = QPushButton()
        self.members_button.clicked.connect(self.count_members_from_meeting_day)
        box.addWidget(self.members_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.empty_box.hide()
        layout.addWidget(self.empty_box)

    def set_meeting(self, meeting: MeetingDetail | None) -> None:
        self.meeting = meeting
        self.reload()

    def sync_with_register(self) -> None:
        """Memberships changed: list the groups' members on the meeting's day again."""
        if self.meeting is None or not self.meeting.editable:
            return
        meeting_id = self.meeting.id
        try:
            with self.ctx.database.session() as s:
                attendance_service.sync_members(s, meeting_id)
        except UserError:
            return  # the meeting is gone or no longer editable: the page reloads anyway
        self.reload()

    def _show_empty_state(self) -> None:
        meeting = self.meeting
        if meeting is None or self.model.rowCount() or not meeting.editable:
            self.empty_box.hide()
            return
        with self.ctx.database.session() as s:
            later = attendance_service.members_joining_later(s, meeting.id)
        day = long_date(meeting.day, weekday=False)
        if later:
            text = (
                self.tr(
                    "Ingen var medlem i {groups} den {day} enligt registret: {names} blev "
                    "medlem senare (”Från och med” ligger efter mötesdagen)."
                )
                if len(later) == 1
                else self.tr(
                    "Ingen var medlem i {groups} den {day} enligt registret: {names} blev "
                    "medlemmar senare (”Från och med” ligger efter mötesdagen)."
                )
            )
            self.empty_label.setText(
                text.format(
                    groups=meeting.groups_label,
                    day=day,
                    names=join_names([m.person_name for m in later]),
                )
            )
            self.members_button.setText(self.tr("Räkna medlemskapen från {day}").format(day=day))
            self.members_button.setAccessibleName(self.members_button.text())
            self.members_button.show()
        else:
            self.empty_label.setText(
                self.tr(
                    "{groups} har inga medlemmar i registret. Lägg till medlemmar under "
                    "Register → Grupper, eller adjungerade här."
                ).format(groups=meeting.groups_label)
            )
            self.members_button.hide()
        self.empty_box.show()

    def count_members_from_meeting_day(self) -> None:
        if self.meeting is None:
            return
        meeting_id = self.meeting.id
        self._record(
            self.tr("Räkna medlemmarna från mötesdagen"),
            lambda s: attendance_service.count_members_from_meeting_day(s, meeting_id),
        )

    def reload(self) -> None:
        if self.meeting is None:
            self.model.set_records([])
            self.empty_box.hide()
            return
        row = self.view.currentIndex().row()
        with self.ctx.database.session() as s:
            self.model.set_records(attendance_service.list_attendance(s, self.meeting.id))
        if 0 <= row < self.model.rowCount():
            self.view.selectRow(row)
        editable = self.meeting.editable
        for button in [*self.buttons, self.guest_button, self.remove_button]:
            button.setEnabled(editable)
        self.all_present_button.setEnabled(editable and self.unmarked_count() > 0)
        self._show_empty_state()

    def _run(self, fn: Callable[[Any], Any]) -> bool:
        try:
            with self.ctx.database.session() as s:
                fn(s)
        except UserError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return False
        self.error.hide()
        self.reload()
        from trygghetsrad.domain.changes import MEETINGS, Changes

        self.ctx.events.changed(Changes.of(MEETINGS))
        self.changed.emit()
        return True

    def apply(self, row_id: int, presence: Presence) -> None:
        self._run(lambda s: attendance_service.set_presence(s, row_id, presence))

    def mark(self, presence: Presence) -> None:
        record = self.model.record(self.view.currentIndex().row())
        if record is None or self.meeting is None or not self.meeting.editable:
            return
        if record.presence is presence or presence is Presence.SUBSTITUTE:
            return
        self.undo_stack.push(
            _PresenceCommand(self, record.id, record.name, record.presence, presence)
        )
        row = self.view.currentIndex().row()
        if row + 1 < self.model.rowCount():
            self.view.selectRow(row + 1)

    def add_guest(self) -> None:
        if self.meeting is None:
            return
        meeting_id = self.meeting.id
        with self.ctx.database.session() as s:
            people = register.list_people(s)
        members = [(r.person_id, r.name) for r in self.model.records if r.member and r.person_id]

        def save(values: dict[str, Any]) -> None:
            with self.ctx.database.session() as s:  # checked first: errors show at the field
                attendance_service.add_attendee(s, meeting_id, **values)
                s.rollback()
            self._record(
                self.tr("Lägg till deltagare"),
                lambda s: attendance_service.add_attendee(s, meeting_id, **values),
            )

        dialog = GuestDialog(people, members, save, self)
        dialog.open()
        self.guest_dialog = dialog

    def remove(self) -> None:
        record = self.model.record(self.view.currentIndex().row())
        if record is not None:
            self._record(
                self.tr("Ta bort {name} ur närvarolistan").format(name=record.name),
                lambda s: attendance_service.remove_attendee(s, record.id),
            )

    def _record(self, text: str, fn: Callable[[Any], Any]) -> None:
        """Run a service call as an undoable edit (undo puts back every row it changed)."""

        def show_error(message: str) -> None:
            self.error.setText(message)
            self.error.show()

        def replayed() -> None:
            self.reload()
            self.changed.emit()

        ok, _result = push_recorded(
            self.undo_stack,
            self.ctx,
            text,
            fn,
            parent_widget=self,
            on_error=show_error,
            on_undone=replayed,
            on_redone=replayed,
        )
        if ok:
            self.error.hide()
            replayed()


class StatsDialog(QDialog):
    """Attendance per person and per organisation for a year."""

    def __init__(self, ctx: AppContext, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Närvarostatistik"))
        self.setAccessibleName(self.tr("Närvarostatistik"))
        self.resize(1000, 680)
        fit_to_screen(self)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.year.setAccessibleName(self.tr("År"))
        self.group = QComboBox()
        self.group.setAccessibleName(self.tr("Grupp"))
        self.group.addItem(self.tr("Alla grupper"), None)
        with ctx.database.session() as s:
            for g in register.list_groups(s):
                self.group.addItem(g.name, g.id)
        row.addWidget(QLabel(self.tr("År")))
        row.addWidget(self.year)
        row.addWidget(QLabel(self.tr("Grupp")))
        row.addWidget(self.group)
        row.addStretch(1)
        layout.addLayout(row)
        self.people_model = StatsModel(self)
        self.org_model = StatsModel(self)
        heading = QLabel(self.tr("Per person"))
        heading.setProperty("role", "heading")
        layout.addWidget(heading)
        people_view = _table(
            self.people_model, self.tr("Närvaro per person"), sortable=True, stretch=1
        )
        layout.addWidget(people_view, 3)
        heading = QLabel(self.tr("Per organisation (företrädd vid mötet)"))
        heading.setProperty("role", "heading")
        layout.addWidget(heading)
        org_view = _table(self.org_model, self.tr("Närvaro per organisation"), sortable=True)
        org_view.setColumnHidden(1, True)  # the organisation is the row itself
        layout.addWidget(org_view, 2)
        self.views = (people_view, org_view)
        for view in self.views:
            view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # A → Ö, as the arrow shows
            arrow_points_along(view.horizontalHeader())
            view.horizontalHeader().setMinimumSectionSize(60)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Stäng"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Stäng"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.year.valueChanged.connect(self.reload)
        self.group.currentIndexChanged.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        year, group = self.year.value(), self.group.currentData()
        with self.ctx.database.session() as s:
            self.people_model.set_records(
                attendance_service.attendance_by_person(s, year, group_id=group)
            )
            self.org_model.set_records(
                attendance_service.attendance_by_organisation(s, year, group_id=group)
            )
