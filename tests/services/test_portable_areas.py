"""`export data`/`import data` carry the area tree, its order, the ties and the assessments,
and refuse a file whose areas lie under themselves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from trygghetsrad.db.engine import open_database
from trygghetsrad.services import portable
from trygghetsrad.services.situation import areas as situation_areas


@pytest.fixture
def demo_document(demo_export) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return demo_export


def test_the_tree_and_its_assessments_round_trip(demo_document, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tables = demo_document["tables"]
    assert len(tables["areas"]) == 10 and len(tables["area_assessments"]) == 9
    assert sum(1 for m in tables["measures"] if m["area_id"] is not None) == 3
    db = open_database(tmp_path / "ny.sqlite")
    try:
        with db.session() as s:
            portable.import_data(s, demo_document)
            s.commit()
        with db.session() as s:
            again = portable.export_data(s)
            tree = [(a.depth, a.name, a.level) for a in situation_areas.list_areas(s)]
            pictures = {p["status"]: p["id"] for p in again["tables"]["situation_pictures"]}
            rows = situation_areas.assessments(s, pictures["in_progress"])
    finally:
        db.close()
    assert {k: v for k, v in again.items() if k != "exported_at"} == {
        k: v for k, v in demo_document.items() if k != "exported_at"
    }
    assert tree[:3] == [
        (0, "Centrala Storåker", "Stadsområde"),
        (1, "Centrum", "Mellanområde"),
        (2, "Resecentrum", "Plats"),
    ]
    by_name = {r.area.name: r for r in rows}
    assert by_name["Resecentrum"].risk_level == "very_high"
    assert by_name["Södra villaområdet"].risk_level == "unknown"


def test_a_ring_of_areas_is_refused(demo_document, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    areas = demo_document["tables"]["areas"]
    top = next(a for a in areas if a["parent_id"] is None)
    child = next(a for a in areas if a["parent_id"] == top["id"])
    top["parent_id"] = child["id"]
    db = open_database(tmp_path / "ring.sqlite")
    try:
        refused = pytest.raises(portable.ImportProblem, match="ligger under sig självt")
        with refused as caught, db.session() as s:
            portable.import_data(s, demo_document)
        assert "Områden" in str(caught.value) and "parent_id" in str(caught.value)
        with db.session() as s:
            assert situation_areas.list_areas(s) == []
    finally:
        db.close()


def test_an_unknown_risk_level_is_refused(demo_document, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    demo_document["tables"]["area_assessments"][0]["risk_level"] = "ganska hög"
    db = open_database(tmp_path / "fel.sqlite")
    try:
        with pytest.raises(portable.ImportProblem, match="risk_level"), db.session() as s:
            portable.import_data(s, demo_document)
    finally:
        db.close()
