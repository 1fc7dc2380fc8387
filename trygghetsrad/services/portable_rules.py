"""The rules an imported record must meet beyond its column type: those the app's forms and
services apply, so that an import never brings in a record the app cannot open or export.

Most rules follow from the table definitions and apply to every table, present and future:
- a column backed by an enum in `domain/` (`db/column_enums.py`) holds one of its values;
- text holds no control characters (newline and tab only in long text), no more characters
  than the column or the largest form field allows, and a text column the model requires
  (no default) is not blank: names, titles, texts;
- dates lie in the years the forms accept (`domain.dates.check_year`);
- an end is not before its start: every column pair named like `start_date`/`end_date`,
  `period_start`/`period_end`, `from_date`/`to_date`, `start_time`/`end_time`, `new_start`/
  `new_end`.
A few tables add the rules of their own domain module (`ROW_RULES`), for example a meeting's
times and a wheel event's recurrence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache
from typing import Any

from sqlalchemy import Column, Table, types

from trygghetsrad.db import column_enums
from trygghetsrad.domain.dates import check_year
from trygghetsrad.domain.text import SINGLE_LINE_MAX, check_characters
from trygghetsrad.errors import ValidationError
from trygghetsrad.i18n import tr

TEXT_LIMIT = 100_000
"""The longest text any form stores (the situation picture's parts); other long-text columns
are limited further by their forms, but an import must at least not exceed this."""

_PAIR_WORDS = (("start", "end"), ("from", "to"))


def _type_of(column: Column[Any]) -> types.TypeEngine[Any]:
    kind = column.type
    if isinstance(kind, types.TypeDecorator):
        return kind.impl_instance
    return kind


def _has_default(column: Column[Any]) -> bool:
    return column.default is not None or column.server_default is not None


def _value_label(enum: Any, value: str) -> str:
    member = enum(value)
    label = getattr(member, "label", "")
    if label and str(label).casefold() != value.casefold():
        return f"{value} ({label})"
    return value


def _enum_reason(table: str, column: str, value: str) -> str:
    enum = column_enums.enum_for(table, column)
    allowed = ", ".join(
        _value_label(enum, v) if v else tr("tomt")
        for v in column_enums.allowed_values(table, column)
    )
    return tr("”{value}” finns inte; tillåtna: {allowed}").format(value=value[:40], allowed=allowed)


@dataclass(frozen=True)
class _Pair:
    start: str
    end: str
    kind: str  # "date", "time" or "date-time"


def _kind(column: Column[Any]) -> str | None:
    kind = _type_of(column)
    if isinstance(kind, types.DateTime):
        return "date-time"
    if isinstance(kind, types.Date):
        return "date"
    if isinstance(kind, types.Time):
        return "time"
    return None


def _partner(name: str, start: str, end: str) -> str | None:
    words = name.split("_")
    if start not in words:
        return None
    return "_".join(end if w == start else w for w in words)


@cache
def start_end_pairs(table: Table) -> tuple[_Pair, ...]:
    columns = {c.name: c for c in table.columns}
    found: list[_Pair] = []
    for name, column in columns.items():
        kind = _kind(column)
        if kind is None:
            continue
        for start, end in _PAIR_WORDS:
            other = _partner(name, start, end)
            if other and other in columns and _kind(columns[other]) == kind:
                found.append(_Pair(name, other, kind))
    return tuple(found)


def _parse(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "date":
        return date.fromisoformat(value)
    if kind == "time":
        return time.fromisoformat(value)
    return datetime.fromisoformat(value)


def _comparable(a: Any, b: Any) -> bool:
    if isinstance(a, datetime) and isinstance(b, datetime):
        return (a.tzinfo is None) == (b.tzinfo is None)
    return True


def check_column(table: Table, column: Column[Any], value: Any) -> None:
    """Raise ValidationError(reason, column) when `value` (already of the column's JSON type)
    breaks a rule of the app."""
    if value is None:
        return
    name = column.name
    kind = _type_of(column)
    if isinstance(kind, types.String) and isinstance(value, str):
        allowed = column_enums.allowed_values(table.name, name)
        if allowed:
            if value not in allowed:
                raise ValidationError(_enum_reason(table.name, name, value), name)
            return
        limit = getattr(kind, "length", None) or TEXT_LIMIT
        if len(value) > limit:
            raise ValidationError(tr("texten är längre än {n} tecken").format(n=limit), name)
        if not column.nullable and not _has_default(column) and not value.strip():
            raise ValidationError(tr("får inte vara tomt"), name)
        try:
            check_characters(
                value, field=name, label=tr("Texten"), multiline=limit > SINGLE_LINE_MAX
            )
        except ValidationError as exc:
            raise ValidationError(_lower_first(str(exc)), name) from None
        return
    column_kind = _kind(column)
    if column_kind in ("date", "date-time") and isinstance(value, str):
        day = _parse(column_kind, value)
        try:
            check_year(day.date() if isinstance(day, datetime) else day, name)
        except ValidationError as exc:
            raise ValidationError(_lower_first(str(exc)), name) from None


def _lower_first(text: str) -> str:
    text = text.rstrip(".")
    return text[:1].lower() + text[1:]


def check_record(table: Table, record: dict[str, Any]) -> None:
    """Raise ValidationError(reason, field) for the first rule `record` breaks; `record` holds
    JSON values whose types were checked already."""
    for column in table.columns:
        if column.name in record:
            check_column(table, column, record[column.name])
    for pair in start_end_pairs(table):
        start = _parse(pair.kind, record.get(pair.start))
        end = _parse(pair.kind, record.get(pair.end))
        if start is None or end is None or not _comparable(start, end):
            continue
        if pair.kind == "time" and not _same_day(table, record):
            continue
        if end < start:
            raise ValidationError(
                tr("{end_value} ligger före {start} {start_value}").format(
                    end_value=record[pair.end],
                    start=pair.start,
                    start_value=record[pair.start],
                ),
                pair.end,
            )
    rule = ROW_RULES.get(table.name)
    if rule is not None:
        rule(record)


def _same_day(table: Table, record: dict[str, Any]) -> bool:
    """Times are compared only within one day: not for an event over several days."""
    for pair in start_end_pairs(table):
        if pair.kind == "date":
            start, end = record.get(pair.start), record.get(pair.end)
            if start is not None and end is not None and start != end:
                return False
    return True


# -- rules of one table, from its domain module ---------------------------------------------


def _time(record: dict[str, Any], name: str) -> time | None:
    value = record.get(name)
    return None if value is None else time.fromisoformat(value)


def _day(record: dict[str, Any], name: str) -> date | None:
    value = record.get(name)
    return None if value is None else date.fromisoformat(value)


def _meeting(record: dict[str, Any]) -> None:
    from trygghetsrad.domain.meetings.model import check_times

    _explained(check_times, _time(record, "start_time"), _time(record, "end_time"))


def _person(record: dict[str, Any]) -> None:
    from trygghetsrad.domain.register import clean_email

    if isinstance(record.get("email"), str):
        _explained(clean_email, record["email"])  # one address, as the register's form takes


def _minutes_version(record: dict[str, Any]) -> None:
    import base64

    from trygghetsrad.domain.meetings.minutes_versions import check_document

    check_document(base64.b64decode(record.get("document") or ""))


def _wheel_event(record: dict[str, Any]) -> None:
    from trygghetsrad.domain.wheel import model as wheel

    start = _day(record, "start_date")
    if start is None:
        return
    _explained(
        wheel.validate_span,
        start,
        _day(record, "end_date"),
        _time(record, "start_time"),
        _time(record, "end_time"),
        fields={"end": "end_date"},
    )
    frequency = record.get("frequency", wheel.Frequency.NONE.value)
    recurrence = wheel.Recurrence(
        frequency=wheel.Frequency(frequency),
        interval=record.get("interval", 1),
        until=_day(record, "until"),
        count=record.get("count"),
        nth=record.get("nth"),
        week=record.get("week"),
    )
    _explained(wheel.validate_recurrence, recurrence, start)


def _wheel_category(record: dict[str, Any]) -> None:
    from trygghetsrad.domain.wheel import model as wheel

    if "color" in record:
        _explained(wheel.validate_color, record["color"])


def _wheel_plan(record: dict[str, Any]) -> None:
    from trygghetsrad.domain.dates import FIRST_YEAR, LAST_YEAR

    year = record.get("year")
    if isinstance(year, int) and not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError(
            tr("året {year} är inte rimligt; ange ett år mellan {lo} och {hi}").format(
                year=year, lo=FIRST_YEAR, hi=LAST_YEAR
            ),
            "year",
        )
    month = record.get("start_month", 1)
    if not 1 <= month <= 12:
        raise ValidationError(tr("start_month ska vara en månad, 1–12"), "start_month")


def _agenda_note(record: dict[str, Any]) -> None:
    from trygghetsrad.domain.meetings.model import MAX_LEVEL

    level = record.get("level", 0)
    if not 0 <= level <= MAX_LEVEL:
        raise ValidationError(
            tr("level ska vara mellan 0 och {n}").format(n=MAX_LEVEL),
            "level",
        )


def _indicator_value(record: dict[str, Any]) -> None:
    from trygghetsrad.domain.situation.periods import parse_period

    period = record.get("period")
    if isinstance(period, str):
        canonical = _explained(parse_period, period)
        if canonical != period:
            raise ValidationError(
                tr("perioden ska skrivas {canonical}").format(canonical=canonical), "period"
            )


def _observation(record: dict[str, Any]) -> None:
    from trygghetsrad.domain.situation.picture import parse_months

    months = record.get("peak_months")
    if isinstance(months, str):
        _explained(parse_months, months)


def _frozen_picture(record: dict[str, Any]) -> None:
    from trygghetsrad.domain.situation import snapshot as situation_snapshot

    text = record.get("snapshot")
    if not text:
        return
    try:
        situation_snapshot.loads(text)
    except Exception:  # any damage to the stored copy makes it unreadable
        raise ValidationError(
            tr("den sparade kopian av den presenterade lägesbilden går inte att läsa"),
            "snapshot",
        ) from None


def _adopted_plan(record: dict[str, Any]) -> None:
    import json

    text = record.get("snapshot")
    if not text:
        return
    try:
        readable = isinstance(json.loads(text), dict)
    except (ValueError, RecursionError):
        readable = False
    if not readable:
        raise ValidationError(
            tr("den sparade kopian av den antagna planen går inte att läsa"), "snapshot"
        )


def _explained(check: Callable[..., Any], *args: Any, fields: dict[str, str] | None = None) -> Any:
    """Run a domain check and return its result; its Swedish sentence becomes the reason,
    its field the column."""
    try:
        return check(*args)
    except ValidationError as exc:
        field = (fields or {}).get(exc.field or "", exc.field)
        raise ValidationError(_lower_first(str(exc)), field) from None


ROW_RULES: dict[str, Callable[[dict[str, Any]], None]] = {
    "people": _person,
    "meetings": _meeting,
    "minutes_versions": _minutes_version,
    "wheel_events": _wheel_event,
    "wheel_categories": _wheel_category,
    "wheel_plans": _wheel_plan,
    "agenda_notes": _agenda_note,
    "indicator_values": _indicator_value,
    "observations": _observation,
    "situation_pictures": _frozen_picture,
    "action_plans": _adopted_plan,
}
