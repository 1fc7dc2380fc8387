"""A meeting invitation as plain data: organizer, attendees and their roles (RFC 5546).

The digest covers everything the invitation says except its SEQUENCE and time stamp, so the
service can raise the SEQUENCE exactly when the content changes (PITFALLS 15).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from enum import StrEnum

from trygghetsrad.domain.meetings.model import AttendanceData, MeetingSummary, Presence
from trygghetsrad.domain.register import Role

UID_DOMAIN = "trygghetsrad.local"


class AttendeeRole(StrEnum):
    """The iCalendar ROLE of an attendee."""

    CHAIR = "CHAIR"
    REQUIRED = "REQ-PARTICIPANT"
    OPTIONAL = "OPT-PARTICIPANT"


@dataclass(frozen=True)
class Attendee:
    name: str
    email: str
    role: AttendeeRole


@dataclass(frozen=True)
class Invitation:
    meeting: MeetingSummary
    uid: str
    organizer_name: str
    organizer_email: str
    attendees: tuple[Attendee, ...]
    description: str = ""
    cancelled: bool = False
    sequence: int = 0
    # On the attendance list but without an e-mail address: they get no invitation.
    without_address: tuple[str, ...] = ()

    def digest(self) -> str:
        """A fingerprint of what the invitation says (not its SEQUENCE)."""
        m = self.meeting
        content = [
            self.uid,
            m.day.isoformat(),
            m.start_time.isoformat() if m.start_time else None,
            m.end_time.isoformat() if m.end_time else None,
            m.place,
            m.online_link,
            list(m.group_names),
            self.organizer_name,
            self.organizer_email,
            [[a.name, a.email, a.role.value] for a in self.attendees],
            self.description,
            self.cancelled,
        ]
        text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def meeting_uid(meeting_id: int, database_id: str) -> str:
    """Stable per meeting, and distinct between databases (two councils' meeting 12)."""
    return f"meeting-{meeting_id}-{database_id}@{UID_DOMAIN}"


def attendee_role(row: AttendanceData, chair_id: int | None) -> AttendeeRole:
    """The chair of the meeting (or, when none is named, the group's *ordförande*) chairs;
    guests (*adjungerade*), substitutes and people listed outside the groups are optional;
    every other member is required."""
    if chair_id is not None:
        if row.person_id == chair_id:
            return AttendeeRole.CHAIR
    elif row.role == Role.CHAIR.value:
        return AttendeeRole.CHAIR
    optional_roles = (Role.CO_OPTED.value, Role.DEPUTY.value)
    if (
        row.presence in (Presence.GUEST, Presence.SUBSTITUTE)
        or row.role in optional_roles
        or not row.member
    ):
        return AttendeeRole.OPTIONAL
    return AttendeeRole.REQUIRED


def next_sequence(stored: tuple[int, str] | None, digest: str, floor: int) -> int:
    """The SEQUENCE of an invitation with this `digest`, given the (sequence, digest) issued
    last: the same when nothing changed, one higher when anything did. Never below `floor`
    (the meeting's own counter, which earlier versions wrote into every `.ics`)."""
    if stored is None:
        return floor
    sequence, previous = stored
    if previous == digest:
        return max(sequence, floor)
    return max(sequence + 1, floor)
