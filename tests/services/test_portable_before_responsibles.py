"""A JSON file written before actions had several responsible (the responsible on the action
itself) imports with that responsible as the action's first one, from the command line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from factories import make_organisation, make_person
from factories_meetings import make_action, make_group_with_members, make_item, make_meeting

from trygghetsrad.cli import main
from trygghetsrad.db.engine import open_database
from trygghetsrad.services import portable
from trygghetsrad.services.meetings import actions as meetings_actions


def test_an_older_file_keeps_each_actions_responsible(database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with database.session() as s:
        group, _people = make_group_with_members(s)
        moa = make_person(s, name="Moa Magnusson")
        police = make_organisation(s, name="Polisen Ånge")
        item = make_item(s, make_meeting(s, group_ids=[group], day=date(2025, 3, 2)))
        one = make_action(s, item, what="Boka lokal", responsible_person_id=moa)
        pair = make_action(
            s, item, what="Dialog", responsible_person_id=moa, responsible_organisation_id=police
        )
        make_action(s, item, what="Ingen ansvarig")
        document = portable.export_data(s)
    # As the older program wrote it: the responsible on the action, no table of their own.
    rows = {r["action_id"]: r for r in document["tables"].pop("action_responsibles")}
    for action in document["tables"]["action_items"]:
        row = rows.get(action["id"])
        action["responsible_person_id"] = row["person_id"] if row else None
        action["responsible_organisation_id"] = row["organisation_id"] if row else None
    document["schema_versions"] = [
        v for v in document["schema_versions"] if v < "0009_action_responsibles"
    ]
    old = tmp_path / "äldre.json"
    old.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "ny.sqlite"
    open_database(target).close()
    assert main(["--db", str(target), "import", "data", str(old)]) == 0
    fresh = open_database(target)
    try:
        with fresh.session() as s:
            got = {a.what: a.responsible for a in meetings_actions.list_actions(s)}
            assert meetings_actions.get_action(s, one).responsible == "Moa Magnusson"
            assert meetings_actions.get_action(s, pair).responsible == (
                "Moa Magnusson (Polisen Ånge)"
            )
    finally:
        fresh.close()
    assert got["Ingen ansvarig"] == ""
