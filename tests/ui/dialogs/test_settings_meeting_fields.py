"""Arkiv → Inställningar: the sender of e-mail drafts and the order of attendance in the
minutes, set with the mouse, stored, and used by the next export."""

from __future__ import annotations

import io

from factories_meetings import make_group_with_members, make_meeting
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from trygghetsrad.domain.meetings.attendance_order import DEFAULT_ORDER
from trygghetsrad.domain.meetings.model import Presence
from trygghetsrad.export.meetings.minutes_pdf import minutes_pdf
from trygghetsrad.services import settings
from trygghetsrad.services.meetings import attendance as meetings_attendance
from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.services.meetings.document import meeting_document
from trygghetsrad.ui.dialogs.settings import SettingsDialog


def _click_row(view, row: int) -> None:  # type: ignore[no-untyped-def]
    rect = view.visualItemRect(view.item(row))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_attendance_order_and_sender_are_set_in_the_dialog(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    field = dialog.attendance_order
    shown = [field.list.item(i).text() for i in range(field.list.count())]
    assert shown == [
        "Närvarande",
        "Ersättare",
        "Anmält förhinder",
        "Frånvarande",
        "Adjungerade",
        "Närvaro ej angiven",
    ]
    _click_row(field.list, 4)  # Adjungerade up two places, with the mouse
    QTest.mouseClick(field.up_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(field.up_button, Qt.MouseButton.LeftButton)
    assert field.list.currentItem().text() == "Adjungerade"
    dialog.sender_email.setText("trygghet@storåker.se")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    with ctx.database.session() as s:
        saved = settings.load(s)
    assert saved.attendance_order == (
        Presence.PRESENT,
        Presence.SUBSTITUTE,
        Presence.GUEST,
        Presence.EXCUSED,
        Presence.ABSENT,
        Presence.UNKNOWN,
    )
    assert saved.sender_email == "trygghet@storåker.se"
    again = SettingsDialog(ctx)
    qtbot.addWidget(again)
    assert again.attendance_order.order() == saved.attendance_order
    QTest.mouseClick(again.attendance_order.default_button, Qt.MouseButton.LeftButton)
    again.sender_email.setText("inte en adress")
    QTest.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert "giltig e-postadress" in again.error_text("sender_email")
    with ctx.database.session() as s:  # nothing stored while the address is refused
        assert settings.load(s).attendance_order == saved.attendance_order
    again.sender_email.setText("")
    QTest.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    with ctx.database.session() as s:
        assert settings.load(s).attendance_order == DEFAULT_ORDER
        assert settings.load(s).sender_email == ""


def test_the_minutes_follow_the_order_saved_in_the_dialog(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        group, _people = make_group_with_members(s, 2)
        meeting = make_meeting(s, group_ids=[group])
        meetings.start_minutes(s, meeting)
        meetings_attendance.mark_unrecorded_present(s, meeting)
        row = meetings_attendance.list_attendance(s, meeting)[1]
        meetings_attendance.set_presence(s, row.id, Presence.EXCUSED)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 700)  # the six categories and their buttons in view
    dialog.show()
    qtbot.waitExposed(dialog)
    field = dialog.attendance_order
    _click_row(field.list, 2)  # Anmält förhinder to the top
    QTest.mouseClick(field.up_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(field.up_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ctx.database.session() as s:
        pdf = minutes_pdf(meeting_document(s, meeting))
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert text.index("Anmält förhinder") < text.index("Närvarande")
