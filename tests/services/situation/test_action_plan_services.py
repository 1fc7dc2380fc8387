"""Services of the action plan: causes and trees, plans, measures, flags, follow-up, links to
meetings, agreements, the annual wheel and the law/Brå checklist."""

from __future__ import annotations

from datetime import date

import pytest
from factories import make_organisation, make_person
from factories_action_plan import (  # noqa: F401  (fixtures)
    demo_app_fixture,
    demo_db_fixture,
    demo_template_fixture,
    make_agreement,
    make_cause,
    make_measure,
    make_plan,
    make_problem,
)

from trygghetsrad.domain.changes import ACTION_PLAN
from trygghetsrad.domain.situation.action_plan import Light, PlanStatus, Trend
from trygghetsrad.domain.situation.action_plan_docs import StepState
from trygghetsrad.errors import ReferencedError, UserError, ValidationError
from trygghetsrad.services import register
from trygghetsrad.services.situation import action_plan, agreements, causes, followup

TODAY = date(2026, 11, 26)


# -- causes ------------------------------------------------------------------------------------


def test_cause_tree_insert_move_and_delete_keep_positions(session) -> None:  # type: ignore[no-untyped-def]
    problem = make_problem(session)
    a = make_cause(session, problem, title="A")
    b = make_cause(session, problem, title="B")
    c = causes.create_cause(session, problem_id=problem, title="C", position=1).id
    assert [x.title for x in causes.list_causes(session, problem)] == ["A", "C", "B"]
    causes.move_cause(session, b, parent_id=a, position=0)
    tree = {x.id: x for x in causes.list_causes(session, problem)}
    assert tree[b].parent_id == a
    assert (tree[a].position, tree[c].position) == (0, 1)
    with pytest.raises(ValidationError):
        causes.move_cause(session, a, parent_id=b, position=0)
    causes.delete_cause(session, a)
    assert [x.title for x in causes.list_causes(session, problem)] == ["C"]
    assert causes.list_causes(session, problem)[0].position == 0


def test_deleted_subtree_is_restored_with_evidence_and_measure_links(session) -> None:  # type: ignore[no-untyped-def]
    from factories_situation import make_indicator  # type: ignore[import-not-found]

    problem = make_problem(session)
    root = make_cause(session, problem, title="Rot")
    child = make_cause(session, problem, title="Barn", parent_id=root)
    indicator = make_indicator(session)
    causes.add_evidence(session, cause_id=child, indicator_id=indicator)
    plan = make_plan(session)
    measure = make_measure(session, plan, cause_ids=(child,))
    subtree = causes.subtree(session, root)
    causes.delete_cause(session, root)
    assert causes.list_causes(session, problem) == []
    assert action_plan.get_measure(session, measure).cause_ids == ()
    mapping = causes.restore_subtree(session, subtree, position=0)
    restored = {c.title: c for c in causes.list_causes(session, problem)}
    assert restored["Barn"].parent_id == mapping[root]
    assert restored["Barn"].evidence[0].indicator_id == indicator
    assert action_plan.get_measure(session, measure).cause_ids == (mapping[child],)


def test_problem_from_observation_takes_its_title(session) -> None:  # type: ignore[no-untyped-def]
    from factories_situation import make_observation  # type: ignore[import-not-found]

    obs = make_observation(session, title="Otrygg gångtunnel")
    problem = causes.get_problem(session, make_problem(session, title="", observation_id=obs))
    assert problem.title == "Otrygg gångtunnel"
    assert problem.observation_id == obs


def test_evidence_needs_exactly_one_target(session) -> None:  # type: ignore[no-untyped-def]
    cause = make_cause(session)
    with pytest.raises(ValidationError):
        causes.add_evidence(session, cause_id=cause)
    with pytest.raises(ValidationError):
        causes.add_evidence(session, cause_id=cause, data_source_id=9999)


# -- plans and measures ------------------------------------------------------------------------


def test_adopting_freezes_content_but_not_status_or_follow_up(session) -> None:  # type: ignore[no-untyped-def]
    plan = make_plan(session)
    measure = make_measure(session, plan, status="ej påbörjad")
    changes = action_plan.adopt_plan(
        session,
        plan,
        adopted_by="Kommunfullmäktige",
        adopted_on=date(2026, 4, 24),
        adoption_ref="§ 47",
    )
    assert changes.touches(ACTION_PLAN)
    data = action_plan.get_plan(session, plan)
    assert data.status == PlanStatus.ADOPTED
    assert data.adoption_label == "Antagen 2026-04-24 av Kommunfullmäktige, § 47"
    assert action_plan.adopted_snapshot(session, plan)["measures"][0]["title"].startswith("Åtgärd")  # type: ignore[index]
    current = action_plan.get_measure(session, measure)
    with pytest.raises(UserError, match="ny version"):
        action_plan.update_measure(
            session,
            measure,
            action_plan.measure_input(current).__class__(
                **{**action_plan.measure_input(current).__dict__, "title": "Nytt namn"}
            ),
        )
    with pytest.raises(UserError):
        make_measure(session, plan)
    with pytest.raises(UserError):
        action_plan.delete_plan(session, plan)
    action_plan.set_measure_status(session, measure, "pågår")
    action_plan.set_follow_up_date(session, plan, date(2026, 12, 10))
    assert action_plan.get_measure(session, measure).status == "pågår"


def test_new_version_copies_measures_and_supersedes_on_adoption(session) -> None:  # type: ignore[no-untyped-def]
    cause = make_cause(session)
    plan = make_plan(session)
    measure = make_measure(session, plan, cause_ids=(cause,))
    action_plan.adopt_plan(session, plan, adopted_by="KS", adopted_on=date(2026, 2, 1))
    action_plan.add_followup(
        session, measure_id=measure, noted_on=date(2026, 3, 1), status="pågår", done="Start"
    )
    v2 = action_plan.new_version(session, plan).id
    copy = action_plan.list_measures(session, v2)
    assert len(copy) == 1 and copy[0].cause_ids == (cause,)
    assert copy[0].status == "pågår"
    assert [f.done for f in action_plan.list_followups(session, measure_id=copy[0].id)] == ["Start"]
    assert [f.done for f in action_plan.list_followups(session, measure_id=measure)] == ["Start"]
    assert action_plan.get_plan(session, v2).version == 2
    with pytest.raises(UserError):
        action_plan.new_version(session, plan)
    action_plan.adopt_plan(session, v2, adopted_by="KS", adopted_on=date(2026, 9, 1))
    assert action_plan.get_plan(session, plan).status == PlanStatus.SUPERSEDED
    assert action_plan.current_plan(session, date(2026, 10, 1)).id == v2  # type: ignore[union-attr]


def test_measure_references_are_checked_and_people_cannot_vanish(session) -> None:  # type: ignore[no-untyped-def]
    org = make_organisation(session)
    person = make_person(session, organisation_id=org)
    plan = make_plan(session)
    with pytest.raises(ValidationError):
        make_measure(session, plan, responsible_person_id=99999)
    with pytest.raises(ValidationError):
        make_measure(session, plan, cause_ids=(99999,))
    make_measure(session, plan, responsible_person_id=person, responsible_organisation_id=org)
    with pytest.raises(ReferencedError):
        register.delete_person(session, person)


def test_plan_dates_are_validated(session) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        make_plan(session, period_start=date(2027, 1, 1), period_end=date(2026, 1, 1))
    with pytest.raises(ValidationError):
        make_plan(session, title="")
    with pytest.raises(ValidationError):
        make_plan(session, title="x" * 201)


def test_flags_for_unconnected_measures_and_causes(session) -> None:  # type: ignore[no-untyped-def]
    problem = make_problem(session)
    covered = make_cause(session, problem)
    lonely = make_cause(session, problem)
    other_problem = make_problem(session)
    plan = make_plan(session)
    with_cause = make_measure(session, plan, cause_ids=(covered,))
    without = make_measure(session, plan)
    flags = action_plan.flags(session, plan)
    assert flags.measures_without_cause == (without,)
    assert flags.causes_without_measure == (lonely,)
    assert flags.problems_without_measure == (other_problem,)
    rows = {r.measure.id: r for r in action_plan.measure_rows(session, plan, today=TODAY)}
    assert rows[without].flagged_no_cause and not rows[with_cause].flagged_no_cause


def test_followup_updates_status_only_when_newest(session) -> None:  # type: ignore[no-untyped-def]
    measure = make_measure(session)
    action_plan.add_followup(
        session, measure_id=measure, noted_on=date(2026, 9, 1), status="pågår", done="Start"
    )
    action_plan.add_followup(
        session, measure_id=measure, noted_on=date(2026, 3, 1), status="ej påbörjad", done="Äldre"
    )
    assert action_plan.get_measure(session, measure).status == "pågår"
    notes = action_plan.list_followups(session, measure_id=measure)
    assert [n.done for n in notes] == ["Äldre", "Start"]
    with pytest.raises(ValidationError):
        action_plan.add_followup(
            session, measure_id=measure, noted_on=date(2026, 1, 1), status="klar"
        )
    with pytest.raises(ValidationError):
        action_plan.add_followup(session, noted_on=date(2026, 1, 1), status="pågår")


def test_trend_uses_indicator_values_from_the_measure_start(session) -> None:  # type: ignore[no-untyped-def]
    from factories_situation import make_indicator  # type: ignore[import-not-found]

    from trygghetsrad.db.models.situation import IndicatorValue

    indicator = make_indicator(session)
    for period, value in (("2022", 40.0), ("2023", 35.0), ("2024", 30.0), ("2025", 26.0)):
        session.add(
            IndicatorValue(indicator_id=indicator, area="Kommunen", period=period, value=value)
        )
    session.flush()
    measure = make_measure(
        session,
        indicator_id=indicator,
        target_value=20.0,
        target_direction="minska",
        start=date(2024, 3, 1),
        end=date(2027, 1, 1),
        status="pågår",
    )
    row = action_plan.measure_row(session, measure, today=TODAY)
    assert row.trend.trend is Trend.TOWARDS
    assert row.trend.baseline is not None and row.trend.baseline.period == "2023"
    assert row.light.light is Light.GREEN


def test_trend_falls_back_to_followup_values(session) -> None:  # type: ignore[no-untyped-def]
    measure = make_measure(session, target_direction="minska", status="pågår")
    for day, value in ((date(2026, 1, 10), 14.0), (date(2026, 9, 3), 9.0)):
        action_plan.add_followup(
            session, measure_id=measure, noted_on=day, status="pågår", indicator_value=value
        )
    assert action_plan.measure_row(session, measure, today=TODAY).trend.trend is Trend.TOWARDS


def test_calendar_items_follow_up_date_and_open_measure_ends(session) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.services.wheel import calendar_feed

    plan = make_plan(session, follow_up_on=date(2026, 12, 10))
    make_measure(session, plan, title="Belysning", end=date(2026, 12, 1), status="pågår")
    make_measure(session, plan, title="Klar", end=date(2026, 12, 2), status="genomförd")
    items = action_plan.calendar_items(session, date(2026, 12, 1), date(2026, 12, 31))
    assert [(i.title, i.category) for i in items] == [
        (f"Uppföljning av {action_plan.get_plan(session, plan).title}", "deadlines"),
        ("Åtgärd klar: Belysning", "deadlines"),
    ]
    assert items[0].owner is not None and items[0].owner.kind == "action_plan"
    feed = calendar_feed.items_between(session, date(2026, 12, 1), date(2026, 12, 31))
    assert any(i.key == f"action_plan:{plan}:follow_up" for i in feed)


# -- agreements and meetings --------------------------------------------------------------------


def test_commitments_per_party_linked_to_measures_and_followed_up(session) -> None:  # type: ignore[no-untyped-def]
    agreement = make_agreement(session)
    measure = make_measure(session)
    kommun = agreements.create_commitment(
        session, agreement_id=agreement, party="kommunen", text="Belysning", measure_ids=(measure,)
    ).id
    agreements.create_commitment(session, agreement_id=agreement, party="polisen", text="Närvaro")
    agreements.create_commitment(session, agreement_id=agreement, party="gemensamt", text="Dialog")
    assert [c.party for c in agreements.list_commitments(session, agreement)] == [
        "polisen",
        "kommunen",
        "gemensamt",
    ]
    assert agreements.get_commitment(session, kommun).measure_titles[0].startswith("Åtgärd")
    assert action_plan.get_measure(session, measure).commitment_ids == (kommun,)
    action_plan.add_followup(
        session, commitment_id=kommun, noted_on=date(2026, 5, 1), status="genomförd", done="Klart"
    )
    rows = agreements.commitment_rows(session, agreement, today=TODAY)
    done = next(r for r in rows if r.commitment.id == kommun)
    assert done.commitment.status == "genomförd" and done.light.light is Light.GREEN
    with pytest.raises(ValidationError):
        agreements.create_commitment(session, agreement_id=agreement, party="regionen", text="x")
    with pytest.raises(ValidationError):
        agreements.create_commitment(session, agreement_id=agreement, party="polisen", text=" ")


def test_internal_agreement_is_refused_for_export_unless_included(session) -> None:  # type: ignore[no-untyped-def]
    agreement = make_agreement(session, internal=True)
    with pytest.raises(UserError):
        agreements.agreement_document(session, agreement, today=TODAY)
    doc = agreements.agreement_document(session, agreement, today=TODAY, include_internal=True)
    assert doc.agreement.internal


def test_meeting_links_give_the_measure_its_history(demo_db) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.services.situation import action_plan_meetings as links

    with demo_db.session() as s:
        plan = action_plan.list_plans(s)[0]
        measure = make_measure(s, make_plan(s))
        items = links.linkable_items(s)
        decision = next(i for i in items if i.kind == "decision")
        action = next(i for i in items if i.kind == "action_item")
        links.link(s, decision_id=decision.item_id, measure_id=measure)
        links.link(s, action_item_id=action.item_id, measure_id=measure)
        with pytest.raises(ValidationError):
            links.link(s, decision_id=decision.item_id, measure_id=measure)
        with pytest.raises(ValidationError):
            links.link(s, measure_id=measure)
        history = links.mentions(s, measure_id=measure)
        assert {m.kind for m in history} == {"decision", "action_item"}
        assert all(m.meeting_title for m in history)
        assert history == sorted(history, key=lambda m: m.meeting_date)
        assert plan.measure_count == 8


# -- checklist ---------------------------------------------------------------------------------


def test_checklist_judges_nothing_in_an_empty_database(session) -> None:  # type: ignore[no-untyped-def]
    """Nothing recorded is no evidence that a step is missing: every step reads "Ej bedömt"
    and says why, none claims "Saknas"."""
    items = {i.key: i for i in followup.checklist(session, 2026, today=TODAY)}
    assert set(items) == {"situation", "causes", "plan", "linked", "coordination", "followup"}
    assert {i.state for i in items.values()} == {StepState.UNKNOWN}
    assert not any(i.done or i.missing for i in items.values())
    assert "2026" in items["situation"].unknown
    assert items["causes"].unknown == "Inga problem är prioriterade ännu."
    assert items["coordination"].unknown == "Inga gruppmedlemmar är registrerade."


def test_checklist_says_missing_where_the_data_shows_it(session) -> None:  # type: ignore[no-untyped-def]
    group = register.create_group(session, name="Trygghetsrådet").id
    register.add_membership(
        session, group_id=group, person_id=make_person(session, name="Ola"), role="ledamot"
    )
    make_plan(session)  # a draft, never adopted
    items = {i.key: i for i in followup.checklist(session, 2026, today=TODAY)}
    assert items["coordination"].state is StepState.MISSING
    assert "samordnare" in items["coordination"].missing
    assert items["plan"].state is StepState.MISSING
    assert "Utkast" in items["plan"].missing


def test_checklist_is_derived_from_the_data(session) -> None:  # type: ignore[no-untyped-def]
    group = register.create_group(session, name="Trygghetsrådet").id
    person = make_person(session, name="Maja Lindqvist")
    register.add_membership(session, group_id=group, person_id=person, role="samordnare")
    problem = make_problem(session, title="Otrygghet")
    cause = make_cause(session, problem)
    make_problem(session, title="Utan orsaker")
    plan = make_plan(session)
    measure = make_measure(
        session, plan, cause_ids=(cause,), start=date(2026, 2, 1), status="pågår"
    )
    action_plan.adopt_plan(session, plan, adopted_by="KF", adopted_on=date(2026, 3, 1))
    items = {i.key: i for i in followup.checklist(session, 2026, today=TODAY)}
    assert items["coordination"].done and "Maja Lindqvist" in items["coordination"].detail
    assert items["plan"].done and "KF" in items["plan"].detail
    assert not items["causes"].done and "Utan orsaker" in items["causes"].missing
    assert not items["followup"].done
    action_plan.add_followup(session, measure_id=measure, noted_on=date(2026, 6, 1), status="pågår")
    items = {i.key: i for i in followup.checklist(session, 2026, today=TODAY)}
    assert items["followup"].done


# -- example data ------------------------------------------------------------------------------


def test_example_data_has_the_promised_content(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session() as s:
        problems = causes.list_problems(s, prioritised_only=True)
        assert len(problems) == 2 and all(p.cause_count >= 4 for p in problems)
        assert all(p.observation_id is not None for p in problems)
        plan = action_plan.list_plans(s)[0]
        assert plan.status == "antagen" and plan.adopted_by == "Kommunfullmäktige"
        rows = action_plan.measure_rows(s, plan.id, today=date(2026, 11, 26))
        assert len(rows) == 8
        assert {r.measure.status for r in rows} == {
            "ej bedömd",
            "ej påbörjad",
            "pågår",
            "genomförd",
            "avbruten",
        }
        # Every light appears, and "no light" for the measure nobody has judged yet.
        assert {r.light.light for r in rows} == set(Light)
        assert sum(len(r.followups) for r in rows) >= 10
        assert any(r.mentions for r in rows)
        flags = action_plan.flags(s, plan.id)
        assert len(flags.measures_without_cause) == 1
        kinds = sorted(a.kind for a in agreements.list_agreements(s))
        assert kinds == ["medborgarlöfte", "medborgarlöfte", "samverkansöverenskommelse"]
        coop = next(a for a in agreements.list_agreements(s) if a.kind.startswith("samverkan"))
        assert (coop.period_start.year, coop.period_end.year) == (2023, 2026)
        promise = next(
            a
            for a in agreements.list_agreements(s)
            if a.period_start.year == 2023 and a.kind == "medborgarlöfte"
        )
        assert promise.period_end.year == 2024
        parties = {c.party for c in agreements.list_commitments(s)}
        assert parties == {"polisen", "kommunen", "gemensamt"}
