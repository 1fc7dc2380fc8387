"""The annual follow-up report: the law/Brå checklist, every measure with its traffic light,
indicator trends as vector charts, what the council decided, the agreements' commitments,
and next year's dates from the annual wheel.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table

from trygghetsrad.domain.action_plan import (
    LIGHT_COLOURS,
    Light,
    MeasureRow,
    Trend,
    is_measured,
    status_label,
    trend_text,
)
from trygghetsrad.domain.action_plan_docs import FollowUpDocument
from trygghetsrad.domain.agreements import Party
from trygghetsrad.domain.dates import date_span, long_date
from trygghetsrad.export.action_plan import CONTENT_WIDTH, period_text
from trygghetsrad.export.action_plan_drawing import indicator_chart, light_dot, new_drawing
from trygghetsrad.export.pdf.base import (
    PdfMeta,
    data_table,
    escape,
    render_pdf,
    styles,
    table_style,
)
from trygghetsrad.i18n import tr

CATEGORY_LABELS = {
    "meetings": "Möte",
    "events": "Evenemang",
    "campaigns": "Kampanj",
    "law_changes": "Lagändring",
    "measurements": "Mätning",
    "data_deliveries": "Underlag",
    "deadlines": "Deadline",
}

TREND_COLOURS = {
    Trend.REACHED: LIGHT_COLOURS[Light.GREEN],
    Trend.TOWARDS: LIGHT_COLOURS[Light.GREEN],
    Trend.UNCHANGED: LIGHT_COLOURS[Light.YELLOW],
    Trend.AWAY: LIGHT_COLOURS[Light.RED],
    Trend.UNKNOWN: "#5b6670",
}


def _p(text: str, style: str = "cell") -> Paragraph:
    return Paragraph(text, styles()[style])


def _status(value: str) -> str:
    return status_label(value)


def _trend_cell(row: MeasureRow) -> str:
    """ "Indikator mot mål": the indicator, the trend as the Uppföljning page words it, the
    target."""
    m = row.measure
    colour = TREND_COLOURS[row.trend.trend] if is_measured(row) else "#5b6670"
    parts = [escape(m.indicator_name)] if m.indicator_name else []
    parts.append(f"<font color='{colour}'>{escape(trend_text(row))}</font>")
    if m.target_label:
        parts.append(escape(tr("Mål: {t}").format(t=m.target_label)))
    return "<br/>".join(parts)


def _with_period(title: str, period: str) -> str:
    """The plan's title with its period, unless the title already says it."""
    return title if period in title else f"{title} ({period})"


def _loose(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-loose", parent=style, keepWithNext=0)


def render_followup(doc: FollowUpDocument) -> bytes:
    s = styles()
    story: list = []
    title = tr("Uppföljning av åtgärdsplanen {year}").format(year=doc.year)
    story.append(Paragraph(escape(title), s["title"]))
    story.append(
        Paragraph(
            escape(
                tr("{municipality} · upprättad {day}").format(
                    municipality=doc.municipality or tr("Kommunen"),
                    day=long_date(doc.today, weekday=False),
                )
            ),
            s["subtitle"],
        )
    )
    if doc.plans:
        for plan in doc.plans:
            story.append(
                Paragraph(
                    escape(
                        f"{_with_period(plan.title, plan.period_label)}. {plan.adoption_label}."
                    ),
                    s["body"],
                )
            )
    else:
        story.append(Paragraph(tr("Det finns ingen åtgärdsplan för året."), s["body"]))

    # Summary of the traffic lights.
    counts = {light: 0 for light in Light}
    for row in doc.measures:
        counts[row.light.light] += 1
    summary = new_drawing(CONTENT_WIDTH, 18)
    x = 0.0
    from reportlab.graphics.shapes import Circle, String
    from reportlab.lib import colors

    from trygghetsrad.export.pdf.base import FONT, INK

    for light, label in (
        (Light.GREEN, tr("enligt plan eller klara")),
        (Light.YELLOW, tr("behöver uppmärksamhet")),
        (Light.RED, tr("försenade")),
        (Light.GREY, tr("ej startade eller avbrutna")),
    ):
        summary.add(
            Circle(
                x + 6,
                9,
                5.5,
                fillColor=colors.HexColor(LIGHT_COLOURS[light]),
                strokeColor=colors.HexColor("#55606c"),
                strokeWidth=0.4,
            )
        )
        text = f"{counts[light]} {label}"
        summary.add(String(x + 15, 5.5, text, fontName=FONT, fontSize=9, fillColor=INK))
        from reportlab.pdfbase.pdfmetrics import stringWidth

        x += 26 + stringWidth(text, FONT, 9)
    story.append(Spacer(1, 2 * mm))
    story.append(summary)

    # The law and Brå's steps.
    story.append(Paragraph(tr("Lagens och Brås steg"), s["h1"]))
    rows = [[tr("Steg"), tr("Status"), tr("Underlag eller vad som saknas")]]
    for item in doc.checklist:
        colour = LIGHT_COLOURS[Light.GREEN] if item.done else LIGHT_COLOURS[Light.RED]
        status = tr("Klart") if item.done else tr("Saknas")
        text = escape(item.detail)
        if item.missing:
            text += (
                "<br/>" if text else ""
            ) + f"<font color='{colour}'>{escape(item.missing)}</font>"
        rows.append(
            [
                _p(escape(item.label)),
                _p(f"<font color='{colour}'><b>{status}</b></font>"),
                _p(text),
            ]
        )
    story.append(data_table(rows, [55 * mm, 18 * mm, 97 * mm]))

    # Measures.
    story.append(CondPageBreak(50 * mm))
    # The heading keeps with the table's first rows only: the heading style's keepWithNext
    # would move the whole (page-long) table to the next page and leave page 1 half empty.
    story.append(Paragraph(tr("Åtgärdernas status"), _loose(s["h1"])))
    if not doc.measures:
        story.append(Paragraph(tr("Inga åtgärder att följa upp."), s["body"]))
    else:
        rows = [
            [
                "",
                tr("Åtgärd"),
                tr("Status"),
                tr("Indikator mot mål"),
                tr("Senaste uppföljning"),
                tr("Rådets beslut"),
            ]
        ]
        for i, row in enumerate(doc.measures, start=1):
            m = row.measure
            text = f"<b>{i}. {escape(m.title)}</b><br/><font size=8>{escape(m.responsible)}"
            text += f"<br/>{escape(period_text(m.start, m.end))}</font>"
            status = (
                f"{escape(_status(m.status))}<br/><font size=8>{escape(row.light.reason)}</font>"
            )
            trend = _trend_cell(row)
            latest = ""
            if row.followups:
                f = row.followups[-1]
                latest = f"<font size=8>{f.noted_on.isoformat()}</font><br/>{escape(f.done)}"
                if f.effect:
                    latest += "<br/><i>" + escape(tr("Effekt: {e}").format(e=f.effect)) + "</i>"
            decided = "<br/>".join(
                f"<font size=8>{mention.meeting_date.isoformat() if mention.meeting_date else ''}"
                f"</font> {escape(mention.text)}"
                for mention in row.mentions
                if mention.kind == "decision"
                and mention.meeting_date is not None
                and mention.meeting_date.year == doc.year
            )
            rows.append(
                [
                    light_dot(row.light.light),
                    _p(text),
                    _p(status),
                    _p(trend),
                    _p(latest),
                    _p(decided),
                ]
            )
        story.append(data_table(rows, [6 * mm, 40 * mm, 24 * mm, 32 * mm, 36 * mm, 32 * mm]))

    # Indicator charts.
    if doc.series:
        story.append(CondPageBreak(80 * mm))
        story.append(Paragraph(tr("Indikatorer"), s["h1"]))
        cells = []
        for series in doc.series:
            chart = indicator_chart(series, 80 * mm, 45 * mm)
            caption = (
                f"<b>{escape(series.name)}</b><br/><font size=8>"
                + escape(tr("Följs av: {m}").format(m="; ".join(series.measure_titles)))
                + "</font>"
            )
            cells.append([_p(caption), chart])
        grid = []
        for i in range(0, len(cells), 2):
            pair = cells[i : i + 2]
            grid.append([c[0] for c in pair] + ([""] if len(pair) == 1 else []))
            grid.append([c[1] for c in pair] + ([""] if len(pair) == 1 else []))
        table = Table(grid, colWidths=[CONTENT_WIDTH / 2] * 2)
        table.setStyle(table_style(header=False, zebra=False))
        story.append(table)

    # Agreements.
    if doc.agreements:
        story.append(CondPageBreak(60 * mm))
        for index, section in enumerate(doc.agreements):
            a = section.agreement
            block: list = [
                *([Paragraph(tr("Överenskommelser med Polisen"), s["h1"])] if index == 0 else []),
                Paragraph(escape(f"{a.title}"), s["h2"]),
                Paragraph(
                    escape(
                        tr("{kind}, {period}. Undertecknad {day}.").format(
                            kind=a.kind_label,
                            period=a.period_label,
                            day=a.signed_on.isoformat() if a.signed_on else "–",
                        )
                    ),
                    s["small"],
                ),
            ]
            rows = [["", tr("Åtagande"), tr("Status"), tr("Kopplade åtgärder")]]
            for row in section.commitments:
                c = row.commitment
                rows.append(
                    [
                        light_dot(row.light.light),
                        _p(f"<b>{escape(Party(c.party).short)}:</b> {escape(c.text)}"),
                        _p(escape(_status(c.status))),
                        _p(escape("; ".join(c.measure_titles))),
                    ]
                )
            if len(rows) > 1:
                block.append(data_table(rows, [6 * mm, 92 * mm, 24 * mm, 48 * mm]))
            if len(rows) < 8:
                story.append(KeepTogether(block))
            else:
                story.extend(block)

    # Next year's dates.
    story.append(CondPageBreak(50 * mm))
    story.append(Paragraph(tr("Viktiga datum {year}").format(year=doc.year + 1), s["h1"]))
    if doc.next_year:
        rows = [[tr("Datum"), tr("Vad"), tr("Typ")]]
        for item in doc.next_year:
            rows.append(
                [
                    _p(escape(date_span(item.start, item.end))),
                    _p(escape(item.title)),
                    _p(
                        escape(
                            doc.category_names.get(item.category)
                            or CATEGORY_LABELS.get(item.category, item.category)
                        )
                    ),
                ]
            )
        story.append(data_table(rows, [36 * mm, 98 * mm, 36 * mm]))
    else:
        story.append(Paragraph(tr("Inga datum för nästa år finns i årshjulet ännu."), s["body"]))

    footer = tr("Innehåller interna uppgifter") if doc.include_internal else ""
    meta = PdfMeta(
        title=title,
        subject=tr("Årlig uppföljning av åtgärdsplanen"),
        author=doc.municipality,
        municipality=doc.municipality,
        logo=doc.logo,
        document_date=doc.today,
        footer_note=footer,
        keywords=[tr("uppföljning"), tr("åtgärdsplan")],
    )
    return render_pdf(story, meta)
