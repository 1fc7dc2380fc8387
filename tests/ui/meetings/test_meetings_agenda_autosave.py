"""Autosave in Dagordning och anteckningar: one bad field never costs the rest of the item."""

from __future__ import annotations

from datetime import date

import pytest
from factories_meetings import make_group_with_members
from questions import answer_next_question

from trygghetsrad.services.meetings import agenda as meetings_agenda
from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.ui.meetings.agenda import AgendaPanel
from trygghetsrad.ui.meetings.page import MeetingsPage


@pytest.fixture
def page(qtbot, ctx):  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        group, _people = make_group_with_members(s, 2, name="Klara-gruppen")
        meeting = meetings.create_meeting(s, group_ids=[group], day=date(2026, 12, 10)).id
        first = meetings_agenda.add_item(s, meeting, title="Lägesbild").id
        second = meetings_agenda.add_item(s, meeting, title="Övrigt").id
    widget = MeetingsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    widget.select_meeting(meeting)
    widget.ids = (meeting, first, second)  # type: ignore[attr-defined]
    return widget


def _type_item(agenda: AgendaPanel, title: str) -> None:
    agenda.title.setText(title)
    agenda.notes.setPlainText("Nattvandring i Storåker fungerar bra")
    agenda.decisions.setPlainText("Fortsätt med nattvandringen")


def test_too_long_title_keeps_notes_and_decisions(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    _meeting, first, _second = page.ids
    agenda = page.agenda
    agenda.select_item(first)
    messages: list[str] = []
    ctx.events.status_message.connect(messages.append)
    _type_item(agenda, "R" * 301)
    assert agenda.save_now() is False
    with ctx.database.session() as s:
        item = meetings_agenda.get_item(s, first)
    assert item.title == "Lägesbild"  # the bad field keeps its stored value ...
    assert [n.text for n in item.notes] == [
        "Nattvandring i Storåker fungerar bra"
    ]  # ... the rest is saved
    assert [d.text for d in item.decisions] == ["Fortsätt med nattvandringen"]
    error = agenda.field_errors["title"]
    assert error.isVisible() and "högst 300" in error.text()
    # The message sits right below the title, inside the visible area at 768 px.
    top = error.mapTo(page.window(), error.rect().topLeft()).y()
    assert 0 <= top < 768 - error.height()
    assert messages and "högst 300" in messages[-1]
    assert agenda.title.text() == "R" * 301  # the invalid text stays in the editor


def test_emoji_is_saved_with_the_rest(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    _meeting, first, _second = page.ids
    agenda = page.agenda
    agenda.select_item(first)
    _type_item(agenda, "Lägesbild 🎉 🙋\u200d♀️")
    assert agenda.save_now() is True
    with ctx.database.session() as s:
        item = meetings_agenda.get_item(s, first)
    assert item.title == "Lägesbild 🎉 🙋\u200d♀️"
    assert not agenda.field_errors["title"].isVisible()


def test_switching_item_asks_and_staying_keeps_the_text(qtbot, page, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _meeting, first, second = page.ids
    agenda = page.agenda
    agenda.select_item(first)
    asked: list[bool] = []
    monkeypatch.setattr(
        AgendaPanel, "_discard_invalid_text", lambda self: asked.append(True) or False
    )
    _type_item(agenda, "R" * 301)
    agenda.select_item(second)
    assert asked == [True]
    assert agenda.item_id == first and agenda.list.currentIndex().row() == 0
    assert agenda.title.text() == "R" * 301
    assert "Nattvandring" in agenda.notes.toPlainText()
    with ctx.database.session() as s:
        assert [n.text for n in meetings_agenda.get_item(s, first).notes] == [
            "Nattvandring i Storåker fungerar bra"
        ]
    # Correcting the title lets the user move on; everything is stored.
    agenda.title.setText("Lägesbild december")
    agenda.select_item(second)
    assert agenda.item_id == second
    with ctx.database.session() as s:
        assert meetings_agenda.get_item(s, first).title == "Lägesbild december"


def test_switching_item_and_choosing_to_leave_keeps_the_valid_fields(
    qtbot, page, ctx, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _meeting, first, second = page.ids
    agenda = page.agenda
    agenda.select_item(first)
    monkeypatch.setattr(AgendaPanel, "_discard_invalid_text", lambda self: True)
    _type_item(agenda, "R" * 301)
    agenda.select_item(second)
    assert agenda.item_id == second
    assert not agenda.field_errors["title"].isVisible()
    with ctx.database.session() as s:
        item = meetings_agenda.get_item(s, first)
    assert item.title == "Lägesbild"
    assert [d.text for d in item.decisions] == ["Fortsätt med nattvandringen"]


def test_switching_meeting_asks_and_staying_keeps_the_text(qtbot, page, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    meeting, first, _second = page.ids
    with ctx.database.session() as s:
        other = meetings.create_meeting(
            s, group_ids=meetings.get_meeting(s, meeting).group_ids, day=date(2026, 12, 17)
        ).id
    page.reload()
    page.select_meeting(meeting)
    agenda = page.agenda
    agenda.select_item(first)
    monkeypatch.setattr(AgendaPanel, "_discard_invalid_text", lambda self: False)
    _type_item(agenda, "R" * 301)
    proxy = page.table.model()
    row = next(
        r for r in range(proxy.rowCount()) if proxy.index(r, 0).data().startswith("2026-12-17")
    )
    page.table.selectRow(row)
    assert page.meeting.id == meeting and agenda.title.text() == "R" * 301
    agenda.title.setText("Lägesbild")
    page.table.selectRow(row)
    assert page.meeting.id == other


@pytest.mark.parametrize("answer", ["Gå tillbaka", "Släng ändringen"])
def test_switching_item_asks_the_question_every_page_asks(qtbot, page, ctx, answer) -> None:  # type: ignore[no-untyped-def]
    """The real question box: the same wording as Lägesbild and closing the window."""
    _meeting, first, second = page.ids
    agenda = page.agenda
    agenda.select_item(first)
    _type_item(agenda, "R" * 301)
    seen: list[str] = []
    answer_next_question(answer, seen)
    agenda.select_item(second)
    assert seen and "högst 300" in seen[0]
    if answer == "Gå tillbaka":
        assert agenda.item_id == first and agenda.title.text() == "R" * 301
    else:
        assert agenda.item_id == second
