"""Situation pictures: versions, presenting freezes a snapshot, the report leaves internal out."""

from __future__ import annotations

from datetime import date

import pytest
from factories_situation import (
    make_gap,
    make_indicator,
    make_observation,
    make_picture,
    make_source,
)

from trygghetsrad.errors import UserError, ValidationError
from trygghetsrad.services.situation import indicators as situation_indicators
from trygghetsrad.services.situation import pictures as sp
from trygghetsrad.services.situation import sources as situation_sources


def test_new_picture_is_in_progress_with_three_parts(session) -> None:
    pid = make_picture(session, title="Lägesbild 2026", part_mapping="Våldet ökar i centrum.")
    p = sp.get_picture(session, pid)
    assert (p.status, p.status_label, p.version, p.is_frozen) == ("in_progress", "Pågår", 1, False)
    assert p.part_mapping == "Våldet ökar i centrum."
    assert sp.current_picture(session) == p


def test_period_must_be_in_order(session) -> None:
    with pytest.raises(ValidationError, match="Periodens slut"):
        make_picture(session, period_start=date(2026, 12, 31), period_end=date(2026, 1, 1))


def test_presenting_freezes_a_snapshot_and_work_continues_on_a_new_version(session) -> None:
    src = make_source(session, name="BRÅ anmälda brott")
    ind = make_indicator(session, name="Våldsbrott", source_id=src, main_area="Kommun")
    situation_indicators.set_value(session, ind, area="Kommun", period="2025", value=10)
    make_observation(session, title="Lugnare i industriområdet", observed_on=date(2026, 3, 1))
    pid = make_picture(session, title="Lägesbild 2026", part_analysis="Första analysen.")

    created = sp.present_picture(
        session, pid, presented_on=date(2026, 11, 20), presented_to="Kommunstyrelsen"
    )
    old = sp.get_picture(session, pid)
    assert old.is_frozen and old.status == "presented"
    assert old.status_text == "Presenterad 20 november 2026 för Kommunstyrelsen"
    new = sp.get_picture(session, created.id)
    assert (new.status, new.version, new.previous_id) == ("in_progress", 2, pid)
    assert new.part_analysis == "Första analysen."

    # Later changes to live data do not reach the presented version ...
    situation_indicators.set_value(session, ind, area="Kommun", period="2025", value=99)
    situation_sources.update_source(session, src, name="BRÅ (omdöpt)", kind="statistics")
    make_observation(session, title="Ny observation", observed_on=date(2026, 5, 1))
    sp.update_picture(
        session,
        created.id,
        title="Lägesbild 2026",
        period_start=new.period_start,
        period_end=new.period_end,
        part_analysis="Ändrad analys.",
    )
    frozen = sp.build_report(session, pid)
    assert frozen.from_snapshot
    assert frozen.picture.part_analysis == "Första analysen."
    assert [s.name for s in frozen.sources] == ["BRÅ anmälda brott"]
    assert frozen.indicators[0].values[0].value == 10
    assert [o.title for o in frozen.observations] == ["Lugnare i industriområdet"]
    # ... but they do reach the version in progress.
    live = sp.build_report(session, created.id)
    assert not live.from_snapshot
    assert live.indicators[0].values[0].value == 99
    assert len(live.observations) == 2


def test_a_presented_version_cannot_be_edited_or_deleted(session) -> None:
    pid = make_picture(session)
    sp.present_picture(
        session, pid, presented_on=date(2026, 1, 10), presented_to="KS", continue_work=False
    )
    p = sp.get_picture(session, pid)
    with pytest.raises(UserError, match="låst"):
        sp.update_picture(
            session, pid, title="X", period_start=p.period_start, period_end=p.period_end
        )
    with pytest.raises(UserError, match="låst"):
        sp.set_part(session, pid, "part_other", "x")
    with pytest.raises(UserError, match="allmän handling"):
        sp.delete_picture(session, pid)
    with pytest.raises(UserError, match="låst"):
        sp.present_picture(session, pid, presented_on=date(2026, 2, 1), presented_to="KS")


def test_presenting_needs_a_body(session) -> None:
    pid = make_picture(session)
    with pytest.raises(ValidationError):
        sp.present_picture(session, pid, presented_on=date(2026, 1, 1), presented_to="  ")
    assert not sp.get_picture(session, pid).is_frozen


def test_presenting_a_newer_picture_supersedes_the_older(session) -> None:
    old = make_picture(
        session,
        title="Lägesbild 2025",
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
    )
    sp.present_picture(
        session, old, presented_on=date(2025, 12, 1), presented_to="KS", continue_work=False
    )
    new = make_picture(session, title="Lägesbild 2026")
    sp.present_picture(
        session, new, presented_on=date(2026, 12, 1), presented_to="KS", continue_work=False
    )
    assert sp.get_picture(session, old).status == "superseded"
    assert sp.get_picture(session, old).status_label == "Ersatt"
    assert sp.get_picture(session, new).status == "presented"


def test_report_leaves_internal_items_out_unless_included(session) -> None:
    public = make_source(session, name="Trygghetsmätning")
    secret = make_source(session, name="Socialtjänstens data", internal=True)
    make_observation(
        session, title="Öppen", observed_on=date(2026, 2, 1), source_ids=[public, secret]
    )
    make_observation(
        session, title="Intern iakttagelse", internal=True, observed_on=date(2026, 2, 1)
    )
    make_gap(session, title="Intern lucka", internal=True)
    make_gap(session, title="Kompetens om analys", kind="competence")
    pid = make_picture(session)
    report = sp.build_report(session, pid)
    assert [s.name for s in report.sources] == ["Trygghetsmätning"]
    assert [o.title for o in report.observations] == ["Öppen"]
    assert report.observations[0].source_names == ("Trygghetsmätning",)
    assert [g.title for g in report.gaps] == ["Kompetens om analys"]
    full = sp.build_report(session, pid, include_internal=True)
    assert len(full.sources) == 2 and len(full.observations) == 2 and len(full.gaps) == 2
    # The same holds for a frozen version: the snapshot keeps internal items with their flag.
    sp.present_picture(session, pid, presented_on=date(2026, 11, 1), presented_to="KS")
    assert [s.name for s in sp.build_report(session, pid).sources] == ["Trygghetsmätning"]
    assert len(sp.build_report(session, pid, include_internal=True).sources) == 2


def test_report_keeps_only_observations_in_the_period(session) -> None:
    make_observation(session, title="Förra året", observed_on=date(2025, 6, 1))
    make_observation(session, title="I år", observed_on=date(2026, 6, 1))
    make_observation(session, title="Odaterad")
    pid = make_picture(session)
    titles = sorted(o.title for o in sp.build_report(session, pid).observations)
    assert titles == ["I år", "Odaterad"]
