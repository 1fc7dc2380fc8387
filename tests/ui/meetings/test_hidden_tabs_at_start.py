"""The Möten page opens on the agenda; the parts behind it (Närvaro, Uppgifter om mötet,
Kallelse, Versioner) are built the first time they are shown or asked for. Whoever reaches one
of them, by a click on its tab or by reading it, finds the meeting the page shows in it, and
what is typed there is stored like anywhere else."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from trygghetsrad.services.meetings import attendance as attendance_service
from trygghetsrad.services.meetings import lifecycle as meeting_service
from trygghetsrad.ui.meetings.page import MeetingsPage
from trygghetsrad.ui.meetings.page_parts import ATTENDANCE, DETAILS, NOTICE, VERSIONS


def _started(page: MeetingsPage) -> MeetingsPage:
    """The page as the window builds it: shown (the fixture), then settled (the first meeting
    chosen)."""
    page.settle()
    return page


def _attendance_names(ctx, meeting_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    with ctx.database.session() as session:
        rows = attendance_service.list_attendance(session, meeting_id)
    return [row.name for row in rows]


def _shown_names(page: MeetingsPage) -> list[str]:
    model = page.attendance.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def _click_tab(page: MeetingsPage, title: str) -> None:
    bar = page.tabs.tabBar()
    index = next(i for i in range(page.tabs.count()) if page.tabs.tabText(i) == title)
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def test_start_up_builds_only_the_agenda(demo_page, demo_ctx):  # type: ignore[no-untyped-def]
    page = _started(demo_page)
    QApplication.processEvents()

    assert page._meeting is not None
    assert page.agenda.model.rowCount() > 0
    assert [page.built_part(key) for key in (ATTENDANCE, DETAILS, NOTICE, VERSIONS)] == [None] * 4
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Dagordning och anteckningar",
        "Närvaro",
        "Uppgifter om mötet",
        "Kallelse",
        "Versioner",
    ]


def test_a_click_on_narvaro_shows_the_meetings_attendance(demo_page, demo_ctx):  # type: ignore[no-untyped-def]
    page = _started(demo_page)
    meeting = page._meeting
    assert meeting is not None
    expected = _attendance_names(demo_ctx, meeting.id)
    assert expected  # the example meeting has its members listed

    _click_tab(page, "Närvaro")

    assert page.tabs.currentWidget() is page.attendance_tab
    assert page.built_part(ATTENDANCE) is not None
    assert page.attendance.isVisible()
    names = _shown_names(page)
    assert len(names) == len(expected)
    assert all(any(name in shown for shown in names) for name in expected)


def test_reading_a_part_builds_it_with_the_meeting(demo_page, demo_ctx):  # type: ignore[no-untyped-def]
    page = _started(demo_page)
    meeting = page._meeting
    assert meeting is not None

    assert page.details.place.text() == meeting.place
    assert page.versions.meeting == meeting
    assert page.attendance.model.rowCount() == len(_attendance_names(demo_ctx, meeting.id))


def test_a_built_part_follows_the_meeting_chosen_with_the_mouse(demo_page, demo_ctx):  # type: ignore[no-untyped-def]
    page = _started(demo_page)
    first = page._meeting
    assert first is not None
    _click_tab(page, "Uppgifter om mötet")
    assert page.details.place.text() == first.place
    other = next(
        row for row in page.model.rows() if row.id != first.id and row.place != first.place
    )

    row = page.proxy.mapFromSource(page.model.index(page.model.row_of(other.id), 0)).row()
    page.table.scrollTo(page.proxy.index(row, 1))
    rect = page.table.visualRect(page.proxy.index(row, 1))
    QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center()))

    assert page._meeting is not None and page._meeting.id == other.id
    assert page.details.place.text() == other.place
    assert page.built_part(ATTENDANCE) is None  # still not needed
    _click_tab(page, "Närvaro")
    assert len(_shown_names(page)) == len(_attendance_names(demo_ctx, other.id))


def test_what_is_typed_in_a_part_built_late_is_stored(demo_page, demo_ctx):  # type: ignore[no-untyped-def]
    page = _started(demo_page)
    meeting = page._meeting
    assert meeting is not None and meeting.editable
    _click_tab(page, "Uppgifter om mötet")
    field = page.details.place
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, "Stadshuset, sal 2")

    assert page._flush_edits()  # as before an export or a status change

    with demo_ctx.database.session() as session:
        stored = meeting_service.get_meeting(session, meeting.id)
    assert stored.place == "Stadshuset, sal 2"
