"""The Lägesbild tab: one sub-tab per part of the work, each built when first shown.

Part 1 (situation pictures, data sources, gaps, indicators, observations) and part 2 (cause
analysis, action plan, follow-up, agreements) each add their sub-pages to `SUBPAGES`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from trygghetsrad.export.kinds import EXPORTS
from trygghetsrad.ui.autosave_registry import SavesPending
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.lazy_tab import LazyTab

# key, Swedish title, "module:factory" taking an AppContext.
SUBPAGES: list[tuple[str, str, str]] = [
    ("overview", "Översikt", "trygghetsrad.ui.situation.overview:OverviewPage"),
    ("pictures", "Lägesbilder", "trygghetsrad.ui.situation.pictures:PicturesPage"),
    ("sources", "Underlag", "trygghetsrad.ui.situation.sources:SourcesPage"),
    ("indicators", "Indikatorer", "trygghetsrad.ui.situation.indicators:IndicatorsPage"),
    ("observations", "Observationer", "trygghetsrad.ui.situation.observations:ObservationsPage"),
    ("gaps", "Luckor", "trygghetsrad.ui.situation.gaps:GapsPage"),
    ("areas", "Områden", "trygghetsrad.ui.situation.areas_page:AreasPage"),
    ("causes", "Orsaksanalys", "trygghetsrad.ui.situation.causes_page:CausesPage"),
    ("plan", "Åtgärdsplan", "trygghetsrad.ui.situation.plan_page:PlanPage"),
    ("followup", "Uppföljning", "trygghetsrad.ui.situation.followup_page:FollowUpPage"),
    ("agreements", "Överenskommelser", "trygghetsrad.ui.situation.agreements_page:AgreementsPage"),
]

# What Ctrl+N makes on each sub-page (the method of the page behind its "Ny …" button).
NEW_RECORD: dict[str, str] = {
    "pictures": "new_picture",
    "sources": "new_source",
    "indicators": "new_indicator",
    "observations": "new_record",
    "gaps": "new_record",
    "areas": "new_area",
    "causes": "_on_new_problem",
    "plan": "_on_new_measure",
    "agreements": "_on_new",
}

# Which sub-page opens a record found by search or on the wheel (`Owner.kind` -> sub-page key).
RECORD_SUBPAGES: dict[str, str] = {
    "situation_picture": "pictures",
    "data_source": "sources",
    "indicator": "indicators",
    "observation": "observations",
    "gap": "gaps",
    "area": "areas",
    "area_assessment": "areas",
    "problem": "causes",
    "problem_followup": "followup",
    "cause": "causes",
    "action_plan": "plan",
    "measure": "plan",
    "agreement": "agreements",
    "commitment": "agreements",
}


class SituationPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if not SUBPAGES:
            from trygghetsrad.ui.placeholders import SituationPlaceholder

            layout.addWidget(SituationPlaceholder(ctx))
            self.tabs = None
            return
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Lägesbildens delar"))
        for key, title, spec in SUBPAGES:
            self.tabs.addTab(LazyTab(key, spec, ctx), self.tr(title))
        layout.addWidget(self.tabs)

    def subpage(self, key: str) -> QWidget:
        """The sub-page `key`, shown and built if needed."""
        assert self.tabs is not None
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if isinstance(tab, LazyTab) and tab.key == key:
                self.tabs.setCurrentIndex(index)
                return tab.ensure_page()
        raise KeyError(key)

    def _shown(self) -> tuple[str, QWidget | None]:
        tab = self.tabs.currentWidget() if self.tabs is not None else None
        if not isinstance(tab, LazyTab):
            return "", None
        return tab.key, tab.ensure_page()

    def new_record(self) -> None:
        """Ctrl+N: a new record of the sub-page shown."""
        key, page = self._shown()
        method = getattr(page, NEW_RECORD.get(key, ""), None)
        if callable(method):
            method()

    def printable(self) -> tuple[str, Callable[[], bytes]] | None:
        """Ctrl+P: the report of the situation picture shown, or the action plan shown (the
        PDF made by the returned function, off the GUI thread)."""
        from datetime import date

        from trygghetsrad.ui.widgets.service_calls import read

        key, page = self._shown()
        picture = getattr(page, "picture", None) if key == "pictures" else None
        plan = getattr(page, "plan", None) if key == "plan" else None
        internal = getattr(getattr(page, "include_internal", None), "isChecked", lambda: False)()
        if picture is not None:
            from trygghetsrad.services.situation import pictures as situation_pictures

            if isinstance(page, SavesPending):
                page.save_now()
            report = read(
                self.ctx,
                lambda s: situation_pictures.build_report(s, picture.id, include_internal=internal),
            )
            name = f"{picture.title} version {picture.version}"
            return name, lambda: EXPORTS["situation"].render(report)
        if plan is not None:
            from trygghetsrad.services.situation import followup

            doc = read(
                self.ctx,
                lambda s: followup.plan_document(
                    s, plan.id, today=date.today(), include_internal=internal
                ),
            )
            return plan.title, lambda: EXPORTS["plan"].render(doc)
        return None

    def open_record(self, owner: object) -> bool:
        """Show the record of `owner` (a `calendar_items.Owner`) in the sub-page that holds it."""
        key = RECORD_SUBPAGES.get(getattr(owner, "kind", ""))
        if key is None or self.tabs is None:
            return False
        opener = getattr(self.subpage(key), "open_record", None)
        return bool(opener(owner)) if callable(opener) else False
