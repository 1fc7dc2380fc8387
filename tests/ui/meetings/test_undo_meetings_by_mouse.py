"""Edits in the Möten tab undone and redone with the mouse: every click goes through the one
journal-backed edit path, and the Ångra / Gör om buttons (the window's Redigera actions)
take each back and bring it again, with what the page shows following."""

from __future__ import annotations

from datetime import date

import pytest
from factories_meetings import make_group_with_members, make_item, make_meeting
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton, QToolButton, QWidget

from trygghetsrad.domain.meetings.model import MeetingStatus, Presence
from trygghetsrad.services.meetings import agenda as meetings_agenda
from trygghetsrad.services.meetings import attendance as meetings_attendance
from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.ui.meetings.page import MeetingsPage


@pytest.fixture
def page(qtbot, ctx):  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        group, _people = make_group_with_members(s, 3, name="Klara-gruppen")
        meeting_id = make_meeting(s, group_ids=[group], day=date(2026, 3, 12))
        meetings.start_minutes(s, meeting_id)
        make_item(s, meeting_id, title="Klotter vid Norrbyskolan")
        make_item(s, meeting_id, title="Övriga frågor")
        planned = make_meeting(s, group_ids=[group], day=date(2026, 6, 4))
    widget = MeetingsPage(ctx)
    qtbot.addWidget(widget)
    # The window's Redigera → Ångra / Gör om, as buttons the mouse can click.
    bar = QWidget()
    qtbot.addWidget(bar)
    widget.undo_button, widget.redo_button = QToolButton(bar), QToolButton(bar)  # type: ignore[attr-defined]
    widget.undo_button.setDefaultAction(ctx.undo_group.createUndoAction(bar, "Ångra"))  # type: ignore[attr-defined]
    widget.redo_button.setDefaultAction(ctx.undo_group.createRedoAction(bar, "Gör om"))  # type: ignore[attr-defined]
    bar.show()
    widget.edit_bar = bar  # type: ignore[attr-defined]
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    widget.select_meeting(meeting_id)
    widget.meeting_id, widget.planned_id = meeting_id, planned  # type: ignore[attr-defined]
    return widget


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_row(view, row: int) -> None:  # type: ignore[no-untyped-def]
    index = view.model().index(row, 0)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def undo(page) -> str:  # type: ignore[no-untyped-def]
    """Click Ångra; returns what the button said it would undo."""
    text = page.undo_button.defaultAction().text()
    assert page.undo_button.isEnabled(), "nothing to undo"
    click(page.undo_button)
    return str(text)


def redo(page) -> str:  # type: ignore[no-untyped-def]
    text = page.redo_button.defaultAction().text()
    assert page.redo_button.isEnabled(), "nothing to redo"
    click(page.redo_button)
    return str(text)


def presences(ctx, meeting_id: int) -> dict[str, Presence]:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        return {r.name: r.presence for r in meetings_attendance.list_attendance(s, meeting_id)}


def titles(ctx, meeting_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        return [i.title for i in meetings_agenda.get_agenda(s, meeting_id)]


def test_presence_marked_by_mouse_is_undone_and_redone_by_mouse(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    page.tabs.setCurrentWidget(page.attendance_tab)
    panel = page.attendance
    click_row(panel.view, 1)
    name = panel.model.record(1).name
    excused = next(b for b in panel.buttons if b.text() == "Anmält &förhinder")
    click(excused)
    assert presences(ctx, page.meeting_id)[name] is Presence.EXCUSED
    assert panel.model.index(1, 3).data() == "Anmält förhinder"

    assert undo(page) == f"Ångra Närvaro för {name}: anmält förhinder"
    assert presences(ctx, page.meeting_id)[name] is Presence.UNKNOWN
    assert panel.model.index(1, 3).data() == "Ej angiven"

    assert redo(page) == f"Gör om Närvaro för {name}: anmält förhinder"
    assert presences(ctx, page.meeting_id)[name] is Presence.EXCUSED
    assert panel.model.index(1, 3).data() == "Anmält förhinder"


def test_new_and_moved_agenda_items_by_mouse_are_undone_and_redone_by_mouse(
    qtbot, page, ctx
) -> None:  # type: ignore[no-untyped-def]
    agenda = page.agenda
    click_row(agenda.list, 0)
    click(agenda.add_button)  # a new item after the selected one
    assert titles(ctx, page.meeting_id) == ["Klotter vid Norrbyskolan", "Ny punkt", "Övriga frågor"]
    assert agenda.title.text() == "Ny punkt"  # the new item is open in the editor

    assert undo(page) == "Ångra Ny dagordningspunkt"
    assert titles(ctx, page.meeting_id) == ["Klotter vid Norrbyskolan", "Övriga frågor"]
    assert agenda.model.rowCount() == 2

    assert redo(page) == "Gör om Ny dagordningspunkt"
    assert titles(ctx, page.meeting_id) == ["Klotter vid Norrbyskolan", "Ny punkt", "Övriga frågor"]
    assert [agenda.model.items[r].title for r in range(3)][1] == "Ny punkt"

    click_row(agenda.list, 0)
    click(agenda.down_button)
    assert titles(ctx, page.meeting_id) == ["Ny punkt", "Klotter vid Norrbyskolan", "Övriga frågor"]
    assert undo(page) == "Ångra Flytta ”Klotter vid Norrbyskolan”"
    assert titles(ctx, page.meeting_id) == ["Klotter vid Norrbyskolan", "Ny punkt", "Övriga frågor"]
    assert agenda.model.items[0].title == "Klotter vid Norrbyskolan"
    assert redo(page) == "Gör om Flytta ”Klotter vid Norrbyskolan”"
    assert titles(ctx, page.meeting_id) == ["Ny punkt", "Klotter vid Norrbyskolan", "Övriga frågor"]


def test_new_action_saved_by_mouse_is_undone_and_redone_by_mouse(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    agenda = page.agenda
    click_row(agenda.list, 0)
    click(agenda.new_action_button)
    dialog = agenda.action_dialog
    dialog.what.setText("Kontakta fastighetsägaren")
    click(dialog.save_button)
    assert [a.what for a in agenda.action_model.rows()] == ["Kontakta fastighetsägaren"]
    assert undo(page) == "Ångra Nytt uppdrag: Kontakta fastighetsägaren"
    assert agenda.action_model.rowCount() == 0
    assert redo(page) == "Gör om Nytt uppdrag: Kontakta fastighetsägaren"
    assert [a.what for a in agenda.action_model.rows()] == ["Kontakta fastighetsägaren"]


def test_refused_action_stays_in_its_dialog_with_the_message_at_the_field(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    agenda = page.agenda
    click_row(agenda.list, 0)
    click(agenda.new_action_button)
    dialog = agenda.action_dialog
    dialog.what.setText("   ")  # no text: the service refuses it
    click(dialog.save_button)
    assert dialog.isVisible()
    assert any(label.text() and label.isVisible() for label in dialog._errors.values()), (
        "the refusal is shown under a field"
    )
    assert agenda.action_model.rowCount() == 0
    assert not page.undo_button.isEnabled()  # nothing happened, nothing to undo


def test_starting_the_minutes_by_mouse_can_be_undone_and_redone(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    page.select_meeting(page.planned_id)
    start = page.lifecycle_buttons["start"]
    assert isinstance(start, QPushButton) and start.isVisible()
    click(start)
    assert page.meeting.status is MeetingStatus.DRAFT
    assert page.status.text() == "Utkast"
    assert undo(page) == "Ångra Börja anteckna"
    assert page.meeting.status is MeetingStatus.PLANNED
    assert page.status.text().startswith("Planerat")
    assert start.isVisible()  # "Börja anteckna" is offered again
    assert redo(page) == "Gör om Börja anteckna"
    assert page.meeting.status is MeetingStatus.DRAFT


def test_new_meeting_and_finalising_by_dialog_can_be_undone_and_redone(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    click(page.new_button)
    dialog = page.meeting_dialog
    dialog.place.setText("Stadsbiblioteket")
    dialog.template.setChecked(False)
    click(dialog.save_button)
    new_id = page.meeting.id
    assert new_id not in (page.meeting_id, page.planned_id)
    assert page.model.row_of(new_id) >= 0
    assert undo(page) == "Ångra Nytt möte"
    assert page.model.row_of(new_id) == -1
    with ctx.database.session() as s:
        assert new_id not in [m.id for m in meetings.list_meetings(s)]
    assert redo(page) == "Gör om Nytt möte"
    assert page.model.row_of(new_id) >= 0

    page.select_meeting(page.meeting_id)
    click(page.lifecycle_buttons["finalise"])
    click(page.finalise_dialog.save_button)
    assert page.meeting.status is MeetingStatus.FINALISED
    assert undo(page) == "Ångra Fastställ minnesanteckningarna"
    assert page.meeting.status is MeetingStatus.DRAFT
    assert page.lifecycle_buttons["finalise"].isVisible()


def test_a_presence_button_with_no_row_chosen_marks_no_one(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    page.tabs.setCurrentWidget(page.attendance_tab)
    panel = page.attendance
    panel.view.setCurrentIndex(panel.model.index(-1, 0))  # nothing chosen
    panel.view.clearSelection()
    before = presences(ctx, page.meeting_id)
    present = next(b for b in panel.buttons if b.text() == "&Närvarande")
    click(present)
    assert presences(ctx, page.meeting_id) == before
    assert not page.undo_button.isEnabled()
