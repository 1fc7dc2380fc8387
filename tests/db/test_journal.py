"""The undo journal: row changes recorded by TEMP triggers, replayed exactly, conflicts refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from factories import make_person
from factories_meetings import make_action, make_group_with_members, make_item, make_meeting
from factories_situation import make_indicator

from trygghetsrad.db import journal
from trygghetsrad.domain.meetings.model import Note
from trygghetsrad.errors import UserError
from trygghetsrad.services import journal as journal_service
from trygghetsrad.services import register, search
from trygghetsrad.services.meetings import agenda as meetings_agenda
from trygghetsrad.services.meetings import lifecycle as meetings


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (not the search index), with SQLite's storage classes."""
    conn = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'search_index%' AND name != 'alembic_version'"
            )
        ]
        out = {}
        for table in tables:
            columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
            typed = ", ".join(f'typeof("{c}"), "{c}"' for c in columns)
            out[table] = sorted(conn.execute(f'SELECT {typed} FROM "{table}"').fetchall(), key=repr)
        return out
    finally:
        conn.close()


def _meeting_with_minutes(database: Any) -> tuple[int, int]:
    with database.session() as s:
        group_id, people = make_group_with_members(s)
        meeting_id = make_meeting(s, group_ids=[group_id], chair_id=people[0])
        item_id = make_item(s, meeting_id, title="Klotter vid Norrbyskolan")
        meetings_agenda.save_item_fields(
            s,
            item_id,
            title="Klotter vid Norrbyskolan",
            body="",
            internal=False,
            notes=[Note("Zebralunden har fått ny belysning")],
            decisions=[],
        )
        make_action(s, item_id, what="Kontakta fastighetsägaren")
    return meeting_id, item_id


def test_insert_update_delete_round_trip(database: Any, db_path: Path) -> None:
    with database.session() as s:
        person_id = make_person(s, name="Anna Öberg")
    before = dump(db_path)
    with database.session() as s, journal.record(s, "Ändra") as rec:
        register.update_person(s, person_id, name="Anna Åkesson", title="Samordnare")
        other = make_person(s, name="Bo Ek")
        register.delete_person(s, other)
        make_person(s, name="Cecilia Ling")
    changeset = rec.changeset
    assert [c.op for c in changeset.changes] == ["U", "I", "D", "I"]
    after = dump(db_path)
    with database.session() as s:
        journal.undo(s, changeset)
    assert dump(db_path) == before
    with database.session() as s:
        journal.redo(s, changeset)
    assert dump(db_path) == after
    with database.session() as s:
        assert {p.name for p in register.list_people(s)} == {"Anna Åkesson", "Cecilia Ling"}


def test_cascaded_rows_come_back_byte_identical(database: Any, db_path: Path) -> None:
    meeting_id, _item = _meeting_with_minutes(database)
    before = dump(db_path)
    with database.session() as s, journal.record(s, "Ta bort mötet") as rec:
        meetings.delete_meeting(s, meeting_id)
    changeset = rec.changeset
    # The ORM deletes the meeting; the database cascades to items, actions and attendance.
    for table in ("meetings", "agenda_items", "action_items", "attendance", "meeting_groups"):
        assert changeset.count(table, "D") >= 1, table
    after = dump(db_path)
    assert after["agenda_items"] == [] and after["action_items"] == []
    with database.session() as s:
        journal.undo(s, changeset)
    assert dump(db_path) == before
    with database.session() as s:
        journal.redo(s, changeset)
    assert dump(db_path) == after
    with database.session() as s:
        journal.undo(s, changeset)
    assert dump(db_path) == before
    with database.session() as s:
        detail = meetings.get_meeting(s, meeting_id)
        items = meetings_agenda.get_agenda(s, meeting_id)
    assert detail.id == meeting_id
    assert [i.title for i in items] == ["Klotter vid Norrbyskolan"]
    assert [a.what for a in items[0].actions] == ["Kontakta fastighetsägaren"]
    assert journal_service.changes_of(changeset).touches("meetings")


def test_real_and_blob_values_are_exact(database: Any, db_path: Path) -> None:
    logo = bytes(range(256)) * 3
    with database.session() as s:
        indicator_id = make_indicator(s)
    with database.session() as s, journal.record(s, "Värden") as rec:
        conn = s.connection()
        conn.exec_driver_sql(
            "INSERT INTO settings (key, value, blob) VALUES ('test_logo', '', ?)", (logo,)
        )
        for key, text in (("t_null", "NULL"), ("t_num", "12"), ("t_odd", "it's\n\u202eÅ😀 X'00'")):
            conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES (?, ?)", (key, text))
        conn.exec_driver_sql(
            "INSERT INTO indicator_values (indicator_id, area, period, value) "
            "VALUES (?, 'Norrby', '2026', 0.1 + 0.2), (?, 'Söder', '2026', 1e300), "
            "(?, 'Åby', '2026', -7)",
            (indicator_id, indicator_id, indicator_id),
        )
    after = dump(db_path)
    with database.session() as s:
        journal.undo(s, rec.changeset)
    assert "test_logo" not in str(dump(db_path)["settings"])
    with database.session() as s:
        journal.redo(s, rec.changeset)
    assert dump(db_path) == after
    stored = {row[1]: row for row in after["settings"]}
    assert stored["t_null"][2:4] == ("text", "NULL")
    assert stored["t_num"][2:4] == ("text", "12")
    assert stored["t_odd"][3] == "it's\n\u202eÅ😀 X'00'"
    assert stored["test_logo"][4:6] == ("blob", logo)
    # The value column by name: later migrations add columns after it (area_id).
    conn = sqlite3.connect(db_path)
    try:
        columns = [row[1] for row in conn.execute('PRAGMA table_info("indicator_values")')]
    finally:
        conn.close()
    at = 2 * columns.index("value")
    values = sorted(row[at : at + 2] for row in after["indicator_values"])
    assert values == [("real", -7.0), ("real", 0.1 + 0.2), ("real", 1e300)]


def test_conflict_is_refused_and_nothing_changes(database: Any, db_path: Path) -> None:
    with database.session() as s:
        person_id = make_person(s, name="Anna Öberg")
        keep = make_person(s, name="Bo Ek")
    with database.session() as s, journal.record(s, "Byt namn") as rec:
        register.update_person(s, person_id, name="Anna Åkesson")
        register.update_person(s, keep, name="Bo Ekholm")
    with database.session() as s:  # changed since, e.g. in another tab
        register.update_person(s, person_id, name="Anna Lind")
    before = dump(db_path)
    with pytest.raises(UserError, match="Kan inte ångra ”Byt namn”: posten har ändrats sedan"):
        journal_service.undo(database, rec.changeset)
    assert dump(db_path) == before  # Bo keeps his new name too: all or nothing


def test_undo_refuses_a_cascade_into_rows_added_later(database: Any, db_path: Path) -> None:
    with database.session() as s:
        group_id, _people = make_group_with_members(s)
    with database.session() as s, journal.record(s, "Nytt möte") as rec:
        meeting_id = make_meeting(s, group_ids=[group_id])
    with database.session() as s:  # not part of the recorded change
        make_item(s, meeting_id, title="Punkt som kom till senare")
    before = dump(db_path)
    with pytest.raises(UserError, match="Kan inte ångra ”Nytt möte”"):
        journal_service.undo(database, rec.changeset)
    assert dump(db_path) == before


def test_redo_refused_when_rows_came_back_another_way(database: Any, db_path: Path) -> None:
    with database.session() as s:
        person_id = make_person(s, name="Anna Öberg")
    with database.session() as s, journal.record(s, "Byt namn") as rec:
        register.update_person(s, person_id, name="Anna Åkesson")
    journal_service.undo(database, rec.changeset)
    with database.session() as s:
        register.update_person(s, person_id, name="Anna Lind")
    with pytest.raises(UserError, match="Kan inte göra om ”Byt namn”"):
        journal_service.redo(database, rec.changeset)


def test_journal_is_off_outside_record(database: Any) -> None:
    with database.session() as s:
        with journal.record(s, "Först") as rec:
            assert journal.installed_triggers(s.connection()) > 0
            assert journal.is_recording(s)
            make_person(s, name="Anna Öberg")
        # Same connection, same transaction: the triggers are gone, nothing more is logged.
        conn = s.connection()
        assert journal.installed_triggers(conn) == 0
        make_person(s, name="Bo Ek")
        assert not journal.is_recording(s)
        assert conn.exec_driver_sql(f"SELECT count(*) FROM temp.{journal.LOG}").scalar() == 0
    assert len(rec.changeset) == 1
    with database.session() as s:
        assert journal.installed_triggers(s.connection()) == 0


def test_failed_body_records_nothing_and_stops_recording(database: Any) -> None:
    with pytest.raises(UserError), database.session() as s, journal.record(s, "Fel"):
        make_person(s, name="Anna Öberg")
        raise UserError("stopp")
    with database.session() as s:
        assert not journal.is_recording(s)
        assert journal.installed_triggers(s.connection()) == 0
        assert register.list_people(s) == []


def test_undo_on_other_pool_connections(database: Any, db_path: Path) -> None:
    with database.session() as s:
        person_id = make_person(s, name="Anna Öberg")
    before = dump(db_path)
    recorded = journal_service.run(
        database, "Ta bort", lambda s: register.delete_person(s, person_id)
    )
    database.engine.dispose()  # every later session gets a fresh connection
    journal_service.undo(database, recorded.changeset)
    assert dump(db_path) == before
    database.engine.dispose()
    journal_service.redo(database, recorded.changeset)
    with database.session() as s:
        assert register.list_people(s) == []


def test_run_reports_areas_and_result(database: Any) -> None:
    recorded = journal_service.run(
        database, "Ny person", lambda s: register.create_person(s, name="Anna Öberg")
    )
    assert recorded.result.id > 0
    assert recorded.changes.touches("register")
    assert recorded.changeset.label == "Ny person"
    nothing = journal_service.run(database, "Inget", lambda s: None)
    assert not nothing


def test_search_finds_an_undone_meeting_deletion_again(database: Any) -> None:
    meeting_id, _item = _meeting_with_minutes(database)

    def hits() -> set[tuple[str, int]]:
        with database.session() as s:
            found = search.search(s, text="Kontakta fastighetsägaren").hits()
            found += search.search(s, text="Norrbyskolan").hits()
        return {(h.ref_table, h.ref_id) for h in found}

    before = hits()
    assert ("action_items", meetings_id_action(database, meeting_id)) in before
    recorded = journal_service.run(
        database, "Ta bort mötet", lambda s: meetings.delete_meeting(s, meeting_id)
    )
    assert hits() == set()
    journal_service.undo(database, recorded.changeset)
    assert hits() == before
    journal_service.redo(database, recorded.changeset)
    assert hits() == set()


def meetings_id_action(database: Any, meeting_id: int) -> int:
    with database.session() as s:
        items = meetings_agenda.get_agenda(s, meeting_id)
    return items[0].actions[0].id


def test_an_erased_person_cannot_be_brought_back_by_undo(database: Any, db_path: Path) -> None:
    from trygghetsrad.services import privacy

    with database.session() as s:
        person_id = make_person(s, name="Anna Öberg", email="anna@example.org")
    recorded = journal_service.run(
        database,
        "Ändra Anna",
        lambda s: register.update_person(
            s, person_id, name="Anna Öberg", email="anna.oberg@example.org", phone="070-1"
        ),
    )
    with database.session() as s:
        privacy.erase_person(s, person_id)
    erased = dump(db_path)
    with pytest.raises(UserError, match="Kan inte ångra ”Ändra Anna”"):
        journal_service.undo(database, recorded.changeset)
    assert dump(db_path) == erased
    assert "anna@example.org" not in str(erased) and "070-1" not in str(erased)


def test_a_new_timestamp_alone_is_no_conflict(database: Any, db_path: Path) -> None:
    with database.session() as s:
        person_id = make_person(s, name="Anna Öberg")
    before = dump(db_path)
    recorded = journal_service.run(
        database, "Byt namn", lambda s: register.update_person(s, person_id, name="Anna Åkesson")
    )
    with database.session() as s:  # the same values written again, only updated_at moves
        s.connection().exec_driver_sql(
            "UPDATE people SET updated_at = '2030-01-01 00:00:00' WHERE id = ?", (person_id,)
        )
    journal_service.undo(database, recorded.changeset)
    assert dump(db_path) == before  # the recorded timestamp comes back too
