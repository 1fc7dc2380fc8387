"""At start-up the Möten page shows the agenda first and fills the tabs behind it (Närvaro,
Uppgifter om mötet, Kallelse, Versioner) right after. Whoever reaches one of them first, by a
click on its tab or by reading it, finds the meeting shown in it, never an empty tab."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from trygghetsrad.services.meetings import attendance as attendance_service
from trygghetsrad.ui.meetings.page import MeetingsPage


def _started_page(qtbot, ctx) -> MeetingsPage:  # type: ignore[no-untyped-def]
    """The page as the window builds it: shown, then settled once (the first meeting chosen),
    with no event handled since."""
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    page.settle()
    return page


def _attendance_names(ctx, meeting_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    with ctx.database.session() as session:
        rows = attendance_service.list_attendance(session, meeting_id)
    return [row.name for row in rows]


def _shown_names(page: MeetingsPage) -> list[str]:
    model = page._attendance.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_a_click_on_narvaro_right_after_start_shows_the_meetings_attendance(qtbot, demo_ctx):  # type: ignore[no-untyped-def]
    page = _started_page(qtbot, demo_ctx)
    meeting = page._meeting
    assert meeting is not None
    expected = _attendance_names(demo_ctx, meeting.id)
    assert expected  # the example meeting has its members listed

    bar = page.tabs.tabBar()
    index = next(i for i in range(page.tabs.count()) if page.tabs.tabText(i) == "Närvaro")
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())

    assert page.tabs.currentWidget() is page._attendance
    names = _shown_names(page)
    assert [name for name in expected if any(name in shown for shown in names)] == expected


def test_the_hidden_tabs_are_filled_once_the_window_is_usable(qtbot, demo_ctx):  # type: ignore[no-untyped-def]
    page = _started_page(qtbot, demo_ctx)
    meeting = page._meeting
    assert meeting is not None
    QApplication.processEvents()  # the turn of the event loop after start-up

    assert _shown_names(page)
    assert page._details.place.text() == meeting.place
    assert page._versions.meeting == meeting


def test_reading_a_hidden_tab_before_it_is_filled_fills_it(qtbot, demo_ctx):  # type: ignore[no-untyped-def]
    page = _started_page(qtbot, demo_ctx)
    meeting = page._meeting
    assert meeting is not None

    # Read before any event was handled.
    assert page.details.place.text() == meeting.place
    assert page.attendance.model.rowCount() == len(_attendance_names(demo_ctx, meeting.id))


def test_another_meeting_chosen_before_the_fill_is_the_one_the_tabs_show(qtbot, demo_ctx):  # type: ignore[no-untyped-def]
    page = _started_page(qtbot, demo_ctx)
    first = page._meeting
    assert first is not None
    other = next(row for row in page.model.rows() if row.id != first.id)

    # A click on another meeting in the list, before the event loop has turned.
    row = page.proxy.mapFromSource(page.model.index(page.model.row_of(other.id), 0)).row()
    page.table.scrollTo(page.proxy.index(row, 1))
    rect = page.table.visualRect(page.proxy.index(row, 1))
    QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center()))
    QApplication.processEvents()

    assert page._meeting is not None and page._meeting.id == other.id
    assert len(_shown_names(page)) == len(_attendance_names(demo_ctx, other.id))
    assert page._details.place.text() == other.place
    assert page._versions.meeting is not None and page._versions.meeting.id == other.id
