"""Portable JSON export/import: lossless round trip, validation before writing, all or nothing."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trygghetsrad.db.engine import open_database
from trygghetsrad.db.models import Base
from trygghetsrad.errors import UserError
from trygghetsrad.services import portable

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
    from datetime import date

    from trygghetsrad.services import demo

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
        (["tables", "people", 2, "skonummer"], 43, "tabell people, post 2, fält skonummer"),
        (["tables", "people", 1, "name"], 17, "tabell people, post 1, fält name"),
        (["tables", "people", 1, "name"], "x" * 201, "längre än 200"),
        (["tables", "people", 1, "name"], None, "fält name"),
        (["tables", "people", 0, "id"], 2, "samma id"),
        (["tables", "people", 0, "organisation_id"], 9999, "hänvisar till organisations 9999"),
        (["tables", "memberships", 3, "from_date"], "2026-02-30", "post 3, fält from_date"),
        (["tables", "memberships", 3, "from_date"], "30000-01-01", "fält from_date"),
        (["tables", "people", 0, "created_at"], "igår", "fält created_at"),
        (["tables", "people", 0, "name"], _DELETE, "fält name: fältet saknas"),
        (["tables", "people", 0], "en sträng", "post 0"),
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


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    names=st.lists(texts.filter(lambda t: t.strip() != ""), min_size=1, max_size=4, unique=True),
    note=texts,
    blob=st.binary(max_size=300),
    day=st.dates(),
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


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_mutated_files_never_crash_and_never_import_partly(demo_document, empty, data) -> None:  # type: ignore[no-untyped-def]
    document = copy.deepcopy(demo_document)
    for _ in range(data.draw(st.integers(1, 3))):
        table = data.draw(st.sampled_from(sorted(k for k, v in document["tables"].items() if v)))
        rows = document["tables"][table]
        index = data.draw(st.integers(0, len(rows) - 1))
        action = data.draw(st.sampled_from(["set", "delete", "add", "drop", "duplicate"]))
        if action == "drop":
            del rows[index]
            if not rows:
                continue
        elif action == "duplicate":
            rows.append(copy.deepcopy(rows[index]))
        else:
            field = data.draw(st.sampled_from(sorted(rows[index])))
            if action == "set":
                rows[index][field] = data.draw(json_values)
            elif action == "delete":
                del rows[index][field]
            else:
                rows[index][data.draw(texts)] = data.draw(json_values)
    expected = sum(len(rows) for rows in document["tables"].values())
    before = _without_time(_export(empty))
    try:
        with empty.session() as s:
            portable.import_data(s, document, replace=True)
    except UserError:
        assert _without_time(_export(empty)) == before  # nothing at all was written
        return
    assert _count(empty) == expected
    with empty.session() as s:  # back to the state before, for the next example
        portable.import_data(s, before, replace=True)
    assert _without_time(_export(empty)) == before
