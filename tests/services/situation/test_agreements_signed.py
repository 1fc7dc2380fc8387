"""Agreements as signed: the place of signing, and a medborgarlöfte tied to the
samverkansöverenskommelse it belongs to, each naming the other in the services and the PDF."""

from __future__ import annotations

import io
from dataclasses import asdict
from datetime import date

import pytest
from factories_action_plan import make_agreement
from pypdf import PdfReader

from trygghetsrad.errors import ValidationError
from trygghetsrad.export.situation.action_plan_agreement import render_agreement
from trygghetsrad.services.situation import agreements


def _pdf_text(session, agreement_id: int) -> str:  # type: ignore[no-untyped-def]
    doc = agreements.agreement_document(session, agreement_id, today=date(2026, 5, 1))
    reader = PdfReader(io.BytesIO(render_agreement(doc)))
    return "".join(page.extract_text() for page in reader.pages)


def _update(session, agreement_id: int, **changes) -> None:  # type: ignore[no-untyped-def]
    current = agreements.get_agreement(session, agreement_id)
    keep = (
        "kind", "title", "period_start", "period_end", "parties", "signatories", "signed_on",
        "focus_areas", "background", "internal", "signed_place", "belongs_to_id",
    )  # fmt: skip
    values = {k: v for k, v in asdict(current).items() if k in keep} | changes
    agreements.update_agreement(session, agreement_id, **values)


def test_a_promise_and_its_agreement_name_each_other(session) -> None:  # type: ignore[no-untyped-def]
    coop = make_agreement(
        session, kind="samverkansöverenskommelse", title="Samverkan Storåker 2023–2026"
    )
    promise = make_agreement(
        session,
        title="Medborgarlöfte Storåker 2025–2026",
        belongs_to_id=coop,
        signed_on=date(2025, 2, 20),
        signed_place="Storåker",
        signatories="Göran Sjöberg, kommunalråd\nLena Holmström, lokalpolisområdeschef",
    )
    assert agreements.get_agreement(session, coop).promises == (
        "Medborgarlöfte Storåker 2025–2026",
    )
    assert (
        agreements.get_agreement(session, promise).belongs_to_title
        == "Samverkan Storåker 2023–2026"
    )
    listed = {a.id: a for a in agreements.list_agreements(session)}
    assert listed[promise].belongs_to_id == coop
    assert listed[coop].promises == ("Medborgarlöfte Storåker 2025–2026",)

    promise_text = _pdf_text(session, promise)
    assert "Samverkan Storåker 2023–2026" in promise_text
    assert "Undertecknat i Storåker den 20 februari 2025" in promise_text
    assert "Medborgarlöfte Storåker 2025–2026" in _pdf_text(session, coop)


def test_only_a_promise_belongs_and_only_to_a_cooperation_agreement(session) -> None:  # type: ignore[no-untyped-def]
    coop = make_agreement(session, kind="samverkansöverenskommelse")
    other = make_agreement(session)
    with pytest.raises(ValidationError, match="Bara ett medborgarlöfte"):
        make_agreement(session, kind="samverkansöverenskommelse", belongs_to_id=coop)
    with pytest.raises(ValidationError, match="inte till"):
        make_agreement(session, belongs_to_id=other)
    with pytest.raises(ValidationError, match="som finns"):
        make_agreement(session, belongs_to_id=9999)
    with pytest.raises(ValidationError, match="som finns"):
        _update(session, coop, kind="medborgarlöfte", belongs_to_id=coop)


def test_the_link_goes_when_the_agreement_goes_or_changes_kind(session) -> None:  # type: ignore[no-untyped-def]
    coop = make_agreement(session, kind="samverkansöverenskommelse")
    promise = make_agreement(session, belongs_to_id=coop)
    _update(session, coop, kind="medborgarlöfte")
    assert agreements.get_agreement(session, promise).belongs_to_id is None
    _update(session, coop, kind="samverkansöverenskommelse")
    _update(session, promise, belongs_to_id=coop)
    agreements.delete_agreement(session, coop)
    session.expire_all()
    found = agreements.get_agreement(session, promise)
    assert found.belongs_to_id is None
    assert found.belongs_to_title == ""


def test_no_place_and_no_date_print_nothing_invented(session) -> None:  # type: ignore[no-untyped-def]
    promise = make_agreement(session, signatories="Anna Berg, kommunalråd")
    text = _pdf_text(session, promise)
    assert "Undertecknat" not in text
    assert "Ort" not in text


def test_commitments_keep_the_signed_numbering_and_name_their_party(session) -> None:  # type: ignore[no-untyped-def]
    agreement = make_agreement(session, title="Medborgarlöfte Storåker och Älvdal")

    def commit(party: str, text: str, number: str, party_name: str = "") -> None:
        agreements.create_commitment(
            session,
            agreement_id=agreement,
            party=party,
            text=text,
            number=number,
            party_name=party_name,
        )

    commit("polisen", "Vara synliga i centrum.", "2")
    commit("kommunen", "Hålla fritidsgårdarna öppna.", "1", "Kommunerna")
    commit("kommunen", "Laga belysningen i tunneln.", "10", "Storåkers kommun")
    commit("gemensamt", "Följa upp löftet varje år.", "3")
    listed = agreements.list_commitments(session, agreement)
    assert [c.number for c in listed] == ["1", "2", "3", "10"]  # "10" after "3", not after "1"
    assert [c.party_label for c in listed] == [
        "Kommunerna lovar",
        "Polisen lovar",
        "Tillsammans lovar vi",
        "Storåkers kommun lovar",
    ]
    text = _pdf_text(session, agreement)
    order = [
        text.index("Kommunerna lovar"),
        text.index("1. Hålla fritidsgårdarna"),
        text.index("Polisen lovar"),
        text.index("2. Vara synliga"),
        text.index("Tillsammans lovar vi"),
        text.index("Storåkers kommun lovar"),
        text.index("10. Laga belysningen"),
    ]
    assert order == sorted(order)


def test_the_working_model_is_followed_up_step_by_step_in_both_documents(session) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.export.situation.action_plan_followup import render_followup
    from trygghetsrad.services.situation import agreement_steps, followup

    agreement = make_agreement(
        session,
        kind="samverkansöverenskommelse",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
    )
    first = agreement_steps.add_step(session, agreement, title="Gemensam lägesbild").id
    agreement_steps.add_step(session, agreement, title="Prioritera problem")
    agreement_steps.update_step(
        session,
        first,
        title="Gemensam lägesbild",
        followup="Klar i oktober.",
        followed_on=date(2026, 10, 20),
    )
    with pytest.raises(ValidationError):
        agreement_steps.add_step(session, agreement, title="  ")
    assert [s.title for s in agreement_steps.list_steps(session, agreement)] == [
        "Gemensam lägesbild",
        "Prioritera problem",
    ]
    text = _pdf_text(session, agreement)
    assert "1. Gemensam lägesbild" in text
    assert "Uppföljning 2026-10-20: Klar i oktober." in text
    assert "2. Prioritera problem" in text

    doc = followup.followup_document(session, 2026, today=date(2026, 12, 1))
    pages = PdfReader(io.BytesIO(render_followup(doc))).pages
    report = "".join(page.extract_text() for page in pages)
    assert "Steg i arbetsmodellen" in report
    assert "2026-10-20: Klar i oktober." in report
    assert "Inte uppföljt" in report  # the second step: said as such, not left blank
