"""Recurring series in an `.ics` file: RRULE, RDATE, EXDATE and moved occurrences (separate
VEVENTs with RECURRENCE-ID), as Outlook writes them with its own VTIMEZONE (PITFALLS 25).

`recurring-ical-events` expands the series into the occurrences the file means. Where the
rule says the same as one of the wheel's own recurrences (every N weeks, the same day every
N months, the n:th weekday of the month, every year) the series becomes one recurring wheel
event, with a cancelled occurrence per EXDATE and a moved one per RECURRENCE-ID; that is
checked occurrence by occurrence against the expansion. Otherwise (several weekdays, a time
moved within the day, RDATE, …) each occurrence becomes a single event of its own. An
endless series is compared over WINDOW_YEARS; as single events it is cut there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from trygghetsrad.domain.wheel import model as dw
from trygghetsrad.errors import ValidationError
from trygghetsrad.services.wheel.ics_events import IcsEvent, _Component, _event, _local

WINDOW_YEARS = 5


@dataclass(frozen=True)
class IcsSeries:
    """What one series of the file became, for the import's summary."""

    uid: str
    title: str
    occurrences: int  # as the file defines them
    recurring: bool  # one recurring wheel event; else `occurrences` single events
    exceptions: int  # cancelled and moved occurrences of the recurring event


def _reader(prop: Any) -> tuple[Any, str]:
    raw = prop.to_ical().decode("utf-8", "replace") if hasattr(prop, "to_ical") else ""
    return (lambda: prop.dt), raw


def _convert(number: int, uid: str, component: Any) -> IcsEvent | None:
    dtstart = component.get("DTSTART")
    if dtstart is None:
        return None
    dtend = component.get("DTEND")
    return _event(
        number,
        uid,
        str(component.get("SUMMARY", "")),
        _reader(dtstart),
        _reader(dtend) if dtend is not None else None,
        str(component.get("LOCATION", "")),
        str(component.get("DESCRIPTION", "")),
    )


_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


_MANY = object()  # a rule part with several values


def _only(rule: Any, key: str) -> Any:
    values = rule.get(key) or []
    if len(values) > 1:
        return _MANY
    return values[0] if values else None


@dataclass(frozen=True)
class _Parts:
    """The BY… parts of a rule, as lists (empty when the rule has none)."""

    byday: list[str]
    monthday: list[Any]
    month: list[Any]
    setpos: list[Any]


_Found = tuple[dw.Frequency, int | None]  # the wheel's frequency and, monthly, which weekday


def _recurrence(rule: Any, start: date) -> dw.Recurrence | None:
    """The wheel's recurrence saying what `rule` says, or None."""
    known = {"FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS"}
    known |= {"WKST"}
    if set(rule) - known:
        return None
    freq = _only(rule, "FREQ")
    interval = _only(rule, "INTERVAL") or 1
    count = _only(rule, "COUNT")
    until = _only(rule, "UNTIL")
    if any(value is _MANY for value in (freq, interval, count, until)):
        return None
    until_day = _local(until)[0] if until is not None else None
    parts = _Parts(
        [str(d).upper() for d in rule.get("BYDAY") or []],
        rule.get("BYMONTHDAY") or [],
        rule.get("BYMONTH") or [],
        rule.get("BYSETPOS") or [],
    )
    read = _BY_FREQ.get(freq) if isinstance(freq, str) else None
    found = read(parts, start) if read is not None else None
    if found is None:
        return None
    return dw.Recurrence(found[0], int(interval), until_day, count, found[1])


def _weekly(p: _Parts, start: date) -> _Found | None:
    if p.byday in ([], [_WEEKDAYS[start.weekday()]]) and not (p.monthday or p.month or p.setpos):
        return dw.Frequency.WEEKLY, None
    return None


def _monthly(p: _Parts, start: date) -> _Found | None:
    if p.month:
        return None
    if not p.byday and not p.setpos:
        return (dw.Frequency.MONTHLY, None) if p.monthday in ([], [start.day]) else None
    if not p.monthday and len(p.byday) == 1:
        return _monthly_nth(p, start)
    return None


def _monthly_nth(p: _Parts, start: date) -> _Found | None:
    """The n:th weekday of the month (BYDAY=3TU, or BYDAY=TU;BYSETPOS=3), the start's."""
    ordinal, day = p.byday[0][:-2], p.byday[0][-2:]
    if p.setpos and not ordinal and len(p.setpos) == 1:
        ordinal = str(p.setpos[0])
    elif p.setpos:
        ordinal = ""
    if day == _WEEKDAYS[start.weekday()] and ordinal in _ORDINALS:
        return dw.Frequency.MONTHLY_NTH, int(ordinal)
    return None


def _yearly(p: _Parts, start: date) -> _Found | None:
    if (
        not p.byday
        and not p.setpos
        and p.month in ([], [start.month])
        and p.monthday in ([], [start.day])
    ):
        return dw.Frequency.YEARLY, None
    return None


_ORDINALS = ("1", "+1", "2", "+2", "3", "+3", "4", "+4", "-1")
_BY_FREQ: dict[str, Callable[[_Parts, date], _Found | None]] = {
    "WEEKLY": _weekly,
    "MONTHLY": _monthly,
    "YEARLY": _yearly,
}


def _exdates(master: Any) -> list[date]:
    found = master.get("EXDATE")
    lists = found if isinstance(found, list) else [found] if found is not None else []
    return [_local(d.dt)[0] for item in lists for d in item.dts]


def _as_recurring(
    base: IcsEvent, master: Any, overrides: list[Any], truth: list[IcsEvent], number: int
) -> IcsEvent | None:
    """`base` as one recurring event with exceptions, when that gives exactly `truth`."""
    rules = master.get("RRULE")
    if rules is None or isinstance(rules, list) or master.get("RDATE") is not None:
        return None
    recurrence = _recurrence(rules, base.start)
    if recurrence is None:
        return None
    try:
        dw.validate_recurrence(recurrence, base.start)
    except ValidationError:
        return None  # e.g. more occurrences than the wheel's form allows
    exceptions: dict[date, dw.OccurrenceException] = {
        day: dw.OccurrenceException(day, cancelled=True) for day in _exdates(master)
    }
    for override in overrides:
        original = _local(override["RECURRENCE-ID"].dt)[0]
        if str(override.get("STATUS", "")).upper() == "CANCELLED":
            exceptions[original] = dw.OccurrenceException(original, cancelled=True)
            continue
        moved = _convert(number, base.uid, override)
        if moved is None:
            continue
        same = (moved.title, moved.start_time, moved.end_time, moved.place, moved.description)
        if same != (base.title, base.start_time, base.end_time, base.place, base.description):
            return None  # the wheel moves an occurrence's dates only
        length = base.end - base.start if base.end else None
        if (moved.start, moved.end) != (original, original + length if length else None):
            exceptions[original] = dw.OccurrenceException(original, False, moved.start, moved.end)
    candidate = dw.WheelEvent(
        id=0,
        title=base.title,
        category="",
        start=base.start,
        end=base.end,
        start_time=base.start_time,
        end_time=base.end_time,
        recurrence=recurrence,
        exceptions=tuple(sorted(exceptions.values(), key=lambda e: e.original)),
    )
    last = truth[-1].start if truth else base.start
    horizon = max(last, _window_end(base.start))
    mine = [
        (i.start, i.end, i.start_time, i.end_time)
        for i in dw.expand(candidate, base.start, horizon)
        if i.start <= _window_end(base.start)
    ]
    theirs = [
        (e.start, e.end, e.start_time, e.end_time)
        for e in truth
        if e.start <= _window_end(base.start)
    ]
    if sorted(mine) != sorted(theirs):
        return None
    return replace(base, recurrence=recurrence, exceptions=candidate.exceptions)


def _window_end(start: date) -> date:
    return date(start.year + WINDOW_YEARS, 1, 1) - timedelta(days=1)


def read_series(
    number: int,
    lines: list[str],
    master: _Component,
    overrides: list[_Component],
    timezones: list[str],
) -> tuple[list[IcsEvent], IcsSeries | None]:
    """The events one series becomes, and what it became; ([], None) when it has no start."""
    import icalendar
    import recurring_ical_events

    block = [
        line
        for component in (master, *overrides)
        for line in lines[component.start_line : component.end_line + 1]
    ]
    text = "\r\n".join(["BEGIN:VCALENDAR", *timezones, *block, "END:VCALENDAR", ""])
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except Exception as exc:  # icalendar raises several kinds on broken input
        raise ValueError(str(exc)) from exc
    components = calendar.walk("VEVENT")
    main = next((c for c in components if c.get("RECURRENCE-ID") is None), components[0])
    uid = str(main.get("UID", ""))
    base = _convert(number, uid, main)
    if base is None:
        return [], None
    moved = [c for c in components if c is not main and c.get("RECURRENCE-ID") is not None]
    try:
        occurrences = recurring_ical_events.of(calendar).between(
            datetime.combine(base.start, datetime.min.time()),
            datetime.combine(_window_end(base.start) + timedelta(days=1), datetime.min.time()),
        )
    except Exception as exc:  # a rule the library can't expand
        raise ValueError(str(exc)) from exc
    truth: list[tuple[date, IcsEvent]] = []
    for occurrence in occurrences:
        event = _convert(number, uid, occurrence)
        if event is None:
            continue
        recurrence_id = occurrence.get("RECURRENCE-ID")
        original = _local(recurrence_id.dt)[0] if recurrence_id is not None else event.start
        truth.append((original, event))
    truth.sort(key=lambda pair: (pair[1].start, pair[0]))
    events = [event for _original, event in truth]
    recurring = _as_recurring(base, main, moved, events, number)
    if recurring is not None:
        summary = IcsSeries(uid, base.title, len(events), True, len(recurring.exceptions))
        return [recurring], summary
    singles = [
        replace(event, uid=f"{uid}/{original:%Y%m%d}" if uid else "") for original, event in truth
    ]
    return singles, IcsSeries(uid, base.title, len(singles), False, 0)
