"""`list meetings` and the meeting exports on the command line, on the example data."""

from __future__ import annotations

import email
import io
import json
from email import policy
from pathlib import Path

import icalendar
import pytest
from factories_meetings import fill_meetings_demo
from pypdf import PdfReader

from trygghetsrad.cli import main


@pytest.fixture
def demo_file(database) -> Path:  # type: ignore[no-untyped-def]
    with database.session() as s:
        fill_meetings_demo(s)
    database.close()
    return database.path


def _run(path: Path, *args: str) -> int:
    return main(["--db", str(path), *args])


def test_list_meetings_json(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(demo_file, "list", "meetings", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == 15
    first = data[0]
    assert {"id", "starts_at", "status", "groups", "title"} <= first.keys()
    assert first["starts_at"] == "2025-02-13T09:00:00"
    assert first["groups"] == ["Trygghetsrådet", "Klara-gruppen"]
    assert {m["status"] for m in data} == {"planned", "draft", "finalised", "sent"}


def test_list_people_still_works_beside_meetings(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(demo_file, "list", "groups") == 0
    assert "Klara-gruppen" in capsys.readouterr().out


def test_every_export_command_writes_a_readable_file(demo_file: Path, tmp_path: Path) -> None:
    minutes = tmp_path / "Minnesanteckningar Trygghetsrådet.pdf"
    assert _run(demo_file, "export", "minutes", "1", str(minutes)) == 0
    text = "".join(p.extract_text() for p in PdfReader(minutes).pages)
    assert "Lägesbildsarbete" in text
    notice = tmp_path / "kallelse.pdf"
    assert _run(demo_file, "export", "notice", "2025-02-13", str(notice)) == 0
    assert "Kallelse" in PdfReader(notice).pages[0].extract_text()
    eml = tmp_path / "utkast.eml"
    assert _run(demo_file, "export", "email", "1", str(eml), "--notice") == 0
    msg = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert msg["X-Unsent"] == "1"
    [attachment] = list(msg.iter_attachments())
    assert attachment.get_filename().startswith("Kallelse Trygghetsrådet")
    assert PdfReader(io.BytesIO(attachment.get_content())).pages
    ics = tmp_path / "möte.ics"
    assert _run(demo_file, "export", "invite", "1", str(ics)) == 0
    assert icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")


def test_internal_items_only_with_the_flag(demo_file: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert _run(demo_file, "list", "meetings", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    protocol = next(
        m["id"] for m in data if m["kind"] == "protocol" and m["status"] in ("finalised", "sent")
    )
    public, full = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert _run(demo_file, "export", "minutes", str(protocol), str(public)) == 0
    assert _run(demo_file, "export", "minutes", str(protocol), str(full), "--include-internal") == 0
    read = lambda p: "".join(page.extract_text() for page in PdfReader(p).pages)  # noqa: E731
    assert "Personalfråga" not in read(public)
    assert "Personalfråga" in read(full)


def test_unknown_meeting_is_a_user_error(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(demo_file, "export", "minutes", "999", str(tmp_path / "x.pdf")) == 2
    assert "Mötet finns inte" in capsys.readouterr().err
    assert _run(demo_file, "export", "minutes", "2025-05-08", str(tmp_path / "x.pdf")) == 2
    assert "Flera möten" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_list_meetings_as_lines(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(demo_file, "list", "meetings") == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 15
    assert lines[0].split("\t")[:4] == [
        "1",
        "torsdag 13 februari 2025, kl. 09.00–15.00",
        "Skickat",
        "Trygghetsrådet och Klara-gruppen",
    ]


def _usage(*args: str, capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit):
        main([*args, "--help"])
    return capsys.readouterr().out


def test_help_uses_swedish_placeholders(capsys: pytest.CaptureFixture[str]) -> None:
    import re

    seen = []
    for args in (
        ("export", "minutes"),
        ("export", "invite"),
        ("export", "plan"),
        ("export", "followup"),
        ("export", "agreement"),
        ("export", "situation"),
        ("export", "wheel"),
        ("export", "wheel-ics"),
        ("export", "data"),
        ("export", "person"),
        ("import", "data"),
        ("import", "ics"),
        ("import", "indicators"),
        ("list",),
        ("attach",),
        ("search",),
    ):
        usage = _usage(*args, capsys=capsys).split("\n\n")[0]
        seen.append(usage)
        # no English or bare placeholders: ID, UT, IN, YEAR, TEXT, FIL, ICS, PDF, id, out
        tokens = {t.strip("[]{}.") for t in re.split(r"[\s|]+", usage)}
        bad = {"ID", "UT", "IN", "YEAR", "TEXT", "FIL", "ICS", "PDF", "id", "out", "year"}
        assert not tokens & bad, usage
    joined = " ".join(seen)
    for expected in ("MÖTES-ID UTFIL.pdf", "PERSON-ID UTFIL.json", "ÅR", "INFIL.ics"):
        assert expected in joined


def test_list_help_names_every_list(capsys: pytest.CaptureFixture[str]) -> None:
    text = " ".join(_usage("list", capsys=capsys).split())
    assert "people, organisations eller groups" not in text
    for what in ("people", "groups", "meetings", "events", "situations", "plans"):
        assert what in text.split("vad som listas:")[1]


def test_a_missing_folder_is_one_swedish_line(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "saknas" / "protokoll.pdf"
    assert _run(demo_file, "export", "minutes", "1", str(target)) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"trygghetsrad: {target} kan inte skrivas: mappen finns inte."


def test_os_errors_anywhere_become_one_swedish_line(capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    from trygghetsrad.cli import run_command

    def denied(_args: argparse.Namespace) -> int:
        raise PermissionError(13, "Permission denied", "/srv/delad/årshjul.pdf")

    def missing(_args: argparse.Namespace) -> int:
        raise FileNotFoundError(2, "No such file or directory", "/tmp/indata.json")

    assert run_command(argparse.Namespace(handler=denied, command="export")) == 2
    assert capsys.readouterr().err.strip() == (
        "trygghetsrad: /srv/delad/årshjul.pdf kan inte läsas eller skrivas: behörighet saknas."
    )
    assert run_command(argparse.Namespace(handler=missing, command="import")) == 2
    err = capsys.readouterr().err
    assert err.strip() == "trygghetsrad: Filen /tmp/indata.json finns inte."
    assert "No such file" not in err and "Traceback" not in err
