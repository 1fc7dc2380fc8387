"""An item's time is checked against the meeting's time: a slot outside it is kept but
warned about at the field, and an item without a time is offered the slot that follows the
previous item's."""

from __future__ import annotations

import os
from datetime import date, time

from factories_meetings import make_group_with_members, open_meetings_page
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from trygghetsrad.domain.meetings.agenda_structure import next_slot, slot_warning
from trygghetsrad.services.meetings import agenda as meetings_agenda
from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.services.meetings import structure as meetings_structure


def test_a_slot_outside_the_meeting_is_kept_and_warned_about(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        group, _people = make_group_with_members(s, 2, name="Trygghetsrådet")
        meeting = meetings.create_meeting(
            s, group_ids=[group], day=date(2026, 12, 10), start_time=time(13), end_time=time(15)
        ).id
        first = meetings_agenda.add_item(s, meeting, title="Lägesbild").id
        second = meetings_agenda.add_item(s, meeting, title="Åtgärdsplanen").id
        meetings_structure.update_item_details(s, first, slot_start=time(14), slot_end=time(14, 30))
    page = open_meetings_page(qtbot, ctx, meeting)
    page.tabs.setCurrentWidget(page.agenda)
    agenda = page.agenda
    fields = agenda.structure
    index = agenda.list.model().index(1, 0)
    QTest.mouseClick(
        agenda.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=agenda.list.visualRect(index).center(),
    )
    QTest.mouseClick(fields.toggle, Qt.MouseButton.LeftButton)
    # Offered: the half hour after the previous item's, not the previous item's own slot.
    assert fields.slot.placeholderText() == "14.30–15.00"
    QTest.mouseClick(fields.slot, Qt.MouseButton.LeftButton)
    QTest.keyClicks(fields.slot, "16.00-16.30")
    fields.flush()
    with ctx.database.session() as s:
        stored = meetings_agenda.get_item(s, second)
    assert (stored.slot_start, stored.slot_end) == (time(16), time(16, 30))  # not refused
    assert fields.slot_warning.isVisible()
    assert "13.00–15.00" in fields.slot_warning.text()
    # Shown again with the stored time when the item is opened anew.
    for row in (0, 1):
        QTest.mouseClick(
            agenda.list.viewport(),
            Qt.MouseButton.LeftButton,
            pos=agenda.list.visualRect(agenda.list.model().index(row, 0)).center(),
        )
    assert fields.slot.text() == "16.00–16.30" and fields.slot_warning.isVisible()
    page.grab().save(os.environ.get("SLOT_SHOT", "/tmp/fixc-slot.png"))
    fields.slot.selectAll()
    QTest.keyClicks(fields.slot, "14.30-15.00")
    fields.flush()
    assert not fields.slot_warning.isVisible()


def test_the_rules_of_the_window_and_the_next_slot() -> None:
    assert slot_warning(time(14), time(14, 30), time(13), time(15)) == ""
    assert slot_warning(time(12, 30), time(13, 15), time(13), time(15))
    assert slot_warning(time(14, 45), None, time(13), time(15)) == ""
    assert slot_warning(time(15), None, time(13), time(15))
    assert slot_warning(time(16), time(16, 30), None, None) == ""  # no time for the meeting
    assert slot_warning(time(14), time(14, 30), time(13), None) == ""
    assert next_slot([], time(13), time(15)) == (time(13), time(13, 30))
    assert next_slot([(time(14), time(14, 20))], time(13), time(15)) == (time(14, 20), time(14, 40))
    assert next_slot([(time(14), None)], time(13), time(15)) is None
    assert next_slot([(time(14, 45), time(15))], time(13), time(15)) is None  # meeting over
    assert next_slot([(time(14, 30), time(14, 50))], time(13), time(15)) == (time(14, 50), time(15))
    assert next_slot([], None, None) is None
