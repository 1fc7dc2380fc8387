"""The wheel as SVG, drawn from the same scene as the screen and the poster."""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

from trygghetsrad.domain.wheel.geometry import point
from trygghetsrad.domain.wheel.model import WheelDocument
from trygghetsrad.domain.wheel.scene import Circle, Line, Scene, Sector, Text, document_scene

FONT_FAMILY = "Liberation Sans, Arial, Helvetica, sans-serif"


def _f(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def sector_d(s: Sector) -> str:
    if s.a1 - s.a0 >= 359.999:
        parts = []
        for r in (s.r1, s.r0):
            if r <= 0:
                continue
            parts.append(
                f"M{_f(s.cx - r)} {_f(s.cy)}a{_f(r)} {_f(r)} 0 1 0 {_f(2 * r)} 0"
                f"a{_f(r)} {_f(r)} 0 1 0 {_f(-2 * r)} 0Z"
            )
        return "".join(parts)
    large = 1 if s.a1 - s.a0 > 180 else 0
    x0, y0 = point(s.cx, s.cy, s.r1, s.a0)
    x1, y1 = point(s.cx, s.cy, s.r1, s.a1)
    x2, y2 = point(s.cx, s.cy, s.r0, s.a1)
    x3, y3 = point(s.cx, s.cy, s.r0, s.a0)
    return (
        f"M{_f(x0)} {_f(y0)}A{_f(s.r1)} {_f(s.r1)} 0 {large} 1 {_f(x1)} {_f(y1)}"
        f"L{_f(x2)} {_f(y2)}A{_f(s.r0)} {_f(s.r0)} 0 {large} 0 {_f(x3)} {_f(y3)}Z"
    )


def _paint(fill: str | None, stroke: str | None, width: float) -> str:
    out = f' fill="{fill}"' if fill else ' fill="none"'
    if stroke and width > 0:
        out += f' stroke="{stroke}" stroke-width="{_f(width)}"'
    return out


def scene_svg(scene: Scene, *, title: str = "", background: str | None = "#ffffff") -> str:
    w, h = scene.width, scene.height
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_f(w)}" height="{_f(h)}" '
        f'viewBox="0 0 {_f(w)} {_f(h)}" font-family="{FONT_FAMILY}">',
    ]
    if title:
        out.append(f"<title>{escape(title)}</title>")
    if background:
        out.append(f'<rect width="100%" height="100%" fill="{background}"/>')
    for prim in scene.primitives:
        if isinstance(prim, Sector):
            rule = ' fill-rule="evenodd"' if prim.a1 - prim.a0 >= 359.999 else ""
            out.append(
                f'<path d="{sector_d(prim)}"{rule}{_paint(prim.fill, prim.stroke, prim.width)}/>'
            )
        elif isinstance(prim, Circle):
            out.append(
                f'<circle cx="{_f(prim.x)}" cy="{_f(prim.y)}" r="{_f(prim.r)}"'
                f"{_paint(prim.fill, prim.stroke, prim.width)}/>"
            )
        elif isinstance(prim, Line):
            pts = " ".join(f"{_f(x)},{_f(y)}" for x, y in prim.points)
            dash = ' stroke-dasharray="3 2"' if prim.dash else ""
            out.append(
                f'<polyline points="{pts}" fill="none" stroke="{prim.color}" '
                f'stroke-width="{_f(prim.width)}" stroke-linecap="round"{dash}/>'
            )
        elif isinstance(prim, Text):
            anchor = {"start": "start", "middle": "middle", "end": "end"}[prim.anchor]
            weight = ' font-weight="bold"' if prim.bold else ""
            rotate = (
                f' transform="rotate({_f(prim.rotate)} {_f(prim.x)} {_f(prim.y)})"'
                if not math.isclose(prim.rotate, 0.0)
                else ""
            )
            out.append(
                f'<text x="{_f(prim.x)}" y="{_f(prim.y + 0.35 * prim.size)}" '
                f'font-size="{_f(prim.size)}" fill="{prim.color}" text-anchor="{anchor}"'
                f"{weight}{rotate}>{escape(prim.text)}</text>"
            )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def wheel_svg(
    doc: WheelDocument, *, include_internal: bool = False, width: float = 1600, height: float = 1100
) -> bytes:
    """The year's wheel as an SVG image (internal items only when asked for)."""
    from dataclasses import replace

    from trygghetsrad.domain.internal import visible
    from trygghetsrad.export.wheel.text import printable_document

    doc = printable_document(replace(doc, items=tuple(visible(doc.items, include_internal))))
    scene = document_scene(doc, width, height)
    return scene_svg(scene, title=doc.title).encode("utf-8")
