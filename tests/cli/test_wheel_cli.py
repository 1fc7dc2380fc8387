"""The wheel's commands: list events, export wheel/wheel-ics, import ics."""

from __future__ import annotations

import json
from pathlib import Path

from trygghetsrad.cli import main


def test_list_export_import_round_trip(demo_database, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = str(demo_database.path)
    demo_database.close()
    assert main(["--db", db, "list", "events", "--year", "2026", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"id", "title", "category", "start", "end", "source"} <= set(data[0])
    kultur = [d for d in data if d["title"] == "Kulturnatten"]
    assert kultur and kultur[0]["start"] == "2026-05-29" and kultur[0]["source"] == "wheel"
    assert any(d["source"] == "meeting" for d in data)
    for suffix in ("pdf", "svg", "png"):
        out = tmp_path / f"årshjul.{suffix}"
        assert main(["--db", db, "export", "wheel", "2026", str(out)]) == 0
        assert out.stat().st_size > 1000
    assert (tmp_path / "årshjul.pdf").read_bytes().startswith(b"%PDF")
    ics = tmp_path / "årshjul.ics"
    assert main(["--db", db, "export", "wheel-ics", "2026", str(ics)]) == 0
    assert "Planeringsdag" not in ics.read_text(encoding="utf-8")
    capsys.readouterr()
    empty = tmp_path / "tom.sqlite"
    assert main(["--db", str(empty), "import", "ics", str(ics), "--category", "Evenemang"]) == 0
    assert "nya" in capsys.readouterr().out
    assert main(["--db", str(empty), "list", "events", "--year", "2026", "--json"]) == 0
    imported = json.loads(capsys.readouterr().out)
    public = [d for d in data if not d["internal"]]
    assert sorted((d["title"], d["start"], d["end"]) for d in imported) == sorted(
        (d["title"], d["start"], d["end"]) for d in public
    )


def test_user_errors_exit_2(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "x.sqlite")
    assert main(["--db", db, "export", "wheel", "2026", str(tmp_path / "a.doc")]) == 2
    assert "pdf" in capsys.readouterr().err
    assert main(["--db", db, "import", "ics", str(tmp_path / "saknas.ics")]) == 2
    assert (
        main(["--db", db, "import", "ics", str(tmp_path / "saknas.ics"), "--category", "Nej"]) == 2
    )
