"""The *Luckor* sub-page: data or competence the situation picture is missing."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtWidgets import QWidget

from trygghetsrad.domain.changes import REGISTER, SITUATION
from trygghetsrad.domain.situation.area_tree import AreaLink
from trygghetsrad.domain.situation.picture import GapData
from trygghetsrad.services import register
from trygghetsrad.services.situation import gaps as situation_gaps
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.situation.forms import GapDialog
from trygghetsrad.ui.situation.models import GapsModel
from trygghetsrad.ui.situation.records import RecordPage
from trygghetsrad.ui.widgets.form_dialog import FormDialog

FIELDS = (
    "kind",
    "title",
    "description",
    "who_could_fill",
    "organisation_id",
    "actions_taken",
    "status",
    "identified_on",
    "internal",
)


class GapsPage(RecordPage):
    WATCH = (SITUATION, REGISTER)

    create = staticmethod(situation_gaps.create_gap)
    update = staticmethod(situation_gaps.update_gap)
    remove = staticmethod(situation_gaps.delete_gap)
    stretch_columns = (0, 2, 3)
    area_link = AreaLink.GAP

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.noun = self.tr("lucka")
        self.search_hint = self.tr("Sök bland luckor …")
        self.intro = self.tr(
            "Vilka underlag eller vilken kompetens saknas för att lägesbilden ska bli komplett – "
            "vem kan bidra och vad har gjorts?"
        )
        super().__init__(ctx, parent)
        self.setAccessibleName(self.tr("Luckor"))
        self.table.setAccessibleName(self.tr("Luckor"))

    def make_model(self) -> GapsModel:
        return GapsModel(self)

    def load(self, session: Any) -> list[GapData]:
        return situation_gaps.list_gaps(session)

    def make_dialog(
        self, on_save: Callable[[dict[str, Any]], None], record: Any | None
    ) -> FormDialog:
        orgs = [(o.name, o.id) for o in self.read(register.list_organisations)]
        area = self.area_of(record) if record is not None else None
        return GapDialog(
            on_save, orgs, record, parent=self, areas=self.area_choices(), area_id=area
        )

    def values_of(self, record: GapData) -> dict[str, Any]:
        return {f: getattr(record, f) for f in FIELDS}

    def label_of(self, values: dict[str, Any]) -> str:
        return str(values["title"]).strip()

    def describe(self, g: GapData) -> str:
        parts = [f"<b>{escape(g.title)}</b> · {escape(g.kind_label)} · {escape(g.status_label)}"]
        if g.description:
            parts.append(escape(g.description))
        if g.filler:
            parts.append(escape(self.tr("Kan fyllas av: {who}").format(who=g.filler)))
        if g.actions_taken:
            parts.append(escape(self.tr("Gjort: {what}").format(what=g.actions_taken)))
        return "<br/>".join(parts)
