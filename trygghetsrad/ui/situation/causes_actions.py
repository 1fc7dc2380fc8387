"""What the cause-analysis page does with the tree and the problems: insert, rename, move,
indent, delete, change a cause's kind, description and evidence; new, changed and deleted
problems. Each edit is one entry on the page's undo stack (the journal puts back the very
rows, so a deleted branch returns with its ids, evidence and links to measures)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QInputDialog,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
)

from trygghetsrad.domain.changes import ACTION_PLAN, SITUATION
from trygghetsrad.domain.situation.causes import CauseData, CauseKind
from trygghetsrad.i18n import plural
from trygghetsrad.services.situation import causes
from trygghetsrad.ui.situation.base import SituationSubPage
from trygghetsrad.ui.situation.causes_problems import ProblemDialog, ProblemListModel
from trygghetsrad.ui.situation.causes_tree import CauseTreeModel, CauseTreeView
from trygghetsrad.ui.widgets.autosave import Autosaver
from trygghetsrad.ui.widgets.service_calls import read


class CauseActions(SituationSubPage):
    """The page's edits; `CausesPage` builds the widgets they read and shows the result."""

    WATCH = (ACTION_PLAN, SITUATION)
    model: CauseTreeModel
    tree: CauseTreeView
    problem_model: ProblemListModel
    evidence: QListWidget
    kind: QComboBox
    description: QPlainTextEdit
    internal: QCheckBox
    description_autosave: Autosaver
    _problem_id: int | None

    def flush_pending(self) -> None:
        raise NotImplementedError

    def select_cause(self, cause_id: int) -> None:
        raise NotImplementedError

    def select_problem(self, problem_id: int) -> None:
        raise NotImplementedError

    def _check_description(self, text: str) -> bool:
        raise NotImplementedError

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
