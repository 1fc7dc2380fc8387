"""Dated items that records of any workspace put on the annual wheel and in calendar exports.

A meeting, an action's due date, a data source's next delivery or an action plan's follow-up
date is owned by its own record; the wheel only shows it. `owner` tells the wheel which
record to open when the user edits the item.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from trygghetsrad.domain.changes import Area

# Standard category keys; the wheel's ring set (names, colours, order) is editable by the user.
MEETINGS = "meetings"
EVENTS = "events"
CAMPAIGNS = "campaigns"
LAW_CHANGES = "law_changes"
MEASUREMENTS = "measurements"
DATA_DELIVERIES = "data_deliveries"
DEADLINES = "deadlines"


@dataclass(frozen=True)
class Owner:
    area: Area  # the workspace whose page opens it
    kind: str  # e.g. "meeting", "action_item", "data_source", "action_plan"
    id: int


@dataclass(frozen=True)
class CalendarItem:
    key: str  # stable across runs, e.g. "meeting:12"; used for selection and .ics UIDs
    title: str
    category: str
    start: date
    end: date | None = None
    start_time: time | None = None
    end_time: time | None = None
    place: str = ""
    description: str = ""
    responsible: str = ""
    internal: bool = False
    owner: Owner | None = None

    @property
    def last_day(self) -> date:
        return self.end or self.start
