"""Pieces shared by the cause-analysis, action-plan, follow-up and agreement pages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QComboBox, QMenu, QPushButton

from trygghetsrad.domain.situation.action_plan import LIGHT_COLOURS, Light, TrafficLight, has_light

_ICONS: dict[str, QIcon] = {}


def qtr(text: str) -> str:
    """Translate a string of the action-plan pages where no widget exists yet (dialog titles)."""
    return QCoreApplication.translate("ActionPlan", text)


def light_icon(light: Light | str, size: int = 14) -> QIcon:
    """A round traffic-light icon; a blank one when the status is not judged (no verdict)."""
    key = f"{light}:{size}"
    if key not in _ICONS:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        if not has_light(light):
            _ICONS[key] = QIcon(pixmap)
            return _ICONS[key]
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(LIGHT_COLOURS[Light(light)]))
        painter.setPen(QColor("#55606c"))
        painter.drawEllipse(1, 1, size - 2, size - 2)
        painter.end()
        _ICONS[key] = QIcon(pixmap)
    return _ICONS[key]


def status_html(status: str, light: TrafficLight) -> str:
    """'● Pågår – Pågår enligt plan'; without a dot (and without repeating itself) when the
    status has not been judged."""
    from html import escape

    text = f"<b>{escape(status)}</b>"
    if light.reason and light.reason != status:
        text += f" – {escape(light.reason)}"
    if has_light(light.light):
        text = f"<span style='color:{light.colour}'>●</span> " + text
    return f"<p>{text}</p>"


def fill_combo(
    combo: QComboBox,
    items: list[tuple[Any, str]],
    current: Any = None,
    none_text: str | None = None,
) -> None:
    combo.blockSignals(True)
    combo.clear()
    if none_text is not None:
        combo.addItem(none_text, None)
    for value, text in items:
        combo.addItem(text, value)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(0, index))
    combo.blockSignals(False)


def iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def parse_number(text: str) -> float | None:
    """'12,5' or '12.5' → 12.5; '' → None; raises ValueError on anything else."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if not cleaned:
        return None
    return float(cleaned)


def attach_export_menu(button: QPushButton, on_export: Callable[[bool], None]) -> QMenu:
    """A PDF button whose menu chooses between the copy for distribution and the internal one."""
    menu = QMenu(button)
    public = menu.addAction(button.tr("För spridning (utan interna uppgifter)…"))
    public.triggered.connect(lambda: on_export(False))
    internal = menu.addAction(button.tr("Med interna uppgifter…"))
    internal.triggered.connect(lambda: on_export(True))
    button.setMenu(menu)
    return menu
