"""The A3 poster of the example data: no two labels overlap and none runs into the wheel or
off the page (computed from the scene's label boxes), and every occurrence of a recurring
event carries the letter of its label."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from trygghetsrad.domain.wheel.model import series_key
from trygghetsrad.domain.wheel.scene import Text, label_overlaps

POSTER_WHEEL = (866, 698)  # the page left of the legend on A3 landscape with its margins


@pytest.fixture(scope="module", params=[date(2026, 11, 26), date(2026, 12, 7)], ids=str)
def example(request, tmp_path_factory: pytest.TempPathFactory) -> Path:  # type: ignore[no-untyped-def]
    # The example data depends on its date; on 7 December "10 dec Trygghetsrådet" overlapped.
    from trygghetsrad import demo
    from trygghetsrad.db.engine import open_database

    path = tmp_path_factory.mktemp("exempel") / "exempel.sqlite"
    db = open_database(path)
    with db.session() as s:
        demo.fill(s, request.param)
    db.close()
    return path


def _poster_scene(path: Path, year: int):  # type: ignore[no-untyped-def]
    from trygghetsrad.db.engine import open_database
    from trygghetsrad.export.wheel.poster import poster_scene
    from trygghetsrad.services.wheel.extra import wheel_document

    db = open_database(path)
    try:
        with db.session() as s:
            doc = wheel_document(s, year)
    finally:
        db.close()
    return poster_scene(doc, *POSTER_WHEEL)


@pytest.mark.parametrize("year", [2026, 2027])
def test_no_label_of_the_poster_overlaps_another(example: Path, year: int) -> None:
    scene = _poster_scene(example, year)
    assert scene.label_lines or year == 2027
    assert label_overlaps(scene) == []


def test_every_occurrence_of_a_recurring_event_carries_its_letter(example: Path) -> None:
    scene = _poster_scene(example, 2026)
    tagged = {
        skey: tag
        for skey, tag in scene.series_tags.items()
        if any(series_key(k) == skey for k in scene.label_lines)
    }
    assert tagged, "the example year has recurring events (Nattvandring)"
    texts = {
        (round(t.x, 3), round(t.y, 3), t.text) for t in scene.primitives if isinstance(t, Text)
    }
    for skey, tag in tagged.items():
        label = next(v for k, v in scene.label_lines.items() if series_key(k) == skey)
        assert label[0].text.split()[0] == tag
        shapes = [s for s in scene.shapes if series_key(s.key) == skey]
        assert len(shapes) > 1
        for shape in shapes:
            assert (round(shape.x, 3), round(shape.y, 3), tag) in texts, (skey, shape.key)
    shown = [" ".join(t.text for t in v) for v in scene.label_lines.values()]
    assert any("Nattvandring (13 tillfällen)" in text for text in shown)
