"""The report of a situation picture covers its period (and the years just before it for the
trend), not every year of a long-kept database."""

from __future__ import annotations

from datetime import date

from factories_situation import make_indicator, make_picture, make_source

from trygghetsrad.services.situation import indicators as situation_indicators
from trygghetsrad.services.situation import pictures as situation_pictures


def test_report_keeps_the_period_and_the_trend_years_only(session) -> None:  # type: ignore[no-untyped-def]
    picture = make_picture(session, period_start=date(2026, 1, 1), period_end=date(2026, 12, 31))
    old_used = make_source(
        session,
        name="Anmälda brott 2017",
        last_received=date(2017, 10, 1),
        next_expected=date(2018, 10, 1),
    )
    make_source(
        session, name="Trygghetsmätning 2016", last_received=date(2016, 5, 1), next_expected=None
    )
    make_source(
        session,
        name="Anmälda brott 2025",
        last_received=date(2025, 10, 1),
        next_expected=date(2026, 10, 1),
    )
    make_source(
        session,
        name="Skolenkät vartannat år",
        last_received=date(2024, 3, 1),
        next_expected=date(2026, 3, 1),
    )
    make_source(session, name="Polisens medborgarlöfte", status="missing")
    indicator = make_indicator(session, name="Anmälda stölder", source_id=old_used)
    for year in range(2015, 2027):
        for month in (1, 7):
            situation_indicators.set_value(
                session, indicator, area="Storåker", period=f"{year}-{month:02d}", value=year
            )
    report = situation_pictures.build_report(session, picture)

    names = {s.name for s in report.sources}
    assert names == {
        "Anmälda brott 2017",  # the source of an indicator shown in the report
        "Anmälda brott 2025",
        "Skolenkät vartannat år",
        "Polisens medborgarlöfte",
    }
    (shown,) = report.indicators
    years = sorted({int(v.period[:4]) for v in shown.values})
    assert years == [2022, 2023, 2024, 2025, 2026]
