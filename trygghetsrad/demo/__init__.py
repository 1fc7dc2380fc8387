"""Example data: a fictional municipality modelled on a real council's minutes.

Deterministic for a given date; it covers the current and the previous calendar year, so it
never looks stale. Each workspace adds its own module to `PARTS`, run in order on the same
session; a part receives the ids the earlier parts created through `DemoContext`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from trygghetsrad.domain.changes import EVERYTHING, Changes
from trygghetsrad.errors import UserError
from trygghetsrad.i18n import tr

PARTS = [
    "trygghetsrad.demo.register",
    "trygghetsrad.demo.meetings",
    "trygghetsrad.demo.wheel",
    "trygghetsrad.demo.situation",
    "trygghetsrad.demo.action_plan",
    "trygghetsrad.demo.attachments",
    "trygghetsrad.demo.areas",
]


@dataclass
class DemoContext:
    today: date
    people: dict[str, int] = field(default_factory=dict)  # key -> person id
    organisations: dict[str, int] = field(default_factory=dict)
    groups: dict[str, int] = field(default_factory=dict)
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def year(self) -> int:
        return self.today.year


def fill(session: Session, today: date | None = None) -> Changes:
    """Fill an empty database with the example data; refuse a database that has data."""
    from trygghetsrad.services.register import is_empty

    if not is_empty(session):
        raise UserError(
            tr("Databasen innehåller redan data; exempeldata läggs bara in i en tom databas.")
        )
    ctx = DemoContext(today or date.today())
    for name in PARTS:
        importlib.import_module(name).fill(session, ctx)
    session.flush()
    return Changes.of(EVERYTHING)
