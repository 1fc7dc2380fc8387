"""Uppföljning: the year's follow-up in one view — pick a problem and see what was decided
about it, why (the causes), who does it, and whether it works (status, indicator trend
against target, the council's decisions) — with the law/Brå checklist beside it."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.changes import ACTION_PLAN, MEETINGS, SITUATION
from trygghetsrad.domain.situation.action_plan import LIGHT_COLOURS, Light, MeasureRow, light_count
from trygghetsrad.domain.situation.action_plan_docs import ChecklistItem
from trygghetsrad.domain.situation.causes import ProblemData
from trygghetsrad.i18n import plural
from trygghetsrad.services.situation import action_plan, causes, followup
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.situation.action_plan_common import attach_export_menu
from trygghetsrad.ui.situation.base import Session, SituationSubPage
from trygghetsrad.ui.situation.followup_model import FollowUpTableModel
from trygghetsrad.ui.widgets.columns import ColumnFitter
from trygghetsrad.ui.widgets.filter_proxy import RecordFilterProxy
from trygghetsrad.ui.widgets.service_calls import read


class FollowUpPage(SituationSubPage):
    """The page's own edits (the report's title and chapters) undo while it is shown."""

    WATCH = (ACTION_PLAN, MEETINGS, SITUATION)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setAccessibleName(self.tr("Uppföljning"))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setAccessibleName(self.tr("År"))
        self.year.valueChanged.connect(self.refresh)
        self.problem = QComboBox()
        self.problem.setAccessibleName(self.tr("Problem"))
        self.problem.setMinimumWidth(320)
        self.problem.activated.connect(self._apply_filter)
        self.export_button = QPushButton(self.tr("Uppföljningsrapport som PDF…"))
        self.export_button.setAccessibleName(self.tr("Uppföljningsrapport som PDF"))
        attach_export_menu(self.export_button, self._on_export)
        top = QHBoxLayout()
        year_label = QLabel(self.tr("År:"))
        year_label.setBuddy(self.year)
        problem_label = QLabel(self.tr("Problem:"))
        problem_label.setBuddy(self.problem)
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addSpacing(16)
        top.addWidget(problem_label)
        top.addWidget(self.problem)
        top.addStretch(1)
        top.addWidget(self.export_button)
        self.document_button = QPushButton(self.tr("Rubrik och kapitel…"))
        self.document_button.setAccessibleName(self.tr("Uppföljningsrapportens rubrik och kapitel"))
        self.document_button.clicked.connect(self._on_document)
        top.addWidget(self.document_button)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAccessibleName(self.tr("Sammanfattning"))
        self.model = FollowUpTableModel(self)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Åtgärder och uppföljning"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.doubleClicked.connect(self._on_open_measure)
        self.table.setToolTip(self.tr("Dubbelklicka för att öppna åtgärden i åtgärdsplanen."))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.columns = ColumnFitter(
            self.table, stretch=(1, 2, 3, 5, 6, 7), max_width=120, rows_to_contents=True
        )
        self.checklist = QTextBrowser()
        self.checklist.setAccessibleName(self.tr("Lagens och Brås steg"))
        self.checklist.setMaximumWidth(420)
        splitter = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.summary)
        left_layout.addWidget(self.table, 1)
        splitter.addWidget(left)
        splitter.addWidget(self.checklist)
        splitter.setSizes([1000, 380])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self._rows: list[MeasureRow] = []
        self._problem_causes: dict[int, set[int]] = {}
        self.refresh()

    def refresh(self) -> None:
        year = self.year.value()

        def load(
            s: Session,
        ) -> tuple[list[MeasureRow], list[ProblemData], dict[int, set[int]], list[ChecklistItem]]:
            rows: list[MeasureRow] = []
            for plan in followup.plans_for_year(s, year):
                rows.extend(action_plan.measure_rows(s, plan.id, today=date.today()))
            problems = causes.list_problems(s)
            by_problem: dict[int, set[int]] = {p.id: set() for p in problems}
            for c in causes.list_causes(s):
                by_problem.setdefault(c.problem_id, set()).add(c.id)
            return rows, problems, by_problem, followup.checklist(s, year, today=date.today())

        rows, problems, self._problem_causes, checklist = read(self.ctx, load)
        self._rows = rows
        current = self.problem.currentData()
        self.problem.clear()
        self.problem.addItem(self.tr("Alla åtgärder"), None)
        for p in problems:
            self.problem.addItem(p.title, p.id)
        index = self.problem.findData(current) if current is not None else 0
        self.problem.setCurrentIndex(max(0, index))
        self._apply_filter()
        self._show_checklist(checklist)

    def open_record(self, owner: Any) -> bool:
        """Show the follow-up of one problem ("problem_followup") or the page for a measure."""
        if owner.kind != "problem_followup" or self.problem.findData(owner.id) < 0:
            return False
        self.select_problem(owner.id)
        self.table.setFocus()
        return True

    def select_problem(self, problem_id: int) -> None:
        index = self.problem.findData(problem_id)
        if index >= 0:
            self.problem.setCurrentIndex(index)
            self._apply_filter()

    def _apply_filter(self) -> None:
        problem_id = self.problem.currentData()
        rows = self._rows
        if problem_id is not None:
            wanted = self._problem_causes.get(problem_id, set())
            rows = [r for r in rows if wanted & set(r.measure.cause_ids)]
        self.model.set_rows(rows, self.year.value())
        self.table.resizeRowsToContents()
        counts = {light: 0 for light in Light}
        for r in rows:
            counts[r.light.light] += 1
        parts = [
            f"<span style='color:{LIGHT_COLOURS[light]}'>●</span> "
            + escape(light_count(light, counts[light]))
            for light in (Light.GREEN, Light.YELLOW, Light.RED, Light.GREY)
        ]
        if counts[Light.NONE]:
            parts.append(escape(light_count(Light.NONE, counts[Light.NONE])))
        what = self.problem.currentText() if problem_id is not None else self.tr("Alla åtgärder")
        self.summary.setText(
            f"<b>{escape(what)}</b> — "
            f"{escape(plural(len(rows), self.tr('åtgärd'), self.tr('åtgärder')))}: "
            + " &nbsp; ".join(parts)
        )

    def _show_checklist(self, items: list[ChecklistItem]) -> None:
        html = [
            f"<h3>{escape(self.tr('Lagens och Brås steg {y}').format(y=self.year.value()))}</h3>"
        ]
        for item in items:
            colour, mark = item.state.colour, item.state.label
            html.append(
                f"<p><b>{escape(item.label)}</b> "
                f"<span style='color:{colour}'>({escape(mark)})</span>"
            )
            if item.detail:
                html.append(f"<br/>{escape(item.detail)}")
            if item.note:
                html.append(f"<br/><span style='color:{colour}'>{escape(item.note)}</span>")
            html.append("</p>")
        self.checklist.setHtml("".join(html))

    def _on_open_measure(self, index: QModelIndex) -> None:
        """Open the measure in the action plan (through the window, like a search hit)."""
        from trygghetsrad.domain.calendar_items import Owner

        row = self.proxy.mapToSource(index).row()
        record = self.model.record_at(row)
        if record is not None:
            measure_id = record.measure.id
            self.ctx.events.open_record.emit(Owner(ACTION_PLAN, "measure", measure_id))

    def _on_document(self) -> None:
        from trygghetsrad.domain.situation.documents import DocumentKind
        from trygghetsrad.ui.situation.document_dialog import edit_document

        year = self.year.value()
        title = self.tr("Uppföljning av åtgärdsplanen {year}").format(year=year)
        self.dialog = edit_document(
            self, kind=DocumentKind.FOLLOWUP, owner=year,
            what=title, default_title=title,
        )  # fmt: skip

    def _on_export(self, include_internal: bool = False) -> None:
        from trygghetsrad.ui.situation.action_plan_export import export_followup_pdf

        export_followup_pdf(self, self.ctx, self.year.value(), include_internal)


def make_page(ctx: AppContext) -> QWidget:
    return FollowUpPage(ctx)
