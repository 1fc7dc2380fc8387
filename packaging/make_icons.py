"""Render the application icon from its SVG sources to PNGs and a Windows .ico.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py

Uses only what the app already depends on: QtSvg (PySide6-Essentials) renders, Pillow
(a reportlab dependency) writes the .ico. Sizes up to 32 px come from the simplified
`trygghetsrad-small.svg`; larger ones from `trygghetsrad.svg`.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
SMALL_UP_TO = 32


def render(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    source = ICONS / ("trygghetsrad-small.svg" if size <= SMALL_UP_TO else "trygghetsrad.svg")
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"cannot render {source}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def main() -> int:
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    images = {}
    for size in SIZES:
        png = render(size)
        (ICONS / f"trygghetsrad-{size}.png").write_bytes(png)
        images[size] = Image.open(io.BytesIO(png)).convert("RGBA")
    # Pillow writes every requested size from the frames it is given (largest first).
    ordered = [images[s] for s in sorted(SIZES, reverse=True)]
    ordered[0].save(
        ICONS / "trygghetsrad.ico",
        format="ICO",
        sizes=[(s, s) for s in SIZES],
        append_images=ordered[1:],
    )
    print(f"wrote {len(SIZES)} PNGs and trygghetsrad.ico to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
