"""The *lägesbild* report's areas: every area of the municipality's tree in the user's order,
indented by level, with the picture's assessment (the risk level on its colour, needs, notes),
and the order in which observations are grouped by area.

An area the picture says nothing of is printed "Okänd" (grey): unknown is a state, never a
level the user did not give.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, TableStyle

from trygghetsrad.domain.situation.area_tree import AreaAssessmentData, RiskLevel
from trygghetsrad.domain.situation.picture import ObservationData
from trygghetsrad.export.pdf.base import data_table, escape, styles
from trygghetsrad.i18n import tr

INDENT = 4 * mm  # per level below the top


def _block(text: str) -> str:
    return "<br/>".join(escape(line) for line in text.strip().splitlines()) or "–"


def area_assessments(
    rows: Sequence[AreaAssessmentData], from_snapshot: bool = False
) -> list[Flowable]:
    """The tree as a table: area (indented by depth, its level under it), risk, needs, notes."""
    s = styles()
    if not rows:
        empty = (
            tr("Lägesbilden presenterades utan områden och bedömning per område.")
            if from_snapshot
            else tr("Inga områden är inlagda.")
        )
        return [Paragraph(escape(empty), s["small"])]
    table_rows: list[list[object]] = [
        [tr("Område"), tr("Risknivå"), tr("Behov"), tr("Anteckningar")]
    ]
    extra: list[Any] = []
    for number, row in enumerate(rows, start=1):
        area = row.area
        name = Paragraph(
            f"<b>{escape(area.name)}</b><br/>"
            f'<font size="8" color="#5b6670">{escape(area.level)}</font>',
            s["cell"].clone("area_cell", leftIndent=area.depth * INDENT),
        )
        risk = row.risk
        known = risk is not RiskLevel.UNKNOWN
        light = known and risk is not RiskLevel.RAISED  # dark text on amber and grey
        label = Paragraph(
            f'<font color="{"#ffffff" if light else "#1f2428"}"><b>{escape(risk.label)}</b></font>',
            s["cell"],
        )
        table_rows.append(
            [
                name,
                label,
                Paragraph(_block(row.needs), s["cell"]),
                Paragraph(_block(row.notes), s["cell"]),
            ]
        )
        background = colors.HexColor(risk.colour) if known else colors.HexColor("#e6e8ea")
        extra.append(("BACKGROUND", (1, number), (1, number), background))
    table = data_table(table_rows, [50 * mm, 24 * mm, 48 * mm, 48 * mm])
    table.setStyle(TableStyle(extra))
    legend = "  ".join(
        f'<font color="{level.colour}">■</font> {escape(level.label)}' for level in RiskLevel
    )
    return [table, Paragraph(legend, s["small"])]


def observation_groups(
    observations: Sequence[ObservationData], areas: Sequence[AreaAssessmentData], unnamed: str
) -> list[tuple[str, list[ObservationData]]]:
    """Observations grouped by area in the tree's order (the full path names the group);
    then those with a place outside the tree, alphabetically; then those with none."""
    order = {row.area.id: index for index, row in enumerate(areas)}
    names = {row.area.id: row.area.full_name for row in areas}
    groups: dict[tuple[int, int, str], list[ObservationData]] = {}
    for obs in observations:
        if obs.area_id in order:
            key = (0, order[obs.area_id], names[obs.area_id])
        elif obs.place.strip():
            key = (1, 0, obs.place)
        else:
            key = (2, 0, unnamed)
        groups.setdefault(key, []).append(obs)
    ordered = sorted(groups, key=lambda k: (k[0], k[1], k[2].lower()))
    return [(key[2], groups[key]) for key in ordered]
