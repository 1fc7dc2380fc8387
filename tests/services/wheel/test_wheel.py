"""Wheel services: rings, events, exceptions, plan status, suggestions, next year, owned items."""

from __future__ import annotations

from datetime import date, time

import pytest
from factories_wheel import make_event

from trygghetsrad.domain.changes import WHEEL
from trygghetsrad.domain.wheel.model import Frequency, PlanStatus, Recurrence
from trygghetsrad.errors import ReferencedError, UserError, ValidationError
from trygghetsrad.services.wheel import events as wheel
from trygghetsrad.services.wheel import extra as wheel_extra


def test_standard_rings_exist_in_a_new_database(session) -> None:  # type: ignore[no-untyped-def]
    cats = wheel.list_categories(session)
    assert [c.key for c in cats][:3] == ["meetings", "events", "campaigns"]
    assert cats[0].name == "Möten"


def test_rings_can_be_renamed_recoloured_reordered_hidden(session) -> None:  # type: ignore[no-untyped-def]
    cats = wheel.list_categories(session)
    events = next(c for c in cats if c.key == "events")
    wheel.update_category(session, events.id, name="Evenemang och fester", color="#AA3300")
    ids = [c.id for c in cats]
    wheel.reorder_categories(session, [events.id, *[i for i in ids if i != events.id]])
    wheel.set_category_visible(session, events.id, False)
    first = wheel.list_categories(session)[0]
    assert (first.key, first.name, first.color, first.visible) == (
        "events",
        "Evenemang och fester",
        "#aa3300",
        False,
    )
    with pytest.raises(ValidationError):
        wheel.update_category(session, events.id, name="Möten", color="#000000")
    with pytest.raises(ValidationError):
        wheel.update_category(session, events.id, name="X", color="röd")


def test_custom_ring_cannot_be_deleted_while_used_standard_never(session) -> None:  # type: ignore[no-untyped-def]
    custom = wheel.create_category(session, name="Skolåret", color="#3f8f4f").id
    key = next(c.key for c in wheel.list_categories(session) if c.id == custom)
    event = make_event(session, category=key)
    with pytest.raises(ReferencedError):
        wheel.delete_category(session, custom)
    wheel.delete_event(session, event)
    assert wheel.delete_category(session, custom).touches(WHEEL)
    with pytest.raises(UserError):
        wheel.delete_category(session, wheel.list_categories(session)[0].id)


def test_bad_input_gives_swedish_messages_and_saves_nothing(session) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match="Rubriken"):
        make_event(session, title="   ")
    with pytest.raises(ValidationError, match="högst"):
        make_event(session, title="x" * 10_000)
    with pytest.raises(ValidationError, match="Slutdatum"):
        make_event(session, start=date(2026, 5, 2), end=date(2026, 5, 1))
    with pytest.raises(ValidationError, match="Sluttiden"):
        make_event(session, start_time=time(12), end_time=time(10))
    with pytest.raises(ValidationError):
        make_event(session, category="finns-inte")
    assert wheel.list_events(session) == []
    ok = make_event(session, title="Kulturnatten 🎉 åäö")
    assert wheel.get_event(session, ok).title == "Kulturnatten 🎉 åäö"


def test_year_items_combine_own_series_and_feed(session) -> None:  # type: ignore[no-untyped-def]
    make_event(
        session,
        title="Kampanjvecka",
        category="campaigns",
        start=date(2025, 3, 3),
        end=date(2025, 3, 9),
        recurrence=Recurrence(Frequency.YEARLY_WEEK, week=10),
    )
    make_event(session, title="Intern", internal=True)
    items = wheel.year_items(session, 2026)
    assert [(i.title, i.start) for i in items] == [
        ("Kampanjvecka", date(2026, 3, 2)),
        ("Intern", date(2026, 5, 29)),
    ]
    assert [i.title for i in wheel.year_items(session, 2026, include_internal=False)] == [
        "Kampanjvecka"
    ]


def test_occurrence_move_cancel_restore(session) -> None:  # type: ignore[no-untyped-def]
    ident = make_event(
        session,
        title="Nattvandring",
        start=date(2026, 6, 5),
        recurrence=Recurrence(Frequency.WEEKLY, count=3),
    )
    wheel.move_occurrence(session, ident, date(2026, 6, 12), date(2026, 6, 13))
    wheel.cancel_occurrence(session, ident, date(2026, 6, 19))
    assert [i.start for i in wheel.year_items(session, 2026)] == [
        date(2026, 6, 5),
        date(2026, 6, 13),
    ]
    wheel.restore_occurrence(session, ident, date(2026, 6, 19))
    assert len(wheel.year_items(session, 2026)) == 3
    with pytest.raises(ValidationError):
        wheel.cancel_occurrence(session, ident, date(2026, 6, 6))


def test_plan_adoption_and_changes_after_it_are_listed(session) -> None:  # type: ignore[no-untyped-def]
    ident = make_event(session, title="Kulturnatten", start=date(2026, 5, 29))
    assert wheel.get_plan(session, 2026).status is PlanStatus.DRAFT
    wheel.adopt_plan(session, 2026, adopted_on=date(2026, 2, 12), adopted_by="Trygghetsrådet")
    plan = wheel.get_plan(session, 2026)
    assert plan.status_text() == (
        "Fastställd 12 februari 2026 av Trygghetsrådet, med reservation för korrigeringar under året"
    )
    assert plan.changes == ()
    wheel.update_event(session, ident, start=date(2026, 5, 22))
    make_event(session, title="Extra möte", category="meetings", start=date(2026, 9, 1))
    make_event(
        session, title="Nästa år", start=date(2027, 1, 10)
    )  # another year's plan: not listed
    texts = [c.text for c in wheel.get_plan(session, 2026).changes]
    assert texts == [
        "Flyttat: Kulturnatten från 29 maj 2026 till 22 maj 2026",
        "Tillagt: Extra möte (1 september 2026)",
    ]


def test_school_year_plan_starts_in_august(session) -> None:  # type: ignore[no-untyped-def]
    wheel.set_start_month(session, 2026, 8)
    make_event(session, title="Skolstart", start=date(2026, 8, 17))
    make_event(session, title="Sportlov", start=date(2027, 2, 22))
    make_event(session, title="Före", start=date(2026, 7, 1))
    assert [i.title for i in wheel.year_items(session, 2026)] == ["Skolstart", "Sportlov"]
    assert wheel.get_plan(session, 2027).start_month == 8  # inherited by the next year


def test_next_year_copies_one_off_events_to_same_week_and_extends_series(session) -> None:  # type: ignore[no-untyped-def]
    make_event(session, title="Kulturnatten", start=date(2026, 5, 29))  # Friday, week 22
    series = make_event(
        session,
        title="Avlopp",
        start=date(2026, 2, 9),
        recurrence=Recurrence(Frequency.MONTHLY, interval=3, until=date(2026, 12, 31)),
    )
    wheel.start_next_year(session, 2026)
    nxt = wheel.year_items(session, 2027)
    kultur = [i for i in nxt if i.title == "Kulturnatten"]
    assert [i.start for i in kultur] == [date(2027, 6, 4)]
    assert kultur[0].start.weekday() == 4 and kultur[0].start.isocalendar()[1] == 22
    assert len([i for i in nxt if i.title == "Avlopp"]) == 4
    assert wheel.get_plan(session, 2027).status is PlanStatus.DRAFT
    assert wheel.get_event(session, series).recurrence.until == date(2027, 12, 31)
    with pytest.raises(UserError):
        wheel.start_next_year(session, 2026)


def test_suggestions_from_text_mark_what_is_already_on_the_wheel(session) -> None:  # type: ignore[no-untyped-def]
    make_event(session, title="Kulturnatten", start=date(2023, 5, 26))
    existing = wheel.items_in(session, date(2023, 1, 1), date(2023, 12, 31))
    text = (
        "Kulturnatten kommer genomföras den 26 maj 2023. End of summer meet (25–27 augusti 2023)."
    )
    found = wheel_extra.suggest_from_text(text, 2023, existing)
    assert [(s.mention.title, s.already_on_wheel) for s in found] == [
        ("Kulturnatten", True),
        ("End of summer meet", False),
    ]
    created = wheel_extra.accept_suggestion(session, found[1].mention)
    event = wheel.get_event(session, created.id)
    assert (event.title, event.start, event.end) == (
        "End of summer meet",
        date(2023, 8, 25),
        date(2023, 8, 27),
    )


def test_suggestions_from_minutes_read_the_meeting_notes(demo_database) -> None:  # type: ignore[no-untyped-def]
    with demo_database.session() as s:
        found = {x.mention.title: x for x in wheel_extra.suggestions_from_minutes(s, 2025)}
    kultur = found["Kulturnatten"]
    assert kultur.mention.start == date(2025, 5, 26) and kultur.already_on_wheel
    assert kultur.source.startswith("Anteckning från mötet")
    festival = found["End of summer meet"]
    assert (festival.mention.start, festival.mention.end) == (date(2025, 8, 25), date(2025, 8, 27))


def test_demo_year_has_the_reference_events(demo_database) -> None:  # type: ignore[no-untyped-def]
    with demo_database.session() as s:
        items = wheel.year_items(s, 2026)
        titles = {i.title for i in items}
        assert {
            "Kulturnatten",
            "End of summer meet (18 år)",
            "Kampanjvecka ANDT – Drogfri",
            "Nattvandring",
            "Skolstart",
        } <= titles
        assert len([i for i in items if i.title == "Avloppsvattenmätning narkotika"]) == 4
        festival = next(i for i in items if i.title.startswith("End of summer meet"))
        assert (festival.end - festival.start).days == 2
        assert wheel.get_plan(s, 2025).status is PlanStatus.ADOPTED
        assert wheel.get_plan(s, 2025).changes
        assert wheel.get_plan(s, 2026).status is PlanStatus.DRAFT
        assert any(i.key.startswith("meeting:") for i in items)  # meetings come from the feed
        law = wheel.items_in(s, date(2023, 7, 1), date(2023, 7, 1))
        assert any("2023:196" in i.title for i in law)


def test_owned_meeting_and_action_are_moved_through_their_owner(demo_database) -> None:  # type: ignore[no-untyped-def]
    with demo_database.session() as s:
        items = wheel.year_items(s, 2026)
        sent = next(i for i in items if i.key.startswith("meeting:") and i.start < date(2026, 6, 1))
        meeting = next(
            i for i in items if i.key.startswith("meeting:") and i.start > date(2026, 11, 26)
        )
        assert sent.owner is not None
        with pytest.raises(UserError):  # the owner's rules apply: sent minutes are a record
            wheel_extra.move_owned(s, sent.owner, date(2026, 6, 2))
        action = next(i for i in items if i.key.startswith("action_item:"))
        assert meeting.owner is not None and action.owner is not None
        assert wheel_extra.owner_can_move(meeting.owner) and wheel_extra.owner_can_move(
            action.owner
        )
        wheel_extra.move_owned(s, meeting.owner, date(2026, 12, 3))
        wheel_extra.move_owned(s, action.owner, date(2026, 12, 4))
    with demo_database.session() as s:
        after = {i.key: i for i in wheel.year_items(s, 2026)}
    assert after[meeting.key].start == date(2026, 12, 3)
    assert after[action.key].start == date(2026, 12, 4)
