"""Importing big packages without keeping their source text in memory.

PySide6 reads the source of every module imported after it (to see whether the module
uses PySide6 itself, for its `__feature__` support), and Python's linecache keeps every
line it read: for SQLAlchemy and a workspace page together about 30 MB that would stay in
the window's memory for good. linecache is only a cache (a traceback reads the file again),
so the heavy imports of start-up run inside `forgetting_source_lines()`.
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
