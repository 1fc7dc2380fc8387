"""A meeting nobody gave a time shows no time: never "00.00 – 00.00" in its fields, whether
it can still be edited or is finalised and locked, and editing another field of it keeps the
time unknown instead of storing midnight."""

from __future__ import annotations

from datetime import date, time

import pytest
from factories_meetings import make_group_with_members, make_meeting
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_meetings_details_trial import type_text

from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.ui.meetings.page import MeetingsPage
from trygghetsrad.ui.widgets.field_policy import install_field_policy


@pytest.fixture
def page_and_ids(qtbot, ctx, qapp):  # type: ignore[no-untyped-def]
    policy = install_field_policy(qapp)  # as the application does: no examples when locked
    with ctx.database.session() as s:
        group, people = make_group_with_members(s, 2, name="Klara-gruppen")
        common = {"group_ids": [group], "start_time": None, "end_time": None}
        draft = make_meeting(s, day=date(2026, 3, 9), **common)
        finalised = make_meeting(s, day=date(2026, 4, 13), **common)
        meetings.finalise(s, finalised, on=date(2026, 4, 14))
        sent = make_meeting(s, day=date(2026, 5, 11), **common)
        meetings.finalise(s, sent, on=date(2026, 5, 12))
        meetings.mark_sent(s, sent, on=date(2026, 5, 13))
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 740)
    page.show()
    qtbot.waitExposed(page)
    yield page, (draft, finalised, sent)
    qapp.removeEventFilter(policy)
    policy.setParent(None)


def _click_meeting(page, meeting_id: int) -> None:  # type: ignore[no-untyped-def]
    row = page.proxy.mapFromSource(page.model.index(page.model.row_of(meeting_id), 0)).row()
    index = page.proxy.index(row, 0)
    page.table.scrollTo(index)
    QTest.mouseClick(
        page.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=page.table.visualRect(index).center(),
    )
    assert page.meeting is not None and page.meeting.id == meeting_id


def test_no_time_is_shown_for_a_meeting_without_one(qtbot, page_and_ids) -> None:  # type: ignore[no-untyped-def]
    page, ids = page_and_ids
    for meeting_id in ids:
        _click_meeting(page, meeting_id)
        page.tabs.setCurrentWidget(page.details_tab)
        details = page.details
        assert (details.start.text(), details.end.text()) == ("", ""), meeting_id
        assert details.no_time.isVisibleTo(page), meeting_id
        assert details.no_time.text() == "Ingen tid angiven"
        assert "00.00" not in page.when.text()
        row = page.model.row_of(meeting_id)
        assert "00.00" not in page.model.index(row, 0).data()
        if meeting_id != ids[0]:  # locked: no example text in the empty fields either
            assert not details.start.isEnabled() or details.start.isReadOnly()
            assert details.start.placeholderText() == ""


def test_editing_the_place_keeps_the_time_unknown(qtbot, page_and_ids, ctx) -> None:  # type: ignore[no-untyped-def]
    page, (draft, _finalised, _sent) = page_and_ids
    _click_meeting(page, draft)
    page.tabs.setCurrentWidget(page.details_tab)
    page.details.place.setFocus()
    page.details.place.selectAll()
    type_text(page.details.place, "Biblioteket")
    qtbot.waitUntil(lambda: not page.details.dirty, timeout=5000)  # the autosave ran
    assert not page.details.error.isVisible()
    with ctx.database.session() as s:
        stored = meetings.get_meeting(s, draft)
    assert stored.place == "Biblioteket"
    assert (stored.start_time, stored.end_time) == (None, None)
    # A time typed later is stored, and the hint goes away.
    page.details.start.setFocus()
    type_text(page.details.start, "14.00")
    qtbot.waitUntil(lambda: not page.details.dirty, timeout=5000)
    assert not page.details.no_time.isVisibleTo(page)
    with ctx.database.session() as s:
        stored = meetings.get_meeting(s, draft)
    assert (stored.start_time, stored.end_time) == (time(14, 0), None)
