"""`.ics` meeting requests that Outlook files as invitations, at the right local time.

A meeting invitation is an iTIP message (RFC 5546, PITFALLS 15): `METHOD:REQUEST` with the
coordinator as ORGANIZER and one ATTENDEE per member with an address
(`ROLE=…;PARTSTAT=NEEDS-ACTION;RSVP=TRUE`; the coordinator, when on the list, has accepted),
or `METHOD:CANCEL` with `STATUS:CANCELLED` for a
cancelled meeting. The UID is stable per meeting and database, and the SEQUENCE comes from
the service, which raises it whenever the invitation says something new, so a re-imported
invitation replaces the old one. Times are written in Europe/Stockholm with a compact
VTIMEZONE of yearly rules (last Sunday of March and October), which Outlook honours.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from trygghetsrad.domain.meetings.invitations import AttendeeRole, Invitation
from trygghetsrad.domain.meetings.model import MeetingSummary
from trygghetsrad.errors import UserError
from trygghetsrad.export.ics_format import TZID, VTIMEZONE, escape, local, serialise
from trygghetsrad.i18n import tr

PRODID = "-//Trygghetsråd//Möten//SV"


def _times(meeting: MeetingSummary) -> list[str]:
    if meeting.start_time is None:
        return [
            f"DTSTART;VALUE=DATE:{meeting.day.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(meeting.day + timedelta(days=1)).strftime('%Y%m%d')}",
        ]
    start = datetime.combine(meeting.day, meeting.start_time)
    end = (
        datetime.combine(meeting.day, meeting.end_time)
        if meeting.end_time
        else start + timedelta(hours=1)
    )
    return [f"DTSTART;TZID={TZID}:{local(start)}", f"DTEND;TZID={TZID}:{local(end)}"]


def _cn(name: str) -> str:
    """A CN parameter: quoted (names hold commas), without the one character a quoted
    parameter value cannot carry."""
    return '"' + " ".join(name.replace('"', "'").split()) + '"'


def _address(name: str) -> str:
    return f";CN={_cn(name)}" if name.strip() else ""


def invitation_ics(invitation: Invitation, *, stamp: datetime | None = None) -> bytes:
    """The meeting request (or cancellation) for one meeting."""
    if not invitation.attendees:
        raise UserError(
            tr(
                "Ingen på mötets lista har en e-postadress i registret, så inbjudan skulle "
                "inte gå till någon. Lägg till adresserna under Register och exportera igen."
            )
        )
    stamp = stamp or datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    meeting = invitation.meeting
    cancel = invitation.cancelled
    lines = [
        "BEGIN:VCALENDAR",
        f"PRODID:{PRODID}",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        f"METHOD:{'CANCEL' if cancel else 'REQUEST'}",
        *VTIMEZONE,
        "BEGIN:VEVENT",
        f"UID:{invitation.uid}",
        f"DTSTAMP:{stamp.strftime('%Y%m%dT%H%M%SZ')}",
        f"SEQUENCE:{invitation.sequence}",
        f"SUMMARY:{escape(tr('Möte: {groups}').format(groups=meeting.groups_label))}",
        *_times(meeting),
        "ORGANIZER" + _address(invitation.organizer_name) + f":mailto:{invitation.organizer_email}",
    ]
    organizer = invitation.organizer_email.lower()
    for attendee in invitation.attendees:
        if attendee.email.lower() == organizer:
            reply = "PARTSTAT=ACCEPTED;RSVP=FALSE"  # the coordinator does not answer herself
        else:
            reply = "PARTSTAT=NEEDS-ACTION;RSVP=" + ("FALSE" if cancel else "TRUE")
        lines.append(
            "ATTENDEE"
            + _address(attendee.name)
            + f";CUTYPE=INDIVIDUAL;ROLE={AttendeeRole(attendee.role).value};{reply}"
            + f":mailto:{attendee.email}"
        )
    location = ", ".join(p for p in (meeting.place, meeting.online_link) if p)
    if location:
        lines.append(f"LOCATION:{escape(location)}")
    if invitation.description:
        lines.append(f"DESCRIPTION:{escape(invitation.description)}")
    lines += [
        f"STATUS:{'CANCELLED' if cancel else 'CONFIRMED'}",
        "TRANSP:OPAQUE",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return serialise(lines)
