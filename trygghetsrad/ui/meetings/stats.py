"""Närvarostatistik: attendance per person and per organisation for a year."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.services import register
from trygghetsrad.services.meetings import attendance as attendance_service
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.meetings.models import StatsModel
from trygghetsrad.ui.meetings.table_view import record_table
from trygghetsrad.ui.widgets.screen import fit_to_screen
from trygghetsrad.ui.widgets.service_calls import read


class StatsDialog(QDialog):
    """Attendance per person and per organisation for a year."""

    def __init__(self, ctx: AppContext, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Närvarostatistik"))
        self.setAccessibleName(self.tr("Närvarostatistik"))
        self.resize(1000, 680)
        fit_to_screen(self)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.year.setAccessibleName(self.tr("År"))
        self.group = QComboBox()
        self.group.setAccessibleName(self.tr("Grupp"))
        self.group.addItem(self.tr("Alla grupper"), None)
        for g in read(ctx, register.list_groups):
            self.group.addItem(g.name, g.id)
        row.addWidget(QLabel(self.tr("År")))
        row.addWidget(self.year)
        row.addWidget(QLabel(self.tr("Grupp")))
        row.addWidget(self.group)
        row.addStretch(1)
        layout.addLayout(row)
        self.people_model = StatsModel(self)
        self.org_model = StatsModel(self)
        heading = QLabel(self.tr("Per person"))
        heading.setProperty("role", "heading")
        layout.addWidget(heading)
        people_view = record_table(
            self.people_model, self.tr("Närvaro per person"), sortable=True, stretch=1
        )
        layout.addWidget(people_view, 3)
        heading = QLabel(self.tr("Per organisation (företrädd vid mötet)"))
        heading.setProperty("role", "heading")
        layout.addWidget(heading)
        org_view = record_table(self.org_model, self.tr("Närvaro per organisation"), sortable=True)
        org_view.setColumnHidden(1, True)  # the organisation is the row itself
        layout.addWidget(org_view, 2)
        self.views = (people_view, org_view)
        for view in self.views:
            view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # A → Ö, as the arrow shows
            view.horizontalHeader().setMinimumSectionSize(60)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Stäng"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Stäng"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.year.valueChanged.connect(self.reload)
        self.group.currentIndexChanged.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        year, group = self.year.value(), self.group.currentData()
        people, organisations = read(
            self.ctx,
            lambda s: (
                attendance_service.attendance_by_person(s, year, group_id=group),
                attendance_service.attendance_by_organisation(s, year, group_id=group),
            ),
        )
        self.people_model.set_rows(people)
        self.org_model.set_rows(organisations)
