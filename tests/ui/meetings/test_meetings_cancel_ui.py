"""Möten: "Ställ in mötet…" calls off a planned meeting (its invitation becomes a
cancellation, METHOD:CANCEL), Ctrl+Z holds it again, "Ångra inställt möte" too."""

from __future__ import annotations

import icalendar
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from trygghetsrad.export.meetings.ics import invitation_ics
from trygghetsrad.services.meetings.invitations import invitation
from trygghetsrad.services.meetings.lifecycle import list_meetings
from trygghetsrad.ui.main_window import MainWindow


def _method(database, meeting_id: int) -> str:  # type: ignore[no-untyped-def]
    with database.session() as s:
        data = invitation_ics(invitation(s, meeting_id, record=False))
    return str(icalendar.Calendar.from_ical(data)["METHOD"])


def test_cancel_a_planned_meeting_from_its_page_and_undo(qtbot, demo_database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def yes(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    window = MainWindow(demo_database)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.finish_start()
    page = window.show_tab("meetings")
    with demo_database.session() as s:
        planned = next(m for m in list_meetings(s) if m.status.value == "planned")
    page.select_meeting(planned.id)
    cancel = page.lifecycle_buttons["cancel"]
    uncancel = page.lifecycle_buttons["uncancel"]
    qtbot.waitUntil(cancel.isVisible)
    assert not uncancel.isVisible()
    QTest.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert asked and "avbokning" in asked[0]
    qtbot.waitUntil(lambda: page.status.text() == "Inställt")
    assert uncancel.isVisible() and not cancel.isVisible()
    assert not page.lifecycle_buttons["start"].isVisible()
    assert _method(demo_database, planned.id) == "CANCEL"

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.status.text() != "Inställt")
    assert cancel.isVisible() and _method(demo_database, planned.id) == "REQUEST"

    QTest.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(uncancel.isVisible)
    QTest.mouseClick(uncancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(cancel.isVisible)
    assert _method(demo_database, planned.id) == "REQUEST"
