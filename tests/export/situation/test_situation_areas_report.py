"""The report prints the areas of the municipality's tree in the user's order, indented, with
each area's assessment (the risk level on its colour, needs, notes), and groups observations
by area in the same order; an area nobody assessed says "Okänd"."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PIL import Image

from trygghetsrad.domain.situation.area_tree import RiskLevel
from trygghetsrad.export.situation.report import render_situation_report
from trygghetsrad.services.situation import areas as situation_areas
from trygghetsrad.services.situation import pictures as situation_pictures


def _pdftotext(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def _current_report(demo_database, tmp_path: Path) -> tuple[Path, bytes]:  # type: ignore[no-untyped-def]
    with demo_database.session() as s:
        current = next(p for p in situation_pictures.list_pictures(s) if p.frozen_at is None)
        report = situation_pictures.build_report(s, current.id)
    data = render_situation_report(report)
    path = tmp_path / "lagesbild.pdf"
    path.write_bytes(data)
    return path, data


def test_the_tree_is_printed_in_the_users_order_with_its_assessments(  # type: ignore[no-untyped-def]
    demo_database, tmp_path: Path
) -> None:
    path, _data = _current_report(demo_database, tmp_path)
    text = _pdftotext(path)
    section = text[text.rindex("1.3 Bedömning per område") : text.rindex("2. Annan relevant")]
    lines = [line for line in section.splitlines() if line.strip()]
    order = [
        "Centrala Storåker",
        "Centrum",
        "Resecentrum",
        "Gångtunneln under",
        "Stortorget",
        "Norrmalm",
        "Västra Storåker",
        "Industriområdet Västra",
        "Södra Storåker",
        "Södra villaområdet",
    ]
    found = [next(i for i, line in enumerate(lines) if line.strip().startswith(n)) for n in order]
    assert found == sorted(found)  # the council's order, not the alphabet (Södra before Västra)

    def row(name: str) -> str:
        return next(line for line in lines if line.strip().startswith(name))

    def indent(name: str) -> int:
        line = row(name)
        return len(line) - len(line.lstrip())

    assert indent("Centrala Storåker") < indent("Centrum") < indent("Resecentrum")
    assert indent("Västra Storåker") == indent("Centrala Storåker")
    assert "Mycket hög" in row("Resecentrum") and "Belysning, kamerabevakning" in row("Resecentrum")
    assert "Förhöjd" in row("Stortorget") and "Lugnare efter att containrarna" in row("Stortorget")
    assert "Låg" in row("Södra Storåker")
    assert "Okänd" in row("Södra villaområdet")  # never assessed: no level the user didn't give
    assert "Stadsområde" in section and "Mellanområde" in section and "Plats" in section


def test_the_risk_levels_carry_their_colours(demo_database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, data = _current_report(demo_database, tmp_path)
    text = _pdftotext(path)
    pages = text.split("\f")
    page = next(
        i for i, p in enumerate(pages) if "1.3 Bedömning per område" in p and "Risknivå" in p
    )
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "40",
            "-f",
            str(page + 1),
            "-l",
            str(page + 1),
            str(path),
            str(tmp_path / "sida"),
        ],
        check=True,
    )
    (png,) = tmp_path.glob("sida*.png")
    image = Image.open(png).convert("RGB")
    seen = {image.getpixel((x, y)) for x in range(image.width) for y in range(image.height)}

    def has(colour: str) -> bool:
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        return any(abs(r - x) + abs(g - y) + abs(b - z) < 12 for x, y, z in seen)

    for level in (RiskLevel.LOW, RiskLevel.RAISED, RiskLevel.HIGH, RiskLevel.VERY_HIGH):
        assert has(level.colour), level


def test_observations_are_grouped_by_area_in_the_trees_order(  # type: ignore[no-untyped-def]
    demo_database, tmp_path: Path
) -> None:
    path, _data = _current_report(demo_database, tmp_path)
    text = _pdftotext(path)
    section = text[text.index("1.2 Observationer per område", 2000) :]
    heads = [
        "Centrala Storåker › Centrum",
        "Centrala Storåker › Norrmalm",
        "Västra Storåker › Industriområdet Västra",
        "Södra Storåker › Södra villaområdet",
        "Hela kommunen",  # a place outside the tree comes after it
    ]
    positions = [section.index(h) for h in heads]
    assert positions == sorted(positions)


def test_a_report_without_areas_says_so(session, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from factories_situation import make_picture

    picture = make_picture(session)
    path = tmp_path / "tom.pdf"
    path.write_bytes(render_situation_report(situation_pictures.build_report(session, picture)))
    text = " ".join(_pdftotext(path).split())
    assert "1.3 Bedömning per område Inga områden är inlagda." in text
    # one area, never assessed: printed as unknown
    situation_areas.create_area(session, name="Hamnen", level="Plats")
    path.write_bytes(render_situation_report(situation_pictures.build_report(session, picture)))
    text = " ".join(_pdftotext(path).split())
    assert "Hamnen Okänd – –" in text


def test_a_picture_presented_before_areas_says_so(demo_database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with demo_database.session() as s:
        presented = next(p for p in situation_pictures.list_pictures(s) if p.frozen_at)
        report = situation_pictures.build_report(s, presented.id)
    assert report.areas == ()  # its snapshot was taken before the tree existed
    path = tmp_path / "presenterad.pdf"
    path.write_bytes(render_situation_report(report))
    text = " ".join(_pdftotext(path).split())
    assert "Lägesbilden presenterades utan områden och bedömning per område." in text
    assert "Okänd" not in text[text.rindex("1.3 Bedömning per område") :][:200]
