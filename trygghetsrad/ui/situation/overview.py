"""The *Översikt* sub-page: the four questions of the council's situation-picture work on one
screen — which sources exist, what stands in the way, who delivers each, and what is missing."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from trygghetsrad.domain.changes import REGISTER, SITUATION
from trygghetsrad.domain.situation.picture import GapData, ObstacleKind, SourceData, SourceStatus
from trygghetsrad.i18n import plural
from trygghetsrad.services.situation import gaps as situation_gaps
from trygghetsrad.services.situation import pictures as situation_pictures
from trygghetsrad.services.situation import sources as situation_sources
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.situation.base import SituationSubPage, heading, hint

RED, AMBER, MUTED = "#a4262c", "#8a5a00", "#5d6873"


class Card(QFrame):
    def __init__(self, title: str, question: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("situationCard")
        self.setStyleSheet(
            "#situationCard { background: #ffffff; border: 1px solid #dde3e9; border-radius: 6px; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        self.title = heading(title)
        self.question = hint(question)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        layout.addWidget(self.question)
        layout.addWidget(self.body, 1)
        self.setAccessibleName(title)

    def set_html(self, html: str) -> None:
        self.body.setText(html)
        self.setAccessibleDescription(self.body.text())


MAX_NAMES = 8
MAX_SOURCES = 20


def _names(names: list[str], more: str) -> str:
    """Escaped, comma-separated names; after MAX_NAMES, "… och 12 till"."""
    shown = ", ".join(escape(n) for n in names[:MAX_NAMES])
    rest = len(names) - MAX_NAMES
    return shown + (escape(more.format(n=rest)) if rest > 0 else "")


def _flag(text: str, colour: str) -> str:
    return f' <span style="color:{colour}; font-weight:600">{escape(text)}</span>'


class OverviewPage(SituationSubPage):
    WATCH = (SITUATION, REGISTER)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setAccessibleName(self.tr("Översikt över lägesbilden"))
        self.picture_line = heading("")
        self.picture_hint = hint("")
        self.sources_card = Card(
            self.tr("Vilka underlag finns?"), self.tr("Det som finns att bygga lägesbilden på.")
        )
        self.obstacles_card = Card(
            self.tr("Vilka hinder finns?"),
            self.tr("Till exempel sekretess, GDPR eller olika indelningar."),
        )
        self.deliverers_card = Card(
            self.tr("Vem lämnar underlagen?"),
            self.tr("Person eller aktör som förmedlar underlaget till samordnaren."),
        )
        self.missing_card = Card(
            self.tr("Vad saknas?"), self.tr("Underlag eller kompetens som behöver kompletteras.")
        )
        grid = QGridLayout()
        grid.setSpacing(12)
        grid.addWidget(self.sources_card, 0, 0)
        grid.addWidget(self.obstacles_card, 0, 1)
        grid.addWidget(self.deliverers_card, 1, 0)
        grid.addWidget(self.missing_card, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(14, 12, 14, 12)
        inner.addWidget(self.picture_line)
        inner.addWidget(self.picture_hint)
        inner.addSpacing(6)
        inner.addLayout(grid)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.refresh()

    def refresh(self) -> None:
        today = date.today()
        sources = self.read(situation_sources.list_sources)
        gaps = self.read(situation_gaps.list_gaps)
        picture = self.read(situation_pictures.current_picture)
        if picture is None:
            self.picture_line.setText(self.tr("Ingen lägesbild ännu"))
            self.picture_hint.setText(self.tr("Skapa en lägesbild under fliken Lägesbilder."))
        else:
            self.picture_line.setText(
                self.tr("{title}, version {n}").format(title=picture.title, n=picture.version)
            )
            self.picture_hint.setText(picture.status_text)
        self.sources_card.set_html(self._sources_html(sources, today))
        self.obstacles_card.set_html(self._obstacles_html(sources))
        self.deliverers_card.set_html(self._deliverers_html(sources, today))
        self.missing_card.set_html(self._missing_html(sources, gaps, today))

    def _sources_html(self, sources: list[SourceData], today: date) -> str:
        if not sources:
            return escape(self.tr("Inga underlag är registrerade ännu."))
        counts = defaultdict(int)
        for s in sources:
            counts[s.status] += 1
        words = {
            SourceStatus.AVAILABLE: (self.tr("tillgängligt"), self.tr("tillgängliga")),
            SourceStatus.REQUESTED: (self.tr("begärt"), self.tr("begärda")),
            SourceStatus.MISSING: (self.tr("saknas"), self.tr("saknas")),
            SourceStatus.UNKNOWN: (self.tr("ej bedömt"), self.tr("ej bedömda")),
        }
        summary = ", ".join(
            plural(counts[st.value], *words[st]) for st in SourceStatus if counts[st.value]
        )
        items = []
        listed = sorted(sources, key=lambda s: s.name.lower())
        if len(listed) > MAX_SOURCES:
            # Many sources: count them by kind, and list only those that need attention.
            kinds: dict[str, int] = defaultdict(int)
            for s in listed:
                kinds[s.kind_label] += 1
            summary += " · " + ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items()))
            attention = [s for s in listed if s.alert(today) is not None]
            listed = attention[:MAX_SOURCES]
            summary += ". " + self.tr(
                "{n} behöver uppmärksamhet; alla finns under Underlag."
            ).format(n=len(attention))
        for s in listed:
            line = f"{escape(s.name)} <span style='color:{MUTED}'>· {escape(s.kind_label)}</span>"
            alert = s.alert(today)
            if alert is not None and alert.value in ("missing", "overdue"):
                line += _flag(alert.label, RED)
            elif alert is not None:
                line += _flag(alert.label, AMBER)
            items.append(f"<li>{line}</li>")
        return f"<p><b>{escape(summary)}</b></p><ul style='margin-left:-20px'>{''.join(items)}</ul>"

    def _obstacles_html(self, sources: list[SourceData]) -> str:
        by_kind: dict[str, list[SourceData]] = defaultdict(list)
        for s in sources:
            for o in s.obstacles:
                by_kind[o.kind].append(s)
        if not by_kind:
            return escape(self.tr("Inga hinder är noterade."))
        parts = []
        for kind in ObstacleKind:
            found = by_kind.get(kind.value)
            if not found:
                continue
            names = _names([s.name for s in found], self.tr(" … och {n} till"))
            parts.append(f"<p><b>{escape(kind.label)} ({len(found)})</b><br/>{names}</p>")
        return "".join(parts)

    def _deliverers_html(self, sources: list[SourceData], today: date) -> str:
        by_person: dict[str, list[SourceData]] = defaultdict(list)
        nobody: list[SourceData] = []
        for s in sources:
            if s.delivered_by:
                by_person[s.delivered_by].append(s)
            else:
                nobody.append(s)
        parts = []
        for person in sorted(by_person, key=str.lower)[:MAX_SOURCES]:
            names = []
            for s in by_person[person]:
                text = escape(s.name)
                alert = s.alert(today)
                if alert is not None and alert.value == "overdue":
                    text += _flag(self.tr("försenad"), RED)
                names.append(text)
            rest = len(names) - MAX_NAMES
            more = escape(self.tr(" … och {n} till").format(n=rest)) if rest > 0 else ""
            parts.append(f"<p><b>{escape(person)}</b><br/>{', '.join(names[:MAX_NAMES])}{more}</p>")
        if nobody:
            names = _names([s.name for s in nobody], self.tr(" … och {n} till"))
            parts.append(
                f"<p><b style='color:{RED}'>{escape(self.tr('Ingen utsedd'))}</b><br/>{names}</p>"
            )
        return "".join(parts) or escape(self.tr("Inga underlag är registrerade ännu."))

    def _missing_html(self, sources: list[SourceData], gaps: list[GapData], today: date) -> str:
        parts = []
        open_gaps = [g for g in gaps if g.status != "filled"]
        if open_gaps:
            items = []
            for g in open_gaps:
                text = f"<b>{escape(g.title)}</b> <span style='color:{MUTED}'>· {escape(g.kind_label)}, {escape(g.status_label.lower())}</span>"
                if g.filler:
                    text += "<br/>" + escape(self.tr("Kan fyllas av: {who}").format(who=g.filler))
                if g.actions_taken:
                    text += "<br/>" + escape(self.tr("Gjort: {what}").format(what=g.actions_taken))
                items.append(f"<p>{text}</p>")
            parts.append("".join(items))
        problem = [
            (s, a)
            for s in sources
            if (a := s.alert(today)) is not None and a.value in ("missing", "overdue")
        ]
        hidden = max(0, len(problem) - MAX_SOURCES)
        problem = problem[:MAX_SOURCES]
        if problem:
            names = "".join(f"<li>{escape(s.name)}{_flag(a.label, RED)}</li>" for s, a in problem)
            if hidden:
                names += f"<li>{escape(self.tr('… och {n} till').format(n=hidden))}</li>"
            parts.append(
                f"<p><b>{escape(self.tr('Underlag som saknas eller är försenade'))}</b></p>"
                f"<ul style='margin-left:-20px'>{names}</ul>"
            )
        return "".join(parts) or escape(self.tr("Inget saknas just nu."))
