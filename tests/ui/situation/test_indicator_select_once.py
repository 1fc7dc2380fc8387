"""Selecting an indicator reads its values once (an indicator can have hundreds of them)."""

from __future__ import annotations

from datetime import date

import pytest
from factories_situation import fill_situation_demo

from trygghetsrad.services.situation import indicators as situation_indicators


@pytest.fixture
def sctx(ctx):  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        ctx.extra_ids = fill_situation_demo(s, date.today())
    return ctx


def test_selecting_an_indicator_reads_it_once(qtbot, sctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.situation.indicators import IndicatorsPage

    page = IndicatorsPage(sctx)
    qtbot.addWidget(page)
    reads: list[int] = []
    real = situation_indicators.get_indicator

    def counted(session, indicator_id):  # type: ignore[no-untyped-def]
        reads.append(indicator_id)
        return real(session, indicator_id)

    monkeypatch.setattr(situation_indicators, "get_indicator", counted)
    ids = sctx.extra_ids["indicators"]
    other = next(i for i in ids.values() if i != page.indicator.id)
    page.select(other)
    assert reads == [other] and page.indicator.id == other
    assert page.title.text() == page.indicator.name
    # Selecting the shown one again (as after a change elsewhere) reads it afresh, once.
    page.select(other)
    assert reads == [other, other]
    # Clicking a row in the list reads that indicator once too.
    first = page.proxy.index(0, 0)
    page.list.setCurrentIndex(first)
    assert len(reads) == 3 and page.indicator.id == reads[-1]
