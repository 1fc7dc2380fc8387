"""What was sent is kept (issue 14.8): every finalised or sent version of the minutes is stored
unchanged, listed with its date, and exported again exactly as it was."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from factories_meetings import make_group_with_members, make_item, make_meeting
from pypdf import PdfReader

from trygghetsrad.cli import main
from trygghetsrad.domain.meetings.minutes_versions import (
    VersionEvent,
    dumps_document,
    loads_document,
)
from trygghetsrad.domain.meetings.model import Note
from trygghetsrad.errors import UserError
from trygghetsrad.export.meetings.minutes_pdf import minutes_pdf
from trygghetsrad.services.meetings import agenda as meetings_agenda
from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.services.meetings.document import meeting_document
from trygghetsrad.services.meetings.versions import list_versions, version_document


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).replace("\xa0", " ").split())


def _sent_then_changed(session) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    group, people = make_group_with_members(session, 3)
    meeting = make_meeting(session, group_ids=[group], day=date(2026, 5, 11), chair_id=people[0])
    item = make_item(session, meeting, title="Lägesbild för Östra Storåker")
    meetings_agenda.set_notes(session, item, [Note("Skadegörelsen har minskat med 30 %")])
    meetings_agenda.set_notes(session, make_item(session, meeting, title="Intern"), [])
    meetings.start_minutes(session, meeting)
    meetings.finalise(session, meeting, on=date(2026, 5, 12))
    meetings.mark_sent(session, meeting, on=date(2026, 5, 13))
    meetings.reopen_for_change(session, meeting, note="Rättad siffra", on=date(2026, 6, 2))
    meetings_agenda.set_notes(session, item, [Note("Skadegörelsen har minskat med 20 %")])
    meetings.finalise(session, meeting, on=date(2026, 6, 3))
    return meeting, item


def test_reopening_keeps_every_finalised_and_sent_version(session) -> None:  # type: ignore[no-untyped-def]
    meeting, _item = _sent_then_changed(session)
    versions = list_versions(session, meeting)
    assert [(v.number, v.event, v.recorded_on) for v in versions] == [
        (1, VersionEvent.FINALISED, date(2026, 5, 12)),
        (2, VersionEvent.SENT, date(2026, 5, 13)),
        (3, VersionEvent.FINALISED, date(2026, 6, 3)),
    ]
    assert versions[1].label == "Version 2 – skickat 2026-05-13"
    sent = _text(minutes_pdf(version_document(session, meeting, 2)))
    assert "minskat med 30 %" in sent and "20 %" not in sent
    assert "Reviderad" not in sent  # it was sent before any revision
    current = _text(minutes_pdf(meeting_document(session, meeting)))
    assert "minskat med 20 %" in current and "Reviderad 2026-06-02" in current


def test_a_version_renders_the_same_pdf_as_when_it_was_sent(session) -> None:  # type: ignore[no-untyped-def]
    group, _ = make_group_with_members(session, 2)
    meeting = make_meeting(session, group_ids=[group], day=date(2026, 5, 11))
    make_item(session, meeting, title="Årshjul 2027")
    meetings.start_minutes(session, meeting)
    meetings.finalise(session, meeting, on=date(2026, 5, 12))
    meetings.mark_sent(session, meeting, on=date(2026, 5, 13))
    as_sent = meeting_document(session, meeting, today=date(2026, 5, 13))
    kept = version_document(session, meeting, 2)
    # exactly what the minutes print; the members' e-mail addresses are not copied
    assert kept == replace(as_sent, recipients=(), contact_email="", sender_email="")
    assert as_sent.recipients and not kept.recipients
    assert loads_document(dumps_document(as_sent)) == as_sent
    # the layout is deterministic apart from the creation time stamps of the PDF
    assert _text(minutes_pdf(kept)) == _text(minutes_pdf(as_sent))


def test_a_meeting_once_sent_cannot_be_deleted_even_after_reopening(session) -> None:  # type: ignore[no-untyped-def]
    meeting, _item = _sent_then_changed(session)
    with pytest.raises(UserError, match="allmän handling"):
        meetings.delete_meeting(session, meeting)


def test_unknown_version_is_a_clear_message(session) -> None:  # type: ignore[no-untyped-def]
    meeting, _item = _sent_then_changed(session)
    with pytest.raises(UserError, match="ingen version 9; det finns 1, 2, 3"):
        version_document(session, meeting, 9)


def test_cli_lists_versions_and_exports_one_as_sent(
    database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    with database.session() as s:
        meeting, _item = _sent_then_changed(s)
    database.close()
    db = str(database.path)
    assert main(["--db", db, "list", "versions", "--meeting", str(meeting), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed == [
        {"number": 1, "event": "finalised", "recorded_on": "2026-05-12"},
        {"number": 2, "event": "sent", "recorded_on": "2026-05-13"},
        {"number": 3, "event": "finalised", "recorded_on": "2026-06-03"},
    ]
    assert main(["--db", db, "list", "versions", "--meeting", str(meeting)]) == 0
    assert "2\tSkickat\t2026-05-13" in capsys.readouterr().out
    out = tmp_path / "skickad.pdf"
    assert main(["--db", db, "export", "minutes", str(meeting), str(out), "--version", "2"]) == 0
    text = _text(out.read_bytes())
    assert "minskat med 30 %" in text and "Reviderad" not in text
    missing = tmp_path / "saknas.pdf"
    args = ["--db", db, "export", "minutes", str(meeting), str(missing), "--version", "7"]
    assert main(args) == 2
    assert "ingen version 7" in capsys.readouterr().err and not missing.exists()


def test_every_meeting_of_the_example_data_is_kept_field_for_field(session) -> None:  # type: ignore[no-untyped-def]
    from factories_meetings import fill_meetings_demo

    fill_meetings_demo(session)
    kept = 0
    for m in meetings.list_meetings(session):
        doc = meeting_document(session, m.id, include_internal=True)
        assert loads_document(dumps_document(doc)) == doc, m.id
        kept += len(list_versions(session, m.id))
    assert kept >= 10  # the example data finalises and sends most meetings
