"""The checks of a JSON data import, fed one record at a time (see `portable`).

`Checker` applies every rule of `portable.validate` to a record as it comes: types, the
app's own rules (`portable_rules`), keys and uniqueness, and a reference as soon as the
table it points into is complete. It keeps only keys, never the records, so that a file read
piece by piece (`portable_stream`) is checked in bounded memory. `validate` hands it a whole
document; `check_stream` a file, handing each checked record on to be written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Table
from sqlalchemy.sql.schema import ColumnCollectionConstraint

from trygghetsrad.errors import ValidationError
from trygghetsrad.i18n import tr
from trygghetsrad.services import portable_rules, portable_stream
from trygghetsrad.services.portable_format import (
    _MISSING,
    FORMAT,
    FORMAT_VERSION,
    Codec,
    ImportProblem,
    _fill_default,
    _is_int,
    _record_id,
    _required,
    codec_for,
    pk_of,
    table_label,
    tables,
)


@dataclass
class TableRules:
    """What every record of one table is checked against."""

    table: Table
    columns: dict[str, Column[Any]]
    codecs: dict[str, Codec]
    pk: list[str]
    uniques: list[tuple[str, ...]]
    seen_unique: dict[tuple[str, ...], set[tuple[Any, ...]]]
    # (local columns, target table, target columns, target columns are its key)
    references: list[tuple[list[str], str, list[str], bool]]
    referenced: list[tuple[str, ...]]  # column sets other tables refer to (other than the key)


@dataclass
class Reference:
    table: str
    index: int
    field: str
    value: tuple[Any, ...]
    record_id: Any
    target: str
    target_columns: tuple[str, ...]
    by_key: bool


class Checker:
    """The checks of one import, fed one record at a time (from a dict or a file read piece by
    piece): types, rules, keys and uniqueness at once; a reference as soon as the table it
    points into is complete (parents come before children in an export), else at the end.
    Keeps only keys, never the records."""

    def __init__(self, dialect: Any) -> None:
        self.dialect = dialect
        self.known = {t.name: t for t in tables()}
        self.keys: dict[str, set[tuple[Any, ...]]] = {name: set() for name in self.known}
        self.values: dict[tuple[str, tuple[str, ...]], set[tuple[Any, ...]]] = {}
        self.complete: set[str] = set()
        self.pending: list[Reference] = []
        self._rules: dict[str, TableRules] = {}
        # area id -> (parent id, index): the tree must have no ring (checked at the end)
        self.area_parents: dict[Any, tuple[Any, int]] = {}
        for table in self.known.values():
            for constraint in table.foreign_key_constraints:
                target = constraint.referred_table
                remote = tuple(e.column.name for e in constraint.elements)
                if list(remote) != pk_of(target):
                    self.values[(target.name, remote)] = set()

    def header(self, document: dict[str, Any]) -> None:
        """format, format_version and schema_versions."""
        from trygghetsrad.db import revisions

        if document.get("format") != FORMAT:
            raise ImportProblem(
                tr(
                    "filen är ingen dataexport från Trygghetsråd (fältet format saknas eller är fel)"
                ),
                field="format",
            )
        version = document.get("format_version")
        if not _is_int(version):
            raise ImportProblem(tr("format_version saknas"), field="format_version")
        if version > FORMAT_VERSION:
            raise ImportProblem(
                tr(
                    "filen har formatversion {v}, nyare än programmet ({mine}); uppdatera "
                    "programmet"
                ).format(v=version, mine=FORMAT_VERSION),
                field="format_version",
            )
        if version < 1:
            raise ImportProblem(
                tr("okänd formatversion {v}").format(v=version), field="format_version"
            )
        schema = document.get("schema_versions", [])
        if not isinstance(schema, list) or not all(isinstance(v, str) for v in schema):
            raise ImportProblem(
                tr("schema_versions ska vara en lista med text"), field="schema_versions"
            )
        unknown = set(schema) - set(revisions.all_revisions())
        if unknown:
            raise ImportProblem(
                tr(
                    "filen kommer från en nyare version av Trygghetsråd ({v}); uppdatera programmet"
                ).format(v=", ".join(sorted(unknown))),
                field="schema_versions",
            )

    def table_name(self, name: Any) -> None:
        if name not in self.known:
            raise ImportProblem(tr("okänd tabell"), table=str(name)[:80])

    def _rules_of(self, name: str) -> TableRules:
        rules = self._rules.get(name)
        if rules is None:
            table = self.known[name]
            columns = {c.name: c for c in table.columns}
            uniques = [
                tuple(c.name for c in constraint.columns)
                for constraint in table.constraints
                if isinstance(constraint, ColumnCollectionConstraint)
                and constraint.__class__.__name__ == "UniqueConstraint"
            ] + [(c.name,) for c in table.columns if c.unique]
            uniques = list(dict.fromkeys(uniques))
            references = []
            for constraint in table.foreign_key_constraints:
                target = constraint.referred_table
                remote = [e.column.name for e in constraint.elements]
                references.append(
                    (
                        [c.name for c in constraint.columns],
                        target.name,
                        remote,
                        remote == pk_of(target),
                    )
                )
            rules = TableRules(
                table,
                columns,
                {n: codec_for(c, self.dialect) for n, c in columns.items()},
                pk_of(table),
                uniques,
                {u: set() for u in uniques},
                references,
                [cols for (t, cols) in self.values if t == name],
            )
            self._rules[name] = rules
        return rules

    def record(self, name: str, index: int, record: Any) -> dict[str, Any]:
        """The record's stored values, or the ImportProblem of its first fault."""
        rules = self._rules_of(name)
        if not isinstance(record, dict):
            raise ImportProblem(tr("posten är inget objekt"), table=name, index=index)
        where = {"table": name, "index": index, "record_id": _record_id(record, rules.pk)}
        for field in record:
            if field not in rules.columns:
                raise ImportProblem(tr("okänt fält"), field=str(field)[:80], **where)
        stored = _stored_values(rules, record, where)
        try:
            portable_rules.check_record(rules.table, record)
        except ValidationError as exc:
            raise ImportProblem(str(exc), field=exc.field, **where) from None
        self._check_unique(name, rules, stored, where)
        self._note_references(name, index, rules, stored)
        if name == "areas":
            self.area_parents[stored.get("id")] = (stored.get("parent_id"), index)
        return stored

    def _check_unique(
        self, name: str, rules: TableRules, stored: dict[str, Any], where: dict[str, Any]
    ) -> None:
        """The record's key and its unique column sets are new in the file; remembered."""
        key = tuple(stored.get(n) for n in rules.pk)
        seen = self.keys[name]
        if key in seen:
            raise ImportProblem(
                tr("samma id förekommer två gånger"),
                field=rules.pk[0] if rules.pk else None,
                **where,
            )
        seen.add(key)
        for unique in rules.uniques:
            value_key = tuple(stored.get(n) for n in unique)
            if any(v is None for v in value_key):
                continue
            if value_key in rules.seen_unique[unique]:
                raise ImportProblem(
                    tr("värdet måste vara unikt men förekommer två gånger"),
                    field=unique[0],
                    **where,
                )
            rules.seen_unique[unique].add(value_key)
        for cols in rules.referenced:
            self.values[(name, cols)].add(tuple(stored.get(n) for n in cols))

    def _note_references(
        self, name: str, index: int, rules: TableRules, stored: dict[str, Any]
    ) -> None:
        """Check each reference now if its target table is complete, else keep it for later."""
        for local, target, remote, by_key in rules.references:
            value = tuple(stored.get(n) for n in local)
            if any(v is None for v in value):
                continue
            reference = Reference(
                name,
                index,
                local[0],
                value,
                _record_id(stored, rules.pk),
                target,
                tuple(remote),
                by_key,
            )
            if target in self.complete:
                self._check(reference)
            else:
                self.pending.append(reference)

    def end_table(self, name: str) -> None:
        self.complete.add(name)

    def _check(self, reference: Reference) -> None:
        targets = (
            self.keys[reference.target]
            if reference.by_key
            else self.values[(reference.target, reference.target_columns)]
        )
        if reference.value not in targets:
            raise ImportProblem(
                tr("hänvisar till {label} {value} (tabell {table}), som inte finns i filen").format(
                    label=table_label(reference.target).lower(),
                    table=reference.target,
                    value=", ".join(str(v) for v in reference.value),
                ),
                table=reference.table,
                index=reference.index,
                field=reference.field,
                record_id=reference.record_id,
            )

    def finish(self) -> None:
        """Every reference not checked yet (tables missing from the file are empty)."""
        order = {t.name: n for n, t in enumerate(tables())}
        for reference in sorted(self.pending, key=lambda r: (order[r.table], r.index)):
            self._check(reference)
        self.pending.clear()
        self._check_area_tree()

    def _check_area_tree(self) -> None:
        """No area lies under itself: every chain of parents ends at a top-level area."""
        done: set[Any] = set()
        for start in self.area_parents:
            chain: list[Any] = []
            current = start
            while current is not None and current not in done:
                if current in chain:
                    _parent, index = self.area_parents[current]
                    raise ImportProblem(
                        tr("området ligger under sig självt (en ring av överordnade områden)"),
                        table="areas",
                        index=index,
                        field="parent_id",
                        record_id=current,
                    )
                chain.append(current)
                current = self.area_parents.get(current, (None, 0))[0]
            done.update(chain)


def _stored_values(
    rules: TableRules, record: dict[str, Any], where: dict[str, Any]
) -> dict[str, Any]:
    """Each column's stored value: checked by its codec, or its default when missing."""
    stored: dict[str, Any] = {}
    for column_name, column in rules.columns.items():
        if column_name not in record:
            if column.primary_key:
                raise ImportProblem(tr("id saknas"), field=column_name, **where)
            default = _fill_default(column)
            if default is not _MISSING:
                stored[column_name] = default
            elif _required(column):
                raise ImportProblem(tr("fältet saknas"), field=column_name, **where)
            continue
        value = record[column_name]
        if value is None:
            if not column.nullable or column.primary_key:
                raise ImportProblem(
                    tr("fältet får inte vara tomt (null)"), field=column_name, **where
                )
            stored[column_name] = None
            continue
        try:
            stored[column_name] = rules.codecs[column_name].check(value)
        except ValueError as exc:
            raise ImportProblem(str(exc), field=column_name, **where) from exc
    return stored


def check_stream(
    items: Iterable[portable_stream.Item],
    dialect: Any,
    on_row: Callable[[str, int, dict[str, Any]], None] | None = None,
) -> int:
    """Check a file read piece by piece (`portable_stream`), handing each record's stored
    values to `on_row` as soon as it is checked; the number of records."""
    checker = Checker(dialect)
    members: dict[str, Any] = {}
    header_checked = False
    count = 0
    for item in _older_items(items):
        if isinstance(item, portable_stream.Member):
            members[item.key] = item.value
            continue
        if not header_checked and "format" in members:
            # A file written by hand may put `format` after `tables`: checked at the end then.
            checker.header(members)
            header_checked = True
        if isinstance(item, portable_stream.TablesNotObject):
            raise ImportProblem(tr("fältet tables saknas eller är inget objekt"), field="tables")
        if isinstance(item, portable_stream.TableStart):
            checker.table_name(item.name)
            if not item.is_list:
                raise ImportProblem(tr("ska vara en lista med poster"), table=item.name)
        elif isinstance(item, portable_stream.Record):
            stored = checker.record(item.table, item.index, item.value)
            count += 1
            if on_row is not None:
                on_row(item.table, item.index, stored)
        elif isinstance(item, portable_stream.TableEnd):
            checker.end_table(item.name)
    if not header_checked:
        checker.header(members)
    if members.get("tables") is not portable_stream.TABLES:
        raise ImportProblem(tr("fältet tables saknas eller är inget objekt"), field="tables")
    checker.finish()
    return count


_LEGACY_RESPONSIBLE = ("responsible_person_id", "responsible_organisation_id")


def _older_items(items: Iterable[portable_stream.Item]) -> Iterator[portable_stream.Item]:
    """`_from_older_schemas` for a file read piece by piece: an action's own responsible
    becomes its first `action_responsibles` record, handed on right after the actions (only
    the small responsible records are kept, never the actions)."""
    converted: list[dict[str, Any]] = []
    has_table = False
    for item in items:
        if isinstance(item, portable_stream.TableStart) and item.name == "action_responsibles":
            has_table = True
        if (
            isinstance(item, portable_stream.Record)
            and item.table == "action_items"
            and isinstance(item.value, dict)
            and any(k in item.value for k in _LEGACY_RESPONSIBLE)
        ):
            record = dict(item.value)
            person = record.pop("responsible_person_id", None)
            organisation = record.pop("responsible_organisation_id", None)
            if person is not None or organisation is not None:
                converted.append(
                    {
                        "id": len(converted) + 1,
                        "action_id": record.get("id"),
                        "position": 0,
                        "person_id": person,
                        "organisation_id": organisation,
                    }
                )
            item = portable_stream.Record(item.table, item.index, record)
        yield item
        if (
            isinstance(item, portable_stream.TableEnd)
            and item.name == "action_items"
            and converted
            and not has_table
        ):
            yield portable_stream.TableStart("action_responsibles", True)
            for index, record in enumerate(converted):
                yield portable_stream.Record("action_responsibles", index, record)
            yield portable_stream.TableEnd("action_responsibles")
            converted = []
