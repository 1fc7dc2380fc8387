"""What the Årshjul page's action modules need of the page (`page.WheelPage` has it).

A protocol rather than the class itself: the page imports its action modules, so they
cannot import the page back (no import cycles)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox

from trygghetsrad.domain.wheel.geometry import Span
from trygghetsrad.domain.wheel.model import WheelCategory, WheelPlan
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.wheel.widget import AnnualWheelWidget


class WheelHost(Protocol):
    """The page (a QWidget: also the parent of the dialogs and message boxes it opens)."""

    ctx: AppContext
    stack: QUndoStack
    wheel: AnnualWheelWidget
    ring_filter: QComboBox
    year: int
    today: date
    include_internal_exports: bool
    export_task: Any

    @property
    def categories(self) -> list[WheelCategory]: ...
    @property
    def plan(self) -> WheelPlan: ...
    def tr(self, text: str) -> str: ...
    def view_span(self) -> Span: ...
    def year_text(self) -> str: ...
    def set_year(self, year: int) -> None: ...
    def select_event(self, event_id: int, near: date) -> None: ...
    def exported(self, path: Path) -> None: ...
