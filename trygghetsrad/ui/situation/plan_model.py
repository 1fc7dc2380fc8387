"""The action plan's table of measures, and the text about one measure in the detail pane."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from enum import Enum
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from trygghetsrad.domain.situation.action_plan import (
    LIGHT_ORDER,
    Effect,
    FollowUp,
    MeasureKind,
    MeasureRow,
    MeasureStatus,
    TrafficLight,
    format_number,
    is_measured,
    trend_text,
)
from trygghetsrad.domain.situation.causes import CauseData, CauseNode, build_tree
from trygghetsrad.domain.text import search_text
from trygghetsrad.ui.situation.action_plan_common import iso, light_icon, status_html
from trygghetsrad.ui.situation.plan_dialogs import KIND_LABELS
from trygghetsrad.ui.widgets.record_model import Column, RecordTableModel
from trygghetsrad.ui.widgets.roles import Role

Translate = Callable[[str], str]
# The light column shows an icon and no text (not even an empty one, which widens it).
LIGHT_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.AccessibleTextRole,
)
_MISSING_CAUSE = QColor("#a4262c")


def label_of(value: str, enum: type[Enum]) -> str:
    """The Swedish label of a stored enum value (the value itself if it is not known)."""
    try:
        return str(getattr(enum(value), "label", value))
    except ValueError:
        return value


def period_text(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return ""
    return f"{iso(start) or '…'} – {iso(end) or '…'}"


def short_period(start: date | None, end: date | None) -> str:
    from trygghetsrad.domain.dates import MONTHS_SHORT

    def one(day: date | None) -> str:
        # "mar 2025" never breaks; a narrow column wraps after the dash.
        return f"{MONTHS_SHORT[day.month - 1]}\u00a0{day.year}" if day else "…"

    return "" if start is None and end is None else f"{one(start)} – {one(end)}"


def cause_choices(
    problems: dict[int, str], all_causes: Sequence[CauseData]
) -> list[tuple[int | None, str]]:
    """Each problem as a heading (id None) followed by its causes, indented as in the tree."""
    out: list[tuple[int | None, str]] = []

    def add(node: CauseNode, depth: int) -> None:
        out.append((node.cause.id, "    " * depth + node.cause.title))
        for child in node.children:
            add(child, depth + 1)

    for problem_id, title in problems.items():
        out.append((None, title))
        for root in build_tree([c for c in all_causes if c.problem_id == problem_id]):
            add(root, 1)
    return out


def _indicator(row: MeasureRow) -> str:
    return " · ".join(p for p in (row.measure.indicator_name, row.measure.target_label) if p)


def _title_tip(row: MeasureRow) -> str:
    m = row.measure
    return f"{m.title}\n\n{m.description}" if m.description else m.title


def light_data(light: TrafficLight, role: int) -> Any:
    """The traffic-light column's icon and what a screen reader says for it."""
    if role == Qt.ItemDataRole.DecorationRole:
        return light_icon(light.light)
    if role == Qt.ItemDataRole.AccessibleTextRole:
        return f"{light.light.value}: {light.reason}"
    return None


def last_followup(followups: Sequence[FollowUp]) -> str:
    """The latest follow-up as one line: '2026-03-01: what was done'."""
    if not followups:
        return ""
    latest = followups[-1]
    return f"{iso(latest.noted_on)}: {latest.done}"


class MeasureTableModel(RecordTableModel[MeasureRow]):
    """The plan's measures: light, number, title, kind, responsible, period, indicator,
    trend, status and the causes they answer (in red when none)."""

    POSITIONAL_COLUMNS = (1,)  # "Nr" is the measure's place in the plan

    def __init__(self, parent: QObject | None = None) -> None:
        def tr(text: str) -> str:
            return QCoreApplication.translate("MeasureTableModel", text)

        super().__init__(
            [
                Column("", lambda r: "", sort=lambda r: LIGHT_ORDER.index(r.light.light),
                       tooltip=lambda r: r.light.reason, header_tip=tr("Trafikljus")),
                Column(tr("Nr"), lambda r: str(self._numbers.get(r.measure.id, "")),
                       sort=lambda r: self._numbers.get(r.measure.id, 0)),
                Column(tr("Åtgärd"),
                       lambda r: r.measure.title + (tr(" (intern)") if r.measure.internal else ""),
                       tooltip=_title_tip),
                Column(tr("Typ"), lambda r: label_of(r.measure.kind, MeasureKind)),
                Column(tr("Ansvarig"), lambda r: r.measure.responsible),
                Column(tr("Period"), lambda r: short_period(r.measure.start, r.measure.end)),
                Column(tr("Indikator"), _indicator, header_tip=tr("Indikator och mål")),
                Column(tr("Trend"), lambda r: r.trend.trend.label if is_measured(r) else "",
                       tooltip=trend_text),
                Column(tr("Status"), lambda r: label_of(r.measure.status, MeasureStatus)),
                Column(tr("Orsaker"),
                       lambda r: "; ".join(r.measure.cause_titles) or tr("Saknar orsak")),
            ],
            # The filter field matches what any column shows, as the table reads.
            search=lambda r: search_text(*(c.text(r) for c in self._columns)),
            parent=parent,
        )  # fmt: skip
        self._numbers: dict[int, int] = {}

    def set_rows(self, rows: Iterable[MeasureRow]) -> None:
        """The rows in the plan's order (the measures are numbered by it)."""
        listed = list(rows)
        self._numbers = {r.measure.id: i + 1 for i, r in enumerate(listed)}
        super().set_rows(listed)

    def row_key(self, record: MeasureRow) -> int:
        return record.measure.id

    def row_data(self, record: MeasureRow, row: int, column: int, role: int) -> Any:
        if column == 0 and role in LIGHT_ROLES:
            return light_data(record.light, role)
        if column == 9 and role == Qt.ItemDataRole.ForegroundRole:
            return None if record.measure.cause_ids else _MISSING_CAUSE
        if role == Qt.ItemDataRole.ToolTipRole and column not in (0, 2, 7):
            return None  # tips only where the cell has more to say
        if role == Role.KEY:
            return record.measure.id
        return super().row_data(record, row, column, role)


def measure_html(row: MeasureRow, t: Translate) -> str:
    """Everything about one measure: why, who, when, whether it works, what was done and
    where the council's minutes mention it."""
    m = row.measure
    html = [
        f"<h3>{escape(m.title)}</h3>",
        status_html(label_of(m.status, MeasureStatus), row.light),
    ]
    if m.description:
        html.append(f"<p>{escape(m.description)}</p>")
    html.append(f"<p><b>{t('Varför')}</b><br/>")
    if m.cause_titles:
        html.append("<br/>".join(f"• {escape(c)}" for c in m.cause_titles))
    else:
        html.append(f"<span style='color:#a4262c'>{t('Ingen orsak kopplad.')}</span>")
    html.append("</p>")
    html.append(_facts_html(row, t))
    html.append(_followups_html(row, t))
    html.append(_mentions_html(row, t))
    return "".join(html)


def _facts_html(row: MeasureRow, t: Translate) -> str:
    m = row.measure
    facts = [
        (t("Typ"), f"{label_of(m.kind, MeasureKind)}, {label_of(m.effect, Effect).lower()}"),
        (t("Ansvarig"), m.responsible or "–"),
        (t("Samverkan"), m.partners),
        (t("Period"), period_text(m.start, m.end)),
        (t("Resurser"), m.resources),
        (t("Indikator"), m.indicator_name),
        (t("Mål"), m.target_label),
        (t("Fungerar det?"), trend_text(row) if is_measured(row) else ""),
    ]
    cells = "".join(
        f"<tr><td style='color:#5d6873;padding-right:8px'>{escape(key)}</td>"
        f"<td>{escape(value)}</td></tr>"
        for key, value in facts
        if value
    )
    return f"<table cellspacing='2'>{cells}</table>"


def _followups_html(row: MeasureRow, t: Translate) -> str:
    html = [f"<h4>{t('Uppföljning')}</h4>"]
    for f in reversed(row.followups):
        line = f"<b>{iso(f.noted_on)}</b> {escape(label_of(f.status, MeasureStatus))}"
        if f.internal:
            line += f" <i>({escape(t('intern'))})</i>"
        line += f"<br/>{escape(f.done)}"
        if f.effect:
            line += f"<br/><i>{escape(t('Effekt'))}: {escape(f.effect)}</i>"
        if f.indicator_value is not None:
            line += f"<br/>{escape(t('Indikatorvärde'))}: {format_number(f.indicator_value)}"
        html.append(f"<p>{line}</p>")
    if not row.followups:
        html.append(f"<p style='color:#5d6873'>{t('Inga uppföljningar ännu.')}</p>")
    return "".join(html)


def _mentions_html(row: MeasureRow, t: Translate) -> str:
    html = [f"<h4>{t('I protokollen')}</h4>"]
    for mention in row.mentions:
        html.append(
            f"<p><b>{iso(mention.meeting_date)}</b> {escape(mention.meeting_title)}<br/>"
            f"{escape(KIND_LABELS[mention.kind])}: {escape(mention.text)} "
            f"<a href='unlink:{mention.link_id}'>{t('ta bort koppling')}</a></p>"
        )
    if not row.mentions:
        html.append(f"<p style='color:#5d6873'>{t('Inte behandlad i något protokoll.')}</p>")
    return "".join(html)
