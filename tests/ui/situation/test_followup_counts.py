"""The Uppföljning summary and the follow-up PDF count measures per light in Swedish: one
measure is "1 ej startad eller avbruten", "1 försenad", never "1 ej startade eller avbrutna"
(the trial saw that on the example data, where one measure is cancelled)."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

from factories_action_plan import (  # noqa: F401  (fixtures)
    demo_app_fixture,
    demo_db_fixture,
    demo_template_fixture,
)

from trygghetsrad.domain.situation.action_plan import Light, light_count

PLURAL_AFTER_ONE = re.compile(
    r"(?<![\d,])1 (?:ej startade|försenade|ej bedömda|enligt plan eller klara|avbrutna)"
)


def test_light_counts_agree_with_the_number() -> None:
    assert light_count(Light.GREY, 1) == "1 ej startad eller avbruten"
    assert light_count(Light.GREY, 2) == "2 ej startade eller avbrutna"
    assert light_count(Light.RED, 1) == "1 försenad"
    assert light_count(Light.RED, 0) == "0 försenade"
    assert light_count(Light.GREEN, 1) == "1 enligt plan eller klar"
    assert light_count(Light.NONE, 1) == "1 ej bedömd"
    assert light_count(Light.YELLOW, 1) == "1 behöver uppmärksamhet"


def test_the_summary_and_the_pdf_count_one_measure_in_the_singular(
    qtbot, demo_app, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.export.situation.action_plan_followup import render_followup
    from trygghetsrad.services.situation import followup
    from trygghetsrad.ui.situation.followup_page import FollowUpPage

    page = FollowUpPage(demo_app)
    qtbot.addWidget(page)
    page.year.setValue(2026)
    summary = " ".join(page.summary.text().replace("&nbsp;", " ").split())
    counts = {light: 0 for light in Light}
    for row in page.model.rows():
        counts[row.light.light] += 1
    assert 1 in counts.values()  # the example data has a light counted once
    for light, n in counts.items():
        if n or light is not Light.NONE:
            assert light_count(light, n) in summary, (light, summary)
    assert not PLURAL_AFTER_ONE.search(summary), summary

    with demo_app.database.session() as s:
        doc = followup.followup_document(s, 2026, today=date.today())
    path = tmp_path / "uppföljning.pdf"
    path.write_bytes(render_followup(doc))
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.replace("\u00a0", " ").split())
    for light, n in counts.items():
        if n or light is not Light.NONE:
            assert light_count(light, n) in flat, (light, n)
    assert not PLURAL_AFTER_ONE.search(flat)
