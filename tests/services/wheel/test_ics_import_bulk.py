"""An .ics import written in bulk keeps what one event at a time kept: the adopted plan's change
list, the search index, updates by UID (also within one file), and all or nothing."""

from __future__ import annotations

from datetime import date

import pytest

from trygghetsrad.errors import UserError
from trygghetsrad.services import search
from trygghetsrad.services.wheel import events as wheel
from trygghetsrad.services.wheel import extra as wheel_extra


def _ics(*events: tuple[str, str, str]) -> bytes:
    body = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//\r\n"
    for uid, title, day in events:
        body += f"BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:{title}\r\nDTSTART;VALUE=DATE:{day}\r\n"
        body += "END:VEVENT\r\n"
    return (body + "END:VCALENDAR\r\n").encode()


def test_new_events_reach_the_adopted_plan_and_the_search(session) -> None:  # type: ignore[no-untyped-def]
    wheel.adopt_plan(session, 2026, adopted_on=date(2026, 2, 12), adopted_by="Trygghetsrådet")
    result = wheel_extra.import_ics(
        session,
        _ics(("a", "Kameraövervakning på torget", "20260901"), ("b", "Nästa år", "20270110")),
    )
    assert (result.created, result.updated, result.skipped) == (2, 0, 0)
    assert [c.text for c in wheel.get_plan(session, 2026).changes] == [
        "Tillagt: Kameraövervakning på torget (1 september 2026)"
    ]
    hits = search.search(session, text="kameraövervakning").hits()
    assert [h.ref_table for h in hits] == ["wheel_events"]


def test_the_same_uid_twice_in_a_file_is_one_event_with_the_last_version(session) -> None:  # type: ignore[no-untyped-def]
    result = wheel_extra.import_ics(
        session, _ics(("x", "Möte", "20260301"), ("x", "Möte (flyttat)", "20260308"))
    )
    assert (result.created, result.updated) == (1, 1)
    (item,) = wheel.items_in(session, date(2026, 1, 1), date(2026, 12, 31))
    assert (item.title, item.start) == ("Möte (flyttat)", date(2026, 3, 8))
    again = wheel_extra.import_ics(session, _ics(("x", "Möte (flyttat)", "20260308")))
    assert (again.created, again.updated, again.skipped) == (0, 0, 1)


def test_an_event_that_breaks_a_rule_late_in_the_file_imports_nothing(session) -> None:  # type: ignore[no-untyped-def]
    events = [(f"e{i}", f"Möte {i}", "20260301") for i in range(3000)]
    events.append(("sist", "Fel\x07titel", "20260302"))
    with pytest.raises(UserError, match="Fel\x07titel"):
        wheel_extra.import_ics(session, _ics(*events))
    assert wheel.items_in(session, date(2026, 1, 1), date(2026, 12, 31)) == []
