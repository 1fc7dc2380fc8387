"""Orsaksanalys: prioritised problems, each with a cause tree edited from the keyboard or by
dragging, the tree drawn as a diagram, and the evidence and measures behind each cause."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.action_plan import PlanFlags
from trygghetsrad.domain.causes import CauseData, CauseKind, ProblemData
from trygghetsrad.domain.changes import ACTION_PLAN, SITUATION
from trygghetsrad.domain.text import clean_text
from trygghetsrad.errors import ValidationError
from trygghetsrad.i18n import plural
from trygghetsrad.services import action_plan, causes
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.situation.action_plan_common import qtr
from trygghetsrad.ui.situation.base import SituationSubPage, read
from trygghetsrad.ui.situation.causes_tree import CauseTreeDiagram, CauseTreeModel, CauseTreeView
from trygghetsrad.ui.widgets.autosave import Autosaver
from trygghetsrad.ui.widgets.form_dialog import FormDialog
from trygghetsrad.ui.widgets.unsaved import ask_discard, keep_current

Index = QModelIndex | QPersistentModelIndex


class ProblemListModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problems: list[ProblemData] = []
        self.flagged: set[int] = set()

    def set_problems(self, problems: list[ProblemData], flagged: set[int]) -> None:
        self.beginResetModel()
        self.problems, self.flagged = problems, flagged
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.problems)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if not index.isValid() or not 0 <= index.row() < len(self.problems):
            return None
        p = self.problems[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            marks = []
            if not p.prioritised:
                marks.append(self.tr("ej prioriterat"))
            if p.internal:
                marks.append(self.tr("intern"))
            if p.cause_count == 0:
                marks.append(self.tr("orsaker saknas"))
            suffix = f"  ({', '.join(marks)})" if marks else ""
            return f"{p.title}{suffix}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return p.description or p.title
        if role == Qt.ItemDataRole.ForegroundRole and not p.prioritised:
            from PySide6.QtGui import QColor

            return QColor("#6b7580")
        if role == Qt.ItemDataRole.UserRole:
            return p.id
        return None

    def row_of(self, problem_id: int | None) -> int:
        return next((i for i, p in enumerate(self.problems) if p.id == problem_id), -1)


class ProblemDialog(FormDialog):
    def __init__(
        self,
        ctx: AppContext,
        on_save,
        problem: ProblemData | None = None,  # type: ignore[no-untyped-def]
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self_tr("Problem") if problem is None else self_tr("Ändra problem"),
            on_save,
            parent,
            intro=self_tr(
                "Ett prioriterat problem från lägesbilden. Välj en iakttagelse eller skriv ett "
                "eget namn."
            ),
        )
        self.observation = QComboBox()
        self.observation.addItem(self.tr("(inget – eget problem)"), None)
        for oid, title in read(ctx, causes.observation_choices):
            self.observation.addItem(title, oid)
        self.title = QLineEdit(problem.title if problem else "")
        self.description = QPlainTextEdit(problem.description if problem else "")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(90)
        self.prioritised = QCheckBox(self.tr("Prioriterat"))
        self.prioritised.setChecked(problem.prioritised if problem else True)
        self.internal = QCheckBox(self.tr("Intern (lämnas utanför exporter)"))
        self.internal.setChecked(problem.internal if problem else False)
        if problem is None:
            self.add_field("observation_id", self.tr("Från iakttagelse:"), self.observation)
            self.observation.currentIndexChanged.connect(self._on_observation)
        self.add_field("title", self.tr("Problem:"), self.title)
        self.add_field("description", self.tr("Beskrivning:"), self.description)
        self.add_field("prioritised", "", self.prioritised)
        self.add_field("internal", "", self.internal)
        self.prioritised.setAccessibleName(self.tr("Prioriterat"))
        self.internal.setAccessibleName(self.tr("Intern"))

    def _on_observation(self) -> None:
        if not self.title.text().strip():
            self.title.setText(self.observation.currentText())

    def values(self) -> dict[str, Any]:
        return {
            "observation_id": self.observation.currentData(),
            "title": self.title.text(),
            "description": self.description.toPlainText(),
            "prioritised": self.prioritised.isChecked(),
            "internal": self.internal.isChecked(),
        }


def self_tr(text: str) -> str:
    return qtr(text)


class CausesPage(SituationSubPage):
    """Problems on the left; the selected problem's cause tree, diagram and details."""

    WATCH = (ACTION_PLAN, SITUATION)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        ctx.autosave.join(self)  # its own timer: stored on closing, quitting, switching
        self.setAccessibleName(self.tr("Orsaksanalys"))
        self._problem_id: int | None = None
        self._flags = PlanFlags()
        self._loading = False

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

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(centre)
        splitter.addWidget(details)
        splitter.setSizes([260, 640, 340])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.refresh()

    # -- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self._loading = True
        current_cause = self.current_cause_id()

        def load(s):  # type: ignore[no-untyped-def]
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
        if select is None and tree:
            select = self.model.cause(self.model.index(0, 0)).id  # type: ignore[union-attr]
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
        self._problem_id = current.data(Qt.ItemDataRole.UserRole) if current.isValid() else None
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

    # -- tree edits ------------------------------------------------------------------------

    def _siblings(self, cause: CauseData) -> list[CauseData]:
        return sorted(
            (c for c in self.model.causes() if c.parent_id == cause.parent_id),
            key=lambda c: (c.position, c.id),
        )

    def _on_insert(self, as_child: bool = False) -> None:
        self.flush_pending()
        if self._problem_id is None:
            return
        problem_id = self._problem_id
        current = self.model.cause(self.tree.currentIndex())
        if current is None:
            parent_id, position = None, None
        elif as_child:
            parent_id, position = current.id, None
        else:
            parent_id = current.parent_id
            position = self._siblings(current).index(current) + 1
        title = self.tr("Ny orsak")
        kind = current.kind if current else CauseKind.SITUATIONAL.value
        ok, created = self.record(
            self.tr("Ny orsak"),
            lambda s: causes.create_cause(
                s, problem_id=problem_id, title=title, parent_id=parent_id, kind=kind,
                position=position,
            ),
        )  # fmt: skip
        if ok:
            self.select_cause(created.id)
            QTimer.singleShot(0, lambda: self.tree.edit(self.tree.currentIndex()))

    def _on_rename(self, cause_id: int, title: str) -> None:
        self.record(
            self.tr("Byt namn på orsak till ”{t}”").format(t=title),
            lambda s: causes.rename_cause(s, cause_id, title),
        )
        self.select_cause(cause_id)

    def _move(self, cause: CauseData, parent_id: int | None, position: int, text: str) -> None:
        cid = cause.id
        self.record(
            text, lambda s: causes.move_cause(s, cid, parent_id=parent_id, position=position)
        )
        self.select_cause(cid)

    def _on_move(self, cause_id: int, parent_id: int | None, position: int) -> None:
        cause = next((c for c in self.model.causes() if c.id == cause_id), None)
        if cause is not None:
            self._move(cause, parent_id, position, self.tr("Flytta orsak"))

    def _on_indent(self) -> None:
        self.flush_pending()
        cause = self.model.cause(self.tree.currentIndex())
        if cause is None:
            return
        siblings = self._siblings(cause)
        index = siblings.index(cause)
        if index == 0:
            return  # nothing above to become the parent
        new_parent = siblings[index - 1]
        children = [c for c in self.model.causes() if c.parent_id == new_parent.id]
        self._move(cause, new_parent.id, len(children), self.tr("Dra in orsak"))

    def _on_outdent(self) -> None:
        self.flush_pending()
        cause = self.model.cause(self.tree.currentIndex())
        if cause is None or cause.parent_id is None:
            return
        parent = next(c for c in self.model.causes() if c.id == cause.parent_id)
        position = self._siblings(parent).index(parent) + 1
        self._move(cause, parent.parent_id, position, self.tr("Dra ut orsak"))

    def _on_shift(self, step: int) -> None:
        self.flush_pending()
        cause = self.model.cause(self.tree.currentIndex())
        if cause is None:
            return
        siblings = self._siblings(cause)
        index = siblings.index(cause) + step
        if 0 <= index < len(siblings):
            self._move(cause, cause.parent_id, index, self.tr("Flytta orsak"))

    def _on_delete(self) -> None:
        self.flush_pending()
        cause = self.model.cause(self.tree.currentIndex())
        if cause is None:
            return
        subtree = read(self.ctx, lambda s: causes.subtree(s, cause.id))
        linked = {m for c in subtree for m in c.measure_ids}
        if len(subtree) > 1 or linked:
            text = self.tr("Ta bort ”{t}”").format(t=cause.title)
            if len(subtree) > 1:
                text += self.tr(" med {causes}").format(
                    causes=plural(len(subtree) - 1, self.tr("underorsak"), self.tr("underorsaker"))
                )
            text += "?"
            if linked:
                text += self.tr(" Kopplingen till {measures} tas bort.").format(
                    measures=plural(len(linked), self.tr("åtgärd"), self.tr("åtgärder"))
                )
            answer = QMessageBox.question(self, self.tr("Ta bort orsak"), text)
            if answer != QMessageBox.StandardButton.Yes:
                return
        siblings = self._siblings(cause)
        position = siblings.index(cause)
        neighbour = (
            siblings[position + 1].id
            if position + 1 < len(siblings)
            else siblings[position - 1].id
            if position > 0
            else cause.parent_id
        )
        # Undo puts the whole branch back with its ids, evidence and links to measures.
        self.record(
            self.tr("Ta bort orsaken ”{t}”").format(t=cause.title),
            lambda s: causes.delete_cause(s, cause.id),
        )
        if neighbour is not None:
            self.select_cause(neighbour)
        self.tree.setFocus()

    def _on_kind(self) -> None:
        self.flush_pending()
        cause = self.model.cause(self.tree.currentIndex())
        kind = self.kind.currentData()
        if cause is None or kind == cause.kind:
            return
        self._update_cause(self.tr("Ändra typ av orsak"), cause, kind=kind)
        self.select_cause(cause.id)

    def _on_save_details(self) -> None:
        self.description_autosave.cancel()
        self.flush_pending()
        cause = self.model.cause(self.tree.currentIndex())
        if cause is None or not self._check_description(self.description.toPlainText()):
            return
        self._save_details(cause, self.description.toPlainText(), self.internal.isChecked())
        self.select_cause(cause.id)

    def _save_details(self, old: CauseData, description: str, internal: bool) -> None:
        if description == old.description and internal == old.internal:
            return
        self._update_cause(
            self.tr("Ändra beskrivning av orsak"), old, description=description, internal=internal
        )

    def _update_cause(self, text: str, old: CauseData, **changed: Any) -> None:
        values = {
            "title": old.title,
            "kind": old.kind,
            "description": old.description,
            "internal": old.internal,
        }
        values.update(changed)
        self.record(text, lambda s: causes.update_cause(s, old.id, **values))

    def _on_add_evidence(self, what: str) -> None:
        cause = self.model.cause(self.tree.currentIndex())
        if cause is None:
            return
        sources, indicators = read(self.ctx, causes.evidence_choices)
        options = sources if what == "source" else indicators
        if not options:
            QMessageBox.information(
                self,
                self.tr("Inget att välja"),
                self.tr("Lägg först in underlag och indikatorer under Lägesbild."),
            )
            return
        label = self.tr("Underlag:") if what == "source" else self.tr("Indikator:")
        names = [name for _id, name in options]
        name, ok = QInputDialog.getItem(self, self.tr("Koppla underlag"), label, names, 0, False)
        if not ok:
            return
        chosen = options[names.index(name)][0]
        key = "data_source_id" if what == "source" else "indicator_id"
        cid = cause.id
        self.record(
            self.tr("Lägg till underlag för ”{t}”").format(t=cause.title),
            lambda s: causes.add_evidence(s, cause_id=cid, **{key: chosen}),
        )
        self.select_cause(cid)

    def _on_remove_evidence(self) -> None:
        item = self.evidence.currentItem()
        cause = self.model.cause(self.tree.currentIndex())
        if item is None or cause is None:
            return
        ev_id = item.data(Qt.ItemDataRole.UserRole)
        self.record(
            self.tr("Ta bort underlaget ”{name}”").format(name=item.text()),
            lambda s: causes.remove_evidence(s, ev_id),
        )
        self.select_cause(cause.id)

    def _on_show_followup(self) -> None:
        if self._problem_id is not None:
            from trygghetsrad.domain.calendar_items import Owner

            self.ctx.events.open_record.emit(
                Owner(ACTION_PLAN, "problem_followup", self._problem_id)
            )

    # -- problems --------------------------------------------------------------------------

    def _on_new_problem(self) -> None:
        created: dict[str, int] = {}

        def save(values: dict[str, Any]) -> None:
            result = self.record_form(
                self.tr("Nytt problem ”{t}”").format(t=values.get("title", "")),
                lambda s: causes.create_problem(s, **values),
            )
            created["id"] = result.id

        dialog = ProblemDialog(self.ctx, save, None, self)
        if dialog.exec() and "id" in created:
            self.select_problem(created["id"])

    def _on_edit_problem(self) -> None:
        problem = next((p for p in self.problem_model.problems if p.id == self._problem_id), None)
        if problem is None:
            return

        def save(values: dict[str, Any]) -> None:
            values.pop("observation_id", None)
            self.record_form(
                self.tr("Ändra problemet ”{t}”").format(t=problem.title),
                lambda s: causes.update_problem(s, problem.id, **values),
            )

        ProblemDialog(self.ctx, save, problem, self).exec()

    def _on_delete_problem(self) -> None:
        problem = next((p for p in self.problem_model.problems if p.id == self._problem_id), None)
        if problem is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Ta bort problem"),
            self.tr("Ta bort ”{t}” och hela dess orsaksträd ({causes})?").format(
                t=problem.title,
                causes=plural(problem.cause_count, self.tr("orsak"), self.tr("orsaker")),
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._problem_id = None
            self.record(
                self.tr("Ta bort problemet ”{t}”").format(t=problem.title),
                lambda s: causes.delete_problem(s, problem.id),
            )


def make_page(ctx: AppContext) -> QWidget:
    return CausesPage(ctx)
