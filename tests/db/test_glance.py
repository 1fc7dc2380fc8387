"""The start-up glance (plain sqlite3) shows exactly what the services show, and never writes."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from datetime import date, time
from pathlib import Path

import pytest

from trygghetsrad.db import glance
from trygghetsrad.services import register
from trygghetsrad.services.meetings import invitations as meeting_invitations
from trygghetsrad.services.meetings import lifecycle as meetings


@pytest.fixture(scope="module")
def years_database(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """`demo --years 2`: hundreds of meetings with joint groups, times and untitled ones."""
    from trygghetsrad.__main__ import main
    from trygghetsrad.db.engine import open_database

    path = tmp_path_factory.mktemp("glance") / "två-år.sqlite"
    assert main(["--db", str(path), "demo", "--date", "2026-11-26", "--years", "2"]) == 0
    db = open_database(path)
    yield db
    db.close()


def _same_as_services(database) -> int:  # type: ignore[no-untyped-def]
    with database.session() as s:
        expected_meetings = meetings.list_meetings(s)
        expected_people = register.list_people(s)
    with glance.reading(database.path) as conn:
        assert glance.meetings(conn) == expected_meetings
        assert glance.people(conn) == expected_people
    return len(expected_meetings)


def test_glance_equals_the_services_on_the_example_data(demo_database) -> None:  # type: ignore[no-untyped-def]
    assert _same_as_services(demo_database) >= 10


def test_glance_equals_the_services_on_years_of_history(years_database) -> None:  # type: ignore[no-untyped-def]
    count = _same_as_services(years_database)
    assert count >= 60
    with glance.reading(years_database.path) as conn:
        rows = glance.meetings(conn)
    assert any(len(m.group_ids) > 1 for m in rows)  # joint meetings: groups in their order
    assert any(isinstance(m.start_time, time) for m in rows)  # times parsed, not strings


def test_glance_follows_edits_made_through_the_services(database) -> None:  # type: ignore[no-untyped-def]
    with database.session() as s:
        first = register.create_group(s, name="Östra gruppen").id
        second = register.create_group(s, name="Ängby trygghetsråd").id
        meetings.create_meeting(s, group_ids=[second, first], day=date(2026, 3, 5))
        meetings.create_meeting(
            s, group_ids=[first], day=date(2026, 3, 5), start_time=time(8, 30), title="Årsmöte"
        )
        called_off = meetings.create_meeting(s, group_ids=[first], day=date(2026, 4, 2)).id
        meeting_invitations.cancel_meeting(s, called_off, on=date(2026, 3, 20))
        register.create_person(s, name="Örjan Åberg")
        register.create_person(s, name="anna Berg")
    assert _same_as_services(database) == 3
    with glance.reading(database.path) as conn:
        assert [p.name for p in glance.people(conn)] == ["anna Berg", "Örjan Åberg"]
        # The called-off meeting reads "Inställt" in the glance as it does on the page.
        shown = {m.id: m.status_label for m in glance.meetings(conn)}
        counts = glance.count_rows(conn, [("meetings", "möten"), ("finns_inte", "x")])
    assert shown[called_off] == "Inställt"
    assert counts.items == (("möten", 3), ("x", 0)) and counts


def test_glance_never_writes_or_creates(tmp_path: Path, demo_database) -> None:  # type: ignore[no-untyped-def]
    path = demo_database.path
    demo_database.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with glance.reading(path) as conn:
        glance.meetings(conn)
        with pytest.raises(Exception, match="readonly"):
            conn.execute("DELETE FROM meetings")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    with pytest.raises(Exception, match="unable to open"), glance.reading(tmp_path / "ny.sqlite"):
        pass
    assert not (tmp_path / "ny.sqlite").exists()


def test_glance_imports_no_sqlalchemy() -> None:
    code = (
        "import sys\n"
        "import trygghetsrad.db.glance, trygghetsrad.db.inspection, trygghetsrad.db.lock\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
