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
from trygghetsrad.export.ics_format import TZID, VTIMEZONE, escape, local, serialise
from trygghetsrad.i18n import tr

PRODID = "-//Trygghetsråd//Möten//SV"
UID_DOMAIN = "trygghetsrad.local"


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
        f"SUMMARY:{escape(tr('Möte: {groups}').format(groups=meeting.groups_label))}",
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
        lines.append(f"DTSTART;TZID={TZID}:{local(start)}")
        lines.append(f"DTEND;TZID={TZID}:{local(end)}")
    location = ", ".join(p for p in (meeting.place, meeting.online_link) if p)
    if location:
        lines.append(f"LOCATION:{escape(location)}")
    if description:
        lines.append(f"DESCRIPTION:{escape(description)}")
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
    return serialise(lines)


def meeting_ics(doc: MeetingDocument, *, stamp: datetime | None = None) -> bytes:
    """The invitation for the meeting of a `MeetingDocument` (agenda in the description)."""
    agenda = "\n".join(f"{doc.number(i)} {item.title}" for i, item in enumerate(doc.items))
    description = tr("Dagordning:\n{agenda}").format(agenda=agenda) if agenda else ""
    return calendar_ics([(doc.meeting, doc.meeting.sequence, description)], stamp=stamp)
