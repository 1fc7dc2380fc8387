"""A typed time of day: the ways people write it are read as that time, nothing else is."""

from __future__ import annotations

from datetime import time

import pytest

from trygghetsrad.domain.dates import parse_time
from trygghetsrad.errors import ValidationError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09.00", time(9, 0)),
        ("9.00", time(9, 0)),
        ("9:30", time(9, 30)),
        ("0930", time(9, 30)),
        ("9", time(9, 0)),
        (" 23.59 ", time(23, 59)),
        ("00.00", time(0, 0)),
    ],
)
def test_the_ways_a_time_is_written(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["24.00", "9.60", "9.5", ".30", "", "nio", "09.00.00", "123"])
def test_no_time_is_refused_at_its_field_in_swedish(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_time(text, "start_time")
    assert caught.value.field == "start_time"
    assert "TT.MM" in str(caught.value)
