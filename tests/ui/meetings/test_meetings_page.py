"""The Möten tab driven with pytest-qt: keyboard minute-taking, reorder, lifecycle, export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from factories_meetings import fill_meetings_demo, make_group_with_members, make_meeting
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from trygghetsrad.domain.meetings.model import MeetingStatus, Note, Presence
from trygghetsrad.services import register
from trygghetsrad.services.meetings import actions as meetings_actions
from trygghetsrad.services.meetings import agenda as meetings_agenda
from trygghetsrad.services.meetings import attendance as meetings_attendance
from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.ui.meetings.page import MeetingsPage


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type text with key events carrying the characters (keyClicks aborts on å/ä/ö)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture
def page(qtbot, ctx):  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        group, _people = make_group_with_members(s, 3, name="Klara-gruppen")
    widget = MeetingsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.group_id = group  # type: ignore[attr-defined]
    return widget


def _create_meeting(qtbot, page) -> int:  # type: ignore[no-untyped-def]
    page.new_meeting()
    dialog = page.meeting_dialog
    dialog.place.setText("Kommunhuset, sammanträdesrum Älven")
    dialog.template.setChecked(False)
    dialog.save_button.click()
    assert page.meeting is not None
    return page.meeting.id


def test_create_meeting_and_take_minutes_with_the_keyboard(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    meeting_id = _create_meeting(qtbot, page)
    agenda = page.agenda
    agenda.new_item()
    assert agenda.title.hasFocus() or agenda.title.selectedText() == "Ny punkt"
    agenda.title.setText("Summering och utvärdering")
    agenda.notes.setFocus()
    type_text(agenda.notes, "Kulturnatten genomförs i Storåker")
    qtbot.keyClick(agenda.notes, Qt.Key.Key_Return)
    qtbot.keyClick(agenda.notes, Qt.Key.Key_Tab)
    type_text(agenda.notes, "Medborgardialog på torget")
    qtbot.keyClick(agenda.notes, Qt.Key.Key_Return)
    qtbot.keyClick(agenda.notes, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    type_text(agenda.notes, "Hemlig uppgift")
    qtbot.keyClick(agenda.notes, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    # Ctrl+Enter: a new agenda item; the typed text of the first is saved on the way.
    qtbot.keyClick(agenda.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with ctx.database.session() as s:
        items = meetings_agenda.get_agenda(s, meeting_id)
    assert [i.title for i in items] == ["Summering och utvärdering", "Ny punkt"]
    assert [(n.text, n.level, n.internal) for n in items[0].notes] == [
        ("Kulturnatten genomförs i Storåker", 0, False),
        ("Medborgardialog på torget", 1, False),
        ("Hemlig uppgift", 0, True),
    ]
    assert agenda.list.currentIndex().row() == 1
    from PySide6.QtWidgets import QLabel

    [help_label] = [w for w in agenda.findChildren(QLabel) if w.accessibleName() == "Kortkommandon"]
    for keys in ("Ctrl+Enter", "Ctrl+Shift+A", "Tab / Shift+Tab", "Ctrl+I", "Ctrl+Tab"):
        assert keys in help_label.text()
    # Tab indents inside the notes, so Ctrl+Tab is the way out (to the decisions).
    agenda.list.setCurrentIndex(agenda.model.index(0))
    agenda.notes.setFocus()
    qtbot.keyClick(agenda.notes, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert not agenda.notes.hasFocus()


def test_new_action_from_the_keyboard_and_follow_up(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    meeting_id = _create_meeting(qtbot, page)
    page.agenda.new_item()
    page.agenda.notes.setFocus()
    qtbot.keyClick(
        page.agenda.notes,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = page.agenda.action_dialog
    assert dialog.isVisible()
    dialog.what.setText("Sammanställa dialogmaterialet")
    dialog.who.setCurrentIndex(1)
    dialog.save_button.click()
    assert page.agenda.action_model.rowCount() == 1
    with ctx.database.session() as s:
        [action] = meetings_actions.list_actions(s)
    assert action.what == "Sammanställa dialogmaterialet" and action.responsible
    assert action.origin_meeting_id == meeting_id
    assert page.undo_stack.undoText() == "Nytt uppdrag: Sammanställa dialogmaterialet"
    page.undo_stack.undo()
    assert page.agenda.action_model.rowCount() == 0
    page.undo_stack.redo()
    assert [a.what for a in page.agenda.action_model.rows()] == ["Sammanställa dialogmaterialet"]


def test_reorder_by_keyboard_and_drag_with_undo(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    meeting_id = _create_meeting(qtbot, page)
    with ctx.database.session() as s:
        for title in ("Öppnande", "Lägesbild", "Årshjul"):
            meetings_agenda.add_item(s, meeting_id, title=title)
    page.agenda.reload()
    page.agenda.list.setCurrentIndex(page.agenda.model.index(0))
    page.agenda.list.setFocus()
    qtbot.keyClick(page.agenda.list, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    titles = [i.title for i in page.agenda.model.items]
    assert titles == ["Lägesbild", "Öppnande", "Årshjul"]
    assert page.agenda.list.currentIndex().row() == 1
    # Dropping "Årshjul" on the first row (what a drag does).
    model = page.agenda.model
    mime = model.mimeData([model.index(2)])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, model.index(-1))
    assert [i.title for i in page.agenda.model.items] == ["Årshjul", "Lägesbild", "Öppnande"]
    page.undo_stack.undo()
    assert [i.title for i in page.agenda.model.items] == ["Lägesbild", "Öppnande", "Årshjul"]
    assert page.undo_stack.undoText().startswith("Flytta")


def test_status_lifecycle_and_reopen_with_revision_note(qtbot, page, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    meeting_id = _create_meeting(qtbot, page)
    buttons = page.lifecycle_buttons
    assert buttons["start"].isVisible() and not buttons["reopen"].isVisible()
    buttons["start"].click()
    assert page.meeting.status is MeetingStatus.DRAFT
    buttons["finalise"].click()
    page.finalise_dialog.save_button.click()
    assert page.meeting.status is MeetingStatus.FINALISED
    assert not page.agenda.add_button.isEnabled()
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes
    )  # "Markera som skickat" asks first
    buttons["send"].click()
    assert page.meeting.status is MeetingStatus.SENT
    assert buttons["reopen"].isVisible()
    buttons["reopen"].click()
    dialog = page.reopen_dialog
    dialog.save_button.click()  # an empty note is refused, the dialog stays
    assert dialog.isVisible() and "måste fyllas i" in dialog.error_text("note")
    dialog.note.setPlainText("Rättat namn på en ledamot")
    dialog.save_button.click()
    with ctx.database.session() as s:
        detail = meetings.get_meeting(s, meeting_id)
    assert detail.status is MeetingStatus.DRAFT and detail.revised_on == date.today()
    assert "Rättat namn" in page.revision.text()
    assert page.agenda.add_button.isEnabled()


def test_attendance_marked_with_keys_and_undone(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    _create_meeting(qtbot, page)
    page.tabs.setCurrentWidget(page.attendance_tab)
    view = page.attendance.view
    view.setFocus()
    view.selectRow(1)
    name = page.attendance.model.record(1).name
    page.attendance.buttons[1].click()  # anmält förhinder
    record = next(r for r in page.attendance.model.rows() if r.name == name)
    assert record.presence.value == "excused"
    page.undo_stack.undo()
    record = next(r for r in page.attendance.model.rows() if r.name == name)
    assert record.presence.value == "unknown"  # not marked before


def _presences(ctx, meeting: int) -> list[Presence]:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        return [r.presence for r in meetings_attendance.list_attendance(s, meeting)]


def test_one_click_marks_the_unmarked_present_and_undo_takes_it_back(qtbot, ctx, page) -> None:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        group, _people = make_group_with_members(s, 3)
        meeting = make_meeting(s, group_ids=[group])
    page.reload()
    page.select_meeting(meeting)
    page.tabs.setCurrentWidget(page.attendance_tab)
    panel = page.attendance
    view = panel.view
    texts = [panel.model.index(r, 3).data() for r in range(panel.model.rowCount())]
    assert texts == ["Ej angiven"] * 3
    # Mark the second member excused with the mouse: select the row, click the button.
    index = panel.model.index(1, 0)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    excused = next(b for b in panel.buttons if b.text() == "Anmält &förhinder")
    QTest.mouseClick(excused, Qt.MouseButton.LeftButton)
    assert _presences(ctx, meeting) == [Presence.UNKNOWN, Presence.EXCUSED, Presence.UNKNOWN]
    assert panel.all_present_button.isVisible()
    QTest.mouseClick(panel.all_present_button, Qt.MouseButton.LeftButton)
    assert _presences(ctx, meeting) == [Presence.PRESENT, Presence.EXCUSED, Presence.PRESENT]
    assert [panel.model.index(r, 3).data() for r in range(3)] == [
        "Närvarande",
        "Anmält förhinder",
        "Närvarande",
    ]
    assert not panel.all_present_button.isEnabled()  # nothing left to mark
    page.undo_stack.undo()
    assert _presences(ctx, meeting) == [Presence.UNKNOWN, Presence.EXCUSED, Presence.UNKNOWN]
    assert panel.all_present_button.isEnabled()


def test_export_minutes_in_the_background(qtbot, page, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    meeting_id = _create_meeting(qtbot, page)
    with ctx.database.session() as s:
        item = meetings_agenda.add_item(s, meeting_id, title="Övriga frågor").id
        meetings_agenda.set_notes(
            s, item, [Note("Inga övriga frågor"), Note("Intern sak", 0, True)]
        )
    target = tmp_path / "Minnesanteckningar Klara-gruppen.pdf"
    page.export("minutes", target)
    qtbot.waitUntil(lambda: page.last_export == target, timeout=20000)
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    assert "Övriga frågor" in text and "Intern sak" not in text
    page.include_internal.setChecked(True)
    full = tmp_path / "intern.pdf"
    page.export("minutes", full)
    qtbot.waitUntil(lambda: page.last_export == full, timeout=20000)
    assert "Intern sak" in "".join(p.extract_text() for p in PdfReader(full).pages)


def test_preview_shows_the_minutes(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    meeting_id = _create_meeting(qtbot, page)
    with ctx.database.session() as s:
        meetings_agenda.add_item(s, meeting_id, title="Lägesbildsarbete")
    page.preview()
    text = page.preview_dialog.browser.toPlainText()
    assert "Lägesbildsarbete" in text and "Vid pennan" in text


def test_deleting_an_item_with_notes_asks_first(qtbot, page, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    meeting_id = _create_meeting(qtbot, page)
    with ctx.database.session() as s:
        item = meetings_agenda.add_item(s, meeting_id, title="Lägesbild").id
        meetings_agenda.set_notes(s, item, [Note("Viktigt")])
    page.agenda.reload()
    page.agenda.list.setCurrentIndex(page.agenda.model.index(0))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    page.agenda.delete_item()
    assert page.agenda.model.rowCount() == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.agenda.delete_item()
    assert page.agenda.model.rowCount() == 0


def test_models_pass_the_model_tester(qtbot, qtmodeltester, database) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.services.meetings import attendance as meetings_attendance
    from trygghetsrad.ui.meetings.models import (
        ActionModel,
        AgendaModel,
        AttendanceModel,
        FollowupModel,
        MeetingTableModel,
        StatsModel,
    )

    with database.session() as s:
        ctx = fill_meetings_demo(s)
        ref = ctx.extra["reference_meeting"]
        checks = [
            (MeetingTableModel(), meetings.list_meetings(s)),
            (AttendanceModel(), meetings_attendance.list_attendance(s, ref)),
            (ActionModel(), meetings_actions.list_actions(s)),
            (FollowupModel(), meetings_actions.followup(s, meetings.list_meetings(s)[-2].id)),
            (StatsModel(), meetings_attendance.attendance_by_person(s, 2025)),
        ]
        agenda_items = meetings_agenda.get_agenda(s, ref)
    for model, records in checks:
        assert records
        model.set_rows(records)
        qtmodeltester.check(model)
    agenda = AgendaModel()
    agenda.set_items(agenda_items, lambda i: f"{i + 1}.")
    qtmodeltester.check(agenda)
    assert agenda.data(agenda.index(0)).startswith("1.  Summering")


def test_meeting_details_are_saved_when_switching_meetings(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    first = _create_meeting(qtbot, page)
    second = _create_meeting(qtbot, page)
    page.select_meeting(first)
    page.tabs.setCurrentIndex(2)
    page.details.place.setFocus()
    page.details.place.selectAll()
    type_text(page.details.place, "Stadshuset, sal Ådalen")
    assert page.details.dirty
    page.select_meeting(second)
    with ctx.database.session() as s:
        assert meetings.get_meeting(s, first).place == "Stadshuset, sal Ådalen"


def test_invalid_details_are_shown_and_kept(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    meeting_id = _create_meeting(qtbot, page)
    page.tabs.setCurrentIndex(2)
    page.details.place.setFocus()
    page.details.place.selectAll()
    type_text(page.details.place, "x" * 400)  # stored once the typing pauses: refused
    label = page.details.field_errors["place"]  # right below the field
    qtbot.waitUntil(lambda: "högst 300" in label.text(), timeout=5000)
    assert "högst 300" in label.text() and label.isVisibleTo(page)
    assert page.details.place.text() == "x" * 400
    with ctx.database.session() as s:
        assert meetings.get_meeting(s, meeting_id).place == "Kommunhuset, sammanträdesrum Älven"


def test_undoing_a_new_item_leaves_nothing_to_save(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    meeting_id = _create_meeting(qtbot, page)
    page.agenda.new_item()
    assert page.agenda.model.rowCount() == 1
    page.undo_stack.undo()
    assert page.agenda.model.rowCount() == 0
    assert page.agenda.item_id is None
    assert page.agenda.save_now() and page.agenda.error.isHidden()
    with ctx.database.session() as s:
        assert meetings_agenda.get_agenda(s, meeting_id) == []


def test_delete_a_meeting_after_confirming(qtbot, page, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    meeting_id = _create_meeting(qtbot, page)
    page.tabs.setCurrentIndex(2)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.details.delete_button.click()
    assert page.meeting is None and page.stack.currentWidget() is page.empty
    assert page.model.row_of(meeting_id) == -1
    with ctx.database.session() as s:
        assert meetings.list_meetings(s) == []


def test_reference_meeting_typed_without_the_mouse(qtbot, page, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The Done-when of the issue: the reference minutes entered from the keyboard, then printed."""
    from pypdf import PdfReader

    from trygghetsrad.demo.meetings_reference import REFERENCE_ITEMS

    years = {"y0": 2022, "y": 2023, "y1": 2024, "y2": 2025, "y3": 2026}
    meeting_id = _create_meeting(qtbot, page)
    agenda = page.agenda
    agenda.list.setFocus()
    for index, (title, _body, bullets) in enumerate(REFERENCE_ITEMS):
        focus = agenda.list if index == 0 else agenda.notes
        qtbot.keyClick(focus, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert agenda.title.hasFocus()
        type_text(agenda.title, title.format(**years))  # replaces the selected "Ny punkt"
        qtbot.keyClick(agenda.title, Qt.Key.Key_Return)
        assert agenda.notes.hasFocus()
        for number, (_level, text) in enumerate(bullets):
            if number:
                qtbot.keyClick(agenda.notes, Qt.Key.Key_Return)
            type_text(agenda.notes, text.format(**years)[:120])
    agenda.save_now()
    with ctx.database.session() as s:
        items = meetings_agenda.get_agenda(s, meeting_id)
    assert [i.title for i in items] == [t.format(**years) for t, _b, _n in REFERENCE_ITEMS]
    assert [len(i.notes) for i in items] == [len(b) for _t, _x, b in REFERENCE_ITEMS]
    target = tmp_path / "Minnesanteckningar.pdf"
    page.export("minutes", target)
    qtbot.waitUntil(lambda: page.last_export == target, timeout=20000)
    text = " ".join("".join(p.extract_text() for p in PdfReader(target).pages).split())
    for expected in ("1. Summering och utvärdering av 2022", "4. Årshjul 2023", "6. Nästa möte"):
        assert expected in text.replace("\xa0", " ")
    assert "Industriområdet i Storåker är lugnare än tidigare" in text


def test_opens_on_the_draft_in_progress(qtbot, database) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QUndoGroup

    from trygghetsrad.ui.context import AppContext, AppEvents

    with database.session() as s:
        fill_meetings_demo(s, date.today())
    context = AppContext(database, AppEvents(), QUndoGroup())
    widget = MeetingsPage(context)
    qtbot.addWidget(widget)
    assert widget.meeting is not None and widget.meeting.status is MeetingStatus.DRAFT
    assert widget.stack.currentIndex() == 1


def test_open_owner_of_a_calendar_item(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    from factories_meetings import make_action

    first = _create_meeting(qtbot, page)
    with ctx.database.session() as s:
        meetings_agenda.add_item(s, first, title="Öppnande")
        item = meetings_agenda.add_item(s, first, title="Lägesbild").id
        action = make_action(s, item, what="Ringa polisen", due_date=date(2026, 6, 1))
    second = _create_meeting(qtbot, page)
    assert page.meeting.id == second
    assert page.open_owner("action_item", action)
    assert page.meeting.id == first
    assert page.agenda.model.items[page.agenda.list.currentIndex().row()].title == "Lägesbild"
    assert page.open_owner("meeting", second) and page.meeting.id == second
    assert not page.open_owner("meeting", 9999)


def test_edit_the_groups_template(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    _create_meeting(qtbot, page)
    group = page.meeting.group_ids[0]
    page.agenda.edit_template(group, "Klara-gruppen")
    dialog = page.agenda.template_dialog
    dialog.items.setPlainText("")
    dialog.save_button.click()
    assert dialog.isVisible() and "minst en punkt" in dialog.error_text("items")
    dialog.items.setPlainText("Mötets öppnande\nUppföljning av uppdrag\n\nNästa möte")
    dialog.save_button.click()
    assert not dialog.isVisible()
    with ctx.database.session() as s:
        [template] = meetings_agenda.list_templates(s, group_id=group)
    assert template.items == ("Mötets öppnande", "Uppföljning av uppdrag", "Nästa möte")
    page.agenda.edit_template(group, "Klara-gruppen")
    assert "Uppföljning av uppdrag" in page.agenda.template_dialog.items.toPlainText()


def test_finalising_without_chair_or_minute_taker_warns_and_goes_back(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        meeting = make_meeting(s, group_ids=[page.group_id])
        meetings.start_minutes(s, meeting)
    page.reload()
    page.select_meeting(meeting)
    QTest.mouseClick(page.lifecycle_buttons["finalise"], Qt.MouseButton.LeftButton)
    dialog = page.finalise_dialog
    qtbot.waitExposed(dialog)
    assert dialog.warning.isVisible()
    assert "ordförande och antecknare" in dialog.warning.text()
    # Each button names the tab it opens: the officers are set in Uppgifter om mötet, the
    # attendance in Närvaro, in the words the Närvaro column uses.
    details, attendance = dialog.back_buttons["details"], dialog.back_buttons["attendance"]
    assert details.text() == "Tillbaka till Uppgifter om mötet" and details.isVisible()
    assert attendance.text() == "Tillbaka till Närvaro" and attendance.isVisible()
    assert "”Ej angiven”" in dialog.warning.text()
    assert details.isDefault()  # Enter goes back, not on
    QTest.mouseClick(details, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert page.tabs.tabText(page.tabs.currentIndex()) == "Uppgifter om mötet"
    assert page.meeting.status is MeetingStatus.DRAFT
    with ctx.database.session() as s:
        people = [r.person_id for r in meetings_attendance.list_attendance(s, meeting)]
        meetings.update_meeting(s, meeting, chair_id=people[0], secretary_id=people[1])
    page.reload()
    page.select_meeting(meeting)
    # Officers named, attendance still unmarked: said too, and back goes to Närvaro.
    QTest.mouseClick(page.lifecycle_buttons["finalise"], Qt.MouseButton.LeftButton)
    dialog = page.finalise_dialog
    qtbot.waitExposed(dialog)
    assert "ordförande" not in dialog.warning.text()
    assert "Närvaron är inte angiven för 3 personer" in dialog.warning.text()
    assert not dialog.back_buttons["details"].isVisible()
    back = dialog.back_buttons["attendance"]
    assert back.text() == "Tillbaka till Närvaro" and back.isDefault()
    QTest.mouseClick(back, Qt.MouseButton.LeftButton)
    assert page.tabs.tabText(page.tabs.currentIndex()) == "Närvaro"
    assert page.tabs.currentWidget() is page.attendance_tab
    QTest.mouseClick(page.attendance.all_present_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(page.lifecycle_buttons["finalise"], Qt.MouseButton.LeftButton)
    dialog = page.finalise_dialog
    qtbot.waitExposed(dialog)
    assert not dialog.warning.isVisible()
    assert not any(b.isVisible() for b in dialog.back_buttons.values())
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert page.meeting.status is MeetingStatus.FINALISED


def test_a_planned_meeting_whose_day_has_passed_says_so(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    with ctx.database.session() as s:
        past = make_meeting(s, group_ids=[page.group_id], day=date.today() - timedelta(days=21))
        coming = make_meeting(s, group_ids=[page.group_id], day=date.today() + timedelta(days=7))
    page.reload()
    page.select_meeting(past)
    assert page.status.text() == "Planerat (datum passerat)"
    model = page.list_pane.model
    statuses = [model.index(r, 3).data() for r in range(model.rowCount())]
    assert sorted(statuses) == ["Planerat", "Planerat (datum passerat)"]
    QTest.mouseClick(page.lifecycle_buttons["start"], Qt.MouseButton.LeftButton)
    assert page.status.text() == "Utkast"
    page.select_meeting(coming)
    assert page.status.text() == "Planerat"


def test_next_meeting_of_a_joint_meeting_can_be_joint_again(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        council, _people = make_group_with_members(s, 2, name="Trygghetsrådet")
        joint = make_meeting(s, group_ids=[council, page.group_id], day=date(2026, 2, 12))
    page.reload()
    page.select_meeting(joint)
    QTest.mouseClick(page.agenda.next_button, Qt.MouseButton.LeftButton)
    dialog = page.agenda.next_dialog
    qtbot.waitExposed(dialog)
    checks = {gids: check for gids, check, _d, _s, _e in dialog.rows}
    [both] = [gids for gids in checks if len(gids) == 2]
    assert sorted(both) == sorted([council, page.group_id])
    assert not checks[both].isChecked()  # one per group, as before, unless chosen
    for gids, check in checks.items():
        if (gids == both) != check.isChecked():
            QTest.mouseClick(check, Qt.MouseButton.LeftButton)
    assert [g for g, c in checks.items() if c.isChecked()] == [both]
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    with ctx.database.session() as s:
        later = [m for m in meetings.list_meetings(s) if m.day > date(2026, 2, 12)]
    assert [sorted(m.group_ids) for m in later] == [sorted(both)]


def test_meeting_details_save_themselves_like_every_other_field(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton

    with ctx.database.session() as s:
        meeting_id = make_meeting(s, group_ids=[page.group_id])
    page.reload()
    page.select_meeting(meeting_id)
    QTest.mouseClick(
        page.tabs.tabBar(),
        Qt.MouseButton.LeftButton,
        pos=page.tabs.tabBar().tabRect(page.tabs.indexOf(page.details_tab)).center(),
    )
    details = page.details
    buttons = [b.text() for b in details.findChildren(QPushButton) if b.isVisible()]
    assert "Spara ändringar" not in buttons  # nothing to remember to press
    QTest.mouseClick(details.place, Qt.MouseButton.LeftButton)
    details.place.selectAll()
    type_text(details.place, "Stadshuset")
    details.chair.setFocus()
    qtbot.keyClick(details.chair, Qt.Key.Key_Down)  # the first member

    def stored() -> bool:
        with ctx.database.session() as s:
            m = meetings.get_meeting(s, meeting_id)
        return m.place == "Stadshuset" and m.chair_id is not None

    qtbot.waitUntil(stored, timeout=5000)
    assert details.saved_label.text().startswith("Sparat")
    # Ctrl+S stores at once, as everywhere.
    details.place.setFocus()
    type_text(details.place, " sal 2")
    qtbot.keyClick(details.place, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with ctx.database.session() as s:
        assert meetings.get_meeting(s, meeting_id).place == "Stadshuset sal 2"


def test_a_new_meeting_proposes_the_groups_chair(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    """The group's ordförande in the register chairs its new meeting unless the user picks
    someone else; a joint meeting whose groups have different chairs gets none."""
    with ctx.database.session() as s:
        members = register.members_on(s, page.group_id, date.today())
        chair = next(m for m in members if m.role == "ordförande")
    QTest.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.meeting_dialog
    qtbot.waitExposed(dialog)
    dialog.template.setChecked(False)
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert page.meeting is not None and page.meeting.chair_id == chair.person_id
    assert page.details.chair.currentData() == chair.person_id
    assert page.details.chair.currentText().startswith(chair.person_name)
    # Two groups with a chair each: which of them chairs is for the user to say.
    with ctx.database.session() as s:
        make_group_with_members(s, 2, name="Trygghetsrådet")
    QTest.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.meeting_dialog
    qtbot.waitExposed(dialog)
    dialog.template.setChecked(False)
    for row in range(dialog.groups.count()):
        dialog.groups.item(row).setCheckState(Qt.CheckState.Checked)
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(page.meeting.group_ids) == 2 and page.meeting.chair_id is None


def test_the_minute_taker_has_the_pdfs_word_for_each_kind(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    """A protocol's PDF names the officer "Sekreterare", minnesanteckningar "Antecknare": the
    finalise warning and the details tab say it in the same word."""
    with ctx.database.session() as s:
        protocol = make_meeting(s, group_ids=[page.group_id], kind="protocol")
        notes = make_meeting(s, group_ids=[page.group_id], kind="notes")
        for meeting in (protocol, notes):
            meetings.start_minutes(s, meeting)
    page.reload()
    for meeting, word in ((protocol, "sekreterare"), (notes, "antecknare")):
        page.select_meeting(meeting)
        QTest.mouseClick(page.lifecycle_buttons["finalise"], Qt.MouseButton.LeftButton)
        dialog = page.finalise_dialog
        qtbot.waitExposed(dialog)
        assert f"ordförande och {word}" in dialog.warning.text()
        QTest.mouseClick(dialog.back_buttons["details"], Qt.MouseButton.LeftButton)
        details = page.details
        label = details.secretary_label
        assert label.text() == word.capitalize()
        assert details.secretary.accessibleName() == word.capitalize()
        assert label.isVisible()
