"""The wheel as a PNG without Qt (for the command line): the scene rasterised with Pillow at
twice the size and scaled down, which gives smooth edges. The app itself paints PNGs with Qt."""

from __future__ import annotations

import io
import math
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from trygghetsrad.domain.internal import visible
from trygghetsrad.domain.wheel.geometry import point
from trygghetsrad.domain.wheel.model import WheelDocument
from trygghetsrad.domain.wheel.scene import Circle, Line, Scene, Sector, Text, document_scene

if TYPE_CHECKING:  # Pillow loads only when a PNG is made
    from PIL.ImageFont import FreeTypeFont

SUPERSAMPLE = 2


@cache
def _font(size: int, bold: bool) -> FreeTypeFont:
    from PIL import ImageFont

    from trygghetsrad.paths import resource

    name = "LiberationSans-Bold.ttf" if bold else "LiberationSans-Regular.ttf"
    return ImageFont.truetype(str(resource("fonts", name)), size)


def _sector_points(s: Sector, k: float) -> list[tuple[float, float]]:
    steps = max(2, int((s.a1 - s.a0) / 0.5))
    outer = [
        point(s.cx * k, s.cy * k, s.r1 * k, s.a0 + (s.a1 - s.a0) * i / steps)
        for i in range(steps + 1)
    ]
    inner = [
        point(s.cx * k, s.cy * k, s.r0 * k, s.a1 - (s.a1 - s.a0) * i / steps)
        for i in range(steps + 1)
    ]
    return outer + inner


def render_png(scene: Scene, background: str = "#ffffff") -> bytes:
    from PIL import Image, ImageDraw

    k = SUPERSAMPLE
    w, h = int(scene.width * k), int(scene.height * k)
    image = Image.new("RGB", (w, h), background)
    draw = ImageDraw.Draw(image)
    for prim in scene.primitives:
        if isinstance(prim, Sector):
            if prim.a1 - prim.a0 >= 359.999:
                cx, cy = prim.cx * k, prim.cy * k
                r1, r0 = prim.r1 * k, prim.r0 * k
                draw.ellipse([cx - r1, cy - r1, cx + r1, cy + r1], fill=prim.fill)
                if r0 > 0:
                    draw.ellipse([cx - r0, cy - r0, cx + r0, cy + r0], fill=background)
                continue
            pts = _sector_points(prim, k)
            draw.polygon(
                pts,
                fill=prim.fill,
                outline=prim.stroke if prim.width else None,
                width=max(1, round(prim.width * k)) if prim.width else 0,
            )
        elif isinstance(prim, Circle):
            r = prim.r * k
            box = [prim.x * k - r, prim.y * k - r, prim.x * k + r, prim.y * k + r]
            width = max(1, round(prim.width * k)) if prim.stroke and prim.width else 0
            draw.ellipse(box, fill=prim.fill, outline=prim.stroke if width else None, width=width)
        elif isinstance(prim, Line):
            draw.line(
                [(x * k, y * k) for x, y in prim.points],
                fill=prim.color,
                width=max(1, round(prim.width * k)),
                joint="curve",
            )
        elif isinstance(prim, Text):
            font = _font(max(1, round(prim.size * k)), prim.bold)
            anchor = {"start": "lm", "middle": "mm", "end": "rm"}[prim.anchor]
            if not prim.rotate:
                draw.text(
                    (prim.x * k, prim.y * k), prim.text, fill=prim.color, font=font, anchor=anchor
                )
                continue
            left, top, right, bottom = font.getbbox(prim.text, anchor="lm")
            tw, th = int(right - left) + 4, int(bottom - top) + 4
            size = int(math.hypot(tw, th)) * 2 + 4
            layer = Image.new("L", (size, size), 0)
            ImageDraw.Draw(layer).text(
                (size / 2, size / 2), prim.text, fill=255, font=font, anchor=anchor
            )
            layer = layer.rotate(
                -prim.rotate, resample=Image.Resampling.BICUBIC, center=(size / 2, size / 2)
            )
            ink = Image.new("RGB", (size, size), prim.color)
            image.paste(ink, (int(prim.x * k - size / 2), int(prim.y * k - size / 2)), layer)
    image = image.resize((int(scene.width), int(scene.height)), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def wheel_png(
    doc: WheelDocument, *, include_internal: bool = False, width: int = 2400, height: int = 1600
) -> bytes:
    """The year's wheel as a PNG image (internal items only when asked for)."""
    from trygghetsrad.export.wheel.text import printable_document

    doc = printable_document(replace(doc, items=tuple(visible(doc.items, include_internal))))
    return render_png(document_scene(doc, width, height))
