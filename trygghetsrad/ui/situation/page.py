"""The Lägesbild tab: one sub-tab per part of the work, each built when first shown.

Part 1 (situation pictures, data sources, gaps, indicators, observations) and part 2 (cause
analysis, action plan, follow-up, agreements) each add their sub-pages to `SUBPAGES`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

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
    ("causes", "Orsaksanalys", "trygghetsrad.ui.situation.causes_page:CausesPage"),
    ("plan", "Åtgärdsplan", "trygghetsrad.ui.situation.plan_page:PlanPage"),
    ("followup", "Uppföljning", "trygghetsrad.ui.situation.followup_page:FollowUpPage"),
    ("agreements", "Överenskommelser", "trygghetsrad.ui.situation.agreements_page:AgreementsPage"),
]

# Which sub-page opens a record found by search or on the wheel (`Owner.kind` -> sub-page key).
RECORD_SUBPAGES: dict[str, str] = {
    "situation_picture": "pictures",
    "data_source": "sources",
    "indicator": "indicators",
    "observation": "observations",
    "gap": "gaps",
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

    def open_record(self, owner: object) -> bool:
        """Show the record of `owner` (a `calendar_items.Owner`) in the sub-page that holds it."""
        key = RECORD_SUBPAGES.get(getattr(owner, "kind", ""))
        if key is None or self.tabs is None:
            return False
        opener = getattr(self.subpage(key), "open_record", None)
        return bool(opener(owner)) if callable(opener) else False
