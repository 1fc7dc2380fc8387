"""Reading `.ics` files (e.g. from Outlook) for import into the wheel, in file order.

Single events are read by `wheel_ics_events` (its own content-line reader), recurring series
with their moved occurrences by `wheel_ics_series`; this module walks the file and hands each
VEVENT to the one that reads it.
"""

from __future__ import annotations

from dataclasses import dataclass

from trygghetsrad.services.wheel.ics_events import (
    _RECURRENCE,
    _SERIES,
    PROGRESS_EVERY,
    IcsEvent,
    ProgressCallback,
    _Component,
    _components,
    _fast_event,
    _icalendar_event,
    _lines,
    _NeedsIcalendar,
    _uid,
)
from trygghetsrad.services.wheel.ics_series import IcsSeries, read_series

__all__ = ["IcsCalendar", "IcsEvent", "read_calendar", "read_events"]


@dataclass
class IcsCalendar:
    """What an .ics file holds for the wheel."""

    events: list[IcsEvent]
    series: list[IcsSeries]  # what each recurring series became
    without_start: int  # VEVENTs with no DTSTART: nothing to place on the wheel


def read_calendar(data: bytes, progress: ProgressCallback | None = None) -> IcsCalendar:
    """The VEVENTs of an .ics file in file order, a recurring series where its first part
    stands; raises ValueError (Swedish) on the first one that can't be read."""
    lines = _lines(data)
    components = _components(lines)
    vevents = [c for c in components if c.name == "VEVENT"]
    series_uids = {uid for c in vevents if _is_series(c) and (uid := _uid(c))}
    moved = _moved_occurrences(vevents, series_uids)
    timezones = [
        line
        for c in components
        if c.name == "VTIMEZONE"
        for line in lines[c.start_line : c.end_line + 1]
    ]
    found = IcsCalendar([], [], 0)
    done: set[str] = set()
    total = len(vevents)
    for number, component in enumerate(vevents, start=1):
        if progress is not None and number % PROGRESS_EVERY == 0:
            progress(number, total)
        if _is_series(component):
            uid = _uid(component)
            if uid and uid in done:
                continue  # a second master of the same series: the first one counts
            done.add(uid)
            moved_ones = moved.get(uid, []) if uid else []
            _add_series(found, read_series(number, lines, component, moved_ones, timezones))
        elif "RECURRENCE-ID" in component.lines and _uid(component) in series_uids:
            continue  # a moved occurrence: read with its series
        else:
            _add_event(found, _read_event(number, lines, component, timezones))
    if progress is not None:
        progress(total, total)
    return found


def _is_series(c: _Component) -> bool:
    return not _SERIES.isdisjoint(c.lines) and "RECURRENCE-ID" not in c.lines


def _moved_occurrences(
    vevents: list[_Component], series_uids: set[str]
) -> dict[str, list[_Component]]:
    """UID -> the moved occurrences (RECURRENCE-ID) of each series in the file."""
    moved: dict[str, list[_Component]] = {}
    for c in vevents:
        if "RECURRENCE-ID" in c.lines and (uid := _uid(c)) in series_uids:
            moved.setdefault(uid, []).append(c)
    return moved


def _read_event(
    number: int, lines: list[str], component: _Component, timezones: list[str]
) -> IcsEvent | None:
    """One plain VEVENT: read fast, or through icalendar when it needs more (rules, zones)."""
    try:
        if not _RECURRENCE.isdisjoint(component.lines):
            raise _NeedsIcalendar
        return _fast_event(number, component)
    except _NeedsIcalendar:
        return _icalendar_event(number, lines, component, timezones)


def _add_event(found: IcsCalendar, event: IcsEvent | None) -> None:
    if event is None:
        found.without_start += 1
    else:
        found.events.append(event)


def _add_series(found: IcsCalendar, read: tuple[list[IcsEvent], IcsSeries | None]) -> None:
    events, series = read
    found.events += events
    if series is None:
        found.without_start += 1
    else:
        found.series.append(series)


def read_events(data: bytes, progress: ProgressCallback | None = None) -> list[IcsEvent]:
    """The VEVENTs of an .ics file, with times in Swedish local time; raises ValueError."""
    return read_calendar(data, progress).events
