"""The year's wheel as an `.ics` calendar for Outlook, and reading `.ics` files for import.

PITFALLS 15: Outlook ignores RDATE-style time zones, so times are written in Europe/Stockholm
with a compact VTIMEZONE of yearly rules; METHOD:PUBLISH; UIDs derive from the item keys
(database ids), so importing the file again updates the events instead of duplicating them.
Each occurrence of a series is its own event, with exceptions already applied.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from trygghetsrad.domain.calendar_items import CalendarItem
from trygghetsrad.domain.internal import visible
from trygghetsrad.domain.wheel import WheelDocument, uid_for

TZID = "Europe/Stockholm"
PRODID = "-//Trygghetsråd//Årshjul//SV"

VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    out: list[str] = []
    current = ""
    for ch in line:
        if len((current + ch).encode("utf-8")) > 75:
            out.append(current)
            current = " " + ch
        else:
            current += ch
    out.append(current)
    return out


def _event(
    item: CalendarItem, sequence: int, stamp: datetime, categories: dict[str, str]
) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid_for(item.key)}",
        f"DTSTAMP:{stamp.strftime('%Y%m%dT%H%M%SZ')}",
        f"SEQUENCE:{sequence}",
        f"SUMMARY:{_escape(item.title)}",
    ]
    if item.start_time is None:
        lines.append(f"DTSTART;VALUE=DATE:{item.start.strftime('%Y%m%d')}")
        lines.append(f"DTEND;VALUE=DATE:{(item.last_day + timedelta(days=1)).strftime('%Y%m%d')}")
    else:
        start = datetime.combine(item.start, item.start_time)
        if item.end_time is not None:
            end = datetime.combine(item.last_day, item.end_time)
        else:
            end = datetime.combine(item.last_day, item.start_time) + timedelta(hours=1)
        lines.append(f"DTSTART;TZID={TZID}:{start.strftime('%Y%m%dT%H%M%S')}")
        lines.append(f"DTEND;TZID={TZID}:{end.strftime('%Y%m%dT%H%M%S')}")
    if item.place:
        lines.append(f"LOCATION:{_escape(item.place)}")
    description = item.description
    if item.responsible:
        description = (description + "\n" if description else "") + f"Ansvarig: {item.responsible}"
    if description:
        lines.append(f"DESCRIPTION:{_escape(description)}")
    if item.category in categories:
        lines.append(f"CATEGORIES:{_escape(categories[item.category])}")
    lines += ["TRANSP:TRANSPARENT" if item.start_time is None else "TRANSP:OPAQUE", "END:VEVENT"]
    return lines


def wheel_ics(
    doc: WheelDocument, *, include_internal: bool = False, stamp: datetime | None = None
) -> bytes:
    """The year's items as one calendar (internal items only when asked for)."""
    stamp = stamp or datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    names = {c.key: c.name for c in doc.categories}
    lines = [
        "BEGIN:VCALENDAR",
        f"PRODID:{PRODID}",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(doc.title)}",
        f"X-WR-TIMEZONE:{TZID}",
        *VTIMEZONE,
    ]
    for item in visible(doc.items, include_internal):
        lines += _event(item, doc.sequences.get(item.key, 0), stamp, names)
    lines.append("END:VCALENDAR")
    return ("\r\n".join(part for line in lines for part in _fold(line)) + "\r\n").encode("utf-8")
