"""Wheel geometry: date ↔ angle, month sectors, ISO weeks, lanes, rings and hit testing."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from trygghetsrad.domain.calendar_items import CalendarItem
from trygghetsrad.domain.wheel.geometry import (
    Interval,
    Span,
    month_sectors,
    pack_lanes,
    point,
    polar,
    ring_layout,
    week_ticks,
)
from trygghetsrad.domain.wheel.model import DEFAULT_CATEGORIES, WheelCategory
from trygghetsrad.domain.wheel.scene import Options, build_scene

CATEGORIES = [WheelCategory(i, k, n, c, i) for i, (k, n, c) in enumerate(DEFAULT_CATEGORIES)]


@given(st.integers(2000, 2100), st.integers(1, 12), st.integers(0, 364))
def test_date_angle_round_trip(year: int, start_month: int, offset: int) -> None:
    span = Span.year(year, start_month)
    day = span.start + timedelta(days=offset % span.days)
    angle = span.angle(day)
    assert 0 <= angle < 360
    assert span.date_at(angle) == day
    assert span.date_at(angle + 0.5 * span.day_degrees()) == day


@given(st.integers(2000, 2100), st.integers(1, 12), st.integers(0, 365))
def test_every_date_lies_inside_its_month_sector(year: int, start_month: int, offset: int) -> None:
    span = Span.year(year, start_month)
    day = span.start + timedelta(days=offset % span.days)
    sector = next(
        s for s in month_sectors(span) if (s.first.year, s.first.month) == (day.year, day.month)
    )
    assert sector.start_angle <= span.angle(day) < sector.end_angle


def test_school_year_starts_in_august_at_twelve_o_clock() -> None:
    span = Span.year(2026, 8)
    assert span.start == date(2026, 8, 1) and span.end == date(2027, 8, 1)
    sectors = month_sectors(span)
    assert [s.name for s in sectors][:2] == ["augusti", "september"]
    assert sectors[0].start_angle == 0 and sectors[-1].end_angle == 360
    assert sectors[-1].name == "juli"
    assert span.date_at(359.99) == date(2027, 7, 31)


def test_week_53_is_labelled_with_its_iso_year_at_new_year() -> None:
    ticks = week_ticks(Span.year(2027))
    first = ticks[0]
    assert first.angle == 0
    assert (first.week, first.iso_year) == (53, 2026)
    assert first.label == "53 (2026)"
    assert ticks[1].label == "1"
    last_2026 = week_ticks(Span.year(2026))[-1]
    assert last_2026.label == "53 (2026)"
    middle = [t for t in ticks if t.monday == date(2027, 5, 10)][0]
    assert middle.label == "19" and not middle.crosses_year


@given(
    st.lists(
        st.tuples(st.floats(0, 350, allow_nan=False), st.floats(0.1, 60, allow_nan=False)),
        max_size=80,
    )
)
@settings(max_examples=150)
def test_packed_intervals_never_overlap(raw: list[tuple[float, float]]) -> None:
    intervals = [Interval(f"k{i}", s, s + d) for i, (s, d) in enumerate(raw)]
    lanes = pack_lanes(intervals)
    assert set(lanes) == {iv.key for iv in intervals}
    for a in intervals:
        for b in intervals:
            if a.key < b.key and lanes[a.key] == lanes[b.key]:
                assert a.end <= b.start or b.end <= a.start
    # greedy packing uses no more lanes than the deepest overlap
    if intervals:
        depth = max(sum(1 for iv in intervals if iv.start <= p.start < iv.end) for p in intervals)
        assert max(lanes.values()) + 1 == depth


def test_rings_are_concentric_outermost_first_and_do_not_overlap() -> None:
    rings = ring_layout([("a", 1), ("b", 3), ("c", 1)], 100, 300, 4)
    assert rings[0].category == "a" and rings[0].r_outer == 300
    assert rings[-1].r_inner >= 100 - 1e-9
    for outer, inner in zip(rings, rings[1:], strict=False):
        assert inner.r_outer <= outer.r_inner
    assert rings[1].r_outer - rings[1].r_inner > rings[0].r_outer - rings[0].r_inner
    lo, hi = rings[1].lane_bounds(2)
    assert rings[1].lane_at((lo + hi) / 2) == 2


def test_polar_inverts_point() -> None:
    for angle in (0, 45, 90, 180, 270, 359):
        x, y = point(100, 100, 50, angle)
        r, a = polar(100, 100, x, y)
        assert abs(r - 50) < 1e-9 and abs(a - angle) < 1e-9


def _item(key: str, cat: str, start: date, end: date | None = None) -> CalendarItem:
    return CalendarItem(key, key.title(), cat, start, end)


def test_hit_testing_finds_the_item_under_the_point_and_the_ring_of_an_empty_spot() -> None:
    items = [
        _item("kulturnatten", "events", date(2026, 5, 29)),
        _item("festival", "events", date(2026, 8, 28), date(2026, 8, 30)),
        _item("overlap", "events", date(2026, 8, 29), date(2026, 9, 4)),
        _item("campaign", "campaigns", date(2026, 3, 2), date(2026, 3, 8)),
    ]
    scene = build_scene(Span.year(2026), CATEGORIES, items, Options(900, 700))
    for key in ("kulturnatten", "festival", "overlap", "campaign"):
        shape = scene.shape(key)
        assert shape is not None
        assert scene.hit_test(shape.x, shape.y) == key
    festival, overlap = scene.shape("festival"), scene.shape("overlap")
    assert festival and overlap
    assert (festival.r0, festival.r1) != (overlap.r0, overlap.r1)  # packed into separate lanes
    assert festival.r1 <= overlap.r0 or overlap.r1 <= festival.r0
    ring = next(r for r in scene.rings if r.category == "law_changes")
    x, y = point(
        scene.cx,
        scene.cy,
        (ring.r_inner + ring.r_outer) / 2,
        scene.span.angle(date(2026, 7, 1)) + 0.3,
    )
    assert scene.hit_test(x, y) is None
    assert scene.spot(x, y) == (date(2026, 7, 1), "law_changes")
    assert scene.spot(scene.cx, scene.cy) is None


def test_scene_drops_hidden_rings_and_labels_every_visible_series_once() -> None:
    cats = [
        c
        if c.key != "campaigns"
        else WheelCategory(c.id, c.key, c.name, c.color, c.position, False)
        for c in CATEGORIES
    ]
    items = [_item("campaign", "campaigns", date(2026, 3, 2), date(2026, 3, 8))]
    items += [
        CalendarItem(f"wheel:5@{d}", "Nattvandring", "events", d)
        for d in (date(2026, 6, 5), date(2026, 6, 12))
    ]
    scene = build_scene(Span.year(2026), cats, items, Options(1400, 900))
    assert scene.shape("campaign") is None
    assert "campaigns" not in {r.category for r in scene.rings}
    labels = [k for k in scene.labels if k.startswith("wheel:5")]
    assert len(labels) == 1


def test_outer_labels_do_not_overlap_each_other() -> None:
    items = [_item(f"e{i}", "events", date(2026, 1, 1) + timedelta(days=3 * i)) for i in range(100)]
    scene = build_scene(Span.year(2026), CATEGORIES, items, Options(1366, 768))
    boxes = [
        (t.y - t.size / 2, t.y + t.size / 2, t.anchor)
        for t in scene.labels.values()
        if not t.rotate
    ]
    assert len(boxes) > 20
    for side in ("start", "end"):
        ys = sorted((a, b) for a, b, anchor in boxes if anchor == side)
        for (_a0, a1), (b0, _b1) in zip(ys, ys[1:], strict=False):
            assert a1 <= b0 + 1e-6


def _label_boxes(scene):  # type: ignore[no-untyped-def]
    from trygghetsrad.domain.wheel.scene import text_width

    boxes = []
    for key, lines in scene.label_lines.items():
        for t in lines:
            w = text_width(t.text, t.size)
            x0 = t.x if t.anchor == "start" else t.x - w
            boxes.append((key, x0, t.y - t.size * 0.55, x0 + w, t.y + t.size * 0.55, t.text))
    return boxes


def test_long_labels_wrap_onto_two_lines_inside_the_canvas_without_overlapping() -> None:
    long = "Underlag väntas: Polisens lokala lägesbild för höstens trygghetsvandringar"
    items = [
        _item(f"e{i}", "events", date(2026, 1, 1) + timedelta(days=9 * i), None) for i in range(40)
    ]
    items = [CalendarItem(i.key, f"{long} {n}", i.category, i.start) for n, i in enumerate(items)]
    scene = build_scene(Span.year(2026), CATEGORIES, items, Options(1366, 768))
    boxes = _label_boxes(scene)
    assert any(len(lines) == 2 for lines in scene.label_lines.values())
    for _key, x0, y0, x1, y1, _text in boxes:
        assert x0 >= 0 and x1 <= scene.width and y0 >= 0 and y1 <= scene.height
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            overlap_x = a[1] < b[3] - 1e-6 and b[1] < a[3] - 1e-6
            overlap_y = a[2] < b[4] - 1e-6 and b[2] < a[4] - 1e-6
            assert not (overlap_x and overlap_y), (a[5], b[5])


def test_a_crowded_quarter_spills_over_to_the_other_column() -> None:
    # Everything in October–December: the right column takes the labels near twelve o'clock.
    items = [_item(f"e{i}", "events", date(2026, 10, 1) + timedelta(days=2 * i)) for i in range(45)]
    scene = build_scene(Span.year(2026), CATEGORIES, items, Options(1366, 768))
    anchors = [t.anchor for t in scene.labels.values() if not t.rotate]
    assert anchors.count("start") >= 5
    assert len(anchors) >= 35


def _week_texts(scene):  # type: ignore[no-untyped-def]
    return [p.text for p in scene.primitives if getattr(p, "text", "").startswith("v. ")]


def test_the_year_turn_is_written_out_with_the_iso_year_of_week_53() -> None:
    scene = build_scene(Span.year(2026), CATEGORIES, [], Options(1366, 768))
    assert sorted(_week_texts(scene)) == ["v. 1", "v. 53 (2026)"]
    assert not any("/" in getattr(p, "text", "") for p in scene.primitives)
    # PITFALLS 18: 2027 starts inside week 53 of 2026.
    scene_2027 = build_scene(Span.year(2027), CATEGORIES, [], Options(1366, 768))
    assert "v. 53 (2026)" in _week_texts(scene_2027)
    # A school year turns in the middle of the wheel: one label for the whole week.
    school = build_scene(Span.year(2026, 8), CATEGORIES, [], Options(1366, 768))
    assert _week_texts(school) == ["v. 53 (2026)"]


def test_a_sparse_wheel_keeps_each_label_on_its_own_side() -> None:
    items = [_item(f"e{i}", "events", date(2026, 1, 3) + timedelta(days=9 * i)) for i in range(8)]
    items.append(_item("late", "events", date(2026, 12, 20)))
    scene = build_scene(Span.year(2026), CATEGORIES, items, Options(1366, 768))
    anchors = {k: t.anchor for k, t in scene.labels.items() if not t.rotate}
    assert anchors.pop("late") == "end"
    assert set(anchors.values()) == {"start"}


def test_a_label_is_hit_where_it_is_drawn() -> None:
    """Clicking the text beside the wheel finds the item it names, as its mark does."""
    items = [
        _item("kulturnatten", "events", date(2026, 5, 29)),
        _item("sommarlov", "events", date(2026, 6, 13), date(2026, 8, 16)),
    ]
    scene = build_scene(Span.year(2026), CATEGORIES, items, Options(1100, 700))
    assert (
        set(scene.labels) == {"kulturnatten", "sommarlov"} and "kulturnatten" in scene.label_lines
    )
    texts = [(key, line) for key, lines in scene.label_lines.items() for line in lines]
    for key, line in [*texts, *scene.labels.items()]:
        x, y = line.centre
        assert scene.hit_test(x, y) == key
    left, top, right, bottom = scene.label_lines["kulturnatten"][0].box()
    assert scene.hit_test(left - 6, top - 6) is None  # just outside the text: nothing


def test_a_rotated_label_is_hit_along_its_slant() -> None:
    from trygghetsrad.domain.wheel.scene import Text

    text = Text(100, 100, "Sommarlov", 10, rotate=90)  # reads downwards
    assert text.contains(100, 100 + 20) and not text.contains(100 + 20, 100)
    x, y = text.centre
    assert abs(x - 100) < 1e-9 and abs(y - 100) < 1e-9  # anchored in the middle


def test_week_span_names_every_week_and_the_iso_year_where_it_differs() -> None:
    from trygghetsrad.domain.dates import iso_week_span

    assert iso_week_span(date(2026, 6, 13), date(2026, 8, 16)) == "v. 24–33"
    assert iso_week_span(date(2026, 8, 28), date(2026, 8, 30)) == "v. 35"
    assert iso_week_span(date(2026, 8, 28), None) == "v. 35"
    # 2027-01-01 is in week 53 of 2026 (PITFALLS 18).
    assert iso_week_span(date(2027, 1, 1), date(2027, 1, 2)) == "v. 53 (2026)"
    assert iso_week_span(date(2026, 12, 21), date(2027, 1, 3)) == "v. 52–53"
    assert iso_week_span(date(2026, 12, 28), date(2027, 1, 10)) == "v. 53 (2026)–v. 1 (2027)"
    assert iso_week_span(date(2027, 1, 1), date(2027, 1, 10)) == "v. 53 (2026)–v. 1 (2027)"
