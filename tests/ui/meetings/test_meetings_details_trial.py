"""Uppgifter om mötet as the trial found it: a change keeps the stored title, an end before
the start is not dropped when leaving the meeting, an export right after an edit uses it,
and a search hit opens the agenda item (and the action) it belongs to."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from factories_meetings import make_action, make_group_with_members, make_item, make_meeting
from PySide6.QtCore import QEvent, Qt, QTime
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from questions import answer_next_question

from trygghetsrad.domain.calendar_items import Owner
from trygghetsrad.domain.meetings.model import Note
from trygghetsrad.services import search
from trygghetsrad.services.meetings import agenda as meetings_agenda
from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.ui.meetings.page import MeetingsPage
from trygghetsrad.ui.widgets.roles import Role


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture
def page(qtbot, ctx):  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        group, _people = make_group_with_members(s, 3, name="Klara-gruppen")
        first = make_meeting(
            s, group_ids=[group], day=date(2026, 3, 9), title="Klara-gruppen", place="Norrby torg"
        )
        second = make_meeting(s, group_ids=[group], day=date(2026, 5, 11))
    widget = MeetingsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 740)
    widget.show()
    qtbot.waitExposed(widget)
    widget.ids = (first, second)  # type: ignore[attr-defined]
    return widget


def _details_tab(page) -> None:  # type: ignore[no-untyped-def]
    page.tabs.setCurrentWidget(page.details_tab)


def _mouse_click_row_of(page, meeting_id: int) -> None:  # type: ignore[no-untyped-def]
    row = page.proxy.mapFromSource(page.model.index(page.model.row_of(meeting_id), 0)).row()
    rect = page.table.visualRect(page.proxy.index(row, 1))
    QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _click_row_of(page, meeting_id: int) -> None:  # type: ignore[no-untyped-def]
    """Choose a meeting in the list as the user does (through the selection model)."""
    row = page.proxy.mapFromSource(page.model.index(page.model.row_of(meeting_id), 0)).row()
    page.table.setCurrentIndex(page.proxy.index(row, 0))


def test_going_back_after_a_mouse_click_keeps_the_list_on_the_meeting_edited(
    qtbot, page, ctx
) -> None:  # type: ignore[no-untyped-def]
    """A click on another meeting with an end before the start, then "Gå tillbaka": the list
    highlights the meeting still in the editor, and the cursor is in the end time."""
    first, second = page.ids
    page.activateWindow()  # the cursor is only shown in the active window
    qtbot.waitUntil(page.isActiveWindow)
    page.select_meeting(first)
    _details_tab(page)
    page.details.start.setTime(QTime(14, 0))
    page.details.end.setTime(QTime(10, 0))
    seen: list[str] = []
    answer_next_question("Gå tillbaka", seen)
    _mouse_click_row_of(page, second)
    qtbot.waitUntil(lambda: bool(seen))
    QApplication.processEvents()

    assert page.meeting is not None and page.meeting.id == first
    shown = page.table.currentIndex().data(Role.KEY)
    selected = {index.data(Role.KEY) for index in page.table.selectionModel().selectedRows()}
    assert (shown, selected) == (first, {first})
    assert page.focusWidget() is page.details.end  # where the cursor is in the window


def test_the_saved_time_is_not_shown_for_another_meeting(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    first, second = page.ids
    page.select_meeting(first)
    _details_tab(page)
    page.details.place.setFocus()
    page.details.place.selectAll()
    type_text(page.details.place, "Norrby torg 2")
    qtbot.waitUntil(lambda: not page.details.dirty, timeout=5000)
    assert page.details.saved_label.text().startswith("Sparat kl.")
    _mouse_click_row_of(page, second)
    assert page.meeting is not None and page.meeting.id == second
    assert page.details.saved_label.text() == "Ändringar sparas automatiskt."


def test_changing_the_place_keeps_the_stored_title(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    first, _second = page.ids
    page.select_meeting(first)
    assert page.title.text() == "Klara-gruppen"
    _details_tab(page)
    page.details.place.setFocus()
    page.details.place.selectAll()
    type_text(page.details.place, "Norrby torg 2")
    qtbot.waitUntil(lambda: not page.details.dirty, timeout=5000)  # the autosave ran
    with ctx.database.session() as s:
        stored = meetings.get_meeting(s, first)
    assert stored.place == "Norrby torg 2"
    assert stored.title == "Klara-gruppen"
    assert page.title.text() == "Klara-gruppen"


def test_end_before_start_is_shown_at_the_field_and_asked_about(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    first, second = page.ids
    page.select_meeting(first)
    _details_tab(page)
    page.details.start.setTime(QTime(14, 0))
    page.details.end.setTime(QTime(10, 0))
    assert page.details.dirty
    seen: list[str] = []
    answer_next_question("Gå tillbaka", seen)
    _click_row_of(page, second)
    assert seen and "sluta efter" in seen[0]
    # Still on the meeting, with what was typed and the message right at the time field.
    assert page.meeting is not None and page.meeting.id == first
    assert page.details.end.time() == QTime(10, 0)
    label = page.details.field_errors["end_time"]
    assert label.isVisibleTo(page) and "sluta efter" in label.text()
    assert page.tabs.currentWidget() is page.details_tab
    with ctx.database.session() as s:
        assert meetings.get_meeting(s, first).end_time == time(12, 0)
    # Corrected, the switch goes through without a question and the edit is stored.
    page.details.end.setTime(QTime(16, 0))
    _click_row_of(page, second)
    assert page.meeting.id == second
    with ctx.database.session() as s:
        assert meetings.get_meeting(s, first).end_time == time(16, 0)


def test_leaving_anyway_drops_only_that_edit(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    first, second = page.ids
    page.select_meeting(first)
    _details_tab(page)
    page.details.end.setTime(QTime(9, 0))
    seen: list[str] = []
    answer_next_question("Släng ändringen", seen)
    _click_row_of(page, second)
    assert seen and page.meeting.id == second
    with ctx.database.session() as s:
        assert meetings.get_meeting(s, first).end_time == time(12, 0)


def test_export_right_after_editing_the_details_uses_the_new_values(
    qtbot, page, ctx, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    first, _second = page.ids
    page.select_meeting(first)
    _details_tab(page)
    page.details.place.setFocus()
    page.details.place.selectAll()
    type_text(page.details.place, "Stadshuset, sal Ådalen")
    assert page.details.dirty  # not yet stored: the export must store it first
    target = tmp_path / "m.pdf"
    page.export("minutes", target)
    qtbot.waitUntil(lambda: page.last_export == target, timeout=20000)
    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    assert "Stadshuset, sal Ådalen" in text and "Norrby torg" not in text
    # The preview too.
    page.details.place.selectAll()
    type_text(page.details.place, "Biblioteket")
    page.preview()
    assert "Biblioteket" in page.preview_dialog.browser.toPlainText()


def test_export_is_refused_while_an_edit_cannot_be_saved(
    qtbot, page, ctx, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    first, _second = page.ids
    page.select_meeting(first)
    page.details.end.setTime(QTime(9, 0))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    assert page.export("minutes", tmp_path / "x.pdf") is None
    assert warned and not (tmp_path / "x.pdf").exists()


def test_a_search_hit_opens_its_agenda_item_and_action(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    first, second = page.ids
    with ctx.database.session() as s:
        for n in range(4):
            make_item(s, first, title=f"Punkt {n}")
        item = make_item(s, first, title="Nattvandring inför helgen")
        meetings_agenda.set_notes(s, item, [Note("Zebrakorsningen vid skolan saknar ljus")])
        meetings_agenda.set_decisions(s, item, ["Rådet ordnar nattvandring i juni"])
        for n in range(5):
            make_action(s, item, what=f"Uppdrag nummer {n}")
        action = make_action(s, item, what="Kontakta gatuenheten om belysningen")
        hits = {
            word: search.search(s, text=word).hits()[0].owner
            for word in ("Zebrakorsningen", "nattvandring juni", "gatuenheten", "Nattvandring")
        }
    for word, owner in hits.items():
        page.select_meeting(second)
        assert page.open_record(owner), word
        assert page.meeting.id == first
        assert page.tabs.currentWidget() is page.agenda
        current = page.agenda.model.items[page.agenda.list.currentIndex().row()]
        assert current.title == "Nattvandring inför helgen", word
    page.select_meeting(second)
    assert page.open_record(hits["gatuenheten"])
    selected = page.agenda.actions.selectionModel().selectedRows()
    assert [page.agenda.action_model.record(i.row()).id for i in selected] == [action]
    assert page.open_record(Owner("meetings", "agenda_note", 99999)) is False


def test_the_wheel_opens_an_uppdrag_in_its_item(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    first, second = page.ids
    with ctx.database.session() as s:
        make_item(s, first, title="Öppnande")
        item = make_item(s, first, title="Lägesbild")
        make_item(s, first, title="Övrigt")
        make_action(s, item, what="Ringa polisen")
        action = make_action(s, item, what="Boka lokal")
    page.select_meeting(second)
    page.tabs.setCurrentWidget(page.details_tab)
    assert page.open_owner("action_item", action)
    assert page.meeting.id == first and page.tabs.currentWidget() is page.agenda
    assert page.agenda.model.items[page.agenda.list.currentIndex().row()].title == "Lägesbild"
    row = page.agenda.actions.currentIndex().row()
    assert page.agenda.action_model.record(row).id == action
