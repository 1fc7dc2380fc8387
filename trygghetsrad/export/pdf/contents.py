"""Headings that become PDF bookmarks (outlines), a table of contents, and the user's own
chapters — shared by every report.

A report builds its story with `Contents.heading(...)` for each section heading and places
`Contents.table()` where the contents belong. `render_report` lays the story out once; a
report of more than two pages is laid out again with the contents table, and a third time
with the page numbers the second pass found (the table has the same height both times, so
the numbers stay true). Shorter documents get neither contents nor the extra passes, but
their headings are still bookmarks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from trygghetsrad.domain.situation.documents import Chapter, DocumentHead
from trygghetsrad.export.pdf.base import PdfMeta, escape, render_pdf, styles, table_style
from trygghetsrad.i18n import tr

MIN_PAGES_FOR_CONTENTS = 3  # "more than two pages"


class _HeadingParagraph(Paragraph):
    """A heading that marks its own page: a bookmark, an outline entry, the page number."""

    def __init__(self, text: str, style: Any, mark: _Entry, contents: Contents) -> None:
        super().__init__(text, style)
        self._mark, self._contents = mark, contents

    def draw(self) -> None:
        canv = self.canv
        _x, top = canv.absolutePosition(0, self.height)
        canv.bookmarkPage(self._mark.key, fit="XYZ", left=0, top=top + 6)
        canv.addOutlineEntry(self._mark.title, self._mark.key, level=self._mark.level)
        canv.showOutline()
        self._contents.found[self._mark.key] = canv.getPageNumber()
        super().draw()


@dataclass
class _Entry:
    key: str
    title: str
    level: int


@dataclass
class Contents:
    """The headings of one layout pass, and the pages the previous pass found for them."""

    with_table: bool = False
    pages: dict[str, int] = field(default_factory=dict)
    entries: list[_Entry] = field(default_factory=list)
    found: dict[str, int] = field(default_factory=dict)

    def heading(
        self, title: str, style: str | ParagraphStyle = "h1", *, level: int | None = None
    ) -> Flowable:
        """A section heading (h1 → level 0, h2 → level 1) that is bookmarked and listed."""
        name = style if isinstance(style, str) else style.name
        level = (1 if name.startswith("h2") else 0) if level is None else level
        # An outline level can't skip one: a sub-heading before any heading is a top one.
        if level > 0 and not any(e.level == level - 1 for e in self.entries):
            level = 0
        entry = _Entry(f"h{len(self.entries) + 1}", title, level)
        self.entries.append(entry)
        paragraph_style = styles()[style] if isinstance(style, str) else style
        return _HeadingParagraph(escape(title), paragraph_style, entry, self)

    def table(self) -> list[Flowable]:
        """The contents: a heading and one row per section, or nothing in a short report."""
        if not self.with_table:
            return []
        return [
            Paragraph(escape(tr("Innehåll")), styles()["h1"]),
            _ContentsTable(self),
            Spacer(1, 4 * mm),
        ]


class _ContentsTable(Flowable):
    """Built when laid out, so that it lists every heading the story registered."""

    def __init__(self, contents: Contents) -> None:
        super().__init__()
        self._contents = contents
        self._table: Table | None = None

    def _build(self) -> Table:
        if self._table is None:
            s = styles()
            rows = [
                [
                    Paragraph(
                        "&nbsp;" * 4 * e.level + escape(e.title),
                        s["cell_bold"] if e.level == 0 else s["cell"],
                    ),
                    Paragraph(str(self._contents.pages.get(e.key, "")), s["cell"]),
                ]
                for e in self._contents.entries
            ]
            self._table = Table(rows or [[""]], colWidths=[150 * mm, 20 * mm], hAlign="LEFT")
            self._table.setStyle(
                table_style(("ALIGN", (1, 0), (1, -1), "RIGHT"), header=False, zebra=False)
            )
        return self._table

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self._build().wrap(available_width, available_height)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return self._build().split(available_width, available_height)

    def draw(self) -> None:
        self._build().drawOn(self.canv, 0, 0)


def render_report(build: Callable[[Contents], list[Flowable]], meta: PdfMeta) -> bytes:
    """Lay out the story `build` makes; with contents and page numbers when it is long."""
    stats: dict[str, int] = {}
    pdf = render_pdf(build(Contents()), meta, stats=stats)
    if stats.get("pages", 0) < MIN_PAGES_FOR_CONTENTS:
        return pdf
    second = Contents(with_table=True)
    render_pdf(build(second), meta)
    return render_pdf(build(Contents(with_table=True, pages=second.found)), meta)


def chapters(contents: Contents, items: Sequence[Chapter]) -> list[Flowable]:
    """The user's chapters: a bookmarked heading and the text, paragraph by paragraph."""
    flow: list[Flowable] = []
    body = styles()["body"]
    for chapter in items:
        flow.append(contents.heading(chapter.heading))
        for part in chapter.body.split("\n\n"):
            if part.strip():
                flow.append(Paragraph(escape(part.strip()), body))
    return flow


def head_lines(head: DocumentHead) -> list[Flowable]:
    """'Utfärdad 3 mars 2027 av Maja Lindqvist' under a title; nothing when neither is set."""
    line = head.issue_line()
    return [Paragraph(escape(line), styles()["body"])] if line else []
