"""Åtgärdsplan: the plan head with its adoption record and versions, the measures with their
traffic lights and flags, and everything about the selected measure — why (its causes), who,
when, whether it works (indicator trend, follow-up notes) and its meeting history."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.situation.action_plan import MeasureRow, PlanData, PlanFlags, PlanStatus
from trygghetsrad.domain.situation.causes import CauseData
from trygghetsrad.i18n import plural
from trygghetsrad.services.situation import action_plan, causes
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.situation.action_plan_common import attach_export_menu, fill_combo, iso
from trygghetsrad.ui.situation.base import Session
from trygghetsrad.ui.situation.plan_actions import PlanActions
from trygghetsrad.ui.situation.plan_model import MeasureTableModel, label_of, measure_html
from trygghetsrad.ui.widgets.columns import ColumnFitter
from trygghetsrad.ui.widgets.empty_state import EmptyState
from trygghetsrad.ui.widgets.filter_proxy import RecordFilterProxy
from trygghetsrad.ui.widgets.screen import fit_to_screen
from trygghetsrad.ui.widgets.service_calls import read


class PlanPage(PlanActions):
    """The plan head, its warnings, the measures and the selected measure's story; what
    the buttons do is in `PlanActions`."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setAccessibleName(self.tr("Åtgärdsplan"))
        self.plan: PlanData | None = None
        self.flags = PlanFlags()
        self._plans: list[PlanData] = []
        self._cause_titles: dict[int, str] = {}
        self._cause_problem: dict[int, int] = {}
        self._problem_titles: dict[int, str] = {}

        top = self._build_plan_row()
        flag_row = self._build_warnings()
        self._build_table()
        splitter = self._build_splitter()

        self.empty = EmptyState(
            self.tr("Ingen åtgärdsplan ännu"),
            self.tr(
                "Skapa en plan med ”Ny plan…”. Åtgärderna kopplas till orsakerna i "
                "orsaksanalysen och följs upp med trafikljus."
            ),
        )
        self.body = QWidget()
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.header)
        body_layout.addLayout(flag_row)
        body_layout.addWidget(splitter, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.body, 1)
        self.refresh()

    def _build_plan_row(self) -> QHBoxLayout:
        """The plan chooser and the plan's buttons."""
        self.plan_combo = QComboBox()
        self.plan_combo.setAccessibleName(self.tr("Åtgärdsplan"))
        self.plan_combo.setMinimumWidth(380)
        self.plan_combo.activated.connect(self._on_plan_chosen)
        self.new_plan_button = QPushButton(self.tr("Ny plan…"))
        self.new_plan_button.clicked.connect(self._on_new_plan)
        self.edit_plan_button = QPushButton(self.tr("Ändra plan…"))
        self.edit_plan_button.clicked.connect(self._on_edit_plan)
        self.adopt_button = QPushButton(self.tr("Anta…"))
        self.adopt_button.clicked.connect(self._on_adopt)
        self.version_button = QPushButton(self.tr("Ny version"))
        self.version_button.clicked.connect(self._on_new_version)
        self.delete_plan_button = QPushButton(self.tr("Ta bort utkast"))
        self.delete_plan_button.clicked.connect(self._on_delete_plan)
        self.export_button = QPushButton(self.tr("PDF för beslut…"))
        attach_export_menu(self.export_button, self._on_export)
        self.document_button = QPushButton(self.tr("Rubrik och kapitel…"))
        self.document_button.clicked.connect(self._on_document)
        top = QHBoxLayout()
        label = QLabel(self.tr("Plan:"))
        label.setBuddy(self.plan_combo)
        top.addWidget(label)
        top.addWidget(self.plan_combo)
        for b in (
            self.new_plan_button,
            self.edit_plan_button,
            self.adopt_button,
            self.version_button,
            self.delete_plan_button,
            self.export_button,
            self.document_button,
        ):
            b.setAccessibleName(b.text().rstrip("…"))
            top.addWidget(b)
        self.document_button.setAccessibleName(self.tr("Åtgärdsplanens rubrik och kapitel"))
        top.addStretch(1)
        return top

    def _build_warnings(self) -> QHBoxLayout:
        """The plan head and the one-line warnings with the button that lists them."""
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setAccessibleName(self.tr("Planens beslut och period"))
        # One compact line: counts, and a link that opens the whole list (ten years of causes
        # must not push the measures off the page).
        self.flag_label = QLabel()
        self.flag_label.setWordWrap(True)
        self.flag_label.setProperty("role", "error")
        self.flag_label.setTextFormat(Qt.TextFormat.RichText)
        self.flag_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.flag_label.setAccessibleName(self.tr("Varningar"))
        self.flag_label.linkActivated.connect(lambda _link: self.show_uncovered())
        self.flags_button = QPushButton()
        self.flags_button.clicked.connect(self.show_uncovered)
        self.flags_button.hide()
        flag_row = QHBoxLayout()
        flag_row.setContentsMargins(0, 0, 0, 0)
        flag_row.addWidget(self.flag_label, 1)
        flag_row.addWidget(self.flags_button)
        return flag_row

    def _build_table(self) -> None:
        """The measures, their filter field and how their columns share the width."""
        self.model = MeasureTableModel(self)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Åtgärder"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        # Measures are named in sentences: wrapped onto as many lines as they need, so the plan
        # reads at 1366 px without opening each row (the detail pane has the rest).
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Title, responsible, indicator and causes share the width; nothing scrolls sideways.
        self.columns = ColumnFitter(
            self.table,
            stretch=(2, 4, 5, 6, 7, 9),
            max_width=150,
            primary=2,
            primary_share=0.24,
            rows_to_contents=True,
        )
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self.table.doubleClicked.connect(lambda _i: self._on_edit_measure())
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filtrera åtgärder…"))
        self.search.setProperty("role", "search")
        self.search.setAccessibleName(self.tr("Filtrera åtgärder"))
        self.search.textChanged.connect(self.proxy.set_query)

    def _build_measure_buttons(self) -> QHBoxLayout:
        """The filter field and the measure buttons above the table."""
        self.new_measure_button = QPushButton(self.tr("Ny åtgärd…"))
        self.new_measure_button.clicked.connect(self._on_new_measure)
        self.edit_measure_button = QPushButton(self.tr("Ändra…"))
        self.edit_measure_button.clicked.connect(self._on_edit_measure)
        self.delete_measure_button = QPushButton(self.tr("Ta bort"))
        self.delete_measure_button.clicked.connect(self._on_delete_measure)
        self.followup_button = QPushButton(self.tr("Ny uppföljning…"))
        self.followup_button.clicked.connect(self._on_followup)
        self.link_button = QPushButton(self.tr("Koppla till protokoll…"))
        self.link_button.clicked.connect(self._on_link)
        actions = QHBoxLayout()
        actions.addWidget(self.search, 1)
        for b in (
            self.new_measure_button,
            self.edit_measure_button,
            self.delete_measure_button,
            self.followup_button,
            self.link_button,
        ):
            b.setAccessibleName(b.text().rstrip("…"))
            actions.addWidget(b)
        return actions

    def _build_splitter(self) -> QSplitter:
        """The table beside the selected measure's story."""
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(self.tr("Vald åtgärd"))
        self.detail.setOpenLinks(False)
        self.detail.anchorClicked.connect(self._on_anchor)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self._build_measure_buttons())
        left_layout.addWidget(self.table, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        # The table is what the plan is read from: it gets the larger share at 1366 px.
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1000, 340])
        return splitter

    # -- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        selected = self.current_measure_id()
        plans = read(self.ctx, action_plan.list_plans)
        self._plans = plans
        keep = self.plan.id if self.plan else None
        if keep is None or all(p.id != keep for p in plans):
            current = read(self.ctx, lambda s: action_plan.current_plan(s, date.today()))
            keep = current.id if current else None
        fill_combo(
            self.plan_combo,
            [
                (p.id, f"{p.title} (v{p.version}, {label_of(p.status, PlanStatus).lower()})")
                for p in plans
            ],
            keep,
        )
        self.plan = next((p for p in plans if p.id == keep), None)
        has_plan = self.plan is not None
        self.empty.setVisible(not has_plan)
        self.body.setVisible(has_plan)
        for b in (
            self.edit_plan_button,
            self.adopt_button,
            self.version_button,
            self.delete_plan_button,
            self.export_button,
            self.document_button,
        ):
            b.setEnabled(has_plan)
        if self.plan is None:
            self.model.set_rows([])
            return
        plan = self.plan
        self.adopt_button.setEnabled(plan.status == PlanStatus.DRAFT)
        self.version_button.setEnabled(plan.status != PlanStatus.DRAFT)
        self.delete_plan_button.setEnabled(plan.status == PlanStatus.DRAFT)
        draft = plan.status == PlanStatus.DRAFT
        locked = (
            ""
            if draft
            else self.tr(
                "Planen är antagen. Skapa en ny version för att lägga till eller ta bort åtgärder."
            )
        )
        for b in (self.new_measure_button, self.delete_measure_button):
            b.setEnabled(draft)
            b.setToolTip(locked)

        def load(
            s: Session,
        ) -> tuple[list[MeasureRow], PlanFlags, list[CauseData], dict[int, str]]:
            rows = action_plan.measure_rows(s, plan.id, today=date.today())
            flags = action_plan.flags(s, plan.id)
            all_causes = causes.list_causes(s)
            problems = {p.id: p.title for p in causes.list_problems(s)}
            return rows, flags, all_causes, problems

        rows, self.flags, all_causes, self._problem_titles = read(self.ctx, load)
        self._cause_titles = {c.id: c.title for c in all_causes}
        self._cause_problem = {c.id: c.problem_id for c in all_causes}
        self.model.set_rows(rows)
        self._show_header(plan)
        self._show_flags()
        if selected is not None:
            self.select_measure(selected)
        if self.current_row() is None and self.proxy.rowCount():
            self.table.selectRow(0)
        self._show_detail()

    def _show_header(self, plan: PlanData) -> None:
        parts = [
            f"<b>{escape(plan.title)}</b>",
            self.tr("Planperiod {a} – {b}").format(
                a=iso(plan.period_start), b=iso(plan.period_end)
            ),
            self.tr("Version {v}").format(v=plan.version),
            escape(plan.adoption_label),
        ]
        if plan.follow_up_on:
            parts.append(self.tr("Uppföljning {d}").format(d=iso(plan.follow_up_on)))
        self.header.setText(" · ".join(parts))

    def _show_flags(self) -> None:
        parts = []
        n = len(self.flags.measures_without_cause)
        if n:
            parts.append(
                self.tr("{measures} saknar koppling till en orsak.").format(
                    measures=plural(n, self.tr("åtgärd"), self.tr("åtgärder"))
                )
            )
        causes_n = len(self.flags.causes_without_measure)
        problems_n = len(self.flags.problems_without_measure)
        if causes_n or problems_n:
            parts.append(
                self.tr("Planen lämnar {causes} och {problems} utan åtgärd.").format(
                    causes=plural(causes_n, self.tr("orsak"), self.tr("orsaker")),
                    problems=plural(
                        problems_n, self.tr("prioriterat problem"), self.tr("prioriterade problem")
                    ),
                )
            )
        self.flag_label.setText("⚠ " + " ".join(escape(p) for p in parts) if parts else "")
        self.flag_label.setVisible(bool(parts))
        self.flags_button.setVisible(bool(causes_n or problems_n))
        label = self.tr("Visa {what} utan åtgärd…").format(
            what=plural(causes_n, self.tr("orsak"), self.tr("orsaker"))
            if causes_n
            else plural(problems_n, self.tr("problem"), self.tr("problem"))
        )
        self.flags_button.setText(label)
        self.flags_button.setAccessibleName(label.rstrip("…"))

    def uncovered_text(self) -> str:
        """The prioritised problems and causes the plan has no measure for, problem by problem."""
        by_problem: dict[int, list[str]] = {}
        for cause_id in self.flags.causes_without_measure:
            problem_id = self._cause_problem.get(cause_id)
            if problem_id is not None:
                by_problem.setdefault(problem_id, []).append(self._cause_titles.get(cause_id, ""))
        for problem_id in self.flags.problems_without_measure:
            by_problem.setdefault(problem_id, [])
        lines = []
        for problem_id, titles in by_problem.items():
            whole = problem_id in self.flags.problems_without_measure
            lines.append(
                self._problem_titles.get(problem_id, "")
                + (self.tr(" (ingen åtgärd alls)") if whole else "")
            )
            lines.extend(f"    • {t}" for t in titles)
        return "\n".join(lines)

    def show_uncovered(self) -> None:
        """The whole list behind the warning, in a dialog of its own."""
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Orsaker och problem utan åtgärd"))
        dialog.setAccessibleName(self.tr("Orsaker och problem utan åtgärd"))
        text = QPlainTextEdit(self.uncovered_text())
        text.setReadOnly(True)
        text.setAccessibleName(self.tr("Orsaker och problem utan åtgärd"))
        intro = QLabel(
            self.tr(
                "Prioriterade problem i planens period och de orsaker som ingen åtgärd i "
                "planen svarar mot. Koppla en åtgärd till orsaken, eller ta bort "
                "prioriteringen i Orsaksanalys."
            )
        )
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        box = QVBoxLayout(dialog)
        box.addWidget(intro)
        box.addWidget(text, 1)
        box.addWidget(buttons)
        dialog.resize(620, 480)
        fit_to_screen(dialog)
        self.dialog = dialog
        dialog.open()

    def open_record(self, owner: Any) -> bool:
        """Show a plan or one of its measures (from search or the annual wheel)."""
        if owner.kind == "action_plan":
            plan_id, measure_id = owner.id, None
        elif owner.kind == "measure":
            found = read(self.ctx, lambda s: action_plan.list_measures(s, measure_ids=[owner.id]))
            if not found:
                return False
            plan_id, measure_id = found[0].plan_id, owner.id
        else:
            return False
        if all(p.id != plan_id for p in self._plans):
            return False
        self.select_plan(plan_id)
        if measure_id is not None:
            self.search.clear()
            self.select_measure(measure_id)
        self.table.setFocus()
        return True

    def _on_plan_chosen(self) -> None:
        plan_id = self.plan_combo.currentData()
        self.plan = next((p for p in self._plans if p.id == plan_id), None)
        self.refresh()

    def _on_row_changed(self, *_args: object) -> None:
        self._show_detail()

    # -- the selected measure --------------------------------------------------------------

    def _show_detail(self) -> None:
        row = self.current_row()
        for b in (self.edit_measure_button, self.followup_button, self.link_button):
            b.setEnabled(row is not None)
        if row is None:
            self.detail.setHtml(f"<p>{escape(self.tr('Välj en åtgärd i listan.'))}</p>")
            return
        self.detail.setHtml(self.measure_html(row))

    def measure_html(self, row: MeasureRow) -> str:
        return measure_html(row, self.tr)


def make_page(ctx: AppContext) -> QWidget:
    return PlanPage(ctx)


_ = Path
