"""Versions of the minutes kept as sent: which event made them, and the document's data as
JSON, so a version can be exported again exactly as it was.

The data is written field by field from the frozen dataclasses of `MeetingDocument` and read
back by their type hints. A field added later gets its default when an older version is read,
and a field that no longer exists is ignored, so versions stay readable across releases.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import types
import typing
import zlib
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import Enum, StrEnum
from functools import cache
from typing import Any

from trygghetsrad.domain.meetings.document import MeetingDocument
from trygghetsrad.errors import ValidationError
from trygghetsrad.i18n import tr

FORMAT = 1


class VersionEvent(StrEnum):
    FINALISED = "finalised"
    SENT = "sent"

    def label(self, protocol: bool) -> str:
        if self is VersionEvent.SENT:
            return tr("Skickat")
        return tr("Justerat") if protocol else tr("Fastställt")


@dataclass(frozen=True)
class MinutesVersionInfo:
    number: int
    event: VersionEvent
    recorded_on: date
    protocol: bool = False

    @property
    def label(self) -> str:
        """'Version 2 – skickat 2026-11-20'."""
        return tr("Version {n} – {event} {date}").format(
            n=self.number, event=self.event.label(self.protocol).lower(), date=self.recorded_on
        )


def dumps_document(doc: MeetingDocument) -> bytes:
    """The document as zlib-compressed UTF-8 JSON (a binary column: no text-length limit)."""
    text = json.dumps(
        {"format": FORMAT, "document": _to_data(doc)}, ensure_ascii=False, sort_keys=True
    )
    return zlib.compress(text.encode("utf-8"), 9)


def loads_document(data: bytes) -> MeetingDocument:
    stored = json.loads(zlib.decompress(data).decode("utf-8"))
    return typing.cast(MeetingDocument, _from_data(MeetingDocument, stored["document"]))


def check_document(data: bytes) -> None:
    """Refuse stored data that can't be read back as minutes (an edited import file)."""
    try:
        loads_document(data)
    except Exception as exc:  # any fault of the data: zlib, JSON, a type, a missing key
        raise ValidationError(tr("innehåller inga läsbara protokolldata"), "document") from exc


def _to_data(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        # A `transient` field (an attachment's bytes) is not part of what the minutes said.
        return {
            f.name: _to_data(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if not f.metadata.get("transient")
        }
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date | time | datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, tuple | list):
        return [_to_data(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _to_data(v) for k, v in value.items()}
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _from_data(tp: Any, value: Any) -> Any:
    """`value` (as `_to_data` wrote it) read back as type `tp`."""
    if typing.get_origin(tp) is not None:
        return _generic_from_data(tp, value)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _dataclass_from_data(tp, value)
    return _scalar_from_data(tp, value)


def _generic_from_data(tp: Any, value: Any) -> Any:
    """An optional value, a tuple, a list or a dict."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        present = [a for a in args if a is not type(None)]
        return None if value is None else _from_data(present[0], value)
    if origin is tuple:
        return tuple(_from_data(args[0], v) for v in value or ())
    if origin is list:
        return [_from_data(args[0], v) for v in value or ()]
    if origin is dict:
        return {k: _from_data(args[1], v) for k, v in (value or {}).items()}
    return value


def _dataclass_from_data(tp: type, value: dict[str, Any]) -> Any:
    """A frozen dataclass; a field an older version did not have gets its default."""
    hints = _hints(tp)
    kwargs = {}
    for f in dataclasses.fields(tp):
        if f.name in value:
            kwargs[f.name] = _from_data(hints[f.name], value[f.name])
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            kwargs[f.name] = _empty(hints[f.name])
    return tp(**kwargs)


_PARSERS: dict[Any, Any] = {
    datetime: datetime.fromisoformat,
    date: date.fromisoformat,
    time: time.fromisoformat,
    bytes: base64.b64decode,
}


def _scalar_from_data(tp: Any, value: Any) -> Any:
    """A date, time, timestamp, bytes, an enum member, or a plain JSON value."""
    parse = _PARSERS.get(tp)
    if parse is not None:
        return parse(value)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp(value)
    return value


def _empty(tp: Any) -> Any:
    """A value for a required field that an older version did not have."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType) and type(None) in typing.get_args(tp):
        return None
    if origin in (tuple, list, dict):
        return origin()
    if tp in (str, int, float, bool):
        return tp()
    return None
