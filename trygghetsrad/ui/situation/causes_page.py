"""Orsaksanalys: prioritised problems, each with a cause tree edited from the keyboard or by
dragging, the tree drawn as a diagram, and the evidence and measures behind each cause."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.situation.action_plan import PlanFlags
from trygghetsrad.domain.situation.causes import CauseData, CauseKind, ProblemData
from trygghetsrad.domain.text import clean_text
from trygghetsrad.errors import ValidationError
from trygghetsrad.services.situation import action_plan, causes
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.situation.base import Session
from trygghetsrad.ui.situation.causes_actions import CauseActions
from trygghetsrad.ui.situation.causes_problems import ProblemListModel
from trygghetsrad.ui.situation.causes_tree import CauseTreeDiagram, CauseTreeModel, CauseTreeView
from trygghetsrad.ui.widgets.autosave import Autosaver
from trygghetsrad.ui.widgets.roles import Role
from trygghetsrad.ui.widgets.service_calls import read
from trygghetsrad.ui.widgets.unsaved import ask_discard, keep_current


class CausesPage(CauseActions):
    """Problems on the left; the selected problem's cause tree, diagram and details."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        ctx.autosave.join(self)  # its own timer: stored on closing, quitting, switching
        self.setAccessibleName(self.tr("Orsaksanalys"))
        self._problem_id: int | None = None
        self._flags = PlanFlags()
        self._loading = False

        left = self._build_problems()
        centre = self._build_tree()
        details = self._build_details()

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(centre)
        splitter.addWidget(details)
        splitter.setSizes([260, 640, 340])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.refresh()

    def _build_problems(self) -> QWidget:
        """The problems and their buttons (left)."""
        # Problems.
        self.problem_model = ProblemListModel(self)
        self.problem_list = QListView()
        self.problem_list.setModel(self.problem_model)
        self.problem_list.setAccessibleName(self.tr("Prioriterade problem"))
        self.problem_list.setWordWrap(True)
        self.problem_list.setSpacing(2)
        self.problem_list.selectionModel().currentChanged.connect(self._on_problem_changed)
        new_problem = QPushButton(self.tr("Nytt problem…"))
        new_problem.clicked.connect(self._on_new_problem)
        self.edit_problem_button = QPushButton(self.tr("Ändra…"))
        self.edit_problem_button.clicked.connect(self._on_edit_problem)
        self.followup_button = QPushButton(self.tr("Åtgärder och uppföljning →"))
        self.followup_button.setToolTip(
            self.tr("Vad vi beslutat om problemet, varför, vem som gör det och om det fungerar")
        )
        self.followup_button.clicked.connect(self._on_show_followup)
        self.delete_problem_button = QPushButton(self.tr("Ta bort"))
        self.delete_problem_button.clicked.connect(self._on_delete_problem)
        for b in (new_problem, self.edit_problem_button, self.delete_problem_button):
            b.setAccessibleName(b.text().rstrip("…"))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        heading = QLabel(self.tr("Problem"))
        heading.setProperty("role", "heading")
        left_layout.addWidget(heading)
        left_layout.addWidget(self.problem_list, 1)
        row = QHBoxLayout()
        row.addWidget(new_problem)
        row.addWidget(self.edit_problem_button)
        row.addWidget(self.delete_problem_button)
        left_layout.addLayout(row)
        left_layout.addWidget(self.followup_button)
        self.followup_button.setAccessibleName(self.tr("Åtgärder och uppföljning för problemet"))
        return left

    def _build_tree(self) -> QWidget:
        """The selected problem's cause tree, its buttons and the diagram (centre)."""
        # Tree editor.
        self.model = CauseTreeModel(self)
        # Deferred: the model is reloaded after the edit, which must not happen while the
        # view is still committing the editor or finishing the drop.
        self._pending: list[Callable[[], None]] = []
        self._shown: CauseData | None = None
        self.model.rename_requested.connect(
            lambda cid, title: self._defer(lambda: self._on_rename(cid, title))
        )
        self.model.move_requested.connect(
            lambda cid, parent, pos: self._defer(lambda: self._on_move(cid, parent, pos))
        )
        self.tree = CauseTreeView()
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(self.tr("Orsaksträd"))
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.setColumnWidth(1, 100)
        self.tree.setColumnWidth(2, 220)
        self.tree.insert_requested.connect(self._on_insert)
        self.tree.delete_requested.connect(self._on_delete)
        self.tree.indent_requested.connect(self._on_indent)
        self.tree.outdent_requested.connect(self._on_outdent)
        self.tree.shift_requested.connect(self._on_shift)
        self.tree.selectionModel().currentChanged.connect(self._on_cause_changed)
        self.problem_title = QLabel()
        self.problem_title.setProperty("role", "heading")
        self.problem_title.setWordWrap(True)
        hint = QLabel(
            self.tr(
                "Insert: ny orsak · Ctrl+Insert: underorsak · F2: byt namn · Delete: ta bort · "
                "Tab/Skift+Tab eller Ctrl+→/←: dra in/ut · Ctrl+↑/↓: flytta · dra med musen"
            )
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Ny orsak"))
        self.add_button.clicked.connect(lambda: self._on_insert(False))
        self.add_child_button = QPushButton(self.tr("Ny underorsak"))
        self.add_child_button.clicked.connect(lambda: self._on_insert(True))
        self.indent_button = QPushButton(self.tr("Dra in"))
        self.indent_button.clicked.connect(self._on_indent)
        self.outdent_button = QPushButton(self.tr("Dra ut"))
        self.outdent_button.clicked.connect(self._on_outdent)
        self.delete_button = QPushButton(self.tr("Ta bort orsak"))
        self.delete_button.clicked.connect(self._on_delete)
        for b in (
            self.add_button,
            self.add_child_button,
            self.indent_button,
            self.outdent_button,
            self.delete_button,
        ):
            b.setAccessibleName(b.text())
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.diagram = CauseTreeDiagram()
        self.diagram.cause_clicked.connect(self.select_cause)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.diagram)
        scroll.setAccessibleName(self.tr("Träddiagram"))
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.addWidget(self.problem_title)
        centre_layout.addLayout(buttons)
        centre_layout.addWidget(hint)
        vsplit = QSplitter(Qt.Orientation.Vertical)
        vsplit.addWidget(self.tree)
        vsplit.addWidget(scroll)
        vsplit.setSizes([260, 300])
        centre_layout.addWidget(vsplit, 1)
        return centre

    def _build_details(self) -> QWidget:
        """The selected cause: kind, description, evidence and measures (right)."""
        # Cause details.
        details = QWidget()
        details_outer = QVBoxLayout(details)
        form = QFormLayout()
        details_outer.addLayout(form)
        details_outer.addStretch(1)
        detail_heading = QLabel(self.tr("Vald orsak"))
        detail_heading.setProperty("role", "heading")
        form.addRow(detail_heading)
        self.kind = QComboBox()
        for kind in CauseKind:
            self.kind.addItem(kind.label, kind.value)
        self.kind.setAccessibleName(self.tr("Typ av orsak"))
        self.kind.activated.connect(self._on_kind)
        form.addRow(self.tr("Typ:"), self.kind)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setAccessibleName(self.tr("Beskrivning av orsaken"))
        self.description.setFixedHeight(90)
        form.addRow(self.tr("Beskrivning:"), self.description)
        # A refused description is explained here and stays in the field.
        self.description_error = QLabel()
        self.description_error.setProperty("role", "error")
        self.description_error.setWordWrap(True)
        self.description_error.hide()
        form.addRow("", self.description_error)
        # Stored once the typing pauses; the button only stores it sooner.
        self._showing = False
        self.description_autosave = Autosaver(self._autosave_description, parent=self)
        self.description.textChanged.connect(
            lambda: None if self._showing else self.description_autosave.changed()
        )
        self.internal = QCheckBox(self.tr("Intern"))
        self.internal.setAccessibleName(self.tr("Intern orsak"))
        self.internal.clicked.connect(self._on_save_details)
        form.addRow("", self.internal)
        self.save_details = QPushButton(self.tr("Spara beskrivning"))
        self.save_details.setAccessibleName(self.tr("Spara beskrivning"))
        self.save_details.clicked.connect(self._on_save_details)
        form.addRow("", self.save_details)
        self.evidence = QListWidget()
        self.evidence.setAccessibleName(self.tr("Underlag för orsaken"))
        self.evidence.setWordWrap(True)
        self.evidence.setMaximumHeight(120)
        form.addRow(self.tr("Underlag:"), self.evidence)
        ev_buttons = QHBoxLayout()
        add_source = QPushButton(self.tr("+ Underlag…"))
        add_source.setAccessibleName(self.tr("Lägg till underlag"))
        add_source.clicked.connect(lambda: self._on_add_evidence("source"))
        add_indicator = QPushButton(self.tr("+ Indikator…"))
        add_indicator.setAccessibleName(self.tr("Lägg till indikator"))
        add_indicator.clicked.connect(lambda: self._on_add_evidence("indicator"))
        remove = QPushButton(self.tr("Ta bort"))
        remove.setAccessibleName(self.tr("Ta bort underlag"))
        remove.clicked.connect(self._on_remove_evidence)
        for b in (add_source, add_indicator, remove):
            ev_buttons.addWidget(b)
        form.addRow("", ev_buttons)
        self.measures_label = QLabel()
        self.measures_label.setWordWrap(True)
        self.measures_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Åtgärder:"), self.measures_label)
        self.details = details
        return details

    # -- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self._loading = True
        current_cause = self.current_cause_id()

        def load(s: Session) -> tuple[list[ProblemData], PlanFlags, dict[int, str]]:
            problems = causes.list_problems(s)
            plan = action_plan.current_plan(s, date.today())
            flags = action_plan.flags(s, plan.id) if plan else PlanFlags()
            titles = {m.id: m.title for m in action_plan.list_measures(s)}
            return problems, flags, titles

        problems, self._flags, self._measure_titles = read(self.ctx, load)
        flagged_problems = set(self._flags.problems_without_measure)
        self.problem_model.set_problems(problems, flagged_problems)
        if self._problem_id is None or self.problem_model.row_of(self._problem_id) < 0:
            self._problem_id = problems[0].id if problems else None
        row = self.problem_model.row_of(self._problem_id)
        if row >= 0:
            self.problem_list.setCurrentIndex(self.problem_model.index(row))
        self._load_tree(current_cause)
        self._loading = False

    def _load_tree(self, select: int | None = None) -> None:
        problem = next((p for p in self.problem_model.problems if p.id == self._problem_id), None)
        for w in (
            self.tree,
            self.add_button,
            self.add_child_button,
            self.indent_button,
            self.outdent_button,
            self.delete_button,
            self.edit_problem_button,
            self.delete_problem_button,
            self.followup_button,
        ):
            w.setEnabled(problem is not None)
        if problem is None:
            self.problem_title.setText(
                self.tr("Lägg till ett problem för att börja orsaksanalysen.")
            )
            self.model.set_causes([])
            self.diagram.clear()
            self._show_details(None)
            return
        self.problem_title.setText(problem.title)
        tree = read(self.ctx, lambda s: causes.list_causes(s, problem.id))
        flagged = frozenset(self._flags.causes_without_measure)
        self.model.set_causes(tree, flagged, self._measure_titles)
        self.tree.expandAll()
        self.diagram.set_tree(problem.title, tree, flagged)
        first = self.model.cause(self.model.index(0, 0))
        if select is None and first is not None:
            select = first.id
        if select is not None:
            self.select_cause(select)
        else:
            self._show_details(None)

    def current_cause_id(self) -> int | None:
        cause = self.model.cause(self.tree.currentIndex())
        return cause.id if cause else None

    def select_cause(self, cause_id: int) -> None:
        index = self.model.index_of(cause_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        self._show_details(self.model.cause(index) if index.isValid() else None)

    def select_problem(self, problem_id: int) -> None:
        self._problem_id = problem_id
        row = self.problem_model.row_of(problem_id)
        if row >= 0:
            self.problem_list.setCurrentIndex(self.problem_model.index(row))

    def open_record(self, owner: Any) -> bool:
        """Show a problem or a cause (from search)."""
        if owner.kind == "problem":
            problem_id, cause_id = owner.id, None
        elif owner.kind == "cause":
            found = read(self.ctx, lambda s: [c for c in causes.list_causes(s) if c.id == owner.id])
            if not found:
                return False
            problem_id, cause_id = found[0].problem_id, owner.id
        else:
            return False
        if self.problem_model.row_of(problem_id) < 0:
            return False
        self.select_problem(problem_id)
        self._load_tree(cause_id)
        self.tree.setFocus()
        return True

    def _on_problem_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._loading:
            return
        if not self._may_leave_cause():
            keep_current(self.problem_list, previous)
            return
        self._problem_id = current.data(Role.KEY) if current.isValid() else None
        self._load_tree()

    def _on_cause_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        shown = self._shown
        if not self._may_leave_cause() and shown is not None:
            keep_current(self.tree, self.model.index_of(shown.id))
            return
        self._show_details(self.model.cause(current))

    def _may_leave_cause(self) -> bool:
        """Before another cause or problem is shown: store a changed description (deferred:
        the tree is reloaded after a save), or ask when it cannot be stored. True = go on."""
        shown = self._shown
        if shown is None or self._loading:
            return True
        description = self.description.toPlainText()
        if description == shown.description:
            return True
        self.description_autosave.cancel()
        if self._check_description(description):
            self._defer(lambda: self._save_details(shown, description, shown.internal))
            return True
        if not ask_discard(self, [self.description_error.text()]):
            return False
        self._showing = True  # the refused text is dropped: show the stored one
        try:
            self.description.setPlainText(shown.description)
        finally:
            self._showing = False
        self._check_description(shown.description)
        return True

    def _check_description(self, text: str) -> bool:
        """Whether `text` can be stored; if not, the reason is shown under the field."""
        try:
            clean_text(text, field="description", label=self.tr("Beskrivning"))
        except ValidationError as exc:
            self.description_error.setText(str(exc))
            self.description_error.show()
            return False
        self.description_error.clear()
        self.description_error.hide()
        return True

    def _show_details(self, cause: CauseData | None) -> None:
        previous = self._shown
        leaving = previous is not None and (cause is None or cause.id != previous.id)
        if leaving and self.description_autosave.pending:  # another cause or problem is shown
            self.description_autosave.cancel()
            text = self.description.toPlainText()
            self._defer(lambda: self._save_details(previous, text, previous.internal))
        if leaving or cause is None:
            self._check_description("")
        self._shown = cause
        self.details.setEnabled(cause is not None)
        self.diagram.set_selected(cause.id if cause else None)
        self.evidence.clear()
        if cause is None:
            self.description_autosave.cancel()
            self._showing = True
            self.description.setPlainText("")
            self._showing = False
            self.measures_label.setText("")
            return
        self.kind.setCurrentIndex(max(0, self.kind.findData(cause.kind)))
        refused = not leaving and not self.description_error.isHidden()
        if self.description.toPlainText() != cause.description and not refused:
            # (a refused text stays in the field when the tree is reloaded under it)
            self._showing = True
            try:
                self.description.setPlainText(cause.description)
            finally:
                self._showing = False
        self.internal.setChecked(cause.internal)
        for ev in cause.evidence:
            item = QListWidgetItem(f"{ev.kind_label}: {ev.label}")
            item.setData(Qt.ItemDataRole.UserRole, ev.id)
            self.evidence.addItem(item)
        if cause.measure_ids:
            self.measures_label.setText(
                "\n".join(f"• {self._measure_titles.get(m, m)}" for m in cause.measure_ids)
            )
        elif cause.id in self._flags.causes_without_measure:
            self.measures_label.setText(
                self.tr("Ingen åtgärd svarar mot orsaken – lägg till en i åtgärdsplanen.")
            )
        elif self._branch_has_measure(cause):
            self.measures_label.setText(self.tr("Täcks av en åtgärd på en över- eller underorsak."))
        else:  # a problem outside the current plan (an earlier year's)
            self.measures_label.setText(self.tr("Ingen åtgärd i den gällande åtgärdsplanen."))

    def _branch_has_measure(self, cause: CauseData) -> bool:
        """Whether a cause above or below `cause` in its tree has a measure."""
        tree = {c.id: c for c in self.model.causes()}
        parent = tree.get(cause.parent_id) if cause.parent_id is not None else None
        while parent is not None:
            if parent.measure_ids:
                return True
            parent = tree.get(parent.parent_id) if parent.parent_id is not None else None
        below = [c for c in tree.values() if c.parent_id == cause.id]
        while below:
            child = below.pop()
            if child.measure_ids:
                return True
            below += [c for c in tree.values() if c.parent_id == child.id]
        return False

    def _defer(self, action: Callable[[], None]) -> None:
        self._pending.append(action)
        QTimer.singleShot(0, self.flush_pending)

    def save_now(self) -> None:
        """Autosave hook (closing, quitting): store a renamed cause and a typed description."""
        self.flush_pending()
        self.description_autosave.flush()

    def _autosave_description(self) -> None:
        shown = self._shown
        text = self.description.toPlainText()
        if shown is not None and not self._loading and self._check_description(text):
            self._save_details(shown, text, shown.internal)

    def flush_pending(self) -> None:
        """Run edits deferred from the editor or a drop; every tree action does this first."""
        while self._pending:
            self._pending.pop(0)()


def make_page(ctx: AppContext) -> QWidget:
    return CausesPage(ctx)
