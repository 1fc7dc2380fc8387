"""Chart scaling shared by the Qt widget and the PDF."""

from __future__ import annotations

import pytest

from trygghetsrad.domain.situation.charts import Text, format_number, layout_chart, nice_scale
from trygghetsrad.domain.situation.picture import IndicatorData, ValuePoint


@pytest.mark.parametrize(
    ("lo", "hi", "expected"),
    [
        (3, 97, (0, 100, 20)),
        (903, 1187, (900, 1200, 100)),
        (0.12, 0.87, (0, 1, 0.2)),
        (5, 5, (4.4, 5.6, 0.2)),
        (-3, 7, (-4, 8, 2)),
    ],
)
def test_nice_scale_covers_the_values_with_round_steps(lo, hi, expected) -> None:
    low, high, step = nice_scale(lo, hi)
    assert (low, high, step) == pytest.approx(expected)
    assert low <= lo and high >= hi


def test_numbers_are_written_the_swedish_way() -> None:
    assert format_number(1234.5) == "1\u00a0234,5"
    assert format_number(1000.0) == "1\u00a0000"
    assert format_number(-2.5) == "−2,5"
    assert format_number(0.2, 0.2) == "0,2"


def test_many_periods_get_thinned_labels() -> None:
    values = tuple(
        ValuePoint("Kommun", f"{y}-{m:02d}", float(m)) for y in (2024, 2025) for m in range(1, 13)
    )
    ind = IndicatorData(1, "X", "", "", None, "", "line", "Kommun", "", True, values)
    layout = layout_chart(ind, 300, 150)
    period_labels = [t for t in layout.items if isinstance(t, Text) and t.anchor == "middle"]
    assert 2 <= len(period_labels) < 24
    assert period_labels[-1].text == "dec 25"


def test_no_values_means_an_empty_chart() -> None:
    ind = IndicatorData(1, "X", "", "", None, "", "line", "Kommun", "", True, ())
    assert layout_chart(ind, 300, 150).empty


@pytest.mark.parametrize(
    "points",
    [
        [("2024", 5.0)],
        [("2023", -3.0), ("2024", 4.0)],
        [("2023", -3.0), ("2024", -8.0)],
        [("2023", 0.0), ("2024", 0.0)],
        [("2023", 1e9), ("2024", 2e9)],
    ],
)
@pytest.mark.parametrize("kind", ["line", "bar"])
def test_odd_series_stay_inside_the_drawing(points, kind) -> None:
    from trygghetsrad.domain.situation.charts import Dot, Rect

    values = tuple(ValuePoint("Kommun", p, v) for p, v in points)
    ind = IndicatorData(1, "X", "", "", None, "", kind, "Kommun", "", True, values)
    layout = layout_chart(ind, 300, 150, kind=kind)
    shapes = [i for i in layout.items if isinstance(i, Dot | Rect)]
    assert shapes
    for item in shapes:
        if isinstance(item, Rect):
            assert item.h >= 0 and 0 <= item.y <= 150 and item.y + item.h <= 150 + 1e-6
        else:
            assert 0 <= item.y <= 150
