"""The annual follow-up report: the law/Brå checklist, every measure with its traffic light,
indicator trends as vector charts, what the council decided, the agreements' commitments,
and next year's dates from the annual wheel.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from trygghetsrad.domain.dates import date_span, long_date
from trygghetsrad.domain.situation.action_plan import (
    LIGHT_COLOURS,
    Light,
    MeasureRow,
    Trend,
    has_light,
    is_measured,
    light_count,
    status_label,
    trend_text,
)
from trygghetsrad.domain.situation.action_plan_docs import FollowUpDocument
from trygghetsrad.domain.situation.documents import DocumentHead, Placement
from trygghetsrad.export.pdf.base import (
    PdfMeta,
    data_table,
    escape,
    styles,
    table_style,
)
from trygghetsrad.export.pdf.contents import Contents, head_lines, render_report
from trygghetsrad.export.situation.action_plan import (
    CONTENT_WIDTH,
    period_text,
    status_cell,
    user_chapters,
)
from trygghetsrad.export.situation.action_plan_drawing import indicator_chart, light_dot
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


def _light_summary(doc: FollowUpDocument) -> Paragraph:
    """One line (wrapped when long) counting the measures per traffic light; those nobody
    has judged are counted without a light of their own."""
    counts = {light: 0 for light in Light}
    for row in doc.measures:
        counts[row.light.light] += 1
    parts = []
    for light in (Light.GREEN, Light.YELLOW, Light.RED, Light.GREY, Light.NONE):
        if light is Light.NONE and not counts[light]:
            continue
        dot = (
            f"<font color='{LIGHT_COLOURS[light]}' size=14>●</font>&nbsp;"
            if has_light(light)
            else ""
        )
        # Each count stays on one line; the line breaks between them.
        parts.append(dot + escape(light_count(light, counts[light])).replace(" ", "&nbsp;"))
    return Paragraph("&nbsp;&nbsp; ".join(parts), styles()["body"])


def followup_head(doc: FollowUpDocument) -> DocumentHead:
    """The title, date of issue and author the user gave the report; else a title naming
    the year, and no date or author that nobody gave."""
    settings = doc.document
    default = tr("Uppföljning av åtgärdsplanen {year}").format(year=doc.year)
    return DocumentHead(
        title=settings.title_or(default) if settings else default,
        issued_on=settings.issued_on if settings else None,
        author=settings.author if settings else "",
    )


def _subtitle(doc: FollowUpDocument, head: DocumentHead) -> list[Flowable]:
    municipality = doc.municipality or tr("Kommunen")
    if head.issued_on is not None:
        text = municipality
    else:
        # Without a date of issue, the only true date is the day it was printed.
        text = tr("{municipality} · utskriven {day}").format(
            municipality=municipality, day=long_date(doc.today, weekday=False)
        )
    return [Paragraph(escape(text), styles()["subtitle"]), *head_lines(head)]


def render_followup(doc: FollowUpDocument) -> bytes:
    head = followup_head(doc)
    footer = tr("Innehåller interna uppgifter") if doc.include_internal else ""
    meta = PdfMeta(
        title=head.title,
        subject=tr("Årlig uppföljning av åtgärdsplanen"),
        author=head.author or doc.municipality,
        municipality=doc.municipality,
        logo=doc.logo,
        document_date=head.issued_on or doc.today,
        footer_note=footer,
        keywords=[tr("uppföljning"), tr("åtgärdsplan")],
    )
    return render_report(lambda contents: _followup_story(doc, head, contents), meta)


def _followup_story(
    doc: FollowUpDocument, head: DocumentHead, contents: Contents
) -> list[Flowable]:
    """The report's sections in order; each step below is one part of the document."""
    return [
        *_title_block(doc, head),
        *contents.table(),
        *user_chapters(contents, doc.document, Placement.BEFORE),
        *_checklist(doc, contents),
        *_measures(doc, contents),
        *_indicators(doc, contents),
        *_agreements(doc, contents),
        *_next_year(doc, contents),
        *user_chapters(contents, doc.document, Placement.AFTER),
    ]


def _title_block(doc: FollowUpDocument, head: DocumentHead) -> list[Flowable]:
    """Title, subtitle, the plans followed up and the count of measures per light."""
    s = styles()
    story: list[Flowable] = [Paragraph(escape(head.title), s["title"]), *_subtitle(doc, head)]
    for plan in doc.plans:
        story.append(
            Paragraph(
                escape(f"{_with_period(plan.title, plan.period_label)}. {plan.adoption_label}."),
                s["body"],
            )
        )
    if not doc.plans:
        story.append(Paragraph(tr("Det finns ingen åtgärdsplan för året."), s["body"]))
    return [*story, Spacer(1, 2 * mm), _light_summary(doc)]


def _checklist(doc: FollowUpDocument, contents: Contents) -> list[Flowable]:
    """The law and Brå's steps."""
    rows: list[list[str | Flowable]] = [
        [tr("Steg"), tr("Status"), tr("Underlag eller vad som saknas")]
    ]
    for item in doc.checklist:
        colour, status = item.state.colour, item.state.label
        text = escape(item.detail)
        if item.note:
            text += ("<br/>" if text else "") + f"<font color='{colour}'>{escape(item.note)}</font>"
        rows.append(
            [
                _p(escape(item.label)),
                _p(f"<font color='{colour}'><b>{status}</b></font>"),
                _p(text),
            ]
        )
    return [
        contents.heading(tr("Lagens och Brås steg")),
        data_table(rows, [55 * mm, 18 * mm, 97 * mm]),
    ]


def _measures(doc: FollowUpDocument, contents: Contents) -> list[Flowable]:
    """Every measure with its light, status, trend, latest follow-up and the council's
    decisions of the year."""
    story: list[Flowable] = [
        CondPageBreak(50 * mm),
        # The heading keeps with the table's first rows only: the heading style's
        # keepWithNext would move the whole (page-long) table to the next page and leave
        # page 1 half empty.
        contents.heading(tr("Åtgärdernas status"), _loose(styles()["h1"])),
    ]
    if not doc.measures:
        story.append(Paragraph(tr("Inga åtgärder att följa upp."), styles()["body"]))
        return story
    rows: list[list[str | Flowable]] = [
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
        rows.append(
            [
                light_dot(row.light.light),
                _p(text),
                _p(status_cell(_status(m.status), row.light.reason)),
                _p(_trend_cell(row)),
                _p(_latest_followup(row)),
                _p(_decisions(row, doc.year)),
            ]
        )
    story.append(data_table(rows, [6 * mm, 40 * mm, 24 * mm, 32 * mm, 36 * mm, 32 * mm]))
    return story


def _latest_followup(row: MeasureRow) -> str:
    if not row.followups:
        return ""
    f = row.followups[-1]
    latest = f"<font size=8>{f.noted_on.isoformat()}</font><br/>{escape(f.done)}"
    if f.effect:
        latest += "<br/><i>" + escape(tr("Effekt: {e}").format(e=f.effect)) + "</i>"
    return latest


def _decisions(row: MeasureRow, year: int) -> str:
    """The council's decisions on the measure in meetings of the year."""
    return "<br/>".join(
        f"<font size=8>{mention.meeting_date.isoformat() if mention.meeting_date else ''}"
        f"</font> {escape(mention.text)}"
        for mention in row.mentions
        if mention.kind == "decision"
        and mention.meeting_date is not None
        and mention.meeting_date.year == year
    )


def _indicators(doc: FollowUpDocument, contents: Contents) -> list[Flowable]:
    """The indicator charts, two to a row, each with the measures it follows."""
    if not doc.series:
        return []
    cells: list[list[Flowable]] = []
    for series in doc.series:
        chart = indicator_chart(series, 80 * mm, 45 * mm)
        caption = (
            f"<b>{escape(series.name)}</b><br/><font size=8>"
            + escape(tr("Följs av: {m}").format(m="; ".join(series.measure_titles)))
            + "</font>"
        )
        cells.append([_p(caption), chart])
    grid: list[list[str | Flowable]] = []
    for i in range(0, len(cells), 2):
        pair = cells[i : i + 2]
        grid.append([c[0] for c in pair] + ([""] if len(pair) == 1 else []))
        grid.append([c[1] for c in pair] + ([""] if len(pair) == 1 else []))
    table = Table(grid, colWidths=[CONTENT_WIDTH / 2] * 2)
    table.setStyle(table_style(header=False, zebra=False))
    return [CondPageBreak(80 * mm), contents.heading(tr("Indikatorer")), table]


def _agreements(doc: FollowUpDocument, contents: Contents) -> list[Flowable]:
    """Each agreement with the police and the status of its commitments."""
    if not doc.agreements:
        return []
    story: list[Flowable] = [CondPageBreak(60 * mm)]
    for index, section in enumerate(doc.agreements):
        a = section.agreement
        block: list[Flowable] = [
            *([contents.heading(tr("Överenskommelser med Polisen"))] if index == 0 else []),
            contents.heading(a.title, "h2"),
            Paragraph(
                escape(
                    tr("{kind}, {period}. Undertecknad {day}.").format(
                        kind=a.kind_label,
                        period=a.period_label,
                        day=a.signed_on.isoformat() if a.signed_on else "–",
                    )
                ),
                styles()["small"],
            ),
        ]
        rows: list[list[str | Flowable]] = [
            ["", tr("Åtagande"), tr("Status"), tr("Kopplade åtgärder")]
        ]
        for commitment_row in section.commitments:
            c = commitment_row.commitment
            rows.append(
                [
                    light_dot(commitment_row.light.light),
                    _p(f"<b>{escape(c.party_short)}:</b> {escape(c.numbered_text)}"),
                    _p(status_cell(_status(c.status), commitment_row.light.reason)),
                    _p(escape("; ".join(c.measure_titles))),
                ]
            )
        if len(rows) > 1:
            block.append(data_table(rows, [6 * mm, 78 * mm, 40 * mm, 46 * mm]))
        if section.steps:  # the agreement's working model, followed up step by step
            steps: list[list[str | Flowable]] = [[tr("Steg i arbetsmodellen"), tr("Uppföljning")]]
            for number, step in enumerate(section.steps, start=1):
                said = step.followup.strip()
                if said and step.followed_on:
                    said = f"{step.followed_on.isoformat()}: {said}"
                steps.append(
                    [
                        _p(f"{number}. {escape(step.title)}"),
                        _p(escape(said) or f"<i>{escape(tr('Inte uppföljt'))}</i>"),
                    ]
                )
            block.append(Spacer(1, 2 * mm))
            block.append(data_table(steps, [70 * mm, 100 * mm]))
        if len(rows) < 8:
            story.append(KeepTogether(block))
        else:
            story.extend(block)
    return story


def _next_year(doc: FollowUpDocument, contents: Contents) -> list[Flowable]:
    """Next year's dates from the annual wheel."""
    story: list[Flowable] = [
        CondPageBreak(50 * mm),
        contents.heading(tr("Viktiga datum {year}").format(year=doc.year + 1)),
    ]
    if not doc.next_year:
        story.append(
            Paragraph(tr("Inga datum för nästa år finns i årshjulet ännu."), styles()["body"])
        )
        return story
    rows: list[list[str | Flowable]] = [[tr("Datum"), tr("Vad"), tr("Typ")]]
    for event in doc.next_year:
        rows.append(
            [
                _p(escape(date_span(event.start, event.end))),
                _p(escape(event.title)),
                _p(
                    escape(
                        doc.category_names.get(event.category)
                        or CATEGORY_LABELS.get(event.category, event.category)
                    )
                ),
            ]
        )
    story.append(data_table(rows, [36 * mm, 98 * mm, 36 * mm]))
    return story
