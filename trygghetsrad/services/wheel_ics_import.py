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


def _when(prop: object, number: int, title: str, name: str) -> tuple[date, time | None]:
    """The date (and time) of DTSTART/DTEND, or a Swedish ValueError naming the event when it
    is no date (20260230, "hej") or lies outside the years the app accepts (30000)."""
    from trygghetsrad.domain.dates import check_year
    from trygghetsrad.errors import ValidationError
    from trygghetsrad.i18n import tr

    what = tr("Händelse {n} (”{title}”)").format(n=number, title=title[:60])
    label = tr("startdatumet") if name == "DTSTART" else tr("slutdatumet")
    try:
        day, at = _local(prop.dt)  # type: ignore[attr-defined]
    except ValueError:
        raw = prop.to_ical().decode("utf-8", "replace") if hasattr(prop, "to_ical") else ""
        raw = raw or str(getattr(prop, "ical_value", "") or "")
        raise ValueError(
            tr("{what}: {label} {raw} är inget giltigt datum.").format(
                what=what, label=label, raw=raw[:40]
            )
        ) from None
    try:
        check_year(day)
    except ValidationError as exc:
        raise ValueError(
            tr("{what}: {label} {day}. {reason}").format(
                what=what, label=label, day=day.isoformat(), reason=exc
            )
        ) from None
    return day, at


def read_events(data: bytes) -> list[IcsEvent]:
    """The VEVENTs of an .ics file, with times in Swedish local time; raises ValueError."""
    import icalendar

    try:
        calendar = icalendar.Calendar.from_ical(data)
    except Exception as exc:  # icalendar raises several kinds on broken input
        raise ValueError(str(exc)) from exc
    out: list[IcsEvent] = []
    for number, component in enumerate(calendar.walk("VEVENT"), start=1):
        dtstart = component.get("DTSTART")
        if dtstart is None:
            continue
        title = str(component.get("SUMMARY", ""))
        start, start_time = _when(dtstart, number, title, "DTSTART")
        end: date | None = None
        end_time: time | None = None
        dtend = component.get("DTEND")
        if dtend is not None:
            end, end_time = _when(dtend, number, title, "DTEND")
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
                title=title,
                start=start,
                end=end,
                start_time=start_time,
                end_time=end_time,
                place=str(component.get("LOCATION", "")),
                description=str(component.get("DESCRIPTION", "")),
            )
        )
    return out
