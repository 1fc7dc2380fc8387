"""No series is dropped from a PDF, and every PDF chart is laid out alike: an indicator with
five areas imported from CSV shows all five in the situation report; areas beyond what a chart
can draw are named and tabled; the follow-up's charts have nice ticks from zero and no
overlapping labels."""

from __future__ import annotations

import io
from datetime import date
from itertools import combinations
from pathlib import Path

import pytest
from factories_action_plan import demo_db_fixture, demo_template_fixture  # noqa: F401
from factories_situation import fill_situation_demo
from pypdf import PdfReader
from reportlab.graphics.shapes import String
from reportlab.pdfbase.pdfmetrics import stringWidth

from trygghetsrad.cli import main

AREAS = ["Centrum", "Norrby", "Söderåsen", "Västerslätt", "Östra hamnen", "Kyrkbyn", "Lövåsen", "Industriområdet"]  # fmt: skip


YEARS = range(2022, 2026)  # within the period of the example's situation picture


@pytest.fixture
def demo_file(database, db_path: Path) -> Path:  # type: ignore[no-untyped-def]
    with database.session() as s:
        fill_situation_demo(s)
    database.close()
    return db_path


def _report_with(demo_file: Path, tmp_path: Path, areas: list[str]) -> str:
    rows = ["indikator;område;period;värde"]
    for n, area in enumerate(areas):
        rows += [f"Otrygghet i bostadsområdet;{area};{y};{10 + n + (y - 2020) / 10:.1f}".replace(".", ",") for y in YEARS]  # fmt: skip
    csv = tmp_path / "områden.csv"
    csv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert main(["--db", str(demo_file), "import", "indicators", str(csv), "--situation", "2"]) == 0
    out = tmp_path / "lägesbild.pdf"
    assert main(["--db", str(demo_file), "export", "situation", "2", str(out)]) == 0
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    return " ".join(text.split())


def _section(text: str) -> str:
    start = text.index("Otrygghet i bostadsområdet")
    return text[start : text.index("1.2 Observationer per område", start)]


def test_five_areas_imported_from_csv_all_reach_the_situation_report(
    demo_file: Path, tmp_path: Path
) -> None:
    section = _section(_report_with(demo_file, tmp_path, AREAS[:5]))
    latest = section[section.index("Senaste värden:") :]
    for n, area in enumerate(AREAS[:5]):
        assert f"{area} {10 + n + 0.5:.1f} (2025)".replace(".", ",") in latest, area
    assert "visas i tabellen" not in section  # five areas are drawn, none left out


def test_areas_a_chart_cannot_draw_are_named_and_every_value_is_tabled(
    demo_file: Path, tmp_path: Path
) -> None:
    section = _section(_report_with(demo_file, tmp_path, AREAS))
    # Areas come main area first, then alphabetically: the last two are left out of the chart.
    assert (
        "Diagrammet visar 6 av 8 områden; Västerslätt, Östra hamnen visas i tabellen nedan."
        in section
    )
    table = section[section.index("visas i tabellen nedan") :]
    for n, area in ((3, "Västerslätt"), (4, "Östra hamnen")):
        assert area in table
        for y in YEARS:
            assert f"{10 + n + (y - 2020) / 10:.1f}".replace(".", ",") in table, (area, y)
    latest = section[section.index("Senaste värden:") :]
    assert all(area in latest for area in AREAS)


def _boxes(drawing) -> list[tuple[str, str, tuple[float, float, float, float]]]:  # type: ignore[no-untyped-def]
    found = []
    for item in drawing.contents:
        if isinstance(item, String):
            w = stringWidth(item.text, item.fontName, item.fontSize)
            x0 = item.x - {"start": 0, "middle": w / 2, "end": w}[item.textAnchor]
            found.append((item.textAnchor, item.text, (x0, item.y - 0.22 * item.fontSize, x0 + w, item.y + 0.78 * item.fontSize)))  # fmt: skip
    return found


def test_follow_up_charts_have_nice_ticks_from_zero_and_no_overlapping_labels(demo_db) -> None:  # type: ignore[no-untyped-def]
    from reportlab.lib.units import mm

    from trygghetsrad.export.situation.action_plan_drawing import indicator_chart
    from trygghetsrad.services.situation import followup

    with demo_db.session() as s:
        doc = followup.followup_document(s, 2026, today=date(2026, 11, 26))
    assert doc.series
    for series in doc.series:
        drawing = indicator_chart(series, 80 * mm, 45 * mm)
        boxes = _boxes(drawing)
        clashes = [
            (a, b)
            for (_x, a, ba), (_y, b, bb) in combinations(boxes, 2)
            if ba[0] < bb[2] and bb[0] < ba[2] and ba[1] < bb[3] and bb[1] < ba[3]
        ]
        assert clashes == [], series.name
        ticks = [
            float(text.replace("\u00a0", "").replace(",", "."))
            for anchor, text, _box in boxes
            if anchor == "end"  # the value axis
        ]
        assert ticks[0] == 0, series.name
        step = ticks[1] - ticks[0]
        assert all(abs((b - a) - step) < 1e-9 for a, b in zip(ticks, ticks[1:], strict=False))
        assert max(p.value for p in series.points) <= ticks[-1]


def test_follow_up_pdf_labels_periods_like_the_situation_report(demo_db) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.export.situation.action_plan_followup import render_followup
    from trygghetsrad.services.situation import followup

    with demo_db.session() as s:
        doc = followup.followup_document(s, 2026, today=date(2026, 11, 26))
    text = " ".join("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(render_followup(doc))).pages).split())  # fmt: skip
    assert "-Q" not in text  # "2026-Q12026-Q4" was the follow-up's own axis; trends say "kv. 3"
    assert "K3 26" in text or "K2 26" in text
