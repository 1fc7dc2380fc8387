"""The follow-up report says what the Uppföljning page says: for every measure of ten years of
example data, the page's status and "Fungerar det?" text stand in the PDF's row of that measure
(the page showed "På väg mot målet: 14 → 9" where the PDF printed "Ingen indikator")."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from html import unescape
from pathlib import Path

import pytest

from trygghetsrad.cli import main

TODAY = date(2026, 11, 26)


@pytest.fixture(scope="module")
def ten_years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tio-år") / "tio.sqlite"
    assert main(["--db", str(path), "demo", "--date", TODAY.isoformat(), "--years", "10"]) == 0
    return path


WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(.*?)</word>')


def _words(pdf: bytes, folder: Path) -> list[tuple[int, float, float, str]]:
    """(page, y, x, word) of every word, from pdftotext's bounding boxes, in reading order."""
    path = folder / "uppföljning.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = []
    for number, page in enumerate(html.split("<page ")[1:]):
        for x, y, word in WORD.findall(page):
            words.append((number, float(y), float(x), unescape(word)))
    return sorted(words)


def _pdf_rows(year: int, database, folder: Path) -> dict[int, tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(status cell, "Indikator mot mål" cell) of each measure's row in the PDF, by measure id."""
    from trygghetsrad.export.situation.action_plan_followup import render_followup
    from trygghetsrad.services.situation import followup

    with database.session() as s:
        doc = followup.followup_document(s, year, today=TODAY)
    words = _words(render_followup(doc), folder)
    # The columns' left edges, from the measures table's header row (the first line that
    # names "Indikator mot mål" and "Senaste uppföljning").
    lines: dict[tuple[int, float], list[tuple[int, float, float, str]]] = {}
    for w in words:
        lines.setdefault(w[:2], []).append(w)
    header = next(
        line
        for line in lines.values()
        if {"Status", "Indikator", "Senaste"} <= {w[3] for w in line}
    )
    heading = words.index(header[0])
    x_of = {w[3]: w[2] for w in header}
    status_x, trend_x, latest_x = x_of["Status"], x_of["Indikator"], x_of["Senaste"]
    starts, at = [], heading
    for number in range(1, len(doc.measures) + 1):
        at = next(
            i
            for i in range(at + 1, len(words))
            if words[i][3] == f"{number}." and words[i][2] < status_x
        )
        starts.append(at)
    rows = {}
    for row, start, end in zip(doc.measures, starts, [*starts[1:], len(words)], strict=True):
        page = words[start][0]
        cell = [w for w in words[start:end] if w[0] == page]
        status = " ".join(w[3] for w in cell if status_x - 2 <= w[2] < trend_x - 2)
        trend = " ".join(w[3] for w in cell if trend_x - 2 <= w[2] < latest_x - 2)
        rows[row.measure.id] = (status, trend)
    return rows


def test_every_measure_reads_the_same_on_the_page_and_in_the_pdf(
    qtbot, ten_years: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QUndoGroup

    from trygghetsrad.db.engine import open_database
    from trygghetsrad.ui.context import AppContext, AppEvents
    from trygghetsrad.ui.situation.followup_page import FollowUpPage
    from trygghetsrad.ui.widgets.roles import Role

    database = open_database(ten_years)
    try:
        page = FollowUpPage(AppContext(database, AppEvents(), QUndoGroup()))
        qtbot.addWidget(page)
        compared = set()
        measured = 0
        for year in range(TODAY.year - 9, TODAY.year + 1):
            page.year.setValue(year)
            pdf = _pdf_rows(year, database, tmp_path)
            model = page.model
            assert model.rowCount() == len(pdf) > 0, year
            for r in range(model.rowCount()):
                measure_id = model.data(model.index(r, 0), Role.KEY)
                status = model.data(model.index(r, 4))
                trend = model.data(model.index(r, 5))
                status_cell, trend_cell = pdf[measure_id]
                assert " ".join(status.split()) in status_cell, (year, measure_id, status_cell)
                assert " ".join(trend.split()) in trend_cell, (year, measure_id, trend_cell)
                compared.add(measure_id)
                measured += trend != "Ingen indikator"
        assert len(compared) >= 60 and measured > 0
    finally:
        database.close()
