"""The follow-up table: per measure its light, why, who, status, trend, latest follow-up
and the council's decisions of the year."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from trygghetsrad.domain.situation.action_plan import MeasureRow, Trend, status_label, trend_text
from trygghetsrad.domain.text import search_text
from trygghetsrad.ui.situation.action_plan_common import iso
from trygghetsrad.ui.situation.plan_model import LIGHT_ROLES, last_followup, light_data
from trygghetsrad.ui.widgets.record_model import Column, RecordTableModel

TREND_COLOURS = {
    Trend.REACHED: "#2e8540",
    Trend.TOWARDS: "#2e8540",
    Trend.UNCHANGED: "#8a6d00",
    Trend.AWAY: "#a4262c",
    Trend.UNKNOWN: "#5d6873",
}
_MISSING_CAUSE = QColor("#a4262c")


def _tr(text: str) -> str:
    return QCoreApplication.translate("FollowUpTableModel", text)


class FollowUpTableModel(RecordTableModel[MeasureRow]):
    """Short headers fit 1366 px; the full wording is the header's tooltip."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column("", lambda r: "", tooltip=lambda r: r.light.reason),
                Column(_tr("Åtgärd"), lambda r: r.measure.title),
                Column(_tr("Varför"),
                       lambda r: "; ".join(r.measure.cause_titles) or _tr("Saknar orsak"),
                       header_tip=_tr("Varför: orsakerna som åtgärden svarar mot")),
                Column(_tr("Vem"), lambda r: r.measure.responsible),
                Column(_tr("Status"), lambda r: status_label(r.measure.status)),
                Column(_tr("Fungerar det?"), trend_text),
                Column(_tr("Uppföljning"), lambda r: last_followup(r.followups),
                       header_tip=_tr("Senaste uppföljning")),
                Column(_tr("Rådets beslut"), lambda r: " · ".join(self.decisions(r))),
            ],
            search=lambda r: search_text(r.measure.title, r.measure.responsible),
            parent=parent,
        )  # fmt: skip
        self.year = date.today().year

    def set_rows(self, rows: Iterable[MeasureRow], year: int | None = None) -> None:
        super().set_rows(rows)
        if year is not None and year != self.year:
            self.year = year  # "Rådets beslut" shows the year's decisions: every row changes
            self.refresh_all()

    def row_key(self, record: MeasureRow) -> int:
        return record.measure.id

    def decisions(self, row: MeasureRow) -> list[str]:
        return [
            f"{iso(m.meeting_date)}: {m.text}"
            for m in row.mentions
            if m.kind == "decision" and m.meeting_date and m.meeting_date.year == self.year
        ]

    def row_data(self, record: MeasureRow, row: int, column: int, role: int) -> Any:
        if column == 0 and role in LIGHT_ROLES:
            return light_data(record.light, role)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 5:
                return QColor(TREND_COLOURS[record.trend.trend])
            if column == 2 and not record.measure.cause_ids:
                return _MISSING_CAUSE
            return None
        return super().row_data(record, row, column, role)
