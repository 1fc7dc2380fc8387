"""Search the way people type: words inside Swedish compounds, and words typed without å/ä/ö,
each ranked after the records that match as typed; kept in step with every change, and
still working (with less) on an SQLite without the trigram tokenizer."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import date

import pytest
from factories import make_group, make_person
from factories_wheel import make_event

from trygghetsrad.db import search_index
from trygghetsrad.db.engine import open_database
from trygghetsrad.domain.search import marked, plain
from trygghetsrad.services import register, search
from trygghetsrad.services.wheel import events as wheel


def _titles(session, text):  # type: ignore[no-untyped-def]
    return [plain(hit.title) for hit in search.search(session, text=text).hits()]


def test_a_word_inside_a_compound_is_found_after_the_word_itself(session) -> None:  # type: ignore[no-untyped-def]
    make_event(session, title="Kameraövervakning vid resecentrum", start=date(2026, 3, 2))
    make_event(session, title="Övervakning av torget", start=date(2026, 3, 9))
    make_event(session, title="Trygghetsvandring", start=date(2026, 3, 16))
    assert _titles(session, "övervakning") == [
        "Övervakning av torget",
        "Kameraövervakning vid resecentrum",
    ]
    hits = search.search(session, text="övervakning").hits()
    assert marked(hits[1].title) == "Kamera«övervakning» vid resecentrum"
    assert _titles(session, "vandring") == ["Trygghetsvandring"]
    assert _titles(session, "resecentrum kamera") == ["Kameraövervakning vid resecentrum"]


def test_typed_without_a_ring_or_dots_finds_the_swedish_spelling_after_exact_matches(
    session,
) -> None:  # type: ignore[no-untyped-def]
    make_group(session, name="Ånge kommuns brottsförebyggande råd")
    make_person(session, name="Lena Ange", title="")
    make_person(session, name="Örjan Säll", title="Fältassistent")
    session.flush()
    assert _titles(session, "ange") == ["Lena Ange", "Ånge kommuns brottsförebyggande råd"]
    assert _titles(session, "faltassistent") == ["Örjan Säll"]
    assert _titles(session, "orjan sall") == ["Örjan Säll"]
    hit = next(h for h in search.search(session, text="ange").hits() if h.kind == "group")
    assert marked(hit.title) == "«Ånge» kommuns brottsförebyggande råd"
    # Typed with the letter, it must be that letter.
    assert _titles(session, "ånge") == ["Ånge kommuns brottsförebyggande råd"]


def test_changes_and_removals_reach_the_second_index_too(session) -> None:  # type: ignore[no-untyped-def]
    ident = make_event(session, title="Kameraövervakning", start=date(2026, 3, 2))
    session.flush()
    assert _titles(session, "overvakning") == ["Kameraövervakning"]
    wheel.update_event(session, ident, title="Ljussättning i gångtunneln")
    session.flush()
    assert _titles(session, "overvakning") == []
    assert _titles(session, "gangtunnel") == ["Ljussättning i gångtunneln"]
    wheel.delete_event(session, ident)
    session.flush()
    assert _titles(session, "tunneln") == []


def test_two_letters_find_whole_words_only(session) -> None:  # type: ignore[no-untyped-def]
    make_person(session, name="Bo Ek", title="")
    make_person(session, name="Robert Ekström", title="")
    session.flush()
    assert _titles(session, "bo") == ["Bo Ek"]  # too short for "Robert"


def test_the_migration_fills_the_second_index_from_the_data(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.db import migrate

    path = tmp_path / "före.sqlite"
    db = open_database(path)
    with db.session() as s:
        register.create_person(s, name="Kamerabevakare Åsa", title="")
    db.close()
    # Back to the schema before the revision: no second table, and the revision not applied
    # (its parent still is, through another head or on its own).
    from alembic.script import ScriptDirectory
    from alembic.util import to_tuple

    script = ScriptDirectory.from_config(migrate.alembic_config())
    conn = sqlite3.connect(path)
    conn.execute(f"DROP TABLE {search_index.TRIGRAM_TABLE}")
    # Everything applied except the revision and those built on it (a later migration may
    # depend on it), recorded as the heads of what is left.
    heads = [row[0] for row in conn.execute("SELECT version_num FROM alembic_version")]
    applied = {r.revision for r in script.iterate_revisions(heads, "base")}
    after = {r.revision for r in script.iterate_revisions("heads", "0011_search_trigram")}
    left = applied - after - {"0011_search_trigram"}
    below = {
        parent
        for rev in left
        for parent in to_tuple(script.get_revision(rev).down_revision, default=())
    }
    conn.execute("DELETE FROM alembic_version")
    conn.executemany("INSERT INTO alembic_version VALUES (?)", [(r,) for r in left - below])
    conn.commit()
    conn.close()
    db = open_database(path)  # upgrades again
    try:
        with db.session() as s:
            assert _titles(s, "bevakare asa") == ["Kamerabevakare Åsa"]
    finally:
        db.close()


def test_an_sqlite_without_trigrams_finds_folded_words_by_their_start(
    tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sqlite3, "sqlite_version_info", (3, 31, 1))
    db = open_database(tmp_path / "gammal.sqlite")
    try:
        with db.session() as s:
            assert search_index.substring_index(s.connection()) == search_index.WORDS
            make_group(s, name="Ånge kommun")
            make_event(s, title="Kameraövervakning", start=date(2026, 3, 2))
        with db.session() as s:
            assert _titles(s, "ange") == ["Ånge kommun"]
            assert _titles(s, "övervakning") == []  # inside a word: needs trigrams
            assert _titles(s, "kamera") == ["Kameraövervakning"]
    finally:
        db.close()


def test_a_trigram_table_this_sqlite_cannot_read_is_left_alone(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ny.sqlite"
    open_database(path).close()  # made by a newer SQLite, with trigrams
    monkeypatch.setattr(sqlite3, "sqlite_version_info", (3, 31, 1))
    db = open_database(path)
    try:
        with db.session() as s:
            assert search_index.substring_index(s.connection()) is None
            make_group(s, name="Ånge kommun")
        with db.session() as s:
            assert _titles(s, "ånge") == ["Ånge kommun"]  # the word index still answers
            assert _titles(s, "ange") == []
    finally:
        db.close()


@pytest.mark.parametrize("query", ["övervakning", "overvakning"])
def test_the_command_line_finds_kameraovervakning_in_the_example_data(
    demo_database, query: str
) -> None:  # type: ignore[no-untyped-def]
    demo_database.close()
    done = subprocess.run(
        [sys.executable, "-m", "trygghetsrad", "--db", str(demo_database.path)]
        + ["search", query, "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    titles = [h["title"] for g in json.loads(done.stdout)["groups"] for h in g["hits"]]
    assert "Kameraövervakning vid resecentrum" in titles
