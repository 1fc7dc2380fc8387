"""Table models of the situation picture: pictures, sources (attention in colour), gaps,
observations, and the editable grid of an indicator's values (periods × areas)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from trygghetsrad.domain.situation.charts import format_number
from trygghetsrad.domain.situation.periods import period_label, period_sort_key
from trygghetsrad.domain.situation.picture import (
    GapData,
    IndicatorData,
    ObservationData,
    PictureData,
    SourceData,
)
from trygghetsrad.domain.text import search_text
from trygghetsrad.ui.situation.base import ALERT_BACKGROUND, ALERT_TEXT, date_text
from trygghetsrad.ui.widgets.record_model import Column, RecordTableModel

AnyIndex = QModelIndex | QPersistentModelIndex

__all__ = [
    "GapsModel",
    "ObservationsModel",
    "PicturesModel",
    "SourcesModel",
    "ValuesModel",
]


class PicturesModel(RecordTableModel[PictureData]):
    def __init__(self, parent: QObject | None = None) -> None:
        tr = self.tr
        super().__init__(
            [
                Column(tr("Lägesbild"), lambda p: p.title),
                Column(
                    tr("Version"),
                    lambda p: str(p.version),
                    sort=lambda p: p.version,
                    align_right=True,
                ),
                Column(tr("Status"), lambda p: p.status_text),
            ],
            lambda p: search_text(p.title, p.status_text),
            parent,
        )

    def extra_data(self, record: PictureData, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and not record.is_frozen:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and record.status == "superseded":
            return QColor("#7a8691")
        return None


class SourcesModel(RecordTableModel[SourceData]):
    """Sources; a missing or overdue source gets a red row, requested or soon due amber."""

    def __init__(self, parent: QObject | None = None) -> None:
        tr = self.tr
        self.today = date.today()
        super().__init__(
            [
                Column(tr("Underlag"), lambda s: s.name + (tr(" (intern)") if s.internal else "")),
                Column(tr("Leverans"), self._state_text, sort=self._state_sort),
                Column(tr("Typ"), lambda s: s.kind_label),
                Column(tr("Lämnas av"), lambda s: s.delivered_by or "–"),
                Column(tr("Från"), lambda s: s.provider),
                Column(tr("Hur ofta"), lambda s: s.frequency_label),
                Column(
                    tr("Senast"),
                    lambda s: date_text(s.last_received),
                    sort=lambda s: s.last_received or date.min,
                ),
                Column(
                    tr("Nästa"),
                    lambda s: date_text(s.next_expected),
                    sort=lambda s: s.next_expected or date.max,
                ),
                Column(tr("Nivå"), lambda s: s.level_label),
                Column(tr("Hinder"), lambda s: ", ".join(o.label for o in s.obstacles) or "–"),
            ],
            lambda s: search_text(
                s.name,
                s.kind_label,
                s.delivered_by,
                s.provider,
                s.obstacles_text,
                s.status_label,
                s.note,
            ),
            parent,
        )

    @property
    def today(self) -> date:
        return self._today

    @today.setter
    def today(self, day: date) -> None:
        # The delivery state is cached per row; a new day can change every row's state.
        changed = getattr(self, "_today", day) != day
        self._today = day
        if changed:
            self.refresh_all()

    def _state_text(self, s: SourceData) -> str:
        alert = s.alert(self.today)
        if alert is not None:
            return alert.label
        return self.tr("I tid") if s.next_expected is not None else s.status_label

    def _state_sort(self, s: SourceData) -> tuple[int, str]:
        order = {"missing": 0, "overdue": 1, "requested": 2, "due_soon": 3}
        alert = s.alert(self.today)
        return (order[alert.value] if alert else 9, s.name.lower())

    def extra_data(self, record: SourceData, role: int) -> Any:
        alert = record.alert(self.today)
        if alert is None:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return ALERT_BACKGROUND[alert]
        if role == Qt.ItemDataRole.ForegroundRole:
            return ALERT_TEXT[alert]
        return None


class GapsModel(RecordTableModel[GapData]):
    def __init__(self, parent: QObject | None = None) -> None:
        tr = self.tr
        super().__init__(
            [
                Column(
                    tr("Vad saknas"), lambda g: g.title + (tr(" (intern)") if g.internal else "")
                ),
                Column(tr("Typ"), lambda g: g.kind_label),
                Column(tr("Vem kan bidra"), lambda g: g.filler or "–"),
                Column(tr("Vad har gjorts"), lambda g: g.actions_taken or "–"),
                Column(tr("Status"), lambda g: g.status_label),
                Column(
                    tr("Noterad"),
                    lambda g: date_text(g.identified_on),
                    sort=lambda g: g.identified_on or date.min,
                ),
            ],
            lambda g: search_text(
                g.title, g.description, g.filler, g.actions_taken, g.status_label
            ),
            parent,
        )

    def extra_data(self, record: GapData, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and record.status == "filled":
            return QColor("#7a8691")
        return None


class ObservationsModel(RecordTableModel[ObservationData]):
    def __init__(self, parent: QObject | None = None) -> None:
        tr = self.tr
        super().__init__(
            [
                Column(tr("Plats"), lambda o: o.place or "–"),
                Column(
                    tr("Observation"), lambda o: o.title + (tr(" (intern)") if o.internal else "")
                ),
                Column(tr("Kategori"), lambda o: o.category_label),
                Column(
                    tr("Utveckling"),
                    lambda o: f"{o.trend_arrow} {o.trend_label}",
                    sort=lambda o: o.trend,
                ),
                Column(tr("Toppar"), lambda o: o.peak_text),
                Column(
                    tr("Datum"),
                    lambda o: date_text(o.observed_on),
                    sort=lambda o: o.observed_on or date.min,
                ),
                Column(tr("Underlag"), lambda o: ", ".join((*o.source_names, *o.indicator_names))),
            ],
            lambda o: search_text(
                o.title,
                o.place,
                o.description,
                o.category_label,
                o.trend_label,
                o.reported_by,
                *o.source_names,
                *o.indicator_names,
            ),
            parent,
        )

    def extra_data(self, record: ObservationData, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and record.trend == "rising":
            return QColor("#8f1d22")
        if role == Qt.ItemDataRole.ForegroundRole and record.trend == "falling":
            return QColor("#2f6b3a")
        return None


class ValuesModel(QAbstractTableModel):
    """An indicator's values: one row per period, one column per area; cells are editable.

    An edit emits `value_edited(area, period, text)`; the page saves it through the service
    (as an undoable command) and reloads the indicator.
    """

    value_edited = Signal(str, str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._indicator: IndicatorData | None = None
        self._periods: list[str] = []
        self._areas: list[str] = []
        self._values: dict[tuple[str, str], float] = {}
        self._step = 1.0

    def set_indicator(self, indicator: IndicatorData | None) -> None:
        self.beginResetModel()
        self._indicator = indicator
        if indicator is None:
            self._periods, self._areas, self._values = [], [], {}
        else:
            self._periods = sorted({v.period for v in indicator.values}, key=period_sort_key)
            self._areas = indicator.areas or ([indicator.main_area] if indicator.main_area else [])
            if indicator.comparison_area and indicator.comparison_area not in self._areas:
                self._areas.append(indicator.comparison_area)
            self._values = {(v.area, v.period): v.value for v in indicator.values}
        # Same number of decimals down a column: 5,0 beside 6,3, not 5.
        fractional = [v for v in self._values.values() if abs(v - round(v)) > 1e-9]
        self._step = 0.01 if any(abs(v * 10 - round(v * 10)) > 1e-9 for v in fractional) else 0.1
        if not fractional:
            self._step = 1.0
        self.endResetModel()

    def areas(self) -> list[str]:
        return list(self._areas)

    def periods(self) -> list[str]:
        return list(self._periods)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._periods)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._areas)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._periods)):
            return None
        if not 0 <= index.column() < len(self._areas):
            return None
        key = (self._areas[index.column()], self._periods[index.row()])
        value = self._values.get(key)
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if value is None else format_number(value, self._step)
        if role == Qt.ItemDataRole.EditRole:
            return "" if value is None else format_number(value).replace("\u00a0", "")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if not (0 <= index.row() < len(self._periods) and 0 <= index.column() < len(self._areas)):
            return False
        self.value_edited.emit(self._areas[index.column()], self._periods[index.row()], str(value))
        return True

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._areas):
            return self._areas[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._periods):
            return period_label(self._periods[section])
        return None
