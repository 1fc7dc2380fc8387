"""Factories for the annual wheel."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from trygghetsrad.services import wheel

_counter = itertools.count(1)


def make_event(session: Session, **overrides: Any) -> int:
    fields: dict[str, Any] = {
        "title": f"Händelse {next(_counter)}",
        "category": "events",
        "start": date(2026, 5, 29),
    } | overrides
    return wheel.create_event(session, **fields).id
