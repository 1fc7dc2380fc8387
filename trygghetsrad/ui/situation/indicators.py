"""The *Indikatorer* sub-page: indicators with a line or bar chart, values typed in a table
(periods × areas) or imported from CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.situation.periods import period_label
from trygghetsrad.domain.situation.picture import IndicatorData
from trygghetsrad.domain.text import search_text
from trygghetsrad.errors import UserError
from trygghetsrad.services.situation import areas as situation_areas
from trygghetsrad.services.situation import indicators as situation_indicators
from trygghetsrad.services.situation import sources as situation_sources
from trygghetsrad.ui.background import Cancelled, Progress, run_modal
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.situation.base import SituationSubPage, heading, hint
from trygghetsrad.ui.situation.chart import IndicatorChart
from trygghetsrad.ui.situation.forms import IndicatorDialog
from trygghetsrad.ui.situation.models import ValuesModel
from trygghetsrad.ui.widgets.columns import EvenColumns
from trygghetsrad.ui.widgets.filter_proxy import RecordFilterProxy
from trygghetsrad.ui.widgets.record_model import Column, RecordTableModel
from trygghetsrad.ui.widgets.roles import Role

FIELDS = (
    "name",
    "unit",
    "description",
    "source_id",
    "chart_kind",
    "main_area",
    "comparison_area",
    "higher_is_worse",
)


class IndicatorListModel(RecordTableModel[IndicatorData]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [Column(self.tr("Indikator"), lambda i: i.name)],
            lambda i: search_text(i.name, i.unit, i.source_name),
            parent,
        )


class IndicatorsPage(SituationSubPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setAccessibleName(self.tr("Indikatorer"))
        self.indicator: IndicatorData | None = None
        left = self._build_list()
        right = self._build_indicator()

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([300, 950])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(splitter)
        self._extra_periods: list[str] = []
        self._extra_areas: list[str] = []
        self._loads = 0  # how often the current row was read (select() reads it once)
        self.refresh()

    def _build_list(self) -> QWidget:
        """The indicators, their search field and buttons (left)."""
        self.list_model = IndicatorListModel(self)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.list_model)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök indikator …"))
        self.search.setAccessibleName(self.tr("Sök indikator"))
        self.search.setProperty("role", "search")
        self.search.textChanged.connect(self.proxy.set_query)
        self.list = QListView()
        self.list.setModel(self.proxy)
        self.list.setAccessibleName(self.tr("Indikatorer"))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._load_selected())
        self.new_button = QPushButton(self.tr("Ny indikator…"))
        self.import_button = QPushButton(self.tr("Importera CSV…"))
        self.edit_button = QPushButton(self.tr("Ändra…"))
        self.delete_button = QPushButton(self.tr("Ta bort"))
        for button in (self.new_button, self.import_button, self.edit_button, self.delete_button):
            button.setAccessibleName(button.text().rstrip("…"))
        self.new_button.clicked.connect(self.new_indicator)
        self.import_button.clicked.connect(lambda: self.import_csv())
        self.edit_button.clicked.connect(self.edit_indicator)
        self.delete_button.clicked.connect(self.delete_indicator)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.search)
        left_box.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.import_button)
        left_box.addLayout(buttons)
        buttons2 = QHBoxLayout()
        buttons2.addWidget(self.edit_button)
        buttons2.addWidget(self.delete_button)
        left_box.addLayout(buttons2)
        return left

    def _build_indicator(self) -> QWidget:
        """The chosen indicator: its chart, its values and the buttons that add to them."""
        self.title = heading("")
        self.meta = hint("")
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Linjediagram"), "line")
        self.kind.addItem(self.tr("Stapeldiagram"), "bar")
        self.kind.setAccessibleName(self.tr("Diagramtyp"))
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.chart = IndicatorChart()
        self.values = ValuesModel(self)
        self.values.value_edited.connect(self._on_value_edited)
        self.table = QTableView()
        self.table.setModel(self.values)
        self.table.setAccessibleName(self.tr("Värden"))
        self.columns = EvenColumns(self.table)
        self.table.setMinimumHeight(160)
        self.add_period_button = QPushButton(self.tr("Lägg till period…"))
        self.add_area_button = QPushButton(self.tr("Lägg till område…"))
        for button in (self.add_period_button, self.add_area_button):
            button.setAccessibleName(button.text().rstrip("…"))
        self.add_period_button.clicked.connect(lambda: self.add_period())
        self.add_area_button.clicked.connect(lambda: self.add_area())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Meddelande"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        right = QWidget()
        box = QVBoxLayout(right)
        box.setContentsMargins(6, 0, 0, 0)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.kind)
        box.addLayout(header)
        box.addWidget(self.meta)
        box.addWidget(self.chart, 3)
        box.addWidget(self.table, 2)
        row = QHBoxLayout()
        row.addWidget(self.add_period_button)
        row.addWidget(self.add_area_button)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(self.message)
        return right

    # -- data ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        current = self.indicator.id if self.indicator else None
        # The list holds names only; the shown indicator's values are read when it is shown.
        indicators = self.read(lambda s: situation_indicators.list_indicators(s, with_values=False))
        self.list_model.set_rows(indicators)
        if current is None and indicators:
            current = indicators[0].id
        if current is not None and self.list_model.row_of(current) >= 0:
            self.select(current)
        else:
            self._show(None)

    def select(self, indicator_id: int) -> None:
        row = self.list_model.row_of(indicator_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.list_model.index(row, 0))
        loads = self._loads
        self.list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        # A new current row was read by _load_selected already (an indicator with hundreds of
        # values takes a while); read here only when it was current before (e.g. a refresh).
        if loads == self._loads or self.indicator is None or self.indicator.id != indicator_id:
            self._show(self._full(indicator_id))

    def _load_selected(self) -> None:
        self._loads += 1
        index = self.list.currentIndex()
        record = self.proxy.data(index, Role.RECORD) if index.isValid() else None
        if record is None or self.indicator is None or record.id != self.indicator.id:
            self._extra_periods, self._extra_areas = [], []
        self._show(self._full(record.id) if record is not None else None)

    def _full(self, indicator_id: int) -> IndicatorData:
        return self.read(lambda s: situation_indicators.get_indicator(s, indicator_id))

    def _show(self, indicator: IndicatorData | None) -> None:
        self.indicator = indicator
        for widget in (
            self.edit_button,
            self.delete_button,
            self.kind,
            self.add_period_button,
            self.add_area_button,
        ):
            widget.setEnabled(indicator is not None)
        if indicator is None:
            self.title.setText(self.tr("Inga indikatorer ännu"))
            self.meta.setText(
                self.tr(
                    "Skapa en indikator eller importera värden från en CSV-fil (indikator;område;period;värde;enhet)."
                )
            )
            self.chart.set_indicator(None)
            self.values.set_indicator(None)
            return
        self.title.setText(indicator.name)
        parts = [
            p
            for p in (
                indicator.unit,
                indicator.source_name and self.tr("Källa: {s}").format(s=indicator.source_name),
            )
            if p
        ]
        if indicator.description:
            parts.append(indicator.description)
        self.meta.setText(" · ".join(parts))
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(max(0, self.kind.findData(indicator.chart_kind)))
        self.kind.blockSignals(False)
        self.chart.set_indicator(indicator)
        self.values.set_indicator(indicator)
        if self._extra_periods or self._extra_areas:
            self._add_placeholders()

    def _add_placeholders(self) -> None:
        """Periods and areas added by the user but not yet filled in show as empty rows/columns."""
        model = self.values
        model.beginResetModel()
        from trygghetsrad.domain.situation.periods import period_sort_key

        periods = set(model._periods) | set(self._extra_periods)
        model._periods = sorted(periods, key=period_sort_key)
        for area in self._extra_areas:
            if area not in model._areas:
                model._areas.append(area)
        model.endResetModel()

    def _on_kind_changed(self) -> None:
        ind = self.indicator
        if ind is None:
            return
        kind = self.kind.currentData()
        if kind == ind.chart_kind:
            return
        after = {f: getattr(ind, f) for f in FIELDS} | {"chart_kind": kind}
        self.record(
            self.tr("Visa {name} som {kind}").format(
                name=ind.name, kind=self.kind.currentText().lower()
            ),
            lambda s: situation_indicators.update_indicator(s, ind.id, **after),
        )

    def _on_value_edited(self, area: str, period: str, text: str) -> None:
        ind = self.indicator
        if ind is None:
            return
        old = next((v.value for v in ind.values if v.area == area and v.period == period), None)
        if text.strip() == "":
            if old is None:
                return
            self.record(
                self.tr("Ta bort värdet för {area} {period}").format(
                    area=area, period=period_label(period)
                ),
                lambda s: situation_indicators.delete_value(s, ind.id, area=area, period=period),
            )
            return
        try:
            from trygghetsrad.domain.situation.csv_values import parse_value

            number = parse_value(text)
        except ValueError:
            number = None
        if number is None:
            self.message.setText(
                self.tr("”{text}” är inget tal; skriv till exempel 12,5.").format(text=text)
            )
            self.message.setProperty("role", "error")
            self.message.style().polish(self.message)
            return
        self.message.clear()
        self.record(
            self.tr("Ändra {area} {period}").format(area=area, period=period_label(period)),
            lambda s: situation_indicators.set_value(
                s, ind.id, area=area, period=period, value=number
            ),
        )

    # -- actions -------------------------------------------------------------------------------

    def _sources(self) -> list[tuple[str, int]]:
        return [(s.name, s.id) for s in self.read(situation_sources.list_sources)]

    def new_indicator(self) -> None:
        def save(values: dict[str, Any]) -> None:
            created = self.record_form(
                self.tr("Ny indikator {name}").format(name=values["name"].strip()),
                lambda s: situation_indicators.create_indicator(s, **values),
            )
            self.select(created.id)

        self.dialog = IndicatorDialog(save, self._sources(), parent=self)
        self.dialog.open()

    def edit_indicator(self) -> None:
        ind = self.indicator
        if ind is None:
            return

        def save(values: dict[str, Any]) -> None:
            self.record_form(
                self.tr("Ändra indikator {name}").format(name=values["name"].strip()),
                lambda s: situation_indicators.update_indicator(s, ind.id, **values),
            )

        self.dialog = IndicatorDialog(save, self._sources(), ind, parent=self)
        self.dialog.open()

    def delete_indicator(self) -> None:
        ind = self.indicator
        if ind is None:
            return
        # Undo brings back the indicator with its values and every link to it (causes'
        # evidence, observations), with the same ids.
        ok, _result = self.record(
            self.tr("Ta bort indikator {name}").format(name=ind.name),
            lambda s: situation_indicators.delete_indicator(s, ind.id),
        )
        if not ok:
            return
        self.indicator = None
        self.refresh()

    def add_period(self, text: str | None = None) -> None:
        if self.indicator is None:
            return
        if text is None:
            text, ok = QInputDialog.getText(
                self,
                self.tr("Lägg till period"),
                self.tr("Period (till exempel 2026, 2026-K2 eller 2026-05):"),
            )
            if not ok:
                return
        from trygghetsrad.domain.situation.periods import parse_period

        try:
            period = parse_period(text)
        except UserError as exc:
            self.message.setText(str(exc))
            return
        self.message.clear()
        self._extra_periods.append(period)
        self._add_placeholders()

    def add_area(self, text: str | None = None) -> None:
        if self.indicator is None:
            return
        if text is None:
            # The municipality's areas are offered in its tree's order, indented by level;
            # a value typed under an area's name is tied to that area. Any other name
            # (Riket, a comparison municipality) can be typed.
            areas = self.read(situation_areas.list_areas)
            text, ok = QInputDialog.getItem(
                self,
                self.tr("Lägg till område"),
                self.tr("Område (ur kommunens indelning, eller skriv till exempel Riket):"),
                ["    " * a.depth + a.name for a in areas],
                0,
                True,
            )
            if not ok:
                return
        text = text.strip()
        if not text:
            return
        self._extra_areas.append(text)
        self._add_placeholders()

    def import_csv(self, path: str | None = None, indicator: str | None = None) -> None:
        """Import values from a CSV file; all or nothing, with the bad line named."""
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Importera indikatorvärden"),
                str(Path.home()),
                self.tr("CSV-filer (*.csv *.txt);;Alla filer (*)"),
            )
        if not path:
            return
        database, source = self.ctx.database, Path(path)
        label = self.tr("Importerar {name}…").format(name=source.name)

        def work(progress: Progress) -> Any:
            # All or nothing: the import is one transaction; "Avbryt" rolls it back.
            progress.report(0, 0, label)
            # In a worker thread: a session of its own (SQLite connections are per thread), the one
            # exception to `service_calls.read`/`store`, which run on the GUI thread (ui/background.py).
            with database.session() as s:
                found = situation_indicators.import_csv_file(s, source, indicator=indicator)
                progress.check()
            return found

        try:
            result = run_modal(self, self.tr("Importerar indikatorvärden"), work)
        except Cancelled:
            self.message.setProperty("role", "hint")
            self.message.style().polish(self.message)
            self.message.setText(self.tr("Importen avbröts; inget importerades."))
            return
        except UserError as exc:
            if (
                "saknar kolumnen ”indikator”" in str(exc)
                and indicator is None
                and self.indicator is not None
            ):
                # A file without an indicator column: import into the indicator shown.
                return self.import_csv(path, self.indicator.name)
            self.message.setProperty("role", "error")
            self.message.style().polish(self.message)
            self.message.setText(str(exc))
            return
        self.message.setProperty("role", "hint")
        self.message.style().polish(self.message)
        self.message.setText(result.summary)
        self.ctx.events.changed(result.changes)
        names = result.created_indicators or result.indicators
        if names:
            ids = {i.name: i.id for i in self.list_model.rows()}
            if names[0] in ids:
                self.select(ids[names[0]])

    def open_record(self, owner: Any) -> bool:
        self.search.clear()
        if self.list_model.row_of(owner.id) < 0:
            return False
        self.select(owner.id)
        return True
