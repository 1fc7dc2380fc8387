"""The data file's vocabulary, shared by export, import and the import's checks.

Which tables a file holds and their Swedish names, how each column type is written and
read (`codec_for`), keys and defaults, the problem an import reports (`ImportProblem`) and
the detailed JSON Schema (`json_schema`). `portable` (export, import) and `portable_check`
(the checks of each record) both build on this module.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, TypeGuard

from sqlalchemy import Column, Table, types
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from trygghetsrad.db import column_enums
from trygghetsrad.db.models import Base
from trygghetsrad.errors import UserError
from trygghetsrad.i18n import tr

FORMAT = "trygghetsrad-data"


FORMAT_VERSION = 1


SKIPPED_TABLES = frozenset({"alembic_version"})


# Swedish names of the tables that `references.TABLE_LABELS` doesn't name (or names for
# another purpose), for import messages.
_IMPORT_LABELS: dict[str, str] = {
    "organisations": "organisationer",
    "groups": "grupper",
    "settings": "inställningar",
    "meeting_groups": "mötens grupper",
    "agenda_items": "dagordningspunkter",
    "agenda_notes": "anteckningar",
    "decisions": "beslut",
    "action_responsibles": "uppdragens ansvariga",
    "action_progress": "kommentarer till uppdrag",
    "meeting_notices": "kallelsers uppgifter",
    "minutes_versions": "sparade versioner av protokoll",
    "meeting_invitations": "utskickade mötesinbjudningar",
    "wheel_categories": "kategorier i årshjulet",
    "wheel_plans": "årshjulsplaner",
    "wheel_plan_changes": "ändringar i årshjulsplaner",
    "wheel_event_exceptions": "undantag i årshjulet",
    "source_attachments": "bilagor till underlag",
    "attachments": "bilagor",
    "source_obstacles": "hinder",
    "indicator_values": "indikatorvärden",
    "observation_sources": "observationers underlag",
    "observation_indicators": "observationers indikatorer",
    "areas": "områden",
    "area_assessments": "bedömningar per område",
    "causes": "orsaker",
    "cause_evidence": "belägg för orsaker",
    "action_plans": "åtgärdsplaner",
    "measure_causes": "åtgärders orsaker",
    "measure_followups": "uppföljningar av åtgärder",
    "agreements": "överenskommelser",
    "commitments": "åtaganden",
    "agreement_steps": "överenskommelsers arbetsmodeller",
    "commitment_measures": "åtagandens åtgärder",
    "meeting_links": "kopplingar till möten",
    "report_documents": "dokumentens rubriker",
    "report_chapters": "dokumentens kapitel",
}


def table_label(table: str) -> str:
    """The table's Swedish name for a message ("Möten"); the table name when it has none."""
    from trygghetsrad.services.references import TABLE_LABELS

    label = _IMPORT_LABELS.get(table) or TABLE_LABELS.get(table)
    return tr(label).capitalize() if label else table


class ImportProblem(UserError):
    """What is wrong with an import file, and where: table, record index (from 0), id, field.

    The message counts records from 1, as a reader does: "Uppdrag, post 6 (tabell
    action_items, id 6), fält status: …".
    """

    def __init__(
        self,
        reason: str,
        *,
        table: str | None = None,
        index: int | None = None,
        field: str | None = None,
        record_id: Any = None,
    ) -> None:
        where = []
        if table is not None:
            known = table in {t.name for t in tables()}
            technical = [tr("tabell {table}").format(table=table)]
            if record_id is not None:
                technical.append(tr("id {id}").format(id=str(record_id)[:40]))
            if not known:
                where.append(", ".join(technical))
            elif index is not None:
                where.append(
                    tr("{label}, post {n} ({technical})").format(
                        label=table_label(table), n=index + 1, technical=", ".join(technical)
                    )
                )
            else:
                where.append(
                    tr("{label} ({technical})").format(
                        label=table_label(table), technical=", ".join(technical)
                    )
                )
        elif index is not None:
            where.append(tr("post {n}").format(n=index + 1))
        if field is not None:
            where.append(tr("fält {field}").format(field=field))
        place = (", ".join(where) + ": ") if where else ""
        super().__init__(
            tr("Importfilen avvisades: {place}{reason}. Inget har importerats.").format(
                place=place, reason=reason.rstrip(".")
            )
        )
        self.reason = reason
        self.table = table
        self.index = index
        self.field = field
        self.record_id = record_id


@dataclass(frozen=True)
class Codec:
    kind: str  # JSON Schema-ish name used in messages and docs
    to_json: Callable[[Any], Any]  # stored value -> JSON value
    check: Callable[[Any], Any]  # JSON value -> stored value; raises ValueError(reason)


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _plain(value: Any) -> Any:
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def _type_of(column: Column[Any]) -> types.TypeEngine[Any]:
    kind = column.type
    if isinstance(kind, types.TypeDecorator):
        return kind.impl_instance
    return kind


def codec_for(column: Column[Any], dialect: Any) -> Codec:
    """How a column's values are written to JSON and checked when read back."""
    kind = _type_of(column)
    if isinstance(kind, types.Boolean):
        return _bool_codec()
    if isinstance(kind, types.LargeBinary | types._Binary):
        return _bytes_codec()
    for py_type, label, parse in (
        (types.DateTime, "date-time", datetime.fromisoformat),
        (types.Date, "date", date.fromisoformat),
        (types.Time, "time", time.fromisoformat),
    ):
        if isinstance(kind, py_type):
            return _time_codec(kind, dialect, label, parse)
    if isinstance(kind, types.Integer):
        return _int_codec()
    if isinstance(kind, types.Float | types.Numeric):
        return _number_codec()
    if isinstance(kind, types.JSON):
        return Codec("json", lambda v: v if not isinstance(v, str) else json.loads(v), json.dumps)
    if isinstance(kind, types.String):  # String, Text, Unicode, Enum
        return _text_codec(kind)
    return _any_codec()


def _bool_codec() -> Codec:
    def check_bool(value: Any) -> Any:
        if not isinstance(value, bool):
            raise ValueError(tr("förväntade true eller false"))
        return 1 if value else 0

    return Codec("boolean", lambda v: None if v is None else bool(v), check_bool)


def _bytes_codec() -> Codec:
    def check_bytes(value: Any) -> Any:
        if not isinstance(value, str):
            raise ValueError(tr("förväntade base64-text"))
        try:
            return base64.b64decode(value.encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError) as exc:
            raise ValueError(tr("ogiltig base64-text")) from exc

    return Codec("base64", lambda v: None if v is None else _plain(bytes(v)), check_bytes)


def _time_codec(
    kind: types.TypeEngine[Any], dialect: Any, label: str, parse: Callable[[str], Any]
) -> Codec:
    impl = kind.dialect_impl(dialect)
    result = impl.result_processor(dialect, None)
    bind = impl.bind_processor(dialect)

    def to_json(value: Any) -> Any:
        if value is None:
            return None
        parsed: Any = result(value) if result is not None else value
        return parsed.isoformat() if hasattr(parsed, "isoformat") else parsed

    def check_time(value: Any) -> Any:
        if not isinstance(value, str):
            raise ValueError(tr("förväntade ett datum/en tid i ISO-format"))
        try:
            parsed = parse(value)
        except ValueError as exc:
            raise ValueError(
                tr("ogiltigt datum/ogiltig tid: {value}").format(value=value[:40])
            ) from exc
        if label == "date" and isinstance(parsed, datetime):
            raise ValueError(tr("förväntade ett datum utan klockslag"))
        return bind(parsed) if bind is not None else parsed

    return Codec(label, to_json, check_time)


def _int_codec() -> Codec:
    def check_int(value: Any) -> Any:
        if not _is_int(value):
            raise ValueError(tr("förväntade ett heltal"))
        if not -(2**63) <= value < 2**63:
            raise ValueError(tr("talet är för stort"))
        return value

    return Codec("integer", _plain, check_int)


def _number_codec() -> Codec:
    def check_number(value: Any) -> Any:
        if not (_is_int(value) or isinstance(value, float)) or (
            isinstance(value, float) and not math.isfinite(value)
        ):
            raise ValueError(tr("förväntade ett tal"))
        return value

    return Codec("number", _plain, check_number)


def _text_codec(kind: types.TypeEngine[Any]) -> Codec:
    length = getattr(kind, "length", None)
    allowed = tuple(getattr(kind, "enums", ()) or ())

    def check_text(value: Any) -> Any:
        if not isinstance(value, str):
            raise ValueError(tr("förväntade text"))
        if length is not None and len(value) > length:
            raise ValueError(tr("texten är längre än {n} tecken").format(n=length))
        if allowed and value not in allowed:
            raise ValueError(tr("okänt värde {value}").format(value=value[:40]))
        if "\x00" in value:
            raise ValueError(tr("texten innehåller ett nolltecken"))
        return value

    return Codec("string", _plain, check_text)


def _any_codec() -> Codec:
    def check_any(value: Any) -> Any:
        if value is not None and not isinstance(value, str | int | float):
            raise ValueError(tr("förväntade text eller ett tal"))
        return value

    return Codec("any", _plain, check_any)


def tables() -> list[Table]:
    """Every exported table, parents before children."""
    return [t for t in Base.metadata.sorted_tables if t.name not in SKIPPED_TABLES]


def _required(column: Column[Any]) -> bool:
    return (
        not column.nullable
        and column.server_default is None
        and column.default is None
        and not (column.primary_key and column.autoincrement in (True, "auto"))
    )


def _fill_default(column: Column[Any]) -> Any:
    default = column.default
    if isinstance(default, ScalarElementColumnDefault):
        return default.arg
    return _MISSING


_MISSING = object()


def pk_of(table: Table) -> list[str]:
    return [c.name for c in table.primary_key.columns]


def _record_id(record: dict[str, Any], pk: list[str]) -> Any:
    """The record's id for a message: its one-column key, when it has one."""
    if len(pk) != 1:
        return None
    value = record.get(pk[0])
    return value if isinstance(value, int | str) and not isinstance(value, bool) else None


# -- JSON Schema -----------------------------------------------------------------------------

_SCHEMA_TYPES: dict[str, dict[str, Any]] = {
    "boolean": {"type": "boolean"},
    "integer": {"type": "integer"},
    "number": {"type": "number"},
    "string": {"type": "string"},
    "date": {"type": "string", "format": "date"},
    "date-time": {"type": "string", "format": "date-time"},
    "time": {"type": "string", "format": "time"},
    "base64": {"type": "string", "contentEncoding": "base64"},
    "json": {},
    "any": {"type": ["string", "integer", "number"]},
}


def json_schema(dialect: Any = None) -> dict[str, Any]:
    """A detailed JSON Schema of the current format, generated from the table definitions.

    docs/data-format.schema.json is the general (stable) schema; this one also knows every
    table and column of this version of the program.
    """
    if dialect is None:
        from sqlalchemy.dialects import sqlite

        dialect = sqlite.dialect()
    table_schemas: dict[str, Any] = {}
    for table in tables():
        props: dict[str, Any] = {}
        required: list[str] = []
        for column in table.columns:
            codec = codec_for(column, dialect)
            prop = dict(_SCHEMA_TYPES[codec.kind])
            kind = _type_of(column)
            if codec.kind == "string":
                length = getattr(kind, "length", None)
                if length:
                    prop["maxLength"] = length
                enums = getattr(kind, "enums", None)
                if enums:
                    prop["enum"] = list(enums)
                allowed = column_enums.allowed_values(table.name, column.name)
                if allowed:
                    prop["enum"] = list(allowed)
            if column.nullable and not column.primary_key and "type" in prop:
                base = prop["type"] if isinstance(prop["type"], list) else [prop["type"]]
                prop["type"] = [*base, "null"]
                if "enum" in prop:
                    prop["enum"] = [*prop["enum"], None]
            props[column.name] = prop
            if column.primary_key or _required(column):
                required.append(column.name)
        table_schemas[table.name] = {
            "type": "array",
            "items": {
                "type": "object",
                "properties": props,
                "required": required,
                "additionalProperties": False,
            },
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Trygghetsråd dataexport (detaljerad)",
        "type": "object",
        "required": ["format", "format_version", "exported_at", "tables"],
        "properties": {
            "format": {"const": FORMAT},
            "format_version": {"const": FORMAT_VERSION},
            "exported_at": {"type": "string", "format": "date-time"},
            "schema_versions": {"type": "array", "items": {"type": "string"}},
            "tables": {
                "type": "object",
                "properties": table_schemas,
                "additionalProperties": False,
            },
        },
        "additionalProperties": False,
    }
