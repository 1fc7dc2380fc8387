"""The problems of the cause analysis: their list (marked when not prioritised, internal or
without causes) and the form for one problem."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from trygghetsrad.domain.situation.causes import ProblemData
from trygghetsrad.services.situation import causes
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.situation.action_plan_common import qtr
from trygghetsrad.ui.situation.plan_dialogs import Save
from trygghetsrad.ui.widgets.form_dialog import FormDialog
from trygghetsrad.ui.widgets.roles import Role
from trygghetsrad.ui.widgets.service_calls import read

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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
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
        if role == Role.KEY:
            return p.id
        return None

    def row_of(self, problem_id: int | None) -> int:
        return next((i for i, p in enumerate(self.problems) if p.id == problem_id), -1)


class ProblemDialog(FormDialog):
    def __init__(
        self,
        ctx: AppContext,
        on_save: Save,
        problem: ProblemData | None = None,
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
