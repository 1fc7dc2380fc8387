"""A data file written before actions could have several responsible still imports: an
action's own responsible becomes its first responsible, read whole or piece by piece."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from trygghetsrad.db.engine import open_database
from trygghetsrad.services import portable


def _older_file(demo_database, target: Path) -> tuple[dict, list[tuple]]:  # type: ignore[no-untyped-def]
    """The example data as a file of the schema before `action_responsibles` existed."""
    with demo_database.session() as s:
        document = portable.export_data(s)
    tables = document["tables"]
    by_action: dict[int, dict] = {}
    for row in tables.pop("action_responsibles"):
        if row["position"] == 0:
            by_action[row["action_id"]] = row
    expected = []
    for action in tables["action_items"]:
        first = by_action.get(action["id"])
        action["responsible_person_id"] = first["person_id"] if first else None
        action["responsible_organisation_id"] = first["organisation_id"] if first else None
        if first:
            expected.append((action["id"], first["person_id"], first["organisation_id"]))
    target.write_text(json.dumps(document), encoding="utf-8")
    return document, sorted(expected)


def _first_responsibles(db) -> list[tuple]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        rows = s.execute(
            text(
                "SELECT action_id, person_id, organisation_id FROM action_responsibles "
                "WHERE position = 0 ORDER BY action_id"
            )
        ).all()
    return [tuple(r) for r in rows]


@pytest.mark.parametrize("streamed", [True, False])
def test_an_older_file_keeps_each_actions_responsible(
    demo_database,  # type: ignore[no-untyped-def]
    _empty_template: Path,
    tmp_path: Path,
    streamed: bool,
) -> None:
    source = tmp_path / "older.json"
    document, expected = _older_file(demo_database, source)
    assert expected, "the example data has actions with a responsible"
    target_path = tmp_path / "target.sqlite"
    target = open_database(target_path)
    try:
        with target.session() as s:
            if streamed:
                portable.import_file(s, source)
            else:
                portable.import_data(s, document)
            s.commit()
        assert _first_responsibles(target) == expected
    finally:
        target.close()
