"""PNG of the wheel painted by Qt from the same scene as the screen (used by the app's export)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage, QPainter

from trygghetsrad.domain.internal import visible
from trygghetsrad.domain.wheel.model import WheelDocument
from trygghetsrad.domain.wheel.scene import Scene, document_scene
from trygghetsrad.ui.wheel.painter import PreparedScene


def scene_image(scene: Scene, scale: float = 1.0, background: str = "#ffffff") -> QImage:
    image = QImage(int(scene.width * scale), int(scene.height * scale), QImage.Format.Format_ARGB32)
    image.fill(QColor(background))
    painter = QPainter(image)
    painter.scale(scale, scale)
    PreparedScene(scene).paint(painter)
    painter.end()
    return image


def wheel_png_qt(
    doc: WheelDocument, *, include_internal: bool = False, width: int = 1800, height: int = 1200
) -> bytes:
    doc = replace(doc, items=tuple(visible(doc.items, include_internal)))
    image = scene_image(document_scene(doc, width, height), scale=2.0)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())
