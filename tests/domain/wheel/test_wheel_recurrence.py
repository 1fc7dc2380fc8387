"""Recurrence with exceptions, Swedish holidays and Swedish dates found in text."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from trygghetsrad.domain.wheel.dates import find_dates
from trygghetsrad.domain.wheel.model import (
    Frequency,
    OccurrenceException,
    Recurrence,
    WheelEvent,
    expand,
    parse_key,
    swedish_holidays,
)


def _event(start: date, end: date | None = None, **rec: object) -> WheelEvent:
    return WheelEvent(1, "Händelse", "events", start, end, recurrence=Recurrence(**rec))  # type: ignore[arg-type]


def _starts(event: WheelEvent, year: int = 2026) -> list[date]:
    return [i.start for i in expand(event, date(year, 1, 1), date(year, 12, 31))]


def test_week_10_every_year_keeps_weekday_and_length() -> None:
    event = _event(date(2025, 3, 3), date(2025, 3, 9), frequency=Frequency.YEARLY_WEEK, week=10)
    items = expand(event, date(2026, 1, 1), date(2027, 12, 31))
    assert [(i.start, i.end) for i in items] == [
        (date(2026, 3, 2), date(2026, 3, 8)),
        (date(2027, 3, 8), date(2027, 3, 14)),
    ]
    assert all(i.start.isocalendar()[1] == 10 for i in items)


def test_four_times_a_year_and_nth_weekday_and_weekly_until() -> None:
    quarterly = _event(date(2025, 2, 9), frequency=Frequency.MONTHLY, interval=3)
    assert [d.month for d in _starts(quarterly)] == [2, 5, 8, 11]
    second_tuesday = _event(date(2026, 9, 8), frequency=Frequency.MONTHLY_NTH, nth=2, count=3)
    assert _starts(second_tuesday) == [date(2026, 9, 8), date(2026, 10, 13), date(2026, 11, 10)]
    last_friday = _event(date(2026, 1, 30), frequency=Frequency.MONTHLY_NTH, nth=-1)
    assert _starts(last_friday)[4] == date(2026, 5, 29)
    fridays = _event(date(2026, 6, 5), frequency=Frequency.WEEKLY, until=date(2026, 8, 28))
    starts = _starts(fridays)
    assert starts[0] == date(2026, 6, 5) and starts[-1] == date(2026, 8, 28) and len(starts) == 13
    assert {d.weekday() for d in starts} == {4}


def test_exceptions_move_and_cancel_single_occurrences() -> None:
    base = _event(date(2026, 6, 5), frequency=Frequency.WEEKLY, count=4)
    event = WheelEvent(
        7,
        "Nattvandring",
        "events",
        base.start,
        recurrence=base.recurrence,
        exceptions=(
            OccurrenceException(date(2026, 6, 12), cancelled=True),
            OccurrenceException(date(2026, 6, 19), new_start=date(2026, 6, 20)),
        ),
    )
    items = expand(event, date(2026, 1, 1), date(2026, 12, 31))
    assert [i.start for i in items] == [date(2026, 6, 5), date(2026, 6, 20), date(2026, 6, 26)]
    moved = items[1]
    assert moved.key == "wheel:7@2026-06-19"  # the key stays with the original date
    assert parse_key(moved.key) == (7, date(2026, 6, 19))
    # a move out of the range takes the occurrence out of it
    out = WheelEvent(
        7,
        "x",
        "events",
        date(2026, 12, 28),
        recurrence=Recurrence(Frequency.WEEKLY, count=2),
        exceptions=(OccurrenceException(date(2027, 1, 4), new_start=date(2026, 12, 30)),),
    )
    assert [i.start for i in expand(out, date(2026, 12, 1), date(2026, 12, 31))] == [
        date(2026, 12, 28),
        date(2026, 12, 30),
    ]


def test_single_event_key_and_span() -> None:
    event = _event(date(2026, 8, 28), date(2026, 8, 30))
    (item,) = expand(event, date(2026, 8, 29), date(2026, 8, 29))
    assert item.key == "wheel:1" and item.end == date(2026, 8, 30)
    assert expand(event, date(2026, 9, 1), date(2026, 9, 30)) == []


def test_holidays_are_swedish_and_include_the_eves() -> None:
    days = {h.day: h.name for h in swedish_holidays(date(2026, 1, 1), date(2026, 12, 31))}
    assert days[date(2026, 6, 19)] == "Midsommarafton"
    assert days[date(2026, 12, 24)] == "Julafton"
    assert days[date(2026, 12, 31)] == "Nyårsafton"
    assert days[date(2026, 6, 6)] == "Nationaldagen"
    assert days[date(2026, 4, 3)] == "Långfredagen"
    assert date(2026, 6, 7) not in days  # Sundays are not holidays by themselves


def test_dates_in_the_reference_minutes() -> None:
    text = (Path(__file__).parents[2] / "data" / "wheel_minutes.txt").read_text(encoding="utf-8")
    found = find_dates(text, 2023)
    assert [(m.start, m.end) for m in found] == [
        (date(2023, 8, 25), date(2023, 8, 27)),
        (date(2023, 5, 26), None),
        (date(2023, 5, 11), None),
        (date(2023, 5, 11), None),
    ]
    assert found[0].title == "End of summer meet"
    assert found[1].title == "Kulturnatten"
    assert (found[2].start_time, found[2].end_time) == (time(10), time(12))
    assert found[2].title.startswith("Klara-gruppen")
    assert found[3].category == "meetings"


def test_date_forms_with_and_without_year() -> None:
    (m,) = find_dates("Festivalen 30 juni–2 juli 2024 i parken.", 2023)
    assert (m.start, m.end) == (date(2024, 6, 30), date(2024, 7, 2))
    (m,) = find_dates("Möte den 3 mars kl. 9.30–11", 2025)
    assert (m.start, m.start_time, m.end_time) == (date(2025, 3, 3), time(9, 30), time(11))
    (m,) = find_dates("Sista dag 2026-11-30.", 2020)
    assert m.start == date(2026, 11, 30)
    assert find_dates("den 31 februari 2026 och 45 maj", 2026) == []
    (m,) = find_dates("Nyårsvaka 30 dec–2 jan 2027", 2026)
    assert (m.start, m.end) == (date(2026, 12, 30), date(2027, 1, 2))
