"""`list actions` and the Excel exports on the command line, on the example data."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from trygghetsrad.cli import main
from trygghetsrad.domain.actions.register import ActionFilter
from trygghetsrad.services.actions.register import register_actions


def _run(path: Path, *args: str) -> int:
    return main(["--db", str(path), *args])


@pytest.fixture
def demo_file(demo_database) -> Path:  # type: ignore[no-untyped-def]
    demo_database.close()
    return demo_database.path


def test_list_actions_overdue_lists_only_open_actions_past_their_date(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(demo_file, "list", "actions", "--json") == 0
    everything = json.loads(capsys.readouterr().out)
    assert _run(demo_file, "list", "actions", "--json", "--overdue") == 0
    overdue = json.loads(capsys.readouterr().out)
    today = date.today().isoformat()
    expected = [
        a["id"]
        for a in everything
        if a["status"] == "open" and a["due_date"] is not None and a["due_date"] < today
    ]
    assert overdue and [a["id"] for a in overdue] == expected
    assert all(a["overdue"] for a in overdue)
    assert len(everything) > len(overdue)
    assert {"what", "responsibles", "carried_count", "meeting", "groups", "measures"} <= set(
        overdue[0]
    )
    # As text, each says so the way every screen does: the status given, then "försenad".
    assert _run(demo_file, "list", "actions", "--overdue") == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(overdue)
    assert {line.split("\t")[2] for line in lines} == {"Öppen, försenad"}


def test_list_actions_filters_and_refusals(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(demo_file, "list", "actions", "--json", "--status", "done") == 0
    done = json.loads(capsys.readouterr().out)
    assert done and {a["status"] for a in done} == {"done"}
    person = next(
        r["person_id"] for a in done for r in a["responsibles"] if r["person_id"] is not None
    )
    assert _run(demo_file, "list", "actions", "--json", "--person", str(person)) == 0
    mine = json.loads(capsys.readouterr().out)
    assert mine and all(any(r["person_id"] == person for r in a["responsibles"]) for a in mine)
    assert _run(demo_file, "list", "actions", "--person", "99999") == 2
    assert "ingen person med id 99999" in capsys.readouterr().err
    with pytest.raises(SystemExit) as refused:
        _run(demo_file, "list", "actions", "--status", "klar")
    assert refused.value.code == 2
    # The other lists still work beside it.
    assert _run(demo_file, "list", "groups") == 0


def test_export_actions_xlsx_has_one_row_per_action(demo_file: Path, tmp_path: Path) -> None:
    from trygghetsrad.db.engine import open_database

    db = open_database(demo_file)
    with db.session() as s:
        actions = register_actions(s, ActionFilter())
    db.close()
    out = tmp_path / "uppdrag.xlsx"
    assert _run(demo_file, "export", "actions", str(out)) == 0
    ws = openpyxl.load_workbook(out).active
    assert ws.max_row == 1 + len(actions)
    assert ws.freeze_panes == "A2"
    ids = [row[11] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert ids == [a.id for a in actions]
    dated = next(r for r in ws.iter_rows(min_row=2) if r[2].value is not None)
    assert dated[2].is_date and isinstance(dated[4].value, int)


@pytest.mark.parametrize("what", ["actions", "attendance", "measures", "indicators"])
def test_every_table_exports_as_swedish_csv_and_xlsx(
    demo_file: Path, tmp_path: Path, what: str
) -> None:
    csv_out = tmp_path / f"{what}.csv"
    assert _run(demo_file, "export", what, str(csv_out), "--year", "2025") == 0
    text = csv_out.read_bytes()
    assert text.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(text.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert len(rows) > 1 and all(len(r) == len(rows[0]) for r in rows)
    xlsx_out = tmp_path / f"{what}.xlsx"
    assert _run(demo_file, "export", what, str(xlsx_out), "--year", "2025") == 0
    ws = openpyxl.load_workbook(xlsx_out).active
    assert ws.max_row == len(rows)
    assert [c.value for c in ws[1]] == rows[0]


def test_a_spreadsheet_needs_a_known_suffix(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "uppdrag.ods"
    assert _run(demo_file, "export", "actions", str(out)) == 2
    assert ".xlsx" in capsys.readouterr().err
    assert not out.exists()


def test_export_reminders_writes_one_draft_per_person(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import email
    from email import policy

    from trygghetsrad.db.engine import open_database
    from trygghetsrad.domain.meetings.model import ActionStatus
    from trygghetsrad.services import register

    today = date.today()
    db = open_database(demo_file)
    with db.session() as s:
        people = {p.email: p.id for p in register.list_people(s) if p.email}
        open_actions = register_actions(s, ActionFilter(status=ActionStatus.OPEN), today=today)
    db.close()
    out = tmp_path / "påminnelser"
    assert _run(demo_file, "export", "reminders", str(out)) == 0
    printed = capsys.readouterr().out
    assert "Saknar e-postadress" in printed
    drafts = sorted(out.glob("Påminnelse uppdrag *.eml"))
    assert drafts
    reminded = set()
    for path in drafts:
        msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        assert msg["X-Unsent"] == "1"
        [to] = msg["To"].addresses
        person = people[to.addr_spec]
        reminded.add(person)
        body = msg.get_body(("plain",)).get_content()
        listed = [line[2:].split(" (")[0] for line in body.splitlines() if line.startswith("• ")]
        assert listed == [a.what for a in open_actions if person in a.person_ids]
    assert reminded == {pid for a in open_actions for pid in a.person_ids if pid in people.values()}
    assert list(out.glob("Påminnelse underlag *.eml"))  # the example data has late deliveries
    file = tmp_path / "fil.txt"
    file.write_text("x")
    assert _run(demo_file, "export", "reminders", str(file)) == 2
