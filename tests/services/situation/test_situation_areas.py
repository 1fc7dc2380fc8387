"""Areas with levels: a tree in the user's order, no cycles, a name and a level for each, ties
from observations, indicator values, gaps and measures, and an assessment per picture."""

from __future__ import annotations

from datetime import date

import pytest
from factories_situation import make_gap, make_indicator, make_observation, make_picture

from trygghetsrad.domain.situation.area_tree import RiskLevel
from trygghetsrad.errors import ReferencedError, ValidationError
from trygghetsrad.services.situation import areas
from trygghetsrad.services.situation import indicators as situation_indicators
from trygghetsrad.services.situation import observations as situation_observations
from trygghetsrad.services.situation import pictures as situation_pictures


def _tree(session) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    return [(a.depth, a.name) for a in areas.list_areas(session)]


def _city(session) -> dict[str, int]:  # type: ignore[no-untyped-def]
    ids: dict[str, int] = {}
    ids["Öster"] = areas.create_area(session, name="Öster", level="Stadsområde").id
    ids["Centrum"] = areas.create_area(session, name="Centrum", level="Stadsområde").id
    ids["Gamla stan"] = areas.create_area(
        session, name="Gamla stan", level="Mellanområde", parent_id=ids["Centrum"]
    ).id
    ids["Stortorget"] = areas.create_area(
        session, name="Stortorget", level="Plats", parent_id=ids["Gamla stan"]
    ).id
    ids["Resecentrum"] = areas.create_area(
        session, name="Resecentrum", level="Plats", parent_id=ids["Gamla stan"]
    ).id
    return ids


def test_the_tree_keeps_the_users_order_not_the_alphabet(session) -> None:  # type: ignore[no-untyped-def]
    ids = _city(session)
    assert _tree(session) == [
        (0, "Öster"),
        (0, "Centrum"),
        (1, "Gamla stan"),
        (2, "Stortorget"),
        (2, "Resecentrum"),
    ]
    areas.move_area(session, ids["Centrum"], -1)
    areas.move_area(session, ids["Resecentrum"], -1)
    assert _tree(session) == [
        (0, "Centrum"),
        (1, "Gamla stan"),
        (2, "Resecentrum"),
        (2, "Stortorget"),
        (0, "Öster"),
    ]
    full = {a.name: a.full_name for a in areas.list_areas(session)}
    assert full["Resecentrum"] == "Centrum › Gamla stan › Resecentrum"


def test_indent_and_outdent_move_a_branch_with_its_parts(session) -> None:  # type: ignore[no-untyped-def]
    ids = _city(session)
    areas.indent_area(session, ids["Centrum"])  # under Öster, the sibling above it
    assert _tree(session) == [
        (0, "Öster"),
        (1, "Centrum"),
        (2, "Gamla stan"),
        (3, "Stortorget"),
        (3, "Resecentrum"),
    ]
    areas.outdent_area(session, ids["Gamla stan"])  # right after its old parent
    assert _tree(session)[2:] == [(1, "Gamla stan"), (2, "Stortorget"), (2, "Resecentrum")]
    with pytest.raises(ValidationError, match="inget område ovanför"):
        areas.indent_area(session, ids["Öster"])
    with pytest.raises(ValidationError, match="översta nivån"):
        areas.outdent_area(session, ids["Öster"])


def test_no_area_goes_under_itself(session) -> None:  # type: ignore[no-untyped-def]
    ids = _city(session)
    before = _tree(session)
    for target in ("Centrum", "Gamla stan", "Stortorget"):
        with pytest.raises(ValidationError, match="under sig självt") as caught:
            areas.set_parent(session, ids["Centrum"], ids[target])
        assert caught.value.field == "parent_id"
    assert _tree(session) == before


def test_every_area_needs_a_name_and_a_level(session) -> None:  # type: ignore[no-untyped-def]
    ids = _city(session)
    with pytest.raises(ValidationError) as caught:
        areas.create_area(session, name="  ", level="Plats")
    assert caught.value.field == "name"
    with pytest.raises(ValidationError, match="Ange nivån") as caught:
        areas.create_area(session, name="Hamnen", level=" ")
    assert caught.value.field == "level"
    with pytest.raises(ValidationError, match="redan ett område som heter Stortorget"):
        areas.create_area(session, name="stortorget", level="Plats", parent_id=ids["Gamla stan"])
    # the same name elsewhere in the tree is another place
    areas.create_area(session, name="Stortorget", level="Plats", parent_id=ids["Öster"])


def test_ties_at_any_level_and_renaming_reaches_the_texts(session) -> None:  # type: ignore[no-untyped-def]
    ids = _city(session)
    obs = make_observation(session, title="Klotter på torget", place="torget")
    gap = make_gap(session)
    indicator = make_indicator(session, name="Anmälda skadegörelsebrott", main_area="Centrum")
    situation_indicators.set_value(session, indicator, area="Centrum", period="2025", value=12)
    (value,) = situation_indicators.get_indicator(session, indicator).values
    value_id = (
        session.connection()
        .exec_driver_sql("SELECT id FROM indicator_values WHERE indicator_id = ?", (indicator,))
        .scalar()
    )

    areas.tie_to_area(session, "observation", obs, ids["Stortorget"])
    areas.tie_to_area(session, "gap", gap, ids["Gamla stan"])
    areas.tie_to_area(session, "indicator_value", value_id, ids["Centrum"])
    assert situation_observations.get_observation(session, obs).place == "Stortorget"
    assert situation_observations.get_observation(session, obs).area_id == ids["Stortorget"]
    assert areas.tied_area(session, "gap", gap) == ids["Gamla stan"]

    areas.update_area(session, ids["Centrum"], name="Innerstaden", level="Stadsområde")
    areas.update_area(session, ids["Stortorget"], name="Torget", level="Plats")
    assert situation_observations.get_observation(session, obs).place == "Torget"
    shown = situation_indicators.get_indicator(session, indicator)
    assert [v.area for v in shown.values] == ["Innerstaden"]
    assert shown.main_area == "Innerstaden"

    with pytest.raises(ReferencedError, match="1 observation"):
        areas.delete_area(session, ids["Stortorget"])
    with pytest.raises(ReferencedError, match="2 delområden"):
        areas.delete_area(session, ids["Gamla stan"])
    areas.tie_to_area(session, "observation", obs, None)
    assert situation_observations.get_observation(session, obs).place == "Torget"  # text kept
    areas.delete_area(session, ids["Stortorget"])
    assert "Torget" not in {a.name for a in areas.list_areas(session)}


def test_an_assessment_is_unknown_until_the_user_gives_one(session) -> None:  # type: ignore[no-untyped-def]
    ids = _city(session)
    picture = make_picture(session)
    rows = areas.assessments(session, picture)
    assert {r.risk for r in rows} == {RiskLevel.UNKNOWN}
    assert not any(r.assessed for r in rows)

    areas.set_assessment(
        session,
        picture,
        ids["Resecentrum"],
        risk_level="Mycket hög",
        needs="Belysning i gångtunneln",
        notes="Kvällar och helger",
    )
    by_name = {r.area.name: r for r in areas.assessments(session, picture)}
    assert by_name["Resecentrum"].risk is RiskLevel.VERY_HIGH
    assert by_name["Resecentrum"].needs == "Belysning i gångtunneln"
    assert by_name["Centrum"].risk is RiskLevel.UNKNOWN  # a parent does not inherit
    with pytest.raises(ValidationError, match="Okänd risknivå"):
        areas.set_assessment(session, picture, ids["Centrum"], risk_level="ganska hög")


def test_a_presented_picture_keeps_its_assessments(session) -> None:  # type: ignore[no-untyped-def]
    ids = _city(session)
    picture = make_picture(session, period_start=date(2026, 1, 1), period_end=date(2026, 12, 31))
    areas.set_assessment(session, picture, ids["Centrum"], risk_level="high", needs="Fler vuxna")
    new = situation_pictures.present_picture(
        session, picture, presented_on=date(2026, 11, 1), presented_to="Trygghetsrådet"
    ).id
    with pytest.raises(ValidationError, match="låst"):
        areas.set_assessment(session, picture, ids["Centrum"], risk_level="low")
    # later changes to the tree don't change what was presented
    areas.update_area(session, ids["Centrum"], name="Innerstaden", level="Stadsområde")
    frozen = situation_pictures.build_report(session, picture)
    shown = {r.area.name: r.risk for r in frozen.areas}
    assert shown["Centrum"] is RiskLevel.HIGH and "Innerstaden" not in shown
    # the next version continues from what was said
    continued = {r.area.name: r for r in areas.assessments(session, new)}
    assert continued["Innerstaden"].risk is RiskLevel.HIGH
    assert continued["Innerstaden"].needs == "Fler vuxna"


def test_a_typed_place_ties_to_the_one_area_of_that_name(session) -> None:  # type: ignore[no-untyped-def]
    ids = _city(session)
    areas.create_area(session, name="Stortorget", level="Plats", parent_id=ids["Öster"])
    fields = {"title": "Klotter", "place": "Resecentrum"}
    obs = situation_observations.create_observation(session, **fields).id
    assert areas.tied_area(session, "observation", obs) == ids["Resecentrum"]
    # a name at two places in the tree ties to neither: the user picks one
    situation_observations.update_observation(session, obs, title="Klotter", place="Stortorget")
    assert areas.tied_area(session, "observation", obs) is None
    areas.tie_to_area(session, "observation", obs, ids["Stortorget"])
    situation_observations.update_observation(
        session, obs, title="Klotter igen", place="Stortorget"
    )
    assert areas.tied_area(session, "observation", obs) == ids["Stortorget"]  # kept
    situation_observations.update_observation(session, obs, title="Klotter", place="Hamnen")
    assert areas.tied_area(session, "observation", obs) is None  # a place outside the tree
    assert situation_observations.get_observation(session, obs).place == "Hamnen"


def test_values_typed_or_replaced_tie_to_the_area_they_name(session) -> None:  # type: ignore[no-untyped-def]
    ids = _city(session)
    areas.create_area(session, name="Stortorget", level="Plats", parent_id=ids["Öster"])
    indicator = make_indicator(session, name="Anmälda rån")
    situation_indicators.set_value(session, indicator, area="Centrum", period="2025", value=4)
    situation_indicators.set_value(session, indicator, area="Stortorget", period="2025", value=2)
    situation_indicators.set_value(session, indicator, area="Riket", period="2025", value=9)

    def ties() -> dict[str, int | None]:
        return dict(
            session.connection()
            .exec_driver_sql(
                "SELECT area, area_id FROM indicator_values WHERE indicator_id = ?", (indicator,)
            )
            .fetchall()
        )

    assert ties() == {"Centrum": ids["Centrum"], "Stortorget": None, "Riket": None}
    value_id = (
        session.connection()
        .exec_driver_sql("SELECT id FROM indicator_values WHERE area = 'Stortorget'")
        .scalar()
    )
    areas.tie_to_area(session, "indicator_value", value_id, ids["Stortorget"])
    # the table editor rewrites every value: the chosen tie and the name's tie come back
    values = situation_indicators.get_indicator(session, indicator).values
    situation_indicators.replace_values(session, indicator, values)
    assert ties() == {"Centrum": ids["Centrum"], "Stortorget": ids["Stortorget"], "Riket": None}
