"""0018_search_agenda_areas: a database indexed by the earlier program finds, once the app has
upgraded it, an agenda item by its diarienummer, proposal and presenter, and the areas and
their assessments.

The data is made by the app, taken back to the schema before 0018 (its downgrade drops the
area rows the earlier program did not know), and the agenda items' index rows are written as
the earlier definition wrote them (title and body only). Then the app's own path
(`open_database`) upgrades it.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from factories import make_group, make_person
from factories_meetings import make_item, make_meeting
from factories_situation import make_picture
from migration_rows import applied, downgrade_to

from trygghetsrad.db import search_index, search_sources
from trygghetsrad.db.engine import open_database
from trygghetsrad.services import search
from trygghetsrad.services.meetings import structure
from trygghetsrad.services.situation import areas

REVISION = "0018_search_agenda_areas"


def _found(conn: sqlite3.Connection, text: str) -> set[tuple[str, int]]:
    rows = conn.execute(
        f"SELECT ref_table, ref_id FROM {search_index.TABLE} WHERE {search_index.TABLE} MATCH ?",
        (f'"{text}"*',),
    )
    return {(table, int(ref_id)) for table, ref_id in rows}


def _made(path: Path) -> dict[str, int]:
    db = open_database(path)
    try:
        with db.session() as s:
            klara = make_group(s, name="Klara-gruppen")
            meeting = make_meeting(s, group_ids=[klara], day=date(2025, 2, 13))
            typed = make_item(s, meeting, title="Åtgärdsplan för centrum")
            structure.update_item_details(
                s,
                typed,
                case_number="KS 2025/0417",
                proposal="Rådet föreslås återrapportera i juni",
                presenter_text="Josef, Lokalpolisen",
            )
            chosen = make_item(s, meeting, title="Skolans trygghetsvandring")
            person = make_person(s, name="Karin Wallin")
            structure.update_item_details(s, chosen, presenter_id=person)
            picture = make_picture(s, title="Lägesbild 2026")
            centrum = areas.create_area(s, name="Centrum", level="Stadsområde").id
            areas.set_assessment(
                s, picture, centrum, risk_level="raised", needs="Fler vuxna på kvällarna"
            )
            assessment = s.connection().exec_driver_sql("SELECT id FROM area_assessments")
            return {
                "typed": typed,
                "chosen": chosen,
                "centrum": centrum,
                "assessment": assessment.scalar_one(),
            }
    finally:
        db.close()


def test_an_older_index_finds_items_by_dnr_and_presenter_and_the_areas(tmp_path: Path) -> None:
    path = tmp_path / "äldre.sqlite"
    ids = _made(path)
    downgrade_to(path, "0017_picture_attachments")
    conn = sqlite3.connect(path)
    try:
        assert REVISION not in applied(path)
        source = search_sources.BY_TABLE["agenda_items"]
        low, high = source.rowid(0), source.rowid(0xFFFFFFFF)
        # As the earlier definition indexed an item: its title, and its body column (empty).
        conn.execute(
            f"UPDATE {search_index.TABLE} SET body = '' WHERE rowid BETWEEN ? AND ?", (low, high)
        )
        conn.execute(
            f"UPDATE {search_index.TRIGRAM_TABLE} SET body = '', folded_body = '' "
            "WHERE rowid BETWEEN ? AND ?",
            (low, high),
        )
        conn.commit()
        assert _found(conn, "0417") == set()
        assert _found(conn, "Wallin") == {("people", 1)}
        assert _found(conn, "Stadsområde") == set()
        assert _found(conn, "kvällarna") == set()
    finally:
        conn.close()

    db = open_database(path)  # the app's own upgrade, file copied aside first
    try:
        assert REVISION in applied(path)  # applied: a head, or below a later one
        with db.session() as s:

            def hits(text: str) -> set[tuple[str, int]]:
                return {(h.kind, h.ref_id) for h in search.search(s, text=text).hits()}

            assert hits("KS 2025/0417") == {("agenda_item", ids["typed"])}
            assert hits("återrapportera") == {("agenda_item", ids["typed"])}
            assert hits("Lokalpolisen") == {("agenda_item", ids["typed"])}
            assert ("agenda_item", ids["chosen"]) in hits("Wallin")
            assert hits("Stadsområde") == {("area", ids["centrum"])}
            assert hits("kvällarna") == {("area_assessment", ids["assessment"])}
    finally:
        db.close()
