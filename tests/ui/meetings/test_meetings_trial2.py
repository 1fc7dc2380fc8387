"""Möten as a new user met it with mouse and keyboard at 1366×768 (demo data): what the
screen shows after a search hit, a change of item or of meeting, and a finalised protocol."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView

from trygghetsrad.domain.calendar_items import Owner
from trygghetsrad.services.meetings import agenda as agenda_service
from trygghetsrad.ui.meetings.page import MeetingsPage
from trygghetsrad.ui.widgets.roles import Role


@pytest.fixture
def page(demo_page):  # type: ignore[no-untyped-def]
    demo_page.settle()  # the first meeting opens right after the first paint
    return demo_page


def _row_of(page: MeetingsPage, day: str) -> int:
    proxy = page.table.model()
    return next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data().startswith(day))


def _click(qtbot, view: QAbstractItemView, row: int, column: int = 0) -> None:  # type: ignore[no-untyped-def]
    index = view.model().index(row, column)
    view.scrollTo(index)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    qtbot.wait(20)


def _on_screen(page: MeetingsPage) -> QImage:
    """What the window shows now: the backing store, not a fresh rendering."""
    return page.screen().grabWindow(page.winId()).toImage()


def _looks_selected(page: MeetingsPage, image: QImage, row: int) -> bool:
    view = page.table
    rect = view.visualRect(view.model().index(row, 0))
    point = view.viewport().mapTo(page, QPoint(rect.right() - 4, rect.center().y()))
    colour = QColor(image.pixel(point))
    return colour.lightness() < 235  # white / near-white is an unselected row


def test_a_search_hit_moves_the_list_highlight_to_its_meeting(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    before = _row_of(page, "2026-05-21  10")
    _click(qtbot, page.table, before)
    assert page.meeting.day.isoformat() == "2026-05-21"
    assert _looks_selected(page, _on_screen(page), before)
    target_row = _row_of(page, "2026-09-17  13")
    meeting_id = page.table.model().index(target_row, 0).data(Role.KEY)
    with page.ctx.database.session() as s:
        item = agenda_service.get_agenda(s, meeting_id)[1]
    assert page.open_record(Owner("meetings", "agenda_item", item.id))
    qtbot.wait(50)
    assert page.meeting.id == meeting_id
    shown = _on_screen(page)
    assert _looks_selected(page, shown, target_row)
    assert not _looks_selected(page, shown, before)


def _tab_click(qtbot, page: MeetingsPage, widget) -> None:  # type: ignore[no-untyped-def]
    bar = page.tabs.tabBar()
    QTest.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(page.tabs.indexOf(widget)).center()
    )
    qtbot.wait(20)


def test_another_item_opens_at_its_top(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    page.resize(1366, 680)  # what the page gets of a 1366×768 screen in the main window
    _click(qtbot, page.table, _row_of(page, "2026-09-17  13"))
    agenda = page.agenda
    _click(qtbot, agenda.list, 2)
    agenda.structure.set_expanded(True)  # Ärende: Dnr, föredragande, förslag
    qtbot.wait(20)
    bar = agenda.editor_scroll.verticalScrollBar()
    assert bar.maximum() > 0  # the editor is taller than a 1366×768 window
    bar.setValue(bar.maximum())  # the user scrolled down to the actions
    _click(qtbot, agenda.list, 4)
    assert bar.value() == 0
    viewport = agenda.editor_scroll.viewport()
    top = agenda.title.mapTo(viewport, QPoint(0, 0)).y()
    assert 0 <= top < viewport.height()  # the title is on screen
    # the same through a search hit on an item of another meeting
    bar.setValue(bar.maximum())
    other = page.table.model().index(_row_of(page, "2026-05-21  13"), 0).data(Role.KEY)
    with page.ctx.database.session() as s:
        item = agenda_service.get_agenda(s, other)[2]
    assert page.open_record(Owner("meetings", "agenda_item", item.id))
    qtbot.wait(20)
    assert agenda.title.text() == item.title
    assert bar.value() == 0


def test_attendance_row_does_not_carry_over_to_another_meeting(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    _click(qtbot, page.table, _row_of(page, "2026-11-19  10"))
    _tab_click(qtbot, page, page.attendance)
    view = page.attendance.view
    assert view.model().rowCount() > 4
    _click(qtbot, view, 3)
    assert view.currentIndex().row() == 3
    _click(qtbot, page.table, _row_of(page, "2026-09-17  13"))
    assert page.meeting.day.isoformat() == "2026-09-17"
    model = page.attendance.model
    assert model.rowCount() > 4
    assert not view.currentIndex().isValid()
    assert not view.selectionModel().selectedRows()
    before = [model.record(r).presence for r in range(model.rowCount())]
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_N)  # no one chosen: marks no one
    assert [model.record(r).presence for r in range(model.rowCount())] == before
    # and a chosen person is marked
    _click(qtbot, view, 2)
    name = model.record(2).name
    QTest.keyClick(view, Qt.Key.Key_N)
    marked = next(model.record(r) for r in range(model.rowCount()) if model.record(r).name == name)
    assert marked.presence.value == "present"


def test_followup_row_does_not_carry_over_to_another_meeting(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    agenda = page.agenda
    _click(qtbot, page.table, _row_of(page, "2026-09-17  13"))
    agenda.show_followup()
    assert agenda.followup.model().rowCount() > 0
    _click(qtbot, agenda.followup, agenda.followup.model().rowCount() - 1)
    _click(qtbot, page.table, _row_of(page, "2026-12-10  13"))
    agenda.show_followup()
    chosen = agenda.followup.selectionModel().selectedRows()
    assert [i.row() for i in chosen] in ([], [0])  # the first, as for any meeting, or none


def _locked_fields(page: MeetingsPage) -> dict[str, object]:
    agenda, structure = page.agenda, page.agenda.structure
    return {
        "Rubrik": agenda.title,
        "Text": agenda.body,
        "Anteckningar": agenda.notes,
        "Beslut": agenda.decisions,
        "Dnr": structure.case_number,
        "Tid": structure.slot,
        "Förslag": structure.proposal,
    }


def test_finalised_minutes_look_locked_and_say_why(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QPalette

    agenda = page.agenda
    _click(qtbot, page.table, _row_of(page, "2026-05-21  13"))  # TR protokoll, justerat
    _click(qtbot, agenda.list, 1)
    agenda.structure.set_expanded(True)
    grey = page.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base)
    for name, field in _locked_fields(page).items():
        assert field.isReadOnly(), name
        assert field.palette().color(QPalette.ColorRole.Base) == grey, name
        assert field.placeholderText() == "", name
    assert not agenda.shortcuts_hint.isVisible()
    assert agenda.locked_line.isVisible()
    assert "Protokollet är justerat" in agenda.locked_line.text()
    assert "Ångra justering" in agenda.locked_line.text()
    assert page.lifecycle_buttons["unfinalise"].text() == "Ångra justering"  # it exists
    # typing into the title by mouse and keys changes nothing, and the line says why
    title = agenda.title.text()
    QTest.mouseClick(agenda.title, Qt.MouseButton.LeftButton)
    QTest.keyClicks(agenda.title, "abc")
    assert agenda.title.text() == title
    # a draft: white fields with their examples, the keyboard help, no lock line
    _click(qtbot, page.table, _row_of(page, "2026-09-17  13"))
    _click(qtbot, agenda.list, 2)
    for name, field in _locked_fields(page).items():
        assert not field.isReadOnly(), name
        assert field.palette().color(QPalette.ColorRole.Base) != grey, name
    assert agenda.structure.case_number.placeholderText()
    assert agenda.shortcuts_hint.isVisible()
    assert not agenda.locked_line.isVisible()
