"""Meetings as plain data: kinds, statuses, attendance, agenda, actions, and their rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum

from trygghetsrad.domain.dates import long_date, time_span
from trygghetsrad.domain.meetings.action_status import ActionStatus as ActionStatus
from trygghetsrad.domain.meetings.action_status import action_overdue as action_overdue
from trygghetsrad.domain.meetings.action_status import action_status_text as action_status_text
from trygghetsrad.domain.meetings.agenda_structure import ItemCategory, Numbering, presence_span
from trygghetsrad.domain.text import check_characters
from trygghetsrad.errors import ValidationError
from trygghetsrad.i18n import tr

MAX_TITLE = 300
MAX_NOTE = 10_000
MAX_LEVEL = 3


class MeetingKind(StrEnum):
    NOTES = "notes"  # minnesanteckningar, signed "Vid pennan"
    PROTOCOL = "protocol"  # protokoll: § numbers, decisions, justerare

    @property
    def label(self) -> str:
        return tr("Minnesanteckningar") if self is MeetingKind.NOTES else tr("Protokoll")

    @property
    def short_label(self) -> str:
        """For narrow columns."""
        return tr("Anteckningar") if self is MeetingKind.NOTES else tr("Protokoll")

    @property
    def secretary_label(self) -> str:
        """The minutes' word for the one who keeps them, on every screen and document."""
        return tr("Antecknare") if self is MeetingKind.NOTES else tr("Sekreterare")


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    DRAFT = "draft"
    FINALISED = "finalised"
    SENT = "sent"

    @property
    def label(self) -> str:
        return {
            MeetingStatus.PLANNED: tr("Planerat"),
            MeetingStatus.DRAFT: tr("Utkast"),
            MeetingStatus.FINALISED: tr("Justerat"),
            MeetingStatus.SENT: tr("Skickat"),
        }[self]


class Presence(StrEnum):
    PRESENT = "present"
    EXCUSED = "excused"  # anmält förhinder
    ABSENT = "absent"
    SUBSTITUTE = "substitute"  # ersättare för …
    GUEST = "guest"  # adjungerad
    # Not marked yet: every member starts here, so no document claims a presence the
    # coordinator did not record.
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return {
            Presence.PRESENT: tr("Närvarande"),
            Presence.EXCUSED: tr("Anmält förhinder"),
            Presence.ABSENT: tr("Frånvarande"),
            Presence.SUBSTITUTE: tr("Ersättare"),
            Presence.GUEST: tr("Adjungerad"),
            Presence.UNKNOWN: tr("Ej angiven"),
        }[self]

    @property
    def attended(self) -> bool:
        return self in (Presence.PRESENT, Presence.SUBSTITUTE, Presence.GUEST)


class ItemKind(StrEnum):
    NORMAL = "normal"
    FOLLOWUP = "followup"  # open actions of earlier meetings come up here
    NEXT_MEETING = "next_meeting"  # lists the meetings planned from this one


# -- records --------------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingSummary:
    id: int
    title: str
    kind: MeetingKind
    status: MeetingStatus
    day: date
    start_time: time | None
    end_time: time | None
    place: str
    online_link: str
    group_ids: tuple[int, ...]
    group_names: tuple[str, ...]
    cancelled_on: date | None = None  # a planned meeting called off

    @property
    def when(self) -> str:
        span = time_span(self.start_time, self.end_time)
        return f"{long_date(self.day)}, {span}" if span else long_date(self.day)

    @property
    def groups_label(self) -> str:
        return join_names(self.group_names)

    @property
    def status_label(self) -> str:
        return self.status_label_on(date.today())

    def status_label_on(self, today: date) -> str:
        """Like `status.label`, but minnesanteckningar are "Fastställt", not "Justerat", a
        cancelled meeting is "Inställt", and a planned meeting whose day has passed says so
        ("Planerat (datum passerat)"): still planned, since nobody has started its minutes,
        but not a meeting that is still to come."""
        if self.cancelled_on is not None:
            return tr("Inställt")
        if self.status is MeetingStatus.FINALISED and self.kind is MeetingKind.NOTES:
            return tr("Fastställt")
        if self.status is MeetingStatus.PLANNED and self.day < today:
            return tr("Planerat (datum passerat)")
        return self.status.label

    @property
    def groups_short(self) -> str:
        """A compact label for narrow lists: "TR + Klara" for a joint meeting."""
        return " + ".join(short_group_name(n) for n in self.group_names)


@dataclass(frozen=True)
class MeetingDetail(MeetingSummary):
    chair_id: int | None = None
    chair_name: str = ""
    secretary_id: int | None = None
    secretary_name: str = ""
    secretary_title: str = ""
    adjuster_id: int | None = None
    adjuster_name: str = ""
    finalised_on: date | None = None
    sent_on: date | None = None
    revised_on: date | None = None
    revision_note: str = ""
    first_paragraph: int = 1
    previous_meeting_id: int | None = None
    sequence: int = 0
    # None only in minutes kept before the choice existed: they print as their kind did.
    numbering: Numbering | None = None
    group_by_category: bool = False  # items under "Informationsärenden", "Beslutsärenden", …

    @property
    def editable(self) -> bool:
        return self.status in (MeetingStatus.PLANNED, MeetingStatus.DRAFT)

    @property
    def numbering_style(self) -> Numbering:
        if self.numbering is not None:
            return self.numbering
        return Numbering.for_kind(self.kind is MeetingKind.PROTOCOL)


@dataclass(frozen=True)
class AttendanceData:
    id: int
    person_id: int | None
    name: str
    title: str
    organisation: str
    presence: Presence
    role: str = ""
    substitute_for_id: int | None = None
    substitute_for_name: str = ""
    member: bool = True
    # (group, role) in each of a joint meeting's groups the person belongs to on the day, when
    # the role is not the same in all of them
    group_roles: tuple[tuple[str, str], ...] = ()
    # As it happened at this meeting; the register is not touched.
    partial: str = ""  # "t.o.m. punkt 5"
    present_from: time | None = None
    present_to: time | None = None
    meeting_role: str = ""  # "tjänstgörande ordförande"
    note: str = ""

    @property
    def span(self) -> str:
        """ "t.o.m. punkt 5, från kl. 14.30", or "" when present all through."""
        return presence_span(self.partial, self.present_from, self.present_to)

    @property
    def role_label(self) -> str:
        """The role, and in a joint meeting where it is not the same in every group, the group
        of each: "ordförande i Klara-gruppen, ledamot i Trygghetsrådet"."""
        if not self.group_roles:
            return self.role
        return ", ".join(
            tr("{role} i {group}").format(role=role, group=group)
            for group, role in self.group_roles
        )

    @property
    def label(self) -> str:
        if self.presence is Presence.SUBSTITUTE and self.substitute_for_name:
            return tr("ersättare för {name}").format(name=self.substitute_for_name)
        return self.presence.label.lower()


@dataclass(frozen=True)
class NoteData:
    id: int
    text: str
    level: int = 0
    internal: bool = False
    paragraph: bool = False  # running text, not a bullet


@dataclass(frozen=True)
class DecisionData:
    id: int
    text: str
    internal: bool = False


@dataclass(frozen=True)
class Responsible:
    """One responsible for an action: a person, an organisation, or a person of an organisation."""

    person_id: int | None = None
    organisation_id: int | None = None
    name: str = ""  # "Anna Berg (Polisen)", "Socialtjänsten"


@dataclass(frozen=True)
class ProgressComment:
    """What a follow-up meeting said about an action ("remissen bereds av kommunstyrelsen")."""

    meeting_id: int
    day: date
    text: str


@dataclass(frozen=True)
class ActionData:
    id: int
    what: str
    responsibles: tuple[Responsible, ...]
    due_date: date | None
    status: ActionStatus
    internal: bool = False
    carried_count: int = 0
    since: date | None = None  # date of the meeting where it was given
    origin_meeting_id: int | None = None
    origin_item_title: str = ""
    closed_on: date | None = None
    # Under an internal agenda item: internal whatever its own flag (see domain.internal).
    inherited_internal: bool = False
    # At a follow-up: what this meeting said about it, and what earlier meetings said.
    comment: str = ""
    earlier_comments: tuple[ProgressComment, ...] = ()

    @property
    def open(self) -> bool:
        return self.status is ActionStatus.OPEN

    def overdue(self, on: date) -> bool:
        return action_overdue(self.status, self.due_date, on)

    def status_text(self, on: date) -> str:
        """ "Öppen", "Öppen, försenad", "Klart", "Struket" (see `action_status_text`)."""
        return action_status_text(self.status, self.due_date, on)

    @property
    def responsible(self) -> str:
        """ "Samordnaren och Kommunpolisen": every responsible, as one phrase ("" for none)."""
        return join_names([r.name for r in self.responsibles if r.name])

    @property
    def due_label(self) -> str:
        """The due date as printed: ISO date, or "" when the action has none (never "–")."""
        return self.due_date.isoformat() if self.due_date else ""


@dataclass(frozen=True)
class AgendaItemData:
    id: int
    position: int
    title: str
    kind: ItemKind
    body: str = ""
    internal: bool = False
    notes: tuple[NoteData, ...] = ()
    decisions: tuple[DecisionData, ...] = ()
    actions: tuple[ActionData, ...] = ()
    category: ItemCategory = ItemCategory.NONE
    presenter_id: int | None = None
    presenter: str = ""  # the person's name, or the free text when no person is named
    case_number: str = ""  # diarienummer
    slot_start: time | None = None
    slot_end: time | None = None
    proposal: str = ""  # förslag till beslut, apart from the decision
    papers_later: bool = False  # "handlingar kommer senare"
    unnumbered: bool = False  # a pause or a heading: no number, shifts none
    refers_to_id: int | None = None


@dataclass(frozen=True)
class TemplateData:
    id: int
    group_id: int
    name: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class AttendanceStat:
    """How often one person (or one organisation) attended the meetings of a year."""

    name: str
    organisation: str
    meetings: int
    present: int
    excused: int
    absent: int
    substitute: int = 0
    guest: int = 0

    @property
    def attended(self) -> int:
        return self.present + self.substitute + self.guest

    @property
    def rate(self) -> float:
        return self.attended / self.meetings if self.meetings else 0.0


@dataclass(frozen=True)
class NextMeetingPlan:
    """One meeting to plan from the minutes' "Nästa möte"."""

    group_ids: tuple[int, ...]
    day: date
    start_time: time | None = None
    end_time: time | None = None
    place: str = ""
    online_link: str = ""
    kind: MeetingKind = MeetingKind.NOTES


@dataclass(frozen=True)
class Note:
    """A bullet (or a paragraph of running text) typed in the notes editor, before it is stored."""

    text: str
    level: int = 0
    internal: bool = False
    paragraph: bool = False


# -- rules ----------------------------------------------------------------------------------


_GROUP_WORDS = ("gruppen", "grupp", "rådet", "nätverket", "forumet", "forum", "kommittén")
SHORT_NAME = 12


def short_group_name(name: str) -> str:
    """A short, still recognisable name: "Klara-gruppen" → "Klara", "Trygghetsrådet" → "TR"."""
    name = name.strip()
    if len(name) <= SHORT_NAME:
        return name
    lowered = name.lower()
    words = name.split()
    for word in _GROUP_WORDS:
        if lowered.endswith(word) and len(name) > len(word):
            stem = name[: -len(word)].rstrip(" -")
            if not stem:
                break
            if name[len(stem) :].startswith((" ", "-")) or len(stem) <= SHORT_NAME // 2:
                # "Klara-gruppen", "Norrby gruppen": the stem is the name people use
                if len(stem) <= SHORT_NAME:
                    return stem
                break
            # a compound ("Trygghetsrådet"): initials of its parts
            return (stem[:1] + word[:1]).upper()
    if len(words) > 1:
        return "".join(w[:1].upper() for w in words if w[:1].isalnum())
    return name if len(name) <= SHORT_NAME else name[: SHORT_NAME - 1] + "…"


def join_names(names: tuple[str, ...] | list[str]) -> str:
    """'A', 'A och B', 'A, B och C'."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + tr(" och ") + names[-1]


def default_title(kind: MeetingKind, group_names: tuple[str, ...] | list[str]) -> str:
    return f"{kind.label} {join_names(group_names)}".strip()


def meeting_name(group_names: tuple[str, ...] | list[str], day: date, title: str = "") -> str:
    """How a meeting is named where it is found or referred to, as the list shows it:
    "Klara-gruppen, 13 februari 2025". A stored title that says more than the group names
    (e.g. from an import) comes first: "Extra möte om skolan – Klara-gruppen, 13 maj 2025"."""
    groups = join_names(group_names)
    title = title.strip()
    if title in {groups, *(default_title(kind, group_names) for kind in MeetingKind)}:
        title = ""
    head = f"{title} – {groups}" if title and groups else title or groups
    when = long_date(day, weekday=False)
    return f"{head}, {when}" if head else when


def by_kind(kind: MeetingKind | str, protocol: str, notes: str) -> str:
    """Pick the sentence for a protokoll or for minnesanteckningar (they differ in words and
    in grammar: "Protokollet är justerat" / "Minnesanteckningarna är fastställda")."""
    return protocol if MeetingKind(kind) is MeetingKind.PROTOCOL else notes


def missing_officers(meeting: MeetingDetail, *, adjuster: bool = True) -> list[str]:
    """Who the minutes should name but the meeting doesn't (ordförande, the secretary in the
    kind's word, a protocol's justerare): the warning before finalising."""
    missing = []
    if meeting.chair_id is None:
        missing.append(tr("ordförande"))
    if meeting.secretary_id is None:
        missing.append(meeting.kind.secretary_label.lower())
    if adjuster and meeting.kind is MeetingKind.PROTOCOL and meeting.adjuster_id is None:
        missing.append(tr("justerare"))
    return missing


def carried_label(count: int) -> str:
    """ "förd vidare 2 ggr", or "" when the action has not been carried (never "0 ggr")."""
    if count <= 0:
        return ""
    if count == 1:
        return tr("förd vidare 1 gång")
    return tr("förd vidare {n} ggr").format(n=count)


def check_times(start: time | None, end: time | None) -> None:
    if end is not None and start is None:
        raise ValidationError(tr("Ange en starttid när mötet har en sluttid."), "start_time")
    if start is not None and end is not None and end <= start:
        raise ValidationError(tr("Mötet måste sluta efter att det börjat."), "end_time")


def clean_level(level: int) -> int:
    return max(0, min(MAX_LEVEL, int(level)))


def check_plain_text(text: str, *, field: str, label: str) -> str:
    """Refuse control characters (they break documents and e-mail) with a clear message.

    Emoji and other characters are accepted and stored as typed; the PDF exporters drop what
    the embedded font cannot draw (`export.pdf.base.drawable`).
    """
    return check_characters(text, field=field, label=label)


INTERNAL_MARK = "(intern)"
INDENT = "    "


def parse_notes(text: str) -> list[Note]:
    """Read the notes editor's text: one bullet per line, 4 spaces (or a tab) per level,
    a leading "(intern)" marks the bullet internal. Empty lines are dropped."""
    notes: list[Note] = []
    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.replace("\t", INDENT)
        stripped = line.lstrip(" ")
        if not stripped.strip():
            continue
        level = clean_level((len(line) - len(stripped)) // len(INDENT))
        stripped = stripped.lstrip("•-–* ").rstrip() if stripped[:1] in "•-–*" else stripped
        internal = stripped.lower().startswith(INTERNAL_MARK)
        if internal:
            stripped = stripped[len(INTERNAL_MARK) :].strip()
        if stripped:
            notes.append(Note(stripped.rstrip(), level, internal))
    return notes


def format_notes(notes: list[NoteData] | list[Note] | tuple[NoteData, ...]) -> str:
    """The inverse of `parse_notes`."""
    lines = []
    for note in notes:
        mark = f"{INTERNAL_MARK} " if note.internal else ""
        lines.append(f"{INDENT * note.level}{mark}{note.text}")
    return "\n".join(lines)
