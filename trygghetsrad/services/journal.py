"""Undoable service calls: run any service under the journal, then undo or redo what it did.

The UI's one undo command (`ui/widgets/journal_command.py`) calls these three functions, so
no edit needs a hand-written inverse. `run` records every row the service changes
(including rows removed by ON DELETE CASCADE); `undo` and `redo` replay the record in one
transaction, refusing with a Swedish `UserError` and changing nothing if the rows were
changed since.

Erasing personal data (`services/privacy.py`) is deliberately never run through here: an
undo must not bring erased details back (the UI clears the undo stacks after an erasure).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from trygghetsrad.db import journal
from trygghetsrad.domain.changes import Changes, Created
from trygghetsrad.errors import UserError
from trygghetsrad.i18n import tr

if TYPE_CHECKING:
    from trygghetsrad.db.engine import Database

ChangeSet = journal.ChangeSet


@dataclass(frozen=True)
class Recorded:
    """What a recorded service call returned, what it changed and where."""

    result: Any
    changeset: journal.ChangeSet
    changes: Changes

    def __bool__(self) -> bool:
        return bool(self.changeset)


def changes_of(changeset: journal.ChangeSet) -> Changes:
    """The areas a change set touched (the pages that must refresh after undo/redo)."""
    return Changes(journal.areas(changeset))


def run(database: Database, label: str, fn: Callable[[Session], Any]) -> Recorded:
    """Run `fn(session)` in one transaction and record every row it changes."""
    with database.session() as session, journal.record(session, label) as recording:
        result = fn(session)
    changeset = recording.changeset
    changes = changes_of(changeset)
    if isinstance(result, Changes):
        changes = changes | result
    elif isinstance(result, Created):
        changes = changes | result.changes
    return Recorded(result, changeset, changes)


def relabel(recorded: Recorded, label: str) -> Recorded:
    """The same record under another name (e.g. once an import knows how much it brought)."""
    return replace(recorded, changeset=replace(recorded.changeset, label=label))


def _conflict(changeset: journal.ChangeSet, *, undoing: bool) -> UserError:
    text = (
        tr("Kan inte ångra ”{label}”: posten har ändrats sedan dess.")
        if undoing
        else tr("Kan inte göra om ”{label}”: posten har ändrats sedan dess.")
    )
    return UserError(text.format(label=changeset.label))


def _replay(database: Database, changeset: journal.ChangeSet, *, undoing: bool) -> Changes:
    apply = journal.undo if undoing else journal.redo
    try:
        # Foreign keys are deferred during replay and checked at commit: a violation there
        # (say a person removed since) means the rows changed, like any other conflict.
        with database.session() as session:
            apply(session, changeset)
    except (journal.JournalConflict, IntegrityError) as exc:
        raise _conflict(changeset, undoing=undoing) from exc
    return changes_of(changeset)


def undo(database: Database, changeset: journal.ChangeSet) -> Changes:
    """Put back what the change set changed; a UserError (nothing changed) if it can't."""
    return _replay(database, changeset, undoing=True)


def redo(database: Database, changeset: journal.ChangeSet) -> Changes:
    """Make the change set's changes again; a UserError (nothing changed) if it can't."""
    return _replay(database, changeset, undoing=False)
