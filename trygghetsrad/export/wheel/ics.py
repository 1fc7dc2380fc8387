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
from trygghetsrad.domain.wheel.model import WheelDocument, uid_for
from trygghetsrad.export.ics_format import TZID, VTIMEZONE, escape, local, serialise

PRODID = "-//Trygghetsråd//Årshjul//SV"


def _event(
    item: CalendarItem, sequence: int, stamp: datetime, categories: dict[str, str]
) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid_for(item.key)}",
        f"DTSTAMP:{stamp.strftime('%Y%m%dT%H%M%SZ')}",
        f"SEQUENCE:{sequence}",
        f"SUMMARY:{escape(item.title)}",
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
        lines.append(f"DTSTART;TZID={TZID}:{local(start)}")
        lines.append(f"DTEND;TZID={TZID}:{local(end)}")
    if item.place:
        lines.append(f"LOCATION:{escape(item.place)}")
    description = item.description
    if item.responsible:
        description = (description + "\n" if description else "") + f"Ansvarig: {item.responsible}"
    if description:
        lines.append(f"DESCRIPTION:{escape(description)}")
    if item.category in categories:
        lines.append(f"CATEGORIES:{escape(categories[item.category])}")
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
        f"X-WR-CALNAME:{escape(doc.title)}",
        f"X-WR-TIMEZONE:{TZID}",
        *VTIMEZONE,
    ]
    for item in visible(doc.items, include_internal):
        lines += _event(item, doc.sequences.get(item.key, 0), stamp, names)
    lines.append("END:VCALENDAR")
    return serialise(lines)
