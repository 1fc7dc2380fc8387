"""The action-plan, follow-up and agreement PDFs: text, embedded fonts, pages, metadata and
internal content left out unless included."""

from __future__ import annotations

import io
from datetime import date

import pytest
from factories_action_plan import (  # noqa: F401  (fixtures)
    demo_app_fixture,
    demo_db_fixture,
    demo_template_fixture,
    make_cause,
    make_measure,
    make_plan,
    make_problem,
)
from pypdf import PdfReader

from trygghetsrad.services.situation import agreements, causes, followup

TODAY = date(2026, 11, 26)


def _text(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.split())


def _fonts(reader: PdfReader) -> dict[str, bool]:
    """Every font used on any page (including inside drawings) → embedded?"""
    found: dict[str, bool] = {}

    def visit(resources) -> None:  # type: ignore[no-untyped-def]
        if not resources:
            return
        resources = resources.get_object()
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found[str(font["/BaseFont"])] = embedded
        for xobject in (resources.get("/XObject") or {}).values():
            visit(xobject.get_object().get("/Resources"))

    for page in reader.pages:
        visit(page.get("/Resources"))
    return found


@pytest.fixture
def plan_pdf(demo_db):  # type: ignore[no-untyped-def]
    from trygghetsrad.export.situation.action_plan import render_plan

    def build(include_internal: bool = False) -> bytes:
        with demo_db.session() as s:
            doc = followup.plan_document(s, 1, today=TODAY, include_internal=include_internal)
        return render_plan(doc)

    return build


def test_plan_pdf_has_problems_causes_measures_and_adoption(plan_pdf) -> None:  # type: ignore[no-untyped-def]
    reader, text = _text(plan_pdf())
    assert 3 <= len(reader.pages) <= 8
    for expected in (
        "Åtgärdsplan för ett tryggare Storåker 2025–2026",
        "Kommunfullmäktige",
        "§ 47",
        "Otrygghet och skadegörelse kring resecentrum kvällstid",
        "Trasig och för svag belysning i gångtunneln under Storgatan",
        "Nattvandringar fredag och lördag",
        "Ansvar och resurser",
        "Tidsplan",
        "Att uppmärksamma",
        "inte kopplad till någon orsak",
        f"Sida 1 av {len(reader.pages)}",
    ):
        assert expected in text, expected
    fonts = _fonts(reader)
    assert fonts and all(fonts.values()), fonts
    assert not any("Helvetica" in name for name in fonts)
    meta = reader.metadata
    assert meta is not None and meta.title == "Åtgärdsplan för ett tryggare Storåker 2025–2026"
    assert meta.author == "Storåkers kommun"


def test_plan_pdf_leaves_internal_causes_out_unless_included(plan_pdf) -> None:  # type: ignore[no-untyped-def]
    _reader, text = _text(plan_pdf())
    assert "Alkohol langas" not in text
    _reader, text = _text(plan_pdf(include_internal=True))
    assert "Alkohol langas" in text
    assert "Innehåller interna uppgifter" in text


def test_a_long_measure_table_runs_across_pages_with_its_header(session) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.export.situation.action_plan import render_plan

    problem = make_problem(session, title="Skadegörelse")
    cause = make_cause(session, problem, title="Få vuxna ute")
    plan = make_plan(session, title="Stor plan")
    for i in range(40):
        make_measure(
            session,
            plan,
            title=f"Åtgärd nummer {i:02d}",
            description="Beskrivning " * 12,
            cause_ids=(cause,),
            start=date(2026, 1, 1),
            end=date(2026, 6, 30),
        )
    data = render_plan(followup.plan_document(session, plan, today=TODAY))
    reader, text = _text(data)
    assert len(reader.pages) >= 4
    assert "Åtgärd nummer 00" in text and "Åtgärd nummer 39" in text
    pages_with_header = [
        i for i, page in enumerate(reader.pages) if "Indikator och mål" in page.extract_text()
    ]
    assert len(pages_with_header) >= 2


def test_draft_plan_says_so(session) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.export.situation.action_plan import render_plan

    plan = make_plan(session, title="Utkastet")
    _reader, text = _text(render_plan(followup.plan_document(session, plan, today=TODAY)))
    assert "Utkast 2026-11-26" in text
    assert "Ännu inte beslutad" in text
    assert "Planen har inga åtgärder ännu." in text


def test_followup_pdf_has_checklist_lights_charts_agreements_and_dates(demo_db) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.export.situation.action_plan_followup import render_followup

    with demo_db.session() as s:
        doc = followup.followup_document(s, 2026, today=TODAY)
    assert doc.series and doc.agreements and doc.next_year
    reader, text = _text(render_followup(doc))
    for expected in (
        "Uppföljning av åtgärdsplanen 2026",
        "Lagens och Brås steg",
        "Åtgärdsplan antagen",
        "Åtgärdernas status",
        "Indikatorer",
        "Andel som känner sig otrygga utomhus kvällstid",
        "Mål 20",
        "Överenskommelser med Polisen",
        "Polisen:",
        "Kommunen:",
        "Viktiga datum 2027",
        "Trygghetsrådet konstaterar att belysningen",
    ):
        assert expected in text, expected
    assert "Rekrytering pågår" not in text  # an internal follow-up note
    fonts = _fonts(reader)
    assert fonts and all(fonts.values()), fonts
    flat = " ".join(text.split())
    # The period is said once, and the follow-up statement counts the whole plan.
    assert "2025–2026 (2025–2026)" not in flat
    total = sum(1 for _ in doc.measures)
    assert f"av {total} åtgärder har följts upp under 2026" in flat
    assert "Alla " not in flat
    # The measure table starts on page 1 under the checklist instead of leaving it half empty.
    assert "Åtgärdernas status" in reader.pages[0].extract_text()


def test_agreement_pdf_lists_commitments_per_party_and_signatories(demo_db) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.export.situation.action_plan_agreement import render_agreement

    with demo_db.session() as s:
        promise = next(a for a in agreements.list_agreements(s) if a.period_start.year == 2025)
        doc = agreements.agreement_document(s, promise.id, today=TODAY)
    reader, text = _text(render_agreement(doc))
    for expected in (
        "Medborgarlöfte Storåker 2025–2026",
        "Polisen lovar",
        "Kommunen lovar",
        "Tillsammans lovar vi",
        "Underskrifter",
        "Göran Sjöberg, kommunalråd",
        "Trygghet vid resecentrum",
    ):
        assert expected in text, expected
    assert all(_fonts(reader).values())
    assert reader.metadata is not None and reader.metadata.subject == "Medborgarlöfte"


def test_followup_of_a_year_without_plan(session) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.export.situation.action_plan_followup import render_followup

    _reader, text = _text(render_followup(followup.followup_document(session, 2030, today=TODAY)))
    assert "Det finns ingen åtgärdsplan för året." in text
    assert causes.list_problems(session) == []


def test_internal_sources_causes_and_observations_stay_out_of_the_plan(session) -> None:  # type: ignore[no-untyped-def]
    from factories_situation import make_observation, make_source  # type: ignore[import-not-found]

    from trygghetsrad.export.situation.action_plan import render_plan

    observation = make_observation(session, title="Hemlig iakttagelse", internal=True)
    problem = make_problem(session, title="Synligt problem", observation_id=observation)
    # A problem taken from an internal observation starts out internal; this one was published.
    assert causes.get_problem(session, problem).internal
    causes.update_problem(session, problem, title="Synligt problem", internal=False)
    secret_cause = make_cause(session, problem, title="Hemlig orsak", internal=True)
    make_cause(session, problem, title="Hemlig underorsak", parent_id=secret_cause)
    open_cause = make_cause(session, problem, title="Öppen orsak")
    causes.add_evidence(
        session,
        cause_id=open_cause,
        data_source_id=make_source(session, name="Hemligt underlag", internal=True),
    )
    plan = make_plan(session)
    make_measure(session, plan, title="Synlig åtgärd", cause_ids=(secret_cause, open_cause))
    _reader, text = _text(render_plan(followup.plan_document(session, plan, today=TODAY)))
    assert "Synligt problem" in text and "Öppen orsak" in text and "Synlig åtgärd" in text
    assert "Hemlig" not in text
    _reader, text = _text(
        render_plan(followup.plan_document(session, plan, today=TODAY, include_internal=True))
    )
    for expected in ("Hemlig iakttagelse", "Hemlig orsak", "Hemlig underorsak", "Hemligt underlag"):
        assert expected in text, expected
