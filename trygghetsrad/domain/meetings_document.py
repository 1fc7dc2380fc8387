"""Everything an export of one meeting needs, already filtered for internal content."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from trygghetsrad.domain.dates import long_date, time_span
from trygghetsrad.domain.meetings import (
    ActionData,
    AgendaItemData,
    AttendanceData,
    MeetingDetail,
    MeetingKind,
    MeetingSummary,
    Presence,
)
from trygghetsrad.i18n import tr


@dataclass(frozen=True)
class Recipient:
    name: str
    email: str


@dataclass(frozen=True)
class MeetingDocument:
    meeting: MeetingDetail
    municipality: str = ""
    logo: bytes | None = None
    author: str = ""
    attendance: tuple[AttendanceData, ...] = ()
    items: tuple[AgendaItemData, ...] = ()
    followup: tuple[ActionData, ...] = ()
    next_meetings: tuple[MeetingSummary, ...] = ()
    recipients: tuple[Recipient, ...] = ()
    contact_email: str = ""
    include_internal: bool = False
    today: date | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def is_protocol(self) -> bool:
        return self.meeting.kind is MeetingKind.PROTOCOL

    def number(self, index: int) -> str:
        """'§ 12' in a protocol, '3.' in notes."""
        if self.is_protocol:
            return f"§ {self.meeting.first_paragraph + index}"
        return f"{index + 1}."

    def attendees(self, *presences: Presence) -> list[AttendanceData]:
        return [a for a in self.attendance if a.presence in presences]

    @property
    def groups_label(self) -> str:
        return self.meeting.groups_label

    @property
    def when(self) -> str:
        """'torsdag 11 maj 2023, kl. 10.00–12.00'."""
        return self.meeting.when

    @property
    def where(self) -> str:
        parts = [p for p in (self.meeting.place, self.meeting.online_link) if p]
        return ", ".join(parts)

    def file_stem(self, what: str | None = None) -> str:
        """A file name users recognise: 'Minnesanteckningar Trygghetsrådet 2023-05-11'."""
        label = what or self.meeting.kind.label
        groups = " och ".join(self.meeting.group_names)
        name = f"{label} {groups} {self.meeting.day.isoformat()}"
        return "".join(c for c in name if c not in '\\/:*?"<>|').strip()


def next_meeting_line(m: MeetingSummary) -> str:
    """'torsdag 11 maj 2023, kl. 10.00–12.00 för Klara-gruppen (digitalt via Teams)'."""
    span = time_span(m.start_time, m.end_time)
    text = long_date(m.day) + (f", {span}" if span else "")
    text += tr(" för {groups}").format(groups=m.groups_label)
    where = ", ".join(p for p in (m.place, m.online_link) if p)
    return f"{text} ({where})" if where else text
