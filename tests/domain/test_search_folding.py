"""Folding and marking for the substring search: one letter for one, so marks line up."""

from __future__ import annotations

from trygghetsrad.domain.search import excerpt, fold, mark_substrings, marked, substring_query


def test_fold_keeps_the_length_and_drops_only_diacritics() -> None:
    text = "Ånge, Öckerö, Säffle, Café, Åsa ÄNGEL"
    assert fold(text) == "Ange, Ockero, Saffle, Cafe, Asa ANGEL"
    assert len(fold(text)) == len(text)


def test_marks_follow_the_original_spelling() -> None:
    text = "Kameraövervakning i Ånge kommun; ANGE"
    assert marked(mark_substrings(text, ["overvakning", "ange"])) == (
        "Kamera«övervakning» i «Ånge» kommun; «ANGE»"
    )
    assert marked(mark_substrings("aaaa", ["aa", "aaa"])) == "«aaaa»"
    assert mark_substrings("ingen träff", ["zebra"]) == "ingen träff"


def test_excerpt_keeps_the_marked_word_whole() -> None:
    words = " ".join(f"ord{i}" for i in range(30))
    text = mark_substrings(f"{words} Kameraövervakning {words}", ["övervakning"])
    short = marked(excerpt(text, 14))
    assert "Kamera«övervakning»" in short and short.startswith("…") and short.endswith("…")
    assert len(short.split()) == 14


def test_the_substring_query_folds_only_words_typed_without_diacritics() -> None:
    assert substring_query("ange kommun") == '{folded_title folded_body} : ("ange" "kommun")'
    assert substring_query("öberg asa") == (
        '{folded_title folded_body} : ("asa") AND {title body} : ("öberg")'
    )
    assert substring_query("it stöd") == ""  # two letters: too short for trigrams
    assert substring_query("it", prefix=True) == '{folded_title folded_body} : ("it"*)'
