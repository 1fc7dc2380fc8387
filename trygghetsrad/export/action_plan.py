"""The action-plan PDF for adoption: problems → causes → measures, responsibilities, timeline."""

from __future__ import annotations

from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from trygghetsrad.domain.action_plan import (
    LIGHT_COLOURS,
    Effect,
    Light,
    MeasureKind,
    MeasureRow,
    PlanStatus,
    light_note,
)
from trygghetsrad.domain.action_plan_docs import PlanDocument
from trygghetsrad.domain.causes import CauseData, CauseKind
from trygghetsrad.domain.dates import MONTHS_SHORT, long_date
from trygghetsrad.domain.situation_documents import DocumentHead, DocumentSettings, Placement
from trygghetsrad.export.action_plan_drawing import cause_tree, timeline, tree_legend
from trygghetsrad.export.pdf.base import FONT, PdfMeta, data_table, escape, styles
from trygghetsrad.export.pdf.contents import Contents, chapters, head_lines, render_report
from trygghetsrad.i18n import plural, tr

CONTENT_WIDTH = 170 * mm


def _p(text: str, style: str = "cell") -> Paragraph:
    return Paragraph(text, styles()[style])


def _label(value: str, enum: type) -> str:
    try:
        return str(enum(value).label)
    except ValueError:
        return value


def month_year(day: date | None) -> str:
    return f"{MONTHS_SHORT[day.month - 1]} {day.year}" if day else "…"


def period_text(start: date | None, end: date | None, *, exact: bool = False) -> str:
    """'mar 2025 – okt 2025' (or ISO dates when `exact`)."""
    if start is None and end is None:
        return ""
    if exact:
        return f"{start.isoformat() if start else '…'} – {end.isoformat() if end else '…'}"
    return f"{month_year(start)} – {month_year(end)}"


def plan_head(doc: PlanDocument) -> DocumentHead:
    """The plan's title, or the one the user gave the document, with date of issue and
    author when the user gave them."""
    settings = doc.document
    return DocumentHead(
        title=settings.title_or(doc.plan.title) if settings else doc.plan.title,
        issued_on=settings.issued_on if settings else None,
        author=settings.author if settings else "",
    )


def status_cell(status: str, reason: str) -> str:
    """A measure's or commitment's status and, in small print, why the light is what it is
    (not the status twice)."""
    reason = light_note(status, reason)
    text = escape(status)
    return text + (f"<br/><font size=8>{escape(reason)}</font>" if reason else "")


def user_chapters(
    contents: Contents, settings: DocumentSettings | None, placement: Placement
) -> list[Flowable]:
    return chapters(contents, settings.chapters_at(placement)) if settings else []


def render_plan(doc: PlanDocument) -> bytes:
    head = plan_head(doc)
    plan = doc.plan
    footer = ""
    if plan.status == PlanStatus.DRAFT:
        footer = tr("Utkast {day}").format(day=doc.today.isoformat())
    if doc.include_internal:
        footer = (footer + " · " if footer else "") + tr("Innehåller interna uppgifter")
    meta = PdfMeta(
        title=head.title,
        subject=tr("Åtgärdsplan {period}").format(period=plan.period_label),
        author=head.author or doc.municipality,
        municipality=doc.municipality,
        logo=doc.logo,
        document_date=head.issued_on or plan.adopted_on or doc.today,
        footer_note=footer,
        keywords=[tr("åtgärdsplan"), tr("brottsförebyggande")],
    )
    return render_report(lambda contents: _plan_story(doc, head, contents), meta)


def _plan_story(doc: PlanDocument, head: DocumentHead, contents: Contents) -> list[Flowable]:
    s = styles()
    plan = doc.plan
    story: list[Flowable] = []
    story.append(Paragraph(escape(head.title), s["title"]))
    subtitle = tr("{municipality} · planperiod {period}").format(
        municipality=doc.municipality or tr("Kommunen"), period=plan.period_label
    )
    story.append(Paragraph(escape(subtitle), s["subtitle"]))
    story += head_lines(head)
    record = [
        [tr("Beslutande organ"), plan.adopted_by or tr("Ännu inte beslutad")],
        [
            tr("Datum"),
            long_date(plan.adopted_on, weekday=False) if plan.adopted_on else "–",
        ],
        [tr("Paragraf"), plan.adoption_ref or "–"],
        [tr("Planperiod"), period_text(plan.period_start, plan.period_end, exact=True)],
        [tr("Version"), f"{plan.version} ({_label(plan.status, PlanStatus).lower()})"],
        [
            tr("Uppföljning"),
            long_date(plan.follow_up_on, weekday=False) if plan.follow_up_on else "–",
        ],
    ]
    story.append(
        data_table(
            [[_p(escape(a), "cell_bold"), _p(escape(b))] for a, b in record],
            [45 * mm, CONTENT_WIDTH - 45 * mm],
            header=False,
        )
    )
    story.append(Spacer(1, 4 * mm))
    story += contents.table()
    story += user_chapters(contents, doc.document, Placement.BEFORE)
    story.append(contents.heading(tr("Inledning")))
    story.append(
        Paragraph(
            escape(
                tr(
                    "Enligt lagen (2023:196) om kommuners ansvar för brottsförebyggande arbete ska "
                    "kommunen utifrån en lägesbild besluta om en åtgärdsplan. Planen bygger på "
                    "orsaksanalysen av de prioriterade problemen: varje åtgärd svarar mot en eller "
                    "flera orsaker, har en ansvarig och en indikator som visar om den gör skillnad."
                )
            ),
            s["body"],
        )
    )
    if plan.note:
        story.append(Paragraph(escape(plan.note), s["body"]))
    counts = _counts(doc.measures)
    story.append(Paragraph(escape(counts), s["body"]))

    number = {row.measure.id: i + 1 for i, row in enumerate(doc.measures)}
    story.append(CondPageBreak(90 * mm))  # the heading and its first problem stay together
    story.append(contents.heading(tr("Prioriterade problem och deras orsaker")))
    if not doc.problems:
        story.append(Paragraph(tr("Inga prioriterade problem är beskrivna."), s["body"]))
    for i, section in enumerate(doc.problems, start=1):
        story.append(CondPageBreak(70 * mm))
        problem = section.problem
        story.append(contents.heading(f"{i}. {problem.title}", "h2"))
        if problem.description:
            story.append(Paragraph(escape(problem.description), s["body"]))
        if problem.observation_title and problem.observation_title != problem.title:
            story.append(
                Paragraph(
                    escape(
                        tr("Från lägesbildens iakttagelse: {t}").format(t=problem.observation_title)
                    ),
                    s["small"],
                )
            )
        if not section.causes:
            story.append(Paragraph(tr("Orsaksanalys saknas."), s["body"]))
            continue
        story.append(
            cause_tree(
                problem.title,
                section.causes,
                CONTENT_WIDTH,
                section.flagged_causes,
                max_height=190 * mm,
            )
        )
        story.append(Spacer(1, 2 * mm))
        story.append(tree_legend())
        story.append(Spacer(1, 2 * mm))
        depth = _depths(section.causes)
        rows: list[list[str | Paragraph]] = [
            [tr("Orsak"), tr("Typ"), tr("Underlag"), tr("Åtgärder")]
        ]
        for cause in _ordered(section.causes):
            nums = [str(number[m]) for m in cause.measure_ids if m in number]
            measures = ", ".join(nums) if nums else ""
            if not nums and cause.id in section.flagged_causes:
                measures = f'<font color="{LIGHT_COLOURS[Light.RED]}">{tr("Ingen åtgärd")}</font>'
            indent = "&nbsp;&nbsp;&nbsp;" * depth[cause.id]
            rows.append(
                [
                    _p(indent + escape(cause.title)),
                    _p(escape(_label(cause.kind, CauseKind))),
                    _p(escape("; ".join(e.label for e in cause.evidence))),
                    _p(measures),
                ]
            )
        story.append(data_table(rows, [70 * mm, 22 * mm, 53 * mm, 25 * mm]))

    story.append(CondPageBreak(60 * mm))
    story.append(contents.heading(tr("Åtgärder")))
    if not doc.measures:
        story.append(Paragraph(tr("Planen har inga åtgärder ännu."), s["body"]))
    else:
        rows = [
            [
                tr("Nr"),
                tr("Åtgärd"),
                tr("Typ, effekt"),
                tr("Ansvar"),
                tr("Period"),
                tr("Indikator och mål"),
            ]
        ]
        for row in doc.measures:
            m = row.measure
            text = f"<b>{escape(m.title)}</b>"
            if m.description:
                text += "<br/>" + escape(m.description)
            if m.cause_titles:
                text += (
                    "<br/><font size=8 color='#5b6670'>"
                    + escape(tr("Svarar mot: {c}").format(c="; ".join(m.cause_titles)))
                    + "</font>"
                )
            else:
                text += (
                    f"<br/><font size=8 color='{LIGHT_COLOURS[Light.RED]}'>"
                    + escape(tr("Ingen orsak kopplad"))
                    + "</font>"
                )
            responsible = escape(m.responsible)
            if m.partners:
                responsible += (
                    "<br/><font size=8>" + escape(tr("Med: {p}").format(p=m.partners)) + "</font>"
                )
            indicator = "<br/>".join(
                escape(part)
                for part in (
                    m.indicator_name,
                    tr("Mål: {t}").format(t=m.target_label) if m.target_label else "",
                )
                if part
            )
            rows.append(
                [
                    _p(str(number[m.id])),
                    _p(text),
                    _p(
                        escape(f"{_label(m.kind, MeasureKind)}, {_label(m.effect, Effect).lower()}")
                    ),
                    _p(responsible),
                    _p(escape(period_text(m.start, m.end))),
                    _p(indicator),
                ]
            )
        story.append(data_table(rows, [8 * mm, 60 * mm, 23 * mm, 29 * mm, 19 * mm, 31 * mm]))

        story.append(CondPageBreak(50 * mm))
        story.append(contents.heading(tr("Ansvar och resurser")))
        by_org: dict[str, list[MeasureRow]] = {}
        for row in doc.measures:
            key = row.measure.responsible_organisation or tr("Ansvar ej fördelat")
            by_org.setdefault(key, []).append(row)
        rows = [[tr("Ansvarig"), tr("Åtgärder"), tr("Resurser")]]
        for org in sorted(by_org):
            items = by_org[org]
            rows.append(
                [
                    _p(f"<b>{escape(org)}</b>"),
                    _p(
                        "<br/>".join(
                            escape(
                                f"{number[r.measure.id]}. {r.measure.title}"
                                + (
                                    f" ({r.measure.responsible_person})"
                                    if r.measure.responsible_person
                                    else ""
                                )
                            )
                            for r in items
                        )
                    ),
                    _p(
                        "<br/>".join(
                            escape(r.measure.resources) for r in items if r.measure.resources
                        )
                    ),
                ]
            )
        story.append(data_table(rows, [45 * mm, 75 * mm, 50 * mm]))

        story.append(CondPageBreak(40 * mm + 13 * len(doc.measures)))
        story.append(contents.heading(tr("Tidsplan")))
        bars = [
            (
                f"{number[r.measure.id]}. {r.measure.title}",
                r.measure.start,
                r.measure.end,
                "#1f5a8c" if r.measure.kind == MeasureKind.SITUATIONAL else "#b5651d",
            )
            for r in doc.measures
        ]
        story.append(timeline(bars, plan.period_start, plan.period_end, width=CONTENT_WIDTH))
        story.append(
            Paragraph(escape(tr("Blå: situationell åtgärd. Brun: social åtgärd.")), s["small"])
        )

    if doc.flags:
        story.append(CondPageBreak(40 * mm))
        story.append(contents.heading(tr("Att uppmärksamma")))
        titles = {r.measure.id: r.measure.title for r in doc.measures}
        for mid in doc.flags.measures_without_cause:
            if mid in titles:
                story.append(
                    Paragraph(
                        escape(
                            tr("Åtgärden ”{t}” är inte kopplad till någon orsak.").format(
                                t=titles[mid]
                            )
                        ),
                        bullet_style(),
                        bulletText="•",
                    )
                )
        # One line per problem: a long plan would otherwise list a page of single causes.
        uncovered = set(doc.flags.causes_without_measure)
        for sec in doc.problems:
            names = [f"”{c.title}”" for c in sec.causes if c.id in uncovered]
            if not names:
                continue
            text = (
                tr("{problem}: orsaken {causes} har ingen åtgärd.")
                if len(names) == 1
                else tr("{problem}: orsakerna {causes} har ingen åtgärd.")
            ).format(problem=sec.problem.title, causes=", ".join(names))
            story.append(Paragraph(escape(text), bullet_style(), bulletText="•"))
    story += user_chapters(contents, doc.document, Placement.AFTER)
    return story


def bullet_style() -> ParagraphStyle:
    """The house bullet style with the embedded font for the bullet itself too."""
    return ParagraphStyle(
        "ap_bullet", parent=styles()["bullet"], bulletFontName=FONT, bulletFontSize=10
    )


def bullet(text: str) -> Paragraph:
    return Paragraph(text, bullet_style(), bulletText="•")


def _counts(rows: tuple[MeasureRow, ...]) -> str:
    situational = sum(1 for r in rows if r.measure.kind == MeasureKind.SITUATIONAL)
    return tr("Planen omfattar {measures}: {s} situationella och {o} sociala.").format(
        measures=plural(len(rows), tr("åtgärd"), tr("åtgärder")),
        s=situational,
        o=len(rows) - situational,
    )


def _depths(causes: tuple[CauseData, ...]) -> dict[int, int]:
    by_id = {c.id: c for c in causes}
    out = {}
    for c in causes:
        d, parent = 0, c.parent_id
        while parent is not None and parent in by_id and d < 20:
            d += 1
            parent = by_id[parent].parent_id
        out[c.id] = d
    return out


def _ordered(causes: tuple[CauseData, ...]) -> list[CauseData]:
    from trygghetsrad.domain.causes import build_tree

    return [n.cause for root in build_tree(list(causes)) for n in root.walk()]
