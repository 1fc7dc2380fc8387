"""The *Observationer* sub-page: problems seen at a place, with category, trend and peak months."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtWidgets import QWidget

from trygghetsrad.domain.situation.area_tree import AreaLink
from trygghetsrad.domain.situation.picture import ObservationData
from trygghetsrad.services.situation import indicators as situation_indicators
from trygghetsrad.services.situation import observations as situation_observations
from trygghetsrad.services.situation import sources as situation_sources
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.situation.forms import ObservationDialog
from trygghetsrad.ui.situation.models import ObservationsModel
from trygghetsrad.ui.situation.records import RecordPage
from trygghetsrad.ui.widgets.form_dialog import FormDialog

FIELDS = (
    "title",
    "description",
    "place",
    "category",
    "trend",
    "peak_months",
    "observed_on",
    "reported_by",
    "internal",
    "source_ids",
    "indicator_ids",
)


class ObservationsPage(RecordPage):
    create = staticmethod(situation_observations.create_observation)
    update = staticmethod(situation_observations.update_observation)
    remove = staticmethod(situation_observations.delete_observation)
    stretch_columns = (1, 6)
    area_link = AreaLink.OBSERVATION

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.noun = self.tr("observation")
        self.search_hint = self.tr("Sök plats, kategori, underlag …")
        self.intro = self.tr(
            "Problem som har setts, per plats: till exempel ”Industriområdet är lugnare än tidigare”."
        )
        super().__init__(ctx, parent)
        self.setAccessibleName(self.tr("Observationer"))
        self.table.setAccessibleName(self.tr("Observationer"))

    def make_model(self) -> ObservationsModel:
        return ObservationsModel(self)

    def load(self, session: Any) -> list[ObservationData]:
        return situation_observations.list_observations(session)

    def make_dialog(
        self, on_save: Callable[[dict[str, Any]], None], record: Any | None
    ) -> FormDialog:
        sources = [(s.name, s.id) for s in self.read(situation_sources.list_sources)]
        indicators = [
            (i.name, i.id)
            for i in self.read(lambda s: situation_indicators.list_indicators(s, with_values=False))
        ]
        return ObservationDialog(
            on_save, sources, indicators, record, parent=self, areas=self.area_choices()
        )

    def values_of(self, record: ObservationData) -> dict[str, Any]:
        return {f: getattr(record, f) for f in FIELDS}

    def label_of(self, values: dict[str, Any]) -> str:
        return str(values["title"]).strip()

    def describe(self, o: ObservationData) -> str:
        parts = [
            f"<b>{escape(o.title)}</b> · {escape(o.place or '–')} · {escape(o.category_label)} · "
            f"{escape(o.trend_arrow)} {escape(o.trend_label)}"
        ]
        if o.description:
            parts.append(escape(o.description))
        if o.peak_text:
            parts.append(escape(self.tr("Toppar: {months}").format(months=o.peak_text)))
        basis = [*o.source_names, *o.indicator_names]
        if basis:
            parts.append(escape(self.tr("Underlag: {names}").format(names=", ".join(basis))))
        if o.reported_by:
            parts.append(escape(self.tr("Sett av: {who}").format(who=o.reported_by)))
        return "<br/>".join(parts)
