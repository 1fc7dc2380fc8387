"""Search across every workspace with the FTS5 index: grouped by kind, ranked, highlighted."""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from trygghetsrad.db import search_index as idx
from trygghetsrad.db import search_sources as sources
from trygghetsrad.domain.calendar_items import Owner
from trygghetsrad.domain.dates import long_date
from trygghetsrad.domain.search import (
    MARK_END,
    MARK_START,
    SearchGroup,
    SearchHit,
    SearchResult,
    excerpt,
    fts_query,
    kind_label,
    mark_substrings,
    matched_words,
    plain,
    query_words,
    substring_query,
)

PER_KIND = 10
TITLE_WEIGHT = 8.0
SNIPPET_TOKENS = 14
DATE_COLUMNS = ("day", "start_date", "observed_on")  # shown as "where it is" context

# Two tiers of hits, best first: whole words as typed (each a prefix: "trygg" finds
# "Trygghetsrådet"); then the words inside other words ("övervakning" in
# "Kameraövervakning") or typed without å/ä/ö ("ange" finds "Ånge"), from the second index
# table (db/search_index). A record is ranked by its best tier, then by bm25 within it.
WORDS, SUBSTRING = 0, 1
_TABLES = {WORDS: idx.TABLE, SUBSTRING: idx.TRIGRAM_TABLE}
_WEIGHTS = {
    WORDS: f"bm25({idx.TABLE}, 0, 0, 0, {TITLE_WEIGHT}, 1.0)",
    SUBSTRING: f"bm25({idx.TRIGRAM_TABLE}, 0, 0, 0, {TITLE_WEIGHT}, 1.0, {TITLE_WEIGHT}, 1.0)",
}
DETAIL_SQL = (
    f"SELECT rowid, ref_table, ref_id, highlight({idx.TABLE}, 3, ?, ?),"
    f" snippet({idx.TABLE}, 4, ?, ?, '…', {SNIPPET_TOKENS})"
    f" FROM {idx.TABLE} WHERE {idx.TABLE} MATCH ? AND rowid IN (%s)"
)
# Hits found only in the second table: their text, marked in Python (mark_substrings).
TEXT_SQL = f"SELECT rowid, ref_table, ref_id, title, body FROM {idx.TABLE} WHERE rowid IN (%s)"


def tiers(text: str, substring: str | None) -> list[tuple[int, str]]:
    """(tier, MATCH expression) of each tier this query and this database can search."""
    found = [(WORDS, fts_query(text))]
    if substring is not None:  # with the word tokenizer (old SQLite): folded word prefixes
        found.append((SUBSTRING, substring_query(text, prefix=substring == idx.WORDS)))
    return [(tier, query) for tier, query in found if query]


def rank_sql(used: list[tuple[int, str]]) -> str:
    """The ranking query over the tiers, with `rank_params`; exposed so that the benchmark
    runs exactly this with plain sqlite3. A later tier leaves out what an earlier one found
    (cheaper than grouping the union by record)."""
    parts = []
    for n, (tier, _query) in enumerate(used):
        table = _TABLES[tier]
        earlier = "".join(
            f" AND rowid NOT IN (SELECT rowid FROM {_TABLES[t]} WHERE {_TABLES[t]} MATCH ?)"
            for t, _q in used[:n]
        )
        parts.append(
            f"SELECT rowid, kind, {tier} AS tier, {_WEIGHTS[tier]} AS score"
            f" FROM {table} WHERE {table} MATCH ?{earlier}"
        )
    return (
        "SELECT rowid, kind, tier, score, total FROM ("
        " SELECT rowid, kind, tier, score,"
        " row_number() OVER (PARTITION BY kind ORDER BY tier, score, rowid DESC) AS n,"
        " count(*) OVER (PARTITION BY kind) AS total"
        f" FROM ({' UNION ALL '.join(parts)}))"
        " WHERE n <= ? ORDER BY tier, score, rowid DESC"
    )


def rank_params(used: list[tuple[int, str]], per_kind: int) -> tuple[object, ...]:
    params: list[object] = []
    for n, (_tier, query) in enumerate(used):
        params += [query, *(q for _t, q in used[:n])]
    return (*params, per_kind)


def search(session: Session, *, text: str, per_kind: int = PER_KIND) -> SearchResult:
    """Records of every workspace matching all words of `text`: as words first, then inside
    words or typed without å/ä/ö."""
    connection = session.connection()
    used = tiers(text, idx.substring_index(connection))
    if not used:
        return SearchResult(text)
    ranked = connection.exec_driver_sql(rank_sql(used), rank_params(used, per_kind)).fetchall()
    if not ranked:
        return SearchResult(text)
    totals = {kind: total for _rowid, kind, _tier, _score, total in ranked}
    details = _details(connection, text, used[0][1], ranked)
    by_table: dict[str, list[int]] = defaultdict(list)
    for ref_table, ref_id, _t, _b in details.values():
        by_table[ref_table].append(ref_id)
    resolved = {table: _resolve(connection, table, ids) for table, ids in by_table.items()}

    hits: dict[str, list[SearchHit]] = defaultdict(list)
    stale: list[int] = []
    order: list[str] = []
    for rowid, kind, _tier, score, _total in ranked:
        if rowid not in details:
            continue
        ref_table, ref_id, title, snippet = details[rowid]
        info = resolved.get(ref_table, {}).get(ref_id)
        if info is None:  # removed by the database itself (e.g. ON DELETE CASCADE)
            stale.append(rowid)
            totals[kind] -= 1
            continue
        own_title, context, owner = info
        if kind not in hits:
            order.append(kind)
        hits[kind].append(
            SearchHit(
                kind=kind,
                ref_table=ref_table,
                ref_id=ref_id,
                # An untitled record (a decision, a note) is shown by its matching text.
                title=title or snippet or own_title,
                snippet=_snippet(ref_table, title, snippet, context),
                context=context,
                owner=owner,
                score=float(score),
            )
        )
    if stale:
        # A read-only session (the window has the file open) cannot prune; results are right
        # anyway, and the next writable search prunes.
        with contextlib.suppress(DBAPIError):
            idx.prune(connection, stale)
    groups = tuple(
        SearchGroup(kind, max(totals[kind], len(hits[kind])), tuple(hits[kind])) for kind in order
    )
    return SearchResult(text, groups)


def _details(
    connection: Connection, text: str, words_query: str, ranked: Sequence[Any]
) -> dict[int, tuple[str, int, str, str]]:
    """rowid -> (ref_table, ref_id, marked title, snippet) of every ranked hit."""
    exact = [row[0] for row in ranked if row[2] == WORDS]
    details: dict[int, tuple[str, int, str, str]] = {}
    if exact:
        for row in connection.exec_driver_sql(
            DETAIL_SQL % ", ".join("?" for _ in exact),
            (MARK_START, MARK_END, MARK_START, MARK_END, words_query, *exact),
        ):
            details[row[0]] = row[1:]
    inside = [row[0] for row in ranked if row[2] != WORDS]
    if inside:
        words = query_words(text)
        for rowid, ref_table, ref_id, title, body in connection.exec_driver_sql(
            TEXT_SQL % ", ".join("?" for _ in inside), tuple(inside)
        ):
            snippet = excerpt(mark_substrings(body or "", words), SNIPPET_TOKENS)
            details[rowid] = (ref_table, ref_id, mark_substrings(title or "", words), snippet)
    return details


def _snippet(table: str, title: str, snippet: str, context: str) -> str:
    """The matching words of the body, unless the hit shows them already: a meeting's body
    repeats its date and place, which its name and context show."""
    if not title or MARK_START not in snippet:
        return ""
    source = sources.BY_TABLE.get(table)
    if source is not None and source.derived is not None:
        shown = f"{plain(title)} {context}".lower()
        if all(word.lower() in shown for word in matched_words(snippet)):
            return ""
    return snippet


# -- who owns a hit, and where it is --------------------------------------------------------

_Info = tuple[str, str, Owner]  # own title (plain), context, owner


def _columns(connection: Connection, table: str) -> set[str]:
    cache: dict[str, set[str]] = connection.info.setdefault("search_columns", {})
    if table not in cache:
        cache[table] = set(sources.table_columns(connection, table))
    return cache[table]


def _in(ids: list[int]) -> str:
    return ", ".join(str(int(i)) for i in ids)


def _titles(connection: Connection, table: str, ids: list[int]) -> dict[int, tuple[str, str]]:
    """A readable name and date ("" when it has none) for each record."""
    source = sources.BY_TABLE.get(table)
    if source is not None and source.derived is not None:
        # Named as it is listed ("Klara-gruppen, 13 februari 2025"): the date is in the name.
        return {i: (d.title, "") for i, d in source.derived(connection, ids).items()}
    columns = _columns(connection, table)
    title_cols = [c for c in (source.title if source else ()) if c in columns]
    day_col = next((c for c in DATE_COLUMNS if c in columns), None)
    select = ", ".join(f'"{c}"' for c in ("id", *title_cols, *([day_col] if day_col else [])))
    result = {}
    for row in connection.exec_driver_sql(
        f'SELECT {select} FROM "{table}" WHERE id IN ({_in(ids)})'
    ):
        title = sources.join_text(row[1 : 1 + len(title_cols)]).replace("\n", " – ")
        when = ""
        if day_col and row[-1]:
            day = row[-1]
            day = date.fromisoformat(str(day)[:10]) if not isinstance(day, date) else day
            when = long_date(day, weekday=False)
        result[row[0]] = (title or kind_label(source.kind, plural=False) if source else title, when)
    return result


def _parents(connection: Connection, source: sources.Source, ids: list[int]) -> dict[int, int]:
    """Map each id of `source.table` to its parent's id, following the first usable path."""
    columns = _columns(connection, source.table)
    for _parent_table, path in source.parents:
        if not path or path[0] not in columns:
            continue
        current = {
            row[0]: row[1]
            for row in connection.exec_driver_sql(
                f'SELECT id, "{path[0]}" FROM "{source.table}" WHERE id IN ({_in(ids)})'
            )
            if row[1] is not None
        }
        for hop in path[1:]:
            table, column = hop.split(".")
            if column not in _columns(connection, table) or not current:
                current = {}
                break
            step: dict[int, int] = dict(
                connection.exec_driver_sql(
                    f'SELECT id, "{column}" FROM "{table}" '
                    f"WHERE id IN ({_in(list(set(current.values())))})"
                ).fetchall()
            )
            current = {k: step[v] for k, v in current.items() if step.get(v) is not None}
        return current
    return {}


def _parent_table(connection: Connection, source: sources.Source) -> str | None:
    columns = _columns(connection, source.table)
    for parent_table, path in source.parents:
        if path and path[0] in columns:
            return parent_table
    return None


def _resolve(connection: Connection, table: str, ids: list[int]) -> dict[int, _Info]:
    source = sources.BY_TABLE.get(table)
    if source is None or not _columns(connection, table):
        return {}
    own = _titles(connection, table, ids)
    parent_table = _parent_table(connection, source)
    parents = _parents(connection, source, list(own)) if parent_table else {}
    parent_titles = (
        _titles(connection, parent_table, list(set(parents.values())))
        if parents and parent_table
        else {}
    )
    parent_source = sources.BY_TABLE.get(parent_table) if parent_table else None
    places = (
        {i: d.context for i, d in source.derived(connection, ids).items()}
        if source.derived is not None
        else {}
    )
    result: dict[int, _Info] = {}
    for ref_id, (title, when) in own.items():
        parent_id = parents.get(ref_id)
        if parent_id is not None and parent_id in parent_titles:
            context = ", ".join(part for part in parent_titles[parent_id] if part)
        else:
            context = places.get(ref_id) or when
        if source.opens_parent and parent_id is not None and parent_source is not None:
            owner = Owner(parent_source.area, parent_source.kind, parent_id)
        else:
            owner = Owner(source.area, source.kind, ref_id)
        result[ref_id] = (title, context, owner)
    return result


def index_size(session: Session) -> int:
    return int(
        session.connection().exec_driver_sql(f"SELECT count(*) FROM {idx.TABLE}").scalar() or 0
    )


def rebuild(session: Session) -> int:
    """Rebuild the whole index (after a bulk import); return the number of indexed records."""
    return idx.rebuild_index(session)
