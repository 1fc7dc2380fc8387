"""The wheel's texts as the exports can draw them.

The poster, the PNG and the SVG are drawn with Liberation Sans, which has no emoji: a title
like "Grillkväll med 👩‍👧 & unga" came out as "Grillkväll med ‍♀ & unga". The scene is laid out
from the cleaned texts, so label widths match what is drawn. Stored text keeps every character.
"""

from __future__ import annotations

from dataclasses import replace

from trygghetsrad.domain.wheel.model import WheelDocument
from trygghetsrad.i18n import tr


def printable_document(doc: WheelDocument) -> WheelDocument:
    """`doc` with the characters the font cannot draw dropped from every text on the wheel."""
    from trygghetsrad.export.pdf.base import drawable  # reportlab only on export paths

    def clean(text: str, fallback: str = "") -> str:
        kept = " ".join(drawable(text).split())
        return kept or fallback

    return replace(
        doc,
        items=tuple(replace(i, title=clean(i.title, tr("Händelse"))) for i in doc.items),
        categories=tuple(replace(c, name=clean(c.name, tr("Ring"))) for c in doc.categories),
        holidays=tuple(replace(h, name=clean(h.name)) for h in doc.holidays),
    )
