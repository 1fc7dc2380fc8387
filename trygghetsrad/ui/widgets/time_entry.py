"""A time of day typed as text (TT.MM): the time field of every form and page.

QTimeEdit edits a time section by section: selecting the whole time and typing "09.00"
gives 00.00, "11.30" gives .30, and the meeting is saved at a time nobody typed. These
fields keep the text as typed; `checked()` is the typed time, or a Swedish message (at the
field) when the text is no time. Up and Down step by a quarter of an hour.

A time nobody gave is an empty field, never 00.00: `setTime(None)` empties it and
`optional()` reads an empty field back as None.
"""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from trygghetsrad.domain.dates import parse_time
from trygghetsrad.errors import ValidationError

STEP_MINUTES = 15


class TimeEntry(QLineEdit):
    """A time as editable text; `checked()` is the value to save.

    `timeChanged` is emitted with the typed time whenever the text changes (an invalid QTime
    while the text is no time), like QTimeEdit's signal.
    """

    timeChanged = Signal(QTime)  # noqa: N815 (QTimeEdit's name)

    def __init__(self, value: time | None, field: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setPlaceholderText(self.tr("TT.MM"))
        self.setToolTip(self.tr("Skriv tiden som TT.MM, till exempel 09.30. Pil upp/ned: ±15 min."))
        self.setMaxLength(8)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("00.00") + 24)
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("00.00") * 2 + 24)
        self.textChanged.connect(lambda _text: self.timeChanged.emit(self.time()))
        self.setTime(value)

    def setTime(self, value: time | QTime | None) -> None:  # noqa: N802 (QTimeEdit's name)
        """Show `value`; None (or an invalid QTime) empties the field: no time given."""
        if isinstance(value, QTime):
            value = time(value.hour(), value.minute()) if value.isValid() else None
        text = "" if value is None else f"{value.hour:02d}.{value.minute:02d}"
        if self.text() != text:
            self.setText(text)

    def time(self) -> QTime:
        """The typed time (an invalid QTime when the text is no time)."""
        try:
            t = parse_time(self.text(), self.field)
        except ValidationError:
            return QTime()
        return QTime(t.hour, t.minute)

    def checked(self) -> time:
        """The typed time; ValidationError (at this field) when it is no time."""
        return parse_time(self.text(), self.field)

    def optional(self) -> time | None:
        """The typed time, or None when the field is empty; ValidationError (at this field)
        when the text is no time."""
        return self.checked() if self.text().strip() else None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        steps = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}.get(Qt.Key(event.key()))
        current = self.time()
        if steps is None or not current.isValid():
            super().keyPressEvent(event)
            return
        now = current.hour() * 60 + current.minute()
        # To the next quarter up or down (09.10 → 09.15 or 09.00), within the day.
        quarters = now // STEP_MINUTES + 1 if steps > 0 else -(-now // STEP_MINUTES) - 1
        minutes = quarters * STEP_MINUTES
        if 0 <= minutes < 24 * 60:
            self.setTime(time(minutes // 60, minutes % 60))
        event.accept()
