"""Swedish-aware text helpers: sort keys, search-as-you-type matching, and the one check of
every text a user types or imports (`clean_text`)."""

from __future__ import annotations

import re
import unicodedata

from trygghetsrad.errors import ValidationError
from trygghetsrad.i18n import tr

# Swedish alphabet order: ... x y z å ä ö. Letters that Swedish treats as variants of
# another letter (é → e, ü → y, æ → ä, ø → ö) sort with that letter.
_AFTER_Z = str.maketrans({"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}", "ü": "y"})


def sort_key(text: str) -> str:
    """A key that orders strings the Swedish way, ignoring case (Å, Ä, Ö after Z)."""
    folded = unicodedata.normalize("NFC", text).strip().casefold().translate(_AFTER_Z)
    # Drop the remaining accents (é → e) but keep the Swedish letters mapped above.
    decomposed = unicodedata.normalize("NFKD", folded)
    if decomposed.isascii():  # most texts: no accent left to drop (5× quicker on big lists)
        return decomposed
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def first_upper(text: str) -> str:
    """The text as a list cell starts it: the first letter upper-case and the rest as written
    ("vice ordförande" → "Vice ordförande"); unlike str.capitalize, "IT-samordnare" keeps its
    capitals. Every list that shows a role or a status word starts it this way."""
    return text[:1].upper() + text[1:]


def search_text(*parts: str) -> str:
    """The text a search matches against: all parts, case-folded, composed (NFC)."""
    return unicodedata.normalize("NFC", " ".join(p for p in parts if p)).casefold()


def matches(query: str, haystack: str) -> bool:
    """True when every word of `query` occurs in `haystack` (made by `search_text`).

    Case-insensitive, and å/ä/ö are letters of their own: "ö" finds "Öberg" but not "Oberg".
    """
    words = unicodedata.normalize("NFC", query).casefold().split()
    return all(word in haystack for word in words)


# -- validation of typed and imported text --------------------------------------------------------

MAX_NAME = 200
MAX_TEXT = 10_000

_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17)
)
_NEVER = "\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff" + _NONCHARACTERS
# Control characters (newline and tab only in multi-line text), lone surrogates and
# noncharacters. Emoji, right-to-left text, combining accents and format characters (zero-width
# joiners, direction marks) are ordinary text.
_REFUSED_MULTILINE = re.compile(f"[{_NEVER}]")
_REFUSED_SINGLE_LINE = re.compile(f"[{_NEVER}\t\n\u2028\u2029]")

SINGLE_LINE_MAX = 300
"""Fields of at most this many characters (names, titles, places, links) are one line."""


def check_characters(text: str, *, field: str, label: str, multiline: bool = True) -> str:
    """Refuse control characters (newline and tab only in multi-line text), lone surrogates
    and noncharacters with a Swedish sentence naming the field; return `text` unchanged."""
    found = (_REFUSED_MULTILINE if multiline else _REFUSED_SINGLE_LINE).search(text)
    if found is None:
        return text
    if found.group() in "\r\n\u2028\u2029":
        message = tr("{label} ska stå på en rad; ta bort radbrytningen.")
    else:
        message = tr("{label} innehåller ett osynligt styrtecken (tecken {n}); ta bort det.")
    raise ValidationError(message.format(label=label, n=found.start() + 1), field)


def clean_text(
    value: str | None,
    *,
    field: str,
    label: str,
    required: bool = False,
    max_length: int = MAX_TEXT,
    multiline: bool | None = None,
) -> str:
    """`value` stripped of surrounding white space and checked, or ValidationError(field).

    Refused, each with a Swedish sentence naming the field: an empty value when `required`;
    more than `max_length` characters (the message names the limit); control characters
    (newline and tab only when `multiline`), lone surrogates and noncharacters. `multiline`
    defaults to True for fields longer than SINGLE_LINE_MAX. Emoji, right-to-left text and
    combining accents are ordinary text: stored exactly as typed (no normalisation), except
    that Windows line ends become newlines in multi-line text.
    """
    if multiline is None:
        multiline = max_length > SINGLE_LINE_MAX
    text = (value or "").strip()
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if required and not text:
        raise ValidationError(tr("{label} måste fyllas i.").format(label=label), field)
    if len(text) > max_length:
        raise ValidationError(
            tr("{label} får vara högst {n} tecken (nu {m}).").format(
                label=label, n=max_length, m=len(text)
            ),
            field,
        )
    return check_characters(text, field=field, label=label, multiline=multiline)


def says_word(text: str, word: str) -> bool:
    """Whether `text` has `word` as a word (or phrase) of its own, case aside: not inside
    another word ("samordnare" is not in "BRÅ-samordnare")."""
    pattern = rf"(?<![\w-]){re.escape(word)}(?![\w-])"
    return re.search(pattern, text, flags=re.IGNORECASE) is not None


def title_beside(title: str, organisation: str) -> str:
    """A title to print before `organisation`, without the parts the organisation already
    names: "Barnmorska, ungdomsmottagningen" beside "Region Mittland, ungdomsmottagningen"
    is "Barnmorska". The first part, what the person is, always stays."""
    parts = [p.strip() for p in title.split(",")]
    first, rest = parts[0], parts[1:]
    if organisation.strip():
        rest = [p for p in rest if not says_word(organisation, p)]
    return ", ".join(p for p in (first, *rest) if p)
