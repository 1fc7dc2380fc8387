"""The agreement PDF: a *samverkansöverenskommelse* or *medborgarlöfte* with its commitments
per party, linked measures, follow-up and signatures.
"""

from __future__ import annotations

from itertools import groupby

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from trygghetsrad.domain.dates import long_date
from trygghetsrad.domain.situation.action_plan import status_label
from trygghetsrad.domain.situation.agreements import AgreementDocument, CommitmentRow
from trygghetsrad.domain.situation.documents import DocumentHead, Placement
from trygghetsrad.export.pdf.base import (
    RULE,
    PdfMeta,
    data_table,
    escape,
    styles,
    table_style,
)
from trygghetsrad.export.pdf.contents import Contents, head_lines, render_report
from trygghetsrad.export.situation.action_plan import (
    CONTENT_WIDTH,
    bullet,
    status_cell,
    user_chapters,
)
from trygghetsrad.export.situation.action_plan_drawing import light_dot
from trygghetsrad.i18n import tr


def _p(text: str, style: str = "cell") -> Paragraph:
    return Paragraph(text, styles()[style])


def agreement_head(doc: AgreementDocument) -> DocumentHead:
    settings, a = doc.document, doc.agreement
    return DocumentHead(
        title=settings.title_or(a.title) if settings else a.title,
        issued_on=settings.issued_on if settings else None,
        author=settings.author if settings else "",
    )


def render_agreement(doc: AgreementDocument) -> bytes:
    head = agreement_head(doc)
    a = doc.agreement
    footer = tr("Innehåller interna uppgifter") if doc.include_internal else ""
    meta = PdfMeta(
        title=head.title,
        subject=a.kind_label,
        author=head.author or doc.municipality,
        municipality=doc.municipality,
        logo=doc.logo,
        document_date=head.issued_on or a.signed_on,
        footer_note=footer,
        keywords=[a.kind_label, tr("Polisen")],
    )
    return render_report(lambda contents: _agreement_story(doc, head, contents), meta)


def _agreement_story(
    doc: AgreementDocument, head: DocumentHead, contents: Contents
) -> list[Flowable]:
    """The agreement's sections in order; each step below is one part of the document."""
    return [
        *_title_block(doc, head),
        *contents.table(),
        *user_chapters(contents, doc.document, Placement.BEFORE),
        *_background(doc, contents),
        *_commitments(doc, contents),
        *_steps(doc, contents),
        # The user's closing chapters come before the signatures, which end an agreement.
        *user_chapters(contents, doc.document, Placement.AFTER),
        *_signatures(doc, contents),
        *_attachments(doc, contents),
    ]


def _title_block(doc: AgreementDocument, head: DocumentHead) -> list[Flowable]:
    """Title, kind and period, the document's own lines, parties and signing date."""
    s = styles()
    a = doc.agreement
    record = [
        [tr("Parter"), "<br/>".join(escape(p) for p in a.party_list) or "–"],
        [
            tr("Period"),
            f"{long_date(a.period_start, weekday=False)} – {long_date(a.period_end, weekday=False)}",
        ],
        [tr("Undertecknad"), long_date(a.signed_on, weekday=False) if a.signed_on else "–"],
    ]
    if a.signed_place.strip():
        record.append([tr("Ort"), escape(a.signed_place.strip())])
    if a.belongs_to_title:
        record.append([tr("Hör till"), escape(a.belongs_to_title)])
    if a.promises:
        record.append([tr("Medborgarlöften"), "<br/>".join(escape(t) for t in a.promises)])
    return [
        Paragraph(escape(head.title), s["title"]),
        Paragraph(
            escape(tr("{kind} · {period}").format(kind=a.kind_label, period=a.period_label)),
            s["subtitle"],
        ),
        *head_lines(head),
        data_table(
            [[_p(escape(k), "cell_bold"), _p(v)] for k, v in record],
            [40 * mm, CONTENT_WIDTH - 40 * mm],
            header=False,
        ),
    ]


def _background(doc: AgreementDocument, contents: Contents) -> list[Flowable]:
    """The background and the focus areas, when the agreement has them."""
    a = doc.agreement
    story: list[Flowable] = []
    if a.background:
        story.append(contents.heading(tr("Bakgrund")))
        story.append(Paragraph(escape(a.background), styles()["body"]))
    if a.focus_list:
        story.append(contents.heading(tr("Fokusområden")))
        for focus in a.focus_list:
            story.append(bullet(escape(focus)))
    return story


def _commitments(doc: AgreementDocument, contents: Contents) -> list[Flowable]:
    """The commitments in the signed text's order (its numbers, where given; else per party),
    under "Polisen lovar …", "Storåkers kommun lovar …" wherever the party changes, each with
    its light, status and linked measures."""
    story: list[Flowable] = [contents.heading(tr("Åtaganden"))]
    if not doc.commitments:
        story.append(Paragraph(tr("Inga åtaganden är inlagda."), styles()["body"]))
    for label, group in groupby(doc.commitments, key=lambda r: r.commitment.party_label):
        rows = list(group)
        block: list[Flowable] = [contents.heading(label + " …", "h2")]
        table: list[list[str | Flowable]] = [
            ["", tr("Åtagande"), tr("Status"), tr("Kopplade åtgärder")]
        ]
        for row in rows:
            c = row.commitment
            table.append(
                [
                    light_dot(row.light.light),
                    _p(_commitment_text(row)),
                    _p(status_cell(status_label(c.status), row.light.reason)),
                    _p("<br/>".join(escape(t) for t in c.measure_titles)),
                ]
            )
        block.append(data_table(table, [6 * mm, 80 * mm, 40 * mm, 44 * mm]))
        story.append(KeepTogether(block) if len(rows) < 6 else block[0])
        if len(rows) >= 6:
            story.extend(block[1:])
    return story


def _commitment_text(row: CommitmentRow) -> str:
    """The commitment, its focus area and its latest follow-up."""
    c = row.commitment
    text = escape(c.numbered_text)
    if c.focus_area:
        text += f"<br/><font size=8 color='#5b6670'>{escape(c.focus_area)}</font>"
    if row.followups:
        f = row.followups[-1]
        text += (
            "<br/><font size=8>"
            + escape(tr("Uppföljt {day}: {done}").format(day=f.noted_on.isoformat(), done=f.done))
            + "</font>"
        )
    return text


def _signatures(doc: AgreementDocument, contents: Contents) -> list[Flowable]:
    """A line to sign on for each signatory, two to a row, and the signing date."""
    a = doc.agreement
    signatories = a.signatory_list
    if not signatories:
        return []
    cells = [_p(escape(name)) for name in signatories]
    grid = [cells[i : i + 2] + [""] * (2 - len(cells[i : i + 2])) for i in range(0, len(cells), 2)]
    signatures = Table(grid, colWidths=[CONTENT_WIDTH / 2 - 5 * mm] * 2, hAlign="LEFT")
    signatures.setStyle(
        table_style(
            ("LINEABOVE", (0, 0), (-1, -1), 0.6, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 22),
            header=False,
            zebra=False,
        )
    )
    story: list[Flowable] = [
        CondPageBreak(50 * mm),
        contents.heading(tr("Underskrifter")),
        Spacer(1, 12 * mm),
        signatures,
    ]
    if a.signed_label:  # "Undertecknat i Storåker den 20 februari 2025."
        story.append(Paragraph(escape(a.signed_label + "."), styles()["small"]))
    return story


def _attachments(doc: AgreementDocument, contents: Contents) -> list[Flowable]:
    """ "Bilagor": the files kept with the agreement, "Bilaga 1: title"."""
    if not doc.attachments:
        return []
    return [
        Spacer(1, 6 * mm),
        contents.heading(tr("Bilagor")),
        *[Paragraph(escape(a.line), styles()["body"]) for a in doc.attachments],
    ]


def _steps(doc: AgreementDocument, contents: Contents) -> list[Flowable]:
    """ "Arbetsmodell": the agreement's own steps in order, each with its follow-up."""
    if not doc.steps:
        return []
    s = styles()
    story: list[Flowable] = [contents.heading(tr("Arbetsmodell"))]
    for number, step in enumerate(doc.steps, start=1):
        block: list[Flowable] = [Paragraph(f"<b>{number}. {escape(step.title)}</b>", s["body"])]
        if step.description.strip():
            block.append(Paragraph(escape(step.description.strip()), s["body"]))
        if step.followup_label:
            block.append(Paragraph(f"<i>{escape(step.followup_label)}</i>", s["small"]))
        story.append(KeepTogether(block))
    return story
