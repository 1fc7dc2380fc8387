"""Helpers shared by the situation-picture services (part 1)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from trygghetsrad.domain.changes import SITUATION, Changes
from trygghetsrad.domain.text import MAX_NAME, clean_text
from trygghetsrad.errors import ValidationError
from trygghetsrad.i18n import tr
from trygghetsrad.services.records import get_or_fail

CHANGED = Changes.of(SITUATION)


get = get_or_fail


def name(value: str | None, *, field: str = "name", label: str | None = None) -> str:
    return clean_text(
        value, field=field, label=label or tr("Namn"), required=True, max_length=MAX_NAME
    )


def text(value: str | None, *, field: str, label: str, max_length: int = 10_000) -> str:
    return clean_text(value, field=field, label=label, max_length=max_length)


def check_exists(
    session: Session, model: type, record_id: int | None, field: str, what: str
) -> None:
    if record_id is not None and session.get(model, record_id) is None:
        raise ValidationError(tr("{what} finns inte längre.").format(what=what), field)
