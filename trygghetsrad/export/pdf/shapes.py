"""reportlab shapes whose style keywords the type checker can see.

reportlab's stubs declare `Rect(..., **kw: _SolidShapeKwArgs)` without `Unpack`, which reads
as "every keyword is a whole style dict" and rejects `fillColor=...`. `Rect` itself only hands
its keywords to `setProperties`, so building the plain rectangle and then applying the style
gives the same shape with each keyword checked against the style's real type.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Unpack

from reportlab.graphics.shapes import Rect

if TYPE_CHECKING:
    from reportlab.graphics.shapes import _SolidShapeKwArgs


def rect(
    x: float,
    y: float,
    width: float,
    height: float,
    rx: float = 0,
    ry: float = 0,
    **style: Unpack[_SolidShapeKwArgs],
) -> Rect:
    """`Rect(x, y, width, height, rx, ry, **style)`, with `style` type-checked."""
    shape = Rect(x, y, width, height, rx, ry)
    shape.setProperties(style)
    return shape
