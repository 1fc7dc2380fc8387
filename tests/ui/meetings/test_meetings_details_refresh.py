"""Storing the meeting details refreshes only what shows them: the list row and the header.

Each pause while typing in "Uppgifter om mötet" stores the details; reloading the whole
page (every meeting of the list, the agenda, the attendance) each time stalled the window
on years of meetings and could move the cursor."""

from __future__ import annotations

from datetime import date, time

import pytest
from factories_meetings import make_group_with_members
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.ui.meetings.page import MeetingsPage


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture
def page(qtbot, ctx, monkeypatch):  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        group, _people = make_group_with_members(s, 3, name="Klara-gruppen")
        ids = [
            meetings.create_meeting(
                s,
                group_ids=[group],
                day=date(2026, 3, d),
                start_time=time(13),
                end_time=time(15),
                place="Kommunhuset",
            ).id
            for d in (2, 9, 16)
        ]
    widget = MeetingsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.select_meeting(ids[1])
    widget.tabs.setCurrentIndex(2)
    calls: list[str] = []
    for name, target in (
        ("list_meetings", meetings),
        ("reload", widget.agenda),
        ("set_meeting", widget.agenda),
        ("set_meeting", widget.details),
    ):
        original = getattr(target, name)

        def spy(*args, _name=name, _original=original, _target=target, **kwargs):  # type: ignore[no-untyped-def]
            calls.append(f"{type(_target).__name__}.{_name}")
            return _original(*args, **kwargs)

        monkeypatch.setattr(target, name, spy)
    widget.calls = calls  # type: ignore[attr-defined]
    widget.ids = ids  # type: ignore[attr-defined]
    return widget


def test_a_details_autosave_updates_the_row_and_header_only(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    place = page.details.place
    place.setFocus()
    place.setCursorPosition(len("Kommun"))
    type_text(place, "XY")
    assert page.details.dirty
    page.details.autosaver.flush()  # what the pause in typing runs
    with ctx.database.session() as s:
        assert meetings.get_meeting(s, page.ids[1]).place == "KommunXYhuset"
    assert "KommunXYhuset" in page.when.text()  # the header
    assert page.calls == []  # no list query, no agenda or details reload
    # The cursor and the focus stay where the user types.
    assert place.hasFocus() and place.cursorPosition() == len("KommunXY")
    type_text(place, "Z")
    assert place.text() == "KommunXYZhuset"


def test_a_new_date_moves_the_row_and_keeps_it_selected(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    page.details.day.setDate(QDate(2026, 3, 30))
    assert page.details.save_now()
    assert page.calls == []
    proxy_row = page.table.currentIndex().row()
    assert page.proxy.index(proxy_row, 0).data().startswith("2026-03-30")
    assert page.meeting.id == page.ids[1]
    assert "30 mars 2026" in page.when.text()
    # The row sits where its new date sorts it, as a reload would put it.
    days = [page.proxy.index(r, 0).data()[:10] for r in range(page.proxy.rowCount())]
    assert days == sorted(days, reverse=days[0] > days[-1])


def test_a_new_first_paragraph_renumbers_the_agenda(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    page.details.first_paragraph.setValue(7)
    assert page.details.save_now(), page.details.error_text()
    assert page.agenda.meeting.first_paragraph == 7
    assert "AgendaPanel.reload" in page.calls
