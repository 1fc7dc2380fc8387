"""The iCalendar building blocks every `.ics` export shares (PITFALLS 15, RFC 5545).

Outlook ignores RDATE-style time zones, so local times are written against this compact
Europe/Stockholm VTIMEZONE of yearly rules (last Sunday of March and October).
"""

from __future__ import annotations

from datetime import datetime

TZID = "Europe/Stockholm"

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


def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> list[str]:
    """Fold at 75 octets without splitting a UTF-8 character (RFC 5545 3.1)."""
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


def local(moment: datetime) -> str:
    """A floating local time, to be written with `;TZID=Europe/Stockholm`."""
    return moment.strftime("%Y%m%dT%H%M%S")


def serialise(lines: list[str]) -> bytes:
    """Fold every content line and join them with CRLF, as the standard requires."""
    return ("\r\n".join(part for line in lines for part in fold(line)) + "\r\n").encode("utf-8")
