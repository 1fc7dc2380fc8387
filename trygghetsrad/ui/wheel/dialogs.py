"""Editors of the annual wheel besides the event's (`event_dialog.py`): rings (categories),
the plan's status, and items owned by another workspace."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import Qt
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
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.calendar_items import CalendarItem
from trygghetsrad.domain.dates import MONTHS, date_span, time_span
from trygghetsrad.domain.wheel.model import (
    PlanStatus,
    WheelCategory,
    WheelPlan,
)
from trygghetsrad.domain.wheel.model import clean_text as clean_wheel_text
from trygghetsrad.errors import UserError
from trygghetsrad.ui.widgets.date_entry import DateEntry
from trygghetsrad.ui.widgets.form_dialog import FormDialog


def swatch(color: str, size: int = 14) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(QColor(color))
    return QIcon(pix)


class RingEdits(Protocol):
    """What the rings dialog asks of its page; each returns the rings as they are now, or
    raises the service's refusal (shown under the name)."""

    def update(self, ident: int, name: str, color: str, visible: bool) -> list[WheelCategory]: ...
    def reorder(self, ids: list[int]) -> list[WheelCategory]: ...
    def create(self, name: str, color: str) -> list[WheelCategory]: ...
    def delete(self, ident: int) -> list[WheelCategory]: ...


class CategoryDialog(QDialog):
    """Rings: names, colours, visibility and order (outermost first); add and remove own rings.

    Each change is applied at once through `edits`, each an undoable step of the page."""

    def __init__(
        self,
        categories: list[WheelCategory],
        edits: RingEdits,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ringar i årshjulet"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumSize(520, 420)
        self._edits = edits
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

    def _apply(self, edit: Callable[..., list[WheelCategory]], *args: Any) -> None:
        self.error.clear()
        try:
            categories = edit(*args)
        except UserError as exc:
            self.error.setText(str(exc))
            return
        self.set_categories(categories)

    def _on_rename(self) -> None:
        cat = self.current()
        if cat and self.name_edit.text().strip() != cat.name:
            self._apply(self._edits.update, cat.id, self.name_edit.text(), cat.color, cat.visible)

    def _on_visible(self, visible: bool) -> None:
        cat = self.current()
        if cat:
            self._apply(self._edits.update, cat.id, cat.name, cat.color, visible)

    def _on_color(self) -> None:
        cat = self.current()
        if cat is None:
            return
        color = QColorDialog.getColor(
            QColor(cat.color), self, self.tr("Färg för {name}").format(name=cat.name)
        )
        if color.isValid():
            self._apply(self._edits.update, cat.id, cat.name, color.name(), cat.visible)

    def _on_move(self, step: int) -> None:
        row = self.list.currentRow()
        ids = [c.id for c in self._categories]
        target = row + step
        if not 0 <= target < len(ids):
            return
        ids[row], ids[target] = ids[target], ids[row]
        self._apply(self._edits.reorder, ids)
        self.list.setCurrentRow(target)

    def _on_add(self) -> None:
        self._apply(
            self._edits.create,
            self.tr("Ny ring {n}").format(n=len(self._categories) + 1),
            "#5b7c99",
        )
        self.list.setCurrentRow(self.list.count() - 1)
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    def _on_delete(self) -> None:
        cat = self.current()
        if cat:
            self._apply(self._edits.delete, cat.id)


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
        self.adopted_edit = DateEntry(plan.adopted_on, "adopted_on")  # empty until given
        self.add_field("adopted_on", self.tr("Fastställd den"), self.adopted_edit)
        self.by_edit = QLineEdit(plan.adopted_by or self.tr("Trygghetsrådet"))
        self.add_field("adopted_by", self.tr("Fastställd av"), self.by_edit)
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
        self.note_edit = QLineEdit()
        self.add_field("note", self.tr("Ny anteckning"), self.note_edit)
        self.show_errors_of("text", "note")  # the service calls the note "text"
        self.note_edit.setPlaceholderText(
            self.tr("T.ex. Kulturnatten flyttad efter beslut i rådet")
        )
        self.status_box.currentIndexChanged.connect(self._sync)
        self._sync()

    def _sync(self) -> None:
        adopted = self.status_box.currentData() == PlanStatus.ADOPTED.value
        for w in (self.adopted_edit, self.by_edit, self.reservation_check):
            w.setEnabled(adopted)

    def values(self) -> dict[str, Any]:
        return {
            "status": PlanStatus(self.status_box.currentData()),
            "adopted_on": self.adopted_edit.checked()
            if self.status_box.currentData() == PlanStatus.ADOPTED.value
            else None,
            "adopted_by": self.by_edit.text(),
            "reservation": self.reservation_check.isChecked(),
            "start_month": int(self.month_box.currentData()),
            "note": self._checked_note(),
        }

    def _checked_note(self) -> str:
        """The note, checked here as the service will (the page stores it through the undo
        journal, which can only report afterwards): a refused note is shown under its field."""
        note = self.note_edit.text()
        if note.strip():  # the limit of `services.wheel.events.add_plan_change`
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
            self.date_edit = DateEntry(item.start)
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
