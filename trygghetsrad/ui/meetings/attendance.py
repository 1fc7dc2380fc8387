"""The attendance tab: who was there (the attendance table), guests and substitutes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.dates import long_date
from trygghetsrad.domain.meetings.model import MeetingDetail, Presence, join_names
from trygghetsrad.domain.register import PersonData
from trygghetsrad.errors import UserError
from trygghetsrad.i18n import tr as text_tr
from trygghetsrad.services import register
from trygghetsrad.services.meetings import attendance as attendance_service
from trygghetsrad.services.meetings import structure as meetings_structure
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.meetings.attendance_details import AttendanceDetailsDialog
from trygghetsrad.ui.meetings.fields import Save, person_combo
from trygghetsrad.ui.meetings.models import AttendanceModel
from trygghetsrad.ui.meetings.table_view import record_table
from trygghetsrad.ui.widgets.form_dialog import FormDialog
from trygghetsrad.ui.widgets.journal_command import push_raising, push_recorded
from trygghetsrad.ui.widgets.service_calls import read, store


class AttendancePanel(QWidget):
    """Who is on the list and how each attended; marks, guests and removals are undoable."""

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
        self.view = record_table(self.model, self.tr("Närvarolista"), stretch=1)
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
            # A click leaves the cursor in the list, where N, F and X go on working.
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
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
        self.details_button = QPushButton(self.tr("Vid mötet…"))
        self.details_button.setAccessibleName(
            self.tr("Del av mötet, roll vid mötet och notering för den markerade")
        )
        self.details_button.setToolTip(
            self.tr("T.ex. ”t.o.m. punkt 5”, kom/gick kl., tjänstgörande ordförande (dubbelklick)")
        )
        self.details_button.clicked.connect(self.edit_details)
        self.view.doubleClicked.connect(lambda _index: self.edit_details())
        row2 = QHBoxLayout()
        row2.addWidget(self.details_button)
        row2.addWidget(self.guest_button)
        row2.addWidget(self.remove_button)
        row2.addStretch(1)
        layout.addLayout(row2)
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())
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
        return sum(r.presence is Presence.UNKNOWN for r in self.model.rows())

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
        same = meeting is not None and self.meeting is not None and meeting.id == self.meeting.id
        self.meeting = meeting
        if not same:
            # The row chosen in one meeting is nobody in the next: N/F/X would mark a person
            # the user never picked.
            self.view.selectionModel().clear()
        self.reload()

    def sync_with_register(self) -> None:
        """Memberships changed: list the groups' members on the meeting's day again."""
        if self.meeting is None or not self.meeting.editable:
            return
        meeting_id = self.meeting.id
        try:
            # Called while the page reloads after a register change: no second announcement.
            store(
                self.ctx,
                lambda s: attendance_service.sync_members(s, meeting_id),
                announce=False,
            )
        except UserError:
            return  # the meeting is gone or no longer editable: the page reloads anyway
        self.reload()

    def _show_empty_state(self) -> None:
        meeting = self.meeting
        if meeting is None or self.model.rowCount() or not meeting.editable:
            self.empty_box.hide()
            return
        later = read(self.ctx, lambda s: attendance_service.members_joining_later(s, meeting.id))
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
            self.model.set_rows([])
            self.empty_box.hide()
            self._update_buttons()
            return
        row = self.view.currentIndex().row()
        meeting_id = self.meeting.id
        self.model.set_rows(
            read(self.ctx, lambda s: attendance_service.list_attendance(s, meeting_id))
        )
        if 0 <= row < self.model.rowCount():
            self.view.selectRow(row)
        self._update_buttons()
        self._show_empty_state()

    def _update_buttons(self) -> None:
        """Buttons that act on the marked person only while someone is marked."""
        editable = self.meeting is not None and self.meeting.editable
        chosen = editable and self.view.currentIndex().isValid()
        for button in [*self.buttons, self.remove_button, self.details_button]:
            button.setEnabled(chosen)
        self.guest_button.setEnabled(editable)
        self.all_present_button.setEnabled(editable and self.unmarked_count() > 0)

    def focus_unmarked(self) -> None:
        """Mark the first person whose attendance is not given yet and put the cursor in the
        list, ready for N, F or X."""
        rows = self.model.rows()
        row = next((i for i, r in enumerate(rows) if r.presence is Presence.UNKNOWN), 0)
        if rows:
            self.view.selectRow(row)
        self.view.setFocus()

    def mark(self, presence: Presence) -> None:
        record = self.model.record_at(self.view.currentIndex().row())
        if record is None or self.meeting is None or not self.meeting.editable:
            return
        if record.presence is presence or presence is Presence.SUBSTITUTE:
            return
        row = self.view.currentIndex().row()
        self._record(
            self.tr("Närvaro för {name}: {p}").format(name=record.name, p=presence.label.lower()),
            lambda s: attendance_service.set_presence(s, record.id, presence),
        )
        if row + 1 < self.model.rowCount():
            self.view.selectRow(row + 1)

    def add_guest(self) -> None:
        if self.meeting is None:
            return
        meeting_id = self.meeting.id
        people = read(self.ctx, register.list_people)
        members = [(r.person_id, r.name) for r in self.model.rows() if r.member and r.person_id]

        def save(values: dict[str, Any]) -> None:
            push_raising(
                self.undo_stack,
                self.ctx,
                self.tr("Lägg till deltagare"),
                lambda s: attendance_service.add_attendee(s, meeting_id, **values),
                parent_widget=self,
            )
            self.error.hide()
            self.reload()

        dialog = GuestDialog(people, members, save, self)
        dialog.open()
        self.guest_dialog = dialog

    def edit_details(self) -> None:
        """The part of the meeting, the role for it and a note, for the selected person."""
        record = self.model.record(self.view.currentIndex().row())
        if record is None or self.meeting is None or not self.meeting.editable:
            return

        def save(values: dict[str, Any]) -> None:
            push_raising(
                self.undo_stack,
                self.ctx,
                self.tr("Närvaro vid mötet för {name}").format(name=record.name),
                lambda s: meetings_structure.update_attendance_details(s, record.id, **values),
                parent_widget=self,
            )
            self.error.hide()
            self.reload()

        dialog = AttendanceDetailsDialog(record, save, self)
        dialog.open()
        self.details_dialog = dialog

    def remove(self) -> None:
        record = self.model.record_at(self.view.currentIndex().row())
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
            self.error.hide()
            self.reload()

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
            replayed()


class GuestDialog(FormDialog):
    def __init__(
        self,
        people: Sequence[PersonData],
        members: Sequence[tuple[int, str]],
        on_save: Save,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(text_tr("Lägg till adjungerad eller ersättare"), on_save, parent)
        self.person = person_combo(people, None, self.tr("(person utanför registret)"))
        self.add_field("person_id", self.tr("Person"), self.person)
        self.name = self.add_field("name", self.tr("Namn"), QLineEdit())
        self.org = self.add_field("organisation", self.tr("Organisation"), QLineEdit())
        self.substitute = QComboBox()
        self.substitute.addItem(self.tr("Adjungerad (gäst)"), None)
        for person_id, name in members:
            self.substitute.addItem(self.tr("Ersättare för {name}").format(name=name), person_id)
        self.add_field("substitute_for_id", self.tr("Deltar som"), self.substitute)

    def values(self) -> dict[str, Any]:
        substitute = self.substitute.currentData()
        return {
            "person_id": self.person.currentData(),
            "name": self.name.text(),
            "organisation": self.org.text(),
            "presence": "substitute" if substitute else "guest",
            "substitute_for_id": substitute,
        }
