"""An action's responsible edited in its dialog by mouse and keys: a second one is added,
and undo/redo bring back exactly the responsible there were."""

from __future__ import annotations

from datetime import date

from factories import make_group, make_organisation, make_person
from factories_meetings import make_action, make_item, open_meetings_page
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from trygghetsrad.services.meetings import actions as meetings_actions
from trygghetsrad.services.meetings import lifecycle as meetings


def _type(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def test_a_second_responsible_is_added_and_undone(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        group = make_group(s, name="Trygghetsrådet")
        moa = make_person(s, name="Moa Magnusson")
        make_organisation(s, name="Polisen Ånge")
        meeting = meetings.create_meeting(s, group_ids=[group], day=date(2026, 3, 2)).id
        item = make_item(s, meeting, title="Kulturnatten")
        action = make_action(s, item, what="Medborgardialog", responsible_person_id=moa)
    page = open_meetings_page(qtbot, ctx, meeting)
    agenda = page.agenda
    QApplication.processEvents()
    view = agenda.actions
    index = agenda.action_model.index(0, 0)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    QTest.mouseClick(agenda.edit_action_button, Qt.MouseButton.LeftButton)
    dialog = agenda.action_dialog
    assert [dialog.chosen.item(i).text() for i in range(dialog.chosen.count())] == ["Moa Magnusson"]
    dialog.who.setFocus()
    _type(dialog.who, "Polis")
    assert dialog.who.currentText() == "Polisen Ånge"
    QTest.mouseClick(dialog.add_who, Qt.MouseButton.LeftButton)
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    def responsible() -> str:
        with ctx.database.session() as s:
            return meetings_actions.get_action(s, action).responsible

    assert responsible() == "Moa Magnusson och Polisen Ånge"
    assert agenda.action_model.index(0, 1).data() == "Moa Magnusson och Polisen Ånge"
    page.undo_stack.undo()
    assert responsible() == "Moa Magnusson"
    page.undo_stack.redo()
    assert responsible() == "Moa Magnusson och Polisen Ånge"
