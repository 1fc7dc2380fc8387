"""What the action-plan page's buttons do: plans (new, change, adopt, new version, delete a
draft, the document's head and chapters, the PDF) and measures (new, change, delete,
follow up, link to the minutes). Each edit is one entry on the page's undo stack."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QMessageBox, QTableView

from trygghetsrad.domain.changes import ACTION_PLAN, MEETINGS, REGISTER, SITUATION
from trygghetsrad.domain.situation.action_plan import MeasureRow, PlanData, PlanStatus
from trygghetsrad.domain.situation.area_tree import AreaLink
from trygghetsrad.i18n import plural
from trygghetsrad.services import register
from trygghetsrad.services.situation import action_plan, causes
from trygghetsrad.services.situation import action_plan_meetings as meeting_links
from trygghetsrad.services.situation import areas as situation_areas
from trygghetsrad.ui.situation.base import Session, SituationSubPage, tied_to_area
from trygghetsrad.ui.situation.plan_dialogs import (
    AdoptDialog,
    FollowUpDialog,
    MeasureDialog,
    MeetingLinkDialog,
    PlanDialog,
)
from trygghetsrad.ui.situation.plan_model import MeasureTableModel, cause_choices
from trygghetsrad.ui.widgets.filter_proxy import RecordFilterProxy
from trygghetsrad.ui.widgets.service_calls import read


class PlanActions(SituationSubPage):
    """The page's edits; `PlanPage` builds the widgets they read."""

    WATCH = (ACTION_PLAN, MEETINGS, SITUATION, REGISTER)
    plan: PlanData | None
    _plans: list[PlanData]
    model: MeasureTableModel
    proxy: RecordFilterProxy
    table: QTableView

    def current_row(self) -> MeasureRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        source = self.proxy.mapToSource(index)
        return self.model.record_at(source.row()) if source.isValid() else None

    def current_measure_id(self) -> int | None:
        row = self.current_row()
        return row.measure.id if row else None

    def select_measure(self, measure_id: int) -> None:
        row = self.model.row_of(measure_id)
        index = self.proxy.mapFromSource(self.model.index(row, 2))
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    def select_plan(self, plan_id: int) -> None:
        self.plan = next((p for p in self._plans if p.id == plan_id), self.plan)
        self.refresh()

    def _on_anchor(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("unlink:"):
            link_id = int(text.split(":", 1)[1])
            self.record(
                self.tr("Ta bort kopplingen till protokollet"),
                lambda s: meeting_links.unlink(s, link_id),
            )

    # -- plan actions ----------------------------------------------------------------------

    def _on_new_plan(self) -> None:
        def save(values: dict[str, Any]) -> None:
            result = self.record_form(
                self.tr("Ny åtgärdsplan ”{t}”").format(t=values.get("title", "")),
                lambda s: action_plan.create_plan(s, **values),
            )
            self.select_plan(result.id)

        PlanDialog(save, None, self).exec()

    def _on_edit_plan(self) -> None:
        if self.plan is None:
            return
        plan_id, title = self.plan.id, self.plan.title

        def save(values: dict[str, Any]) -> None:
            self.record_form(
                self.tr("Ändra planen ”{t}”").format(t=title),
                lambda s: action_plan.update_plan(s, plan_id, **values),
            )

        PlanDialog(save, self.plan, self).exec()

    def _on_adopt(self) -> None:
        if self.plan is None:
            return
        plan_id = self.plan.id

        title = self.plan.title

        def save(values: dict[str, Any]) -> None:
            self.record_form(
                self.tr("Anta åtgärdsplanen ”{t}”").format(t=title),
                lambda s: action_plan.adopt_plan(s, plan_id, **values),
            )

        AdoptDialog(save, self.plan, self).exec()

    def _on_new_version(self) -> None:
        if self.plan is None:
            return
        plan_id = self.plan.id
        ok, result = self.record(
            self.tr("Ny version av ”{t}”").format(t=self.plan.title),
            lambda s: action_plan.new_version(s, plan_id),
        )
        if ok:
            self.select_plan(result.id)

    def _on_delete_plan(self) -> None:
        plan = self.plan
        if plan is None or plan.status != PlanStatus.DRAFT:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Ta bort utkast"),
            self.tr("Ta bort utkastet ”{t}” med {measures}?").format(
                t=plan.title,
                measures=plural(plan.measure_count, self.tr("åtgärd"), self.tr("åtgärder")),
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.plan = None
            self.record(
                self.tr("Ta bort utkastet ”{t}”").format(t=plan.title),
                lambda s: action_plan.delete_plan(s, plan.id),
            )

    def _on_document(self) -> None:
        plan = self.plan
        if plan is None:
            return
        from trygghetsrad.domain.situation.documents import DocumentKind
        from trygghetsrad.ui.situation.document_dialog import edit_document

        self.dialog = edit_document(
            self, kind=DocumentKind.ACTION_PLAN,
            owner=plan.id, what=plan.title, default_title=plan.title,
        )  # fmt: skip

    def _on_export(self, include_internal: bool = False) -> None:
        if self.plan is None:
            return
        from trygghetsrad.ui.situation.action_plan_export import export_plan_pdf

        export_plan_pdf(self, self.ctx, self.plan, include_internal)

    # -- measure actions -------------------------------------------------------------------

    def _choices(self) -> dict[str, Any]:
        def load(s: Session) -> dict[str, Any]:
            problems = {p.id: p.title for p in causes.list_problems(s)}
            from trygghetsrad.services.situation.causes import evidence_choices

            _sources, indicators = evidence_choices(s)
            return {
                "organisations": [(o.id, o.name) for o in register.list_organisations(s)],
                "people": [
                    (p.id, f"{p.name} ({p.organisation_name})" if p.organisation_name else p.name)
                    for p in register.list_people(s)
                ],
                "indicators": indicators,
                "causes": cause_choices(problems, causes.list_causes(s)),
                "areas": situation_areas.list_areas(s),
            }

        return read(self.ctx, load)

    def _on_new_measure(self) -> None:
        if self.plan is None:
            return
        plan_id = self.plan.id
        created: dict[str, int] = {}

        def save(values: dict[str, Any]) -> None:
            data = values["data"].cleaned()
            result = self.record_form(
                self.tr("Ny åtgärd ”{t}”").format(t=data.title),
                tied_to_area(
                    lambda s: action_plan.create_measure(s, plan_id=plan_id, data=data),
                    AreaLink.MEASURE,
                    values["area_id"],
                ),
            )
            created["id"] = result.id

        if MeasureDialog(save, None, **self._choices(), parent=self).exec() and "id" in created:
            self.select_measure(created["id"])

    def _on_edit_measure(self) -> None:
        row = self.current_row()
        if row is None or self.plan is None:
            return
        m = row.measure
        locked = self.plan.status != PlanStatus.DRAFT
        before = read(self.ctx, lambda s: situation_areas.tied_area(s, AreaLink.MEASURE, m.id))

        def save(values: dict[str, Any]) -> None:
            data = values["data"]
            # An adopted plan's measure keeps its content, its area too.
            area = before if locked else values["area_id"]
            if locked:
                data = replace(action_plan.measure_input(m), status=values["data"].status)
            self.record_form(
                self.tr("Ändra åtgärden ”{t}”").format(t=m.title),
                tied_to_area(
                    lambda s: action_plan.update_measure(s, m.id, data),
                    AreaLink.MEASURE,
                    area,
                    record_id=m.id,
                    before=before,
                ),
            )

        MeasureDialog(
            save, m, **self._choices(), content_locked=locked, area_id=before, parent=self
        ).exec()
        self.select_measure(m.id)

    def _on_delete_measure(self) -> None:
        row = self.current_row()
        if row is None or self.plan is None:
            return
        m = row.measure
        answer = QMessageBox.question(
            self,
            self.tr("Ta bort åtgärd"),
            self.tr("Ta bort ”{t}” med {followups}?").format(
                t=m.title,
                followups=plural(
                    len(row.followups), self.tr("uppföljning"), self.tr("uppföljningar")
                ),
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        # Undo brings the measure back with its id, follow-ups, causes and meeting links.
        self.record(
            self.tr("Ta bort åtgärden ”{t}”").format(t=m.title),
            lambda s: action_plan.delete_measure(s, m.id),
        )

    def _on_followup(self) -> None:
        row = self.current_row()
        if row is None:
            return
        m = row.measure

        def save(values: dict[str, Any]) -> None:
            self.record_form(
                self.tr("Uppföljning av ”{t}”").format(t=m.title),
                lambda s: action_plan.add_followup(s, measure_id=m.id, **values),
            )

        FollowUpDialog(save, m.title, m.status, m.indicator_unit, self).exec()
        self.select_measure(m.id)

    def _on_link(self) -> None:
        row = self.current_row()
        if row is None:
            return
        m = row.measure
        items = read(self.ctx, meeting_links.linkable_items)
        if not items:
            QMessageBox.information(
                self,
                self.tr("Inga protokoll"),
                self.tr("Det finns inga beslut eller uppdrag i protokollen ännu."),
            )
            return

        def save(values: dict[str, Any]) -> None:
            self.record_form(
                self.tr("Koppla ”{t}” till protokoll").format(t=m.title),
                lambda s: meeting_links.link(s, measure_id=m.id, **values),
            )

        MeetingLinkDialog(save, items, self).exec()
        self.select_measure(m.id)
