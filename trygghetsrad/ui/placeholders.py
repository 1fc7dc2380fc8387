"""Honest empty states for the workspaces that are not built yet."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.widgets.empty_state import EmptyState


class _Placeholder(QWidget):
    TITLE = ""
    TEXT = ""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(EmptyState(self.tr(self.TITLE), self.tr(self.TEXT)))


class MeetingsPlaceholder(_Placeholder):
    TITLE = "Möten och protokoll"
    TEXT = (
        "Här kommer du att planera rådets och gruppernas möten, föra protokoll och "
        "minnesanteckningar, följa upp uppdrag och skicka kallelser och protokoll som PDF. "
        "Den delen av programmet är ännu inte färdig."
    )


class WheelPlaceholder(_Placeholder):
    TITLE = "Årshjul"
    TEXT = (
        "Här kommer årets plan att visas som ett årshjul: möten, evenemang, kampanjveckor, "
        "lagändringar och mätningar. Den delen av programmet är ännu inte färdig."
    )


class SituationPlaceholder(_Placeholder):
    TITLE = "Lägesbild och åtgärdsplan"
    TEXT = (
        "Här kommer du att samla underlag, bygga kommunens lägesbild, analysera orsaker och "
        "följa upp åtgärdsplanen. Den delen av programmet är ännu inte färdig."
    )
