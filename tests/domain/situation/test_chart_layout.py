"""One chart layout for every chart: nice ticks from zero, no overlapping labels (checked from
the layout's own text boxes), and every series either drawn or named as left out."""

from __future__ import annotations

import math
from itertools import combinations

import pytest

from trygghetsrad.domain.situation.charts import (
    MAX_SERIES,
    Series,
    Text,
    layout_series,
)


def _overlapping(boxes: list[tuple[float, float, float, float]]) -> list[tuple[int, int]]:
    return [
        (i, j)
        for (i, a), (j, b) in combinations(enumerate(boxes), 2)
        if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
    ]


def _quarters(first: int, last: int) -> list[str]:
    return [f"{y}-Q{q}" for y in range(first, last + 1) for q in range(1, 5)]


def _months(first: int, last: int) -> list[str]:
    return [f"{y}-{m:02d}" for y in range(first, last + 1) for m in range(1, 13)]


CASES = {
    "quarters in a small follow-up chart": (_quarters(2021, 2026), 227.0, 128.0, 6.5),
    "ten years of months": (_months(2017, 2026), 300.0, 150.0, 8.0),
    "years in the report": ([str(y) for y in range(2015, 2027)], 482.0, 136.0, 7.5),
    "one period": (["2026"], 200.0, 120.0, 8.0),
    "narrow": (_quarters(2024, 2026), 120.0, 90.0, 8.0),
}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("kind", ["line", "bar"])
def test_no_two_labels_overlap_and_all_stay_inside(case: str, kind: str) -> None:
    periods, width, height, font = CASES[case]
    series = [
        Series(f"Område {n}", tuple((p, 1000 + 37.3 * i * (n + 1)) for i, p in enumerate(periods)))
        for n in range(3)
    ]
    layout = layout_series(
        series,
        width,
        height,
        font_size=font,
        kind=kind,
        target=1200.0,
        target_label="Mål 1 200",
        unit="mg bensoylekgonin per 1 000 invånare och dygn, medel under provveckan",
    )
    boxes = layout.text_boxes()
    assert _overlapping(boxes) == []
    for x0, y0, x1, y1 in boxes:
        assert x0 >= 0 and y0 >= 0 and x1 <= width + 1e-6 and y1 <= height + 1e-6
    period_labels = [t for t in layout.items if isinstance(t, Text) and t.anchor == "middle"]
    assert period_labels, "at least the latest period is labelled"


def _value_labels(layout) -> list[float]:  # type: ignore[no-untyped-def]
    texts = [t.text for t in layout.items if isinstance(t, Text) and t.anchor == "end"]
    return [float(t.replace("\u00a0", "").replace(",", ".").replace("−", "-")) for t in texts]


def test_the_follow_up_axis_starts_at_zero_with_nice_ticks() -> None:
    # The follow-up's own chart read "0 / 15 / 29,9" for values between 26 and 29.9.
    points = tuple(
        zip(
            ["2020", "2021", "2022", "2023", "2024", "2025"],
            [27.0, 28.2, 28.4, 27.6, 28.1, 29.9],
            strict=True,
        )
    )
    layout = layout_series([Series("Kommun", points)], 227, 128, font_size=6.5, target=20.0)
    ticks = _value_labels(layout)
    assert ticks[0] == 0 and ticks[-1] >= 29.9
    step = ticks[1] - ticks[0]
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert round(mantissa, 6) in {1, 2, 2.5, 5}
    assert all(math.isclose(b - a, step) for a, b in zip(ticks, ticks[1:], strict=False))


def test_a_chart_may_say_its_axis_does_not_start_at_zero() -> None:
    points = (("2024", 903.0), ("2025", 1187.0))
    ticks = _value_labels(layout_series([Series("K", points)], 300, 150, zero_based=False))
    assert ticks[0] == 900


def test_every_series_is_drawn_or_named_as_left_out() -> None:
    periods = [str(y) for y in range(2020, 2026)]
    series = [
        Series(f"Område {n}", tuple((p, float(n + i)) for i, p in enumerate(periods)))
        for n in range(8)
    ]
    line = layout_series(series[:5], 400, 200)
    assert [name for name, _c in line.series] == [s.name for s in series[:5]]
    assert line.left_out == []
    many = layout_series(series, 400, 200)
    assert len(many.series) == MAX_SERIES
    assert [n for n, _c in many.series] + many.left_out == [s.name for s in series]
    assert len({c for _n, c in many.series}) == MAX_SERIES  # each drawn series its own colour
    bars = layout_series(series, 160, 120, kind="bar")
    assert [n for n, _c in bars.series] + bars.left_out == [s.name for s in series]
    assert bars.left_out, "bars a few points wide cannot be told apart"
