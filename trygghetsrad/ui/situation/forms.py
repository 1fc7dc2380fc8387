"""Form dialogs of the situation picture: data source, gap, observation, indicator, presenting."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from trygghetsrad.domain.dates import MONTHS
from trygghetsrad.domain.situation.area_tree import AreaData
from trygghetsrad.domain.situation.documents import PartialDate, parse_partial_date
from trygghetsrad.domain.situation.picture import (
    Category,
    ChartKind,
    GapData,
    GapKind,
    GapStatus,
    IndicatorData,
    ObservationData,
    Trend,
)
from trygghetsrad.errors import ValidationError
from trygghetsrad.ui.widgets.area_picker import AreaPicker
from trygghetsrad.ui.widgets.check_list import CheckList
from trygghetsrad.ui.widgets.date_entry import DateEntry
from trygghetsrad.ui.widgets.date_entry import OptionalDateEntry as OptionalDateEdit
from trygghetsrad.ui.widgets.form_dialog import FormDialog


def combo(items: list[tuple[str, Any]], current: Any = None) -> QComboBox:
    box = QComboBox()
    for text, data in items:
        box.addItem(text, data)
    index = box.findData(current)
    if index >= 0:
        box.setCurrentIndex(index)
    return box


def enum_combo(enum: Any, current: str | None) -> QComboBox:
    return combo([(m.label, m.value) for m in enum], current)


def text_edit(text: str = "", height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


def check_list(items: list[tuple[str, int]], checked: tuple[int, ...]) -> QListWidget:
    widget = CheckList()
    for text, value in items:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if value in checked else Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.setFixedHeight(110)
    return widget


def checked_values(widget: QListWidget) -> list[int]:
    return [
        widget.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


class GapDialog(FormDialog):
    def __init__(
        self,
        on_save: Any,
        organisations: list[tuple[str, int]],
        gap: GapData | None = None,
        parent: QWidget | None = None,
        *,
        areas: list[AreaData] | None = None,
        area_id: int | None = None,
    ) -> None:
        super().__init__(self.tr("Ändra lucka") if gap else self.tr("Ny lucka"), on_save, parent)
        self.setMinimumWidth(560)
        g = gap
        self.title = self.add_field("title", self.tr("Vad saknas"), QLineEdit(g.title if g else ""))
        self.kind = self.add_field(
            "kind", self.tr("Typ"), enum_combo(GapKind, g.kind if g else None)
        )
        self.description = self.add_field(
            "description", self.tr("Beskrivning"), text_edit(g.description if g else "")
        )
        self.area = self.add_field(
            "area_id", self.tr("Område"), AreaPicker(areas or [], area_id if g else None)
        )
        self.organisation = self.add_field(
            "organisation_id",
            self.tr("Organisation"),
            combo(
                [(self.tr("(ingen vald)"), None), *organisations], g.organisation_id if g else None
            ),
        )
        self.who = self.add_field(
            "who_could_fill", self.tr("Vem kan bidra"), text_edit(g.who_could_fill if g else "", 50)
        )
        self.actions = self.add_field(
            "actions_taken", self.tr("Vad har gjorts"), text_edit(g.actions_taken if g else "", 60)
        )
        self.status = self.add_field(
            "status", self.tr("Status"), enum_combo(GapStatus, g.status if g else None)
        )
        self.identified = self.add_field(
            "identified_on",
            self.tr("Noterad"),
            OptionalDateEdit(self.tr("Datum"), g.identified_on if g else date.today()),
        )
        self.internal = self.add_field(
            "internal", self.tr("Intern"), QCheckBox(self.tr("Intern – tas inte med i exporter"))
        )
        self.internal.setChecked(bool(g and g.internal))

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.text(),
            "kind": self.kind.currentData(),
            "description": self.description.toPlainText(),
            "organisation_id": self.organisation.currentData(),
            "area_id": self.area.area_id(),
            "who_could_fill": self.who.toPlainText(),
            "actions_taken": self.actions.toPlainText(),
            "status": self.status.currentData(),
            "identified_on": self.identified.value(),
            "internal": self.internal.isChecked(),
        }


class ObservationDialog(FormDialog):
    def __init__(
        self,
        on_save: Any,
        sources: list[tuple[str, int]],
        indicators: list[tuple[str, int]],
        observation: ObservationData | None = None,
        parent: QWidget | None = None,
        *,
        areas: list[AreaData] | None = None,
    ) -> None:
        o = observation
        super().__init__(
            self.tr("Ändra observation") if o else self.tr("Ny observation"),
            on_save,
            parent,
            scrollable=True,
        )
        self.setMinimumWidth(1000)
        self._add_title_and_place(o, areas or [])
        self.category = self.add_field(
            "category", self.tr("Kategori"), enum_combo(Category, o.category if o else None)
        )
        self.trend = self.add_field(
            # A new observation claims no trend until the user picks one.
            "trend",
            self.tr("Utveckling"),
            enum_combo(Trend, o.trend if o else Trend.UNKNOWN.value),
        )
        self.description = self.add_field(
            "description", self.tr("Beskrivning"), text_edit(o.description if o else "")
        )
        # The check lists go in a second column so that the form fits a 768 px screen.
        right = self.add_column()
        self.months = self.add_field(
            "peak_months",
            self.tr("Månader med toppar"),
            check_list(
                [(m.capitalize(), i + 1) for i, m in enumerate(MONTHS)], o.peak_months if o else ()
            ),
            form=right,
        )
        self.observed = self.add_field(
            "observed_on",
            self.tr("Datum"),
            # A new observation gets no date until the user gives one: today would be a guess.
            OptionalDateEdit(self.tr("Datum"), o.observed_on if o else None),
        )
        self.reported_by = self.add_field(
            "reported_by", self.tr("Vem har sett det"), QLineEdit(o.reported_by if o else "")
        )
        self.sources = self.add_field(
            "source_ids",
            self.tr("Underlag"),
            check_list(sources, o.source_ids if o else ()),
            form=right,
        )
        self.indicators = self.add_field(
            "indicator_ids",
            self.tr("Indikatorer"),
            check_list(indicators, o.indicator_ids if o else ()),
            form=right,
        )
        self.internal = self.add_field(
            "internal", self.tr("Intern"), QCheckBox(self.tr("Intern – tas inte med i exporter"))
        )
        self.internal.setChecked(bool(o and o.internal))

    def _add_title_and_place(self, o: ObservationData | None, areas: list[AreaData]) -> None:
        """The heading, the area chosen in the area tree and the place printed."""
        self.title = self.add_field(
            "title",
            self.tr("Rubrik"),
            QLineEdit(o.title if o else ""),
            hint=self.tr("Till exempel ”Industriområdet är lugnare än tidigare”."),
        )
        self.area = self.add_field(
            "area_id", self.tr("Område"), AreaPicker(areas, o.area_id if o else None)
        )
        self.place = self.add_field(
            "place",
            self.tr("Plats"),
            QLineEdit(o.place if o else ""),
            hint=self.tr("Som den skrivs ut; ett valt område ger områdets namn."),
        )
        # The place the documents print follows the chosen area (saving writes its name).
        self.area.activated.connect(self._place_from_area)

    def _place_from_area(self) -> None:
        if self.area.area_id() is not None:
            self.place.setText(self.area.area_name())

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.text(),
            "area_id": self.area.area_id(),
            "place": self.place.text(),
            "category": self.category.currentData(),
            "trend": self.trend.currentData(),
            "description": self.description.toPlainText(),
            "peak_months": checked_values(self.months),
            "observed_on": self.observed.value(),
            "reported_by": self.reported_by.text(),
            "source_ids": checked_values(self.sources),
            "indicator_ids": checked_values(self.indicators),
            "internal": self.internal.isChecked(),
        }


class IndicatorDialog(FormDialog):
    def __init__(
        self,
        on_save: Any,
        sources: list[tuple[str, int]],
        indicator: IndicatorData | None = None,
        parent: QWidget | None = None,
    ) -> None:
        i = indicator
        super().__init__(
            self.tr("Ändra indikator") if i else self.tr("Ny indikator"), on_save, parent
        )
        self.name = self.add_field("name", self.tr("Namn"), QLineEdit(i.name if i else ""))
        self.unit = self.add_field(
            "unit",
            self.tr("Enhet"),
            QLineEdit(i.unit if i else ""),
            hint=self.tr("Till exempel ”per 100 000 inv.” eller ”procent”."),
        )
        self.source = self.add_field(
            "source_id",
            self.tr("Underlag"),
            combo([(self.tr("(inget valt)"), None), *sources], i.source_id if i else None),
        )
        self.main_area = self.add_field(
            "main_area", self.tr("Område"), QLineEdit(i.main_area if i else "")
        )
        self.comparison = self.add_field(
            "comparison_area",
            self.tr("Jämförelse"),
            QLineEdit(i.comparison_area if i else ""),
            hint=self.tr("Till exempel länet eller riket; lämna tomt om det inte finns."),
        )
        self.chart_kind = self.add_field(
            "chart_kind", self.tr("Diagram"), enum_combo(ChartKind, i.chart_kind if i else None)
        )
        self.description = self.add_field(
            "description", self.tr("Beskrivning"), text_edit(i.description if i else "")
        )
        self.higher_is_worse = self.add_field(
            "higher_is_worse",
            self.tr("Riktning"),
            QCheckBox(self.tr("Ett högre värde är sämre (till exempel fler brott)")),
        )
        self.higher_is_worse.setChecked(i.higher_is_worse if i else True)

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "unit": self.unit.text(),
            "source_id": self.source.currentData(),
            "main_area": self.main_area.text(),
            "comparison_area": self.comparison.text(),
            "chart_kind": self.chart_kind.currentData(),
            "description": self.description.toPlainText(),
            "higher_is_worse": self.higher_is_worse.isChecked(),
        }


class PartialDateEntry(DateEntry):
    """A date that may be only a month or a year ("juni 2023", "2023") when that is all the
    source says; `checked()` gives a `PartialDate`, never an invented day."""

    def __init__(self, day: date | None, field: str = "", parent: QWidget | None = None) -> None:
        super().__init__(day, field, parent)
        self.setMaxLength(24)  # "15 september 2023"
        self.setPlaceholderText(self.tr("ÅÅÅÅ-MM-DD, juni 2023 eller 2023"))
        self.setToolTip(self.tr("Skriv datumet som ÅÅÅÅ-MM-DD, eller bara månad och år, eller år."))

    def setDate(self, day: date | QDate | PartialDate) -> None:  # noqa: N802
        if isinstance(day, PartialDate):
            if self.text() != day.entry_text:
                self.setText(day.entry_text)
            return
        super().setDate(day)

    def date(self) -> QDate:
        try:
            d = parse_partial_date(self.text(), self.field).start
        except ValidationError:
            return QDate()
        return QDate(d.year, d.month, d.day)

    def checked(self) -> PartialDate:
        return parse_partial_date(self.text(), self.field)


class PresentDialog(FormDialog):
    """Present (freeze) a situation picture: date, body, and whether work continues."""

    def __init__(self, on_save: Any, title: str, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Presentera {title}").format(title=title),
            on_save,
            parent,
            intro=self.tr(
                "När lägesbilden presenteras sparas den som den ser ut nu och låses. "
                "Arbetet kan fortsätta i en ny version."
            ),
        )
        self.save_button.setText(self.tr("Presentera och lås"))
        self.save_button.setAccessibleName(self.tr("Presentera och lås"))
        self.on = self.add_field(
            "presented_on",
            self.tr("Datum"),
            PartialDateEntry(date.today()),
            hint=self.tr(
                "ÅÅÅÅ-MM-DD, eller bara månad och år (juni 2023) eller år (2023) om det är "
                "allt som är känt."
            ),
        )
        self.on.setAccessibleName(self.tr("Datum då lägesbilden presenterades"))
        self.body = self.add_field(
            "presented_to",
            self.tr("Presenterad för"),
            QLineEdit(),
            hint=self.tr("Till exempel Kommunstyrelsen eller Trygghetsrådet."),
        )
        self.continue_work = self.add_field(
            "continue_work",
            self.tr("Fortsätt"),
            QCheckBox(self.tr("Skapa en ny version att arbeta vidare i")),
        )
        self.continue_work.setChecked(True)

    def values(self) -> dict[str, Any]:
        return {
            "presented_on": self.on.checked(),
            "presented_to": self.body.text(),
            "continue_work": self.continue_work.isChecked(),
        }
