"""A table model over a list of records that updates in place when the records are reloaded.

Pages reload their rows from the database after every change. Resetting the model each
time loses the selection, the current cell and the scroll position, and makes the proxy
sort thousands of rows again. `KeyedRowModel.set_rows` instead compares the new rows with
the old ones by a key (the record id) and tells the views exactly what happened: rows
removed, moved or inserted, and `dataChanged` for rows whose record changed. It resets
only when that is cheaper (nothing shown before, nothing left, or most rows differ).

Cells of the roles in `CACHED_ROLES` (display text and sort key by default) are computed
once per record and kept until that record changes: sorting ten years of meetings asks
for the same Swedish sort keys tens of thousands of times.

This is the bottom of the one table stack in `ui/widgets/`: roles in `roles.Role`,
declarative columns and a ready model in `record_model` (`Column`, `RecordTableModel`),
filtering and search in `filter_proxy.RecordFilterProxy`, column widths in `columns`.
Subclass `KeyedRowModel` directly only when a model computes its cells itself.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Hashable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from trygghetsrad.ui.widgets.roles import Role

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Role.SORT  # the name older models import

_MISSING = object()
_LAYOUT = ("QList<QPersistentModelIndex>", "QAbstractItemModel::LayoutChangeHint")  # the overload


def _key(value: Any) -> tuple[bool, Any]:
    """Sort key putting a missing value first (as the proxies' lessThan does)."""
    return (value is not None, value if value is not None else 0)


class _Position(int):
    """Stands in for the key of a record without one (never equal to a real key)."""

    def __eq__(self, other: object) -> bool:
        return type(other) is _Position and int(self) == int(other)

    __hash__ = int.__hash__


def stable_positions(sequence: Sequence[int]) -> set[int]:
    """Indexes (into `sequence`) of one longest increasing subsequence.

    Rows on it keep their place when a list is reordered; only the others move."""
    tails: list[int] = []  # sequence value at the end of the best run of each length
    tail_at: list[int] = []  # index of that value
    before: list[int] = [-1] * len(sequence)
    for i, value in enumerate(sequence):
        n = bisect_left(tails, value)
        if n == len(tails):
            tails.append(value)
            tail_at.append(i)
        else:
            tails[n] = value
            tail_at[n] = i
        before[i] = tail_at[n - 1] if n else -1
    keep: set[int] = set()
    i = tail_at[-1] if tail_at else -1
    while i >= 0:
        keep.add(i)
        i = before[i]
    return keep


class KeyedRowModel(QAbstractTableModel):
    """Read-only rows, one record each; `set_rows` updates in place by `row_key`.

    Subclasses give the column count (`COLUMNS` or `columnCount`) and the cells, either by
    overriding `row_data(record, row, column, role)` (cached for `CACHED_ROLES`) or, for
    models that compute everything themselves, `data()`.
    `POSITIONAL_COLUMNS` are columns whose text depends on the row's place (a running
    number); they are refreshed whenever rows are inserted, removed or moved."""

    COLUMNS: Sequence[Any] = ()
    CACHED_ROLES: frozenset[int] = frozenset({Qt.ItemDataRole.DisplayRole, SORT_ROLE})
    POSITIONAL_COLUMNS: tuple[int, ...] = ()
    # More changed rows than this share of the list (and at least RESET_MIN) → one reset.
    RESET_SHARE = 0.5
    RESET_MIN = 64

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._keys: list[Hashable] = []
        self._positions: dict[Hashable, int] | None = {}
        # key -> (the record the cells were computed from, {(column, role): value}). Kept
        # for records that leave the list too (a filter change brings them back), checked
        # against the record when read; pruned when it grows well past the list.
        self._cache: dict[Hashable, tuple[Any, dict[tuple[int, int], Any]]] = {}
        self.cache_floor = 0  # rows worth keeping cells for (a filter's whole list)
        self.last_update = "reset"  # what the last set_rows did: reset, in place or unchanged
        self.sort_column = -1  # the model keeps its rows in this column's order (see sort)
        self.sort_order = Qt.SortOrder.AscendingOrder

    # -- keys ------------------------------------------------------------------------------

    def row_key(self, record: Any) -> Hashable:
        """What identifies a record across reloads; None when it has no identity."""
        return getattr(record, "id", None)

    def row_of_key(self, key: Hashable) -> int:
        if self._positions is None:
            self._positions = {k: i for i, k in enumerate(self._keys)}
        return self._positions.get(key, -1)

    def record_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # -- updating ----------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[Any]) -> None:
        new_rows = list(rows)
        new_keys = [self.row_key(r) for r in new_rows]
        if self.sort_column >= 0 and len(new_rows) > 1:
            new_rows, new_keys = self._sorted(new_rows, new_keys)
        plan = self._plan(new_keys)
        if plan is None:
            self._reset(new_rows, new_keys)
            return
        removed, moves_needed = plan
        structural = (
            bool(removed) or moves_needed or len(new_rows) != len(self._rows) - len(removed)
        )
        self._remove(removed)
        self._move(new_keys)
        self._insert(new_rows, new_keys)
        changed = self._replace(new_rows)
        self._prune()
        if structural and self.POSITIONAL_COLUMNS and self._rows:
            for column in self.POSITIONAL_COLUMNS:
                self._forget_column(column)
                self.dataChanged.emit(
                    self.index(0, column), self.index(len(self._rows) - 1, column)
                )
        self.last_update = "in place" if structural or changed else "unchanged"

    def _plan(self, new_keys: list[Hashable]) -> tuple[list[int], bool] | None:
        """Rows to remove and whether rows move; None when a reset is cheaper or needed."""
        old_keys = self._keys
        if not old_keys or not new_keys:
            return None
        new_set = set(new_keys)
        if None in new_set or len(new_set) != len(new_keys) or len(set(old_keys)) != len(old_keys):
            return None
        old_set = set(old_keys)
        removed = [i for i, k in enumerate(old_keys) if k not in new_set]
        added = sum(1 for k in new_keys if k not in old_set)
        kept = [k for k in old_keys if k in new_set]
        position = {k: i for i, k in enumerate(kept)}
        order = [position[k] for k in new_keys if k in old_set]
        moved = 0 if order == sorted(order) else len(order) - len(stable_positions(order))
        limit = max(self.RESET_MIN, int(len(new_keys) * self.RESET_SHARE))
        if len(removed) + added + moved > limit or not kept:
            return None
        return removed, moved > 0

    def _reset(self, rows: list[Any], keys: list[Hashable]) -> None:
        self.beginResetModel()
        self.take_rows(rows, keys)
        self.endResetModel()
        self._prune()
        self.last_update = "reset"

    def _prune(self) -> None:
        """Forget the cells of records long gone once the cache is much bigger than the list."""
        if len(self._cache) > 2 * max(len(self._keys), self.cache_floor) + self.RESET_MIN * 4:
            present = set(self._keys)
            self._cache = {k: v for k, v in self._cache.items() if k in present}

    def take_rows(self, rows: Sequence[Any], keys: list[Hashable] | None = None) -> None:
        """Replace the rows without telling the views: only between begin/endResetModel or
        layoutAboutToBeChanged/layoutChanged (a model that sorts itself). Cached cells stay:
        they belong to records, not to row numbers."""
        self._rows = list(rows)
        keys = [self.row_key(r) for r in self._rows] if keys is None else keys
        if None in keys or len(set(keys)) != len(keys):
            # No usable identity: cache by position (the next load resets again).
            self._cache.clear()
            keys = [_Position(i) for i in range(len(self._rows))]
        self._keys = keys
        self._positions = None

    def _remove(self, removed: list[int]) -> None:
        # Contiguous runs, from the bottom up so that earlier row numbers stay valid.
        runs: list[list[int]] = []
        for row in removed:
            if runs and runs[-1][1] == row - 1:
                runs[-1][1] = row
            else:
                runs.append([row, row])
        for first, last in reversed(runs):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            del self._keys[first : last + 1]
            self._positions = None
            self.endRemoveRows()

    def _move(self, new_keys: list[Hashable]) -> None:
        present = set(self._keys)
        target = [k for k in new_keys if k in present]
        if target == self._keys:
            return
        position = {k: i for i, k in enumerate(self._keys)}
        stable = stable_positions([position[k] for k in target])
        # Each moving row goes right after the row that precedes it in the new order; rows
        # on the longest already-ordered run stay where they are.
        for n, key in enumerate(target):
            if n in stable:
                continue
            source = self._keys.index(key)
            dest = self._keys.index(target[n - 1]) + 1 if n else 0
            if dest in (source, source + 1):
                continue
            self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), dest)
            record = self._rows.pop(source)
            self._keys.pop(source)
            at = dest if dest < source else dest - 1
            self._rows.insert(at, record)
            self._keys.insert(at, key)
            self._positions = None
            self.endMoveRows()

    def _insert(self, new_rows: list[Any], new_keys: list[Hashable]) -> None:
        present = set(self._keys)
        row = 0
        while row < len(new_keys):
            if new_keys[row] in present:
                row += 1
                continue
            end = row
            while end < len(new_keys) and new_keys[end] not in present:
                end += 1
            self.beginInsertRows(QModelIndex(), row, end - 1)
            self._rows[row:row] = new_rows[row:end]
            self._keys[row:row] = new_keys[row:end]
            self._positions = None
            self.endInsertRows()
            row = end

    def _replace(self, new_rows: list[Any]) -> bool:
        """Take the new records; dataChanged for runs of rows whose record differs."""
        last_column = max(self.columnCount() - 1, 0)
        changed = False
        first = -1
        for row, record in enumerate(new_rows):
            differs = record is not self._rows[row] and record != self._rows[row]
            if differs:
                self._rows[row] = record
                self._cache.pop(self._keys[row], None)
                changed = True
                if first < 0:
                    first = row
            elif first >= 0:
                self.dataChanged.emit(self.index(first, 0), self.index(row - 1, last_column))
                first = -1
            else:
                self._rows[row] = record
        if first >= 0:
            self.dataChanged.emit(self.index(first, 0), self.index(len(new_rows) - 1, last_column))
        return changed

    def refresh_all(self) -> None:
        """Forget every cached cell and repaint (something every row depends on changed)."""
        self._cache.clear()
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, max(self.columnCount() - 1, 0))
            )

    def _forget_column(self, column: int) -> None:
        for _record, cells in self._cache.values():
            for cell in [c for c in cells if c[0] == column]:
                del cells[cell]

    # -- sorting -------------------------------------------------------------------------------

    SORT_BY_ROLE: int = SORT_ROLE

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Keep the rows in the order of `column` (its cached sort keys, Python's sort).

        A filter proxy in front passes its sort here (see `filter_proxy.RecordFilterProxy`): comparing
        cells in the proxy's `lessThan` means a round trip into Python for each of the
        n·log n comparisons; here each key is read once."""
        if not 0 <= column < self.columnCount():
            return
        self.sort_column, self.sort_order = column, order
        if len(self._rows) < 2:
            return
        hint = QAbstractItemModel.LayoutChangeHint.VerticalSortHint
        self.layoutAboutToBeChanged[_LAYOUT].emit([], hint)
        before = self.persistentIndexList()
        held = [self._keys[i.row()] if i.isValid() else None for i in before]
        self._rows, self._keys = self._sorted(self._rows, self._keys)
        self._positions = None
        self.changePersistentIndexList(
            before,
            [
                self.index(self.row_of_key(key), old.column()) if key is not None else old
                for key, old in zip(held, before, strict=True)
            ],
        )
        self.layoutChanged[_LAYOUT].emit([], hint)

    def _sorted(self, rows: list[Any], keys: list[Hashable]) -> tuple[list[Any], list[Hashable]]:
        column, role = self.sort_column, self.SORT_BY_ROLE
        cached = role in self.CACHED_ROLES
        values = []
        for record, key in zip(rows, keys, strict=True):
            if not cached or key is None:
                values.append(self.row_data(record, -1, column, role))
                continue
            cells = self._cached_cells(key, record)
            value = cells.get((column, role), _MISSING)
            if value is _MISSING:
                value = cells[(column, role)] = self.row_data(record, -1, column, role)
            values.append(value)
        # Rows with equal values keep the order of their keys, not the order they came in:
        # a reload after an edit (rows in load order) must not swap them. Python's sort is
        # stable, also with `reverse`, so ties stay in key order either way.
        positions = _in_key_order(keys)
        descending = self.sort_order == Qt.SortOrder.DescendingOrder
        try:
            positions.sort(key=lambda i: _key(values[i]), reverse=descending)
        except TypeError:  # mixed kinds of keys: compare as text, as the proxies do
            positions.sort(
                key=lambda i: _key(None if values[i] is None else str(values[i])),
                reverse=descending,
            )
        return [rows[i] for i in positions], [keys[i] for i in positions]

    # -- Qt model interface ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._rows):
            return None
        return self.value(row, index.column(), role)

    def value(self, row: int, column: int, role: int) -> Any:
        """What `data()` answers for the cell, without building a model index (proxies
        filtering thousands of rows call this). `Role.RECORD` and `Role.KEY` are answered
        for every keyed model: the row's record and its `row_key`, unless `row_data`
        answers them itself."""
        if role in self.CACHED_ROLES:
            return self.cell(row, column, role)
        record = self._rows[row]
        found = self.row_data(record, row, column, role)
        if found is None and role == Role.RECORD:
            return record
        if found is None and role == Role.KEY:
            return self.row_key(record)
        return found

    def _cached_cells(self, key: Hashable, record: Any) -> dict[tuple[int, int], Any]:
        """The cached cells of `record` (a fresh set when the cache holds another version)."""
        entry = self._cache.get(key)
        if entry is not None and entry[0] is record:
            return entry[1]
        if entry is not None and entry[0] == record:  # reloaded, unchanged
            self._cache[key] = (record, entry[1])
            return entry[1]
        cells: dict[tuple[int, int], Any] = {}
        self._cache[key] = (record, cells)
        return cells

    def cell(self, row: int, column: int, role: int) -> Any:
        """The (cached) value of a cell for a role in CACHED_ROLES."""
        cells = self._cached_cells(self._keys[row], self._rows[row])
        value = cells.get((column, role), _MISSING)
        if value is _MISSING:
            value = cells[(column, role)] = self.row_data(self._rows[row], row, column, role)
        return value

    def row_data(self, record: Any, row: int, column: int, role: int) -> Any:
        return None


def _in_key_order(keys: list[Hashable]) -> list[int]:
    """Positions 0..n-1 ordered by their rows' keys (rows without a key last, as they came);
    keys of mixed kinds are compared as text."""
    positions = list(range(len(keys)))
    try:
        positions.sort(key=lambda i: (keys[i] is None, keys[i] if keys[i] is not None else 0))
    except TypeError:
        positions.sort(key=lambda i: (keys[i] is None, str(keys[i])))
    return positions
