"""Search across every workspace: the query language and the results, without any database.

Matching words come back wrapped in two private-use marker characters; `plain()`,
`html()` and `marked()` turn them into what the command line or the window shows.
"""

from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass, field

from trygghetsrad.domain.calendar_items import Owner
from trygghetsrad.i18n import tr

MARK_START = "\ue000"
MARK_END = "\ue001"
MAX_QUERY_LENGTH = 200

_WORD = re.compile(r"\w+", re.UNICODE)

# kind -> (singular, plural) Swedish labels, in the order groups are shown when ranks tie.
# The words are those of the workspaces themselves (tab and box titles): an action from a
# meeting is an "Uppdrag" as in Möten, a gap a "Lucka" as in the "Luckor" tab, a promise of
# a party to an agreement an "Åtagande" as the agreements page lists it.
KIND_LABELS: dict[str, tuple[str, str]] = {
    "meeting": (tr("Möte"), tr("Möten")),
    "agenda_item": (tr("Punkt på dagordningen"), tr("Punkter på dagordningar")),
    "agenda_note": (tr("Anteckning"), tr("Anteckningar")),
    "decision": (tr("Beslut"), tr("Beslut")),
    "action_item": (tr("Uppdrag"), tr("Uppdrag")),
    "wheel_event": (tr("Händelse"), tr("Händelser i årshjulet")),
    "data_source": (tr("Underlag"), tr("Underlag")),
    "observation": (tr("Observation"), tr("Observationer")),
    "gap": (tr("Lucka"), tr("Luckor")),
    "indicator": (tr("Indikator"), tr("Indikatorer")),
    "situation_picture": (tr("Lägesbild"), tr("Lägesbilder")),
    "problem": (tr("Problem"), tr("Problem")),
    "cause": (tr("Orsak"), tr("Orsaker")),
    "measure": (tr("Åtgärd"), tr("Åtgärder i åtgärdsplanen")),
    "action_plan": (tr("Åtgärdsplan"), tr("Åtgärdsplaner")),
    "agreement": (tr("Överenskommelse"), tr("Överenskommelser")),
    "commitment": (tr("Åtagande"), tr("Åtaganden")),
    "person": (tr("Person"), tr("Personer")),
    "organisation": (tr("Organisation"), tr("Organisationer")),
    "group": (tr("Grupp"), tr("Grupper")),
}


def kind_label(kind: str, *, plural: bool = True) -> str:
    labels = KIND_LABELS.get(kind)
    if labels is None:
        return kind
    return labels[1] if plural else labels[0]


def query_words(text: str) -> list[str]:
    """The words of what the user typed (punctuation and FTS syntax are not special)."""
    return _WORD.findall(text[:MAX_QUERY_LENGTH])


def fts_query(text: str) -> str:
    """An FTS5 MATCH expression: every word must occur, each as a prefix ("trygg" finds
    "Trygghetsrådet"). Empty when there is nothing to search for."""
    return " ".join(f'"{word}"*' for word in query_words(text))


def plain(text: str) -> str:
    return text.replace(MARK_START, "").replace(MARK_END, "")


def marked(text: str, start: str = "«", end: str = "»") -> str:
    return text.replace(MARK_START, start).replace(MARK_END, end)


def html(text: str) -> str:
    """Escaped HTML with the matching words in bold."""
    escaped = _html.escape(text, quote=False).replace("\n", " · ")
    return escaped.replace(MARK_START, "<b>").replace(MARK_END, "</b>")


def matched_words(text: str) -> list[str]:
    return re.findall(f"{MARK_START}(.*?){MARK_END}", text, flags=re.DOTALL)


@dataclass(frozen=True)
class SearchHit:
    kind: str
    ref_table: str
    ref_id: int
    title: str  # with markers around matching words
    snippet: str  # a few words around the match in the body, with markers; may be empty
    context: str  # where it is, e.g. the meeting an agenda note belongs to
    owner: Owner  # the record to open in its workspace
    score: float

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind, plural=False)


@dataclass(frozen=True)
class SearchGroup:
    kind: str
    total: int  # how many records of this kind match (hits holds at most the limit)
    hits: tuple[SearchHit, ...]

    @property
    def label(self) -> str:
        return kind_label(self.kind)


@dataclass(frozen=True)
class SearchResult:
    text: str
    groups: tuple[SearchGroup, ...] = field(default_factory=tuple)

    @property
    def total(self) -> int:
        return sum(group.total for group in self.groups)

    def hits(self) -> list[SearchHit]:
        return [hit for group in self.groups for hit in group.hits]
