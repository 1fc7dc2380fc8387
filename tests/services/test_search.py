"""Search across workspaces: Swedish matching, prefixes, grouping, and the index kept in step."""

from __future__ import annotations

import sqlalchemy as sa
from factories import make_group, make_person

from trygghetsrad.db import search_index, search_sources
from trygghetsrad.domain.search import MARK_END, MARK_START, fts_query, html, plain
from trygghetsrad.services import register, search


def _titles(session, text):  # type: ignore[no-untyped-def]
    return [plain(hit.title) for hit in search.search(session, text=text).hits()]


def test_swedish_letters_case_insensitive_and_distinct(session) -> None:  # type: ignore[no-untyped-def]
    make_person(session, name="Åsa Öberg", title="")
    make_person(session, name="Olle Oberg", title="")
    session.flush()
    assert _titles(session, "åsa") == ["Åsa Öberg"]
    assert _titles(session, "ÅSA") == ["Åsa Öberg"]
    # "ö" is its own letter in Swedish: "öberg" does not find "Oberg". Typed without it (as
    # on a keyboard without å/ä/ö), "oberg" finds "Öberg" too, after the exact spelling.
    assert _titles(session, "oberg") == ["Olle Oberg", "Åsa Öberg"]
    assert _titles(session, "öberg") == ["Åsa Öberg"]
    assert _titles(session, "asa") == ["Åsa Öberg"]


def test_prefix_finds_longer_words(session) -> None:  # type: ignore[no-untyped-def]
    make_group(session, name="Trygghetsrådet")
    make_group(session, name="Klara-gruppen")
    session.flush()
    assert _titles(session, "trygg") == ["Trygghetsrådet"]
    assert _titles(session, "klara grupp") == ["Klara-gruppen"]


def test_every_word_must_match_and_syntax_is_not_special(session) -> None:  # type: ignore[no-untyped-def]
    make_person(session, name="Maja Lindqvist", title="Samordnare")
    make_person(session, name="Maja Ek", title="Rektor")
    session.flush()
    assert _titles(session, "maja samord") == ["Maja Lindqvist"]
    # FTS5 operators and quotes in user input are just words (no syntax error).
    assert _titles(session, 'maja" OR NEAR(') == []
    assert _titles(session, "  -- ") == []
    assert fts_query('a"b') == '"a"* "b"*'


def test_results_grouped_by_kind_with_highlights(session) -> None:  # type: ignore[no-untyped-def]
    make_person(session, name="Birgitta Lund", title="Ordförande")
    make_group(session, name="Lundagruppen", description="Nattvandring i Lund")
    session.flush()
    result = search.search(session, text="lund")
    assert {group.kind for group in result.groups} == {"person", "group"}
    assert {group.label for group in result.groups} == {"Personer", "Grupper"}
    person = next(g for g in result.groups if g.kind == "person").hits[0]
    assert person.title == f"Birgitta {MARK_START}Lund{MARK_END}"
    assert html(person.title) == "Birgitta <b>Lund</b>"
    assert person.owner.area == "register" and person.owner.kind == "person"


def test_index_follows_updates_and_deletes(session) -> None:  # type: ignore[no-untyped-def]
    person = make_person(session, name="Karin Wallin", title="Brandmästare")
    session.flush()
    assert _titles(session, "wallin") == ["Karin Wallin"]
    register.update_person(session, person, name="Karin Wallén", title="Brandmästare")
    session.flush()
    assert _titles(session, "wallin") == []
    assert _titles(session, "wallén") == ["Karin Wallén"]
    register.delete_person(session, person)
    session.flush()
    assert _titles(session, "wallén") == []
    assert search.index_size(session) == 0


def test_rows_deleted_by_the_database_are_dropped_and_pruned(session) -> None:  # type: ignore[no-untyped-def]
    make_group(session, name="Försvunna gruppen")
    session.flush()
    session.execute(sa.text("DELETE FROM groups"))  # bypasses the ORM
    assert _titles(session, "försvunna") == []
    assert search.index_size(session) == 0


def test_rebuild_indexes_rows_written_without_the_orm(session) -> None:  # type: ignore[no-untyped-def]
    session.execute(
        sa.text("INSERT INTO organisations (name, kind) VALUES ('Älvdalsgymnasiet', 'skola')")
    )
    assert _titles(session, "älvdal") == []
    assert search.rebuild(session) == 1
    assert _titles(session, "älvdal") == ["Älvdalsgymnasiet"]


def test_bulk_orm_update_is_reindexed_at_commit(database) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.db.models.register import Group

    with database.session() as s:
        make_group(s, name="Gamla namnet")
    with database.session() as s:
        s.execute(sa.update(Group).values(name="Nya namnet"))
    with database.session() as s:
        assert _titles(s, "nya") == ["Nya namnet"]
        assert _titles(s, "gamla") == []


def test_every_registered_table_exists_in_the_schema_or_is_skipped(session) -> None:  # type: ignore[no-untyped-def]
    conn = session.connection()
    assert search_index.rebuild_index(conn) == 0
    codes = [source.code for source in search_sources.SOURCES]
    assert len(codes) == len(set(codes))


def test_demo_data_is_searchable(demo_database) -> None:  # type: ignore[no-untyped-def]
    with demo_database.session() as s:
        result = search.search(s, text="Trygghetsrådet")
        assert "group" in {group.kind for group in result.groups}
        assert result.total >= 1


def test_plain_sql_writes_are_reindexed_at_commit(database) -> None:  # type: ignore[no-untyped-def]
    """Like the JSON import, which inserts rows with plain SQL."""
    with database.session() as s:
        conn = s.connection()
        conn.exec_driver_sql(
            'INSERT INTO "organisations" (name, kind) VALUES (?, ?)', ("Räddningstjänsten", "x")
        )
        conn.exec_driver_sql("INSERT INTO groups (name) VALUES ('Klotterjouren')")
    with database.session() as s:
        assert _titles(s, "räddning") == ["Räddningstjänsten"]
        assert _titles(s, "klotter") == ["Klotterjouren"]
        s.connection().exec_driver_sql("DELETE FROM groups")
    with database.session() as s:
        assert _titles(s, "klotter") == []
        assert search.index_size(s) == 1


def test_read_only_session_searches_without_pruning(db_path) -> None:  # type: ignore[no-untyped-def]
    """Beside the open window a command gets a read-only database: search still works."""
    from trygghetsrad.db.engine import Database, make_engine, open_database

    db = open_database(db_path)
    with db.session() as s:
        make_group(s, name="Borttagna gruppen")
        make_group(s, name="Kvarvarande gruppen")
    with db.session() as s:
        s.execute(sa.text("DELETE FROM groups WHERE name = 'Borttagna gruppen'"))
    db.close()
    read_only = Database(db_path, make_engine(db_path, read_only=True), read_only=True)
    try:
        with read_only.session() as s:
            assert _titles(s, "gruppen") == ["Kvarvarande gruppen"]
    finally:
        read_only.close()


def test_each_open_database_keeps_its_own_index_and_no_other_engine_is_watched(
    database, db_path, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """The listeners belong to the database opened, not to SQLAlchemy's classes: a session
    of another engine on the same file (a migration's, a tool's) is not indexed by them."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

    from trygghetsrad.db import search_listeners
    from trygghetsrad.db.engine import open_database

    assert not event.contains(Session, "after_flush", search_listeners.after_flush)
    assert not event.contains(Engine, "after_cursor_execute", search_listeners.after_cursor_execute)
    other = open_database(tmp_path / "annan.sqlite")
    try:
        with database.session() as s:
            make_group(s, name="Klotterjouren")
        with other.session() as s:
            make_group(s, name="Nattvandrarna")
        with database.session() as s:
            assert _titles(s, "klotter") == ["Klotterjouren"]
            assert _titles(s, "nattvandrarna") == []
        with other.session() as s:
            assert _titles(s, "nattvandrarna") == ["Nattvandrarna"]
    finally:
        other.close()
    bare = create_engine(f"sqlite:///{db_path}")
    try:
        with Session(bare) as s, s.begin():
            make_group(s, name="Grannsamverkan")
    finally:
        bare.dispose()
    with database.session() as s:
        assert _titles(s, "grannsamverkan") == []  # written past the open database


def test_every_database_opened_after_others_were_closed_is_indexed(db_path, database) -> None:  # type: ignore[no-untyped-def]
    """A window switching databases, a command run after another: the session factory of a
    closed database is freed, and the next one may take its place in memory; its writes
    must still reach the index (a guard by identity once skipped installing them)."""
    database.close()
    found = [_write_and_search(db_path, f"Kvarter{n}gruppen") for n in range(20)]
    assert found == [[f"Kvarter{n}gruppen"] for n in range(20)]


def _write_and_search(path, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Open the database, add a group, find it, close the database and let it be freed."""
    import gc

    from trygghetsrad.db.engine import open_database

    db = open_database(path)
    try:
        with db.session() as s:
            make_group(s, name=name)
        with db.session() as s:
            titles = _titles(s, name.lower())
    finally:
        db.close()
    del db, s
    gc.collect()
    return titles
