"""What the user decides about a document the app generates, and dates known only in part.

A report (situation picture, action plan, follow-up) or an agreement gets a title, a date
of issue and an author from the user, and chapters the user writes before or after the
generated sections. A date may be known only to the month or the year ("juni 2023"): it is
stored as the first day of that month or year together with its precision, and printed
as no more than the source says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from trygghetsrad.domain.dates import FIRST_YEAR, LAST_YEAR, MONTHS, long_date, parse_date
from trygghetsrad.errors import ValidationError
from trygghetsrad.i18n import tr

# -- dates known in part -----------------------------------------------------------------------


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True)
class PartialDate:
    """A date as exact as the source: a day, a month or a year."""

    start: date  # the first day it can mean
    precision: DatePrecision = DatePrecision.DAY

    @classmethod
    def of(cls, day: date | None, precision: str | None) -> PartialDate | None:
        if day is None:
            return None
        try:
            p = DatePrecision(precision or DatePrecision.DAY)
        except ValueError:
            p = DatePrecision.DAY
        if p is DatePrecision.YEAR:
            return cls(date(day.year, 1, 1), p)
        if p is DatePrecision.MONTH:
            return cls(date(day.year, day.month, 1), p)
        return cls(day, p)

    @property
    def text(self) -> str:
        """'12 mars 2026', 'juni 2023' or '2023'."""
        if self.precision is DatePrecision.YEAR:
            return str(self.start.year)
        if self.precision is DatePrecision.MONTH:
            return f"{MONTHS[self.start.month - 1]} {self.start.year}"
        return long_date(self.start, weekday=False)

    @property
    def entry_text(self) -> str:
        """How a form shows it for editing: '2026-03-12', 'juni 2023' or '2023'."""
        if self.precision is DatePrecision.DAY:
            return self.start.isoformat()
        return self.text


_MONTH_NUMBER = {name: i + 1 for i, name in enumerate(MONTHS)}
_MONTH_NUMBER.update({name[:3]: i + 1 for i, name in enumerate(MONTHS)})


def parse_partial_date(text: str, field: str | None = None) -> PartialDate:
    """'2026-03-12', '12 mars 2026', 'juni 2023', '2023-06' or '2023'; ValidationError
    with a Swedish sentence otherwise."""
    value = " ".join(text.strip().lower().split())
    if re.fullmatch(r"\d{4}", value):
        return PartialDate(date(_year(int(value), field), 1, 1), DatePrecision.YEAR)
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", value)
    if match:
        return _month(int(match[1]), int(match[2]), field)
    match = re.fullmatch(r"([a-zåäö]+)\.? (\d{4})", value)
    if match and match[1] in _MONTH_NUMBER:
        return _month(int(match[2]), _MONTH_NUMBER[match[1]], field)
    match = re.fullmatch(r"(\d{1,2}) ([a-zåäö]+)\.? (\d{4})", value)
    if match and match[2] in _MONTH_NUMBER:
        year, month, day = int(match[3]), _MONTH_NUMBER[match[2]], int(match[1])
        try:
            return PartialDate(date(_year(year, field), month, day))
        except ValueError:
            raise ValidationError(
                tr("Datumet {text} finns inte i kalendern.").format(text=text.strip()), field
            ) from None
    if re.fullmatch(r"\d{4,}-?\d{2}-?\d{2}", value):
        return PartialDate(parse_date(value, field))
    raise ValidationError(
        tr(
            "Skriv datumet som ÅÅÅÅ-MM-DD, eller bara månad och år (juni 2023) eller år (2023) "
            "om det är allt som är känt."
        ),
        field,
    )


def _year(year: int, field: str | None) -> int:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError(
            tr("Året {year} är inte rimligt; ange ett år mellan {lo} och {hi}.").format(
                year=year, lo=FIRST_YEAR, hi=LAST_YEAR
            ),
            field,
        )
    return year


def _month(year: int, month: int, field: str | None) -> PartialDate:
    if not 1 <= month <= 12:
        raise ValidationError(tr("Månaden {m} finns inte.").format(m=month), field)
    return PartialDate(date(_year(year, field), month, 1), DatePrecision.MONTH)


# -- documents the user titles -----------------------------------------------------------------


class DocumentKind(StrEnum):
    SITUATION_REPORT = "situation_report"
    ACTION_PLAN = "action_plan"
    FOLLOWUP = "followup"
    AGREEMENT = "agreement"

    @property
    def label(self) -> str:
        return {
            DocumentKind.SITUATION_REPORT: tr("Lägesbildsrapport"),
            DocumentKind.ACTION_PLAN: tr("Åtgärdsplan"),
            DocumentKind.FOLLOWUP: tr("Uppföljningsrapport"),
            DocumentKind.AGREEMENT: tr("Överenskommelse"),
        }[self]


class Placement(StrEnum):
    BEFORE = "before"
    AFTER = "after"

    @property
    def label(self) -> str:
        return (
            tr("Före de genererade avsnitten")
            if self is Placement.BEFORE
            else tr("Efter de genererade avsnitten")
        )


@dataclass(frozen=True)
class Chapter:
    heading: str
    body: str = ""
    placement: str = Placement.BEFORE.value
    id: int | None = None
    position: int = 0


@dataclass(frozen=True)
class DocumentSettings:
    """The user's title, date of issue, author and chapters of one document (all optional:
    an empty field means the document's own default)."""

    kind: str
    owner: int  # the picture, plan or agreement id, or the year of a follow-up
    title: str = ""
    issued_on: date | None = None
    author: str = ""
    chapters: tuple[Chapter, ...] = ()
    id: int | None = None

    def chapters_at(self, placement: Placement) -> list[Chapter]:
        return [c for c in self.chapters if c.placement == placement.value]

    def title_or(self, default: str) -> str:
        return self.title or default


@dataclass(frozen=True)
class DocumentHead:
    """What the top of a generated document says about itself."""

    title: str
    issued_on: date | None
    author: str

    def issue_line(self) -> str:
        """'Utfärdad 3 mars 2027 av Maja Lindqvist'; only what is known."""
        parts = []
        if self.issued_on is not None:
            parts.append(tr("Utfärdad {day}").format(day=long_date(self.issued_on, weekday=False)))
        if self.author:
            parts.append(
                tr("av {author}").format(author=self.author)
                if parts
                else tr("Upprättad av {author}").format(author=self.author)
            )
        return " ".join(parts)
