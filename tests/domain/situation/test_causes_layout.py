"""Cause-tree geometry shared by the widget and the PDF: no overlaps, parents centred on
their children, connectors from box to box, wrapping and hit testing."""

from __future__ import annotations

import itertools

import pytest

from trygghetsrad.domain.situation.causes import CauseData, build_tree, check_move
from trygghetsrad.domain.situation.causes_layout import LayoutStyle, layout_tree, wrap
from trygghetsrad.errors import ValidationError


def measure(text: str) -> float:
    return 6.0 * len(text)


def cause(id: int, parent: int | None, title: str = "", position: int = 0) -> CauseData:  # noqa: A002
    return CauseData(id, 1, parent, position, title or f"Orsak {id}")


TREE = [
    cause(1, None, position=0),
    cause(2, 1, "En lång orsak som måste brytas över flera rader i rutan", 0),
    cause(3, 1, position=1),
    cause(4, None, position=1),
    cause(5, 4, position=0),
    cause(6, 5, position=0),
    cause(7, None, position=2),
]


def _overlap(a, b) -> bool:  # type: ignore[no-untyped-def]
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


def test_no_two_boxes_overlap_and_all_are_inside() -> None:
    layout = layout_tree("Problemet", build_tree(TREE), measure)
    assert len(layout.boxes) == len(TREE) + 1
    for a, b in itertools.combinations(layout.boxes, 2):
        assert not _overlap(a, b), (a.key, b.key)
    for box in layout.boxes:
        assert box.x >= 0 and box.x + box.w <= layout.width + 1e-6
        assert box.y >= 0 and box.y + box.h <= layout.height + 1e-6


def test_depth_sets_the_column_and_parents_sit_between_their_children() -> None:
    style = LayoutStyle()
    layout = layout_tree("Problemet", build_tree(TREE), measure, style)
    problem = layout.box("problem")
    assert problem.x == 0
    c1, c2, c3 = layout.box("cause:1"), layout.box("cause:2"), layout.box("cause:3")
    assert c1.x == style.box_width + style.h_gap
    assert c2.x == c3.x == 2 * (style.box_width + style.h_gap)
    assert c2.centre_y <= c1.centre_y <= c3.centre_y
    assert layout.box("cause:6").depth == 3


def test_edges_join_the_right_side_of_the_parent_to_the_left_of_the_child() -> None:
    layout = layout_tree("Problemet", build_tree(TREE), measure)
    assert len(layout.edges) == len(TREE)
    for edge in layout.edges:
        parent, child = layout.box(edge.parent), layout.box(edge.child)
        assert edge.points[0] == (parent.x + parent.w, parent.centre_y)
        assert edge.points[-1] == (child.x, child.centre_y)


def test_long_titles_wrap_and_overflow_ends_with_an_ellipsis() -> None:
    lines = wrap("ett två tre fyra fem sex sju åtta nio tio", 60, measure, max_lines=2)
    assert len(lines) == 2
    assert lines[-1].endswith("…")
    assert all(measure(line) <= 60 for line in lines)
    assert wrap("Supercalifragilistic", 30, measure) == ("Super", "calif", "ragil", "istic")
    assert wrap("", 30, measure) == ("",)


def test_hit_testing_and_scale_to_fit() -> None:
    layout = layout_tree("Problemet", build_tree(TREE), measure)
    box = layout.box("cause:5")
    assert layout.box_at(box.x + 1, box.y + 1) == box
    assert layout.box_at(-5, -5) is None
    assert box.cause_id == 5 and layout.box("problem").cause_id is None
    assert layout.scale_to_fit(layout.width / 2, 10_000) == pytest.approx(0.5)
    assert layout.scale_to_fit(10_000, 10_000) == 1.0


def test_a_problem_without_causes_is_one_box() -> None:
    layout = layout_tree("Ensamt problem", [], measure)
    assert [b.key for b in layout.boxes] == ["problem"]
    assert layout.edges == ()


def test_flagged_causes_are_marked() -> None:
    layout = layout_tree("P", build_tree(TREE), measure, flagged=frozenset({7}))
    assert layout.box("cause:7").flagged
    assert not layout.box("cause:1").flagged


def test_build_tree_survives_a_cycle_and_a_missing_parent() -> None:
    damaged = [cause(1, 2), cause(2, 1), cause(3, 99)]
    roots = build_tree(damaged)
    assert sorted(n.cause.id for root in roots for n in root.walk()) == [1, 2, 3]


def test_check_move_refuses_moving_under_own_descendant() -> None:
    with pytest.raises(ValidationError):
        check_move(TREE, 4, 6)
    with pytest.raises(ValidationError):
        check_move(TREE, 4, 4)
    check_move(TREE, 7, 6)  # fine
    other = [*TREE, CauseData(8, 2, None, 0, "Annat problem")]
    with pytest.raises(ValidationError):
        check_move(other, 7, 8)
