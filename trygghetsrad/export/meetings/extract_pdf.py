"""An extract of the minutes (*protokollsutdrag*): chosen items of a finalised meeting with
their numbers as printed, the justering as recorded and "Rätt utdraget intygar"."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from trygghetsrad.domain.dates import long_date, short_date
from trygghetsrad.domain.meetings.document import MeetingDocument
from trygghetsrad.export.meetings.minutes_pdf import (
    WIDTH,
    _grid,
    _item,
    _rule,
    _styles,
    cols,
    house_meta,
)
from trygghetsrad.export.pdf.base import FONT, INK, escape, render_pdf
from trygghetsrad.i18n import tr

TITLE = "Protokollsutdrag"


def _header(doc: MeetingDocument, indices: Sequence[int], st: dict[str, Any]) -> list[Any]:
    m = doc.meeting
    numbers = [doc.number(i) for i in indices if doc.number(i)]
    rows = [
        (tr("Sammanträde"), f"{m.kind.label} {doc.groups_label}"),
        (tr("Datum"), doc.when),
    ]
    if numbers:
        rows.append(
            (tr("Paragrafer") if doc.numbering.paragraphs else tr("Punkter"), ", ".join(numbers))
        )
    grid = _grid(
        [
            [Paragraph(escape(label), st["meta_label"]), Paragraph(escape(text), st["meta"])]
            for label, text in rows
        ],
        [38 * mm, WIDTH - 38 * mm],
    )
    return [
        Paragraph(escape(tr(TITLE)), st["title"]),
        Paragraph(escape(doc.groups_label), st["subtitle"]),
        grid,
        Spacer(1, 2 * mm),
        _rule(),
    ]


def _justering(doc: MeetingDocument, st: dict[str, Any]) -> list[Any]:
    """Who adjusted the minutes and when, as recorded: a date nobody gave is not printed."""
    m = doc.meeting
    rows: list[tuple[str, str]] = []
    if doc.is_protocol:
        if m.chair_name:
            rows.append((tr("Ordförande"), m.chair_name))
        rows.append((tr("Justerare"), m.adjuster_name or tr("(ej angiven)")))
        if m.finalised_on:
            rows.append((tr("Justerat"), long_date(m.finalised_on, weekday=False)))
    elif m.finalised_on:
        rows.append((tr("Fastställt"), long_date(m.finalised_on, weekday=False)))
    if not rows:
        return []
    grid = _grid(
        [
            [Paragraph(escape(label), st["meta_label"]), Paragraph(escape(text), st["meta"])]
            for label, text in rows
        ],
        [38 * mm, WIDTH - 38 * mm],
    )
    heading = tr("Justering") if doc.is_protocol else tr("Fastställande")
    return [Spacer(1, 6 * mm), KeepTogether([Paragraph(escape(heading), st["h2"]), grid])]


def _certified(st: dict[str, Any]) -> list[Any]:
    """ "Rätt utdraget intygar", a line to sign on, and lines for the name and the date: left
    blank, for whoever certifies the extract."""
    table = Table(
        [
            ["", "", ""],
            [
                Paragraph(tr("Underskrift"), st["small"]),
                "",
                Paragraph(tr("Namnförtydligande"), st["small"]),
            ],
        ],
        colWidths=cols(60, 10, 60),
        rowHeights=[14 * mm, None],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 10),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                *[("LINEABOVE", (c, 1), (c, 1), 0.6, INK) for c in (0, 2)],
            ]
        )
    )
    return [
        Spacer(1, 10 * mm),
        KeepTogether([Paragraph(escape(tr("Rätt utdraget intygar")), st["h2"]), table]),
    ]


def build_story(doc: MeetingDocument, indices: Sequence[int]) -> list[Any]:
    st = _styles()
    story = _header(doc, indices, st)
    kinds = doc.headings()
    for index in indices:
        kind = kinds[index] if kinds[index] != "\n" else ""
        story += _item(doc, index, doc.items[index], st, kind)
    story += _justering(doc, st)
    story += _certified(st)
    return story


def extract_pdf(doc: MeetingDocument, indices: Sequence[int] | None = None) -> bytes:
    """The items of `doc` at `indices` (see `domain.meetings.extract.extract_indices`); every
    item when none are given."""
    if indices is None:
        indices = range(len(doc.items))
    m = doc.meeting
    numbers = ", ".join(doc.number(i) for i in indices if doc.number(i))
    title = tr("Protokollsutdrag {groups} {day}").format(
        groups=doc.groups_label, day=short_date(m.day)
    )
    if numbers:
        title += f" {numbers}"
    subject = tr("Utdrag ur {kind} från mötet {when}").format(
        kind=m.kind.label.lower(), when=doc.when
    )
    meta = house_meta(doc, title, subject, footer="", keyword=tr(TITLE), day=m.day)
    return render_pdf(build_story(doc, indices), meta)
