"""The example indicators: six years of values for Storåkers kommun with county and country
comparisons, as the keyword arguments of the service that stores them (`demo.situation`).
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any  # the example records are keyword arguments of the services

from trygghetsrad.demo import DemoContext

MUNICIPALITY = "Storåkers kommun"
COUNTY = "Mittlands län"
COUNTRY = "Riket"


def _wave(i: int, amplitude: float, phase: float = 0.0) -> float:
    return amplitude * math.sin(i * 1.3 + phase)


# size-exception: the example's six indicators, one literal record each.
def indicators(
    ctx: DemoContext,
) -> list[tuple[str, dict[str, Any], list[tuple[str, str, float]]]]:
    years = list(range(ctx.year - 6, ctx.year))  # six full years
    result: list[tuple[str, dict[str, Any], list[tuple[str, str, float]]]] = []

    def yearly(
        base: dict[str, float], slope: dict[str, float], wobble: float
    ) -> list[tuple[str, str, float]]:
        rows = []
        for i, year in enumerate(years):
            for j, (area, start) in enumerate(base.items()):
                value = start + slope[area] * i + _wave(i, wobble, j)
                rows.append((area, str(year), round(value, 1)))
        return rows

    result.append(
        (
            "vald",
            {
                "name": "Anmälda våldsbrott per 100 000 invånare",
                "unit": "per 100 000 inv.",
                "source": "bra",
                "chart_kind": "line",
                "comparison_area": COUNTY,
                "description": "Misshandel, olaga hot och rån, anmälda i kommunen.",
            },
            yearly(
                {MUNICIPALITY: 980.0, COUNTY: 1050.0, COUNTRY: 1120.0},
                {MUNICIPALITY: 22.0, COUNTY: 8.0, COUNTRY: 5.0},
                25.0,
            ),
        )
    )
    result.append(
        (
            "skadegorelse",
            {
                "name": "Anmäld skadegörelse per 100 000 invånare",
                "unit": "per 100 000 inv.",
                "source": "bra",
                "chart_kind": "bar",
                "comparison_area": COUNTRY,
                "description": "Skadegörelse och klotter, anmälda i kommunen.",
            },
            yearly(
                {MUNICIPALITY: 1460.0, COUNTRY: 1390.0},
                {MUNICIPALITY: -35.0, COUNTRY: -12.0},
                40.0,
            ),
        )
    )
    result.append(
        (
            "otrygghet",
            {
                "name": "Andel som känner sig otrygga utomhus kvällstid",
                "unit": "procent",
                "source": "trygghetsmatning",
                "chart_kind": "line",
                "comparison_area": COUNTRY,
                "description": "Andel av de svarande som känner sig ganska eller mycket "
                "otrygga när de går ut ensamma sent en kväll i sitt bostadsområde.",
            },
            yearly({MUNICIPALITY: 24.0, COUNTRY: 27.0}, {MUNICIPALITY: 0.6, COUNTRY: -0.4}, 1.1),
        )
    )
    can_years = list(range(ctx.year - 9, ctx.year, 2))
    can_rows = []
    for i, year in enumerate(can_years):
        can_rows.append((MUNICIPALITY, str(year), round(5.0 + 0.7 * i + _wave(i, 0.4), 1)))
        can_rows.append((COUNTRY, str(year), round(6.0 + 0.3 * i + _wave(i, 0.3, 1), 1)))
    result.append(
        (
            "can",
            {
                "name": "Elever i årskurs 9 som använt narkotika",
                "unit": "procent",
                "source": "can",
                "chart_kind": "bar",
                "comparison_area": COUNTRY,
                "description": "Andel elever som någon gång använt narkotika (CAN).",
            },
            can_rows,
        )
    )
    quarters = [(y, q) for y in range(ctx.year - 5, ctx.year + 1) for q in (1, 2, 3, 4)]
    quarters = [
        (y, q) for y, q in quarters if date(y, (q - 1) * 3 + 1, 1) < ctx.today - timedelta(days=60)
    ]
    coke = []
    for i, (y, q) in enumerate(quarters):
        coke.append((MUNICIPALITY, f"{y}-Q{q}", round(48 + 3.1 * i + _wave(i, 9), 1)))
        coke.append((COUNTRY, f"{y}-Q{q}", round(95 + 2.4 * i + _wave(i, 6, 2), 1)))
    result.append(
        (
            "kokain",
            {
                "name": "Kokain i avloppsvatten",
                "unit": "mg per 1 000 invånare och dygn",
                "source": "avlopp",
                "chart_kind": "line",
                "comparison_area": COUNTRY,
                "description": "Uppmätt mängd bensoylekgonin (kokain) vid Storåkers "
                "reningsverk, medel under provveckan.",
            },
            coke,
        )
    )
    result.append(
        (
            "kostnader",
            {
                "name": "Skadegörelsekostnader Storåkershem",
                "unit": "tkr",
                "source": "bostad",
                "chart_kind": "bar",
                "comparison_area": "",
                "description": "Bostadsbolagets kostnader för skadegörelse och klotter.",
            },
            yearly({MUNICIPALITY: 1250.0}, {MUNICIPALITY: -60.0}, 90.0),
        )
    )
    return result
