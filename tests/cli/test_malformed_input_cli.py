"""Malformed input is the user's to fix, not a bug: one Swedish line naming the row, exit 2,
nothing imported (issue 15, point 7)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from trygghetsrad.cli import main

HEADER = "indikator;område;period;värde\n"


@pytest.fixture
def db(database) -> Path:  # type: ignore[no-untyped-def]
    database.close()
    return database.path


def _import_csv(db: Path, csv: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--db", str(db), "import", "indicators", str(csv)])
    return code, capsys.readouterr().err


def _indicator_count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM indicator_values").fetchone()[0])


@pytest.mark.parametrize("rows_after", [1, 20_000], ids=["short file", "past the field limit"])
def test_an_unbalanced_quote_names_the_row_where_it_opened(
    rows_after: int, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "citat.csv"
    csv.write_text(
        HEADER + "Anmälda brott;Centrum;2024;12\n"
        'Anmälda brott;"Centrum;2025;13\n' + "Anmälda brott;Norr;2025;7\n" * rows_after,
        encoding="utf-8",
    )
    code, err = _import_csv(db, csv, capsys)
    assert code == 2, err
    assert "Rad 3" in err and "citattecken" in err and "Inget har importerats" in err, err
    assert "oväntat fel" not in err and len(err.strip().splitlines()) == 1
    assert _indicator_count(db) == 0


def test_a_field_over_the_csv_limit_names_its_row(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "långt.csv"
    csv.write_text(
        HEADER + "Anmälda brott;Centrum;2024;12\n" + f'Anmälda brott;"{"x" * 200_000}";2025;1\n',
        encoding="utf-8",
    )
    code, err = _import_csv(db, csv, capsys)
    assert code == 2 and "Rad 3" in err and "oväntat fel" not in err, err
    assert _indicator_count(db) == 0


def _export_with(db: Path, tmp_path: Path, email: str) -> Path:
    """A data export holding one person with `email`, as a hand-edited file would."""
    out = tmp_path / "allt.json"
    assert main(["--db", str(db), "export", "data", str(out)]) == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    document["tables"]["people"] = [{"id": 1, "name": "Eva Ek", "email": email}]
    out.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return out


def test_a_json_file_with_a_byte_order_mark_is_imported(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _export_with(db, tmp_path, "eva@example.org")
    source.write_bytes(b"\xef\xbb\xbf" + source.read_bytes())  # as Notepad saves UTF-8
    assert main(["--db", str(db), "import", "data", str(source)]) == 0, capsys.readouterr().err
    assert main(["--db", str(db), "list", "people"]) == 0
    assert "eva@example.org" in capsys.readouterr().out


@pytest.mark.parametrize(
    "email", ["eva@example.org, attacker@example.net", "eva@example.org\r\nBcc: x@example.net"]
)
def test_the_json_import_applies_the_registers_email_rule(
    email: str, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _export_with(db, tmp_path, email)
    capsys.readouterr()
    assert main(["--db", str(db), "import", "data", str(source)]) == 2
    err = capsys.readouterr().err
    assert "fält email" in err and "Inget har importerats" in err, err
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM people").fetchone() == (0,)


def test_a_line_break_forced_into_an_address_is_named_not_a_crash(
    demo_database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.services.meetings.document import meeting_document

    with demo_database.session() as s:
        person = meeting_document(s, 1, include_internal=False).recipients[0].name
    demo_database.close()
    with sqlite3.connect(demo_database.path) as conn:
        conn.execute(
            "UPDATE people SET email = email || char(13) || char(10) || 'Bcc: x@example.net' "
            "WHERE name = ?",
            (person,),
        )
    out = tmp_path / "utkast.eml"
    assert main(["--db", str(demo_database.path), "export", "email", "1", str(out)]) == 2
    err = capsys.readouterr().err
    assert person in err and "e-postadress" in err and "oväntat fel" not in err, err
    assert len(err.strip().splitlines()) == 1 and not out.exists()
