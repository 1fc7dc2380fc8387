"""Agenda items as councils write them: the kind of matter (*informationsärende*,
*beslutsärende*, …), the meeting's numbering style, time slots, unnumbered items and
references between items; attendance as it happened (part of the meeting, a role for that
meeting only). Pure rules, shared by the services, the documents and the screens."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import time
from enum import StrEnum
from typing import Protocol

from trygghetsrad.domain.dates import clock, parse_time
from trygghetsrad.errors import ValidationError
from trygghetsrad.i18n import tr

MAX_PRESENTER = 200
MAX_CASE_NUMBER = 100
MAX_PARTIAL = 200
MAX_MEETING_ROLE = 100
MAX_ATTENDANCE_NOTE = 300
MAX_PHRASE = 300


class ItemCategory(StrEnum):
    """What kind of matter an agenda item is; empty when the council doesn't say."""

    NONE = ""
    INFORMATION = "information"  # informationsärende
    DECISION = "decision"  # beslutsärende
    DISCUSSION = "discussion"
    OTHER = "other"  # övrigt

    @property
    def label(self) -> str:
        return {
            ItemCategory.NONE: tr("Ingen"),
            ItemCategory.INFORMATION: tr("Informationsärende"),
            ItemCategory.DECISION: tr("Beslutsärende"),
            ItemCategory.DISCUSSION: tr("Diskussion"),
            ItemCategory.OTHER: tr("Övrigt"),
        }[self]

    @property
    def heading(self) -> str:
        """The heading a group of such items stands under in the notice and the minutes."""
        return {
            ItemCategory.NONE: "",
            ItemCategory.INFORMATION: tr("Informationsärenden"),
            ItemCategory.DECISION: tr("Beslutsärenden"),
            ItemCategory.DISCUSSION: tr("Diskussionsfrågor"),
            ItemCategory.OTHER: tr("Övrigt"),
        }[self]


class Numbering(StrEnum):
    """How a meeting's items are numbered; chosen per meeting, whatever the kind of minutes."""

    PARAGRAPH_YEAR = "paragraph_year"  # § continuing through the year, from the first §
    PARAGRAPH_MEETING = "paragraph_meeting"  # § 1, § 2, … in every meeting
    DECIMAL = "decimal"  # 1., 2., 3.
    NONE = "none"

    @property
    def label(self) -> str:
        return {
            Numbering.PARAGRAPH_YEAR: tr("§ löpande under året"),
            Numbering.PARAGRAPH_MEETING: tr("§ från 1 i varje möte"),
            Numbering.DECIMAL: tr("1., 2., 3."),
            Numbering.NONE: tr("Ingen numrering"),
        }[self]

    @property
    def paragraphs(self) -> bool:
        return self in (Numbering.PARAGRAPH_YEAR, Numbering.PARAGRAPH_MEETING)

    @staticmethod
    def for_kind(protocol: bool) -> Numbering:
        """What a new meeting starts with, and what meetings made before the choice existed
        print: § in a protocol, 1., 2., … in minnesanteckningar."""
        return Numbering.PARAGRAPH_YEAR if protocol else Numbering.DECIMAL


def check_numbering(value: str | Numbering) -> str:
    try:
        return Numbering(value).value
    except ValueError:
        raise ValidationError(
            tr("Okänd numrering: {value}.").format(value=value), "numbering"
        ) from None


class NumberedItem(Protocol):
    @property
    def internal(self) -> bool: ...

    @property
    def unnumbered(self) -> bool: ...


def item_numbers(
    items: Sequence[NumberedItem], numbering: Numbering, *, first: int = 1
) -> list[str]:
    """The numbers of the agenda items as the minutes print them ("" for none).

    One rule on screen and in every export: the numbers are those of the minutes as adopted,
    which never contain internal items. An internal item therefore takes no number ("(intern,
    ingen §)"), so that leaving it out of a PDF does not change the numbers of the others.
    An unnumbered item (a pause, a heading) takes none either and shifts nothing.
    """
    numbers = []
    count = 0
    start = first if numbering is Numbering.PARAGRAPH_YEAR else 1
    for item in items:
        if item.unnumbered or numbering is Numbering.NONE:
            numbers.append("")
            continue
        if item.internal:
            numbers.append(tr("(intern, ingen §)") if numbering.paragraphs else "–")
            continue
        numbers.append(f"§ {start + count}" if numbering.paragraphs else f"{count + 1}.")
        count += 1
    return numbers


def reference_text(number: str, title: str) -> str:
    """How an item points at another: "Se § 14 Årshjul 2023", "Se punkt 6 Årshjul 2023",
    or by title alone when the target has no number ("Se punkten ”Fika”")."""
    number = number.strip()
    if number.startswith("§"):
        return tr("Se {mark} {title}").format(mark=number, title=title)
    if number[:1].isdigit():
        return tr("Se punkt {mark} {title}").format(mark=number.rstrip("."), title=title)
    return tr("Se punkten ”{title}”").format(title=title)


_SLOT_SPLIT = re.compile(r"\s*(?:–|—|-|till)\s*")


def parse_slot(text: str, field: str = "slot") -> tuple[time | None, time | None]:
    """An item's time slot as typed: "14.00–14.30", "14-14.30", "14:00 - 14:30", "14.00"
    (a start alone), or "" (none). The end must come after the start."""
    text = text.strip().removeprefix("kl.").strip()
    if not text:
        return None, None
    parts = [p for p in _SLOT_SPLIT.split(text, maxsplit=1)]
    try:
        start = parse_time(parts[0], field)
        end = parse_time(parts[1], field) if len(parts) > 1 and parts[1].strip() else None
    except ValidationError:
        raise ValidationError(
            tr("”{text}” är ingen tidsperiod. Skriv den som 14.00–14.30.").format(text=text),
            field,
        ) from None
    check_slot(start, end, field)
    return start, end


def check_slot(start: time | None, end: time | None, field: str = "slot") -> None:
    if end is not None and start is None:
        raise ValidationError(tr("Ange när punkten börjar, till exempel 14.00–14.30."), field)
    if start is not None and end is not None and end <= start:
        raise ValidationError(tr("Punkten måste sluta efter att den börjat."), field)


def slot_warning(
    start: time | None, end: time | None, meeting_start: time | None, meeting_end: time | None
) -> str:
    """A warning, not a refusal, when an item's slot lies outside the meeting's time (a
    meeting may run late, or the time was typed wrong); "" when it lies inside or either has
    no time."""
    if start is None or meeting_start is None:
        return ""
    before = start < meeting_start
    after = meeting_end is not None and (start >= meeting_end or (end or start) > meeting_end)
    if not (before or after):
        return ""
    return tr("Tiden {slot} ligger utanför mötets tid {meeting}.").format(
        slot=format_slot(start, end), meeting=format_slot(meeting_start, meeting_end)
    )


DEFAULT_SLOT_MINUTES = 30


def next_slot(
    earlier: Sequence[tuple[time | None, time | None]],
    meeting_start: time | None,
    meeting_end: time | None,
) -> tuple[time, time] | None:
    """The slot to offer an item without one: after the last earlier item's slot and as long
    (`earlier` are the slots of the items before it, in order), or the first half hour of the
    meeting; never past the meeting's end. None when there is nothing to go by."""
    timed = [(start, end) for start, end in earlier if start is not None]
    if timed:
        last_start, last_end = timed[-1]
        if last_start is None or last_end is None:
            return None
        start = last_end
        length = _minutes(last_end) - _minutes(last_start)
    elif meeting_start is not None:
        start, length = meeting_start, DEFAULT_SLOT_MINUTES
    else:
        return None
    stop = _minutes(start) + length
    if meeting_end is not None:
        if _minutes(start) >= _minutes(meeting_end):
            return None
        stop = min(stop, _minutes(meeting_end))
    if stop >= 24 * 60:
        return None
    return start, time(stop // 60, stop % 60)


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def format_slot(start: time | None, end: time | None) -> str:
    """ "14.00–14.30", "14.00", or ""."""
    if start is None:
        return ""
    return f"{clock(start)}–{clock(end)}" if end is not None else clock(start)


def presence_span(partial: str, present_from: time | None, present_to: time | None) -> str:
    """What part of the meeting someone attended, as the minutes say it: "t.o.m. punkt 5",
    "från kl. 14.30", "till kl. 15.00", "kl. 13.15–14.30", or "" for the whole meeting."""
    if present_from is not None and present_to is not None:
        times = tr("kl. {start}–{end}").format(start=clock(present_from), end=clock(present_to))
    elif present_from is not None:
        times = tr("från kl. {time}").format(time=clock(present_from))
    elif present_to is not None:
        times = tr("till kl. {time}").format(time=clock(present_to))
    else:
        times = ""
    return ", ".join(p for p in (partial.strip(), times) if p)


def check_presence_times(present_from: time | None, present_to: time | None) -> None:
    if present_from is not None and present_to is not None and present_to <= present_from:
        raise ValidationError(
            tr("Tiden personen gick måste komma efter tiden personen kom."), "present_to"
        )


def default_phrases() -> tuple[str, ...]:
    """The standard phrases a new database offers (editable in the settings)."""
    return (
        tr("Mötet förklaras öppnat."),
        tr("Dagordningen godkänns."),
        tr("Informationen läggs till handlingarna."),
        tr("Föregående mötes anteckningar läggs till handlingarna."),
        tr("Beslutar enligt förslaget."),
        tr("Frågan tas upp igen vid nästa möte."),
        tr("Mötet förklaras avslutat."),
    )


def parse_phrases(text: str) -> tuple[str, ...]:
    """The standard phrases as stored: one per line, blank lines and repeats dropped."""
    seen: set[str] = set()
    phrases = []
    for line in text.replace("\r\n", "\n").split("\n"):
        phrase = line.strip()
        if phrase and phrase not in seen:
            seen.add(phrase)
            phrases.append(phrase)
    return tuple(phrases)


def format_phrases(phrases: Sequence[str]) -> str:
    return "\n".join(parse_phrases("\n".join(phrases)))
