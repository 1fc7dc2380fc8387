"""The house PDF: embedded Liberation Sans, municipal header, "Sida X av Y", real metadata.

Every workspace builds its documents with `render_pdf(story, meta)` and the styles from
`styles()`, so that no PDF ever falls back to an unembedded Helvetica and all documents
share one look. Import this module only when exporting: reportlab stays off start-up.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Flowable, SimpleDocTemplate, Table, TableStyle

from trygghetsrad import APP_NAME, __version__
from trygghetsrad.i18n import tr
from trygghetsrad.paths import resource

FONT = "TRSans"
FONT_BOLD = "TRSans-Bold"
FONT_ITALIC = "TRSans-Italic"
FONT_BOLD_ITALIC = "TRSans-BoldItalic"

INK = colors.HexColor("#1d2733")
MUTED = colors.HexColor("#5b6670")
ACCENT = colors.HexColor("#1f5a8c")
RULE = colors.HexColor("#c9d1d9")
ZEBRA = colors.HexColor("#f3f6f9")


@cache
def register_fonts() -> str:
    """Register the four static TTFs as one family (so <b> and <i> work); return its name."""
    files = {
        FONT: "LiberationSans-Regular.ttf",
        FONT_BOLD: "LiberationSans-Bold.ttf",
        FONT_ITALIC: "LiberationSans-Italic.ttf",
        FONT_BOLD_ITALIC: "LiberationSans-BoldItalic.ttf",
    }
    for name, filename in files.items():
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
    )
    return FONT


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle(
        "body",
        fontName=FONT,
        fontSize=10.5,
        leading=14.5,
        textColor=INK,
        alignment=TA_LEFT,
        spaceAfter=4,
    )
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11, textColor=MUTED),
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=20,
            leading=25,
            spaceAfter=6,
            textColor=INK,
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontSize=11.5, leading=15, textColor=MUTED, spaceAfter=12
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=14,
            leading=18,
            spaceBefore=12,
            spaceAfter=4,
            textColor=ACCENT,
            keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=11.5,
            leading=15,
            spaceBefore=8,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "label": ParagraphStyle(
            "label", parent=base, fontName=FONT_BOLD, fontSize=9, leading=12, textColor=MUTED
        ),
        "bullet": ParagraphStyle(
            "bullet", parent=base, leftIndent=14, bulletIndent=3, spaceAfter=3
        ),
        "bullet2": ParagraphStyle(
            "bullet2", parent=base, leftIndent=28, bulletIndent=17, spaceAfter=2
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9.5, leading=12.5, spaceAfter=0),
        "cell_bold": ParagraphStyle(
            "cell_bold", parent=base, fontName=FONT_BOLD, fontSize=9.5, leading=12.5, spaceAfter=0
        ),
    }


def table_style(*extra: tuple[Any, ...], header: bool = True, zebra: bool = True) -> TableStyle:
    """A table style that names the embedded font in every FONT command."""
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, 9.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
    ]
    if header:
        commands += [
            ("FONT", (0, 0), (-1, 0), FONT_BOLD, 9),
            ("TEXTCOLOR", (0, 0), (-1, 0), MUTED),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ]
    if zebra:
        commands.append(
            ("ROWBACKGROUNDS", (0, 1 if header else 0), (-1, -1), [colors.white, ZEBRA])
        )
    commands.extend(extra)
    return TableStyle(commands)


def data_table(rows: list[list[Any]], col_widths: list[float], **kwargs: Any) -> Table:
    rows = [[drawable(c) if isinstance(c, str) else c for c in row] for row in rows]
    table = Table(rows, colWidths=col_widths, repeatRows=1 if kwargs.get("header", True) else 0)
    table.setStyle(table_style(**kwargs))
    return table


@dataclass
class PdfMeta:
    title: str
    subject: str = ""
    author: str = ""
    municipality: str = ""
    logo: bytes | None = None
    document_date: date | None = None
    footer_note: str = ""  # e.g. "Reviderad 2026-11-20" or "Intern – ej för spridning"
    keywords: list[str] = field(default_factory=list)


def _make_canvas_class(
    meta: PdfMeta, stats: dict[str, int] | None = None
) -> type[rl_canvas.Canvas]:
    logo_reader = None
    if meta.logo:
        try:
            logo_reader = ImageReader(io.BytesIO(meta.logo))
        except Exception:  # a broken logo must never stop an export
            logo_reader = None

    class NumberedCanvas(rl_canvas.Canvas):
        """Defers page decorations until the page count is known ("Sida X av Y")."""

        # reportlab's own page state, set by Canvas.__init__; the stubs leave it out.
        _pagesize: tuple[float, float]
        _startPage: Callable[[], None]

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []
            self._marks: list[tuple[str, dict[str, Any]]] = []

        def bookmarkPage(  # noqa: N802
            self,
            key: str,
            fit: str = "Fit",
            left: float | None = None,
            top: float | None = None,
            bottom: float | None = None,
            right: float | None = None,
            zoom: float | None = None,
        ) -> Any:
            # The page a bookmark points at exists only when the deferred page is written.
            place = {"left": left, "top": top, "bottom": bottom, "right": right, "zoom": zoom}
            self._marks.append((key, {"fit": fit, **place}))

        def showPage(self) -> None:  # noqa: N802
            self._saved.append(dict(self.__dict__))
            self._marks = []
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            if stats is not None:
                stats["pages"] = total
            for state in self._saved:
                self.__dict__.update(state)
                self._decorate(total)
                for key, kwargs in state["_marks"]:
                    rl_canvas.Canvas.bookmarkPage(self, key, **kwargs)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            self.saveState()
            _draw_header(self, self._pagesize, meta, logo_reader)
            _draw_footer(self, self._pagesize, meta, total)
            self.restoreState()

    return NumberedCanvas


def _draw_header(
    canvas: rl_canvas.Canvas,
    pagesize: tuple[float, float],
    meta: PdfMeta,
    logo: ImageReader | None,
) -> None:
    """The logo, the municipality and the title above a rule at the top of the page."""
    width, height = pagesize
    left, right = 20 * mm, width - 20 * mm
    top = height - 13 * mm
    x = left
    if logo is not None:
        iw, ih = logo.getSize()
        h = 9 * mm
        w = h * iw / ih if ih else h
        canvas.drawImage(logo, left, top - h + 3 * mm, width=w, height=h, mask="auto")
        x = left + w + 3 * mm
    canvas.setFont(FONT_BOLD, 9)
    canvas.setFillColor(INK)
    canvas.drawString(x, top, drawable(meta.municipality or APP_NAME))
    canvas.setFont(FONT, 8.5)
    canvas.setFillColor(MUTED)
    canvas.drawRightString(right, top, drawable(meta.title))
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(left, top - 7 * mm, right, top - 7 * mm)


def _draw_footer(
    canvas: rl_canvas.Canvas, pagesize: tuple[float, float], meta: PdfMeta, total: int
) -> None:
    """A rule, the page number of the total, and the footer note (or the document date)."""
    width = pagesize[0]
    left, right = 20 * mm, width - 20 * mm
    bottom = 11 * mm
    canvas.line(left, bottom + 4 * mm, right, bottom + 4 * mm)
    canvas.setFont(FONT, 8)
    page_text = tr("Sida {page} av {total}").format(page=canvas.getPageNumber(), total=total)
    canvas.drawRightString(right, bottom, page_text)
    footer = meta.footer_note
    if meta.document_date and not footer:
        footer = meta.document_date.isoformat()
    if footer:
        canvas.drawString(left, bottom, drawable(footer))


def render_pdf(
    story: list[Flowable],
    meta: PdfMeta,
    *,
    pagesize: tuple[float, float] = A4,
    margins_mm: tuple[float, float, float, float] = (28, 20, 22, 20),
    stats: dict[str, int] | None = None,
) -> bytes:
    """Lay out `story` on house pages and return the PDF bytes (`stats` gets "pages")."""
    register_fonts()
    buffer = io.BytesIO()
    top, right, bottom, left = margins_mm
    doc = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        topMargin=top * mm,
        rightMargin=right * mm,
        bottomMargin=bottom * mm,
        leftMargin=left * mm,
        title=meta.title,
        author=meta.author or meta.municipality,
        subject=meta.subject,
        creator=f"{APP_NAME} {__version__}",
        producer=f"{APP_NAME} {__version__}",
        keywords=meta.keywords,
        lang="sv-SE",
        initialFontName=FONT,
        initialFontSize=10.5,
    )
    doc.build(story, canvasmaker=_make_canvas_class(meta, stats))
    return buffer.getvalue()


ZWJ = "\u200d"
_SPACES = re.compile(r"  +")
_JOINERS = frozenset("\u200d\ufe0e\ufe0f")  # zero-width joiner, text/emoji presentation


@cache
def _font_chars() -> frozenset[int]:
    """The code points Liberation Sans (all four styles share one cmap) can draw."""
    return frozenset(
        TTFont("cmap", str(resource("fonts", "LiberationSans-Regular.ttf"))).face.charToGlyph
    )


def drawable(text: str) -> str:
    """`text` without the characters the embedded font cannot draw (emoji, symbols, ...).

    Stored text keeps every character; only documents drop them, so no PDF shows empty
    boxes. A dropped emoji takes its whole sequence with it: variation selectors, skin tones
    and zero-width-joined parts ("🙋‍♀️" vanishes, not leaving a stray "♀").
    """
    chars = _font_chars()
    out: list[str] = []
    dropping = False  # inside the sequence of a dropped character
    joined = False  # the previous character was a ZWJ after a dropped one
    for ch in text:
        code = ord(ch)
        if ch in "\n\t":
            out.append(ch)
            dropping = joined = False
        elif ch in _JOINERS:
            if ch == ZWJ and dropping:
                joined = True
            elif ch == ZWJ and code in chars:
                out.append(ch)
        elif joined:
            joined = False  # the part joined to a dropped emoji goes too
        elif code in chars and code >= 32 and not 0x1F3FB <= code <= 0x1F3FF:
            if out and out[-1] == ZWJ:
                out.pop()
            out.append(ch)
            dropping = False
        else:
            dropping = True
            if out and out[-1] == ZWJ:
                out.pop()
    result = "".join(c for c in out if c != ZWJ)
    if len(result) == len(text):
        return result
    # Close the gap a dropped character leaves between words ("Fest 🎉 idag" → "Fest idag").
    return "\n".join(_SPACES.sub(" ", line).strip(" ") for line in result.split("\n"))


def escape(text: str) -> str:
    """Escape user text for a reportlab Paragraph (which reads a small XML dialect).

    Characters the embedded font cannot draw are dropped (`drawable`).
    """
    return (
        drawable(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\n", "<br/>")
    )
