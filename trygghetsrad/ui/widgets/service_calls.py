"""Reading through a service, and storing a typed field, from a page.

Every other change a page makes goes through `journal_command.push_recorded` (undoable,
error shown, changes announced). What is left are reads, and the writes of autosaved typed
fields, whose undo is the field's own (`autosave.SetFieldCommand`) or none (an agenda item's
text while it is typed): both call a service function in a session of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from trygghetsrad.domain.changes import Changes
from trygghetsrad.ui.context import AppContext

T = TypeVar("T")


def read(ctx: AppContext, fn: Callable[[Any], T]) -> T:
    """`fn(session)`: a service's read function, in a session of its own."""
    with ctx.database.session() as session:
        return fn(session)


def store(ctx: AppContext, fn: Callable[[Any], T], *, announce: bool = True) -> T:
    """Store an autosaved field through a service (`fn(session)`, committed at once) and
    announce what it changed when it says so (`announce=False`: the caller refreshes its
    own rows first and announces then); a `UserError` reaches the caller, who shows it at
    the field."""
    result = read(ctx, fn)
    changes = getattr(result, "changes", result)
    if announce and isinstance(changes, Changes):
        ctx.events.changed(changes)
    return result
