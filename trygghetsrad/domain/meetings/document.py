"""Everything an export of one meeting needs, already filtered for internal content."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from trygghetsrad.domain.attachments import AttachmentInfo, OwnerKind
from trygghetsrad.domain.dates import long_date, short_date, time_span
from trygghetsrad.domain.meetings.agenda_structure import (
    ItemCategory,
    Numbering,
    format_slot,
    item_numbers,
    reference_text,
)
from trygghetsrad.domain.meetings.attendance_order import DEFAULT_ORDER, heading
from trygghetsrad.domain.meetings.model import (
    ActionData,
    AgendaItemData,
    AttendanceData,
    ItemKind,
    MeetingDetail,
    MeetingKind,
    MeetingStatus,
    MeetingSummary,
    Presence,
    by_kind,
    carried_label,
)
from trygghetsrad.domain.meetings.notice import NoticeData
from trygghetsrad.domain.text import says_word, title_beside
from trygghetsrad.i18n import tr

GROUP_END = "\n"  # see MeetingDocument.headings
ACTION_LIST_FROM = 6  # actions given at a meeting before they are listed again at the end


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
    # No agenda item of its own follows the actions up: the documents give them a section of
    # their own, so open actions come back whatever the agenda looks like.
    followup_apart: bool = True
    next_meetings: tuple[MeetingSummary, ...] = ()
    recipients: tuple[Recipient, ...] = ()
    contact_email: str = ""
    include_internal: bool = False
    today: date | None = None
    extra: dict[str, str] = field(default_factory=dict)
    notice: NoticeData = NoticeData()
    presence_order: tuple[Presence, ...] = DEFAULT_ORDER
    sender_email: str = ""  # the From of e-mail drafts, only when the settings name one
    without_address: tuple[str, ...] = ()  # on the attendance list but no e-mail address
    # "Bilaga 1", "Bilaga 2", …: the meeting's own, then each item's in agenda order
    # (`services.attachments.meeting_attachments`); bytes only for an e-mail draft.
    attachments: tuple[AttachmentInfo, ...] = ()

    @property
    def is_protocol(self) -> bool:
        return self.meeting.kind is MeetingKind.PROTOCOL

    @property
    def is_draft(self) -> bool:
        """Minutes not yet finalised (*justerat*/*fastställt*): every export says so."""
        return self.meeting.status in (MeetingStatus.PLANNED, MeetingStatus.DRAFT)

    @property
    def draft_note(self) -> str:
        """'Utkast – protokollet är inte justerat' (or the minnesanteckningar wording)."""
        return by_kind(
            self.meeting.kind,
            tr("Utkast – protokollet är inte justerat"),
            tr("Utkast – minnesanteckningarna är inte fastställda"),
        )

    @property
    def numbering(self) -> Numbering:
        return self.meeting.numbering_style

    def numbers(self) -> list[str]:
        """The printed number of every item of `items` ("" for none); see `item_numbers`."""
        return item_numbers(self.items, self.numbering, first=self.meeting.first_paragraph)

    def number(self, index: int) -> str:
        """'§ 12', '3.' or '' for the item at `index` of `items`; past the end, the number a
        new item would get."""
        if 0 <= index < len(self.items):
            return self.numbers()[index]
        if self.numbering is Numbering.NONE:
            return ""
        count = sum(1 for n in self.numbers() if n[:1] == "§" or n[:1].isdigit())
        count += index - len(self.items)
        if self.numbering.paragraphs:
            first = (
                self.meeting.first_paragraph if self.numbering is Numbering.PARAGRAPH_YEAR else 1
            )
            return f"§ {first + count}"
        return f"{count + 1}."

    def reference(self, item: AgendaItemData) -> str:
        """ "Se § 14 Årshjul 2023": the item's reference to another item of this document, by
        the target's current number; "" when it has none or the target is not in the document
        (an internal item left out)."""
        if item.refers_to_id is None:
            return ""
        for index, target in enumerate(self.items):
            if target.id == item.refers_to_id and target.id != item.id:
                number = self.number(index)
                return reference_text(number if not target.internal else "", target.title)
        return ""

    def headings(self) -> list[str]:
        """Per item, the kind heading printed above it when the meeting groups its items
        ("Beslutsärenden"), else "": one where the kind changes from the item before. An
        item without a kind after a group gets `GROUP_END`: the documents close the group
        with a rule, so "Nästa möte" does not seem to be one of the "Övrigt". An unnumbered
        item without a kind (a pause) between two items of one kind belongs to their group: it
        prints in its place with no heading and no rule, and the group goes on after it."""
        result = []
        previous = ItemCategory.NONE
        for index, item in enumerate(self.items):
            if previous is not ItemCategory.NONE and self._inside_group(index, previous):
                result.append("")
                continue
            changed = self.meeting.group_by_category and item.category is not previous
            if not changed:
                result.append("")
            elif item.category is ItemCategory.NONE:
                result.append(GROUP_END)
            else:
                result.append(item.category.heading)
            previous = item.category
        return result

    def _inside_group(self, index: int, kind: ItemCategory) -> bool:
        """True when the item at `index` is a pause (unnumbered, no kind) and the next item
        that is not one has `kind`, the kind of the group it stands in."""

        def pause(item: AgendaItemData) -> bool:
            return item.unnumbered and item.category is ItemCategory.NONE

        if not pause(self.items[index]):
            return False
        following = (item for item in self.items[index + 1 :] if not pause(item))
        return next((item.category for item in following), None) is kind

    @property
    def followup_section(self) -> bool:
        """True when the follow-up is printed as a section of its own (there is something to
        follow up and no agenda item for it). One placement in every document (notice,
        minutes, preview): before the first agenda item, where the earlier meetings' promises
        are checked before new business."""
        return self.followup_apart and bool(self.followup)

    def action_list(self) -> list[ActionData]:
        """The actions given at this meeting, listed once more after the signatures when there
        are enough to be worth a list of their own ("Uppdragslista"); else none. One rule
        for the minutes and their preview (each item also shows its own)."""
        given = [a for item in self.items if item.kind is ItemKind.NORMAL for a in item.actions]
        return given if len(given) >= ACTION_LIST_FROM else []

    def item_attachments(self, item: AgendaItemData) -> list[AttachmentInfo]:
        """The attachments of one agenda item, numbered as in the document's list."""
        return [a for a in self.attachments if a.owner is OwnerKind.ITEM and a.owner_id == item.id]

    def attendees(self, *presences: Presence) -> list[AttendanceData]:
        return [a for a in self.attendance if a.presence in presences]

    def attendance_groups(self) -> list[tuple[str, list[AttendanceData]]]:
        """(heading, people) per attendance category, in the order of the settings; empty
        categories are left out."""
        groups = [(heading(p), self.attendees(p)) for p in self.presence_order]
        return [(label, people) for label, people in groups if people]

    @property
    def groups_label(self) -> str:
        return self.meeting.groups_label

    @property
    def when(self) -> str:
        """'torsdag 11 maj 2023, kl. 10.00–12.00'."""
        return self.meeting.when

    @property
    def when_label(self) -> str:
        """ "Datum och tid", or "Datum" when no time was given: the label names what follows."""
        m = self.meeting
        return tr("Datum och tid") if m.start_time or m.end_time else tr("Datum")

    def head_rows(self) -> list[tuple[str, str]]:
        """The labelled rows under the minutes' title, as the PDF and the preview print them:
        when, where, the officers named, a revision."""
        m = self.meeting
        rows = [(self.when_label, self.when), *self.where_rows()]
        if m.chair_name:
            rows.append((tr("Ordförande"), m.chair_name))
        if m.secretary_name:
            rows.append((m.kind.secretary_label, m.secretary_name))
        if self.is_protocol and m.adjuster_name:
            rows.append((tr("Justerare"), m.adjuster_name))
        if m.revised_on:
            last = m.revision_note.splitlines()[-1] if m.revision_note else ""
            note = last.split(": ", 1)[1] if ": " in last else last
            text = tr("Reviderad {date}").format(date=short_date(m.revised_on))
            rows.append((tr("Revidering"), f"{text} – {note}" if note else text))
        return rows

    def signers(self) -> list[tuple[str, str]]:
        """(label, name) of each signature of a protocol; "" where nobody was named."""
        m = self.meeting
        return [
            (tr("Vid protokollet"), m.secretary_name),
            (tr("Ordförande"), m.chair_name),
            (tr("Justerare"), m.adjuster_name),
        ]

    @property
    def justering_line(self) -> str:
        """ "Protokollet justerat 12 maj 2026.", or "" before it is."""
        on = self.meeting.finalised_on
        if not (self.is_protocol and on):
            return ""
        return tr("Protokollet justerat {date}.").format(date=long_date(on, weekday=False))

    def followup_status(self, action: ActionData) -> str:
        """ "Öppen, försenad, förd vidare 3 ggr": an action's state on the day the document
        is made, as its follow-up prints it."""
        status = action.status_text(self.today or date.today())
        if action.open and action.carried_count:
            status += ", " + carried_label(action.carried_count)
        return status

    def attendee_parts(self, person: AttendanceData) -> tuple[str, str, str, str]:
        """(name, "ordförande, Title, Organisation, ersättare för …", "t.o.m. punkt 5",
        note): one attendance line of the minutes, each part as written."""
        detail = attendee_detail(person, chair_id=self.meeting.chair_id)
        if person.presence is Presence.SUBSTITUTE and person.substitute_for_name:
            extra = tr("ersättare för {name}").format(name=person.substitute_for_name)
            detail = f"{detail}, {extra}" if detail else extra
        return person.name, detail, person.span, person.note.strip()

    @property
    def where(self) -> str:
        parts = [p for p in (self.meeting.place, self.meeting.online_link) if p]
        return ", ".join(parts)

    def where_rows(self) -> list[tuple[str, str]]:
        """("Plats", …) and ("Länk", …) as the notice, the minutes and the preview all print
        them. One rule: what the link field says in words ("digitalt via Teams") is where the
        meeting is held, so it is part of the place; only a web address is a "Länk"."""
        m = self.meeting
        link = m.online_link.strip()
        if link and not is_web_address(link):
            place = ", ".join(p for p in (m.place.strip(), link) if p)
            return [(tr("Plats"), place)]
        rows = [(tr("Plats"), m.place.strip())] if m.place.strip() else []
        return [*rows, (tr("Länk"), link)] if link else rows

    def file_stem(self, what: str | None = None) -> str:
        """A file name users recognise: 'Minnesanteckningar Trygghetsrådet 2023-05-11'
        ('… 2023-05-11 utkast' for minutes not yet finalised)."""
        label = what or self.meeting.kind.label
        groups = " och ".join(self.meeting.group_names)
        name = f"{label} {groups} {self.meeting.day.isoformat()}"
        if self.is_draft and label == self.meeting.kind.label:
            name += " " + tr("utkast")
        return "".join(c for c in name if c not in '\\/:*?"<>|').strip()


def is_web_address(text: str) -> bool:
    """ "https://…", "www.…", "teams.microsoft.com/…": an address, not a description."""
    return re.match(r"^(\w+://|www\.)|^[\w-]+(\.[\w-]+)+/", text.strip(), re.IGNORECASE) is not None


def next_meeting_line(m: MeetingSummary) -> str:
    """'torsdag 11 maj 2023, kl. 10.00–12.00 för Klara-gruppen (digitalt via Teams)'."""
    span = time_span(m.start_time, m.end_time)
    text = long_date(m.day) + (f", {span}" if span else "")
    text += tr(" för {groups}").format(groups=m.groups_label)
    where = ", ".join(p for p in (m.place, m.online_link) if p)
    return f"{text} ({where})" if where else text


def item_facts(item: AgendaItemData, *, grouped: bool) -> list[str]:
    """What the notice and the minutes print under an item's heading, as councils write it:
    ["Beslutsärende", "Föredragande: Josef Lind", "Dnr KS 2023/114", "Tid 14.00–14.30"].
    The kind is left out where the items stand under kind headings."""
    facts = []
    if item.category is not ItemCategory.NONE and not grouped:
        facts.append(item.category.label)
    if item.presenter.strip():
        facts.append(tr("Föredragande: {name}").format(name=item.presenter.strip()))
    if item.case_number.strip():
        facts.append(tr("Dnr {number}").format(number=item.case_number.strip()))
    slot = format_slot(item.slot_start, item.slot_end)
    if slot:
        facts.append(tr("Tid {slot}").format(slot=slot))
    return facts


_SILENT_ROLES = ("ledamot", "adjungerad")  # what every line would say: not printed
_CHAIR = "ordförande"


def attendee_detail(person: AttendanceData, *, chair_id: int | None = None) -> str:
    """'ordförande, Kommunalråd, Storåkers kommun': the role in the group, the title and the
    organisation, each as written (never re-cased). The role is left out when the title
    already says it ("Ordförande i nämnden", "Folkhälsostrateg och samordnare").

    `chair_id` is who chairs this meeting: when that is not the group's ordförande, the one
    chairing is the *tjänstgörande ordförande* and the group's the *ordinarie ordförande*, so
    the minutes never call two people the chair."""
    role = person.role.strip()
    organisation = person.organisation.strip()
    title = title_beside(person.title.strip(), organisation)  # the workplace named once
    stand_in = chair_id is not None and person.person_id != chair_id
    if stand_in and role.casefold() == _CHAIR:
        role = tr("ordinarie ordförande")
    elif role in _SILENT_ROLES or (role and says_word(title, role)):
        role = ""
    if person.group_roles:  # a joint meeting, and not the same role in all its groups
        role = _roles_in_groups(person, title)
    # A role for this meeting only ("tjänstgörande ordförande") comes first.
    meeting_role = person.meeting_role.strip()
    chairs = chair_id is not None and person.person_id == chair_id
    if chairs and not meeting_role and person.role.strip().casefold() != _CHAIR:
        meeting_role = tr("tjänstgörande ordförande")
    parts = (meeting_role, role, title, organisation)
    return ", ".join(p for p in parts if p)


def _roles_in_groups(person: AttendanceData, title: str) -> str:
    """ "ordförande i Klara-gruppen": the roles worth printing, each with its group (being a
    *ledamot* goes without saying, as in a meeting of one group)."""
    return ", ".join(
        tr("{role} i {group}").format(role=role, group=group)
        for group, role in person.group_roles
        if role and role not in _SILENT_ROLES and not says_word(title, role)
    )
