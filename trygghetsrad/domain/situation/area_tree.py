"""Areas with levels: the municipality's own division (*stadsområde → mellanområde → plats*,
or *kommundel → område*) as a tree in the user's order, and each area's assessment per
situation picture (a risk level with its colour, needs, notes).

Pure rules: the order of a tree (depth first, siblings by the user's position), the refusal of
a parent that would make a cycle, and the risk levels with their Swedish labels and colours.
"Okänd" is a state of its own: an area nobody has assessed is printed as such, never as a level.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from trygghetsrad.errors import ValidationError
from trygghetsrad.i18n import tr


class RiskLevel(StrEnum):
    UNKNOWN = "unknown"
    LOW = "low"
    RAISED = "raised"
    HIGH = "high"
    VERY_HIGH = "very_high"

    @property
    def label(self) -> str:
        return {
            RiskLevel.UNKNOWN: tr("Okänd"),
            RiskLevel.LOW: tr("Låg"),
            RiskLevel.RAISED: tr("Förhöjd"),
            RiskLevel.HIGH: tr("Hög"),
            RiskLevel.VERY_HIGH: tr("Mycket hög"),
        }[self]

    @property
    def colour(self) -> str:
        """The level's colour as #rrggbb (grey for unknown: no traffic light)."""
        return {
            RiskLevel.UNKNOWN: "#8a8f94",
            RiskLevel.LOW: "#2e7d32",
            RiskLevel.RAISED: "#c79100",
            RiskLevel.HIGH: "#d9480f",
            RiskLevel.VERY_HIGH: "#a4262c",
        }[self]

    @classmethod
    def clean(cls, value: str, field: str = "risk_level") -> str:
        text = str(value).strip()
        for member in cls:
            if text == member.value or text.lower() == member.label.lower():
                return member.value
        raise ValidationError(
            tr("Okänd risknivå: {value}. Välj Okänd, Låg, Förhöjd, Hög eller Mycket hög.").format(
                value=value
            ),
            field,
        )


class AreaLink(StrEnum):
    """The kinds of record that can be tied to an area (`area_id`)."""

    OBSERVATION = "observation"
    INDICATOR_VALUE = "indicator_value"
    GAP = "gap"
    MEASURE = "measure"


@dataclass(frozen=True)
class AreaData:
    id: int
    parent_id: int | None
    name: str
    level: str
    position: int
    depth: int = 0
    path: tuple[str, ...] = ()  # the names from the top level down to this one

    @property
    def full_name(self) -> str:
        return " › ".join(self.path) or self.name


@dataclass(frozen=True)
class AreaAssessmentData:
    """One area in the tree with what the user said of it in one picture (or nothing)."""

    area: AreaData
    risk_level: str = RiskLevel.UNKNOWN.value
    needs: str = ""
    notes: str = ""

    @property
    def risk(self) -> RiskLevel:
        return RiskLevel(self.risk_level)

    @property
    def assessed(self) -> bool:
        return self.risk != RiskLevel.UNKNOWN or bool(self.needs.strip() or self.notes.strip())


def tree_order(areas: Iterable[AreaData]) -> list[AreaData]:
    """The areas depth first, siblings by position (then id), each with its depth and path.

    Areas that cannot be reached from a top-level area (a cycle in an imported file) are
    refused rather than left out: a document must print every area it holds."""
    items = list(areas)
    children: dict[int | None, list[AreaData]] = defaultdict(list)
    known = {a.id for a in items}
    for area in items:
        parent = area.parent_id if area.parent_id in known else None
        children[parent].append(area)
    ordered: list[AreaData] = []

    def walk(parent: int | None, depth: int, path: tuple[str, ...]) -> None:
        for area in sorted(children.get(parent, ()), key=lambda a: (a.position, a.id)):
            here = (*path, area.name)
            ordered.append(
                AreaData(area.id, area.parent_id, area.name, area.level, area.position, depth, here)
            )
            walk(area.id, depth + 1, here)

    walk(None, 0, ())
    if len(ordered) != len(items):
        raise ValidationError(tr("Områdena bildar en ring: ett område ligger under sig självt."))
    return ordered


def check_parent(areas: Iterable[AreaData], area_id: int, parent_id: int | None) -> None:
    """Refuse a parent that is the area itself or lies below it."""
    if parent_id is None:
        return
    parents = {a.id: a.parent_id for a in areas}
    seen: set[int] = set()
    current: int | None = parent_id
    while current is not None and current not in seen:
        if current == area_id:
            raise ValidationError(
                tr(
                    "Ett område kan inte läggas under sig självt eller under ett av sina delområden."
                ),
                "parent_id",
            )
        seen.add(current)
        current = parents.get(current)


def descendants(areas: Iterable[AreaData], area_id: int) -> set[int]:
    """The ids of every area below `area_id`."""
    children: dict[int | None, list[int]] = defaultdict(list)
    for a in areas:
        children[a.parent_id].append(a.id)
    found: set[int] = set()
    stack = [area_id]
    while stack:
        for child in children.get(stack.pop(), ()):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found
