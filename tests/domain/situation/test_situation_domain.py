"""Pure rules of the situation picture: labels, periods, peak months, next delivery, values."""

from __future__ import annotations

from datetime import date

import pytest

from trygghetsrad.domain.situation import picture as d
from trygghetsrad.domain.situation.csv_values import parse_value
from trygghetsrad.domain.situation.periods import (
    parse_period,
    period_label,
    period_short,
    period_sort_key,
)
from trygghetsrad.errors import ValidationError


def test_every_member_has_its_own_swedish_label() -> None:
    assert d.PictureStatus.IN_PROGRESS.label == "Pågår"
    assert d.GapStatus.IN_PROGRESS.label == "Åtgärd pågår"
    assert d.GeoLevel.OTHER.label == "Annan indelning"
    assert d.ObstacleKind.OTHER.label == "Annat"
    assert d.Category.OTHER.label == "Övrigt"
    for enum in (
        d.PictureStatus,
        d.SourceKind,
        d.Frequency,
        d.GeoLevel,
        d.SourceStatus,
        d.ObstacleKind,
        d.GapKind,
        d.GapStatus,
        d.Category,
        d.Trend,
        d.ChartKind,
    ):
        for member in enum:
            assert member.label and member.label != member.value


def test_clean_accepts_value_or_swedish_label() -> None:
    assert d.ObstacleKind.clean("Sekretess", "f", "hinder") == "secrecy"
    assert d.ObstacleKind.clean("gdpr", "f", "hinder") == "gdpr"
    with pytest.raises(ValidationError, match="Okänt värde för hinder"):
        d.ObstacleKind.clean("hemligt", "f", "hinder")


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("2024", "2024"),
        (" 2024 ", "2024"),
        ("2024-Q3", "2024-Q3"),
        ("2024 kv 3", "2024-Q3"),
        ("2024K3", "2024-Q3"),
        ("K3 2024", "2024-Q3"),
        ("kvartal 1 2021", "2021-Q1"),
        ("2024-05", "2024-05"),
        ("2024-5", "2024-05"),
        ("2024/11", "2024-11"),
        ("maj 2024", "2024-05"),
        ("Okt 2024", "2024-10"),
        ("2024 december", "2024-12"),
    ],
)
def test_periods_as_users_write_them(text: str, canonical: str) -> None:
    assert parse_period(text) == canonical


@pytest.mark.parametrize("text", ["", "24", "2024-13", "2024-Q5", "igår", "1066", "maj"])
def test_impossible_periods_are_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_period(text)


def test_period_labels_and_order() -> None:
    assert period_label("2024-Q3") == "kv. 3 2024"
    assert period_label("2024-05") == "maj 2024"
    assert period_short("2024-05") == "maj 24"
    periods = ["2024-Q3", "2023", "2024-02", "2024"]
    assert sorted(periods, key=period_sort_key) == ["2023", "2024", "2024-02", "2024-Q3"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12,5", 12.5),
        ("12.5", 12.5),
        ("1 234,5", 1234.5),
        ("1\u00a0234", 1234.0),
        ("1.234,5", 1234.5),
        ("−3,2", -3.2),
        ("21,5 %", 21.5),
        ("..", None),
        ("", None),
    ],
)
def test_numbers_as_swedish_spreadsheets_write_them(text: str, value: float | None) -> None:
    assert parse_value(text) == value


def test_peak_months_text() -> None:
    assert d.months_text((6, 7, 8)) == "jun–aug"
    assert d.months_text((1, 7)) == "jan, jul"
    assert d.months_text((11, 12, 1)) == "jan, nov, dec"
    assert d.parse_months("8,6,7") == (6, 7, 8)
    with pytest.raises(ValidationError):
        d.parse_months("13")


@pytest.mark.parametrize(
    ("last", "frequency", "expected"),
    [
        (date(2026, 1, 31), "monthly", date(2026, 2, 28)),
        (date(2026, 11, 30), "quarterly", date(2027, 2, 28)),
        (date(2024, 2, 29), "yearly", date(2025, 2, 28)),
        (date(2026, 3, 1), "biennial", date(2028, 3, 1)),
        (date(2026, 3, 1), "irregular", None),
    ],
)
def test_next_delivery_follows_the_frequency(
    last: date, frequency: str, expected: date | None
) -> None:
    assert d.next_after(last, frequency) == expected


@pytest.mark.parametrize("text", ["nan", "inf", "-Infinity", "12,5x", "1,2,3"])
def test_not_numbers_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_value(text)
