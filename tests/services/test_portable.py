"""Portable JSON export/import: lossless round trip, validation before writing, all or nothing."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trygghetsrad.db import column_enums
from trygghetsrad.db.engine import open_database
from trygghetsrad.db.models import Base
from trygghetsrad.errors import UserError
from trygghetsrad.services import portable, portable_rules

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _export(database) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    with database.session() as s:
        return portable.export_data(s)


def _without_time(document: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k != "exported_at"}


def _count(database) -> int:  # type: ignore[no-untyped-def]
    return sum(len(rows) for rows in _export(database)["tables"].values())


@pytest.fixture(scope="module")
def _demo_document_once(tmp_path_factory) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    from trygghetsrad import demo

    db = open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    try:
        with db.session() as s:
            demo.fill(s, date(2026, 11, 26))
        return _export(db)
    finally:
        db.close()


@pytest.fixture
def demo_document(_demo_document_once) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return copy.deepcopy(_demo_document_once)


@pytest.fixture
def empty(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = open_database(tmp_path / "tom.sqlite")
    yield db
    db.close()


def test_every_table_and_column_is_exported(demo_document) -> None:  # type: ignore[no-untyped-def]
    tables = demo_document["tables"]
    for table in Base.metadata.sorted_tables:
        if table.name == "alembic_version":
            continue
        assert table.name in tables
        for record in tables[table.name]:
            assert set(record) == {c.name for c in table.columns}
    assert demo_document["format_version"] == portable.FORMAT_VERSION
    assert demo_document["schema_versions"]
    assert sum(len(rows) for rows in tables.values()) > 20


def test_round_trip_of_the_demo_data_is_lossless(demo_document, empty, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = portable.write_json(demo_document, tmp_path / "export.json")
    with empty.session() as s:
        portable.import_file(s, out)
    again = _export(empty)
    assert _without_time(again) == _without_time(demo_document)
    # Byte for byte too, apart from the one timestamp line.
    again["exported_at"] = demo_document["exported_at"]
    assert portable.dumps(again) == out.read_text(encoding="utf-8")


def test_internal_records_carry_internal_true(demo_database) -> None:  # type: ignore[no-untyped-def]
    with_internal = [t for t in Base.metadata.sorted_tables if "internal" in t.columns]
    document = _export(demo_database)
    for table in with_internal:
        for record in document["tables"][table.name]:
            assert isinstance(record["internal"], bool)
    # Mark one record of each such table internal and see it in the JSON as true.
    marked = 0
    with demo_database.session() as s:
        for table in with_internal:
            done = s.connection().exec_driver_sql(
                f'UPDATE "{table.name}" SET internal = 1 WHERE rowid = (SELECT min(rowid) FROM "{table.name}")'
            )
            marked += done.rowcount
    document = _export(demo_database)
    found = sum(
        1
        for table in with_internal
        for record in document["tables"][table.name]
        if record["internal"] is True
    )
    assert found >= marked


def test_export_validates_against_the_documented_schema(demo_document) -> None:  # type: ignore[no-untyped-def]
    schema = json.loads((DOCS / "data-format.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    jsonschema.validate(demo_document, schema, format_checker=checker)
    detailed = portable.json_schema()
    jsonschema.Draft202012Validator.check_schema(detailed)
    jsonschema.validate(demo_document, detailed, format_checker=checker)
    # The schema is not a rubber stamp.
    broken = copy.deepcopy(demo_document)
    broken["tables"]["people"][0]["name"] = 17
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, detailed)
    broken = copy.deepcopy(demo_document)
    broken["format_version"] = "1"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def _mutate(document: dict[str, Any], path: list[Any], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    target: Any = changed
    for key in path[:-1]:
        target = target[key]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return changed


_DELETE = object()


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (["format"], "något-annat", "format"),
        (["format_version"], 99, "nyare än programmet"),
        (["schema_versions"], ["9999_framtid"], "nyare version"),
        (["tables", "hemligheter"], [], "tabell hemligheter"),
        (["tables", "people", 2, "skonummer"], 43, "Personer, post 3 .*fält skonummer"),
        (["tables", "people", 1, "name"], 17, "Personer, post 2 .*fält name"),
        (["tables", "people", 1, "name"], "x" * 201, "längre än 200"),
        (["tables", "people", 1, "name"], None, "fält name"),
        (["tables", "people", 0, "id"], 2, "samma id"),
        (["tables", "people", 0, "organisation_id"], 9999, "hänvisar till organisationer 9999"),
        (["tables", "memberships", 3, "from_date"], "2026-02-30", "post 4 .*fält from_date"),
        (["tables", "memberships", 3, "from_date"], "30000-01-01", "fält from_date"),
        (["tables", "people", 0, "created_at"], "igår", "fält created_at"),
        (["tables", "people", 0, "name"], _DELETE, "fält name: fältet saknas"),
        (["tables", "people", 0], "en sträng", "Personer, post 1"),
    ],
)
def test_bad_files_are_refused_naming_the_first_problem_and_nothing_is_imported(
    demo_document, empty, path, value, expected
) -> None:  # type: ignore[no-untyped-def]
    bad = _mutate(demo_document, path, value)
    before = _without_time(_export(empty))
    with pytest.raises(portable.ImportProblem, match=expected) as info, empty.session() as s:
        portable.import_data(s, bad)
    assert "Inget har importerats" in str(info.value)
    assert _without_time(_export(empty)) == before


def _first(document: dict[str, Any], table: str, **where: Any) -> int:
    """The index of the first record of `table` matching `where` (any record without)."""
    for index, record in enumerate(document["tables"][table]):
        if all(record.get(k) == v for k, v in where.items()):
            return index
    raise AssertionError(f"no {table} record with {where}")


@pytest.mark.parametrize(
    ("table", "where", "changes", "expected"),
    [
        # Values the app can't read back: it showed "Ett oväntat fel" for these.
        (
            "action_items",
            {},
            {"status": "klar-ish"},
            "Uppdrag, post 1 \\(tabell action_items, id \\d+\\), fält status: ”klar-ish” finns "
            "inte; tillåtna: open \\(Öppen\\), done \\(Klart\\), cancelled",
        ),
        ("meetings", {}, {"kind": "PROTOCOL"}, "Möten, post 1 .*fält kind: ”PROTOCOL” finns inte"),
        ("attendance", {}, {"presence": ""}, "Närvarolistor, .*fält presence: ”” finns inte"),
        ("measures", {}, {"target_direction": "uppåt"}, "fält target_direction: ”uppåt”"),
        ("data_sources", {}, {"frequency": "weekly"}, "Underlag, .*fält frequency"),
        ("wheel_events", {}, {"frequency": "biennial"}, "Händelser i årshjulet, .*frequency"),
        # End before start.
        (
            "meetings",
            {"start_time": "09:00:00"},
            {"start_time": "12:00:00", "end_time": "08:00:00"},
            "Möten, post \\d+ .*fält end_time: 08:00:00 ligger före start_time 12:00:00",
        ),
        (
            "meetings",
            {"start_time": "09:00:00"},
            {"start_time": "12:00:00", "end_time": "12:00:00"},
            "fält end_time: mötet måste sluta efter att det börjat",
        ),
        ("meetings", {}, {"start_time": None, "end_time": "12:00:00"}, "fält start_time"),
        (
            "situation_pictures",
            {},
            {"period_start": "2026-01-01", "period_end": "2025-12-31"},
            "Lägesbilder, .*fält period_end: 2025-12-31 ligger före period_start",
        ),
        ("agreements", {}, {"period_end": "1999-01-01"}, "fält period_end"),
        ("memberships", {}, {"from_date": "2026-05-01", "to_date": "2026-04-30"}, "to_date"),
        (
            "wheel_events",
            {"end_date": None},
            {"end_date": "2000-01-01"},
            "Händelser i årshjulet, .*fält end_date",
        ),
        # Required names and titles, control characters, dates out of range.
        ("people", {}, {"name": ""}, "Personer, post 1 .*fält name: får inte vara tomt"),
        ("people", {}, {"name": "   "}, "fält name: får inte vara tomt"),
        ("agenda_items", {}, {"title": ""}, "Dagordningspunkter, .*fält title"),
        ("action_items", {}, {"what": " "}, "Uppdrag, .*fält what"),
        ("groups", {}, {"name": "Klara\x07gruppen"}, "Grupper, .*fält name: .*styrtecken"),
        ("people", {}, {"name": "Anna\nAndersson"}, "fält name: .*en rad"),
        ("agenda_notes", {}, {"text": "x" * 100_001}, "längre än 100000"),
        ("meetings", {}, {"day": "2500-01-01"}, "Möten, .*fält day: året 2500"),
        ("people", {}, {"created_at": "1850-01-01T10:00:00"}, "fält created_at: året 1850"),
        # The rules of the records' own domain.
        ("wheel_events", {}, {"interval": 0}, "fält interval: intervallet ska vara"),
        ("wheel_categories", {}, {"color": "röd"}, "Kategorier i årshjulet, .*fält color"),
        ("agenda_notes", {}, {"level": 9}, "Anteckningar, .*fält level"),
        ("wheel_plans", {}, {"year": 20266}, "Årshjulsplaner, .*fält year: året 20266"),
        ("indicator_values", {}, {"period": "hösten"}, "Indikatorvärden, .*fält period"),
        ("indicator_values", {}, {"period": "2024-k3"}, "perioden ska skrivas 2024-Q3"),
        ("observations", {}, {"peak_months": "6,7,13"}, "Observationer, .*fält peak_months"),
        (
            "situation_pictures",
            {"status": "presented"},
            {"snapshot": '{"report": {}}'},
            "Lägesbilder, .*fält snapshot: den sparade kopian",
        ),
        ("action_plans", {}, {"snapshot": "[1, 2]"}, "Åtgärdsplaner, .*fält snapshot"),
    ],
)
def test_records_the_app_could_not_open_are_refused(
    demo_document, empty, table, where, changes, expected
) -> None:  # type: ignore[no-untyped-def]
    index = _first(demo_document, table, **where)
    bad = copy.deepcopy(demo_document)
    bad["tables"][table][index].update(changes)
    before = _without_time(_export(empty))
    with pytest.raises(portable.ImportProblem, match=expected) as info, empty.session() as s:
        portable.import_data(s, bad)
    assert "Inget har importerats" in str(info.value)
    assert _without_time(_export(empty)) == before


def test_text_the_app_stores_is_accepted(demo_document, empty) -> None:  # type: ignore[no-untyped-def]
    """Emoji, right-to-left text, tabs and line breaks in long text, an empty meeting title
    and an unset target direction are ordinary data: the rules don't refuse them."""
    document = copy.deepcopy(demo_document)
    document["tables"]["people"][0]["name"] = "Zaïd 👍 \u0632\u064a\u062f"
    document["tables"]["agenda_notes"][0]["text"] = "Rad ett\n\tRad två 🎉"
    document["tables"]["meetings"][0]["title"] = ""
    document["tables"]["measures"][0]["target_direction"] = ""
    document["tables"]["meetings"][0]["start_time"] = None
    document["tables"]["meetings"][0]["end_time"] = None
    with empty.session() as s:
        portable.import_data(s, document)
    again = _export(empty)["tables"]
    assert again["people"][0]["name"] == "Zaïd 👍 \u0632\u064a\u062f"
    assert again["agenda_notes"][0]["text"] == "Rad ett\n\tRad två 🎉"


def test_messages_name_tables_in_swedish_and_count_records_from_1(demo_document, empty) -> None:  # type: ignore[no-untyped-def]
    bad = copy.deepcopy(demo_document)
    bad["tables"]["meetings"][5]["day"] = "2026-13-01"
    with pytest.raises(portable.ImportProblem) as info, empty.session() as s:
        portable.import_data(s, bad)
    message = str(info.value)
    meeting_id = demo_document["tables"]["meetings"][5]["id"]
    assert message.startswith(
        f"Importfilen avvisades: Möten, post 6 (tabell meetings, id {meeting_id}), fält day: "
    )
    assert info.value.index == 5  # the index in the file stays available to code


def test_every_table_has_a_swedish_name_for_messages() -> None:
    for table in portable.tables():
        label = portable.table_label(table.name)
        assert label != table.name and "_" not in label, table.name
        assert label[0].isupper()


def test_every_column_filled_with_an_enums_values_is_registered(demo_document) -> None:  # type: ignore[no-untyped-def]
    """A new status or kind column is found from the example data and must be registered, or
    the import would take in values the app can't read."""
    import enum
    import importlib
    import pkgutil

    import trygghetsrad.domain as domain
    from trygghetsrad.db import column_enums

    enums = []
    for info in pkgutil.walk_packages(domain.__path__, "trygghetsrad.domain."):
        module = importlib.import_module(info.name)
        enums += [
            v
            for v in vars(module).values()
            if isinstance(v, type) and issubclass(v, enum.StrEnum) and list(v)
        ]
    missing = []
    for table in portable.tables():
        for column in table.columns:
            values = {r.get(column.name) for r in demo_document["tables"][table.name]}
            values = {v for v in values if isinstance(v, str) and v}
            if not values or column_enums.enum_for(table.name, column.name):
                continue
            if (table.name, column.name) in column_enums.NOT_ENUMS:
                continue
            if any(values <= {m.value for m in e} for e in enums):
                missing.append(f"{table.name}.{column.name}")
    assert missing == []
    # Every registered column exists and its example values belong to its enum.
    columns = {(t.name, c.name): c for t in portable.tables() for c in t.columns}
    for table, column in column_enums.ENUM_COLUMNS:
        assert (table, column) in columns
        stored = {r[column] for r in demo_document["tables"][table]}
        assert stored <= set(column_enums.allowed_values(table, column)), (table, column)
    # Columns named like a status or kind are enums unless listed here as free text.
    named_like_enums = {
        (table, column)
        for table, column in columns
        if column in ("status", "kind", "frequency", "presence") or column.endswith("_kind")
    }
    assert named_like_enums - set(column_enums.ENUM_COLUMNS) == set()


def test_the_detailed_schema_lists_the_enum_values() -> None:
    schema = portable.json_schema()
    status = schema["properties"]["tables"]["properties"]["action_items"]["items"]["properties"][
        "status"
    ]
    assert status["enum"] == ["open", "done", "cancelled"]


def test_a_failure_while_writing_rolls_back_everything(demo_document, empty, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Even if a problem slips past validation, the write phase imports nothing."""
    real = portable.validate

    def sloppy(document, connection):  # type: ignore[no-untyped-def]
        plan = real(document, connection)
        plan.rows["memberships"][-1]["person_id"] = 123456  # dangling, unseen by validation
        return plan

    monkeypatch.setattr(portable, "validate", sloppy)
    before = _without_time(_export(empty))
    with pytest.raises(UserError), empty.session() as s:
        portable.import_data(s, demo_document)
    assert _without_time(_export(empty)) == before


def test_import_refuses_a_database_with_data_unless_replacing(demo_database, demo_document) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UserError, match="redan data"), demo_database.session() as s:
        portable.import_data(s, demo_document)
    smaller = copy.deepcopy(demo_document)
    smaller["tables"]["memberships"] = []
    with demo_database.session() as s:
        portable.import_data(s, smaller, replace=True)
    assert _export(demo_database)["tables"]["memberships"] == []
    assert _export(demo_database)["tables"]["people"] == demo_document["tables"]["people"]


def test_not_json_and_not_utf8_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "trasig.json"
    bad.write_text('{"format": "trygghetsrad-data", ', encoding="utf-8")
    with pytest.raises(portable.ImportProblem, match="inte giltig JSON: rad 1"):
        portable.read_json(bad)
    bad.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(portable.ImportProblem, match="UTF-8"):
        portable.read_json(bad)
    with pytest.raises(UserError, match="finns inte"):
        portable.read_json(tmp_path / "saknas.json")


# -- property tests ----------------------------------------------------------------------

_EMPTY: dict[str, Any] = {
    "format": portable.FORMAT,
    "format_version": portable.FORMAT_VERSION,
    "exported_at": "2026-11-26T12:00:00+01:00",
    "tables": {},
}


@pytest.fixture
def pair(tmp_path: Path):  # type: ignore[no-untyped-def]
    dbs = (open_database(tmp_path / "a.sqlite"), open_database(tmp_path / "b.sqlite"))
    yield dbs
    for db in dbs:
        db.close()


texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=60,
)


def _storable(ch: str) -> bool:
    code = ord(ch)
    return not (0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE)


# Text the app stores (domain.text.clean_text): no control characters, except newline and tab
# in long text; emoji, right-to-left text and any other script are ordinary text.
one_line = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\x00"
    ).filter(_storable),
    max_size=60,
)
long_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00").filter(
        _storable
    )
    | st.sampled_from("\n\t"),
    max_size=60,
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    names=st.lists(one_line.filter(lambda t: t.strip() != ""), min_size=1, max_size=4, unique=True),
    note=long_text,
    blob=st.binary(max_size=300),
    day=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
)
def test_round_trip_property_for_any_text_dates_and_blobs(pair, names, note, blob, day) -> None:  # type: ignore[no-untyped-def]
    source, target = pair
    for db in pair:
        with db.session() as s:
            portable.import_data(s, _EMPTY, replace=True)
    with source.session() as s:
        conn = s.connection()
        conn.exec_driver_sql(
            "INSERT INTO groups (id, name, description) VALUES (1, 'G', ?)", (note,)
        )
        for index, name in enumerate(names, start=1):
            conn.exec_driver_sql(
                "INSERT INTO people (id, name, title, email, phone, note) "
                "VALUES (?, ?, '', '', '', ?)",
                (index, name, note),
            )
            conn.exec_driver_sql(
                "INSERT INTO memberships (group_id, person_id, role, from_date) "
                "VALUES (1, ?, 'ledamot', ?)",
                (index, day.isoformat()),
            )
        conn.exec_driver_sql(
            "INSERT INTO settings (key, value, blob) VALUES ('logo', '', ?)", (blob,)
        )
    first = _export(source)
    text = portable.dumps(first)
    with target.session() as s:
        portable.import_data(s, json.loads(text))
    assert _without_time(_export(target)) == _without_time(first)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=5,
)


_ENUM_VALUES = sorted(
    {m.value for e in column_enums.ENUM_COLUMNS.values() for m in e}
    | {"", "klar-ish", "Open", "DONE", "öppen", "pågår ", "null"}
)


def _mutation(document: dict[str, Any], data: Any) -> None:
    """One change to `document`: a random value, a wrong or right enum value, a start and end
    swapped, a value copied from another record, a field removed or added, a record dropped or
    duplicated."""
    tables = {t.name: t for t in portable.tables()}
    filled = sorted(k for k, v in document["tables"].items() if v)
    action = data.draw(
        st.sampled_from(["set", "enum", "swap", "copy", "delete", "add", "drop", "duplicate"])
    )
    if action == "enum":
        choices = sorted(c for c in column_enums.ENUM_COLUMNS if c[0] in filled)
        table, field = data.draw(st.sampled_from(choices))
        rows = document["tables"][table]
        rows[data.draw(st.integers(0, len(rows) - 1))][field] = data.draw(
            st.sampled_from(_ENUM_VALUES)
        )
        return
    if action == "swap":
        choices = sorted(
            (name, pair.start, pair.end)
            for name in filled
            for pair in portable_rules.start_end_pairs(tables[name])
        )
        table, start, end = data.draw(st.sampled_from(choices))
        rows = document["tables"][table]
        row = rows[data.draw(st.integers(0, len(rows) - 1))]
        row[start], row[end] = row.get(end), row.get(start)
        return
    table = data.draw(st.sampled_from(filled))
    rows = document["tables"][table]
    index = data.draw(st.integers(0, len(rows) - 1))
    if action == "drop":
        del rows[index]
    elif action == "duplicate":
        rows.append(copy.deepcopy(rows[index]))
    else:
        field = data.draw(st.sampled_from(sorted(rows[index])))
        if action == "set":
            rows[index][field] = data.draw(json_values)
        elif action == "copy":
            other = rows[data.draw(st.integers(0, len(rows) - 1))]
            rows[index][field] = other.get(field)
        elif action == "delete":
            del rows[index][field]
        else:
            rows[index][data.draw(texts)] = data.draw(json_values)


_OWNERS = {
    "meetings": [
        ("minutes", "pdf", True),
        ("notice", "pdf", True),
        ("email", "eml", True),
        ("invite", "ics", False),
    ],
    "situation_pictures": [("situation", "pdf", True)],
    "action_plans": [("plan", "pdf", True)],
    "agreements": [("agreement", "pdf", True)],
    "people": [("person", "json", False)],
}


def _owners(document: dict[str, Any], table: str, record: Any) -> dict[str, set[Any]]:
    """The meetings, situation pictures, plans, agreements and people a record belongs to,
    found by following its foreign keys upwards."""
    tables = {t.name: t for t in portable.tables()}
    found: dict[str, set[Any]] = {}
    seen: set[tuple[str, Any]] = set()

    def walk(name: str, row: Any) -> None:
        if not isinstance(row, dict):
            return
        key = (name, repr(row.get("id")))
        if key in seen:
            return
        seen.add(key)
        if name in _OWNERS and isinstance(row.get("id"), int):
            found.setdefault(name, set()).add(row["id"])
        for fk in tables[name].foreign_key_constraints:
            if len(fk.columns) != 1:
                continue
            local = next(iter(fk.columns)).name
            parent = fk.referred_table.name
            value = row.get(local)
            for candidate in document["tables"].get(parent, []):
                if isinstance(candidate, dict) and candidate.get("id") == value:
                    walk(parent, candidate)
                    break

    walk(table, record)
    return found


def _run(db_path: Path, *args: str) -> tuple[int, str]:
    import contextlib
    import io

    from trygghetsrad.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--db", str(db_path), *args])
    return code, err.getvalue()


_LISTS = [
    "people",
    "organisations",
    "groups",
    "meetings",
    "events",
    "situations",
    "sources",
    "indicators",
    "plans",
    "measures",
    "agreements",
]


def _every_command_works(db_path: Path, owners: dict[str, set[Any]], out: Path) -> None:
    """Every list, a search, the exports of what a changed record belongs to (minutes, notice, e-mail
    and invitation of its meeting, its situation picture, plan, agreement or person), the
    wheel and its calendar file, the follow-up and the data export: none ends in a bug (exit
    1). A refusal with a message (exit 2) is allowed."""
    commands: list[list[str]] = [["list", what, "--json"] for what in _LISTS]
    for year in ("2025", "2026"):
        commands.append(["export", "wheel", year, str(out / "hjul.svg"), "--include-internal"])
        commands.append(["export", "wheel-ics", year, str(out / "hjul.ics"), "--include-internal"])
    commands.append(["export", "followup", "2026", str(out / "uppf.pdf"), "--include-internal"])
    commands.append(["export", "wheel", "2026", str(out / "hjul.pdf"), "--include-internal"])
    commands.append(["search", "Storåker"])
    commands.append(["export", "data", str(out / "allt.json")])
    for table, ids in owners.items():
        for record_id in sorted(ids)[:3]:
            for what, suffix, internal in _OWNERS[table]:
                target = str(out / f"{what}.{suffix}")
                extra = ["--include-internal"] if internal else []
                commands.append(["export", what, str(record_id), target, *extra])
    for command in commands:
        code, err = _run(db_path, *command)
        assert code != 1, (command, err)
        if command[0] == "list":
            assert code == 0, (command, err)


@pytest.mark.timeout(600)  # about a minute on an idle machine; the sweeps take most of it
@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_mutated_files_never_crash_and_never_import_partly(
    demo_document, empty, data, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """Whatever the change, the import refuses the file with nothing written, or takes it in
    completely, and then the app can open and export what came in."""
    document = copy.deepcopy(demo_document)
    changed: list[tuple[str, Any]] = []
    for _ in range(data.draw(st.integers(1, 3))):
        before_change = copy.deepcopy(document)
        _mutation(document, data)
        for name, rows in document["tables"].items():
            old = before_change["tables"].get(name, [])
            if rows != old:
                changed += [(name, r) for r in rows if r not in old]
                changed += [(name, r) for r in old if r not in rows]
    expected = sum(len(rows) for rows in document["tables"].values())
    before = _without_time(_export(empty))
    try:
        with empty.session() as s:
            portable.import_data(s, document, replace=True)
    except UserError:
        assert _without_time(_export(empty)) == before  # nothing at all was written
        return
    assert _count(empty) == expected
    owners: dict[str, set[Any]] = {}
    for name, record in changed:
        for kind, ids in _owners(document, name, record).items():
            owners.setdefault(kind, set()).update(ids)
        for kind, ids in _owners(demo_document, name, record).items():
            owners.setdefault(kind, set()).update(ids)
    _every_command_works(empty.path, owners, tmp_path)
    with empty.session() as s:  # back to the state before, for the next example
        portable.import_data(s, before, replace=True)
    assert _without_time(_export(empty)) == before
