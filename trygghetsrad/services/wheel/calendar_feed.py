"""Collects the dated items every workspace contributes to the annual wheel and calendars.

Each workspace exposes `calendar_items(session, start, end) -> list[CalendarItem]` in its own
service module and lists it in `PROVIDERS`; the wheel asks this module, never the workspaces.
"""

from __future__ import annotations

import importlib
from datetime import date, time

from sqlalchemy.orm import Session

from trygghetsrad.domain.calendar_items import CalendarItem

# "module:function" of each provider.
PROVIDERS: list[str] = [
    "trygghetsrad.services.meetings.calendar:calendar_items",
    "trygghetsrad.services.situation.sources:calendar_items",
    "trygghetsrad.services.situation.action_plan:calendar_items",
]


def items_between(session: Session, start: date, end: date) -> list[CalendarItem]:
    """Every owned item that touches [start, end], sorted by date."""
    items: list[CalendarItem] = []
    for spec in PROVIDERS:
        module, _, func = spec.partition(":")
        items.extend(getattr(importlib.import_module(module), func)(session, start, end))
    return sorted(
        items, key=lambda i: (i.start, i.start_time is not None, i.start_time or _MIDNIGHT, i.title)
    )


_MIDNIGHT = time(0, 0)
