"""`.ics` invitations for meetings that Outlook reads at the right local time (PITFALLS 15).

Times are written in Europe/Stockholm with a compact VTIMEZONE of yearly rules (last Sunday
of March and October), which Outlook honours; UIDs derive from database ids and SEQUENCE
grows when a meeting moves, so a re-imported invitation replaces the old one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from trygghetsrad.domain.meetings import MeetingSummary
from trygghetsrad.domain.meetings_document import MeetingDocument
from trygghetsrad.i18n import tr

TZID = "Europe/Stockholm"
PRODID = "-//Trygghetsråd//Möten//SV"
UID_DOMAIN = "trygghetsrad.local"

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
    """Fold at 75 octets without splitting a UTF-8 character (RFC 5545 3.1)."""
    out: list[str] = []
    current = ""
    limit = 75
    for ch in line:
        if len((current + ch).encode("utf-8")) > limit:
            out.append(current)
            current = " " + ch
            limit = 75
        else:
            current += ch
    out.append(current)
    return out


def _local(day: datetime) -> str:
    return day.strftime("%Y%m%dT%H%M%S")


def event_lines(
    meeting: MeetingSummary,
    *,
    sequence: int = 0,
    description: str = "",
    stamp: datetime,
) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:meeting-{meeting.id}@{UID_DOMAIN}",
        f"DTSTAMP:{stamp.strftime('%Y%m%dT%H%M%SZ')}",
        f"SEQUENCE:{sequence}",
        f"SUMMARY:{_escape(tr('Möte: {groups}').format(groups=meeting.groups_label))}",
    ]
    if meeting.start_time is None:
        lines.append(f"DTSTART;VALUE=DATE:{meeting.day.strftime('%Y%m%d')}")
        lines.append(f"DTEND;VALUE=DATE:{(meeting.day + timedelta(days=1)).strftime('%Y%m%d')}")
    else:
        start = datetime.combine(meeting.day, meeting.start_time)
        end = (
            datetime.combine(meeting.day, meeting.end_time)
            if meeting.end_time
            else start + timedelta(hours=1)
        )
        lines.append(f"DTSTART;TZID={TZID}:{_local(start)}")
        lines.append(f"DTEND;TZID={TZID}:{_local(end)}")
    location = ", ".join(p for p in (meeting.place, meeting.online_link) if p)
    if location:
        lines.append(f"LOCATION:{_escape(location)}")
    if description:
        lines.append(f"DESCRIPTION:{_escape(description)}")
    lines += ["STATUS:CONFIRMED", "TRANSP:OPAQUE", "END:VEVENT"]
    return lines


def calendar_ics(
    events: Sequence[tuple[MeetingSummary, int, str]], *, stamp: datetime | None = None
) -> bytes:
    """One calendar with one VEVENT per (meeting, sequence, description)."""
    stamp = stamp or datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    lines = [
        "BEGIN:VCALENDAR",
        f"PRODID:{PRODID}",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        *VTIMEZONE,
    ]
    for meeting, sequence, description in events:
        lines += event_lines(meeting, sequence=sequence, description=description, stamp=stamp)
    lines.append("END:VCALENDAR")
    folded = [part for line in lines for part in _fold(line)]
    return ("\r\n".join(folded) + "\r\n").encode("utf-8")


def meeting_ics(doc: MeetingDocument, *, stamp: datetime | None = None) -> bytes:
    """The invitation for the meeting of a `MeetingDocument` (agenda in the description)."""
    agenda = "\n".join(f"{doc.number(i)} {item.title}" for i, item in enumerate(doc.items))
    description = tr("Dagordning:\n{agenda}").format(agenda=agenda) if agenda else ""
    return calendar_ics([(doc.meeting, doc.meeting.sequence, description)], stamp=stamp)
