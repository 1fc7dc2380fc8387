"""Importing big packages without keeping their source text in memory.

PySide6 reads the source of every module imported after it (to see whether the module
uses PySide6 itself, for its `__feature__` support), and Python's linecache keeps every
line it read: for SQLAlchemy and a workspace page together about 30 MB that would stay in
the window's memory for good. linecache is only a cache (a traceback reads the file again),
so the heavy imports of start-up run inside `forgetting_source_lines()`.

Reading the source costs time as well: `skip_pyside_source_scan()` tells PySide6 up front
that a module cannot use it (what its scan would conclude), for every module outside the
window code, so that SQLAlchemy's and the lower layers' sources are not read at all; the
window code's files are searched for the word as bytes, not through `inspect`.
"""

from __future__ import annotations

import importlib.abc
import linecache
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any


class _Forget(importlib.abc.MetaPathFinder):
    """Clears linecache before each module is looked for; finds nothing itself."""

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> None:
        linecache.clearcache()


# Modules that may use PySide6 (the import-linter contract "No Qt outside ui/ and app.py"
# keeps it out of every other module of ours; no other package we use imports it).
_MAY_USE_QT = ("PySide6", "shiboken6", "shibokensupport", "__feature__", "trygghetsrad.ui")
_MAY_USE_QT_EXACT = ("trygghetsrad.app", "__main__")


class _NotQt(importlib.abc.MetaPathFinder):
    """Enters each module in PySide6's table before it is imported, with the answer PySide6
    would give; finds nothing itself. PySide6 enters a module after importing it (0: "uses
    PySide6", -1: "does not", from a search of its source text for the word) unless the
    module is there already. A module that cannot use Qt is -1 unread; the window's own
    modules are searched here as bytes, which is what PySide6's search through `inspect`
    and linecache comes to, at a fraction of the cost (about 120 modules at start-up)."""

    def __init__(self, table: dict[str, int]) -> None:
        self._table = table

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> None:
        if fullname in self._table:
            return
        if not fullname.startswith(_MAY_USE_QT) and fullname not in _MAY_USE_QT_EXACT:
            self._table[fullname] = -1
        elif fullname.startswith(_OURS) and path:
            found = _search_source(fullname.rpartition(".")[2], path)
            if found is not None:
                self._table[fullname] = found


_OURS = "trygghetsrad."


def _search_source(leaf: str, folders: Iterable[str]) -> int | None:
    """PySide6's answer for the module `leaf` in `folders` (0 if its source names PySide6,
    else -1); None where there is no source file (PySide6's own search then decides)."""
    for folder in folders:
        for candidate in (
            os.path.join(folder, leaf + ".py"),
            os.path.join(folder, leaf, "__init__.py"),
        ):
            try:
                with open(candidate, "rb") as source:
                    return 0 if b"PySide6" in source.read() else -1
            except OSError:
                continue
    return None


def skip_pyside_source_scan() -> bool:
    """Spare PySide6 reading the source of every module imported from now on (start-up
    time: SQLAlchemy alone is 200 modules), and of those imported already that cannot use
    Qt, which it reads when a later import statement names them. False, changing nothing,
    where PySide6 is not loaded or keeps its table elsewhere (another version)."""
    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return False
    if not any(isinstance(finder, _NotQt) for finder in sys.meta_path):
        sys.meta_path.insert(0, _NotQt(table))
    for name in list(sys.modules):
        if not name.startswith(_MAY_USE_QT) and name not in _MAY_USE_QT_EXACT:
            table.setdefault(name, -1)
    return True


@contextmanager
def forgetting_source_lines() -> Iterator[None]:
    """Imports inside this block keep at most one module's source lines cached."""
    finder = _Forget()
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)
        linecache.clearcache()
