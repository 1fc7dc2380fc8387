"""Swedish-aware text helpers: alphabetical sort keys and search-as-you-type matching."""

from __future__ import annotations

import unicodedata

# Swedish alphabet order: ... x y z å ä ö. Letters that Swedish treats as variants of
# another letter (é → e, ü → y, æ → ä, ø → ö) sort with that letter.
_AFTER_Z = str.maketrans({"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}", "ü": "y"})


def sort_key(text: str) -> str:
    """A key that orders strings the Swedish way, ignoring case (Å, Ä, Ö after Z)."""
    folded = unicodedata.normalize("NFC", text).strip().casefold().translate(_AFTER_Z)
    # Drop the remaining accents (é → e) but keep the Swedish letters mapped above.
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_text(*parts: str) -> str:
    """The text a search matches against: all parts, case-folded, composed (NFC)."""
    return unicodedata.normalize("NFC", " ".join(p for p in parts if p)).casefold()


def matches(query: str, haystack: str) -> bool:
    """True when every word of `query` occurs in `haystack` (made by `search_text`).

    Case-insensitive, and å/ä/ö are letters of their own: "ö" finds "Öberg" but not "Oberg".
    """
    words = unicodedata.normalize("NFC", query).casefold().split()
    return all(word in haystack for word in words)
