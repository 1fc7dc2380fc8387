"""What a service changed, so that each page refreshes only what concerns it."""

from __future__ import annotations

from dataclasses import dataclass, field

REGISTER = "register"
SETTINGS = "settings"
MEETINGS = "meetings"
WHEEL = "wheel"
SITUATION = "situation"
ACTION_PLAN = "action_plan"
EVERYTHING = "everything"


@dataclass(frozen=True)
class Changes:
    areas: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, *areas: str) -> Changes:
        return cls(frozenset(areas))

    def touches(self, *areas: str) -> bool:
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
