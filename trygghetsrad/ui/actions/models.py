"""The action register's table: every action and decision of every meeting, as columns.

Built on the table stack of `ui/widgets/` (`RecordTableModel` with declarative `Column`s,
`RecordFilterProxy` with named filters). A row holds a `RegisterAction` or a
`RegisterDecision`; keys keep the two apart ("action", id) / ("decision", id).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from trygghetsrad.domain.actions.register import ActionFilter, RegisterAction, RegisterDecision
from trygghetsrad.domain.internal import is_internal
from trygghetsrad.domain.meetings.model import ActionStatus
from trygghetsrad.domain.text import search_text, sort_key
from trygghetsrad.ui.widgets.action_colours import action_foreground
from trygghetsrad.ui.widgets.record_model import Column, RecordTableModel

Row = RegisterAction | RegisterDecision

WHAT, RESPONSIBLE, DUE, STATUS, CARRIED, MEETING, GROUP, MEASURE = range(8)

# Status order when sorting: late first, then open, done, struck, decisions.
_STATUS_RANK = {ActionStatus.OPEN: 1, ActionStatus.DONE: 2, ActionStatus.CANCELLED: 3}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ActionRegisterModel", text)


def is_action(row: Row) -> bool:
    return isinstance(row, RegisterAction)


def row_text(row: Row) -> str:
    text = row.what if isinstance(row, RegisterAction) else row.text
    return text + " " + _tr("(intern)") if is_internal(row) else text


def status_text(row: Row, today: date) -> str:
    if not isinstance(row, RegisterAction):
        return _tr("Beslut")
    if row.status is ActionStatus.DONE and row.closed_on is not None:
        return _tr("Klart {day}").format(day=row.closed_on.isoformat())
    return row.status_text(today)  # the meetings' word: "Öppen, försenad"


def _status_sort(row: Row, today: date) -> tuple[int, str]:
    if not isinstance(row, RegisterAction):
        return (9, "")
    return (0 if row.overdue(today) else _STATUS_RANK[row.status], "")


def row_key(record: Row) -> tuple[str, int]:
    """What identifies a row across reloads (pure: the loading worker uses it too)."""
    return ("action" if isinstance(record, RegisterAction) else "decision", record.id)


def search_of(record: Row) -> str:
    """The text the search matches (pure: the loading worker makes it for every row)."""
    return search_text(
        row_text(record),
        record.responsible if is_action(record) else "",
        record.meeting_name,
        record.item_title,
        " ".join(record.measures) if is_action(record) else "",
    )


class ActionRegisterModel(RecordTableModel[Row]):
    """Actions and decisions; `today` decides what is late (fixed for one load)."""

    def __init__(self, parent: QObject | None = None, today: date | None = None) -> None:
        self.today = today or date.today()
        tr = self.tr
        super().__init__(
            [
                Column(tr("Uppdrag eller beslut"), row_text),
                Column(tr("Ansvarig"), lambda r: r.responsible if is_action(r) else ""),
                Column(
                    tr("Klart senast"),
                    lambda r: r.due_date.isoformat() if is_action(r) and r.due_date else "",
                    sort=lambda r: r.due_date if is_action(r) else None,
                ),
                Column(
                    tr("Status"),
                    lambda r: status_text(r, self.today),
                    sort=lambda r: _status_sort(r, self.today),
                ),
                Column(
                    tr("Förd vidare"),
                    lambda r: str(r.carried_count) if is_action(r) and r.carried_count else "",
                    sort=lambda r: r.carried_count if is_action(r) else -1,
                    align_right=True,
                    header_tip=tr("Hur många möten uppdraget har förts vidare förbi"),
                ),
                Column(
                    tr("Möte"),
                    lambda r: r.meeting_day.isoformat(),
                    sort=lambda r: (r.meeting_day, r.meeting_id, is_action(r), r.id),
                    tooltip=lambda r: r.meeting_name,
                ),
                Column(tr("Grupp"), lambda r: r.groups_label),
                Column(
                    tr("Åtgärd"),
                    lambda r: "; ".join(r.measures) if is_action(r) else "",
                    header_tip=tr("Åtgärden i åtgärdsplanen som uppdraget hör till"),
                ),
            ],
            search=search_of,
            parent=parent,
        )

    def row_key(self, record: Row) -> tuple[str, int]:
        return row_key(record)

    def row_data(self, record: Row, row: int, column_number: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if not isinstance(record, RegisterAction):
                return None
            return action_foreground(
                record, self.today, marks_lateness=column_number in (DUE, STATUS)
            )
        return super().row_data(record, row, column_number, role)


def accepts(criteria: ActionFilter, today: date, kinds: str) -> Any:
    """The proxy filter for `criteria` and the kinds shown ("both", "actions", "decisions")."""

    def accept(row: Row) -> bool:
        if isinstance(row, RegisterAction):
            return kinds != "decisions" and criteria.matches(row, today)
        return kinds != "actions" and criteria.matches_decision(row)

    return accept


def sort_names(names: dict[int, str]) -> list[tuple[int, str]]:
    return sorted(names.items(), key=lambda kv: sort_key(kv[1]))
