"""The indicator chart on screen draws every area it can and says which it leaves out; its
text alternative names every area."""

from __future__ import annotations

from trygghetsrad.domain.situation.picture import IndicatorData, ValuePoint
from trygghetsrad.ui.situation.chart import IndicatorChart

AREAS = ["Centrum", "Norrby", "Söderåsen", "Västerslätt", "Östra hamnen", "Kyrkbyn", "Lövåsen", "Hamnen"]  # fmt: skip


def _indicator(areas: list[str]) -> IndicatorData:
    values = tuple(
        ValuePoint(area, str(year), float(n + year - 2020))
        for n, area in enumerate(areas)
        for year in range(2020, 2026)
    )
    return IndicatorData(
        1, "Otrygghet", "procent", "", None, "", "line", areas[0], "", True, values
    )


def test_five_areas_are_all_drawn_and_described(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = IndicatorChart()
    qtbot.addWidget(chart)
    chart.resize(700, 320)
    chart.set_indicator(_indicator(AREAS[:5]))
    chart.grab()
    assert chart.layout_drawn is not None
    assert [a for a, _c in chart.layout_drawn.series] == [
        AREAS[0],
        *sorted(AREAS[1:5], key=str.lower),
    ]
    assert all(area in chart.accessibleDescription() for area in AREAS[:5])


def test_areas_beyond_the_colours_are_named_under_the_chart(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = IndicatorChart()
    qtbot.addWidget(chart)
    chart.resize(700, 320)
    chart.set_indicator(_indicator(AREAS))
    chart.grab()
    layout = chart.layout_drawn
    assert layout is not None and len(layout.series) == 6 and len(layout.left_out) == 2
    note = chart.left_out_note(layout)
    assert all(area in note for area in layout.left_out)
    assert all(area in chart.accessibleDescription() for area in AREAS)
