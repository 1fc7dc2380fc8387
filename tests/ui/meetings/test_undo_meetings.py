"""Deleting in the Möten tab can be undone (Ctrl+Z) and redone (Ctrl+Y): the journal command."""

from __future__ import annotations

from datetime import date

import pytest
from factories_meetings import make_action, make_group_with_members, make_item, make_meeting
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from trygghetsrad.domain.meetings.model import ActionStatus, Note
from trygghetsrad.services.meetings import actions as meetings_actions
from trygghetsrad.services.meetings import agenda as meetings_agenda
from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.ui.meetings.page import MeetingsPage


@pytest.fixture
def page(qtbot, ctx, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with ctx.database.session() as s:
        group, people = make_group_with_members(s, 3, name="Klara-gruppen")
        meeting_id = make_meeting(s, group_ids=[group], day=date(2026, 3, 12))
        meetings.start_minutes(s, meeting_id)
        item = make_item(s, meeting_id, title="Klotter vid Norrbyskolan")
        meetings_agenda.set_notes(s, item, [Note("Zebralunden har fått belysning")])
        meetings_agenda.set_decisions(s, item, ["Rådet ber fastighetsägaren sanera"])
        make_action(s, item, what="Kontakta Storåkershem", responsible_person_id=people[0])
        make_item(s, meeting_id, title="Övriga frågor")
    widget = MeetingsPage(ctx)
    qtbot.addWidget(widget)
    undo = ctx.undo_group.createUndoAction(widget, "Ångra")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = ctx.undo_group.createRedoAction(widget, "Gör om")
    redo.setShortcut(QKeySequence("Ctrl+Y"))
    widget.addActions([undo, redo])
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.undo_action, widget.redo_action = undo, redo  # type: ignore[attr-defined]
    widget.select_meeting(meeting_id)
    widget.meeting_id = meeting_id  # type: ignore[attr-defined]
    return widget


def ctrl(qtbot, page, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(page.table, key, Qt.KeyboardModifier.ControlModifier)


def minutes(ctx, meeting_id: int):  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        return [
            (
                i.title,
                [n.text for n in i.notes],
                [d.text for d in i.decisions],
                [a.what for a in i.actions],
            )
            for i in meetings_agenda.get_agenda(s, meeting_id)
        ]


def test_deleted_meeting_comes_back_with_ctrl_z_and_goes_again_with_ctrl_y(
    qtbot, page, ctx
) -> None:  # type: ignore[no-untyped-def]
    meeting_id = page.meeting_id
    before = minutes(ctx, meeting_id)
    assert before[0][1:] == (
        ["Zebralunden har fått belysning"],
        ["Rådet ber fastighetsägaren sanera"],
        ["Kontakta Storåkershem"],
    )
    detail = page.meeting
    page.details.delete()
    assert page.model.row_of(meeting_id) == -1
    assert page.undo_action.text() == f"Ångra Ta bort mötet ”{detail.title} 12 mars 2026”"
    opened = []
    ctx.events.open_record.connect(lambda owner: opened.append(owner) or page.open_record(owner))
    ctrl(qtbot, page, Qt.Key.Key_Z)
    assert page.model.row_of(meeting_id) >= 0
    assert minutes(ctx, meeting_id) == before
    assert [o.id for o in opened] == [meeting_id]
    assert page.meeting is not None and page.meeting.id == meeting_id
    with ctx.database.session() as s:
        assert len(meetings.get_meeting(s, meeting_id).group_ids) == 1
    ctrl(qtbot, page, Qt.Key.Key_Y)
    assert page.model.row_of(meeting_id) == -1
    with ctx.database.session() as s:
        assert meetings.list_meetings(s) == []


def test_deleted_item_comes_back_with_its_notes_decisions_and_action(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    meeting_id = page.meeting_id
    before = minutes(ctx, meeting_id)
    agenda = page.agenda
    agenda.list.setCurrentIndex(agenda.model.index(0))
    agenda.delete_item()
    assert [row[0] for row in minutes(ctx, meeting_id)] == ["Övriga frågor"]
    assert agenda.model.rowCount() == 1
    assert page.undo_action.text() == "Ångra Ta bort punkten ”Klotter vid Norrbyskolan”"
    ctrl(qtbot, page, Qt.Key.Key_Z)
    assert minutes(ctx, meeting_id) == before
    assert agenda.model.rowCount() == 2
    assert agenda.title.text() == "Klotter vid Norrbyskolan"  # selected again
    ctrl(qtbot, page, Qt.Key.Key_Y)
    assert [row[0] for row in minutes(ctx, meeting_id)] == ["Övriga frågor"]
    assert agenda.model.rowCount() == 1


def test_deleted_action_comes_back(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    meeting_id = page.meeting_id
    agenda = page.agenda
    agenda.list.setCurrentIndex(agenda.model.index(0))
    agenda.actions.setCurrentIndex(agenda.action_model.index(0, 0))
    agenda.delete_action()
    assert minutes(ctx, meeting_id)[0][3] == []
    assert agenda.action_model.rowCount() == 0
    assert page.undo_action.text() == "Ångra Ta bort uppdraget ”Kontakta Storåkershem”"
    ctrl(qtbot, page, Qt.Key.Key_Z)
    assert minutes(ctx, meeting_id)[0][3] == ["Kontakta Storåkershem"]
    assert agenda.action_model.rowCount() == 1


def test_undo_refused_when_the_item_changed_since(qtbot, page, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    meeting_id = page.meeting_id
    agenda = page.agenda
    agenda.list.setCurrentIndex(agenda.model.index(0))
    agenda.actions.setCurrentIndex(agenda.action_model.index(0, 0))
    agenda.delete_action()
    with ctx.database.session() as s:  # someone deletes the whole item meanwhile
        meetings_agenda.delete_item(s, meetings_agenda.get_agenda(s, meeting_id)[0].id)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    ctrl(qtbot, page, Qt.Key.Key_Z)
    assert warned == [
        "Kan inte ångra ”Ta bort uppdraget ”Kontakta Storåkershem””: posten har ändrats sedan dess."
    ]
    assert [row[0] for row in minutes(ctx, meeting_id)] == ["Övriga frågor"]
    assert not page.undo_stack.canUndo()  # the entry that could not be undone is gone


def test_followup_close_and_carry_can_be_undone(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    first = page.meeting_id
    with ctx.database.session() as s:
        action_id = meetings_agenda.get_agenda(s, first)[0].actions[0].id
        meetings.finalise(s, first, on=date(2026, 3, 13))
        group = meetings.get_meeting(s, first).group_ids[0]
        second = make_meeting(s, group_ids=[group], day=date(2026, 5, 7))
        meetings.start_minutes(s, second)
        make_item(s, second, title="Uppföljning av uppdrag")
    page.reload()
    page.select_meeting(second)
    agenda = page.agenda
    agenda.list.setCurrentIndex(agenda.model.index(0))
    assert agenda.followup_model.rowCount() == 1

    def status() -> tuple[ActionStatus, int]:
        with ctx.database.session() as s:
            action = meetings_actions.get_action(s, action_id)
        return action.status, action.carried_count

    agenda.followup.setCurrentIndex(agenda.followup_model.index(0, 0))
    agenda.close_followup()
    assert status()[0] is ActionStatus.DONE
    assert page.undo_action.text() == "Ångra Markera ”Kontakta Storåkershem” som klart"
    ctrl(qtbot, page, Qt.Key.Key_Z)
    assert status() == (ActionStatus.OPEN, 0)
    agenda.followup.setCurrentIndex(agenda.followup_model.index(0, 0))
    agenda.carry_followup()
    assert status() == (ActionStatus.OPEN, 1)
    ctrl(qtbot, page, Qt.Key.Key_Z)
    assert status() == (ActionStatus.OPEN, 0)
    ctrl(qtbot, page, Qt.Key.Key_Y)
    assert status() == (ActionStatus.OPEN, 1)


def test_copied_agenda_and_edited_action_can_be_undone(qtbot, page, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    first = page.meeting_id
    with ctx.database.session() as s:
        group = meetings.get_meeting(s, first).group_ids[0]
        second = make_meeting(s, group_ids=[group], day=date(2026, 5, 7))
        meetings.start_minutes(s, second)
    page.reload()
    page.select_meeting(second)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    page.agenda.copy_previous()
    copied = [row[0] for row in minutes(ctx, second)]
    assert "Klotter vid Norrbyskolan" in copied
    assert page.undo_action.text() == "Ångra Kopiera förra mötets dagordning"
    ctrl(qtbot, page, Qt.Key.Key_Z)
    assert minutes(ctx, second) == []
    assert page.agenda.model.rowCount() == 0
    ctrl(qtbot, page, Qt.Key.Key_Y)
    assert [row[0] for row in minutes(ctx, second)] == copied

    page.select_meeting(first)
    agenda = page.agenda
    agenda.list.setCurrentIndex(agenda.model.index(0))
    agenda.actions.setCurrentIndex(agenda.action_model.index(0, 0))
    agenda.edit_action()
    dialog = agenda.action_dialog
    dialog.what.setText("Kontakta Storåkershem och Polisen")
    dialog.save_button.click()
    assert minutes(ctx, first)[0][3] == ["Kontakta Storåkershem och Polisen"]
    assert page.undo_action.text() == "Ångra Ändra uppdraget ”Kontakta Storåkershem”"
    ctrl(qtbot, page, Qt.Key.Key_Z)
    assert minutes(ctx, first)[0][3] == ["Kontakta Storåkershem"]


def test_removed_attendee_comes_back(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.services.meetings import attendance as meetings_attendance

    def names() -> list[str]:
        with ctx.database.session() as s:
            return [r.name for r in meetings_attendance.list_attendance(s, page.meeting_id)]

    before = names()
    panel = page.attendance
    panel.view.selectRow(0)
    removed = panel.model.record(0).name
    panel.remove()
    assert removed not in names()
    assert page.undo_action.text() == f"Ångra Ta bort {removed} ur närvarolistan"
    ctrl(qtbot, page, Qt.Key.Key_Z)
    assert names() == before
    assert panel.model.rowCount() == len(before)
