"""Ctrl+Z and Ctrl+Y show the value they put back in the field that shows it.

A new user changed "Föredragande" of an agenda item and pressed Ctrl+Z: the item was
undone in the data, but the field kept showing the new person until another item was
selected (the reload of the item left every typed field as it was)."""

from __future__ import annotations

from datetime import date

from factories_meetings import make_group_with_members, open_meetings_page
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from trygghetsrad.services import register
from trygghetsrad.services.meetings import agenda as meetings_agenda
from trygghetsrad.services.meetings import lifecycle as meetings


def test_undo_and_redo_of_foredragande_show_in_the_field(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        group, people = make_group_with_members(s, 3, name="Trygghetsrådet")
        register.update_person(s, people[1], name="Anna Berg")
        meeting = meetings.create_meeting(s, group_ids=[group], day=date(2026, 12, 10)).id
        item = meetings_agenda.add_item(s, meeting, title="Polisens lägesbild").id
        meetings_agenda.add_item(s, meeting, title="Årshjul 2027")
    page = open_meetings_page(qtbot, ctx, meeting)
    page.tabs.setCurrentWidget(page.agenda)
    agenda = page.agenda
    agenda.select_item(item)
    fields = agenda.structure
    QTest.mouseClick(fields.toggle, Qt.MouseButton.LeftButton)
    presenter = fields.presenter
    assert presenter.currentText() == ""
    # Choose a person with the keys, then go on in another field.
    presenter.setFocus()
    QTest.keyClick(presenter, Qt.Key.Key_Down)
    chosen = presenter.currentText()
    assert chosen
    QTest.mouseClick(fields.case_number, Qt.MouseButton.LeftButton)
    with ctx.database.session() as s:
        assert meetings_agenda.get_item(s, item).presenter == chosen
    page.undo_stack.undo()
    with ctx.database.session() as s:
        assert meetings_agenda.get_item(s, item).presenter == ""
    assert presenter.currentText() == ""  # the field shows what the data holds
    page.undo_stack.redo()
    assert presenter.currentText() == chosen
    # Still the same item, and the field stores what it shows.
    assert agenda.item_id == item
    QTest.mouseClick(fields.slot, Qt.MouseButton.LeftButton)
    with ctx.database.session() as s:
        assert meetings_agenda.get_item(s, item).presenter == chosen
