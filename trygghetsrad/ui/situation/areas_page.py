"""The *Områden* sub-page: the municipality's own tree of areas (add, rename, move up and
down, indent and lift) and each area's assessment in a chosen situation picture (risk level
with its colour, needs, notes). Every edit goes through the journal (`SituationSubPage.record`),
so Ctrl+Z undoes it; the table is the shared `RecordTableModel`, in the tree's order.

The assessment has no Save button, like every other inline field: a chosen risk level is
stored at once, needs and notes store themselves as they are typed (`FieldAutosave`, each
pause one undoable edit of the journal), and a refusal is shown at the field.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.situation.area_tree import AreaAssessmentData, AreaData, RiskLevel
from trygghetsrad.errors import UserError
from trygghetsrad.services.situation import areas as situation_areas
from trygghetsrad.services.situation import pictures as situation_pictures
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.situation.base import SituationSubPage
from trygghetsrad.ui.widgets.autosave import FieldAutosave
from trygghetsrad.ui.widgets.columns import fit_columns
from trygghetsrad.ui.widgets.form_dialog import FormDialog
from trygghetsrad.ui.widgets.record_model import Column, RecordTableModel

INDENT = "    "  # per level below the top, in the table's first column


class AreaTableModel(RecordTableModel[AreaAssessmentData]):
    """Areas in the tree's order, the risk cell on its level's colour."""

    RISK_COLUMN = 2

    def row_key(self, record: Any) -> Any:
        return record.area.id

    def row_data(self, record: AreaAssessmentData, row: int, column_number: int, role: int) -> Any:
        if column_number == self.RISK_COLUMN and role == Qt.ItemDataRole.DecorationRole:
            return QColor(record.risk.colour)  # a swatch, seen on a selected row too
        if column_number == self.RISK_COLUMN and record.risk is not RiskLevel.UNKNOWN:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QColor(record.risk.colour)
            if role == Qt.ItemDataRole.ForegroundRole:
                dark = record.risk is RiskLevel.RAISED
                return QColor("#1f2428" if dark else "#ffffff")
        return super().row_data(record, row, column_number, role)


class AreaDialog(FormDialog):
    """An area's name and the name of its level."""

    def __init__(
        self,
        title: str,
        on_save: Callable[[dict[str, Any]], object],
        area: AreaData | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, on_save, parent)
        self.name = self.add_field("name", self.tr("Namn"), QLineEdit(area.name if area else ""))
        self.level = self.add_field(
            "level",
            self.tr("Nivå"),
            QLineEdit(area.level if area else ""),
            self.tr("Till exempel Stadsområde, Mellanområde, Plats eller Kommundel."),
        )

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text(), "level": self.level.text()}


class AreasPage(SituationSubPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setAccessibleName(self.tr("Områden"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Kommunens egen indelning i nivåer, i den ordning ni vill ha den i rapporten. "
                "Varje område kan få en egen bedömning i varje lägesbild."
            )
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        layout.addWidget(intro)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Bedömning i lägesbild:")))
        self.picture = QComboBox()
        self.picture.setAccessibleName(self.tr("Lägesbild"))
        self.picture.currentIndexChanged.connect(self._on_picture_changed)
        top.addWidget(self.picture, 1)
        layout.addLayout(top)

        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("new", self.tr("Nytt område"), self.new_area),
            ("child", self.tr("Nytt delområde"), self.new_child),
            ("edit", self.tr("Ändra…"), self.edit_area),
            ("up", self.tr("Upp"), lambda: self._move(-1)),
            ("down", self.tr("Ner"), lambda: self._move(1)),
            ("indent", self.tr("Flytta in"), self._indent),
            ("outdent", self.tr("Flytta ut"), self._outdent),
            ("delete", self.tr("Ta bort"), self._delete),
        ):
            button = QPushButton(text)
            button.setAccessibleName(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[key] = button
        buttons.addStretch(1)
        layout.addLayout(buttons)

        body = QHBoxLayout()
        self.model = AreaTableModel(
            [
                Column(self.tr("Område"), lambda r: INDENT * r.area.depth + r.area.name),
                Column(self.tr("Nivå"), lambda r: r.area.level),
                Column(self.tr("Risknivå"), lambda r: r.risk.label),
                Column(self.tr("Behov"), lambda r: r.needs.replace("\n", " ")),
            ],
            parent=self,
        )
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Områden"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_area())
        fit_columns(self.table, stretch=[0, 3])
        body.addWidget(self.table, 3)
        body.addWidget(self._assessment_form(), 2)
        layout.addLayout(body, 1)
        self.refresh()

    def _assessment_form(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        form.addRow(self.heading)
        self.risk = QComboBox()
        self.risk.setAccessibleName(self.tr("Risknivå"))
        for level in RiskLevel:
            self.risk.addItem(level.label, level.value)
        form.addRow(self.tr("Risknivå"), self.risk)
        self.risk.activated.connect(self._on_risk_chosen)
        self.needs = QPlainTextEdit()
        self.needs.setAccessibleName(self.tr("Behov"))
        self.needs.setTabChangesFocus(True)
        form.addRow(self.tr("Behov"), self.needs)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Anteckningar"))
        self.notes.setTabChangesFocus(True)
        form.addRow(self.tr("Anteckningar"), self.notes)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Fel i bedömningen"))
        self.error.hide()
        form.addRow(self.error)
        self._shown: tuple[int, int] | None = None  # (picture, area) the fields belong to
        self._open_pictures: set[int] = set()
        self._storing = False  # a typed field is being stored: the reload leaves it be
        self.typed = {
            name: FieldAutosave(widget, store=lambda text, name=name: self._store_text(name, text))
            for name, widget in (("needs", self.needs), ("notes", self.notes))
        }
        for autosave in self.typed.values():
            autosave.failed.connect(self._show_field_error)
            autosave.stored.connect(lambda _text: self._show_field_error(""))
        return box

    # -- reading -----------------------------------------------------------------------------

    def picture_id(self) -> int | None:
        value = self.picture.currentData()
        return int(value) if value is not None else None

    def current(self) -> AreaAssessmentData | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def refresh(self) -> None:
        chosen = self.picture_id()
        pictures = self.read(situation_pictures.list_pictures)
        self.picture.blockSignals(True)
        self.picture.clear()
        for p in pictures:
            self.picture.addItem(p.title + (f" (v{p.version})" if p.version > 1 else ""), p.id)
        editable = [i for i, p in enumerate(pictures) if p.frozen_at is None]
        # A presented picture is frozen: its assessments are shown, not changed.
        self._open_pictures = {p.id for p in pictures if p.frozen_at is None}
        index = self.picture.findData(chosen) if chosen is not None else -1
        self.picture.setCurrentIndex(index if index >= 0 else (editable or [len(pictures) - 1])[-1])
        self.picture.blockSignals(False)
        self._load_rows()

    def _load_rows(self) -> None:
        picture = self.picture_id()
        if picture is None:
            rows = [AreaAssessmentData(a) for a in self.read(situation_areas.list_areas)]
        else:
            rows = self.read(lambda s: situation_areas.assessments(s, picture))
        self.model.set_rows(rows)
        if self.current() is None and rows:
            self.table.selectRow(0)  # an area's assessment is in view from the start
        self._show_current()

    def _on_picture_changed(self, _index: int) -> None:
        self._load_rows()

    def _on_table_selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._show_current()

    def _show_current(self) -> None:
        row = self.current()
        has_row = row is not None
        for key in ("child", "edit", "up", "down", "indent", "outdent", "delete"):
            self.buttons[key].setEnabled(has_row)
        picture = self.picture_id()
        key = (picture, row.area.id) if row is not None and picture is not None else None
        if self._storing:
            pass  # the reload a typed field's own store causes: the field stays as typed
        elif key != self._shown:
            self.flush()  # what was typed for the area shown before is stored for it
            self._shown = key
            self._show_field_error("")
            for name, autosave in self.typed.items():
                autosave.load(getattr(row, name) if key is not None else "")
        elif row is not None:  # undo, redo, another page
            for name, autosave in self.typed.items():
                autosave.refresh(getattr(row, name))
        for widget in (self.risk, self.needs, self.notes):
            widget.setEnabled(key is not None and picture in self._open_pictures)
        if row is None:
            self.heading.setText(self.tr("Välj ett område i listan."))
            return
        uses = self.read(lambda s: situation_areas.area_uses(s, row.area.id))
        tied = escape(", ".join(uses)) if uses else self.tr("Inget är kopplat hit ännu.")
        self.heading.setText(
            f"<b>{escape(row.area.full_name)}</b> · {escape(row.area.level)}<br/>"
            f'<span style="color:#5b6670">{tied}</span>'
        )
        self.risk.setCurrentIndex(self.risk.findData(row.risk_level))

    def select_area(self, area_id: int) -> None:
        row = self.model.row_of(area_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def open_record(self, owner: Any) -> bool:
        """Show an area (search) selected, or an assessment (search) as its area in its
        picture; False when it no longer exists."""
        if owner.kind == "area_assessment":
            try:
                picture, area = self.read(lambda s: situation_areas.assessment_place(s, owner.id))
            except UserError:
                return False
            self.refresh()
            self.picture.setCurrentIndex(self.picture.findData(picture))
        elif owner.kind == "area":
            area = owner.id
            self.refresh()
        else:
            return False
        if self.model.row_of(area) < 0:
            return False
        self.select_area(area)
        return True

    # -- editing -----------------------------------------------------------------------------

    def _edit(self, text: str, step: Callable[[Any], Any], area_id: int | None) -> bool:
        ok, _result = self.record(text, step)
        if ok and area_id is not None:
            self.select_area(area_id)
        return ok

    def new_area(self) -> None:
        self._open_dialog(None, None)

    def new_child(self) -> None:
        row = self.current()
        if row is not None:
            self._open_dialog(None, row.area)

    def edit_area(self) -> None:
        row = self.current()
        if row is not None:
            self._open_dialog(row.area, None)

    def _open_dialog(self, area: AreaData | None, parent: AreaData | None) -> None:
        def save(values: dict[str, Any]) -> None:
            if area is not None:
                self.record_form(
                    self.tr("Ändra område"),
                    lambda s: situation_areas.update_area(s, area.id, **values),
                )
                self.select_area(area.id)
                return
            parent_id = parent.id if parent else None
            created = self.record_form(
                self.tr("Nytt område"),
                lambda s: situation_areas.create_area(s, parent_id=parent_id, **values),
            )
            self.select_area(created.id)

        if area is not None:
            title = self.tr("Ändra område")
        elif parent is not None:
            title = self.tr("Nytt delområde i {name}").format(name=parent.name)
        else:
            title = self.tr("Nytt område")
        self.dialog = AreaDialog(title, save, area, parent=self)
        self.dialog.open()

    def _on_selected(self, text: str, fn: Callable[[Any, int], Any], keep: bool = True) -> None:
        """Run a tree edit on the selected area as one undoable step, and keep it selected."""
        row = self.current()
        if row is not None:
            area = row.area.id
            self._edit(text, lambda s: fn(s, area), area if keep else None)

    def _move(self, step: int) -> None:
        text = self.tr("Flytta upp område") if step < 0 else self.tr("Flytta ner område")
        self._on_selected(text, lambda s, area: situation_areas.move_area(s, area, step))

    def _indent(self) -> None:
        self._on_selected(self.tr("Flytta in område"), situation_areas.indent_area)

    def _outdent(self) -> None:
        self._on_selected(self.tr("Flytta ut område"), situation_areas.outdent_area)

    def _delete(self) -> None:
        self._on_selected(self.tr("Ta bort område"), situation_areas.delete_area, keep=False)

    # -- the assessment ----------------------------------------------------------------------

    def flush(self) -> None:
        """Store what is being typed in needs and notes now."""
        for autosave in self.typed.values():
            autosave.flush()

    def _show_field_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def _assess(self, text: str, key: tuple[int, int], **fields: str) -> Any:
        """Store `fields` of the assessment of `key` (picture, area), keeping the rest as
        stored, as one undoable edit; a refusal is raised to the caller."""
        picture, area = key

        def step(s: Any) -> Any:
            stored = next(
                (r for r in situation_areas.assessments(s, picture) if r.area.id == area), None
            )
            values = {
                "risk_level": stored.risk_level if stored else RiskLevel.UNKNOWN.value,
                "needs": stored.needs if stored else "",
                "notes": stored.notes if stored else "",
            } | fields
            return situation_areas.set_assessment(s, picture, area, **values)

        return self.record_form(text, step)

    def _store_text(self, name: str, text: str) -> None:
        if self._shown is None:
            return
        label = self.tr("Ändra behov") if name == "needs" else self.tr("Ändra anteckningar")
        self._storing = True
        try:
            self._assess(label, self._shown, **{name: text})
        finally:
            self._storing = False

    def _on_risk_chosen(self, _index: int) -> None:
        self.flush()
        key = self._shown
        if key is None:
            return
        try:
            self._assess(self.tr("Ändra risknivå"), key, risk_level=str(self.risk.currentData()))
        except UserError as exc:
            self._show_field_error(str(exc))
            self._show_current()
