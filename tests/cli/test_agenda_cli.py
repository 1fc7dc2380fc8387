"""`list agenda` and `list attendance` show a meeting's items as councils write them and its
attendance as it happened; a missing meeting is one Swedish line and exit code 2."""

from __future__ import annotations

import json
from datetime import time
from pathlib import Path

import pytest
from factories import make_person
from factories_meetings import make_item, make_meeting

from trygghetsrad.cli import main
from trygghetsrad.domain.meetings.agenda_structure import ItemCategory
from trygghetsrad.domain.meetings.model import MeetingKind
from trygghetsrad.services.meetings import attendance as meetings_attendance
from trygghetsrad.services.meetings import structure as meetings_structure


@pytest.fixture
def council(database) -> Path:  # type: ignore[no-untyped-def]
    with database.session() as s:
        meeting = make_meeting(s, kind=MeetingKind.PROTOCOL, first_paragraph=3)
        open_item = make_item(s, meeting, title="Mötets öppnande")
        pause = make_item(s, meeting, title="Paus")
        police = make_item(s, meeting, title="Polisens lägesbild")
        meetings_structure.update_item_details(s, pause, unnumbered=True)
        meetings_structure.update_item_details(
            s,
            police,
            category=ItemCategory.INFORMATION,
            presenter_id=make_person(s, name="Josef Lind"),
            case_number="KS 2026/9",
            slot_start=time(14, 0),
            slot_end=time(14, 30),
            papers_later=True,
            refers_to_id=open_item,
        )
        row = meetings_attendance.list_attendance(s, meeting)[0]
        meetings_structure.update_attendance_details(
            s, row.id, partial="t.o.m. § 3", meeting_role="tjänstgörande ordförande"
        )
    database.close()
    return database.path


def test_list_agenda_shows_numbers_and_facts(
    council: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(council), "list", "agenda", "--meeting", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "§ 3\tMötets öppnande"
    assert lines[1] == "–\tPaus"
    assert lines[2] == (
        "§ 4\tPolisens lägesbild\tInformationsärende · Föredragande: Josef Lind · Dnr KS 2026/9"
        " · Tid 14.00–14.30 · Handlingar kommer senare\tSe § 3 Mötets öppnande"
    )
    assert main(["--db", str(council), "list", "agenda", "--meeting", "1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["number"] for d in data] == ["§ 3", "", "§ 4"]
    assert data[2]["category"] == "information" and data[2]["slot"] == "14.00–14.30"
    assert data[1]["unnumbered"] is True and "text" not in data[0]


def test_a_slot_outside_the_meeting_is_warned_about_as_in_the_editor(
    council: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The meeting runs 10.00–12.00 and item § 4 is set at 14.00–14.30: the editor's warning,
    word for word, on stderr; exit 0 and the slot kept, since a meeting may run late."""
    from trygghetsrad.domain.meetings.agenda_structure import slot_warning

    warning = slot_warning(time(14, 0), time(14, 30), time(10, 0), time(12, 0))
    assert warning == "Tiden 14.00–14.30 ligger utanför mötets tid 10.00–12.00."
    assert main(["--db", str(council), "list", "agenda", "--meeting", "1"]) == 0
    out, err = capsys.readouterr()
    assert err.splitlines() == [f"§ 4 Polisens lägesbild: {warning}"]
    assert "Tid 14.00–14.30" in out  # kept, and listed as before
    assert main(["--db", str(council), "list", "agenda", "--meeting", "1", "--json"]) == 0
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert [d["slot_warning"] for d in data] == ["", "", warning]
    assert err.splitlines() == [f"§ 4 Polisens lägesbild: {warning}"]


def test_list_attendance_shows_what_happened(
    council: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(council), "list", "attendance", "--meeting", "1", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)[0]
    assert first["partial"] == "t.o.m. § 3"
    assert first["detail"].startswith("tjänstgörande ordförande")


def test_list_agenda_without_a_meeting_says_so(
    council: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(council), "list", "agenda"]) == 2
    assert "Ange mötet: list agenda --meeting MÖTES-ID." in capsys.readouterr().err
    assert main(["--db", str(council), "list", "attendance", "--meeting", "99"]) == 2
    assert "Mötet finns inte (id 99)" in capsys.readouterr().err
