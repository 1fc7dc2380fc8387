"""Small helpers every service module shares."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from trygghetsrad.errors import UserError
from trygghetsrad.i18n import tr

T = TypeVar("T")


def get_or_fail(session: Session, model: type[T], record_id: int) -> T:
    """The record, or a Swedish message when it was deleted meanwhile (another window, undo)."""
    record = session.get(model, record_id)
    if record is None:
        raise UserError(tr("Posten finns inte längre; den kan ha tagits bort."))
    return record
