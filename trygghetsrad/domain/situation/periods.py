"""Indicator periods: a year ('2024'), a quarter ('2024-Q3') or a month ('2024-05').

Users write periods in many ways ("2024", "2024 kv 3", "K3 2024", "2024-05", "maj 2024");
`parse_period` turns them into one canonical text that sorts and compares reliably.
"""

from __future__ import annotations

import re
from functools import lru_cache

from trygghetsrad.domain.dates import MONTHS, MONTHS_SHORT
from trygghetsrad.errors import ValidationError
from trygghetsrad.i18n import tr

YEAR = "year"
QUARTER = "quarter"
MONTH = "month"

_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})\s*[-/ ]?\s*(?:q|k|kv|kv\.|kvartal)\s*([1-4])$")
_QUARTER_FIRST = re.compile(r"^(?:q|k|kv|kv\.|kvartal)\s*([1-4])\s*[-/ ]?\s*(\d{4})$")
_MONTH = re.compile(r"^(\d{4})\s*[-/.m ]\s*(\d{1,2})$")
_MONTH_NAME = re.compile(r"^([a-zåäö]+)\.?\s+(\d{4})$|^(\d{4})\s+([a-zåäö]+)\.?$")

_MONTH_NAMES = {name: i + 1 for i, name in enumerate(MONTHS)} | {
    name: i + 1 for i, name in enumerate(MONTHS_SHORT)
}
_MONTH_NAMES["okt"] = 10
_MONTH_NAMES["sept"] = 9


@lru_cache(maxsize=4096)
def parse_period(text: str) -> str:
    """The canonical period for `text`; ValidationError with a Swedish message if it is none."""
    raw = str(text).strip().lower()
    if m := _YEAR.match(raw):
        return _check_year(m.group(1), text)
    if m := _QUARTER.match(raw):
        return f"{_check_year(m.group(1), text)}-Q{m.group(2)}"
    if m := _QUARTER_FIRST.match(raw):
        return f"{_check_year(m.group(2), text)}-Q{m.group(1)}"
    if m := _MONTH.match(raw):
        month = int(m.group(2))
        if 1 <= month <= 12:
            return f"{_check_year(m.group(1), text)}-{month:02d}"
    if m := _MONTH_NAME.match(raw):
        name, year = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        if name in _MONTH_NAMES:
            return f"{_check_year(year, text)}-{_MONTH_NAMES[name]:02d}"
    raise ValidationError(
        tr("”{text}” är ingen period; skriv till exempel 2024, 2024-K3 eller 2024-05.").format(
            text=text
        ),
        "period",
    )


def _check_year(year: str, text: str) -> str:
    if not 1900 <= int(year) <= 2200:
        raise ValidationError(tr("Året i ”{text}” är orimligt.").format(text=text), "period")
    return year


def period_kind(period: str) -> str:
    if len(period) == 4:
        return YEAR
    return QUARTER if period[5] == "Q" else MONTH


def period_sort_key(period: str) -> tuple[int, int]:
    """(year, month of the period's start) so that years, quarters and months interleave."""
    year = int(period[:4])
    if len(period) == 4:
        return (year, 0)
    if period[5] == "Q":
        return (year, (int(period[6]) - 1) * 3 + 1)
    return (year, int(period[5:7]))


def period_label(period: str) -> str:
    """'2024', 'kv. 3 2024', 'maj 2024'."""
    if len(period) == 4:
        return period
    if period[5] == "Q":
        return tr("kv. {q} {year}").format(q=period[6], year=period[:4])
    return f"{MONTHS[int(period[5:7]) - 1]} {period[:4]}"


def period_short(period: str) -> str:
    """Compact axis label: '2024', 'K3 24', 'maj 24'."""
    if len(period) == 4:
        return period
    if period[5] == "Q":
        return f"K{period[6]} {period[2:4]}"
    return f"{MONTHS_SHORT[int(period[5:7]) - 1]} {period[2:4]}"


def period_year(period: str) -> int:
    return int(period[:4])
