"""The wheel reads only events that can fall in the year; none that belong there go missing."""

from __future__ import annotations

from datetime import date

from factories_wheel import make_event

from trygghetsrad.domain.wheel import model as dw
from trygghetsrad.services.wheel import events as wheel


def _titles(session, year: int) -> set[str]:  # type: ignore[no-untyped-def]
    return {item.title for item in wheel.own_items(session, date(year, 1, 1), date(year, 12, 31))}


def test_year_items_keep_overlapping_recurring_and_moved_events(session) -> None:  # type: ignore[no-untyped-def]
    make_event(session, title="Valborg 2019", start=date(2019, 4, 30))
    make_event(session, title="Valborg 2026", start=date(2026, 4, 30))
    make_event(session, title="Över nyår", start=date(2025, 12, 30), end=date(2026, 1, 2))
    make_event(
        session,
        title="Nattvandring",
        start=date(2018, 1, 5),
        recurrence=dw.Recurrence(dw.Frequency.WEEKLY, 1, None, None, None, None),
    )
    moved = make_event(
        session,
        title="Flyttad",
        start=date(2025, 10, 15),
        recurrence=dw.Recurrence(dw.Frequency.MONTHLY, 1, date(2025, 12, 31), None, None, None),
    )
    wheel.move_occurrence(session, moved, date(2025, 12, 15), date(2026, 1, 12))
    session.flush()
    assert _titles(session, 2026) == {"Valborg 2026", "Över nyår", "Nattvandring", "Flyttad"}
    assert _titles(session, 2019) == {"Valborg 2019", "Nattvandring"}
    assert _titles(session, 2024) == {"Nattvandring"}
    assert "Valborg 2019" in {e.title for e in wheel.list_events(session)}
