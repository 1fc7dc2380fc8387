"""The agreement PDF: a *samverkansöverenskommelse* or *medborgarlöfte* with its commitments
per party, linked measures, follow-up and signatures.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from trygghetsrad.domain.action_plan import status_label
from trygghetsrad.domain.agreements import AgreementDocument, Party
from trygghetsrad.domain.dates import long_date
from trygghetsrad.domain.situation_documents import DocumentHead, Placement
from trygghetsrad.export.action_plan import CONTENT_WIDTH, bullet, status_cell, user_chapters
from trygghetsrad.export.action_plan_drawing import light_dot
from trygghetsrad.export.pdf.base import (
    RULE,
    PdfMeta,
    data_table,
    escape,
    styles,
    table_style,
)
from trygghetsrad.export.pdf.contents import Contents, head_lines, render_report
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
    s = styles()
    a = doc.agreement
    story: list[Flowable] = [
        Paragraph(escape(head.title), s["title"]),
        Paragraph(
            escape(tr("{kind} · {period}").format(kind=a.kind_label, period=a.period_label)),
            s["subtitle"],
        ),
        *head_lines(head),
    ]
    record = [
        [tr("Parter"), "<br/>".join(escape(p) for p in a.party_list) or "–"],
        [
            tr("Period"),
            f"{long_date(a.period_start, weekday=False)} – {long_date(a.period_end, weekday=False)}",
        ],
        [tr("Undertecknad"), long_date(a.signed_on, weekday=False) if a.signed_on else "–"],
    ]
    story.append(
        data_table(
            [[_p(escape(k), "cell_bold"), _p(v)] for k, v in record],
            [40 * mm, CONTENT_WIDTH - 40 * mm],
            header=False,
        )
    )
    story += contents.table()
    story += user_chapters(contents, doc.document, Placement.BEFORE)
    if a.background:
        story.append(contents.heading(tr("Bakgrund")))
        story.append(Paragraph(escape(a.background), s["body"]))
    if a.focus_list:
        story.append(contents.heading(tr("Fokusområden")))
        for focus in a.focus_list:
            story.append(bullet(escape(focus)))

    story.append(contents.heading(tr("Åtaganden")))
    if not doc.commitments:
        story.append(Paragraph(tr("Inga åtaganden är inlagda."), s["body"]))
    for party in Party:
        rows = [r for r in doc.commitments if r.commitment.party == party]
        if not rows:
            continue
        block: list[Flowable] = [contents.heading(party.label + " …", "h2")]
        table: list[list[str | Flowable]] = [
            ["", tr("Åtagande"), tr("Status"), tr("Kopplade åtgärder")]
        ]
        for row in rows:
            c = row.commitment
            text = escape(c.text)
            if c.focus_area:
                text += f"<br/><font size=8 color='#5b6670'>{escape(c.focus_area)}</font>"
            if row.followups:
                f = row.followups[-1]
                text += (
                    "<br/><font size=8>"
                    + escape(
                        tr("Uppföljt {day}: {done}").format(day=f.noted_on.isoformat(), done=f.done)
                    )
                    + "</font>"
                )
            status = status_label(c.status)
            table.append(
                [
                    light_dot(row.light.light),
                    _p(text),
                    _p(status_cell(status, row.light.reason)),
                    _p("<br/>".join(escape(t) for t in c.measure_titles)),
                ]
            )
        block.append(data_table(table, [6 * mm, 80 * mm, 40 * mm, 44 * mm]))
        story.append(KeepTogether(block) if len(rows) < 6 else block[0])
        if len(rows) >= 6:
            story.extend(block[1:])

    # The user's closing chapters come before the signatures, which end an agreement.
    story += user_chapters(contents, doc.document, Placement.AFTER)
    signatories = a.signatory_list
    if signatories:
        story.append(CondPageBreak(50 * mm))
        story.append(contents.heading(tr("Underskrifter")))
        story.append(Spacer(1, 12 * mm))
        cells = []
        for name in signatories:
            cells.append(_p(escape(name)))
        grid = [
            cells[i : i + 2] + [""] * (2 - len(cells[i : i + 2])) for i in range(0, len(cells), 2)
        ]
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
        story.append(signatures)
        if a.signed_on:
            story.append(
                Paragraph(
                    escape(
                        tr("Undertecknat {day}.").format(day=long_date(a.signed_on, weekday=False))
                    ),
                    s["small"],
                )
            )
    return story
