"""What a service changed, so that each page refreshes only what concerns it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Area(StrEnum):
    """A part of the data a page shows and refreshes when it changes.

    Which area owns each database table is written out in `db/areas.py` (`TABLE_AREAS`),
    not inferred: a test fails when a table has none. The members are strings, so an area
    compares equal to its value ("meetings") wherever one was stored as text (an `Owner`)."""

    REGISTER = "register"
    SETTINGS = "settings"
    MEETINGS = "meetings"
    WHEEL = "wheel"
    SITUATION = "situation"
    ACTION_PLAN = "action_plan"
    EVERYTHING = "everything"


# The members under their own names, as the services and pages import them.
REGISTER = Area.REGISTER
SETTINGS = Area.SETTINGS
MEETINGS = Area.MEETINGS
WHEEL = Area.WHEEL
SITUATION = Area.SITUATION
ACTION_PLAN = Area.ACTION_PLAN
EVERYTHING = Area.EVERYTHING


@dataclass(frozen=True)
class Changes:
    areas: frozenset[Area] = field(default_factory=frozenset)

    @classmethod
    def of(cls, *areas: Area) -> Changes:
        return cls(frozenset(Area(area) for area in areas))

    def touches(self, *areas: Area) -> bool:
        return EVERYTHING in self.areas or any(area in self.areas for area in areas)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.areas | other.areas)

    def __bool__(self) -> bool:
        return bool(self.areas)


@dataclass(frozen=True)
class Created:
    """What a create service returns: the new record's id and what changed."""

    id: int
    changes: Changes
