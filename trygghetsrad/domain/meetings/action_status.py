"""An action's status (*uppdrag*): the one the user gives, and how every screen and document
words it on a given day ("Öppen, försenad")."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from trygghetsrad.i18n import tr


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return {
            ActionStatus.OPEN: tr("Öppen"),
            ActionStatus.DONE: tr("Klart"),
            ActionStatus.CANCELLED: tr("Struket"),
        }[self]


def action_overdue(status: ActionStatus, due_date: date | None, on: date) -> bool:
    """Open and past its due date on `on` (an action without a due date is never late)."""
    return status is ActionStatus.OPEN and due_date is not None and due_date < on


def action_status_text(status: ActionStatus, due_date: date | None, on: date) -> str:
    """An action's status as every screen and document words it on the day `on`: the status
    the user gave, with "försenad" added while it is open past its due date ("Öppen,
    försenad") — late is a fact about the date, not a status of its own."""
    if action_overdue(status, due_date, on):
        return tr("{status}, försenad").format(status=status.label)
    return status.label
