"""Reading `.ics` files (e.g. from Outlook) for import into the wheel, times in Swedish local time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

TZID = "Europe/Stockholm"


@dataclass(frozen=True)
class IcsEvent:
    uid: str
    title: str
    start: date
    end: date | None
    start_time: time | None
    end_time: time | None
    place: str
    description: str


def _local(value: object) -> tuple[date, time | None]:
    from zoneinfo import ZoneInfo

    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(ZoneInfo(TZID))
        return value.date(), value.time().replace(second=0, microsecond=0)
    if isinstance(value, date):
        return value, None
    raise ValueError("DTSTART saknas")


def read_events(data: bytes) -> list[IcsEvent]:
    """The VEVENTs of an .ics file, with times in Swedish local time; raises ValueError."""
    import icalendar

    try:
        calendar = icalendar.Calendar.from_ical(data)
    except Exception as exc:  # icalendar raises several kinds on broken input
        raise ValueError(str(exc)) from exc
    out: list[IcsEvent] = []
    for component in calendar.walk("VEVENT"):
        dtstart = component.get("DTSTART")
        if dtstart is None:
            continue
        start, start_time = _local(dtstart.dt)
        end: date | None = None
        end_time: time | None = None
        dtend = component.get("DTEND")
        if dtend is not None:
            end, end_time = _local(dtend.dt)
            if start_time is None:
                end = end - timedelta(days=1)  # all-day DTEND is exclusive
            if end_time == time(0, 0) and start_time is not None and end > start:
                end, end_time = end - timedelta(days=1), time(23, 59)
        if end is not None and end <= start:
            end = None
        if (
            start_time is not None
            and end_time is not None
            and end is None
            and end_time < start_time
        ):
            end_time = None
        out.append(
            IcsEvent(
                uid=str(component.get("UID", "")),
                title=str(component.get("SUMMARY", "")),
                start=start,
                end=end,
                start_time=start_time,
                end_time=end_time,
                place=str(component.get("LOCATION", "")),
                description=str(component.get("DESCRIPTION", "")),
            )
        )
    return out
