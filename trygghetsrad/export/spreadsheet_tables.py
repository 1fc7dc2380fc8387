"""The four tables that go to Excel, built from domain records: the action register,
attendance statistics, measures with their follow-up, indicators with their values."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from trygghetsrad.domain.actions.register import RegisterAction
from trygghetsrad.domain.meetings.model import AttendanceStat, join_names
from trygghetsrad.domain.situation.action_plan import FollowUp, MeasureData, PlanData, status_label
from trygghetsrad.domain.situation.periods import period_label, period_sort_key, period_year
from trygghetsrad.domain.situation.picture import IndicatorData
from trygghetsrad.export.spreadsheets import Column, Kind, Sheet
from trygghetsrad.i18n import tr


def actions_sheet(actions: Sequence[RegisterAction], *, today: date) -> Sheet:
    """One row per action."""
    columns = (
        Column(tr("Uppdrag"), max_width=70),
        Column(tr("Ansvarig")),
        Column(tr("Senast"), Kind.DATE),
        Column(tr("Status")),  # "Öppen, försenad", as every screen says it
        Column(tr("Förd vidare (ggr)"), Kind.INTEGER),
        Column(tr("Möte")),
        Column(tr("Mötesdatum"), Kind.DATE),
        Column(tr("Punkt")),
        Column(tr("Grupp")),
        Column(tr("Åtgärd som uppdraget gäller")),
        Column(tr("Avslutat"), Kind.DATE),
        Column(tr("Uppdrags-id"), Kind.INTEGER),
    )
    rows = tuple(
        (
            a.what,
            a.responsible,
            a.due_date,
            a.status_text(today),
            a.carried_count,
            a.meeting_name,
            a.meeting_day,
            a.item_title,
            a.groups_label,
            "; ".join(a.measures),
            a.closed_on,
            a.id,
        )
        for a in actions
    )
    return Sheet(tr("Uppdrag"), columns, rows)


def attendance_sheet(stats: Sequence[AttendanceStat], year: int) -> Sheet:
    columns = (
        Column(tr("Namn")),
        Column(tr("Organisation")),
        Column(tr("Möten"), Kind.INTEGER),
        Column(tr("Närvarande"), Kind.INTEGER),
        Column(tr("Ersättare"), Kind.INTEGER),
        Column(tr("Adjungerad"), Kind.INTEGER),
        Column(tr("Anmält förhinder"), Kind.INTEGER),
        Column(tr("Frånvarande"), Kind.INTEGER),
        Column(tr("Närvaro"), Kind.PERCENT),
    )
    rows = tuple(
        (
            s.name,
            s.organisation,
            s.meetings,
            s.present,
            s.substitute,
            s.guest,
            s.excused,
            s.absent,
            s.rate if s.meetings else None,
        )
        for s in stats
    )
    return Sheet(tr("Närvaro {year}").format(year=year), columns, rows)


def measures_sheet(
    plans: Sequence[PlanData],
    measures: Sequence[tuple[MeasureData, Sequence[FollowUp]]],
) -> Sheet:
    """One row per follow-up note, and one for a measure that has none yet."""
    titles = {p.id: p.title for p in plans}
    columns = (
        Column(tr("Plan")),
        Column(tr("Åtgärd"), max_width=70),
        Column(tr("Typ")),
        Column(tr("Effekt på")),
        Column(tr("Ansvarig")),
        Column(tr("Start"), Kind.DATE),
        Column(tr("Slut"), Kind.DATE),
        Column(tr("Indikator")),
        Column(tr("Målvärde"), Kind.NUMBER),
        Column(tr("Status")),
        Column(tr("Uppföljd"), Kind.DATE),
        Column(tr("Status vid uppföljningen")),
        Column(tr("Gjort"), max_width=70),
        Column(tr("Effekt"), max_width=70),
        Column(tr("Indikatorvärde"), Kind.NUMBER),
    )
    rows: list[tuple[Any, ...]] = []  # a row per note, or an empty note for a measure with none
    for m, notes in measures:
        responsible = join_names(
            [n for n in (m.responsible_person, m.responsible_organisation) if n]
        )
        head = (
            titles.get(m.plan_id, ""),
            m.title,
            m.kind,
            m.effect,
            responsible,
            m.start,
            m.end,
            m.indicator_name,
            m.target_value,
            status_label(m.status),
        )
        if not notes:
            rows.append((*head, None, "", "", "", None))
        for note in notes:
            rows.append(
                (
                    *head,
                    note.noted_on,
                    status_label(note.status),
                    note.done,
                    note.effect,
                    note.indicator_value,
                )
            )
    return Sheet(tr("Åtgärder"), columns, tuple(rows))


def indicators_sheet(indicators: Sequence[IndicatorData], year: int | None = None) -> Sheet:
    """One row per value (of the year's periods when a year is given)."""
    columns = (
        Column(tr("Indikator")),
        Column(tr("Enhet")),
        Column(tr("Källa")),
        Column(tr("Område")),
        Column(tr("Period")),
        Column(tr("Periodkod")),
        Column(tr("Värde"), Kind.NUMBER),
    )
    rows = []
    for indicator in indicators:
        values = sorted(indicator.values, key=lambda v: (period_sort_key(v.period), v.area.lower()))
        for v in values:
            if year is not None and period_year(v.period) != year:
                continue
            rows.append(
                (
                    indicator.name,
                    indicator.unit,
                    indicator.source_name,
                    v.area,
                    period_label(v.period),
                    v.period,
                    v.value,
                )
            )
    return Sheet(tr("Indikatorer"), columns, tuple(rows))
