"""The *lägesbild* report PDF: cover, contents, the law's three parts with indicator charts and
observations by area, the data sources used and not used (with obstacles), gaps, limitations.

Takes a `SituationReport` (already filtered for internal content by the service) and returns
PDF bytes. Each indicator (chart, legend, values) is drawn by `situation_indicators`.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from trygghetsrad.domain.dates import long_date
from trygghetsrad.domain.situation.documents import DocumentHead, Placement
from trygghetsrad.domain.situation.picture import THREE_PARTS, ObstacleKind, SituationReport
from trygghetsrad.export.pdf.base import (
    PdfMeta,
    data_table,
    escape,
    styles,
)
from trygghetsrad.export.pdf.contents import Contents, chapters, render_report
from trygghetsrad.export.situation.areas import area_assessments, observation_groups
from trygghetsrad.export.situation.indicators import indicator_block
from trygghetsrad.i18n import plural, tr

CELL_LIMIT = 900  # characters of free text in one table cell (a row cannot break over pages)
LIST_LIMIT = 12  # names listed in one cell before "… och N till"


def _cell(text: str, limit: int = CELL_LIMIT) -> str:
    """Escaped text for a table cell, shortened with "…" when it would not fit on a page."""
    text = text.strip()
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return escape(text)


def _listing(names: list[str]) -> str:
    shown = ", ".join(names[:LIST_LIMIT])
    rest = len(names) - LIST_LIMIT
    return shown + (tr(" … och {n} till").format(n=rest) if rest > 0 else "")


def _para(text: str, style: str = "body") -> Paragraph:
    return Paragraph(escape(text), styles()[style])


def _text_block(text: str, empty: str) -> list[Flowable]:
    if not text.strip():
        return [Paragraph(f"<i>{escape(empty)}</i>", styles()["small"])]
    return [_para(chunk.strip()) for chunk in text.split("\n\n") if chunk.strip()]


def _observations(report: SituationReport) -> list[Flowable]:
    s = styles()
    if not report.observations:
        return [_para(tr("Inga observationer är registrerade för perioden."), "small")]
    flow: list[Flowable] = []
    groups = observation_groups(report.observations, report.areas, tr("Område ej angivet"))
    for place, in_place in groups:
        rows: list[list[Any]] = [
            [tr("Observation"), tr("Kategori"), tr("Utveckling"), tr("Toppar")]
        ]
        for obs in in_place:
            text = f"<b>{escape(obs.title)}</b>"
            if obs.internal:
                text += f' <font color="#a4262c">({tr("intern")})</font>'
            if obs.description:
                text += f"<br/>{_cell(obs.description)}"
            basis = [n for n in (*obs.source_names, *obs.indicator_names) if n]
            if basis:
                text += f'<br/><font color="#5b6670">{escape(tr("Underlag: ") + _listing(basis))}</font>'
            rows.append(
                [
                    Paragraph(text, s["cell"]),
                    Paragraph(escape(obs.category_label), s["cell"]),
                    Paragraph(escape(f"{obs.trend_arrow} {obs.trend_label}"), s["cell"]),
                    Paragraph(escape(obs.peak_text or "–"), s["cell"]),
                ]
            )
        flow.append(CondPageBreak(30 * mm))
        flow.append(Paragraph(escape(place), s["h2"]))
        flow.append(data_table(rows, [98 * mm, 26 * mm, 26 * mm, 20 * mm]))
        flow.append(Spacer(1, 2 * mm))
    return flow


def _source_rows(report: SituationReport, sources: list[Any], with_reason: bool) -> Table:
    s = styles()
    header = [
        tr("Underlag"),
        tr("Lämnas av"),
        tr("Hur ofta"),
        tr("Nivå"),
        tr("Hinder") if not with_reason else tr("Status och hinder"),
    ]
    rows: list[list[Any]] = [header]
    for src in sources:
        name = f"<b>{escape(src.name)}</b><br/>{escape(src.kind_label)}"
        if src.internal:
            name += f' <font color="#a4262c">({tr("intern")})</font>'
        who = escape(src.provider)
        if src.delivered_by:
            who += f"<br/>{escape(src.delivered_by)}"
        when = escape(src.frequency_label)
        if src.last_received:
            when += "<br/>" + escape(tr("senast {date}").format(date=src.last_received.isoformat()))
        obstacles = "<br/>".join(_cell(o.text, 400) for o in src.obstacles) or "–"
        if with_reason:
            obstacles = f"<b>{escape(src.status_label)}</b><br/>{obstacles}"
        rows.append(
            [
                Paragraph(name, s["cell"]),
                Paragraph(who, s["cell"]),
                Paragraph(when, s["cell"]),
                Paragraph(escape(src.level_label), s["cell"]),
                Paragraph(obstacles, s["cell"]),
            ]
        )
    return data_table(rows, [40 * mm, 38 * mm, 26 * mm, 22 * mm, 44 * mm])


def _gaps(report: SituationReport) -> list[Flowable]:
    s = styles()
    if not report.gaps:
        return [_para(tr("Inga luckor är registrerade."), "small")]
    rows: list[list[Any]] = [
        [tr("Vad saknas"), tr("Typ"), tr("Vem kan bidra"), tr("Vad har gjorts"), tr("Status")]
    ]
    for gap in report.gaps:
        what = f"<b>{escape(gap.title)}</b>"
        if gap.description:
            what += f"<br/>{_cell(gap.description)}"
        rows.append(
            [
                Paragraph(what, s["cell"]),
                Paragraph(escape(gap.kind_label), s["cell"]),
                Paragraph(_cell(gap.filler or "–"), s["cell"]),
                Paragraph(_cell(gap.actions_taken or "–"), s["cell"]),
                Paragraph(escape(gap.status_label), s["cell"]),
            ]
        )
    return [data_table(rows, [50 * mm, 20 * mm, 38 * mm, 42 * mm, 20 * mm])]


def _sources_counted(report: SituationReport) -> str:
    """How many sources were used and not; those nobody has judged are said as such."""
    n, used = len(report.sources), len(report.used_sources)
    unused, unjudged = len(report.unused_sources), len(report.unjudged_sources)
    if unjudged:
        return tr(
            "{n} underlag, varav {used} har använts, {unused} inte har kunnat användas "
            "och {unjudged}."
        ).format(
            n=n,
            used=used,
            unused=unused,
            unjudged=plural(unjudged, tr("inte är bedömt"), tr("inte är bedömda")),
        )
    return tr(
        "{n} underlag, varav {used} har använts och {unused} inte har kunnat användas."
    ).format(n=n, used=used, unused=unused)


def _unjudged_sources(report: SituationReport, style: ParagraphStyle) -> list[Flowable]:
    """Sources whose use nobody has judged: listed apart, not as "could not be used"."""
    unjudged = report.unjudged_sources
    if not unjudged:
        return []
    title = tr("Underlag vars tillgång inte är bedömd ({n})").format(n=len(unjudged))
    return [
        CondPageBreak(45 * mm),
        Paragraph(escape(title), style),
        _source_rows(report, unjudged, True),
    ]


def _four_questions(report: SituationReport) -> Table:
    """The council's four questions about the material, answered in one table."""
    st = styles()
    sources = report.sources
    exists = _sources_counted(report)
    kinds: dict[str, list[str]] = defaultdict(list)
    for src in sources:
        for obstacle in src.obstacles:
            kinds[obstacle.kind].append(src.name)
    obstacles = "; ".join(
        f"{kind.label} ({len(kinds[kind.value])})" for kind in ObstacleKind if kinds.get(kind.value)
    ) or tr("Inga.")
    people = sorted({src.delivered_by.split(",")[0] for src in sources if src.delivered_by})
    nobody = [src.name for src in sources if not src.delivered_by]
    who = tr("{people} lämnar underlagen: {names}.").format(
        people=plural(len(people), tr("person"), tr("personer")), names=_listing(people)
    )
    if nobody:
        who += " " + tr("Ingen utsedd för: {names}.").format(names=_listing(nobody))
    open_gaps = [g.title for g in report.gaps if g.status != "filled"]
    missing_items = open_gaps + [
        tr("{name} (saknas)").format(name=s.name)
        for s in report.unused_sources
        if s.status == "missing"
    ]
    missing = "; ".join(missing_items[:LIST_LIMIT])
    if len(missing_items) > LIST_LIMIT:
        missing += tr(" … och {n} till").format(n=len(missing_items) - LIST_LIMIT)
    rows = [
        [tr("Fråga"), tr("Svar")],
        [tr("Vilka underlag finns?"), exists],
        [tr("Vilka hinder finns?"), obstacles],
        [tr("Vem lämnar underlagen till samordnaren?"), who],
        [tr("Vilka underlag eller vilken kompetens saknas?"), missing or tr("Inget.")],
    ]
    body = [
        [Paragraph(escape(a), st["cell_bold"]), Paragraph(escape(b), st["cell"])]
        for a, b in rows[1:]
    ]
    header = [
        [Paragraph(escape(rows[0][0]), st["label"]), Paragraph(escape(rows[0][1]), st["label"])]
    ]
    return data_table(header + body, [55 * mm, 115 * mm])


SECTIONS = [
    ("summary", tr("Sammanfattning")),
    ("part_mapping", THREE_PARTS[0][1]),
    ("indicators", tr("1.1 Indikatorer")),
    ("observations", tr("1.2 Observationer per område")),
    ("areas", tr("1.3 Bedömning per område")),
    ("part_other", THREE_PARTS[1][1]),
    ("part_analysis", THREE_PARTS[2][1]),
    ("sources", tr("4. Underlag: vilka som använts och vilka som inte använts")),
    ("gaps", tr("5. Luckor: underlag och kompetens som saknas")),
    ("limitations", tr("6. Begränsningar")),
]


def report_head(report: SituationReport) -> DocumentHead:
    """The picture's title or the user's, the date of issue the user gave, and the author
    the user gave (else the coordinator from the settings)."""
    settings = report.document
    title = report.picture.title
    return DocumentHead(
        title=settings.title_or(title) if settings else title,
        issued_on=settings.issued_on if settings else None,
        author=(settings.author if settings else "") or report.coordinator,
    )


def _status_line(report: SituationReport) -> str:
    p = report.picture
    presented = p.presented
    if presented is not None:
        text = tr("Presenterad {date}").format(date=presented.text)
        if p.presented_to:
            text += tr(" för {body}").format(body=p.presented_to)
        return text
    return tr("Arbetsmaterial, version {n} – ännu inte presenterad").format(n=p.version)


def _cover(report: SituationReport, head: DocumentHead) -> list[Flowable]:
    s = styles()
    p = report.picture
    period = tr("Period: {start} – {end}").format(
        start=long_date(p.period_start, weekday=False), end=long_date(p.period_end, weekday=False)
    )
    flow: list[Flowable] = [
        Spacer(1, 40 * mm),
        Paragraph(escape(report.municipality or tr("Kommunen")), s["subtitle"]),
        Paragraph(escape(head.title), s["title"]),
        Paragraph(
            escape(
                tr(
                    "Lägesbild av brottsligheten enligt lagen (2023:196) om kommuners ansvar "
                    "för brottsförebyggande arbete"
                )
            ),
            s["subtitle"],
        ),
        Spacer(1, 10 * mm),
        Paragraph(escape(period), s["body"]),
        Paragraph(escape(_status_line(report)), s["body"]),
        Paragraph(escape(tr("Version {n}").format(n=p.version)), s["body"]),
    ]
    if head.issued_on is not None:
        flow.append(
            Paragraph(
                escape(tr("Utfärdad {date}").format(date=long_date(head.issued_on, weekday=False))),
                s["body"],
            )
        )
    if head.author:
        flow.append(
            Paragraph(escape(tr("Sammanställd av {who}").format(who=head.author)), s["body"])
        )
    flow.append(
        Paragraph(
            escape(
                tr("Utskriven {date}").format(date=long_date(report.generated_on, weekday=False))
            ),
            s["small"],
        )
    )
    if report.include_internal:
        flow += [
            Spacer(1, 8 * mm),
            Paragraph(
                f'<font color="#a4262c"><b>{escape(tr("Innehåller interna uppgifter – ej för spridning."))}</b></font>',
                s["body"],
            ),
        ]
    return flow


def _front(report: SituationReport, head: DocumentHead, contents: Contents) -> list[Flowable]:
    """Cover, contents page, and the chapters the user placed before the generated ones."""
    story: list[Flowable] = [*_cover(report, head), PageBreak()]
    table = contents.table()
    if table:
        story += [*table, PageBreak()]
    if report.document is not None:
        story += chapters(contents, report.document.chapters_at(Placement.BEFORE))
    return story


def _story(report: SituationReport, head: DocumentHead, contents: Contents) -> list[Flowable]:
    s = styles()
    p = report.picture
    titles = dict(SECTIONS)

    def heading(key: str, style: str = "h1") -> list[Flowable]:
        return [contents.heading(titles[key], style)]

    story: list[Flowable] = _front(report, head, contents)
    story += heading("summary")
    story += _text_block(p.summary, tr("Ingen sammanfattning är skriven."))
    story += heading("part_mapping")
    story += _text_block(p.part_mapping, tr("Kartläggningen är inte skriven ännu."))
    story += heading("indicators", "h2")
    if report.indicators:
        for indicator in report.indicators:
            story += indicator_block(indicator)
    else:
        story.append(_para(tr("Inga indikatorer har värden för perioden."), "small"))
    story += [CondPageBreak(60 * mm), *heading("observations", "h2"), *_observations(report)]
    story += [CondPageBreak(40 * mm), *heading("areas", "h2")]
    story += area_assessments(report.areas, report.from_snapshot)
    story += heading("part_other")
    story += _text_block(p.part_other, tr("Inget är skrivet ännu."))
    story += heading("part_analysis")
    story += _text_block(p.part_analysis, tr("Analysen är inte skriven ännu."))
    story += [PageBreak(), *heading("sources"), _four_questions(report), Spacer(1, 3 * mm)]
    story.append(
        _para(
            tr(
                "Tabellerna visar vem som lämnar varje underlag till samordnaren, hur ofta det "
                "kommer och vilka hinder som finns."
            ),
            "small",
        )
    )
    used, unused = report.used_sources, report.unused_sources
    loose = ParagraphStyle("h2_loose", parent=s["h2"], keepWithNext=0)
    story.append(CondPageBreak(45 * mm))
    story.append(Paragraph(escape(tr("Använda underlag ({n})").format(n=len(used))), loose))
    story.append(_source_rows(report, used, False) if used else _para(tr("Inga."), "small"))
    story.append(CondPageBreak(45 * mm))
    story.append(
        Paragraph(
            escape(tr("Underlag som inte har kunnat användas ({n})").format(n=len(unused))), loose
        )
    )
    story.append(_source_rows(report, unused, True) if unused else _para(tr("Inga."), "small"))
    story += _unjudged_sources(report, loose)
    story += [CondPageBreak(50 * mm), *heading("gaps"), *_gaps(report)]
    story += heading("limitations")
    story += _text_block(p.limitations, tr("Inga begränsningar är beskrivna."))
    story.append(Spacer(1, 4 * mm))
    story.append(
        _para(
            tr(
                "Lägesbilden bygger på de underlag som anges ovan. Uppgifter som omfattas av "
                "sekretess redovisas endast aggregerat."
            ),
            "small",
        )
    )
    if report.attachments:
        story.append(contents.heading(tr("Bilagor"), "h1"))
        story += [_para(a.line) for a in report.attachments]
    if report.document is not None:
        story += chapters(contents, report.document.chapters_at(Placement.AFTER))
    return story


def render_situation_report(report: SituationReport) -> bytes:
    """The report as PDF bytes, with contents, page numbers and bookmarks when long."""
    p = report.picture
    head = report_head(report)
    footer = tr("Intern – ej för spridning") if report.include_internal else ""
    if not footer and p.presented_on is None:
        footer = tr("Arbetsmaterial, version {n}").format(n=p.version)
    meta = PdfMeta(
        title=head.title,
        subject=tr("Lägesbild av brottsligheten i {municipality}").format(
            municipality=report.municipality or tr("kommunen")
        ),
        author=head.author or report.municipality,
        municipality=report.municipality,
        logo=report.logo,
        document_date=head.issued_on or report.generated_on,
        footer_note=footer,
        keywords=[tr("lägesbild"), tr("brottsförebyggande arbete"), report.municipality],
    )
    return render_report(lambda contents: _story(report, head, contents), meta)
