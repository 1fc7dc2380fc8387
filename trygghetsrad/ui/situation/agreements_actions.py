"""What the agreements page's buttons do: agreements (new, change, delete, the document's
head and chapters, the PDF) and their commitments (new, change, delete, follow up, link to
the minutes). Each edit is one entry on the page's undo stack."""

from __future__ import annotations

import builtins
from typing import Any

from PySide6.QtWidgets import QListWidget, QMessageBox, QTableView

from trygghetsrad.domain.changes import ACTION_PLAN, MEETINGS
from trygghetsrad.domain.situation.agreements import AgreementData, AgreementKind, CommitmentRow
from trygghetsrad.i18n import plural
from trygghetsrad.services.situation import action_plan, agreements
from trygghetsrad.services.situation import action_plan_meetings as meeting_links
from trygghetsrad.ui.situation.agreements_dialogs import AgreementDialog, CommitmentDialog
from trygghetsrad.ui.situation.agreements_model import CommitmentTableModel
from trygghetsrad.ui.situation.base import SituationSubPage
from trygghetsrad.ui.situation.plan_dialogs import FollowUpDialog, MeetingLinkDialog
from trygghetsrad.ui.widgets.filter_proxy import RecordFilterProxy
from trygghetsrad.ui.widgets.service_calls import read


class AgreementActions(SituationSubPage):
    """The page's edits; `AgreementsPage` builds the widgets they read."""

    WATCH = (ACTION_PLAN, MEETINGS)
    _agreements: builtins.list[AgreementData]  # (`list` is the page's list widget)
    list: QListWidget
    model: CommitmentTableModel
    proxy: RecordFilterProxy
    table: QTableView

    def select_agreement(self, agreement_id: int) -> None:
        raise NotImplementedError

    def _cooperations(self) -> builtins.list[AgreementData]:
        """The samverkansöverenskommelser a medborgarlöfte can belong to."""
        return [a for a in self._agreements if a.kind == AgreementKind.COOPERATION.value]

    def current(self) -> AgreementData | None:
        row = self.list.currentRow()
        return self._agreements[row] if 0 <= row < len(self._agreements) else None

    def current_commitment(self) -> CommitmentRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row: CommitmentRow | None = self.model.record_at(self.proxy.mapToSource(index).row())
        return row

    def _measures(self) -> builtins.list[tuple[int, str]]:
        return read(
            self.ctx,
            lambda s: [(m.id, m.title) for m in action_plan.list_measures(s)],
        )

    # -- agreements ------------------------------------------------------------------------

    def _on_new(self) -> None:
        created: dict[str, int] = {}

        def save(values: dict[str, Any]) -> None:
            result = self.record_form(
                self.tr("Ny överenskommelse"), lambda s: agreements.create_agreement(s, **values)
            )
            created["id"] = result.id

        if AgreementDialog(save, None, self, self._cooperations()).exec() and "id" in created:
            self.select_agreement(created["id"])

    def _on_edit(self) -> None:
        a = self.current()
        if a is None:
            return

        def save(values: dict[str, Any]) -> None:
            self.record_form(
                self.tr("Ändra ”{t}”").format(t=a.title),
                lambda s: agreements.update_agreement(s, a.id, **values),
            )

        AgreementDialog(save, a, self, self._cooperations()).exec()

    def _on_delete(self) -> None:
        a = self.current()
        if a is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Ta bort överenskommelse"),
            self.tr("Ta bort ”{t}” med {commitments} och deras uppföljning?").format(
                t=a.title,
                commitments=plural(a.commitment_count, self.tr("åtagande"), self.tr("åtaganden")),
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.record(
                self.tr("Ta bort överenskommelsen ”{t}”").format(t=a.title),
                lambda s: agreements.delete_agreement(s, a.id),
            )

    def _on_document(self) -> None:
        a = self.current()
        if a is None:
            return
        from trygghetsrad.domain.situation.documents import DocumentKind
        from trygghetsrad.ui.situation.document_dialog import edit_document

        self.dialog = edit_document(
            self, kind=DocumentKind.AGREEMENT, owner=a.id,
            what=a.title, default_title=a.title,
        )  # fmt: skip

    def _on_export(self, include_internal: bool = False) -> None:
        a = self.current()
        if a is not None:
            from trygghetsrad.ui.situation.action_plan_export import export_agreement_pdf

            export_agreement_pdf(self, self.ctx, a, include_internal)

    # -- commitments -----------------------------------------------------------------------

    def _on_new_commitment(self) -> None:
        a = self.current()
        if a is None:
            return

        def save(values: dict[str, Any]) -> None:
            self.record_form(
                self.tr("Nytt åtagande"),
                lambda s: agreements.create_commitment(s, agreement_id=a.id, **values),
            )

        CommitmentDialog(save, None, self._measures(), a.focus_list, self).exec()

    def _on_edit_commitment(self) -> None:
        a, row = self.current(), self.current_commitment()
        if a is None or row is None:
            return
        c = row.commitment

        def save(values: dict[str, Any]) -> None:
            self.record_form(
                self.tr("Ändra åtagande"),
                lambda s: agreements.update_commitment(s, c.id, **values),
            )

        CommitmentDialog(save, c, self._measures(), a.focus_list, self).exec()

    def _on_delete_commitment(self) -> None:
        row = self.current_commitment()
        if row is None:
            return
        c = row.commitment
        answer = QMessageBox.question(
            self, self.tr("Ta bort åtagande"), self.tr("Ta bort åtagandet ”{t}”?").format(t=c.text)
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.record(
                self.tr("Ta bort åtagandet ”{t}”").format(t=c.text),
                lambda s: agreements.delete_commitment(s, c.id),
            )

    def _on_followup(self) -> None:
        row = self.current_commitment()
        if row is None:
            return
        c = row.commitment

        def save(values: dict[str, Any]) -> None:
            self.record_form(
                self.tr("Uppföljning av åtagande"),
                lambda s: action_plan.add_followup(s, commitment_id=c.id, **values),
            )

        FollowUpDialog(save, c.text, c.status, "", self).exec()

    def _on_link(self) -> None:
        row = self.current_commitment()
        if row is None:
            return
        c = row.commitment
        items = read(self.ctx, meeting_links.linkable_items)

        def save(values: dict[str, Any]) -> None:
            self.record_form(
                self.tr("Koppla åtagande till protokoll"),
                lambda s: meeting_links.link(s, commitment_id=c.id, **values),
            )

        MeetingLinkDialog(save, items, self).exec()
