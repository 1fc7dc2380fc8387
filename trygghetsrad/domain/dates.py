"""Swedish dates and times as users write and read them ("torsdag 11 maj 2023", "kl. 10.00–12.00")."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from trygghetsrad.errors import ValidationError
from trygghetsrad.i18n import tr

MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]
MONTHS_SHORT = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
WEEKDAYS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]


def long_date(day: date, *, weekday: bool = True) -> str:
    """'torsdag 11 maj 2023' (or '11 maj 2023')."""
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


def short_date(day: date) -> str:
    """ISO date, as Swedish authorities write it: '2023-05-11'."""
    return day.isoformat()


def clock(t: time) -> str:
    return f"{t.hour:02d}.{t.minute:02d}"


def time_span(start: time | None, end: time | None) -> str:
    """'kl. 10.00–12.00', 'kl. 10.00', or '' when there is no time."""
    if start is None:
        return ""
    if end is None:
        return f"kl. {clock(start)}"
    return f"kl. {clock(start)}–{clock(end)}"


def date_span(start: date, end: date | None) -> str:
    """'25–27 augusti 2023', '30 juni–2 juli 2023', '26 maj 2023'."""
    if end is None or end == start:
        return long_date(start, weekday=False)
    if start.year != end.year:
        return f"{long_date(start, weekday=False)}–{long_date(end, weekday=False)}"
    if start.month != end.month:
        return f"{start.day} {MONTHS[start.month - 1]}–{end.day} {MONTHS[end.month - 1]} {end.year}"
    return f"{start.day}–{end.day} {MONTHS[end.month - 1]} {end.year}"


def iso_week_label(day: date) -> str:
    """'v. 19' within the same year; 'v. 53 (2026)' when the ISO year differs from the date's."""
    iso_year, week, _ = day.isocalendar()
    return f"v. {week}" if iso_year == day.year else f"v. {week} ({iso_year})"


def iso_week_span(start: date, end: date | None = None) -> str:
    """Every week an item covers: 'v. 24–33'; one week as `iso_week_label` says it; the ISO
    year beside each week when the weeks' year is not the start date's ('v. 53 (2026)–v. 1
    (2027)')."""
    first, last = start.isocalendar(), (end or start).isocalendar()
    if end is None or end <= start or (first.year, first.week) == (last.year, last.week):
        return iso_week_label(start)
    if first.year == last.year == start.year:
        return f"v. {first.week}–{last.week}"
    return f"v. {first.week} ({first.year})–v. {last.week} ({last.year})"


def timestamp(moment: datetime) -> str:
    return f"{moment.date().isoformat()} {clock(moment.time())}"


def long_timestamp(moment: datetime) -> str:
    """'11 maj 2023 kl. 10.05': when a backup was made, as the window says it."""
    return f"{long_date(moment.date(), weekday=False)} kl. {clock(moment.time())}"


# -- dates a user types or imports -----------------------------------------------------------------

FIRST_YEAR = 1900
LAST_YEAR = 2100
"""Dates outside these years are typing mistakes (20266, 0226) in this app's records."""


def check_year(day: date, field: str | None = None) -> date:
    """`day`, or ValidationError(field) when its year is outside FIRST_YEAR–LAST_YEAR."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValidationError(
            tr("Året {year} är inte rimligt; ange ett år mellan {lo} och {hi}.").format(
                year=day.year, lo=FIRST_YEAR, hi=LAST_YEAR
            ),
            field,
        )
    return day


def parse_date(text: str, field: str | None = None) -> date:
    """The date written in `text` (ÅÅÅÅ-MM-DD or ÅÅÅÅMMDD), or ValidationError(field) with a
    Swedish sentence when it is incomplete, not in the calendar (2026-02-30) or outside
    FIRST_YEAR–LAST_YEAR (30000-01-01)."""
    match = re.match(r"^\s*(\d{4,})(?:-(\d{1,2})-(\d{1,2})|(\d{2})(\d{2}))\s*$", text)
    if not match:
        raise ValidationError(tr("Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-15."), field)
    year, month, day = (int(g) for g in match.groups() if g is not None)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError(
            tr("Året {year} är inte rimligt; ange ett år mellan {lo} och {hi}.").format(
                year=year, lo=FIRST_YEAR, hi=LAST_YEAR
            ),
            field,
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(
            tr("Datumet {text} finns inte i kalendern. Kontrollera månad och dag.").format(
                text=text.strip()
            ),
            field,
        ) from None


def parse_time(text: str, field: str | None = None) -> time:
    """The time of day written in `text` ("09.00", "9.00", "9:00", "0900" or "9"), or
    ValidationError(field) with a Swedish sentence when it is no time (25.00, 9.75, "nio")."""
    match = re.match(r"^\s*(?:(\d{1,2})(?:[.:](\d{2}))?|(\d{2})(\d{2}))\s*$", text)
    if match:
        hour_text, minute_text = match.group(1, 2) if match.group(1) else match.group(3, 4)
        hour, minute = int(hour_text), int(minute_text or 0)
        if hour <= 23 and minute <= 59:
            return time(hour, minute)
    raise ValidationError(
        tr("{text} är ingen tid. Skriv tiden som TT.MM, till exempel 09.30.").format(
            text=text.strip() or tr("Tomt")
        ),
        field,
    )
