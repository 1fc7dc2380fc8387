"""The editor of one event of the wheel: its fields, its times, how it repeats, and for one
occurrence of a series a row to move or cancel that occurrence alone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from trygghetsrad.domain.dates import date_span
from trygghetsrad.domain.wheel.model import (
    FREQUENCY_LABELS,
    Frequency,
    Recurrence,
    WheelCategory,
    WheelEvent,
)
from trygghetsrad.errors import UserError
from trygghetsrad.ui.wheel.dialogs import swatch
from trygghetsrad.ui.widgets.date_entry import DateEntry, OptionalDateEntry
from trygghetsrad.ui.widgets.form_dialog import FormDialog
from trygghetsrad.ui.widgets.time_entry import TimeEntry

_NTH = ((1, "första"), (2, "andra"), (3, "tredje"), (4, "fjärde"), (-1, "sista"))


def _row(*widgets: QWidget) -> QWidget:
    """Widgets side by side on one form row, left-aligned."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return box


class EventDialog(FormDialog):
    """Create or edit an event of the wheel; for a series opened on one occurrence, that
    occurrence can be moved or cancelled alone."""

    def __init__(
        self,
        categories: list[WheelCategory],
        on_save: Callable[[dict[str, Any]], object],
        parent: QWidget | None = None,
        *,
        event: WheelEvent | None = None,
        start: date | None = None,
        category: str | None = None,
        occurrence: date | None = None,
        on_move_occurrence: Callable[[date, date], object] | None = None,
        on_cancel_occurrence: Callable[[date], object] | None = None,
    ) -> None:
        self._on_move_occurrence = on_move_occurrence
        self._on_cancel_occurrence = on_cancel_occurrence
        title = self.tr("Ny händelse") if event is None else self.tr("Redigera händelse")
        super().__init__(title, on_save, parent)
        self.setMinimumWidth(620)
        self.occurrence = occurrence
        first = event.start if event else (start or date.today())
        self._add_what_and_when(categories, event, first, category)
        self._add_times(event)
        self._add_details(event)
        rec = event.recurrence if event else Recurrence()
        self._add_recurrence(rec, first)
        if event is not None and occurrence is not None and rec.repeats:
            self._add_occurrence_row(occurrence)
        self.title_edit.setFocus()

    # -- building ----------------------------------------------------------------------------

    def _add_what_and_when(
        self,
        categories: list[WheelCategory],
        event: WheelEvent | None,
        first: date,
        category: str | None,
    ) -> None:
        self.title_edit = QLineEdit(event.title if event else "")
        self.add_field("title", self.tr("Rubrik"), self.title_edit)
        self.category_box = QComboBox()
        for cat in categories:
            self.category_box.addItem(swatch(cat.color), cat.name, cat.key)
        wanted = event.category if event else (category or "events")
        self.category_box.setCurrentIndex(max(0, self.category_box.findData(wanted)))
        self.add_field("category", self.tr("Ring"), self.category_box)
        self.start_edit = DateEntry(first, "start")
        self.add_field("start", self.tr("Datum"), self.start_edit)
        self.end_edit = OptionalDateEntry(
            self.tr("Flera dagar, till och med"), event.end if event else None, "end"
        )
        if not (event and event.end):
            self.end_edit.set_value(None, first)
        self.add_field("end", self.tr("Slutdatum"), self.end_edit)

    def _add_times(self, event: WheelEvent | None) -> None:
        self.time_check = QCheckBox(self.tr("Klockslag"))
        self.time_check.setAccessibleName(self.tr("Klockslag"))
        # Only the times the event was given: none behind an unticked box, no end it lacks.
        self.start_time = TimeEntry(event.start_time if event else None, "start_time")
        self.end_time = TimeEntry(event.end_time if event else None, "end_time")
        self.start_time.setAccessibleName(self.tr("Starttid"))
        self.end_time.setAccessibleName(self.tr("Sluttid"))
        times = _row(self.time_check, self.start_time, QLabel("–"), self.end_time)
        self.time_check.toggled.connect(self.start_time.setEnabled)
        self.time_check.toggled.connect(self.end_time.setEnabled)
        self.time_check.toggled.connect(lambda on: on and self.start_time.setFocus())
        self.time_check.setChecked(bool(event and event.start_time))
        self.start_time.setEnabled(self.time_check.isChecked())
        self.end_time.setEnabled(self.time_check.isChecked())
        self.add_field("start_time", self.tr("Tid"), times)
        self.show_errors_of("end_time", "start_time", self.end_time)

    def _add_details(self, event: WheelEvent | None) -> None:
        self.place_edit = QLineEdit(event.place if event else "")
        self.add_field("place", self.tr("Plats"), self.place_edit)
        self.responsible_edit = QLineEdit(event.responsible if event else "")
        self.add_field("responsible", self.tr("Ansvarig"), self.responsible_edit)
        self.description_edit = QPlainTextEdit(event.description if event else "")
        self.description_edit.setMaximumHeight(80)
        self.add_field("description", self.tr("Beskrivning"), self.description_edit)
        self.internal_check = QCheckBox(
            self.tr("Intern – tas inte med i affisch, bilder och kalenderfil")
        )
        self.internal_check.setChecked(bool(event and event.internal))
        self.add_field("internal", self.tr("Intern"), self.internal_check)

    def _add_recurrence(self, rec: Recurrence, first: date) -> None:
        self.frequency_box = QComboBox()
        for freq, label in FREQUENCY_LABELS.items():
            self.frequency_box.addItem(self.tr(label), freq.value)
        self.frequency_box.setCurrentIndex(self.frequency_box.findData(rec.frequency.value))
        self.frequency_box.setAccessibleName(self.tr("Upprepning"))
        self.interval_spin = QSpinBox()
        self.interval_spin.setRange(1, 52)
        self.interval_spin.setValue(rec.interval)
        self.interval_spin.setPrefix(self.tr("var "))
        self.interval_spin.setAccessibleName(self.tr("Intervall"))
        self.interval_spin.setToolTip(self.tr("T.ex. var 3:e månad = fyra gånger per år"))
        self.nth_box = QComboBox()
        for value, label in _NTH:
            self.nth_box.addItem(self.tr(label), value)
        self.nth_box.setCurrentIndex(max(0, self.nth_box.findData(rec.nth or 1)))
        self.nth_box.setAccessibleName(self.tr("Vilken veckodag i månaden"))
        self.week_spin = QSpinBox()
        self.week_spin.setRange(1, 53)
        self.week_spin.setPrefix(self.tr("vecka "))
        self.week_spin.setValue(rec.week or first.isocalendar()[1])
        self.week_spin.setAccessibleName(self.tr("Veckonummer"))
        box = _row(self.frequency_box, self.interval_spin, self.nth_box, self.week_spin)
        self.add_field("recurrence", self.tr("Upprepas"), box)
        self.until_edit = OptionalDateEntry(self.tr("Till och med"), rec.until, "until")
        self.add_field("until", self.tr("Slutar"), self.until_edit)
        self.frequency_box.currentIndexChanged.connect(self._sync_recurrence)
        self._sync_recurrence()

    def _add_occurrence_row(self, occurrence: date) -> None:
        self.move_edit = DateEntry(occurrence)
        self.move_edit.setAccessibleName(self.tr("Nytt datum för detta tillfälle"))
        move = QPushButton(self.tr("Flytta tillfället"))
        cancel = QPushButton(self.tr("Ställ in tillfället"))
        for b in (move, cancel):
            b.setAccessibleName(b.text())
        row = _row(self.move_edit, move, cancel)
        move.clicked.connect(
            lambda: self._call_and_close(
                self._on_move_occurrence and self._move_occurrence_to_typed_date, occurrence
            )
        )
        cancel.clicked.connect(lambda: self._call_and_close(self._on_cancel_occurrence, occurrence))
        self.add_field(
            "occurrence",
            self.tr("Detta tillfälle"),
            row,
            hint=self.tr(
                "Tillfället {day}: flytta eller ställ in bara det. Ändringar ovan gäller hela serien."
            ).format(day=date_span(occurrence, None)),
        )

    # -- behaviour ---------------------------------------------------------------------------

    def _move_occurrence_to_typed_date(self, occurrence: date) -> None:
        assert self._on_move_occurrence is not None
        self._on_move_occurrence(occurrence, self.move_edit.checked())

    def _call_and_close(self, callback: Callable[..., object] | None, *args: Any) -> None:
        if callback is None:
            return
        try:
            callback(*args)
        except UserError as exc:
            self.show_error(exc)
            return
        self.accept()

    def _sync_recurrence(self) -> None:
        freq = Frequency(self.frequency_box.currentData())
        self.interval_spin.setVisible(
            freq in (Frequency.WEEKLY, Frequency.MONTHLY, Frequency.MONTHLY_NTH)
        )
        self.nth_box.setVisible(freq is Frequency.MONTHLY_NTH)
        self.week_spin.setVisible(freq is Frequency.YEARLY_WEEK)
        self.until_edit.setEnabled(freq is not Frequency.NONE)

    def values(self) -> dict[str, Any]:
        start = self.start_edit.checked()  # checked in this order: the first refusal shows
        timed = self.time_check.isChecked()
        start_time = self.start_time.checked() if timed else None
        end_time = self.end_time.optional() if timed else None
        return {
            "title": self.title_edit.text(),
            "category": self.category_box.currentData(),
            "start": start,
            "end": self.end_edit.value(),
            "start_time": start_time,
            "end_time": end_time,
            "place": self.place_edit.text(),
            "responsible": self.responsible_edit.text(),
            "description": self.description_edit.toPlainText(),
            "internal": self.internal_check.isChecked(),
            "recurrence": self._recurrence(),
        }

    def _recurrence(self) -> Recurrence:
        freq = Frequency(self.frequency_box.currentData())
        return Recurrence(
            freq,
            self.interval_spin.value() if self.interval_spin.isVisibleTo(self) else 1,
            self.until_edit.value() if freq is not Frequency.NONE else None,
            None,
            self.nth_box.currentData() if freq is Frequency.MONTHLY_NTH else None,
            self.week_spin.value() if freq is Frequency.YEARLY_WEEK else None,
        )
