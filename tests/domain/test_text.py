"""Swedish sort keys and search matching."""

from __future__ import annotations

from trygghetsrad.domain.text import matches, search_text, sort_key


def test_swedish_alphabetical_order() -> None:
    names = ["Örjan", "Ärla", "Åsa", "Zelda", "émile", "Olle", "adam", "Östen"]
    assert sorted(names, key=sort_key) == [
        "adam",
        "émile",
        "Olle",
        "Zelda",
        "Åsa",
        "Ärla",
        "Örjan",
        "Östen",
    ]


def test_search_is_case_insensitive_and_keeps_swedish_letters_apart() -> None:
    haystack = search_text("Jonas Öberg", "Fältassistent", "jonas.oberg@example.org")
    assert matches("öberg", haystack)
    assert matches("ÖBERG fält", haystack)
    assert matches("", haystack)
    assert not matches("öberg polis", haystack)
    assert not matches("åberg", search_text("Jonas Öberg"))
    # Decomposed input (a + combining ring) finds the composed letter.
    assert matches("a\u030asa", search_text("Åsa Ek"))
