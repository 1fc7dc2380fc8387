"""0009_action_responsibles: an action's one responsible becomes its first responsible row,
and nothing under the rebuilt action table is lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from trygghetsrad.db.migrate import upgrade


def test_the_single_responsible_becomes_the_first_row(tmp_path: Path) -> None:
    path = tmp_path / "gammal.sqlite"
    upgrade(path, copy_aside=False, target="0007_search_meetings")
    with sqlite3.connect(path) as conn:
        conn.executescript(
            """
            INSERT INTO people (id, name) VALUES (1, 'Moa Magnusson'), (2, 'Josef Lind');
            INSERT INTO organisations (id, name) VALUES (1, 'Polisen'), (2, 'Socialtjänsten');
            INSERT INTO meetings (id, day, title) VALUES (1, '2023-03-02', 'Möte');
            INSERT INTO agenda_items (id, meeting_id, title) VALUES (1, 1, 'Kulturnatten');
            INSERT INTO agenda_notes (id, item_id, text) VALUES (1, 1, 'Planering pågår');
            INSERT INTO action_items (id, item_id, what, responsible_person_id)
                VALUES (1, 1, 'Boka lokal', 1);
            INSERT INTO action_items (id, item_id, what, responsible_person_id,
                                      responsible_organisation_id)
                VALUES (2, 1, 'Medborgardialog', 2, 1);
            INSERT INTO action_items (id, item_id, what, responsible_organisation_id)
                VALUES (3, 1, 'Ta fram statistik', 2);
            INSERT INTO action_items (id, item_id, what, due_date)
                VALUES (4, 1, 'Utan ansvarig', '2023-05-01');
            """
        )
    upgrade(path, copy_aside=False)
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT action_id, position, person_id, organisation_id FROM action_responsibles "
            "ORDER BY action_id"
        ).fetchall()
        actions = conn.execute("SELECT id, what, due_date FROM action_items ORDER BY id").fetchall()
        columns = {r[1] for r in conn.execute("PRAGMA table_info(action_items)")}
        notes = conn.execute("SELECT text, paragraph FROM agenda_notes").fetchall()
    assert rows == [(1, 0, 1, None), (2, 0, 2, 1), (3, 0, None, 2)]
    assert actions == [
        (1, "Boka lokal", None),
        (2, "Medborgardialog", None),
        (3, "Ta fram statistik", None),
        (4, "Utan ansvarig", "2023-05-01"),
    ]
    assert "responsible_person_id" not in columns
    assert notes == [("Planering pågår", 0)]  # every earlier note stays a bullet
