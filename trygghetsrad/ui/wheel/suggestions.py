"""Dates found in minutes, offered as one-click additions to the wheel."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.dates import date_span, time_span
from trygghetsrad.domain.wheel.dates import DateMention
from trygghetsrad.domain.wheel.model import WheelCategory
from trygghetsrad.errors import UserError
from trygghetsrad.ui.context import AppContext

if TYPE_CHECKING:
    from trygghetsrad.services.wheel.extra import Suggestion


class SuggestionsDialog(QDialog):
    """Dates found in the minutes or in pasted text; "Lägg till" hands one to `on_accept`
    (an undoable edit of the page, which raises a refusal for this dialog to show)."""

    def __init__(
        self,
        ctx: AppContext,
        year: int,
        categories: list[WheelCategory],
        on_accept: Callable[[DateMention], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._on_accept = on_accept
        self.year = year
        self.names = {c.key: c.name for c in categories}
        self.setWindowTitle(self.tr("Datum i protokoll och anteckningar"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumSize(720, 520)
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Datum som nämns i mötesanteckningarna visas nedan. Klistra in annan text, t.ex. "
                "ett gammalt protokoll, och välj Sök datum. Lägg till med ett klick."
            )
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        layout.addWidget(hint)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("Text att söka datum i"))
        self.text.setPlaceholderText(self.tr("Klistra in text här …"))
        self.text.setMaximumHeight(120)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        find = QPushButton(self.tr("Sök datum"))
        find.setAccessibleName(find.text())
        find.clicked.connect(self.find_in_text)
        row.addWidget(find)
        row.addStretch(1)
        layout.addLayout(row)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Förslag"))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.list, 1)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Stäng"))
        buttons.rejected.connect(self.accept)
        layout.addWidget(buttons)
        self.buttons: list[QPushButton] = []
        self.load_from_minutes()

    def load_from_minutes(self) -> None:
        from trygghetsrad.services.wheel import reads as wheel_reads

        self.show_suggestions(wheel_reads.minutes_suggestions(self.ctx.database, self.year))

    def find_in_text(self) -> None:
        from trygghetsrad.services.wheel import reads as wheel_reads

        self.show_suggestions(
            wheel_reads.text_suggestions(
                self.ctx.database, self.year, self.text.toPlainText(), self.tr("Inklistrad text")
            )
        )

    def show_suggestions(self, suggestions: list[Suggestion]) -> None:
        self.list.clear()
        self.buttons = []
        if not suggestions:
            self.list.addItem(self.tr("Inga datum hittades."))
            return
        for suggestion in suggestions:
            m = suggestion.mention
            when = date_span(m.start, m.end)
            span = time_span(m.start_time, m.end_time)
            if span:
                when += f", {span}"
            row = QWidget()
            box = QHBoxLayout(row)
            box.setContentsMargins(6, 2, 6, 2)
            label = QLabel(
                f"<b>{when}</b> – {m.title or self.tr('(utan rubrik)')} "
                f"<span style='color:#5d6873'>· {self.names.get(m.category, m.category)}"
                f"{' · ' + suggestion.source if suggestion.source else ''}</span>"
            )
            label.setToolTip(m.text)
            label.setWordWrap(True)
            button = QPushButton(
                self.tr("Finns redan") if suggestion.already_on_wheel else self.tr("Lägg till")
            )
            button.setEnabled(not suggestion.already_on_wheel)
            button.setAccessibleName(self.tr("Lägg till {title}").format(title=m.title))
            button.clicked.connect(lambda _c=False, m=m, b=button: self._add(m, b))
            box.addWidget(label, 1)
            box.addWidget(button)
            item = QListWidgetItem()
            row.setMinimumWidth(0)
            hint = row.sizeHint()
            hint.setWidth(0)
            hint.setHeight(max(button.sizeHint().height(), label.heightForWidth(520)) + 8)
            item.setSizeHint(hint)
            self.list.addItem(item)
            self.list.setItemWidget(item, row)
            self.buttons.append(button)

    def _add(self, mention: DateMention, button: QPushButton) -> None:
        try:
            self._on_accept(mention)
        except UserError as exc:
            self.error.setText(str(exc))
            return
        button.setText(self.tr("Tillagd"))
        button.setEnabled(False)
