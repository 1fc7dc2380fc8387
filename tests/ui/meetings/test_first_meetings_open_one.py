"""A new, empty database shows "Inget möte valt"; once the example data is filled in, the
Möten page opens the meeting to work on, as it does at start-up, without a further click."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from trygghetsrad.domain.meetings.model import MeetingStatus
from trygghetsrad.ui.dialogs.welcome import WelcomeDialog


def test_the_example_data_opens_the_meeting_to_work_on(qtbot, ctx, page) -> None:  # type: ignore[no-untyped-def]
    assert page.meeting is None
    assert page.stack.currentWidget() is page.empty

    dialog = WelcomeDialog(page, ctx)
    qtbot.addWidget(dialog)
    dialog.open()
    button = dialog.example_button
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center())

    assert dialog.filled
    meeting = page.meeting
    assert meeting is not None and meeting.status is MeetingStatus.DRAFT  # the one in progress
    assert page.stack.currentWidget() is not page.empty
    assert page.table.currentIndex().isValid()
    assert page.agenda.model.rowCount() > 0
