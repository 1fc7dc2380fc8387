"""Importing big packages without keeping their source text in memory.

PySide6 reads the source of every module imported after it (to see whether the module
uses PySide6 itself, for its `__feature__` support), and Python's linecache keeps every
line it read: for SQLAlchemy and a workspace page together about 30 MB that would stay in
the window's memory for good. linecache is only a cache (a traceback reads the file again),
so the heavy imports of start-up run inside `forgetting_source_lines()`.

Reading the source costs time as well: `skip_pyside_source_scan()` tells PySide6 up front
that a module cannot use it (what its scan would conclude), for every module outside the
window code, so that SQLAlchemy's and the lower layers' sources are not read at all.
"""

from __future__ import annotations

import importlib.abc
import linecache
import sys
from collections.abc import Iterator
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
    """Enters each module that cannot use Qt in PySide6's table as not using it; finds
    nothing itself. PySide6 enters a module after importing it (-1: "does not use PySide6",
    from a search of its source text for the word) unless the module is there already."""

    def __init__(self, table: dict[str, int]) -> None:
        self._table = table

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> None:
        if not fullname.startswith(_MAY_USE_QT) and fullname not in _MAY_USE_QT_EXACT:
            self._table.setdefault(fullname, -1)


def skip_pyside_source_scan() -> bool:
    """Spare PySide6 reading the source of every module imported from now on that cannot
    use Qt (start-up time: SQLAlchemy alone is 200 modules). False, changing nothing, where
    PySide6 is not loaded or keeps its table elsewhere (another version)."""
    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return False
    if not any(isinstance(finder, _NotQt) for finder in sys.meta_path):
        sys.meta_path.insert(0, _NotQt(table))
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
