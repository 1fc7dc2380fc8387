"""Cause analysis (*orsaksanalys*): prioritised problems and their trees of causes.

Each cause is situational (the place and the opportunity: lighting, hiding places, alcohol
sold late) or social (the people: school failure, loneliness, recruitment into crime), as
Brå's method asks; evidence links tie a cause to the sources and indicators behind it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from trygghetsrad.errors import ValidationError
from trygghetsrad.i18n import tr


class CauseKind(StrEnum):
    SITUATIONAL = "situationell"
    SOCIAL = "social"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True)
class Evidence:
    id: int
    cause_id: int
    data_source_id: int | None
    indicator_id: int | None
    label: str  # the source's or indicator's name
    note: str = ""
    internal: bool = False  # the source is internal

    @property
    def kind_label(self) -> str:
        return tr("Underlag") if self.data_source_id is not None else tr("Indikator")


@dataclass(frozen=True)
class CauseData:
    id: int
    problem_id: int
    parent_id: int | None
    position: int
    title: str
    kind: str = CauseKind.SITUATIONAL.value
    description: str = ""
    internal: bool = False
    evidence: tuple[Evidence, ...] = ()
    measure_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class ProblemData:
    id: int
    title: str
    description: str = ""
    observation_id: int | None = None
    observation_title: str = ""
    situation_picture_id: int | None = None
    prioritised: bool = True
    position: int = 0
    internal: bool = False
    cause_count: int = 0


@dataclass
class CauseNode:
    """A cause with its children, for drawing and for walking the tree."""

    cause: CauseData
    children: list[CauseNode] = field(default_factory=list)

    def walk(self) -> list[CauseNode]:
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


def build_tree(causes: list[CauseData]) -> list[CauseNode]:
    """Roots in position order, each with its children in position order.

    A cause whose parent is missing (or that would form a cycle) is treated as a root, so a
    damaged tree is still shown in full rather than losing branches.
    """
    nodes = {c.id: CauseNode(c) for c in causes}
    roots: list[CauseNode] = []
    for c in sorted(causes, key=lambda c: (c.position, c.id)):
        node = nodes[c.id]
        parent = nodes.get(c.parent_id) if c.parent_id is not None else None
        if parent is None or _creates_cycle(nodes, c.id, c.parent_id):
            roots.append(node)
        else:
            parent.children.append(node)
    return roots


def _creates_cycle(nodes: dict[int, CauseNode], cid: int, parent_id: int | None) -> bool:
    seen = {cid}
    while parent_id is not None:
        if parent_id in seen:
            return True
        seen.add(parent_id)
        parent = nodes.get(parent_id)
        parent_id = parent.cause.parent_id if parent else None
    return False


def check_move(causes: list[CauseData], cause_id: int, new_parent_id: int | None) -> None:
    """Refuse to move a cause under itself or one of its own sub-causes."""
    if new_parent_id is None:
        return
    by_id = {c.id: c for c in causes}
    if new_parent_id not in by_id:
        raise ValidationError(tr("Den överordnade orsaken finns inte längre."), "parent_id")
    if by_id[new_parent_id].problem_id != by_id[cause_id].problem_id:
        raise ValidationError(tr("En orsak kan bara flyttas inom samma problem."), "parent_id")
    current: int | None = new_parent_id
    while current is not None:
        if current == cause_id:
            raise ValidationError(
                tr("En orsak kan inte läggas under sig själv eller sina egna underorsaker."),
                "parent_id",
            )
        current = by_id[current].parent_id if current in by_id else None
