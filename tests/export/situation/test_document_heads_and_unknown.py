"""What the reports print about themselves (the user's title, date of issue, author,
chapters, contents and bookmarks) and about what nobody has judged (no verdict, no light)."""

from __future__ import annotations

import io
from datetime import date

from factories_action_plan import make_measure, make_plan
from pypdf import PdfReader

from trygghetsrad.domain.situation.action_plan import Light
from trygghetsrad.domain.situation.documents import Chapter, DocumentKind, Placement
from trygghetsrad.services.situation import action_plan, agreements, followup
from trygghetsrad.services.situation import documents as situation_documents

TODAY = date(2026, 11, 26)
LONG = "\n\n".join(
    f"Stycke {i}: trygghetsvandringen i Storåker visade att belysningen behöver ses över "
    "vid resecentrum, gångtunneln och skolgården, och att fler vuxna behövs ute på kvällarna."
    for i in range(60)
)


def _reader(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, text


def _outline(reader: PdfReader) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []

    def walk(items: list) -> None:  # type: ignore[type-arg]
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                out.append((item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline)
    return out


def _plan_with_unjudged_measure(session) -> int:  # type: ignore[no-untyped-def]
    plan = make_plan(session, title="Åtgärdsplan 2025", period_start=date(2025, 1, 1),
                     period_end=date(2025, 12, 31))  # fmt: skip
    make_measure(session, plan, title="Belysning vid resecentrum", start=date(2025, 2, 1),
                 end=date(2025, 6, 30))  # fmt: skip
    action_plan.adopt_plan(session, plan, adopted_by="KF", adopted_on=date(2025, 1, 20))
    return plan


def test_followup_of_an_unjudged_measure_claims_nothing(session) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.export.situation.action_plan_followup import render_followup

    _plan_with_unjudged_measure(session)
    doc = followup.followup_document(session, 2025, today=TODAY)
    _reader_, text = _reader(render_followup(doc))
    flat = " ".join(text.split())
    assert "Ej påbörjad" not in flat and "försenade" in flat
    assert "0 försenade" in flat and "1 ej bedömd " in flat
    assert "Ej bedömd slutdatum 2025-06-30 har passerat" in flat.replace(";", "")
    # The checklist: no coordinator role recorded at all → the step can't be judged.
    assert "Samordningsfunktion utsedd Ej bedömt Inga gruppmedlemmar är registrerade." in flat
    # Without a date of issue the report says when it was printed, not "upprättad".
    assert "upprättad" not in flat and "utskriven 26 november 2026" in flat


def test_no_dot_is_drawn_for_no_verdict() -> None:
    from trygghetsrad.export.situation.action_plan_drawing import light_dot

    assert light_dot(Light.NONE).contents == []
    assert len(light_dot(Light.RED).contents) == 1


def test_followup_prints_the_users_title_date_author_and_chapters(session) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.export.situation.action_plan_followup import render_followup

    _plan_with_unjudged_measure(session)
    situation_documents.save_document(
        session,
        DocumentKind.FOLLOWUP,
        2025,
        title="Trygghetsrådets årsrapport 2025",
        issued_on=date(2026, 2, 3),
        author="Maja Lindqvist, samordnare",
        chapters=(
            Chapter("Förord", "Året präglades av arbetet kring resecentrum.", Placement.BEFORE),
            Chapter("Bilaga: trygghetsvandringen", LONG, Placement.AFTER),
        ),
    )
    doc = followup.followup_document(session, 2025, today=TODAY)
    reader, text = _reader(render_followup(doc))
    flat = " ".join(text.split())
    assert flat.count("Uppföljning av åtgärdsplanen 2025") == 0
    assert "Trygghetsrådets årsrapport 2025" in flat
    assert "Utfärdad 3 februari 2026 av Maja Lindqvist, samordnare" in flat
    assert reader.metadata.title == "Trygghetsrådets årsrapport 2025"
    assert reader.metadata.author == "Maja Lindqvist, samordnare"
    assert flat.index("Förord") < flat.index("Lagens och Brås steg") < flat.index("Bilaga")
    assert "Stycke 59" in flat
    _check_contents(reader, text, first=("Förord", 1), last="Bilaga: trygghetsvandringen")


def _check_contents(reader: PdfReader, text: str, *, first: tuple[str, int], last: str) -> None:
    """More than two pages: a contents list whose page numbers are where the bookmarks
    (outlines) of the same headings lead."""
    assert len(reader.pages) > 2
    outline = _outline(reader)
    assert outline[0] == first and outline[-1][0] == last
    page_one = reader.pages[0].extract_text()
    assert "Innehåll" in page_one
    lines = [ln.strip() for ln in page_one.split("Innehåll", 1)[1].splitlines()]
    for title, page in outline:
        at = lines.index(title)
        # The page number in the contents is the page the bookmark opens.
        assert lines[at + 1] == str(page), (title, lines[at : at + 2], page)


def test_short_agreement_has_bookmarks_but_no_contents(session) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.export.situation.action_plan_agreement import render_agreement

    agreement = agreements.create_agreement(
        session, kind="medborgarlöfte", title="Medborgarlöfte 2025",
        period_start=date(2025, 1, 1), period_end=date(2025, 12, 31),
    ).id  # fmt: skip
    agreements.create_commitment(
        session, agreement_id=agreement, party="polisen", text="Fler kvällspatruller."
    )
    doc = agreements.agreement_document(session, agreement, today=TODAY)
    reader, text = _reader(render_agreement(doc))
    assert len(reader.pages) <= 2 and "Innehåll" not in text
    assert [t for t, _p in _outline(reader)][:2] == ["Åtaganden", "Polisen lovar …"]
    flat = " ".join(text.split())
    assert "Ej bedömd" in flat and "Ej påbörjad" not in flat


def test_long_agreement_gets_contents_and_the_users_head(session) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.export.situation.action_plan_agreement import render_agreement

    agreement = agreements.create_agreement(
        session, kind="medborgarlöfte", title="Medborgarlöfte 2025",
        period_start=date(2025, 1, 1), period_end=date(2025, 12, 31),
        signatories="Göran Sjöberg, kommunalråd\nAnna Berg, lokalpolisområdeschef",
    ).id  # fmt: skip
    situation_documents.save_document(
        session, DocumentKind.AGREEMENT, agreement,
        title="Medborgarlöfte för Storåker", issued_on=date(2025, 1, 15), author="Anna Berg",
        chapters=(Chapter("Så tog vi fram löftet", LONG, Placement.BEFORE),
                  Chapter("Uppföljning", "Löftet följs upp varje halvår.", Placement.AFTER)),
    )  # fmt: skip
    doc = agreements.agreement_document(session, agreement, today=TODAY)
    reader, text = _reader(render_agreement(doc))
    flat = " ".join(text.split())
    assert "Medborgarlöfte för Storåker" in flat and "Utfärdad 15 januari 2025 av Anna Berg" in flat
    # Closing chapters come before the signatures, which end the agreement.
    assert flat.index("Löftet följs upp") < flat.rindex("Underskrifter")
    _check_contents(reader, text, first=("Så tog vi fram löftet", 1), last="Underskrifter")


def test_plan_prints_the_users_head_and_bookmarks_every_section(session) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.export.situation.action_plan import render_plan

    plan = _plan_with_unjudged_measure(session)
    situation_documents.save_document(
        session, DocumentKind.ACTION_PLAN, plan, title="Handlingsplan för trygghet",
        author="Kommunledningskontoret", issued_on=date(2025, 1, 22),
        chapters=(Chapter("Bakgrund", LONG, Placement.BEFORE),),
    )  # fmt: skip
    doc = followup.plan_document(session, plan, today=TODAY)
    reader, text = _reader(render_plan(doc))
    flat = " ".join(text.split())
    assert "Handlingsplan för trygghet" in flat
    assert "Utfärdad 22 januari 2025 av Kommunledningskontoret" in flat
    titles = [t for t, _p in _outline(reader)]
    assert titles[:2] == ["Bakgrund", "Inledning"] and "Åtgärder" in titles
    _check_contents(reader, text, first=("Bakgrund", 1), last=titles[-1])


def test_plan_without_user_settings_prints_no_invented_head(session) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.export.situation.action_plan import render_plan

    plan = _plan_with_unjudged_measure(session)
    reader, text = _reader(render_plan(followup.plan_document(session, plan, today=TODAY)))
    assert "Utfärdad" not in text and "Upprättad av" not in text
    assert reader.metadata.title == "Åtgärdsplan 2025"
