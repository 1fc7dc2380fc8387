"""`trygghetsrad search TEXT [--json]`."""

from __future__ import annotations

import json

from factories import make_person

from trygghetsrad.cli import main


def test_search_prints_groups_and_json(database, capsys) -> None:  # type: ignore[no-untyped-def]
    with database.session() as s:
        make_person(s, name="Åsa Öberg", title="Trygghetssamordnare")
    path = str(database.path)
    assert main(["--db", path, "search", "trygg"]) == 0
    out = capsys.readouterr().out
    assert "Personer: 1" in out
    assert "«Trygghetssamordnare»" in out
    assert main(["--db", path, "search", "åsa", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    hit = data["groups"][0]["hits"][0]
    assert data["total"] == 1
    assert hit["title"] == "Åsa Öberg"
    assert hit["matched"] == ["Åsa"]
    assert hit["owner"]["kind"] == "person"


def test_search_without_words_is_a_user_error(database, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--db", str(database.path), "search", "--", "!!"]) == 2
    assert "minst ett ord" in capsys.readouterr().err


def test_no_hits_is_said_in_swedish(database, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--db", str(database.path), "search", "zzzz"]) == 0
    assert "Inga träffar" in capsys.readouterr().out
