"""An action plan, its warnings and its PDF cover the plan's own problems, not every
problem noted in ten years."""

from __future__ import annotations

from datetime import date, datetime

from factories_action_plan import make_cause, make_measure, make_plan, make_problem
from sqlalchemy import update

from trygghetsrad.db.models.action_plan import Problem
from trygghetsrad.services.situation import action_plan, followup
from trygghetsrad.services.situation import pictures as situation_pictures


def _noted(session, problem_id: int, when: datetime) -> None:  # type: ignore[no-untyped-def]
    session.execute(update(Problem).where(Problem.id == problem_id).values(created_at=when))


def _scene(session):  # type: ignore[no-untyped-def]
    old_plan = make_plan(
        session, title="Plan 2017", period_start=date(2017, 1, 1), period_end=date(2017, 12, 31)
    )
    plan = make_plan(
        session, title="Plan 2025", period_start=date(2025, 1, 1), period_end=date(2026, 12, 31)
    )
    picture = situation_pictures.create_picture(
        session,
        title="Lägesbild 2026",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
    ).id
    old = make_problem(session, title="Klotter vid gamla stationen 2017")
    old_causes = [make_cause(session, old, title=f"Gammal orsak {n}") for n in range(5)]
    _noted(session, old, datetime(2017, 2, 1, 9))
    of_picture = make_problem(
        session, title="Otrygghet vid resecentrum", situation_picture_id=picture
    )
    picture_cause = make_cause(session, of_picture, title="Mörk gångtunnel")
    addressed = make_problem(session, title="Narkotika bland unga")
    addressed_cause = make_cause(session, addressed, title="Få vuxna ute")
    _noted(session, addressed, datetime(2019, 5, 1, 9))  # noted long ago, addressed now
    make_measure(session, plan, title="Nattvandring", cause_ids=(addressed_cause,))
    new = make_problem(session, title="Mopeder på gångvägar")  # noted now, in the period
    _noted(session, new, datetime(2026, 3, 1, 9))
    new_cause = make_cause(session, new, title="Ingen kontroll")
    return {
        "plan": plan,
        "old_plan": old_plan,
        "old": old,
        "old_causes": old_causes,
        "of_picture": of_picture,
        "picture_cause": picture_cause,
        "addressed": addressed,
        "new": new,
        "new_cause": new_cause,
    }


def test_plan_problems_are_its_own_measures_picture_and_period(session) -> None:  # type: ignore[no-untyped-def]
    ids = _scene(session)
    scope = action_plan.plan_problem_ids(session, ids["plan"])
    assert scope == {ids["of_picture"], ids["addressed"], ids["new"]}
    assert action_plan.plan_problem_ids(session, ids["old_plan"]) == {ids["old"]}

    flags = action_plan.flags(session, ids["plan"])
    assert set(flags.causes_without_measure) == {ids["picture_cause"], ids["new_cause"]}
    assert set(flags.problems_without_measure) == {ids["of_picture"], ids["new"]}
    assert not set(ids["old_causes"]) & set(flags.causes_without_measure)


def test_plan_pdf_holds_only_the_plans_problems(session) -> None:  # type: ignore[no-untyped-def]
    import io

    from pypdf import PdfReader

    from trygghetsrad.export.situation.action_plan import render_plan

    ids = _scene(session)
    doc = followup.plan_document(session, ids["plan"], today=date(2026, 11, 26))
    titles = {s.problem.title for s in doc.problems}
    assert titles == {"Otrygghet vid resecentrum", "Narkotika bland unga", "Mopeder på gångvägar"}
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(render_plan(doc))).pages)
    assert "Mopeder på gångvägar" in text and "Narkotika bland unga" in text
    assert "Klotter vid gamla stationen" not in text and "Gammal orsak" not in text
    # What to look at: one line per problem, naming its causes without a measure.
    flat = " ".join(text.split())
    assert "Otrygghet vid resecentrum: orsaken ”Mörk gångtunnel” har ingen åtgärd." in flat


def test_the_years_checklist_counts_the_plans_problems(session) -> None:  # type: ignore[no-untyped-def]
    _scene(session)
    step = next(i for i in followup.checklist(session, 2026) if i.key == "causes")
    assert step.done and "3 prioriterade problem" in step.detail
