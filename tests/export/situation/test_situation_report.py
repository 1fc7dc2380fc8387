"""The lägesbild report PDF: text of every part, embedded fonts, pages, metadata, internal items."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from factories_situation import fill_situation_demo
from pypdf import PdfReader

from trygghetsrad.domain.situation.picture import IndicatorData, ValuePoint
from trygghetsrad.export.situation.report import render_situation_report
from trygghetsrad.services.situation import pictures as situation_pictures


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def _fonts(pdf: bytes) -> set[tuple[str, bool]]:
    reader = PdfReader(io.BytesIO(pdf))
    found = set()
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        fonts = resources.get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = bool(
                descriptor
                and any(
                    k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
                )
            )
            found.add((str(font["/BaseFont"]), embedded))
        for xobj in (resources.get("/XObject") or {}).values():
            sub = xobj.get_object().get("/Resources")
            if sub and "/Font" in sub:
                for ref in sub["/Font"].values():
                    font = ref.get_object()
                    found.add((str(font["/BaseFont"]), "/FontDescriptor" in font))
    return found


@pytest.fixture
def situation_db(database):  # type: ignore[no-untyped-def]
    with database.session() as s:
        fill_situation_demo(s)
    return database


@pytest.fixture
def demo_report(situation_db):  # type: ignore[no-untyped-def]
    def build(key: str, include_internal: bool = False):  # type: ignore[no-untyped-def]
        with situation_db.session() as s:
            pictures = {p.title: p.id for p in situation_pictures.list_pictures(s)}
            picture_id = pictures["Lägesbild 2026" if key == "current" else "Lägesbild 2025"]
            return situation_pictures.build_report(
                s, picture_id, include_internal=include_internal, today=date(2026, 11, 26)
            )

    return build


def test_report_holds_cover_contents_three_parts_sources_gaps(demo_report) -> None:
    pdf = render_situation_report(demo_report("current"))
    text = _text(pdf)
    for expected in (
        "Lägesbild 2026",
        "Storåkers kommun",
        "Innehåll",
        "1. Kartläggning av brottsligheten, dess omfattning och konsekvenser",
        "2. Annan relevant information",
        "3. Analys",
        "Anmälda våldsbrott per 100 000 invånare",
        "Mittlands län",
        "Industriområdet är lugnare än tidigare",
        "Använda underlag",
        "Underlag som inte har kunnat användas",
        "Socialtjänstsekretess",
        "Josef Åkesson",
        "Analyskompetens för brottsstatistik",
        "Begränsningar",
        "Arbetsmaterial, version 1",
    ):
        assert expected in text, expected
    reader = PdfReader(io.BytesIO(pdf))
    assert 6 <= len(reader.pages) <= 14
    assert f"Sida {len(reader.pages)} av {len(reader.pages)}" in text
    assert reader.metadata.title == "Lägesbild 2026"
    assert "Storåkers kommun" in reader.metadata.subject


def test_every_font_is_embedded(demo_report) -> None:
    fonts = _fonts(render_situation_report(demo_report("current")))
    assert fonts, "no fonts found"
    assert all(embedded for _name, embedded in fonts), fonts
    assert not any("Helvetica" in name for name, _ in fonts)


def test_contents_page_numbers_point_at_the_sections(demo_report) -> None:
    pdf = render_situation_report(demo_report("current"))
    reader = PdfReader(io.BytesIO(pdf))
    contents = reader.pages[1].extract_text()
    match = re.search(r"3\. Analys\s*(\d+)", contents)
    assert match, contents
    page = int(match.group(1))
    assert "3. Analys" in reader.pages[page - 1].extract_text()


def test_internal_items_only_when_included(demo_report) -> None:
    public = _text(render_situation_report(demo_report("current")))
    assert "rekrytering av unga" not in public
    assert "Fältgruppens iakttagelser" not in public
    assert "Innehåller interna uppgifter" not in public
    internal = _text(render_situation_report(demo_report("current", include_internal=True)))
    assert "rekrytering av unga" in internal
    assert "Fältgruppens iakttagelser" in internal
    assert "Intern – ej för spridning" in internal


def test_presented_report_says_when_and_to_whom(demo_report) -> None:
    text = _text(render_situation_report(demo_report("presented")))
    assert "Presenterad 12 mars 2026 för Kommunstyrelsen" in text
    assert "Arbetsmaterial" not in text


def test_empty_picture_still_renders(session) -> None:
    from factories_situation import make_picture

    pid = make_picture(session, title="Tom lägesbild")
    text = _text(render_situation_report(situation_pictures.build_report(session, pid)))
    assert "Inga indikatorer har värden" in text
    assert "Inga observationer" in text


def test_chart_draws_both_series_as_vectors() -> None:
    from trygghetsrad.domain.situation.charts import Dot, Polyline, Rect, layout_chart

    ind = IndicatorData(
        1,
        "Våld",
        "antal",
        "",
        None,
        "",
        "line",
        "Kommun",
        "Län",
        True,
        tuple(
            ValuePoint(a, str(y), v)
            for a in ("Kommun", "Län")
            for y, v in ((2020, 1), (2021, 3), (2022, 2))
        ),
    )
    layout = layout_chart(ind, 400, 200)
    assert [area for area, _ in layout.series] == ["Kommun", "Län"]
    assert len([i for i in layout.items if isinstance(i, Polyline)]) == 2
    assert len([i for i in layout.items if isinstance(i, Dot)]) == 6
    bars = layout_chart(ind, 400, 200, kind="bar")
    rects = [i for i in bars.items if isinstance(i, Rect)]
    assert len(rects) == 6
    # Higher values give taller bars, all within the drawing.
    assert all(r.y >= 0 and r.y + r.h <= 200 for r in rects)


def test_the_four_questions_are_answered_in_one_table(demo_report) -> None:
    text = _text(render_situation_report(demo_report("current")))
    for question in (
        "Vilka underlag finns?",
        "Vilka hinder finns?",
        "Vem lämnar underlagen till samordnaren?",
        "Vilka underlag eller vilken kompetens saknas?",
    ):
        assert question in text
    assert "11 underlag, varav 9 har använts och 2 inte har kunnat användas." in text
    assert "Sekretess (3)" in text
    assert "Ungdomsmottagningens iakttagelser (saknas)" in text


def test_huge_texts_and_many_sources_still_lay_out(session) -> None:
    """Table rows cannot break across pages: long texts are shortened, long lists capped."""
    from factories_situation import make_gap, make_observation, make_picture, make_source

    for n in range(150):
        make_source(session, name=f"Underlag nummer {n:03d} med ett långt namn", status="missing")
    make_gap(session, title="Lång lucka", description="ord " * 2500, actions_taken="å" * 10_000)
    make_observation(
        session,
        title="Lång observation",
        description="Mycket text. " * 700,
        observed_on=date(2026, 3, 1),
    )
    pid = make_picture(session, part_analysis="Analys. " * 5000)
    pdf = render_situation_report(situation_pictures.build_report(session, pid))
    text = _text(pdf)
    assert "Lång lucka" in text and "Lång observation" in text
    assert "… och 138 till" in text
    assert len(PdfReader(io.BytesIO(pdf)).pages) > 10
