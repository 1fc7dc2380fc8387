"""The Möten page edits agenda items as councils write them and attendance as it happened:
the item editor's kind, föredragande, Dnr, time, proposal, "Handlingar kommer senare",
"Utan nummer" and reference; the meeting's numbering style; a person's part of the meeting,
role for it and note; standard phrases by Ctrl+Space. Driven by mouse clicks and keys, each
change stored, undoable with Ctrl+Z, and printed in the minutes."""

from __future__ import annotations

from datetime import date, time

import pytest
from factories import make_person
from factories_meetings import make_group_with_members, open_meetings_page, pdf_text
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from trygghetsrad.domain.meetings.agenda_structure import ItemCategory, Numbering
from trygghetsrad.domain.meetings.model import MeetingKind
from trygghetsrad.export.meetings.minutes_pdf import minutes_pdf
from trygghetsrad.services import register
from trygghetsrad.services.meetings import agenda as meetings_agenda
from trygghetsrad.services.meetings import attendance as meetings_attendance
from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.services.meetings.document import meeting_document

OFFSCREEN_POPUP = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def council(ctx):  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        group, people = make_group_with_members(s, 3, name="Trygghetsrådet")
        register.update_person(s, people[1], name="Anna Berg", title="Kommunalråd")
        make_person(s, name="Josef Lind")
        meeting = meetings.create_meeting(
            s,
            group_ids=[group],
            day=date(2026, 12, 10),
            kind=MeetingKind.PROTOCOL,
            first_paragraph=14,
        ).id
        ids = [
            meetings_agenda.add_item(s, meeting, title=t).id
            for t in ("Mötets öppnande", "Fika", "Polisens lägesbild", "Årshjul 2027")
        ]
    return meeting, ids, people


def _click_row(view, row: int) -> None:  # type: ignore[no-untyped-def]
    model = view.model()
    index = model.index(row, 0)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def _click_tab(page, widget) -> None:  # type: ignore[no-untyped-def]
    bar = page.tabs.tabBar()
    rect = bar.tabRect(page.tabs.indexOf(widget))
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.tabs.currentWidget() is widget


def _item(ctx, item_id: int):  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        return meetings_agenda.get_item(s, item_id)


def _list_texts(agenda) -> list[str]:  # type: ignore[no-untyped-def]
    model = agenda.model
    return [model.data(model.index(r)) for r in range(model.rowCount())]


def test_the_item_editor_stores_the_item_as_councils_write_it(qtbot, ctx, council) -> None:  # type: ignore[no-untyped-def]
    meeting, (opening, pause, police, wheel), _people = council
    page = open_meetings_page(qtbot, ctx, meeting)
    page.tabs.setCurrentWidget(page.agenda)
    agenda = page.agenda
    fields = agenda.structure
    _click_row(agenda.list, 2)
    assert agenda.title.text() == "Polisens lägesbild"
    assert not fields.isVisible()  # folded away while the minutes are taken
    QTest.mouseClick(fields.toggle, Qt.MouseButton.LeftButton)
    assert fields.isVisible()
    # The kind, with the keyboard on the combo box.
    fields.category.setFocus()
    QTest.keyClick(fields.category, Qt.Key.Key_Down)
    assert _item(ctx, police).category is ItemCategory.INFORMATION
    # Typed fields are stored as you type (and when the focus leaves them).
    QTest.mouseClick(fields.case_number, Qt.MouseButton.LeftButton)
    QTest.keyClicks(fields.case_number, "KS 2026/114")
    QTest.mouseClick(fields.slot, Qt.MouseButton.LeftButton)
    QTest.keyClicks(fields.slot, "13.15-13.45")
    QTest.mouseClick(fields.presenter.lineEdit(), Qt.MouseButton.LeftButton)
    QTest.keyClicks(fields.presenter.lineEdit(), "Josef Lind")
    QTest.mouseClick(fields.proposal.viewport(), Qt.MouseButton.LeftButton)
    QTest.keyClicks(fields.proposal, "Informationen noteras.")
    fields.flush()
    stored = _item(ctx, police)
    assert stored.case_number == "KS 2026/114"
    assert (stored.slot_start, stored.slot_end) == (time(13, 15), time(13, 45))
    assert stored.presenter == "Josef Lind" and stored.presenter_id is not None
    assert stored.proposal == "Informationen noteras."
    # A time that is no time stays in the field with its message; nothing is stored.
    fields.slot.selectAll()
    QTest.keyClicks(fields.slot, "efter lunch")
    fields.flush()
    assert "14.00–14.30" in fields.error.text() and fields.error.isVisible()
    assert _item(ctx, police).slot_start == time(13, 15)
    fields.slot.selectAll()
    QTest.keyClicks(fields.slot, "13.15-13.45")
    fields.flush()
    assert not fields.error.isVisible()
    # The ticks, by mouse.
    QTest.mouseClick(fields.papers_later, Qt.MouseButton.LeftButton)
    assert _item(ctx, police).papers_later
    # The reference, chosen with the keyboard: the items listed by their current number.
    labels = [fields.reference.itemText(i) for i in range(fields.reference.count())]
    assert labels == [
        "(ingen hänvisning)",
        "§ 14 Mötets öppnande",
        "§ 15 Fika",
        "§ 17 Årshjul 2027",
    ]
    fields.reference.setFocus()
    QTest.keyClick(fields.reference, Qt.Key.Key_End)
    assert _item(ctx, police).refers_to_id == wheel
    text = pdf_text(minutes_pdf(_document(ctx, meeting)))
    assert (
        "Informationsärende · Föredragande: Josef Lind · Dnr KS 2026/114 · Tid 13.15–13.45" in text
    )
    assert "Handlingar kommer senare." in text and "Se § 17 Årshjul 2027" in text
    assert "Förslag till beslut: Informationen noteras." in text
    # Folded again, the toggle still tells what the item holds.
    QTest.mouseClick(fields.toggle, Qt.MouseButton.LeftButton)
    assert not fields.isVisible() and "Dnr KS 2026/114" in fields.toggle.toolTip()


def _document(ctx, meeting: int):  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        return meeting_document(s, meeting)


def test_an_item_without_a_number_shifts_none_and_undo_puts_it_back(qtbot, ctx, council) -> None:  # type: ignore[no-untyped-def]
    meeting, (_opening, pause, _police, _wheel), _people = council
    page = open_meetings_page(qtbot, ctx, meeting)
    page.tabs.setCurrentWidget(page.agenda)
    agenda = page.agenda
    _click_row(agenda.list, 1)
    assert agenda.title.text() == "Fika"
    QTest.mouseClick(agenda.structure.toggle, Qt.MouseButton.LeftButton)
    QTest.mouseClick(agenda.structure.unnumbered, Qt.MouseButton.LeftButton)
    assert _item(ctx, pause).unnumbered
    assert _list_texts(agenda) == [
        "§ 14  Mötets öppnande",
        "–  Fika",
        "§ 15  Polisens lägesbild",
        "§ 16  Årshjul 2027",
    ]
    page.undo_stack.undo()
    assert not _item(ctx, pause).unnumbered
    assert _list_texts(agenda)[3] == "§ 17  Årshjul 2027"
    assert not agenda.structure.unnumbered.isChecked()
    page.undo_stack.redo()
    assert agenda.structure.unnumbered.isChecked() and _item(ctx, pause).unnumbered


def test_the_numbering_style_is_chosen_in_the_details(qtbot, ctx, council) -> None:  # type: ignore[no-untyped-def]
    meeting, _ids, _people = council
    page = open_meetings_page(qtbot, ctx, meeting)
    _click_tab(page, page.details_tab)
    row = page.details.numbering_row
    assert row.numbering.currentData() == Numbering.PARAGRAPH_YEAR.value
    row.numbering.setFocus()
    QTest.keyClick(row.numbering, Qt.Key.Key_End)  # "Ingen numrering"
    with ctx.database.session() as s:
        assert meetings.get_meeting(s, meeting).numbering is Numbering.NONE
    assert _list_texts(page.agenda)[0] == "–  Mötets öppnande"
    assert not row.continue_button.isEnabled()  # no § to continue from
    QTest.mouseClick(row.grouped, Qt.MouseButton.LeftButton)
    with ctx.database.session() as s:
        assert meetings.get_meeting(s, meeting).group_by_category
    page.undo_stack.undo()
    page.undo_stack.undo()
    with ctx.database.session() as s:
        restored = meetings.get_meeting(s, meeting)
    assert restored.numbering is Numbering.PARAGRAPH_YEAR and not restored.group_by_category
    assert row.numbering.currentData() == Numbering.PARAGRAPH_YEAR.value
    assert _list_texts(page.agenda)[0] == "§ 14  Mötets öppnande"


def _attendance_details(qtbot, ctx, meeting: int, person: int):  # type: ignore[no-untyped-def]
    """The Närvaro tab, the person's row clicked, "Vid mötet…" clicked: page, panel, row."""
    page = open_meetings_page(qtbot, ctx, meeting)
    _click_tab(page, page.attendance_tab)
    panel = page.attendance
    row = next(i for i, r in enumerate(panel.model.rows()) if r.person_id == person)
    _click_row(panel.view, row)
    QTest.mouseClick(panel.details_button, Qt.MouseButton.LeftButton)
    qtbot.waitExposed(panel.details_dialog)
    return page, panel, row


def test_attendance_as_it_happened_is_set_for_one_person(qtbot, ctx, council) -> None:  # type: ignore[no-untyped-def]
    meeting, _ids, people = council
    page, panel, row = _attendance_details(qtbot, ctx, meeting, people[1])
    dialog = panel.details_dialog
    dialog.partial.setText("t.o.m. punkt 5")  # å/ä/ö are not typed by QTest (PITFALLS 12)
    dialog.present_from.setText("25.00")
    dialog.meeting_role.setCurrentText("tjänstgörande ordförande")
    dialog.note.setText("deltog digitalt")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "25.00 är ingen tid" in dialog.error_text("present_from")
    with ctx.database.session() as s:
        assert all(not r.partial for r in meetings_attendance.list_attendance(s, meeting))
    dialog.present_from.setText("13.10")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    shown = panel.model.index(row, 4).data()
    assert shown == "tjänstgörande ordförande · t.o.m. punkt 5, från kl. 13.10 · deltog digitalt"
    with ctx.database.session() as s:
        assert register.get_person(s, people[1]).title == "Kommunalråd"
    text = pdf_text(minutes_pdf(_document(ctx, meeting)))
    assert (
        "Anna Berg, tjänstgörande ordförande, Kommunalråd (t.o.m. punkt 5, från kl. 13.10)"
        " – deltog digitalt"
    ) in text
    page.undo_stack.undo()
    assert panel.model.index(row, 4).data() == ""


@OFFSCREEN_POPUP
def test_standard_phrases_are_inserted_in_the_decisions(qtbot, ctx, council) -> None:  # type: ignore[no-untyped-def]
    meeting, (opening, *_rest), _people = council
    with ctx.database.session() as s:
        meetings.start_minutes(s, meeting)
    page = open_meetings_page(qtbot, ctx, meeting)
    page.tabs.setCurrentWidget(page.agenda)
    agenda = page.agenda
    _click_row(agenda.list, 0)
    QTest.mouseClick(agenda.decisions.viewport(), Qt.MouseButton.LeftButton)
    QTest.keyClick(agenda.decisions, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    menu = next(m for m in agenda._phrase_menus if m.edit is agenda.decisions)
    assert "Dagordningen godkänns." in [a.text() for a in menu.actions()]
    target = next(a for a in menu.actions() if a.text() == "Dagordningen godkänns.")
    QTest.mouseClick(
        menu.menu, Qt.MouseButton.LeftButton, pos=menu.menu.actionGeometry(target).center()
    )
    assert agenda.decisions.toPlainText() == "Dagordningen godkänns."
    agenda.save_now()
    assert [d.text for d in _item(ctx, opening).decisions] == ["Dagordningen godkänns."]


def _times(ctx, meeting: int, person: int):  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        rows = meetings_attendance.list_attendance(s, meeting)
    [stored] = [r for r in rows if r.person_id == person]
    return stored.present_from, stored.present_to


def test_attendance_times_are_typed_as_every_other_time(qtbot, ctx, council) -> None:  # type: ignore[no-untyped-def]
    """ "Kom kl." and "Gick kl." are the time fields of every form: Up and Down step by a
    quarter, an emptied field is no time."""
    meeting, _ids, people = council
    _page, panel, _row = _attendance_details(qtbot, ctx, meeting, people[1])
    dialog = panel.details_dialog
    QTest.mouseClick(dialog.present_to, Qt.MouseButton.LeftButton)
    QTest.keyClicks(dialog.present_to, "14.05")
    QTest.keyClick(dialog.present_to, Qt.Key.Key_Up)
    assert dialog.present_to.text() == "14.15"
    QTest.mouseClick(dialog.present_from, Qt.MouseButton.LeftButton)
    QTest.keyClicks(dialog.present_from, "13.00")
    QTest.keyClick(dialog.present_from, Qt.Key.Key_Down)
    assert dialog.present_from.text() == "12.45"
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert _times(ctx, meeting, people[1]) == (time(12, 45), time(14, 15))
    QTest.mouseClick(panel.details_button, Qt.MouseButton.LeftButton)
    dialog = panel.details_dialog
    qtbot.waitExposed(dialog)
    dialog.present_to.selectAll()
    QTest.keyClick(dialog.present_to, Qt.Key.Key_Delete)
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert _times(ctx, meeting, people[1]) == (time(12, 45), None)
