"""Swedish counts: "1 medlem", never "1 medlemmar", on screen, on the command line and in PDFs.

Every count goes through `i18n.plural`. The scan reads every string of the program (f-strings
and `tr()` texts alike) and fails on a number placeholder followed by a plural word written
by hand, such as "{n} medlemmar" or "{len(rows)} tomma celler".
"""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import trygghetsrad
from trygghetsrad.i18n import plural

ROOT = Path(trygghetsrad.__file__).parent
# Example data is written as prose by hand; its numbers are never 1.
SKIP = {"demo/", "i18n.py"}

# A placeholder that holds a number: {n}, {count}, {total}, {len(rows)}, {x.member_count} …
COUNT = re.compile(
    r"^(?:n|k|c|m|p|s|u|count|total|shown|used|unused|skipped|hidden|late|missing|number"
    r"|\w+_(?:n|count|total)|n_\w+|len\(.*\)|[\w.]*(?:_count|\.total|count\(\))"
    r"|\w*counts?\[.*\])$"
)
# Words after a number that read as plural: "medlemmar", "orsaker", "åtaganden", "begärda" …
PLURAL = re.compile(r"^[a-zåäö]+(?:ar|er|or|na|en|da|ta|ade|nya)$")
# Words that are the same in the singular, or not a noun counted by the number.
SAME = {
    "tecken",
    "underlag",
    "problem",
    "medlemskap",
    "uppdrag",
    "tidigare",
    "av",
    "till",
    "saknas",
}
VERBS = {"har", "behöver", "bästa"}  # "{used} har använts", "de {n} bästa" (n > 1)
# Words before the counted one that say nothing of its number: "{n} ej startade".
NEGATIONS = {"ej", "inte", "icke"}
PLACEHOLDER_WORD = re.compile(
    r"\{([^{}:!]+)(?:[:!][^{}]*)?\}[ \u00a0]+([a-zåäö]+|\{[^{}]+\})(?: ([a-zåäö]+))?"
)


def _strings(path: Path) -> list[tuple[int, str]]:
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    return [(t.start[0], t.string) for t in tokens if t.type == tokenize.STRING]


def hand_written_counts(text: str) -> list[str]:
    found = []
    for match in PLACEHOLDER_WORD.finditer(text):
        expr, word, next_word = match.group(1).strip(), match.group(2), match.group(3)
        if not COUNT.match(expr):
            continue
        if word.startswith("{"):
            # The counted word is itself a placeholder: it cannot follow the number.
            found.append(match.group(0))
            continue
        # An adjective before the noun ("tomma celler") counts as plural too, and so does an
        # adjective after a negation ("ej startade").
        follows = next_word and (word.endswith("a") or word in NEGATIONS)
        words = [word] + ([next_word] if follows else [])
        if word in NEGATIONS and next_word in VERBS:
            continue  # "{unused} inte har kunnat användas"
        if word not in VERBS and any(w not in SAME and PLURAL.match(w) for w in words):
            found.append(match.group(0))
    return found


def test_the_scan_finds_the_counts_the_issue_saw() -> None:
    for text in (
        "{n} medlemmar",
        "{n} orsaker",
        "{n} begärda",
        "; {n} tomma celler hoppades över",
        "{n} personer lämnar underlagen",
        "{len(rows)} åtgärder",
        "Ta bort ”{t}” med {n} åtaganden?",
        # Adjectival plurals after a negation, and a count whose word is a placeholder (the
        # Uppföljning summary printed "1 ej startade eller avbrutna" this way).
        "{n} ej startade eller avbrutna",
        "{n} ej bedömda",
        "{n} försenade",
        "{counts[light]} {label}",
    ):
        assert hand_written_counts(text), text
    for text in (
        "{n} ej bedömd",
        "{n} behöver uppmärksamhet",
        "{n} tecken",
        "{name} ligger",
        "{n} underlag",
        "Kvartal {n}",
        "{path} har",
    ):
        assert not hand_written_counts(text), text


def test_no_count_is_written_by_hand_anywhere() -> None:
    found, scanned = [], 0
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if any(relative.startswith(skip) for skip in SKIP):
            continue
        scanned += 1
        for line, text in _strings(path):
            found += [f"{relative}:{line}: {hit}" for hit in hand_written_counts(text)]
    assert scanned > 50, f"only {scanned} source files were read from {ROOT}"
    assert not found, "Counts written by hand (use i18n.plural):\n" + "\n".join(found)


def test_plural_picks_the_form_by_the_number() -> None:
    assert plural(1, "medlem", "medlemmar") == "1 medlem"
    assert plural(0, "medlem", "medlemmar") == "0 medlemmar"
    assert plural(2, "tom cell", "tomma celler") == "2 tomma celler"
    assert plural(1, "underlag", "underlag") == "1 underlag"
