"""The events of an `.ics` file (e.g. from Outlook) one by one, times in Swedish local time.

The file is read by a small content-line reader of its own (RFC 5545 §3.1: unfolding,
parameters, text escapes, DATE and DATE-TIME values): `icalendar` builds an object per
property and took most of the import time of a big file (100,000 events: two minutes). An
event the reader does not fully understand itself (a time zone that is neither an IANA name
nor a Windows name, or a recurrence) is handed to `icalendar` on its own, together with the
file's VTIMEZONEs, so nothing is read differently from before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from trygghetsrad.domain.dates import FIRST_YEAR, LAST_YEAR, check_year
from trygghetsrad.errors import ValidationError
from trygghetsrad.i18n import tr

if TYPE_CHECKING:
    from trygghetsrad.domain.wheel.model import OccurrenceException, Recurrence

TZID = "Europe/Stockholm"

# (done, total) of the events read; called now and then while reading a big file
ProgressCallback = Callable[[int, int], None]
PROGRESS_EVERY = 2000


@dataclass(frozen=True)
class IcsEvent:
    uid: str
    title: str
    start: date
    end: date | None
    start_time: time | None
    end_time: time | None
    place: str
    description: str
    # A series that is one recurring wheel event (see wheel_ics_series)
    recurrence: Recurrence | None = None
    exceptions: tuple[OccurrenceException, ...] = ()


# -- content lines ---------------------------------------------------------------------------

_UNFOLD = re.compile(r"\r?\n[ \t]")
_NAME = re.compile(r"[A-Za-z0-9-]+")
_TEXT_ESCAPE = re.compile(r"\\([\\;,nN])")
_TEXT_ESCAPES = {"\\": "\\", ";": ";", ",": ",", "n": "\n", "N": "\n"}
# Properties that make an event a recurring series or a part of one: read by icalendar.
_RECURRENCE = frozenset({"RRULE", "RDATE", "EXDATE", "RECURRENCE-ID", "EXRULE"})
_SERIES = frozenset({"RRULE", "RDATE", "EXRULE"})  # what makes a VEVENT a series


@dataclass
class _Prop:
    params: dict[str, str]
    value: str


@dataclass
class _Component:
    name: str
    start_line: int  # index of its BEGIN line in `lines`
    end_line: int = -1
    lines: dict[str, str] = field(default_factory=dict)  # first line of each property, as read

    def prop(self, name: str) -> _Prop | None:
        """The property, parsed when asked for (most lines of a big file never are)."""
        line = self.lines.get(name)
        parts = _split(line) if line is not None else None
        return _Prop(parts[1], parts[2]) if parts is not None else None


def _split(line: str) -> tuple[str, dict[str, str], str] | None:
    """NAME;PARAM=VALUE;…:VALUE as its parts, or None when it is no content line."""
    head, colon, value = line.partition(":")
    if colon and '"' not in head:  # the common case, without quoted parameter values
        name, *rest = head.split(";")
        if not name or _NAME.fullmatch(name) is None:
            return None
        params: dict[str, str] = {}
        for param in rest:
            key, eq, param_value = param.partition("=")
            if not eq:
                return None
            params[key.upper()] = param_value
        return name.upper(), params, value
    return _split_quoted(line)


def _split_quoted(line: str) -> tuple[str, dict[str, str], str] | None:
    match = _NAME.match(line)
    if match is None:
        return None
    name = match.group(0).upper()
    pos = match.end()
    params: dict[str, str] = {}
    while pos < len(line) and line[pos] == ";":
        eq = line.find("=", pos + 1)
        if eq < 0:
            return None
        key = line[pos + 1 : eq].upper()
        pos = eq + 1
        values = []
        while True:
            if pos < len(line) and line[pos] == '"':
                close = line.find('"', pos + 1)
                if close < 0:
                    return None
                values.append(line[pos + 1 : close])
                pos = close + 1
            else:
                stop = pos
                while stop < len(line) and line[stop] not in ",;:":
                    stop += 1
                values.append(line[pos:stop])
                pos = stop
            if pos < len(line) and line[pos] == ",":
                pos += 1
                continue
            break
        params[key] = ",".join(values)
    if pos >= len(line) or line[pos] != ":":
        return None
    return name, params, line[pos + 1 :]


def _text(value: str) -> str:
    if "\\" not in value:
        return value
    return _TEXT_ESCAPE.sub(lambda m: _TEXT_ESCAPES[m.group(1)], value)


def _lines(data: bytes) -> list[str]:
    text = data.decode("utf-8", errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    return _UNFOLD.sub("", text).splitlines()


def _components(lines: list[str]) -> list[_Component]:
    """Every component of the file (nested ones too), in file order; raises ValueError."""
    found: list[_Component] = []
    stack: list[_Component] = []
    for number, line in enumerate(lines):
        match = _NAME.match(line)
        if match is None or line[match.end() : match.end() + 1] not in (":", ";"):
            if not line.strip() or stack:
                continue  # a broken line inside a component is ignored, as icalendar does
            raise ValueError(
                tr("rad {n} är ingen kalenderrad: {line}").format(n=number + 1, line=line[:60])
            )
        name = match.group(0).upper()
        if name == "BEGIN" or name == "END":
            parts = _split(line)
            if parts is None:
                continue
            value = parts[2].strip().upper()
            if name == "BEGIN":
                component = _Component(value, number)
                stack.append(component)
                found.append(component)
                continue
            if not stack or stack[-1].name != value:
                raise ValueError(
                    tr("rad {n}: END:{name} utan motsvarande BEGIN").format(
                        n=number + 1, name=value[:40]
                    )
                )
            stack.pop().end_line = number
        elif stack:
            stack[-1].lines.setdefault(name, line)
        else:
            raise ValueError(
                tr("rad {n} står utanför BEGIN:VCALENDAR: {line}").format(
                    n=number + 1, line=line[:60]
                )
            )
    if stack:
        raise ValueError(tr("BEGIN:{name} avslutas aldrig").format(name=stack[-1].name[:40]))
    if not found:
        raise ValueError(tr("filen innehåller ingen kalender (BEGIN:VCALENDAR saknas)"))
    return found


# -- values ----------------------------------------------------------------------------------

_ZONES: dict[str, tzinfo | None] = {}


def _zone(tzid: str) -> tzinfo | None:
    """The zone of a TZID that is an IANA or Windows name; None when only a VTIMEZONE in the
    file can say what it is."""
    if tzid not in _ZONES:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        zone: tzinfo | None = None
        name = tzid.strip().strip("/")
        try:
            zone = ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

            olson = WINDOWS_TO_OLSON.get(name)
            zone = ZoneInfo(olson) if olson else None
        _ZONES[tzid] = zone
    return _ZONES[tzid]


class _NeedsIcalendar(Exception):
    """This value's time zone is defined only by the file's VTIMEZONE."""


def _value(prop: _Prop) -> date | datetime:
    """The date or date-time of a DTSTART/DTEND; ValueError when it is none."""
    raw = prop.value.strip()
    kind = prop.params.get("VALUE", "").upper() if prop.params else ""
    if kind == "DATE" or (kind != "DATE-TIME" and len(raw) == 8):
        if len(raw) != 8 or not raw.isdigit():
            raise ValueError(raw)
        return date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
    utc = raw.endswith("Z")
    digits = raw[:-1] if utc else raw
    if len(digits) != 15 or digits[8] != "T" or not (digits[:8] + digits[9:]).isdigit():
        raise ValueError(raw)
    moment = datetime(
        int(digits[:4]),
        int(digits[4:6]),
        int(digits[6:8]),
        int(digits[9:11]),
        int(digits[11:13]),
        min(int(digits[13:]), 59),
    )
    if utc:
        return moment.replace(tzinfo=UTC)
    tzid = prop.params.get("TZID")
    if tzid:
        zone = _zone(tzid)
        if zone is None:
            raise _NeedsIcalendar
        return moment.replace(tzinfo=zone)
    return moment  # floating: local time as written


_STOCKHOLM: tzinfo | None = None


def _local(value: object) -> tuple[date, time | None]:
    global _STOCKHOLM
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            if _STOCKHOLM is None:
                from zoneinfo import ZoneInfo

                _STOCKHOLM = ZoneInfo(TZID)
            value = value.astimezone(_STOCKHOLM)
        return value.date(), value.time().replace(second=0, microsecond=0)
    if isinstance(value, date):
        return value, None
    raise ValueError("DTSTART saknas")


def _when(read: Callable[[], object], raw: str, number: int, title: str, name: str) -> Any:
    """The date (and time) of DTSTART/DTEND, or a Swedish ValueError naming the event when it
    is no date (20260230, "hej") or lies outside the years the app accepts (30000)."""
    try:
        day, at = _local(read())
    except ValueError:
        raise ValueError(
            tr("{what}: {label} {raw} är inget giltigt datum.").format(
                what=_what(number, title), label=_label(name), raw=raw[:40]
            )
        ) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        try:
            check_year(day)
        except ValidationError as exc:
            raise ValueError(
                tr("{what}: {label} {day}. {reason}").format(
                    what=_what(number, title), label=_label(name), day=day.isoformat(), reason=exc
                )
            ) from None
    return day, at


def _parser_problem(exc: Exception) -> str:
    """What the calendar parser's (English) error means, in Swedish."""
    import re

    text = str(exc)
    line = re.search(r"could not be parsed into parts: '(.*?)'", text)
    if line is not None:
        return tr("raden ”{line}” följer inte kalenderformatet").format(line=line[1][:60])
    if "END encountered without" in text:
        return tr("ett END saknar sitt BEGIN")
    if "multiple components" in text:
        return tr("filen innehåller flera kalendrar; importera en i taget")
    if "no components" in text:
        return tr("filen innehåller ingen hel kalender (BEGIN:VCALENDAR … END:VCALENDAR)")
    return tr("innehållet följer inte kalenderformatet")


def _what(number: int, title: str) -> str:
    return tr("Händelse {n} (”{title}”)").format(n=number, title=title[:60])


def _label(name: str) -> str:
    return tr("startdatumet") if name == "DTSTART" else tr("slutdatumet")


def _event(
    number: int,
    uid: str,
    title: str,
    dtstart: tuple[Callable[[], object], str],
    dtend: tuple[Callable[[], object], str] | None,
    place: str,
    description: str,
) -> IcsEvent:
    start, start_time = _when(*dtstart, number, title, "DTSTART")
    end: date | None = None
    end_time: time | None = None
    if dtend is not None:
        end, end_time = _when(*dtend, number, title, "DTEND")
        if start_time is None:
            end = end - timedelta(days=1)  # all-day DTEND is exclusive
        if end_time == time(0, 0) and start_time is not None and end > start:
            end, end_time = end - timedelta(days=1), time(23, 59)
    if end is not None and end <= start:
        end = None
    if start_time is not None and end_time is not None and end is None and end_time < start_time:
        end_time = None
    return IcsEvent(
        uid=uid,
        title=title,
        start=start,
        end=end,
        start_time=start_time,
        end_time=end_time,
        place=place,
        description=description,
    )


# -- events ----------------------------------------------------------------------------------


def _fast_event(number: int, component: _Component) -> IcsEvent | None:
    """The event read by this module alone; None when it has no DTSTART."""
    dtstart = component.prop("DTSTART")
    if dtstart is None:
        return None
    dtend = component.prop("DTEND")

    def reader(prop: _Prop) -> tuple[Callable[[], object], str]:
        return (lambda: _value(prop)), prop.value.strip()

    def text(name: str) -> str:
        prop = component.prop(name)
        return _text(prop.value) if prop is not None else ""

    return _event(
        number,
        text("UID"),
        text("SUMMARY"),
        reader(dtstart),
        reader(dtend) if dtend is not None else None,
        text("LOCATION"),
        text("DESCRIPTION"),
    )


def _icalendar_event(
    number: int, lines: list[str], component: _Component, timezones: list[str]
) -> IcsEvent | None:
    """The event read by icalendar, with the file's VTIMEZONEs beside it."""
    import icalendar

    block = lines[component.start_line : component.end_line + 1]
    text = "\r\n".join(["BEGIN:VCALENDAR", *timezones, *block, "END:VCALENDAR", ""])
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except Exception as exc:  # icalendar raises several kinds on broken input
        raise ValueError(_parser_problem(exc)) from exc
    vevents = calendar.walk("VEVENT")
    event = vevents[0] if vevents else None
    if event is None:
        return None
    dtstart = event.get("DTSTART")
    if dtstart is None:
        return None
    dtend = event.get("DTEND")

    def reader(prop: Any, name: str) -> tuple[Callable[[], object], str]:
        own = component.prop(name)
        raw = own.value.strip() if own is not None else ""
        return (lambda: prop.dt), raw

    return _event(
        number,
        str(event.get("UID", "")),
        str(event.get("SUMMARY", "")),
        reader(dtstart, "DTSTART"),
        reader(dtend, "DTEND") if dtend is not None else None,
        str(event.get("LOCATION", "")),
        str(event.get("DESCRIPTION", "")),
    )


def _uid(component: _Component) -> str:
    prop = component.prop("UID")
    return _text(prop.value) if prop is not None else ""
