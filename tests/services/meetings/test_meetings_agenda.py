"""Agenda items, notes, decisions, templates and copying the previous meeting's agenda."""

from __future__ import annotations

from datetime import date

import pytest
from factories_meetings import make_group_with_members, make_item, make_meeting

from trygghetsrad.domain.meetings.model import ItemKind, Note
from trygghetsrad.errors import UserError, ValidationError
from trygghetsrad.services.meetings import agenda


def _titles(session, meeting):  # type: ignore[no-untyped-def]
    return [i.title for i in agenda.get_agenda(session, meeting)]


def test_items_are_numbered_in_order_and_can_be_moved(session) -> None:  # type: ignore[no-untyped-def]
    meeting = make_meeting(session)
    a, b, c = (make_item(session, meeting, title=t) for t in ("Öppnande", "Lägesbild", "Årshjul"))
    agenda.move_item(session, c, 0)
    assert _titles(session, meeting) == ["Årshjul", "Öppnande", "Lägesbild"]
    agenda.move_item(session, c, 5)
    assert _titles(session, meeting) == ["Öppnande", "Lägesbild", "Årshjul"]
    agenda.delete_item(session, a)
    items = agenda.get_agenda(session, meeting)
    assert [(i.position, i.title) for i in items] == [(0, "Lägesbild"), (1, "Årshjul")]
    assert b in [i.id for i in items]


def test_new_items_go_before_next_meeting(session) -> None:  # type: ignore[no-untyped-def]
    meeting = make_meeting(session)
    make_item(session, meeting, title="Nästa möte", kind=ItemKind.NEXT_MEETING)
    make_item(session, meeting, title="Övriga frågor")
    assert _titles(session, meeting) == ["Övriga frågor", "Nästa möte"]


def test_notes_keep_levels_internal_flags_and_swedish_text(session) -> None:  # type: ignore[no-untyped-def]
    meeting = make_meeting(session)
    item = make_item(session, meeting)
    agenda.set_notes(
        session,
        item,
        [Note("Industriområdet är lugnare än tidigare"), Note("Följs upp", 1, True)],
    )
    agenda.set_decisions(session, item, ["Årshjulet fastställs"])
    data = agenda.get_item(session, item)
    assert [(n.text, n.level, n.internal) for n in data.notes] == [
        ("Industriområdet är lugnare än tidigare", 0, False),
        ("Följs upp", 1, True),
    ]
    assert [d.text for d in data.decisions] == ["Årshjulet fastställs"]


@pytest.mark.parametrize(
    ("title", "message"),
    [("   ", "måste fyllas i"), ("x" * 301, "högst 300"), ("Fest\x07", "styrtecken")],
)
def test_bad_titles_are_refused(session, title: str, message: str) -> None:  # type: ignore[no-untyped-def]
    meeting = make_meeting(session)
    with pytest.raises(ValidationError, match=message):
        agenda.add_item(session, meeting, title=title)
    assert agenda.get_agenda(session, meeting) == []


def test_ten_thousand_characters_fit_but_more_are_refused(session) -> None:  # type: ignore[no-untyped-def]
    item = make_item(session, make_meeting(session))
    agenda.set_notes(session, item, [Note("å" * 10_000)])
    with pytest.raises(ValidationError, match="högst"):
        agenda.set_notes(session, item, [Note("å" * 10_001)])
    assert len(agenda.get_item(session, item).notes[0].text) == 10_000


def test_template_fills_the_agenda_and_recognises_special_items(session) -> None:  # type: ignore[no-untyped-def]
    group, _ = make_group_with_members(session)
    template = agenda.create_template(
        session,
        group_id=group,
        name="Standarddagordning",
        items=["Mötets öppnande", "Uppföljning av uppdrag", "", "Nästa möte"],
    ).id
    assert agenda.list_templates(session, group_id=group)[0].items == (
        "Mötets öppnande",
        "Uppföljning av uppdrag",
        "Nästa möte",
    )
    meeting = make_meeting(session, group_ids=[group])
    agenda.apply_template(session, meeting, template)
    kinds = [i.kind for i in agenda.get_agenda(session, meeting)]
    assert kinds == [ItemKind.NORMAL, ItemKind.FOLLOWUP, ItemKind.NEXT_MEETING]
    with pytest.raises(ValidationError, match="minst en punkt"):
        agenda.create_template(session, group_id=group, name="Tom", items=[" "])


def test_copy_previous_agenda_takes_titles_not_notes(session) -> None:  # type: ignore[no-untyped-def]
    group, _ = make_group_with_members(session)
    first = make_meeting(session, group_ids=[group], day=date(2026, 2, 1))
    item = make_item(session, first, title="Lägesbild")
    agenda.set_notes(session, item, [Note("Gammal anteckning")])
    make_item(session, first, title="Övriga frågor")
    second = make_meeting(session, group_ids=[group], day=date(2026, 5, 1))
    assert agenda.copy_previous_agenda(session, second) == 2
    copied = agenda.get_agenda(session, second)
    assert [i.title for i in copied] == ["Lägesbild", "Övriga frågor"]
    assert copied[0].notes == ()
    with pytest.raises(UserError, match="inget tidigare möte"):
        agenda.copy_previous_agenda(session, first)


def test_agenda_saved_as_the_groups_template_replaces_the_old_one(session) -> None:  # type: ignore[no-untyped-def]
    group, _ = make_group_with_members(session)
    meeting = make_meeting(session, group_ids=[group])
    make_item(session, meeting, title="Öppnande")
    make_item(session, meeting, title="Hemligt", internal=True)
    first = agenda.save_as_template(session, meeting, group).id
    make_item(session, meeting, title="Övriga frågor")
    second = agenda.save_as_template(session, meeting, group).id
    [template] = agenda.list_templates(session, group_id=group)
    assert first == second == template.id
    assert template.items == ("Öppnande", "Övriga frågor")
