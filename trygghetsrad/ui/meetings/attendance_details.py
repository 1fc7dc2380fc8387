"""Attendance as it happened, for one person at one meeting: the part of the meeting they
were there for ("t.o.m. punkt 5", when they came and left), a role for that meeting only
("tjänstgörande ordförande") and a note. The register's title and role are not touched;
guests and substitutes have the same fields."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from trygghetsrad.domain.meetings.model import AttendanceData
from trygghetsrad.i18n import tr
from trygghetsrad.ui.meetings.fields import Save, py_time, time_edit
from trygghetsrad.ui.widgets.form_dialog import FormDialog

MEETING_ROLES = (
    "tjänstgörande ordförande",
    "tjänstgörande vice ordförande",
    "tjänstgörande sekreterare",
    "justerare",
    "föredragande",
)


def details_text(record: AttendanceData) -> str:
    """What the attendance table shows in its column "Vid mötet": role, part, note."""
    return " · ".join(p for p in (record.meeting_role, record.span, record.note) if p)


class AttendanceDetailsDialog(FormDialog):
    def __init__(self, record: AttendanceData, on_save: Save, parent: QWidget | None = None):
        super().__init__(
            tr("Närvaro för {name}").format(name=record.name),
            on_save,
            parent,
            tr("{name} vid det här mötet. Titeln och rollen i registret ändras inte.").format(
                name=record.name
            ),
        )
        self.partial = self.add_field(
            "partial",
            self.tr("&Del av mötet"),
            QLineEdit(record.partial),
            self.tr("Fritext, t.ex. ”t.o.m. punkt 5” eller ”från § 14”."),
        )
        self.partial.setPlaceholderText(self.tr("t.o.m. punkt 5"))
        times = QWidget()
        row = QHBoxLayout(times)
        row.setContentsMargins(0, 0, 0, 0)
        # The shared time field: an empty one is no time (the whole meeting).
        self.present_from = time_edit(record.present_from, "present_from")
        self.present_to = time_edit(record.present_to, "present_to")
        for edit, name in (
            (self.present_from, self.tr("Kom kl.")),
            (self.present_to, self.tr("Gick kl.")),
        ):
            edit.setAccessibleName(name)
            row.addWidget(QLabel(name))
            row.addWidget(edit)
        row.addStretch(1)
        self.add_field(
            "present_from",
            self.tr("&Tider"),
            times,
            self.tr("Lämna tomt om personen var med hela mötet."),
        )
        self.show_errors_of("present_to", "present_from", self.present_to)
        self.meeting_role = QComboBox()
        self.meeting_role.setEditable(True)
        self.meeting_role.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.meeting_role.addItem("")
        self.meeting_role.addItems([self.tr(r) for r in MEETING_ROLES])
        self.meeting_role.setCurrentText(record.meeting_role)
        self.add_field(
            "meeting_role",
            self.tr("&Roll vid mötet"),
            self.meeting_role,
            self.tr("Skrivs först på raden i närvarolistan."),
        )
        self.note = self.add_field("note", self.tr("&Notering"), QLineEdit(record.note))

    def values(self) -> dict[str, Any]:
        return {
            "partial": self.partial.text(),
            "present_from": py_time(self.present_from),
            "present_to": py_time(self.present_to),
            "meeting_role": self.meeting_role.currentText(),
            "note": self.note.text(),
        }
