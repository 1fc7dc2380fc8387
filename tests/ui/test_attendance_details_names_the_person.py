""" "Vid mötet…" says whose attendance it edits, in the dialog itself.

A new user opened it from the attendance list and saw only "Del av mötet", "Tider",
"Roll" and "Anteckning": the person's name was in the window title alone, which a
desktop may not show (nor a screenshot of the dialog)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from trygghetsrad.domain.meetings.model import AttendanceData, Presence
from trygghetsrad.ui.meetings.attendance_details import AttendanceDetailsDialog


def test_the_dialog_shows_the_persons_name(qtbot) -> None:  # type: ignore[no-untyped-def]
    record = AttendanceData(
        id=1,
        person_id=7,
        name="Anna Berg",
        title="Kommunalråd",
        organisation="",
        presence=Presence.PRESENT,
    )
    dialog = AttendanceDetailsDialog(record, lambda values: None)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    assert any("Anna Berg" in text for text in shown), shown
    assert "Anna Berg" in dialog.windowTitle()
