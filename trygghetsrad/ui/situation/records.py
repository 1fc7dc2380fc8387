"""A sub-page listing one kind of record in a searchable table, edited through a form dialog,
every change undoable. Gaps and observations are built on it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.services.situation import areas as situation_areas
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.situation.base import SituationSubPage, hint, open_on_return, tied_to_area
from trygghetsrad.ui.widgets.columns import ColumnFitter
from trygghetsrad.ui.widgets.filter_proxy import RecordFilterProxy
from trygghetsrad.ui.widgets.form_dialog import FormDialog
from trygghetsrad.ui.widgets.record_model import RecordTableModel
from trygghetsrad.ui.widgets.roles import Role


class RecordPage(SituationSubPage):
    """Subclasses set the texts and implement the hooks below."""

    noun = ""  # "observation"
    # The AreaLink of the records when their form has an area picker (its value "area_id").
    area_link: str | None = None
    search_hint = ""
    intro = ""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = self.make_model()
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.search_hint)
        self.search.setAccessibleName(self.search_hint.rstrip(" …"))
        self.search.setProperty("role", "search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_query)
        self.new_button = QPushButton(self.tr("Ny…"))
        self.edit_button = QPushButton(self.tr("Ändra…"))
        self.delete_button = QPushButton(self.tr("Ta bort"))
        self.new_button.setAccessibleName(self.tr("Ny {noun}").format(noun=self.noun))
        self.edit_button.setAccessibleName(self.tr("Ändra {noun}").format(noun=self.noun))
        self.delete_button.setAccessibleName(self.tr("Ta bort {noun}").format(noun=self.noun))
        self.new_button.clicked.connect(self.new_record)
        self.edit_button.clicked.connect(self.edit_record)
        self.delete_button.clicked.connect(self.delete_record)
        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.delete_button)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.accessibleName())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setResizeContentsPrecision(60)
        self.columns = ColumnFitter(
            self.table, stretch=self.stretch_columns, max_width=200, rows_to_contents=True
        )
        self.table.doubleClicked.connect(lambda _i: self.edit_record())
        open_on_return(self.table, self.edit_record)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selection())
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAccessibleName(self.tr("Detaljer"))
        self.detail.setMinimumHeight(60)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        if self.intro:
            layout.addWidget(hint(self.intro))
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        self.refresh()

    # -- hooks ---------------------------------------------------------------------------------

    def make_model(self) -> RecordTableModel[Any]:
        raise NotImplementedError

    def load(self, session: Any) -> list[Any]:
        raise NotImplementedError

    def make_dialog(
        self, on_save: Callable[[dict[str, Any]], None], record: Any | None
    ) -> FormDialog:
        raise NotImplementedError

    def values_of(self, record: Any) -> dict[str, Any]:
        raise NotImplementedError

    def label_of(self, values: dict[str, Any]) -> str:
        raise NotImplementedError

    def describe(self, record: Any) -> str:
        return ""

    create: Callable[..., Any]
    update: Callable[..., Any]
    # Columns with running text: they share the width left after the short columns.
    stretch_columns: tuple[int, ...] = (0,)
    remove: Callable[..., Any]

    # -- behaviour -----------------------------------------------------------------------------

    def refresh(self) -> None:
        current = self.current()
        self.model.set_rows(self.read(self.load))
        self.columns.measure_later()
        if current is not None:
            self.select(current.id)
        self._on_selection()

    def current(self) -> Any | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().hasSelection():
            return None
        return self.proxy.data(index, Role.RECORD)

    def select(self, record_id: int) -> None:
        row = self.model.row_of(record_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _on_selection(self) -> None:
        record = self.current()
        self.edit_button.setEnabled(record is not None)
        self.delete_button.setEnabled(record is not None)
        self.detail.setText(self.describe(record) if record is not None else "")

    def new_record(self) -> None:
        def save(values: dict[str, Any]) -> None:
            cls = type(self)
            fields, area = self._split_area(values)
            step = lambda s: cls.create(s, **fields)  # noqa: E731
            created = self.record_form(
                self.tr("Ny {noun}: {label}").format(noun=self.noun, label=self.label_of(values)),
                step if self.area_link is None else tied_to_area(step, self.area_link, area),
            )
            self.select(created.id)

        self.dialog = self.make_dialog(save, None)
        self.dialog.open()

    def edit_record(self) -> None:
        record = self.current()
        if record is None:
            return
        cls = type(self)

        before = self.area_of(record)

        def save(values: dict[str, Any]) -> None:
            fields, area = self._split_area(values)
            step = lambda s: cls.update(s, record.id, **fields)  # noqa: E731
            self.record_form(
                self.tr("Ändra {noun}: {label}").format(
                    noun=self.noun, label=self.label_of(values)
                ),
                step
                if self.area_link is None
                else tied_to_area(step, self.area_link, area, record_id=record.id, before=before),
            )

        self.dialog = self.make_dialog(save, record)
        self.dialog.open()

    def _split_area(self, values: dict[str, Any]) -> tuple[dict[str, Any], int | None]:
        fields = dict(values)
        return fields, fields.pop("area_id", None)

    def area_of(self, record: Any) -> int | None:
        """The area `record` is tied to now (what its form's picker shows)."""
        if self.area_link is None:
            return None
        link = self.area_link
        return self.read(lambda s: situation_areas.tied_area(s, link, record.id))

    def area_choices(self) -> list[Any]:
        return self.read(situation_areas.list_areas)

    def delete_record(self) -> None:
        record = self.current()
        if record is None:
            return
        values = self.values_of(record)
        cls = type(self)
        # Undo brings the record back with its id, so links to it (sources, indicators,
        # problems) come back too.
        self.record(
            self.tr("Ta bort {noun}: {label}").format(noun=self.noun, label=self.label_of(values)),
            lambda s: cls.remove(s, record.id),
        )

    def open_record(self, owner: Any) -> bool:
        """Select the record of `owner` (search hits, the annual wheel)."""
        self.search.clear()
        if self.model.row_of(owner.id) < 0:
            return False
        self.select(owner.id)
        self.table.setFocus()
        return True
