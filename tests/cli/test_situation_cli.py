"""Headless commands of the situation picture: list, import indicators, export situation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factories_situation import fill_situation_demo
from pypdf import PdfReader

from trygghetsrad.cli import main


@pytest.fixture
def demo_file(database, db_path: Path) -> Path:
    with database.session() as s:
        fill_situation_demo(s)
    database.close()
    return db_path


def test_list_situations_and_sources_as_json(demo_file: Path, capsys) -> None:
    assert main(["--db", str(demo_file), "list", "situations", "--json"]) == 0
    pictures = json.loads(capsys.readouterr().out)
    assert {p["title"]: p["status"] for p in pictures} == {
        "Lägesbild 2026": "in_progress",
        "Lägesbild 2025": "presented",
    }
    assert main(["--db", str(demo_file), "list", "sources", "--json"]) == 0
    sources = {s["name"]: s for s in json.loads(capsys.readouterr().out)}
    assert len(sources) == 12
    soc = sources["Socialtjänstens aggregerade data"]
    assert soc["delivered_by"].startswith("Henrik Nyström")
    assert {o["kind"] for o in soc["obstacles"]} == {"secrecy", "gdpr"}
    assert sources["Ungdomsmottagningens iakttagelser"]["alert"] == "missing"


def test_list_indicators_with_values(demo_file: Path, capsys) -> None:
    assert main(["--db", str(demo_file), "list", "indicators", "--json"]) == 0
    indicators = json.loads(capsys.readouterr().out)
    assert len(indicators) == 6
    for ind in indicators:
        years = {v["period"][:4] for v in ind["values"]}
        assert len(years) >= 5, ind["name"]


def test_import_then_bad_import_changes_nothing(demo_file: Path, tmp_path: Path, capsys) -> None:
    good = tmp_path / "värden.csv"
    good.write_bytes("område;period;värde\nStoråkers kommun;2025;17,5\n".encode("cp1252"))
    assert (
        main(
            ["--db", str(demo_file), "import", "indicators", str(good), "--indicator", "Nytt mått"]
        )
        == 0
    )
    assert "1 värde importerades" in capsys.readouterr().out
    bad = tmp_path / "fel.csv"
    bad.write_text(
        "indikator;område;period;värde\nX;Kommun;2024;1\nX;Kommun;2025;ett\n", encoding="utf-8"
    )
    assert main(["--db", str(demo_file), "import", "indicators", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "Rad 3" in err and "värde" in err and len(err.strip().splitlines()) == 1
    main(["--db", str(demo_file), "list", "indicators"])
    out = capsys.readouterr().out
    assert "Nytt mått" in out and "\tX\t" not in out


def test_import_refuses_a_presented_situation(demo_file: Path, tmp_path: Path, capsys) -> None:
    good = tmp_path / "v.csv"
    good.write_text("indikator;område;period;värde\nX;Kommun;2024;1\n", encoding="utf-8")
    assert (
        main(["--db", str(demo_file), "import", "indicators", str(good), "--situation", "1"]) == 2
    )
    assert "låst" in capsys.readouterr().err


def test_export_situation_pdf(demo_file: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "Lägesbild Storåker.pdf"
    assert main(["--db", str(demo_file), "export", "situation", "2", str(out)]) == 0
    reader = PdfReader(out)
    assert reader.metadata.title == "Lägesbild 2026"
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "rekrytering" not in text
    internal = tmp_path / "intern.pdf"
    assert (
        main(
            [
                "--db",
                str(demo_file),
                "export",
                "situation",
                "2",
                str(internal),
                "--include-internal",
            ]
        )
        == 0
    )
    assert "rekrytering" in " ".join(p.extract_text() for p in PdfReader(internal).pages)


def test_export_unknown_situation_is_one_line(demo_file: Path, tmp_path: Path, capsys) -> None:
    assert main(["--db", str(demo_file), "export", "situation", "99", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err
    assert "ingen lägesbild med id 99" in err
    assert not (tmp_path / "x.pdf").exists()
