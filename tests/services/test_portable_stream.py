"""The JSON import of a file reads it record by record: any layout of the format reads the
same, a bad file gets the same message as the same document handed over whole, and nothing
is imported when a problem sits at the very end of a file."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from trygghetsrad.db.engine import open_database
from trygghetsrad.errors import UserError
from trygghetsrad.services import portable, portable_stream


@pytest.fixture
def document(demo_export) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return demo_export


@pytest.fixture
def empty(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = open_database(tmp_path / "tom.sqlite")
    yield db
    db.close()


@pytest.fixture(autouse=True)
def _tiny_chunks(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Seven characters at a time: every value, number and å is cut by a chunk's end."""
    monkeypatch.setattr(portable_stream, "CHUNK", 7)


def _export(database) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    with database.session() as s:
        found = portable.export_data(s)
    found.pop("exported_at")
    return found


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "layout",
    ["export", "compact", "indented", "tables first", "windows lines", "bom"],
)
def test_any_layout_of_the_format_imports_the_same(document, empty, tmp_path, layout) -> None:  # type: ignore[no-untyped-def]
    if layout == "export":
        text = portable.dumps(document)
    elif layout == "compact":
        text = json.dumps(document, separators=(",", ":"))
    elif layout == "indented":
        text = json.dumps(document, indent=4, ensure_ascii=True)
    elif layout == "tables first":
        text = json.dumps({"tables": document["tables"], **document}, indent=2)
    elif layout == "windows lines":
        text = json.dumps(document, indent=1).replace("\n", "\r\n")
    else:
        text = "\ufeff" + portable.dumps(document)
    source = _write(tmp_path / "data.json", text)
    expected = sum(len(rows) for rows in document["tables"].values())
    assert portable.validate_file(source) == expected
    with empty.session() as s:
        portable.import_file(s, source)
    document.pop("exported_at")
    assert _export(empty) == document


def _mutate(document: dict[str, Any], table: str, index: int, **changes: Any) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    changed["tables"][table][index].update(changes)
    return changed


def _last_repeats_an_id(document: dict[str, Any]) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    last = [t.name for t in portable.tables() if changed["tables"].get(t.name)][-1]
    changed["tables"][last][-1]["id"] = changed["tables"][last][0]["id"]
    return changed


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: {**d, "format": "annat"}, "fältet format saknas"),
        (lambda d: {**d, "format_version": 99}, "nyare än programmet"),
        (lambda d: {**d, "tables": {**d["tables"], "hemligt": []}}, "tabell hemligt"),
        (lambda d: {**d, "tables": [1]}, "fältet tables saknas eller är inget objekt"),
        (lambda d: {k: v for k, v in d.items() if k != "tables"}, "fältet tables saknas"),
        (lambda d: {**d, "tables": {**d["tables"], "people": {}}}, "ska vara en lista"),
        (lambda d: _mutate(d, "people", 2, name=17), "Personer, post 3 .*fält name"),
        (lambda d: _mutate(d, "people", 0, id=2), "samma id"),
        (
            lambda d: _mutate(d, "people", 0, organisation_id=9999),
            "hänvisar till organisationer 9999",
        ),
        (lambda d: _mutate(d, "memberships", 3, from_date="2026-02-30"), "post 4 .*from_date"),
        (lambda d: _mutate(d, "action_items", 0, status="klar-ish"), "Uppdrag, post 1 .*status"),
        # The last record of the file: everything before it was already written.
        (lambda d: _last_repeats_an_id(d), "samma id"),
    ],
)
def test_a_bad_file_gets_the_message_of_the_same_document_and_imports_nothing(
    document, empty, tmp_path, change, expected
) -> None:  # type: ignore[no-untyped-def]
    bad = change(document)
    source = _write(tmp_path / "fel.json", json.dumps(bad, indent=1))
    before = _export(empty)
    with pytest.raises(portable.ImportProblem, match=expected) as whole, empty.session() as s:
        portable.import_data(s, copy.deepcopy(bad))
    with pytest.raises(portable.ImportProblem) as checked:
        portable.validate_file(source)
    with pytest.raises(portable.ImportProblem) as streamed, empty.session() as s:
        portable.import_file(s, source)
    assert str(checked.value) == str(streamed.value) == str(whole.value)
    assert "Inget har importerats" in str(streamed.value)
    assert _export(empty) == before


def test_a_late_problem_leaves_a_replaced_database_as_it_was(document, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = open_database(tmp_path / "full.sqlite")
    try:
        with db.session() as s:
            portable.import_data(s, copy.deepcopy(document))
        before = _export(db)
        bad = _last_repeats_an_id(document)
        source = _write(tmp_path / "sent.json", portable.dumps(bad))
        with pytest.raises(portable.ImportProblem, match="samma id"), db.session() as s:
            portable.import_file(s, source, replace=True)
        assert _export(db) == before
    finally:
        db.close()


# A valid start: a file is checked in the order it is read, so the broken JSON must be the
# first problem in it.
HEAD = '{"format": "trygghetsrad-data", "format_version": 1,\n '


@pytest.mark.parametrize(
    "text",
    [
        '{"format": "trygghetsrad-data", ',
        HEAD + '"tables": {"people": [\n  {"id": 1, "name": "Å"}\n  {"id": 2}]}}',
        HEAD + '"tables": {"people": []}} extra',
        HEAD + '"tables": {"people": [{"id": 1, "name": "Åsa\n"}]}}',
        '\n\n   {"tables": {"people": [{"id": 1, "name": "Å"}, ]}}',
        "[1, 2",
        "",
    ],
)
def test_broken_json_is_placed_where_json_loads_places_it(tmp_path, text: str) -> None:
    with pytest.raises(json.JSONDecodeError) as loads:
        json.loads(text)
    source = _write(tmp_path / "trasig.json", text)
    with pytest.raises(portable.ImportProblem) as streamed:
        portable.validate_file(source)
    assert f"rad {loads.value.lineno}, kolumn {loads.value.colno}" in str(streamed.value)


def test_json_that_is_no_object_and_text_that_is_no_utf8(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(portable.ImportProblem, match="ska innehålla ett JSON-objekt"):
        portable.validate_file(_write(tmp_path / "lista.json", "[1, 2, 3]"))
    latin = tmp_path / "latin1.json"
    latin.write_bytes('{"format": "trygghetsrad-data", "x": "Göran"}'.encode("latin-1"))
    with pytest.raises(portable.ImportProblem, match="UTF-8"):
        portable.validate_file(latin)
    with pytest.raises(UserError, match="finns inte"):
        portable.validate_file(tmp_path / "saknas.json")


def test_progress_is_reported_in_bytes_up_to_the_size(document, tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = _write(tmp_path / "data.json", portable.dumps(document))
    seen: list[tuple[int, int]] = []
    portable.validate_file(source, lambda done, total: seen.append((done, total)))
    size = source.stat().st_size
    assert len(seen) > 10 and all(total == size for _done, total in seen)
    assert [done for done, _t in seen] == sorted(done for done, _t in seen)
    assert seen[-1][0] == size
