"""The annual wheel's own records: categories (rings), events with recurrence, plans and holidays.

Pure Python. Recurrence is expanded with `dateutil.rrule`; each occurrence of a recurring event
can be moved or cancelled by an exception keyed on its original date. Expanded occurrences are
`CalendarItem`s, exactly like the items other workspaces put on the wheel, with keys
"wheel:<event id>" (single) or "wheel:<event id>@<original date>" (an occurrence of a series).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import cache
from typing import Any, Literal

from dateutil import rrule

from trygghetsrad.domain import calendar_items as ci
from trygghetsrad.domain import text as text_rules
from trygghetsrad.domain.calendar_items import CalendarItem, Owner
from trygghetsrad.domain.changes import WHEEL
from trygghetsrad.errors import ValidationError
from trygghetsrad.i18n import plural, tr

# Standard rings, outermost first: key, Swedish name, colour. Names, colours and order are editable.
DEFAULT_CATEGORIES: list[tuple[str, str, str]] = [
    (ci.MEETINGS, "Möten", "#1f5a8c"),
    (ci.EVENTS, "Evenemang", "#d9822b"),
    (ci.CAMPAIGNS, "Kampanjveckor", "#8e4fa8"),
    (ci.LAW_CHANGES, "Lagändringar", "#b23a48"),
    (ci.MEASUREMENTS, "Mätningar", "#2a8c82"),
    (ci.DATA_DELIVERIES, "Leveranser av underlag", "#6c7a89"),
    (ci.DEADLINES, "Uppdrag att slutföra", "#c2a000"),
]
STANDARD_KEYS = frozenset(key for key, _n, _c in DEFAULT_CATEGORIES)

TITLE_MAX = 200
TEXT_MAX = 5000
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


class Frequency(StrEnum):
    NONE = "none"
    WEEKLY = "weekly"  # every `interval` weeks on the start's weekday
    MONTHLY = "monthly"  # every `interval` months on the start's day ("four times a year" = 3)
    MONTHLY_NTH = "monthly_nth"  # the n:th (or last, -1) weekday of every `interval` months
    YEARLY = "yearly"  # the same date every year
    YEARLY_WEEK = "yearly_week"  # ISO week N every year ("vecka 10 varje år")


FREQUENCY_LABELS = {
    Frequency.NONE: "Upprepas inte",
    Frequency.WEEKLY: "Varje vecka",
    Frequency.MONTHLY: "Varje månad",
    Frequency.MONTHLY_NTH: "Viss veckodag i månaden",
    Frequency.YEARLY: "Samma datum varje år",
    Frequency.YEARLY_WEEK: "Samma vecka varje år",
}


class PlanStatus(StrEnum):
    DRAFT = "draft"
    ADOPTED = "adopted"


RESERVATION_TEXT = "med reservation för korrigeringar under året"


@dataclass(frozen=True)
class WheelCategory:
    id: int
    key: str
    name: str
    color: str
    position: int
    visible: bool = True

    @property
    def standard(self) -> bool:
        return self.key in STANDARD_KEYS


@dataclass(frozen=True)
class Recurrence:
    frequency: Frequency = Frequency.NONE
    interval: int = 1
    until: date | None = None
    count: int | None = None
    nth: int | None = None  # MONTHLY_NTH: 1..4 or -1 for the last
    week: int | None = None  # YEARLY_WEEK: ISO week number

    @property
    def repeats(self) -> bool:
        return self.frequency is not Frequency.NONE

    def describe(self, start: date) -> str:
        from trygghetsrad.domain.dates import WEEKDAYS

        f = self.frequency
        if f is Frequency.NONE:
            return ""
        if f is Frequency.WEEKLY:
            day = WEEKDAYS[start.weekday()]
            return (
                tr("varje {day}").format(day=day)
                if self.interval == 1
                else tr("var {n}:e vecka ({day})").format(n=self.interval, day=day)
            )
        if f is Frequency.MONTHLY:
            if 12 % self.interval == 0 and self.interval > 1:
                return tr("{times} per år").format(
                    times=plural(12 // self.interval, tr("gång"), tr("gånger"))
                )
            return (
                tr("varje månad")
                if self.interval == 1
                else tr("var {n}:e månad").format(n=self.interval)
            )
        if f is Frequency.MONTHLY_NTH:
            nth = self.nth or 1
            which = tr("sista") if nth < 0 else f"{nth}:a" if nth in (1, 2) else f"{nth}:e"
            return tr("{which} {day} i månaden").format(which=which, day=WEEKDAYS[start.weekday()])
        if f is Frequency.YEARLY:
            return tr("varje år")
        return tr("vecka {week} varje år").format(week=self.week or start.isocalendar()[1])


@dataclass(frozen=True)
class OccurrenceException:
    original: date
    cancelled: bool = False
    new_start: date | None = None
    new_end: date | None = None


@dataclass(frozen=True)
class WheelEvent:
    id: int
    title: str
    category: str
    start: date
    end: date | None = None
    start_time: time | None = None
    end_time: time | None = None
    place: str = ""
    description: str = ""
    responsible: str = ""
    internal: bool = False
    recurrence: Recurrence = field(default_factory=Recurrence)
    exceptions: tuple[OccurrenceException, ...] = ()

    @property
    def duration(self) -> timedelta:
        return (self.end or self.start) - self.start


@dataclass(frozen=True)
class PlanChange:
    id: int
    changed_on: date
    text: str


@dataclass(frozen=True)
class WheelPlan:
    year: int
    status: PlanStatus = PlanStatus.DRAFT
    adopted_on: date | None = None
    adopted_by: str = ""
    reservation: bool = True
    start_month: int = 1
    changes: tuple[PlanChange, ...] = ()

    def status_text(self) -> str:
        from trygghetsrad.domain.dates import long_date

        if self.status is PlanStatus.DRAFT or self.adopted_on is None:
            return tr("Utkast")
        text = tr("Fastställd {day}").format(day=long_date(self.adopted_on, weekday=False))
        if self.adopted_by:
            text += tr(" av {who}").format(who=self.adopted_by)
        if self.reservation:
            text += ", " + tr(RESERVATION_TEXT)
        return text


@dataclass(frozen=True)
class Holiday:
    day: date
    name: str


@dataclass(frozen=True)
class WheelDocument:
    """Everything an export of one year's wheel needs (already stripped of internal items)."""

    year: int
    start: date  # first day shown
    end: date  # first day after the span
    categories: tuple[WheelCategory, ...]
    items: tuple[CalendarItem, ...]
    holidays: tuple[Holiday, ...]
    plan: WheelPlan
    municipality: str = ""
    logo: bytes | None = None
    today: date | None = None
    sequences: dict[str, int] = field(default_factory=dict)  # item key -> SEQUENCE for .ics

    @property
    def title(self) -> str:
        if self.start.month == 1:
            return tr("Årshjul {year}").format(year=self.year)
        return tr("Årshjul {a}/{b}").format(a=self.year, b=str(self.year + 1)[-2:])

    @property
    def year_label(self) -> str:
        return str(self.year) if self.start.month == 1 else f"{self.year}/{str(self.year + 1)[-2:]}"


# -- keys ----------------------------------------------------------------------------------------


def event_key(event_id: int, original: date | None = None) -> str:
    return f"wheel:{event_id}" if original is None else f"wheel:{event_id}@{original.isoformat()}"


def parse_key(key: str) -> tuple[int, date | None] | None:
    """(event id, original date of the occurrence or None) for a wheel key; None for others."""
    if not key.startswith("wheel:"):
        return None
    rest = key[len("wheel:") :]
    ident, _, day = rest.partition("@")
    try:
        return int(ident), (date.fromisoformat(day) if day else None)
    except ValueError:
        return None


def uid_for(key: str) -> str:
    """'meeting:12' -> 'meeting-12@trygghetsrad.local' (the UID the meeting invitation uses too)."""
    return f"{key.replace(':', '-').replace('@', '-')}@trygghetsrad.local"


def series_key(key: str) -> str:
    """The key shared by all occurrences of one series (the key itself for anything else)."""
    return key.partition("@")[0]


# -- validation ----------------------------------------------------------------------------------


def clean_text(value: str, field_name: str, label: str, *, required: bool, limit: int) -> str:
    """The wheel's spelling of `domain.text.clean_text` (one rule for every text field)."""
    return text_rules.clean_text(
        value, field=field_name, label=label, required=required, max_length=limit
    )


def validate_color(color: str) -> str:
    if not _COLOR.match(color or ""):
        raise ValidationError(tr("Färgen ska anges som #rrggbb."), "color")
    return color.lower()


def validate_span(
    start: date, end: date | None, start_time: time | None, end_time: time | None
) -> None:
    if end is not None and end < start:
        raise ValidationError(tr("Slutdatum kan inte ligga före startdatum."), "end")
    if end is not None and (end - start).days > 366:
        raise ValidationError(tr("En händelse kan vara högst ett år lång."), "end")
    if (
        start_time is not None
        and end_time is not None
        and (end is None or end == start)
        and end_time < start_time
    ):
        raise ValidationError(tr("Sluttiden kan inte ligga före starttiden."), "end_time")
    if end_time is not None and start_time is None:
        raise ValidationError(tr("Ange en starttid när du anger en sluttid."), "start_time")


def validate_recurrence(rec: Recurrence, start: date) -> None:
    if not 1 <= rec.interval <= 52:
        raise ValidationError(tr("Intervallet ska vara mellan 1 och 52."), "interval")
    if rec.until is not None and rec.until < start:
        raise ValidationError(tr("Upprepningen kan inte sluta före första tillfället."), "until")
    if rec.count is not None and not 1 <= rec.count <= 500:
        raise ValidationError(tr("Antalet tillfällen ska vara mellan 1 och 500."), "count")
    if rec.frequency is Frequency.MONTHLY_NTH and rec.nth not in (None, 1, 2, 3, 4, -1):
        raise ValidationError(tr("Välj första till fjärde eller sista veckodagen."), "nth")
    if rec.frequency is Frequency.YEARLY_WEEK and rec.week is not None and not 1 <= rec.week <= 53:
        raise ValidationError(tr("Veckonumret ska vara mellan 1 och 53."), "week")


# -- recurrence ----------------------------------------------------------------------------------


_Freq = Literal[0, 1, 2, 3, 4, 5, 6]  # rrule.YEARLY … rrule.SECONDLY


def _rule(event: WheelEvent) -> rrule.rrule:
    rec = event.recurrence
    start = event.start
    until = _dt(rec.until) if rec.until is not None else None

    def rule(freq: _Freq, **by: Any) -> rrule.rrule:
        return rrule.rrule(
            freq, dtstart=_dt(start), interval=rec.interval, until=until, count=rec.count, **by
        )

    weekday = rrule.weekdays[start.weekday()]
    f = rec.frequency
    if f is Frequency.WEEKLY:
        return rule(rrule.WEEKLY, byweekday=weekday)
    if f is Frequency.MONTHLY:
        return rule(rrule.MONTHLY, bymonthday=start.day)
    if f is Frequency.MONTHLY_NTH:
        nth = rec.nth or min((start.day - 1) // 7 + 1, 4)
        return rule(rrule.MONTHLY, byweekday=weekday(nth))
    if f is Frequency.YEARLY:
        return rule(rrule.YEARLY, bymonth=start.month, bymonthday=start.day)
    week = rec.week or start.isocalendar()[1]
    return rule(rrule.YEARLY, byweekno=week, byweekday=weekday)


def _dt(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def occurrence_dates(event: WheelEvent, start: date, end: date) -> list[date]:
    """Original start dates of the series whose span touches [start, end] (before exceptions)."""
    if not event.recurrence.repeats:
        return [event.start] if event.start <= end and event.start + event.duration >= start else []
    rule = _rule(event)
    lo = _dt(start - event.duration)
    hi = _dt(end)
    return [d.date() for d in rule.between(lo, hi, inc=True)]


def expand(
    event: WheelEvent, start: date, end: date, category: str | None = None
) -> list[CalendarItem]:
    """The occurrences of `event` touching [start, end], with moves and cancellations applied."""
    exceptions = {e.original: e for e in event.exceptions}
    items: list[CalendarItem] = []
    repeats = event.recurrence.repeats
    # A moved occurrence may move into the range from outside: look a year either way.
    search_lo = start - timedelta(days=400) if exceptions else start
    search_hi = end + timedelta(days=400) if exceptions else end
    for original in occurrence_dates(event, search_lo, search_hi):
        exc = exceptions.get(original)
        if exc is not None and exc.cancelled:
            continue
        first = original
        last = original + event.duration
        if exc is not None and exc.new_start is not None:
            first = exc.new_start
            last = exc.new_end or (first + event.duration)
        if last < start or first > end:
            continue
        items.append(
            CalendarItem(
                key=event_key(event.id, original if repeats else None),
                title=event.title,
                category=category or event.category,
                start=first,
                end=last if last != first else None,
                start_time=event.start_time,
                end_time=event.end_time,
                place=event.place,
                description=event.description,
                responsible=event.responsible,
                internal=event.internal,
                owner=Owner(WHEEL, "wheel_event", event.id),
            )
        )
    return items


# -- holidays ------------------------------------------------------------------------------------


@cache
def _holidays_for(year: int) -> tuple[Holiday, ...]:
    import holidays

    table = holidays.country_holidays(
        "SE", years=year, language="sv", categories=("public", "de_facto")
    )
    return tuple(Holiday(day, name) for day, name in sorted(table.items()))


def swedish_holidays(start: date, end: date) -> list[Holiday]:
    """Swedish public holidays plus Midsommarafton, Julafton and Nyårsafton, in Swedish."""
    out: list[Holiday] = []
    for year in range(start.year, end.year + 1):
        out.extend(h for h in _holidays_for(year) if start <= h.day <= end)
    return out


def sort_items(items: list[CalendarItem]) -> list[CalendarItem]:
    midnight = time(0, 0)
    return sorted(
        items, key=lambda i: (i.start, i.start_time is not None, i.start_time or midnight, i.title)
    )
