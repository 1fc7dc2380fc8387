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
# a party to an agreement an "Åtagande" as the agreements page lists it, an area an "Område"
# as in the "Områden" tab, whose form holds each picture's "Bedömning" of it.
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
    "area": (tr("Område"), tr("Områden")),
    "area_assessment": (tr("Bedömning av område"), tr("Bedömningar av områden")),
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


# Letters with diacritics and the letter without them, one character for one, so that a
# folded text lines up with its original (marks found in one are placed in the other).
_FOLD_FROM = "åäàáâãöòóôõøéèêëüúùûíìîïçñýÿÅÄÀÁÂÃÖÒÓÔÕØÉÈÊËÜÚÙÛÍÌÎÏÇÑÝ"
_FOLD_TO = "aaaaaaooooooeeeeuuuuiiiicnyyAAAAAAOOOOOOEEEEUUUUIIIICNY"
_FOLD = str.maketrans(_FOLD_FROM, _FOLD_TO)


def fold(text: str) -> str:
    """`text` as typed without å/ä/ö and other diacritics ("Ånge" -> "Ange"); same length."""
    return text.translate(_FOLD)


def substring_query(text: str, *, prefix: bool = False) -> str:
    """An FTS5 MATCH expression for the second index table: every word must occur anywhere
    in a word (trigram), or at a word's beginning (`prefix`, for the word tokenizer). A word
    typed without å/ä/ö is looked for in the folded copy, so it also finds the spelling with
    them; a word typed with them must match as typed ("öberg" does not find "Oberg"). Empty
    when a word is too short for trigrams (3 letters)."""
    words = query_words(text)
    if not words or (not prefix and any(len(word) < 3 for word in words)):
        return ""
    star = "*" if prefix else ""
    plain = [word for word in words if fold(word) == word]
    typed = [word for word in words if fold(word) != word]
    parts = []
    if plain:
        phrases = " ".join(f'"{word}"{star}' for word in plain)
        parts.append(f"{{folded_title folded_body}} : ({phrases})")
    if typed:
        phrases = " ".join(f'"{word}"{star}' for word in typed)
        parts.append(f"{{title body}} : ({phrases})")
    return " AND ".join(parts)


def mark_substrings(text: str, words: list[str]) -> str:
    """`text` with every occurrence of each word marked, letter case and diacritics aside
    ("ange" marks "Ånge"), as the word index's highlight() marks whole words."""
    if not text or not words:
        return text
    folded = fold(text).casefold()
    if len(folded) != len(text):  # a letter whose lower case is longer: nothing to line up
        return text
    spans: list[tuple[int, int]] = []
    for word in words:
        needle = fold(word).casefold()
        start = folded.find(needle) if needle else -1
        while start >= 0:
            spans.append((start, start + len(needle)))
            start = folded.find(needle, start + len(needle))
    if not spans:
        return text
    spans.sort()
    merged = [spans[0]]
    for start, end in spans[1:]:
        if start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    out: list[str] = []
    pos = 0
    for start, end in merged:
        out += [text[pos:start], MARK_START, text[start:end], MARK_END]
        pos = end
    out.append(text[pos:])
    return "".join(out)


def excerpt(marked_text: str, words: int) -> str:
    """About `words` words of `marked_text` around its first mark, with … where cut; "" when
    nothing in it is marked (the snippet() of the word index, for substring hits)."""
    mark = marked_text.find(MARK_START)
    if mark < 0:
        return ""
    at = max(marked_text.rfind(c, 0, mark) for c in " \n\t") + 1  # the marked word's start
    before = marked_text[:at].split()
    after = marked_text[at:].split()
    keep_before = min(len(before), max(0, words // 3))
    keep_after = max(1, words - keep_before)
    parts = before[len(before) - keep_before :] + after[:keep_after]
    lead = "…" if keep_before < len(before) else ""
    tail = "…" if keep_after < len(after) else ""
    return lead + " ".join(parts) + tail


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
