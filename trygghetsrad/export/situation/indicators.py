"""One indicator in the *lägesbild* report: its chart (vector graphics laid out by
`domain.situation.charts`), legend, latest values and the values the chart leaves out."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from trygghetsrad.domain.situation.charts import ChartDrawing, format_number, layout_chart
from trygghetsrad.domain.situation.periods import period_label, period_sort_key
from trygghetsrad.domain.situation.picture import IndicatorData
from trygghetsrad.export.pdf.base import data_table, escape, styles
from trygghetsrad.export.pdf.chart import chart_drawing as render_chart
from trygghetsrad.i18n import plural, tr

WIDTH = 170 * mm


def _legend(layout: ChartDrawing) -> list[Flowable]:
    """The drawn series with their colours, and which series the chart leaves out."""
    parts = [f'<font color="{colour}">■</font> {escape(area)}' for area, colour in layout.series]
    flow: list[Flowable] = [Paragraph("&nbsp;&nbsp;&nbsp;".join(parts), styles()["small"])]
    if layout.left_out:
        note = tr("Diagrammet visar {shown} av {total}; {names} visas i tabellen nedan.").format(
            shown=len(layout.series),
            total=plural(len(layout.series) + len(layout.left_out), tr("område"), tr("områden")),
            names=", ".join(layout.left_out),
        )
        flow.append(Paragraph(escape(note), styles()["small"]))
    return flow


def _latest_text(indicator: IndicatorData) -> str:
    parts = []
    for area in indicator.areas:
        point = indicator.latest(area)
        if point is not None:
            parts.append(f"{area} {format_number(point.value)} ({period_label(point.period)})")
    return tr("Senaste värden: ") + "; ".join(parts) if parts else ""


TABLE_AREAS = 6  # area columns in one value table beside the period column


def _values_tables(indicator: IndicatorData, areas: list[str]) -> list[Flowable]:
    """Every value of `areas` (those the chart leaves out) in tables of periods × areas."""
    s = styles()
    flow: list[Flowable] = []
    for first in range(0, len(areas), TABLE_AREAS):
        chunk = areas[first : first + TABLE_AREAS]
        values = {(v.area, v.period): v.value for v in indicator.values if v.area in chunk}
        periods = sorted({p for _a, p in values}, key=period_sort_key)
        rows: list[list[Any]] = [
            [Paragraph(escape(tr("Period")), s["label"])]
            + [Paragraph(escape(area), s["label"]) for area in chunk]
        ]
        for period in periods:
            rows.append(
                [Paragraph(escape(period_label(period)), s["cell"])]
                + [
                    Paragraph(
                        escape(
                            format_number(values[(a, period)]) if (a, period) in values else "–"
                        ),
                        s["cell"],
                    )
                    for a in chunk
                ]
            )
        column = (WIDTH - 30 * mm) / len(chunk)
        flow += [data_table(rows, [30 * mm] + [column] * len(chunk)), Spacer(1, 2 * mm)]
    return flow


def indicator_block(indicator: IndicatorData) -> list[Flowable]:
    """The indicator's name, source, chart with legend and latest values, kept together,
    then the values the chart leaves out."""
    meta = [indicator.unit] if indicator.unit else []
    if indicator.source_name:
        meta.append(tr("Källa: {source}").format(source=indicator.source_name))
    block: list[Flowable] = [
        Paragraph(escape(indicator.name), styles()["h2"]),
        Paragraph(escape(" · ".join(meta)), styles()["small"]),
    ]
    if indicator.description:
        block.append(Paragraph(escape(indicator.description), styles()["small"]))
    layout = layout_chart(indicator, WIDTH, 48 * mm, font_size=7.5)
    block += [
        Spacer(1, 2 * mm),
        render_chart(layout),
        *_legend(layout),
        Paragraph(escape(_latest_text(indicator)), styles()["small"]),
        Spacer(1, 3 * mm),
    ]
    return [KeepTogether(block), *_values_tables(indicator, layout.left_out)]
