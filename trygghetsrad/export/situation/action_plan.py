"""The action-plan PDF for adoption: problems → causes → measures, responsibilities, timeline."""

from __future__ import annotations

from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from trygghetsrad.domain.dates import MONTHS_SHORT, long_date
from trygghetsrad.domain.situation.action_plan import (
    LIGHT_COLOURS,
    Effect,
    Light,
    MeasureData,
    MeasureKind,
    MeasureRow,
    PlanStatus,
    light_note,
)
from trygghetsrad.domain.situation.action_plan_docs import PlanDocument, ProblemSection
from trygghetsrad.domain.situation.causes import CauseData, CauseKind
from trygghetsrad.domain.situation.documents import DocumentHead, DocumentSettings, Placement
from trygghetsrad.export.pdf.base import FONT, PdfMeta, data_table, escape, styles
from trygghetsrad.export.pdf.contents import Contents, chapters, head_lines, render_report
from trygghetsrad.export.situation.action_plan_drawing import cause_tree, timeline, tree_legend
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
    """The plan's sections in order; each step below is one part of the document."""
    number = {row.measure.id: i + 1 for i, row in enumerate(doc.measures)}
    return [
        *_title_block(doc, head),
        *contents.table(),
        *user_chapters(contents, doc.document, Placement.BEFORE),
        *_introduction(doc, contents),
        *_problems(doc, contents, number),
        *_measures(doc, contents, number),
        *_attention(doc, contents),
        *user_chapters(contents, doc.document, Placement.AFTER),
    ]


def _title_block(doc: PlanDocument, head: DocumentHead) -> list[Flowable]:
    """Title, municipality and period, the document's own lines and the decision record."""
    s = styles()
    plan = doc.plan
    subtitle = tr("{municipality} · planperiod {period}").format(
        municipality=doc.municipality or tr("Kommunen"), period=plan.period_label
    )
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
    return [
        Paragraph(escape(head.title), s["title"]),
        Paragraph(escape(subtitle), s["subtitle"]),
        *head_lines(head),
        data_table(
            [[_p(escape(a), "cell_bold"), _p(escape(b))] for a, b in record],
            [45 * mm, CONTENT_WIDTH - 45 * mm],
            header=False,
        ),
        Spacer(1, 4 * mm),
    ]


def _introduction(doc: PlanDocument, contents: Contents) -> list[Flowable]:
    """What the law asks for, the plan's own note and how many measures it has."""
    s = styles()
    story: list[Flowable] = [
        contents.heading(tr("Inledning")),
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
        ),
    ]
    if doc.plan.note:
        story.append(Paragraph(escape(doc.plan.note), s["body"]))
    story.append(Paragraph(escape(_counts(doc.measures)), s["body"]))
    return story


def _problems(doc: PlanDocument, contents: Contents, number: dict[int, int]) -> list[Flowable]:
    """Each prioritised problem with its cause tree and the table of its causes."""
    story: list[Flowable] = [
        CondPageBreak(90 * mm),  # the heading and its first problem stay together
        contents.heading(tr("Prioriterade problem och deras orsaker")),
    ]
    if not doc.problems:
        story.append(Paragraph(tr("Inga prioriterade problem är beskrivna."), styles()["body"]))
    for i, section in enumerate(doc.problems, start=1):
        story += _problem(i, section, contents, number)
    return story


def _problem(
    i: int, section: ProblemSection, contents: Contents, number: dict[int, int]
) -> list[Flowable]:
    s = styles()
    problem = section.problem
    story: list[Flowable] = [
        CondPageBreak(70 * mm),
        contents.heading(f"{i}. {problem.title}", "h2"),
    ]
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
        return story
    return [
        *story,
        cause_tree(
            problem.title,
            section.causes,
            CONTENT_WIDTH,
            section.flagged_causes,
            max_height=190 * mm,
        ),
        Spacer(1, 2 * mm),
        tree_legend(),
        Spacer(1, 2 * mm),
        _cause_table(section, number),
    ]


def _cause_table(section: ProblemSection, number: dict[int, int]) -> Flowable:
    """The problem's causes as a tree-indented table with the measures that answer each."""
    depth = _depths(section.causes)
    rows: list[list[str | Paragraph]] = [[tr("Orsak"), tr("Typ"), tr("Underlag"), tr("Åtgärder")]]
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
    return data_table(rows, [70 * mm, 22 * mm, 53 * mm, 25 * mm])


def _measures(doc: PlanDocument, contents: Contents, number: dict[int, int]) -> list[Flowable]:
    """The measures, who is responsible for them and when they run."""
    story: list[Flowable] = [CondPageBreak(60 * mm), contents.heading(tr("Åtgärder"))]
    if not doc.measures:
        story.append(Paragraph(tr("Planen har inga åtgärder ännu."), styles()["body"]))
        return story
    return [
        *story,
        _measure_table(doc, number),
        *_responsibilities(doc, contents, number),
        *_schedule(doc, contents, number),
    ]


def _measure_table(doc: PlanDocument, number: dict[int, int]) -> Flowable:
    rows: list[list[str | Paragraph]] = [
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
        rows.append(
            [
                _p(str(number[m.id])),
                _p(_measure_text(m)),
                _p(escape(f"{_label(m.kind, MeasureKind)}, {_label(m.effect, Effect).lower()}")),
                _p(_responsible_text(m)),
                _p(escape(period_text(m.start, m.end))),
                _p(_indicator_text(m)),
            ]
        )
    return data_table(rows, [8 * mm, 60 * mm, 23 * mm, 29 * mm, 19 * mm, 31 * mm])


def _measure_text(m: MeasureData) -> str:
    """Title, description and the causes the measure answers (or that it answers none)."""
    text = f"<b>{escape(m.title)}</b>"
    if m.description:
        text += "<br/>" + escape(m.description)
    if m.cause_titles:
        return (
            text
            + "<br/><font size=8 color='#5b6670'>"
            + escape(tr("Svarar mot: {c}").format(c="; ".join(m.cause_titles)))
            + "</font>"
        )
    return (
        text
        + f"<br/><font size=8 color='{LIGHT_COLOURS[Light.RED]}'>"
        + escape(tr("Ingen orsak kopplad"))
        + "</font>"
    )


def _responsible_text(m: MeasureData) -> str:
    responsible = escape(m.responsible)
    if m.partners:
        responsible += (
            "<br/><font size=8>" + escape(tr("Med: {p}").format(p=m.partners)) + "</font>"
        )
    return responsible


def _indicator_text(m: MeasureData) -> str:
    return "<br/>".join(
        escape(part)
        for part in (
            m.indicator_name,
            tr("Mål: {t}").format(t=m.target_label) if m.target_label else "",
        )
        if part
    )


def _responsibilities(
    doc: PlanDocument, contents: Contents, number: dict[int, int]
) -> list[Flowable]:
    """The measures per responsible organisation, with the resources each brings."""
    by_org: dict[str, list[MeasureRow]] = {}
    for row in doc.measures:
        key = row.measure.responsible_organisation or tr("Ansvar ej fördelat")
        by_org.setdefault(key, []).append(row)
    rows: list[list[str | Paragraph]] = [[tr("Ansvarig"), tr("Åtgärder"), tr("Resurser")]]
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
                _p("<br/>".join(escape(r.measure.resources) for r in items if r.measure.resources)),
            ]
        )
    return [
        CondPageBreak(50 * mm),
        contents.heading(tr("Ansvar och resurser")),
        data_table(rows, [45 * mm, 75 * mm, 50 * mm]),
    ]


def _schedule(doc: PlanDocument, contents: Contents, number: dict[int, int]) -> list[Flowable]:
    """The measures' periods as bars over the plan period."""
    plan = doc.plan
    bars = [
        (
            f"{number[r.measure.id]}. {r.measure.title}",
            r.measure.start,
            r.measure.end,
            "#1f5a8c" if r.measure.kind == MeasureKind.SITUATIONAL else "#b5651d",
        )
        for r in doc.measures
    ]
    return [
        CondPageBreak(40 * mm + 13 * len(doc.measures)),
        contents.heading(tr("Tidsplan")),
        timeline(bars, plan.period_start, plan.period_end, width=CONTENT_WIDTH),
        Paragraph(escape(tr("Blå: situationell åtgärd. Brun: social åtgärd.")), styles()["small"]),
    ]


def _attention(doc: PlanDocument, contents: Contents) -> list[Flowable]:
    """Measures without a cause and causes without a measure, when there are any."""
    if not doc.flags:
        return []
    story: list[Flowable] = [CondPageBreak(40 * mm), contents.heading(tr("Att uppmärksamma"))]
    titles = {r.measure.id: r.measure.title for r in doc.measures}
    for mid in doc.flags.measures_without_cause:
        if mid in titles:
            story.append(
                bullet(
                    escape(
                        tr("Åtgärden ”{t}” är inte kopplad till någon orsak.").format(t=titles[mid])
                    )
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
        story.append(bullet(escape(text)))
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
    from trygghetsrad.domain.situation.causes import build_tree

    return [n.cause for root in build_tree(list(causes)) for n in root.walk()]
