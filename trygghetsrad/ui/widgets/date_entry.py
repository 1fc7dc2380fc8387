"""A date typed as text (ÅÅÅÅ-MM-DD) with a calendar button: the date field of every form.

QDateEdit silently corrects what is typed: "2026-02-30" becomes 2026-02-03 (the '0' keystroke is
refused) or 2026-02-28, and an incomplete date falls back to the previous value. A date that is
saved must be the date the user typed, so these fields keep the text as typed and `checked()`
refuses an impossible, incomplete or unreasonable date (outside 1900–2100) with a Swedish
message that the form shows under the field.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QStyle,
    QWidget,
)

from trygghetsrad.domain.dates import FIRST_YEAR, LAST_YEAR
from trygghetsrad.domain.dates import parse_date as _parse_date
from trygghetsrad.errors import ValidationError


def parse_date(text: str, field: str) -> date:
    """The date written in `text` (ÅÅÅÅ-MM-DD); ValidationError(field) when it is no date."""
    return _parse_date(text, field)


class DateEntry(QLineEdit):
    """A date as editable text plus a calendar popup; `checked()` is the value to save.

    `dateChanged` is emitted with the typed date whenever the text changes (an invalid QDate
    while the text is not a date), so live previews can follow the typing.
    """

    dateChanged = Signal(QDate)  # noqa: N815 (QDateEdit's name)

    def __init__(self, day: date | None, field: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setPlaceholderText(self.tr("ÅÅÅÅ-MM-DD"))
        self.setMaxLength(12)  # room for a mistyped year (30000-01-01) to stay visible
        self.setMinimumWidth(130)
        self.setToolTip(
            self.tr("Skriv datumet som ÅÅÅÅ-MM-DD (år {lo}–{hi}).").format(
                lo=FIRST_YEAR, hi=LAST_YEAR
            )
        )
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
        self.calendar_action = self.addAction(icon, QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setToolTip(self.tr("Välj i kalendern (Alt+Nedåtpil)"))
        self.calendar_action.triggered.connect(self.show_calendar)
        self.calendar: QCalendarWidget | None = None
        self.textChanged.connect(lambda _text: self.dateChanged.emit(self.date()))
        if day is not None:
            self.setDate(day)

    def setDate(self, day: date | QDate) -> None:  # noqa: N802 (QDateEdit's name)
        if isinstance(day, QDate):
            day = date(day.year(), day.month(), day.day())
        if self.text() != day.isoformat():  # a reload after saving keeps the cursor
            self.setText(day.isoformat())

    def date(self) -> QDate:
        """The typed date (an invalid QDate when the text is not a date)."""
        try:
            d = parse_date(self.text(), self.field)
        except ValidationError:
            return QDate()
        return QDate(d.year, d.month, d.day)

    def checked(self) -> date:
        """The typed date; ValidationError (at this field) when it is not a possible date."""
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
        calendar.setDateRange(QDate(FIRST_YEAR, 1, 1), QDate(LAST_YEAR, 12, 31))
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

    @property
    def field(self) -> str:
        return self.edit.field

    @field.setter
    def field(self, name: str) -> None:
        self.edit.field = name

    def setAccessibleName(self, name: str) -> None:  # noqa: N802
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def setFocus(self, *args: object) -> None:  # noqa: N802 (Qt API)
        """Focus goes to the date text (where an error is), or the check box when it is off."""
        (self.edit if self.check.isChecked() else self.check).setFocus(*args)

    def set_value(self, value: date | None, default: date | None = None) -> None:
        self.edit.setDate(value or default or date.today())
        self.check.setChecked(value is not None)
        self.edit.setEnabled(value is not None)

    def value(self) -> date | None:
        """The checked date, or None when left out; ValidationError when the text is no date."""
        if not self.check.isChecked():
            return None
        return self.edit.checked()
