"""Every stored change in "Uppgifter om mötet" is an undo step on the page's stack."""

from __future__ import annotations

from datetime import date, time

import pytest
from factories_meetings import make_group_with_members
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.ui.meetings.page import MeetingsPage


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture
def page(qtbot, ctx):  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        group, _people = make_group_with_members(s, 3, name="Klara-gruppen")
        meeting_id = meetings.create_meeting(
            s,
            group_ids=[group],
            day=date(2026, 3, 9),
            start_time=time(13),
            end_time=time(15),
            place="Kommunhuset",
        ).id
    widget = MeetingsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.select_meeting(meeting_id)
    widget.tabs.setCurrentIndex(2)
    widget.meeting_id = meeting_id  # type: ignore[attr-defined]
    return widget


def stored_place(ctx, meeting_id: int) -> str:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        return meetings.get_meeting(s, meeting_id).place


def test_a_place_change_is_undone_and_redone(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    place = page.details.place
    stack = page.undo_stack
    place.setFocus()
    place.end(False)
    type_text(place, " A")
    qtbot.waitUntil(lambda: stored_place(ctx, page.meeting_id) == "Kommunhuset A")
    type_text(place, "B")  # a second pause while typing in the same field
    qtbot.waitUntil(lambda: stored_place(ctx, page.meeting_id) == "Kommunhuset AB")
    assert stack.count() == 1  # one step until the focus leaves the field
    assert stack.undoText() == "Ändra plats"

    stack.undo()
    assert stored_place(ctx, page.meeting_id) == "Kommunhuset"
    assert place.text() == "Kommunhuset"
    assert "Kommunhuset" in page.when.text()

    stack.redo()
    assert stored_place(ctx, page.meeting_id) == "Kommunhuset AB"
    assert place.text() == "Kommunhuset AB"


def test_leaving_the_field_starts_a_new_step(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    place, link = page.details.place, page.details.link
    stack = page.undo_stack
    place.setFocus()
    place.end(False)
    type_text(place, "1")
    qtbot.waitUntil(lambda: stored_place(ctx, page.meeting_id) == "Kommunhuset1")
    link.setFocus()
    place.setFocus()
    qtbot.waitUntil(place.hasFocus)
    type_text(place, "2")
    qtbot.waitUntil(lambda: stored_place(ctx, page.meeting_id) == "Kommunhuset12")
    assert stack.count() == 2
    page.details.start.setTime(page.details.start.time().addSecs(1800))
    assert page.details.save_now()
    assert stack.count() == 3 and stack.undoText() == "Ändra tid"
    stack.undo()
    with ctx.database.session() as s:
        assert meetings.get_meeting(s, page.meeting_id).start_time == time(13)
    stack.undo()
    assert stored_place(ctx, page.meeting_id) == "Kommunhuset1"
    assert place.text() == "Kommunhuset1"
