"""Närvaro by mouse and keys together: after a click on "Frånvarande (X)" the keys N, F and X
go on marking; the buttons that act on the marked person wait until someone is marked; back
from the finalise dialog, the first person without attendance is marked, ready for a key."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from trygghetsrad.domain.meetings.model import MeetingStatus, Presence
from trygghetsrad.ui.meetings.page import MeetingsPage


def _open_attendance(qtbot, page: MeetingsPage) -> None:  # type: ignore[no-untyped-def]
    assert page.meeting is not None  # the meeting to work on, opened as at start-up
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    bar = page.tabs.tabBar()
    index = page.tabs.indexOf(page.attendance_tab)
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def _click_row(view, row: int) -> None:  # type: ignore[no-untyped-def]
    rect = view.visualRect(view.model().index(row, 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _presence(panel, row: int) -> Presence:  # type: ignore[no-untyped-def]
    return panel.model.record(row).presence


def test_keys_go_on_marking_after_a_click_on_a_button(qtbot, demo_page) -> None:  # type: ignore[no-untyped-def]
    page = demo_page
    assert page.meeting is not None and page.meeting.editable
    _open_attendance(qtbot, page)
    panel = page.attendance
    _click_row(panel.view, 0)
    absent = next(b for b in panel.buttons if b.accessibleName() == "Frånvarande (X)")
    QTest.mouseClick(absent, Qt.MouseButton.LeftButton, pos=absent.rect().center())
    assert _presence(panel, 0) is Presence.ABSENT
    assert QApplication.focusWidget() is panel.view  # the click left the cursor in the list
    assert panel.view.currentIndex().row() == 1
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F)
    assert _presence(panel, 1) is Presence.EXCUSED


def test_the_buttons_for_the_marked_person_wait_for_someone_marked(qtbot, demo_page) -> None:  # type: ignore[no-untyped-def]
    page = demo_page
    _open_attendance(qtbot, page)
    panel = page.attendance
    assert not panel.view.currentIndex().isValid()
    assert not any(b.isEnabled() for b in (*panel.buttons, panel.details_button))
    assert panel.guest_button.isEnabled()
    _click_row(panel.view, 2)
    assert all(b.isEnabled() for b in (*panel.buttons, panel.details_button))


def test_back_from_finalising_marks_the_first_person_without_attendance(qtbot, demo_page) -> None:  # type: ignore[no-untyped-def]
    page = demo_page
    assert page.meeting is not None
    planned = next(m for m in page.model.rows() if m.status is MeetingStatus.PLANNED)
    page.select_meeting(planned.id)  # its members' attendance is not given yet
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    panel = page.attendance
    rows = panel.model.rows()
    unmarked = [i for i, r in enumerate(rows) if r.presence is Presence.UNKNOWN]
    assert unmarked
    page._on_finalise_went_back("attendance")
    qtbot.waitUntil(lambda: panel.view.currentIndex().row() == unmarked[0])
    assert page.tabs.currentWidget() is page.attendance_tab
    assert page.focusWidget() is panel.view
    QTest.keyClick(panel.view, Qt.Key.Key_N)
    assert _presence(panel, unmarked[0]) is Presence.PRESENT
