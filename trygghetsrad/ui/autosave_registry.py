"""The pages of a window that store their own pending edits, joined explicitly.

Most fields autosave through `autosave.Autosaver`/`FieldAutosave`, which `flush_all()`
reaches by itself. A page that keeps an autosave timer of its own (the agenda, a meeting's
details, a situation picture, the causes) joins its window's registry when it is built:

    ctx.autosave.join(self)

and so satisfies `SavesPending`: `save_now()` stores what is pending at once and returns
False (or raises a `UserError`) when the edit was refused, the message showing at the field.
The main window owns the registry and hands it to its pages in the `AppContext`;
`autosave.flush_all()` (closing, switching or restoring the database, quitting, logging
out, SIGTERM) asks every page of every live registry.
"""

from __future__ import annotations

import weakref
from typing import Protocol, runtime_checkable

from PySide6.QtWidgets import QWidget
from shiboken6 import isValid


@runtime_checkable
class SavesPending(Protocol):
    """A page with pending edits of its own: store them now; False when refused."""

    def save_now(self) -> bool | None: ...


class AutosaveRegistry:
    """The pages of one window that `flush_all()` asks to store their pending edits."""

    def __init__(self) -> None:
        self._pages: list[weakref.ref[QWidget]] = []
        _REGISTRIES.add(self)

    def join(self, page: QWidget) -> None:
        """Have `page` (a `SavesPending`) store its edits whenever everything is stored."""
        if not isinstance(page, SavesPending):
            raise TypeError(f"{type(page).__name__} has no save_now() to join the autosave")
        if page not in self.pages():
            self._pages.append(weakref.ref(page))

    def pages(self) -> list[QWidget]:
        """The pages that joined and still exist, in the order they joined."""
        live = [page for ref in self._pages if (page := ref()) is not None and isValid(page)]
        self._pages = [weakref.ref(page) for page in live]
        return live


_REGISTRIES: weakref.WeakSet[AutosaveRegistry] = weakref.WeakSet()


def registries() -> list[AutosaveRegistry]:
    """Every live registry (one per window, and one per context a test builds)."""
    return list(_REGISTRIES)
