"""Attachments and extracts from the command line, on the example data: a file attached to
meeting 1 is "Bilaga 1" in its minutes, travels in its e-mail draft and comes back byte-exact
from `export attachment` and through `export data`/`import data`; bad targets and too big files
are one Swedish line and exit code 2; `export extract` writes a *protokollsutdrag* of exactly
the items asked for."""

from __future__ import annotations

import email
import json
import subprocess
from email import policy
from pathlib import Path

import pytest

from trygghetsrad.cli import main
from trygghetsrad.domain.attachments import MAX_ATTACHMENT_BYTES

CONTENT = b"%PDF-1.4\n\x00\xff\xfe binary \r\n and \xe5\xe4\xf6 bytes\n" * 50


def _text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout


@pytest.fixture
def attached(demo_database, tmp_path: Path, capsys) -> Path:  # type: ignore[no-untyped-def]
    path = demo_database.path
    demo_database.close()
    source = tmp_path / "Polisens lägesbild år 2026.pdf"
    source.write_bytes(CONTENT)
    code = main(["--db", str(path), "attach", "meeting", "1", str(source), "--title", "Lägesbild"])
    assert code == 0
    capsys.readouterr()
    return path


def test_attached_file_is_listed_numbered_mailed_and_written_back(
    attached: Path, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    assert main(["--db", str(attached), "list", "attachments", "meeting", "1", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(a["title"], a["filename"], a["size"]) for a in listed] == [
        ("Lägesbild", "Polisens lägesbild år 2026.pdf", len(CONTENT))
    ]

    minutes = tmp_path / "m.pdf"
    assert main(["--db", str(attached), "export", "minutes", "1", str(minutes)]) == 0
    assert "Bilaga 1: Lägesbild" in _text(minutes)
    notice = tmp_path / "n.pdf"
    assert main(["--db", str(attached), "export", "notice", "1", str(notice)]) == 0
    assert "Bilaga 1: Lägesbild" in _text(notice)

    draft = tmp_path / "m.eml"
    assert main(["--db", str(attached), "export", "email", "1", str(draft)]) == 0
    message = email.message_from_bytes(draft.read_bytes(), policy=policy.default)
    files = {p.get_filename(): p.get_content() for p in message.iter_attachments()}
    assert files["Bilaga 1 Polisens lägesbild år 2026.pdf"] == CONTENT
    assert any(name.endswith(".pdf") and name.startswith("Minnes") for name in files)

    out = tmp_path / "tillbaka.pdf"
    assert (
        main(["--db", str(attached), "export", "attachment", str(listed[0]["id"]), str(out)]) == 0
    )
    assert out.read_bytes() == CONTENT


def test_export_data_and_import_data_round_trip_the_bytes(
    attached: Path, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    dump = tmp_path / "allt.json"
    assert main(["--db", str(attached), "export", "data", str(dump)]) == 0
    rows = json.loads(dump.read_text(encoding="utf-8"))["tables"]["attachments"]
    ours = next(r for r in rows if r["meeting_id"] == 1)
    assert ours["title"] == "Lägesbild"
    target = tmp_path / "ny.sqlite"
    assert main(["--db", str(target), "import", "data", str(dump)]) == 0
    out = tmp_path / "igen.pdf"
    assert main(["--db", str(target), "export", "attachment", str(ours["id"]), str(out)]) == 0
    assert out.read_bytes() == CONTENT
    # The example data's own files (of a meeting, an item and an agreement) come back too.
    owners = {
        next(k for k in ("meeting_id", "agenda_item_id", "agreement_id") if r[k]) for r in rows
    }
    assert owners == {"meeting_id", "agenda_item_id", "agreement_id"}
    for row in rows:
        before, after = tmp_path / f"a{row['id']}", tmp_path / f"b{row['id']}"
        assert (
            main(["--db", str(attached), "export", "attachment", str(row["id"]), str(before)]) == 0
        )
        assert main(["--db", str(target), "export", "attachment", str(row["id"]), str(after)]) == 0
        assert before.read_bytes() == after.read_bytes() != b""


def test_bad_targets_and_files_are_refused_with_exit_2(
    attached: Path, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    before = attached.read_bytes()
    assert main(["--db", str(attached), "export", "attachment", "1", str(attached)]) == 2
    assert "databasen" in capsys.readouterr().err
    assert main(["--db", str(attached), "export", "attachment", "1", str(tmp_path)]) == 2
    assert "är en mapp" in capsys.readouterr().err
    assert main(["--db", str(attached), "export", "attachment", "999", str(tmp_path / "x")]) == 2
    assert "Bilagan finns inte" in capsys.readouterr().err

    big = tmp_path / "film.mp4"
    with big.open("wb") as fh:
        fh.truncate(MAX_ATTACHMENT_BYTES + 1)
    assert main(["--db", str(attached), "attach", "meeting", "1", str(big)]) == 2
    assert "högst 25 MB" in capsys.readouterr().err
    assert main(["--db", str(attached), "attach", "item", "99999", str(big)]) == 2
    assert main(["--db", str(attached), "attach", "meeting", "99999", str(tmp_path / "x")]) == 2
    assert main(["--db", str(attached), "attach", "agreement", "99999", str(big)]) == 2
    assert main(["--db", str(attached), "list", "attachments", "meeting", "1"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1  # nothing more was stored
    assert attached.read_bytes() == before


def _finalised_protocol(path: Path, capsys) -> int:  # type: ignore[no-untyped-def]
    assert main(["--db", str(path), "list", "meetings", "--json"]) == 0
    meetings = json.loads(capsys.readouterr().out)
    return next(
        m["id"]
        for m in meetings
        if m["kind"] == "protocol" and m["status"] in ("finalised", "sent")
    )


def test_extract_holds_the_item_asked_for_and_not_the_next(
    demo_database, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    path = demo_database.path
    demo_database.close()
    meeting = _finalised_protocol(path, capsys)
    assert main(["--db", str(path), "list", "agenda", "--meeting", str(meeting), "--json"]) == 0
    items = [i for i in json.loads(capsys.readouterr().out) if not i["internal"]]
    first, second = items[0], items[1]
    out = tmp_path / "utdrag.pdf"
    assert (
        main(["--db", str(path), "export", "extract", str(meeting), first["number"], str(out)]) == 0
    )
    text = _text(out)
    assert "Protokollsutdrag" in text
    assert first["title"] in text
    assert second["title"] not in text
    assert first["number"] in text
    assert "Rätt utdraget intygar" in text
    assert "Justerare" in text


def test_extract_refuses_unknown_numbers_and_drafts(demo_database, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = demo_database.path
    demo_database.close()
    meeting = _finalised_protocol(path, capsys)
    out = tmp_path / "utdrag.pdf"
    assert main(["--db", str(path), "export", "extract", str(meeting), "§ 999", str(out)]) == 2
    assert "finns inte i protokollet" in capsys.readouterr().err
    assert not out.exists()
    assert main(["--db", str(path), "list", "meetings", "--json"]) == 0
    draft = next(
        m["id"] for m in json.loads(capsys.readouterr().out) if m["status"] in ("draft", "planned")
    )
    assert main(["--db", str(path), "export", "extract", str(draft), "1", str(out)]) == 2
    assert "justerat eller fastställt" in capsys.readouterr().err
    assert not out.exists()
