"""Meetings are found by the name the list shows (groups and date), the month in words, the
ISO date, the place and the online link; their items, notes and decisions say which meeting
they belong to, and open their agenda item."""

from __future__ import annotations

import importlib
from datetime import date

from factories import make_group
from factories_meetings import make_action, make_item, make_meeting

from trygghetsrad.db import search_index, search_sources
from trygghetsrad.domain.calendar_items import Owner
from trygghetsrad.domain.meetings.model import Note
from trygghetsrad.domain.search import plain
from trygghetsrad.services import register, search
from trygghetsrad.services.meetings import agenda as meetings_agenda
from trygghetsrad.services.meetings import lifecycle as meetings


def _meeting_hits(session, text):  # type: ignore[no-untyped-def]
    result = search.search(session, text=text)
    return [hit for hit in result.hits() if hit.kind == "meeting"]


def _setup(session):  # type: ignore[no-untyped-def]
    tr = make_group(session, name="Trygghetsrådet")
    klara = make_group(session, name="Klara-gruppen")
    feb = make_meeting(
        session, group_ids=[klara], day=date(2025, 2, 13), place="Kommunhuset, rum Älven"
    )
    may = make_meeting(
        session,
        group_ids=[tr],
        day=date(2024, 5, 16),
        place="",
        online_link="digitalt via Teams",
    )
    joint = make_meeting(session, group_ids=[tr, klara], day=date(2023, 5, 11), place="Norrby torg")
    return tr, klara, feb, may, joint


def test_meetings_made_in_the_app_are_found_by_group_and_date(session) -> None:  # type: ignore[no-untyped-def]
    _tr, _klara, feb, may, joint = _setup(session)
    hits = _meeting_hits(session, "Trygghetsrådet")
    assert {h.owner for h in hits} == {
        Owner("meetings", "meeting", may),
        Owner("meetings", "meeting", joint),
    }
    titles = {plain(h.title) for h in hits}
    assert "Trygghetsrådet, 16 maj 2024" in titles
    assert "Trygghetsrådet och Klara-gruppen, 11 maj 2023" in titles
    # Beside the name: the place (or the link), not the date once more.
    assert {h.context for h in hits} == {"digitalt via Teams", "Norrby torg"}
    assert [h.owner.id for h in _meeting_hits(session, "maj 2024")] == [may]
    assert [h.owner.id for h in _meeting_hits(session, "2024-05")] == [may]
    assert {h.owner.id for h in _meeting_hits(session, "11 maj")} == {joint}
    assert [h.owner.id for h in _meeting_hits(session, "torsdag 13 februari")] == [feb]
    assert [h.owner.id for h in _meeting_hits(session, "Teams")] == [may]
    assert [h.owner.id for h in _meeting_hits(session, "Norrby torg")] == [joint]
    assert [h.owner.id for h in _meeting_hits(session, "Älven")] == [feb]


def test_a_stored_title_is_found_and_shown_with_the_groups(session) -> None:  # type: ignore[no-untyped-def]
    klara = make_group(session, name="Klara-gruppen")
    make_meeting(session, group_ids=[klara], day=date(2025, 3, 3), title="Extra möte om skolan")
    make_meeting(session, group_ids=[klara], day=date(2025, 4, 7), title="Klara-gruppen")
    assert [plain(h.title) for h in _meeting_hits(session, "skolan")] == [
        "Extra möte om skolan – Klara-gruppen, 3 mars 2025"
    ]
    assert "Klara-gruppen, 7 april 2025" in [
        plain(h.title) for h in _meeting_hits(session, "april")
    ]


def test_items_notes_decisions_and_actions_name_their_meeting(session) -> None:  # type: ignore[no-untyped-def]
    _tr, _klara, feb, _may, _joint = _setup(session)
    item = make_item(session, feb, title="Nattvandring inför helgen")
    meetings_agenda.set_notes(session, item, [Note("Zebrakorsningen saknar belysning")])
    meetings_agenda.set_decisions(session, item, ["Gatuenheten kontaktas om zebran"])
    action = make_action(session, item, what="Ringa gatuenheten om zebran")
    note = meetings_agenda.get_item(session, item).notes[0].id
    decision = meetings_agenda.get_item(session, item).decisions[0].id
    found = {hit.kind: hit for hit in search.search(session, text="zebra").hits()}
    found |= {hit.kind: hit for hit in search.search(session, text="nattvandring").hits()}
    assert set(found) >= {"agenda_item", "agenda_note", "decision", "action_item"}
    for hit in found.values():
        assert hit.context == "Klara-gruppen, 13 februari 2025", hit.kind
    assert found["agenda_item"].owner == Owner("meetings", "agenda_item", item)
    assert found["agenda_note"].owner == Owner("meetings", "agenda_note", note)
    assert found["decision"].owner == Owner("meetings", "decision", decision)
    assert found["action_item"].owner == Owner("meetings", "action_item", action)
    for hit in found.values():
        assert meetings.locate(session, hit.owner.kind, hit.owner.id)[:2] == (feb, item)
    assert meetings.locate(session, "action_item", action) == (feb, item, action)


def test_renamed_groups_and_changed_groups_are_reindexed(session) -> None:  # type: ignore[no-untyped-def]
    tr, klara, feb, _may, _joint = _setup(session)
    register.update_group(session, klara, name="Kompisgruppen")
    session.flush()
    assert feb in {h.owner.id for h in _meeting_hits(session, "Kompisgruppen")}
    assert feb not in {h.owner.id for h in _meeting_hits(session, "Klara")}
    meetings.update_meeting(session, feb, group_ids=[tr])
    session.flush()
    assert feb in {h.owner.id for h in _meeting_hits(session, "Trygghetsrådet februari")}
    assert feb not in {h.owner.id for h in _meeting_hits(session, "Kompisgruppen")}


def test_plain_sql_on_meeting_groups_reindexes_meetings(database) -> None:  # type: ignore[no-untyped-def]
    with database.session() as s:
        _tr, _klara, feb, _may, _joint = _setup(s)
        nattgruppen = make_group(s, name="Nattgruppen")
    with database.session() as s:
        s.connection().exec_driver_sql(
            "INSERT INTO meeting_groups (meeting_id, group_id, position) VALUES (?, ?, 5)",
            (feb, nattgruppen),
        )
    with database.session() as s:
        assert [h.owner.id for h in _meeting_hits(s, "Nattgruppen")] == [feb]


def test_migration_rebuilds_the_meeting_rows_of_an_older_index(database) -> None:  # type: ignore[no-untyped-def]
    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    with database.session() as s:
        _tr, _klara, feb, _may, _joint = _setup(s)
    with database.session() as s:
        # The index as the earlier definition wrote it: the (empty) title and the place
        # (in both tables, as if the second had been filled from the first since).
        for table in (search_index.TABLE, search_index.TRIGRAM_TABLE):
            s.connection().exec_driver_sql(
                f"UPDATE {table} SET title = '', body = 'Kommunhuset, rum Älven' WHERE rowid = ?",
                (search_sources.BY_TABLE["meetings"].rowid(feb),),
            )
        s.connection().exec_driver_sql(
            f"UPDATE {search_index.TRIGRAM_TABLE} SET folded_title = '', "
            "folded_body = 'Kommunhuset, rum Alven' WHERE rowid = ?",
            (search_sources.BY_TABLE["meetings"].rowid(feb),),
        )
    with database.session() as s:
        assert _meeting_hits(s, "Klara februari") == []
    module = importlib.import_module("trygghetsrad.db.migrations.versions.0007_search_meetings")
    with database.session() as s, Operations.context(MigrationContext.configure(s.connection())):
        module.upgrade()
    with database.session() as s:
        assert [h.owner.id for h in _meeting_hits(s, "Klara februari")] == [feb]


def test_example_data_finds_its_meetings(demo_database) -> None:  # type: ignore[no-untyped-def]
    with demo_database.session() as s:
        hits = _meeting_hits(s, "Trygghetsrådet")
        assert hits and all("Trygghetsrådet" in plain(h.title) for h in hits)
        note_hits = [h for h in search.search(s, text="polisen").hits() if h.kind == "agenda_note"]
        assert note_hits and all(not h.context.startswith("Möte") for h in note_hits)
