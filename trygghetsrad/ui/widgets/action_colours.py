"""How an action's row is coloured, the same in every table that lists actions.

Uppdrag's register and Möten's tables (the actions under an agenda item, the follow-up)
all say it this way: an open action past its due date has its date and its status in the
colour of an error text; a done or struck one is grey all along, as what needs nothing
more. Use it from a table model's `row_data`:

    colour = action_foreground(action, today, marks_lateness=column in (DUE, STATUS))
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from PySide6.QtGui import QColor

from trygghetsrad.domain.meetings.model import ActionStatus

LATE = QColor("#a4262c")  # the colour of an error text (style.py), for an overdue action
CLOSED = QColor("#5d6873")  # the colour of a hint, for what needs nothing more


class _Action(Protocol):
    @property
    def status(self) -> ActionStatus: ...

    def overdue(self, on: date, /) -> bool: ...


def action_foreground(action: _Action, today: date, *, marks_lateness: bool) -> QColor | None:
    """The text colour of one cell of `action`'s row; `marks_lateness` for the cells that say
    when and how it stands (the due date, the status): only those turn red, so the row stays
    readable."""
    if action.overdue(today):
        return LATE if marks_lateness else None
    if action.status is not ActionStatus.OPEN:
        return CLOSED
    return None
