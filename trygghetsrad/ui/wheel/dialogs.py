"""Editors of the annual wheel: event, rings (categories), plan status, owned items, suggestions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import Any

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.calendar_items import CalendarItem
from trygghetsrad.domain.dates import MONTHS, date_span, time_span
from trygghetsrad.domain.wheel import (
    FREQUENCY_LABELS,
    Frequency,
    PlanStatus,
    Recurrence,
    WheelCategory,
    WheelEvent,
    WheelPlan,
)
from trygghetsrad.domain.wheel import clean_text as clean_wheel_text
from trygghetsrad.errors import UserError
from trygghetsrad.ui.widgets.date_entry import DateEntry, OptionalDateEntry
from trygghetsrad.ui.widgets.form_dialog import FormDialog
from trygghetsrad.ui.widgets.time_entry import TimeEntry


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def swatch(color: str, size: int = 14) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(QColor(color))
    return QIcon(pix)


def _date_edit(day: date, field: str = "") -> DateEntry:
    return DateEntry(day, field)


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
        self.title_edit = self.add_field(
            "title", self.tr("Rubrik"), QLineEdit(event.title if event else "")
        )
        self.category_box = QComboBox()
        for cat in categories:
            self.category_box.addItem(swatch(cat.color), cat.name, cat.key)
        wanted = event.category if event else (category or "events")
        index = self.category_box.findData(wanted)
        self.category_box.setCurrentIndex(max(0, index))
        self.add_field("category", self.tr("Ring"), self.category_box)
        self.start_edit = self.add_field("start", self.tr("Datum"), _date_edit(first, "start"))
        self.end_edit = OptionalDateEntry(
            self.tr("Flera dagar, till och med"), event.end if event else None, "end"
        )
        if not (event and event.end):
            self.end_edit.set_value(None, first)
        self.add_field("end", self.tr("Slutdatum"), self.end_edit)
        times = QWidget()
        row = QHBoxLayout(times)
        row.setContentsMargins(0, 0, 0, 0)
        self.time_check = QCheckBox(self.tr("Klockslag"))
        self.time_check.setAccessibleName(self.tr("Klockslag"))
        self.start_time = TimeEntry(time(10, 0), "start_time")
        self.end_time = TimeEntry(time(12, 0), "end_time")
        for edit, name in (
            (self.start_time, self.tr("Starttid")),
            (self.end_time, self.tr("Sluttid")),
        ):
            edit.setAccessibleName(name)
        row.addWidget(self.time_check)
        row.addWidget(self.start_time)
        row.addWidget(QLabel("–"))
        row.addWidget(self.end_time)
        row.addStretch(1)
        self.time_check.toggled.connect(self.start_time.setEnabled)
        self.time_check.toggled.connect(self.end_time.setEnabled)
        if event and event.start_time:
            self.start_time.setTime(QTime(event.start_time.hour, event.start_time.minute))
            if event.end_time:
                self.end_time.setTime(QTime(event.end_time.hour, event.end_time.minute))
        self.time_check.setChecked(bool(event and event.start_time))
        self.start_time.setEnabled(self.time_check.isChecked())
        self.end_time.setEnabled(self.time_check.isChecked())
        self.add_field("start_time", self.tr("Tid"), times)
        self.show_errors_of("end_time", "start_time", self.end_time)
        self.place_edit = self.add_field(
            "place", self.tr("Plats"), QLineEdit(event.place if event else "")
        )
        self.responsible_edit = self.add_field(
            "responsible", self.tr("Ansvarig"), QLineEdit(event.responsible if event else "")
        )
        self.description_edit = QPlainTextEdit(event.description if event else "")
        self.description_edit.setMaximumHeight(80)
        self.add_field("description", self.tr("Beskrivning"), self.description_edit)
        self.internal_check = QCheckBox(
            self.tr("Intern – tas inte med i affisch, bilder och kalenderfil")
        )
        self.internal_check.setChecked(bool(event and event.internal))
        self.add_field("internal", self.tr("Intern"), self.internal_check)
        # Recurrence
        rec = event.recurrence if event else Recurrence()
        box = QWidget()
        grid = QHBoxLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
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
        for value, label in (
            (1, "första"),
            (2, "andra"),
            (3, "tredje"),
            (4, "fjärde"),
            (-1, "sista"),
        ):
            self.nth_box.addItem(self.tr(label), value)
        self.nth_box.setCurrentIndex(max(0, self.nth_box.findData(rec.nth or 1)))
        self.nth_box.setAccessibleName(self.tr("Vilken veckodag i månaden"))
        self.week_spin = QSpinBox()
        self.week_spin.setRange(1, 53)
        self.week_spin.setPrefix(self.tr("vecka "))
        self.week_spin.setValue(rec.week or first.isocalendar()[1])
        self.week_spin.setAccessibleName(self.tr("Veckonummer"))
        for w in (self.frequency_box, self.interval_spin, self.nth_box, self.week_spin):
            grid.addWidget(w)
        grid.addStretch(1)
        self.add_field("recurrence", self.tr("Upprepas"), box)
        self.until_edit = OptionalDateEntry(self.tr("Till och med"), rec.until, "until")
        self.add_field("until", self.tr("Slutar"), self.until_edit)
        self.frequency_box.currentIndexChanged.connect(self._sync_recurrence)
        self._sync_recurrence()
        if event is not None and occurrence is not None and rec.repeats:
            self._add_occurrence_row(occurrence)
        self.title_edit.setFocus()

    def _add_occurrence_row(self, occurrence: date) -> None:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.move_edit = _date_edit(occurrence)
        self.move_edit.setAccessibleName(self.tr("Nytt datum för detta tillfälle"))
        move = QPushButton(self.tr("Flytta tillfället"))
        cancel = QPushButton(self.tr("Ställ in tillfället"))
        for b in (move, cancel):
            b.setAccessibleName(b.text())
        layout.addWidget(self.move_edit)
        layout.addWidget(move)
        layout.addWidget(cancel)
        layout.addStretch(1)
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
        freq = Frequency(self.frequency_box.currentData())
        start = self.start_edit.checked()  # type: ignore[attr-defined]
        timed = self.time_check.isChecked()
        st = self.start_time.checked() if timed else None  # type: ignore[attr-defined]
        et = self.end_time.checked() if timed else None  # type: ignore[attr-defined]
        return {
            "title": self.title_edit.text(),  # type: ignore[attr-defined]
            "category": self.category_box.currentData(),
            "start": start,
            "end": self.end_edit.value(),
            "start_time": st,
            "end_time": et,
            "place": self.place_edit.text(),  # type: ignore[attr-defined]
            "responsible": self.responsible_edit.text(),  # type: ignore[attr-defined]
            "description": self.description_edit.toPlainText(),
            "internal": self.internal_check.isChecked(),
            "recurrence": Recurrence(
                freq,
                self.interval_spin.value() if self.interval_spin.isVisibleTo(self) else 1,
                self.until_edit.value() if freq is not Frequency.NONE else None,
                None,
                self.nth_box.currentData() if freq is Frequency.MONTHLY_NTH else None,
                self.week_spin.value() if freq is Frequency.YEARLY_WEEK else None,
            ),
        }


class CategoryDialog(QDialog):
    """Rings: names, colours, visibility and order (outermost first); add and remove own rings.

    Each change is applied at once through the callbacks, so undo and refresh stay simple."""

    def __init__(
        self,
        categories: list[WheelCategory],
        actions: dict[str, Callable[..., object]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ringar i årshjulet"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumSize(520, 420)
        self._actions = actions
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Den översta ringen ligger ytterst i hjulet, närmast månaderna."))
        hint.setProperty("role", "hint")
        layout.addWidget(hint)
        body = QHBoxLayout()
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Ringar"))
        body.addWidget(self.list, 1)
        side = QVBoxLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Namn"))
        self.color_button = QPushButton(self.tr("Färg…"))
        self.visible_check = QCheckBox(self.tr("Visas i hjulet"))
        self.up_button = QPushButton(self.tr("Flytta utåt"))
        self.down_button = QPushButton(self.tr("Flytta inåt"))
        self.add_button = QPushButton(self.tr("Ny ring…"))
        self.delete_button = QPushButton(self.tr("Ta bort"))
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        side.addWidget(QLabel(self.tr("Namn")))
        side.addWidget(self.name_edit)
        side.addWidget(self.error)  # right under the name: a refused name says why there
        for w in (
            self.color_button,
            self.visible_check,
            self.up_button,
            self.down_button,
            self.add_button,
            self.delete_button,
        ):
            w.setAccessibleName(w.text())
            side.addWidget(w)
        side.addStretch(1)
        body.addLayout(side)
        layout.addLayout(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Stäng"))
        buttons.rejected.connect(self.accept)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._on_row)
        self.name_edit.editingFinished.connect(self._on_rename)
        self.visible_check.toggled.connect(self._on_visible)
        self.color_button.clicked.connect(self._on_color)
        self.up_button.clicked.connect(lambda: self._on_move(-1))
        self.down_button.clicked.connect(lambda: self._on_move(1))
        self.add_button.clicked.connect(self._on_add)
        self.delete_button.clicked.connect(self._on_delete)
        self.set_categories(categories)

    def set_categories(self, categories: list[WheelCategory], select: int | None = None) -> None:
        current = select if select is not None else self.current_id()
        self._categories = categories
        self.list.blockSignals(True)
        self.list.clear()
        for cat in categories:
            item = QListWidgetItem(
                swatch(cat.color, 16),
                cat.name if cat.visible else f"{cat.name} " + self.tr("(dold)"),
            )
            item.setData(Qt.ItemDataRole.UserRole, cat.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [c.id for c in categories]
        self.list.setCurrentRow(ids.index(current) if current in ids else 0)
        self._on_row(self.list.currentRow())

    def current(self) -> WheelCategory | None:
        row = self.list.currentRow()
        return self._categories[row] if 0 <= row < len(self._categories) else None

    def current_id(self) -> int | None:
        cat = self.current() if hasattr(self, "_categories") else None
        return cat.id if cat else None

    def _on_row(self, _row: int) -> None:
        cat = self.current()
        if cat is None:
            return
        self.name_edit.setText(cat.name)
        self.visible_check.blockSignals(True)
        self.visible_check.setChecked(cat.visible)
        self.visible_check.blockSignals(False)
        self.delete_button.setEnabled(not cat.standard)
        self.error.clear()

    def _run(self, name: str, *args: Any) -> None:
        self.error.clear()
        try:
            result = self._actions[name](*args)
        except UserError as exc:
            self.error.setText(str(exc))
            return
        if isinstance(result, list):
            self.set_categories(result)

    def _on_rename(self) -> None:
        cat = self.current()
        if cat and self.name_edit.text().strip() != cat.name:
            self._run("update", cat.id, self.name_edit.text(), cat.color, cat.visible)

    def _on_visible(self, visible: bool) -> None:
        cat = self.current()
        if cat:
            self._run("update", cat.id, cat.name, cat.color, visible)

    def _on_color(self) -> None:
        cat = self.current()
        if cat is None:
            return
        color = QColorDialog.getColor(
            QColor(cat.color), self, self.tr("Färg för {name}").format(name=cat.name)
        )
        if color.isValid():
            self._run("update", cat.id, cat.name, color.name(), cat.visible)

    def _on_move(self, step: int) -> None:
        row = self.list.currentRow()
        ids = [c.id for c in self._categories]
        target = row + step
        if not 0 <= target < len(ids):
            return
        ids[row], ids[target] = ids[target], ids[row]
        self._run("reorder", ids)
        self.list.setCurrentRow(target)

    def _on_add(self) -> None:
        self._run("create", self.tr("Ny ring {n}").format(n=len(self._categories) + 1), "#5b7c99")
        self.list.setCurrentRow(self.list.count() - 1)
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    def _on_delete(self) -> None:
        cat = self.current()
        if cat:
            self._run("delete", cat.id)


class PlanDialog(FormDialog):
    """The year's plan: draft or adopted (date, by whom, with reservation), and its changes."""

    def __init__(
        self,
        plan: WheelPlan,
        on_save: Callable[[dict[str, Any]], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Årets plan {year}").format(year=plan.year), on_save, parent)
        self.status_box = QComboBox()
        self.status_box.addItem(self.tr("Utkast"), PlanStatus.DRAFT.value)
        self.status_box.addItem(self.tr("Fastställd"), PlanStatus.ADOPTED.value)
        self.status_box.setCurrentIndex(self.status_box.findData(plan.status.value))
        self.add_field("status", self.tr("Status"), self.status_box)
        self.adopted_edit = self.add_field(
            "adopted_on",
            self.tr("Fastställd den"),
            DateEntry(plan.adopted_on, "adopted_on"),  # empty until the user gives the date
        )
        self.by_edit = self.add_field(
            "adopted_by",
            self.tr("Fastställd av"),
            QLineEdit(plan.adopted_by or self.tr("Trygghetsrådet")),
        )
        self.reservation_check = QCheckBox(self.tr("med reservation för korrigeringar under året"))
        self.reservation_check.setChecked(plan.reservation)
        self.add_field("reservation", self.tr("Reservation"), self.reservation_check)
        self.month_box = QComboBox()
        for index, name in enumerate(MONTHS, start=1):
            self.month_box.addItem(name, index)
        self.month_box.setCurrentIndex(plan.start_month - 1)
        self.add_field(
            "start_month",
            self.tr("Året börjar i"),
            self.month_box,
            hint=self.tr("Välj augusti för ett läsår."),
        )
        self.setMinimumWidth(600)
        changes = QListWidget()
        changes.setWordWrap(True)
        changes.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        changes.setAccessibleName(self.tr("Ändringar efter fastställandet"))
        for change in plan.changes:
            changes.addItem(f"{change.changed_on.isoformat()}  {change.text}")
        if not plan.changes:
            changes.addItem(self.tr("Inga ändringar efter fastställandet."))
        changes.setMaximumHeight(140)
        self.add_field("changes", self.tr("Ändringar"), changes)
        self.note_edit = self.add_field("note", self.tr("Ny anteckning"), QLineEdit())
        self.show_errors_of("text", "note")  # the service calls the note "text"
        self.note_edit.setPlaceholderText(
            self.tr("T.ex. Kulturnatten flyttad efter beslut i rådet")
        )  # type: ignore[attr-defined]
        self.status_box.currentIndexChanged.connect(self._sync)
        self._sync()

    def _sync(self) -> None:
        adopted = self.status_box.currentData() == PlanStatus.ADOPTED.value
        for w in (self.adopted_edit, self.by_edit, self.reservation_check):
            w.setEnabled(adopted)

    def values(self) -> dict[str, Any]:
        return {
            "status": PlanStatus(self.status_box.currentData()),
            "adopted_on": self.adopted_edit.checked()  # type: ignore[attr-defined]
            if self.status_box.currentData() == PlanStatus.ADOPTED.value
            else None,
            "adopted_by": self.by_edit.text(),  # type: ignore[attr-defined]
            "reservation": self.reservation_check.isChecked(),
            "start_month": int(self.month_box.currentData()),
            "note": self._checked_note(),
        }

    def _checked_note(self) -> str:
        """The note, checked here as the service will (the page stores it through the undo
        journal, which can only report afterwards): a refused note is shown under its field."""
        note: str = self.note_edit.text()  # type: ignore[attr-defined]
        if note.strip():  # the limit of `services.wheel.add_plan_change`
            clean_wheel_text(note, "note", self.tr("Ändringen"), required=True, limit=1000)
        return note


class OwnedItemDialog(QDialog):
    """An item that belongs to another workspace: read here, changed there (or moved by date)."""

    def __init__(
        self,
        item: CalendarItem,
        owner_name: str,
        on_open: Callable[[], object],
        on_move: Callable[[date], object] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_open_owner = on_open
        self._on_move_item = on_move
        can_move = on_move is not None
        self.setWindowTitle(item.title)
        self.setAccessibleName(item.title)
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        heading = QLabel(item.title)
        heading.setProperty("role", "heading")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        when = date_span(item.start, item.end)
        span = time_span(item.start_time, item.end_time)
        lines = [when + (f", {span}" if span else "")]
        for label, value in (
            (self.tr("Plats"), item.place),
            (self.tr("Ansvarig"), item.responsible),
            (self.tr("Beskrivning"), item.description),
        ):
            if value:
                lines.append(f"{label}: {value}")
        body = QLabel("\n".join(lines))
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(body)
        hint = QLabel(
            self.tr("Posten hör till {owner} och ändras där; årshjulet visar den.").format(
                owner=owner_name
            )
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        if can_move:
            row = QHBoxLayout()
            self.date_edit = _date_edit(item.start)
            self.date_edit.setAccessibleName(self.tr("Nytt datum"))
            move = QPushButton(self.tr("Flytta till datumet"))
            move.setAccessibleName(move.text())
            move.clicked.connect(self._on_move)
            row.addWidget(QLabel(self.tr("Nytt datum")))
            row.addWidget(self.date_edit)
            row.addWidget(move)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.open_button = buttons.addButton(
            self.tr("Öppna i {owner}").format(owner=owner_name),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.open_button.setAccessibleName(self.open_button.text())
        close = buttons.addButton(self.tr("Stäng"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAccessibleName(close.text())
        self.open_button.clicked.connect(self._on_open)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _on_open(self) -> None:
        self._on_open_owner()
        self.accept()

    def _on_move(self) -> None:
        assert self._on_move_item is not None
        try:
            self._on_move_item(self.date_edit.checked())
        except UserError as exc:
            self.error.setText(str(exc))
            return
        self.accept()
