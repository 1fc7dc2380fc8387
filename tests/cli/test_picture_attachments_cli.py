"""`attach picture ID FILE` and `list attachments picture ID` on the example data: the file is
listed, printed as "Bilaga 1: title" in `export situation`, and an unknown picture is one
Swedish line and exit code 2 with nothing stored."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from trygghetsrad.cli import main

CONTENT = b"%PDF-1.4\n\x00\xff\xfe binary \xe5\xe4\xf6 bytes\n" * 40


def _picture_ids(path: Path, capsys) -> list[int]:  # type: ignore[no-untyped-def]
    assert main(["--db", str(path), "list", "situations", "--json"]) == 0
    return [p["id"] for p in json.loads(capsys.readouterr().out)]


def test_attach_list_and_print_a_pictures_file(demo_database, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = demo_database.path
    demo_database.close()
    picture = _picture_ids(path, capsys)[0]
    source = tmp_path / "Polisens lägesbild 2026.pdf"
    source.write_bytes(CONTENT)
    code = main(
        ["--db", str(path), "attach", "picture", str(picture), str(source), "--title", "Polisen"]
    )
    assert code == 0
    assert "lägesbilden" in capsys.readouterr().out

    assert main(["--db", str(path), "list", "attachments", "picture", str(picture), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(a["title"], a["filename"], a["size"]) for a in listed] == [
        ("Polisen", "Polisens lägesbild 2026.pdf", len(CONTENT))
    ]
    back = tmp_path / "tillbaka.pdf"
    assert main(["--db", str(path), "export", "attachment", str(listed[0]["id"]), str(back)]) == 0
    assert back.read_bytes() == CONTENT

    pdf = tmp_path / "rapport.pdf"
    assert main(["--db", str(path), "export", "situation", str(picture), str(pdf)]) == 0
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert "Bilaga 1: Polisen" in text


def test_an_unknown_picture_is_refused_with_exit_2(demo_database, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = demo_database.path
    demo_database.close()
    source = tmp_path / "fil.pdf"
    source.write_bytes(CONTENT)
    assert main(["--db", str(path), "attach", "picture", "99999", str(source)]) == 2
    assert "Det finns ingen lägesbild med id 99999" in capsys.readouterr().err
    assert main(["--db", str(path), "list", "attachments", "picture", "99999", "--json"]) == 2
    assert "ingen lägesbild" in capsys.readouterr().err
    picture = _picture_ids(path, capsys)[0]
    assert main(["--db", str(path), "list", "attachments", "picture", str(picture), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
