"""Fixtures shared by the service tests."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest

from trygghetsrad.db.engine import open_database
from trygghetsrad.services import portable


@pytest.fixture(scope="module")
def _demo_export_once(tmp_path_factory) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """`export data` of the example data, made once per module."""
    from trygghetsrad import demo

    db = open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    try:
        with db.session() as s:
            demo.fill(s, date(2026, 11, 26))
        with db.session() as s:
            return portable.export_data(s)
    finally:
        db.close()


@pytest.fixture
def demo_export(_demo_export_once) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """A copy of the example data's export that a test may change."""
    return copy.deepcopy(_demo_export_once)
