"""A commitment's traffic light claims nothing nobody recorded and agrees with its measures.

On the example data the Överenskommelser page showed a green "Pågår enligt plan" for a
commitment that had never been followed up while its measure was amber on Uppföljning, and
"Skulle ha startat 2025-01-01" (the agreement's first day) for a commitment whose measure is
due to start 2026-03-01. The agreement PDF must say what the page says.
"""

from __future__ import annotations

import re
import subprocess
from datetime import date
from html import unescape
from pathlib import Path

from factories_action_plan import (  # noqa: F401  (fixtures)
    demo_app_fixture,
    demo_db_fixture,
    demo_template_fixture,
)

from trygghetsrad.domain.situation.action_plan import LIGHT_ORDER, Light, has_light
from trygghetsrad.services.situation import action_plan, agreements


def _page(qtbot, demo_app):  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.situation.agreements_page import AgreementsPage

    page = AgreementsPage(demo_app)
    qtbot.addWidget(page)
    page.show()
    return page


def _shown(page, index: int) -> list[tuple[int, str, Light, str, str]]:  # type: ignore[no-untyped-def]
    """(commitment id, text, light, light tooltip, status cell) of each row the page shows."""
    page.list.setCurrentRow(index)
    model = page.model
    out = []
    for r in range(model.rowCount()):
        row = model.rows()[r]
        out.append(
            (
                row.commitment.id,
                row.commitment.text,
                row.light.light,
                model.data(model.index(r, 0), 3),
                model.data(model.index(r, 3)),
            )
        )
    return out


def test_a_commitment_light_is_its_measures_light_or_none(qtbot, demo_app) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_app)
    today = date.today()
    seen = {}
    for index in range(page.list.count()):
        shown = _shown(page, index)
        rows = {r.commitment.id: r for r in page.model.rows()}
        for cid, text, light, tip, _status in shown:
            seen[text] = (light, tip)
            row = rows[cid]
            with demo_app.database.session() as s:
                measures = [
                    action_plan.measure_row(s, m, today=today) for m in row.commitment.measure_ids
                ]
            judged = [m for m in measures if has_light(m.light.light)]
            if judged:
                worst = min(judged, key=lambda m: LIGHT_ORDER.index(m.light.light))
                # Never greener than a linked measure.
                assert LIGHT_ORDER.index(light) <= LIGHT_ORDER.index(worst.light.light), text
                if light is worst.light.light:
                    assert worst.light.reason in tip and worst.measure.title in tip, (text, tip)
            elif not row.followups:
                assert light is Light.NONE, (text, tip)
                assert "Ej bedömd" in tip or "Ingen uppföljning" in tip, (text, tip)
    light, tip = next(v for k, v in seen.items() if k.startswith("Genomföra föräldrakvällar"))
    assert light is Light.YELLOW and "Pågår enligt plan" not in tip
    light, tip = next(v for k, v in seen.items() if k.startswith("Ta fram underlag för kamera"))
    assert "2026-03-01" in tip and "2025-01-01" not in tip


WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(.*?)</word>')


def _status_column(path: Path) -> str:
    """The words of the commitments tables' Status column, in reading order."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    out = []
    for page in html.split("<page ")[1:]:
        words = sorted((float(y), float(x), unescape(w)) for x, y, w in WORD.findall(page))
        headers = [(y, x) for y, x, w in words if w == "Status"]
        for y0, x0 in headers:
            x1 = min(x for y, x, w in words if w == "Kopplade" and abs(y - y0) < 1)
            out += [w for y, x, w in words if y > y0 + 1 and x0 - 2 <= x < x1 - 2]
    return " ".join(out)


def test_the_agreement_pdf_says_what_the_page_says(qtbot, demo_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.export.situation.action_plan_agreement import render_agreement

    page = _page(qtbot, demo_app)
    compared = 0
    for index in range(page.list.count()):
        shown = _shown(page, index)
        agreement = page.current()
        with demo_app.database.session() as s:
            doc = agreements.agreement_document(
                s, agreement.id, today=date.today(), include_internal=True
            )
        path = tmp_path / f"{agreement.id}.pdf"
        path.write_bytes(render_agreement(doc))
        status_column = _status_column(path)
        for _cid, commitment, _light, tip, status in shown:
            assert " ".join(tip.split()) in status_column, (commitment, tip)
            assert " ".join(status.split()) in status_column, (commitment, status)
            compared += 1
    assert compared >= 8
