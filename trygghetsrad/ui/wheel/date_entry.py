"""A date typed as text (ÅÅÅÅ-MM-DD) with a calendar button, for the wheel's dialogs.

QDateEdit silently corrects what is typed: "2026-02-30" becomes 2026-02-03 (the '0' keystroke is
refused) or 2026-02-28, and an incomplete date falls back to the previous value. A date that is
saved must be the date the user typed, so these fields keep the text as typed and `checked()`
refuses an impossible or incomplete date with a Swedish message.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QPoint, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QStyle,
    QWidget,
)

from trygghetsrad.errors import ValidationError
from trygghetsrad.i18n import tr

_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})-(\d{1,2})|(\d{2})(\d{2}))\s*$")


def parse_date(text: str, field: str) -> date:
    """The date written in `text` (ÅÅÅÅ-MM-DD); ValidationError when impossible or incomplete."""
    match = _ISO.match(text)
    if not match:
        raise ValidationError(tr("Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-15."), field)
    year, month, day = (int(g) for g in match.groups() if g is not None)
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(
            tr("Datumet {text} finns inte i kalendern. Kontrollera månad och dag.").format(
                text=text.strip()
            ),
            field,
        ) from None


class DateEntry(QLineEdit):
    """A date as editable text plus a calendar popup; `checked()` is the value to save."""

    def __init__(self, day: date, field: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setPlaceholderText(self.tr("ÅÅÅÅ-MM-DD"))
        self.setMaxLength(10)
        self.setMinimumWidth(130)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
        self.calendar_action = self.addAction(icon, QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setToolTip(self.tr("Välj i kalendern (Alt+Nedåtpil)"))
        self.calendar_action.triggered.connect(self.show_calendar)
        self.calendar: QCalendarWidget | None = None
        self.setDate(day)

    def setDate(self, day: date | QDate) -> None:  # noqa: N802 (QDateEdit's name)
        if isinstance(day, QDate):
            day = date(day.year(), day.month(), day.day())
        self.setText(day.isoformat())

    def date(self) -> QDate:
        """The typed date (an invalid QDate when the text is not a date)."""
        try:
            d = parse_date(self.text(), self.field)
        except ValidationError:
            return QDate()
        return QDate(d.year, d.month, d.day)

    def checked(self) -> date:
        return parse_date(self.text(), self.field)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        # Like QDateEdit: Alt+Down or F4 opens the calendar from the keyboard.
        alt_down = (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if alt_down or event.key() == Qt.Key.Key_F4:
            event.accept()
            QTimer.singleShot(0, self.show_calendar)  # after this key event is done
            return
        super().keyPressEvent(event)

    def show_calendar(self) -> None:
        calendar = self.make_calendar()
        calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        calendar.show()

    def make_calendar(self) -> QCalendarWidget:
        """The calendar popup, on the typed date; picking a day writes it and closes."""
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setAccessibleName(self.tr("Kalender"))
        calendar.setGridVisible(True)
        current = self.date()
        if current.isValid():
            calendar.setSelectedDate(current)
        calendar.clicked.connect(lambda d: (self.setDate(d), calendar.close()))
        calendar.activated.connect(lambda d: (self.setDate(d), calendar.close()))
        self.calendar = calendar
        return calendar


class OptionalDateEntry(QWidget):
    """A date that may be left out: a check box in front of a `DateEntry`."""

    def __init__(
        self, check_text: str, value: date | None = None, field: str = "",
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(check_text)
        self.check.setAccessibleName(check_text)
        self.edit = DateEntry(value or date.today(), field)
        self.edit.setAccessibleName(check_text)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.check.toggled.connect(self.edit.setEnabled)
        self.set_value(value)

    def setAccessibleName(self, name: str) -> None:  # noqa: N802
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def set_value(self, value: date | None, default: date | None = None) -> None:
        self.edit.setDate(value or default or date.today())
        self.check.setChecked(value is not None)
        self.edit.setEnabled(value is not None)

    def value(self) -> date | None:
        """The checked date, or None when left out; ValidationError when the text is no date."""
        if not self.check.isChecked():
            return None
        return self.edit.checked()
