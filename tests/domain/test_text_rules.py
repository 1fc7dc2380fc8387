"""The one rule for text and typed dates: what every form and import refuses, and what it keeps."""

from __future__ import annotations

from datetime import date

import pytest

from trygghetsrad.domain import register
from trygghetsrad.domain.dates import FIRST_YEAR, LAST_YEAR, check_year, parse_date
from trygghetsrad.domain.meetings import model as meetings
from trygghetsrad.domain.text import MAX_TEXT, clean_text
from trygghetsrad.domain.wheel import model as wheel
from trygghetsrad.errors import ValidationError

AWKWARD = "Möte 🎉👩‍👩‍👧 שלום עליכם مرحبا e\u0301 Å\u030a — “citat” 中文"


def test_awkward_but_legitimate_text_is_stored_exactly() -> None:
    assert clean_text(AWKWARD, field="t", label="Rubrik", max_length=200) == AWKWARD
    multi = "Rad ett\n\tindrag 🚲\nסוף"
    assert clean_text(multi, field="t", label="Text") == multi


@pytest.mark.parametrize(
    "bad", ["a\x00b", "a\x07b", "a\x1bb", "a\x7fb", "a\x85b", "a\ud800b", "a\ufffeb", "a\ufdd0b"]
)
def test_control_characters_surrogates_and_noncharacters_are_refused(bad: str) -> None:
    with pytest.raises(ValidationError, match="Rubrik innehåller ett osynligt styrtecken") as e:
        clean_text(bad, field="title", label="Rubrik", max_length=200)
    assert e.value.field == "title"


def test_line_breaks_and_tabs_only_in_multiline_fields() -> None:
    with pytest.raises(ValidationError, match="en rad"):
        clean_text("Rad\nrad", field="title", label="Rubrik", max_length=200)
    with pytest.raises(ValidationError, match="styrtecken"):
        clean_text("a\tb", field="title", label="Rubrik", max_length=200)
    assert clean_text("a\r\nb", field="note", label="Anteckning") == "a\nb"


def test_too_long_text_is_refused_with_the_limit_and_empty_required_too() -> None:
    with pytest.raises(ValidationError, match=f"högst {MAX_TEXT} tecken \\(nu 100001\\)"):
        clean_text("x" * 100_001, field="note", label="Anteckning")
    with pytest.raises(ValidationError, match="måste fyllas i"):
        clean_text(" \n ", field="title", label="Rubrik", required=True, max_length=200)


def test_every_area_delegates_to_the_one_rule() -> None:
    assert register.clean_text is clean_text
    for check in (
        lambda v: wheel.clean_text(v, "title", "Rubriken", required=True, limit=200),
        lambda v: meetings.check_plain_text(v, field="title", label="Rubriken"),
        lambda v: register.clean_text(v, field="title", label="Rubriken", max_length=200),
    ):
        assert check(AWKWARD) == AWKWARD
        with pytest.raises(ValidationError, match="styrtecken"):
            check("a\x01")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-02-30", "finns inte i kalendern"),
        ("30000-01-01", "Året 30000 är inte rimligt"),
        ("hej", "ÅÅÅÅ-MM-DD"),
        ("2026-13-01", "finns inte i kalendern"),
        ("", "ÅÅÅÅ-MM-DD"),
        ("1899-12-31", "mellan 1900 och 2100"),
    ],
)
def test_impossible_dates_are_refused_in_swedish(text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message) as e:
        parse_date(text, "day")
    assert e.value.field == "day"


def test_possible_dates_are_read() -> None:
    assert parse_date(" 2028-02-29 ") == date(2028, 2, 29)
    assert parse_date("20260315") == date(2026, 3, 15)
    assert check_year(date(FIRST_YEAR, 1, 1)) and check_year(date(LAST_YEAR, 12, 31))
    with pytest.raises(ValidationError):
        check_year(date(9999, 1, 1), "end")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("indikator;period;område;värde\nVåld;2026;Stor\x07åker;3\n", "Rad 2, kolumn ”område”"),
        ("område;2024;2025\nStor\x01;1;2\n", "osynligt styrtecken"),
        ("område;2024\n" + "x" * 300 + ";2\n", "högst 120 tecken"),
        ("indikator;period;område;värde;enhet\nVåld;2026;Stor;3;s\x0bt\n", "kolumn ”enhet”"),
    ],
)
def test_csv_import_refuses_control_characters_and_long_names(data: str, message: str) -> None:
    from trygghetsrad.domain.situation.csv_values import parse_csv

    with pytest.raises(ValidationError, match=message):
        parse_csv(data.encode(), indicator="Våld")


def test_csv_import_keeps_emoji_and_right_to_left_names() -> None:
    from trygghetsrad.domain.situation.csv_values import parse_csv

    rows = parse_csv("indikator;period;område;värde\nVåld 😀;2026;שלום e\u0301;3\n".encode()).rows
    assert (rows[0][1], rows[0][2]) == ("Våld 😀", "שלום e\u0301")
