"""Qt models of the meetings page: meetings, attendance, agenda items, actions, statistics.

The tables are the shared stack's `RecordTableModel` with declarative `Column`s (sorted in
the model, updated in place on reload); the agenda is a list model that can be reordered by
dragging. Roles: `ui.widgets.roles.Role`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from trygghetsrad.domain.dates import time_span
from trygghetsrad.domain.internal import is_internal
from trygghetsrad.domain.meetings.model import (
    ActionData,
    AgendaItemData,
    AttendanceData,
    AttendanceStat,
    ItemKind,
    MeetingStatus,
    MeetingSummary,
    Presence,
    carried_label,
)
from trygghetsrad.domain.text import first_upper, sort_key
from trygghetsrad.i18n import tr
from trygghetsrad.ui.meetings.attendance_details import details_text
from trygghetsrad.ui.widgets.action_colours import action_foreground
from trygghetsrad.ui.widgets.record_model import Column, RecordTableModel
from trygghetsrad.ui.widgets.roles import Role

Index = QModelIndex | QPersistentModelIndex

STATUS_COLOURS = {
    MeetingStatus.PLANNED: "#5b6670",
    MeetingStatus.DRAFT: "#9a6700",
    MeetingStatus.FINALISED: "#1f5a8c",
    MeetingStatus.SENT: "#2d6a3e",
}
_FOREGROUND = Qt.ItemDataRole.ForegroundRole


def _meeting_tip(m: MeetingSummary) -> str:
    return "\n".join((m.title, m.groups_label, m.kind.label, m.when))


class MeetingTableModel(RecordTableModel[MeetingSummary]):
    """The meetings list: date and time, groups, type, status (in its colour)."""

    STATUS_COLUMN = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    tr("Datum"),
                    lambda m: (
                        f"{m.day.isoformat()}  "
                        + time_span(m.start_time, None).removeprefix("kl. ")
                    ),
                    sort=lambda m: f"{m.day.isoformat()} {m.start_time or ''}",
                    tooltip=_meeting_tip,
                ),
                Column(
                    tr("Grupp"),
                    lambda m: m.groups_short,
                    sort=lambda m: sort_key(m.groups_label),
                    tooltip=_meeting_tip,
                ),
                Column(
                    tr("Typ"),
                    lambda m: m.kind.short_label,
                    sort=lambda m: m.kind.value,
                    tooltip=_meeting_tip,
                ),
                Column(
                    tr("Status"),
                    lambda m: m.status_label,
                    sort=lambda m: list(MeetingStatus).index(m.status),
                    tooltip=_meeting_tip,
                ),
            ],
            parent=parent,
        )

    def row_data(self, record: MeetingSummary, row: int, column: int, role: int) -> Any:
        if role == _FOREGROUND and column == self.STATUS_COLUMN:
            return QColor(STATUS_COLOURS[record.status])
        return super().row_data(record, row, column, role)


class AttendanceModel(RecordTableModel[AttendanceData]):
    """Who is on the attendance list, their role and how they attended."""

    PRESENCE_COLUMN = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("Namn"), lambda a: a.name),
                Column(tr("Organisation"), lambda a: a.organisation),
                Column(
                    tr("Roll"),
                    # As the register's member list says it: "Ordförande".
                    lambda a: first_upper(a.role_label) if a.member else "",
                    sort=lambda a: a.role,
                ),
                Column(
                    tr("Närvaro"),
                    lambda a: first_upper(a.label),
                    sort=lambda a: a.presence.value,
                ),
                # As it happened: the role for this meeting, the part attended, the note.
                Column(tr("Vid mötet"), details_text, sort=lambda a: details_text(a).lower()),
            ],
            parent=parent,
        )

    def row_data(self, record: AttendanceData, row: int, column: int, role: int) -> Any:
        if role == _FOREGROUND and column == self.PRESENCE_COLUMN and not record.presence.attended:
            # Not marked yet is no absence: grey, not the red of förhinder/frånvarande.
            unknown = record.presence is Presence.UNKNOWN
            return QColor("#6b6b6b" if unknown else "#a4262c")
        return super().row_data(record, row, column, role)


def _due(action: ActionData) -> str:
    return action.due_date.isoformat() if action.due_date else ""


def _status(action: ActionData) -> str:
    """As Uppdrag says it on the same day: "Öppen, försenad" while open past its date."""
    return action.status_text(date.today())


class _ActionColours(RecordTableModel[ActionData]):
    """Late, done and struck actions coloured as Uppdrag colours them (`action_foreground`)."""

    DUE_COLUMN, STATUS_COLUMN = 2, 3

    def row_data(self, record: ActionData, row: int, column: int, role: int) -> Any:
        if role == _FOREGROUND:
            lateness = column in (self.DUE_COLUMN, self.STATUS_COLUMN)
            return action_foreground(record, date.today(), marks_lateness=lateness)
        return super().row_data(record, row, column, role)


class ActionModel(_ActionColours):
    """The actions under an agenda item."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    tr("Uppdrag"),
                    lambda a: a.what + ("  [intern]" if a.internal else ""),
                    sort=lambda a: a.what.lower(),
                ),
                Column(
                    tr("Ansvarig"), lambda a: a.responsible, sort=lambda a: a.responsible.lower()
                ),
                Column(tr("Klart senast"), _due, sort=lambda a: str(a.due_date)),
                Column(tr("Status"), _status, sort=lambda a: a.status.value),
            ],
            parent=parent,
        )


def _followup_tip(action: ActionData) -> str:
    return "\n".join(followup_details(action))


class FollowupModel(_ActionColours):
    """Actions of earlier meetings followed up at this one; narrow enough for 1366×768 (when
    it was given and what was said about it are in the tooltip and below the table)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    tr("Uppdrag"),
                    lambda a: a.what + ("  [intern]" if is_internal(a) else ""),
                    sort=lambda a: a.what.lower(),
                    tooltip=_followup_tip,
                ),
                Column(
                    tr("Ansvarig"),
                    lambda a: a.responsible,
                    sort=lambda a: a.responsible.lower(),
                    tooltip=_followup_tip,
                ),
                Column(tr("Senast"), _due, sort=lambda a: str(a.due_date), tooltip=_followup_tip),
                Column(
                    tr("Status"),
                    lambda a: _status(a) + (f" ({a.carried_count} ggr)" if a.carried_count else ""),
                    sort=lambda a: (a.status.value, a.carried_count),
                    tooltip=_followup_tip,
                ),
            ],
            parent=parent,
        )


def followup_details(action: ActionData) -> list[str]:
    """Where an action comes from and what the meetings said about it, one line each."""
    lines = [action.what]
    if action.since:
        lines.append(
            tr("Givet {day} under ”{item}”").format(
                day=action.since.isoformat(), item=action.origin_item_title
            )
        )
    if action.carried_count:
        lines.append(carried_label(action.carried_count))
    lines += [f"{c.day.isoformat()}: {c.text}" for c in action.earlier_comments]
    if action.comment:
        lines.append(tr("Kommentar: {text}").format(text=action.comment))
    return lines


class StatsModel(RecordTableModel[AttendanceStat]):
    """Attendance per person (or per organisation) over a year."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("Namn"), lambda s: s.name),
                Column(tr("Organisation"), lambda s: s.organisation),
                Column(tr("Möten"), lambda s: str(s.meetings), sort=lambda s: s.meetings),
                Column(tr("Närvarande"), lambda s: str(s.attended), sort=lambda s: s.attended),
                Column(tr("Förhinder"), lambda s: str(s.excused), sort=lambda s: s.excused),
                Column(tr("Frånvarande"), lambda s: str(s.absent), sort=lambda s: s.absent),
                Column(tr("Närvaro"), lambda s: f"{round(s.rate * 100)} %", sort=lambda s: s.rate),
            ],
            parent=parent,
        )

    def row_key(self, record: AttendanceStat) -> Any:
        return (record.name, record.organisation)


MIME = "application/x-trygghetsrad-agenda-row"


class AgendaModel(QAbstractListModel):
    """The numbered agenda; rows can be dragged to a new place (`move_requested`)."""

    move_requested = Signal(int, int)  # item id, new position

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[AgendaItemData] = []
        self.numbering: Callable[[int], str] = lambda i: f"{i + 1}."

    def set_items(self, items: Sequence[AgendaItemData], numbering: Callable[[int], str]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.numbering = numbering
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = f"{self.numbering(index.row())}  {item.title}"
            extras = []
            if item.notes:
                extras.append(f"{len(item.notes)} ant.")
            if item.actions:
                extras.append(f"{len(item.actions)} uppdr.")
            if item.internal:
                extras.append("intern")
            return f"{text}   ({', '.join(extras)})" if extras else text
        if role == Role.KEY:
            return item.id
        if role == Qt.ItemDataRole.FontRole and item.kind is not ItemKind.NORMAL:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and item.internal:
            return QColor("#a4262c")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return (
            base
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
        )

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        data = QMimeData()
        rows = [i.row() for i in indexes if i.isValid()]
        if rows:
            data.setData(MIME, QByteArray(str(rows[0]).encode()))
        return data

    def dropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not data.hasFormat(MIME):
            return False
        source = int(bytes(data.data(MIME).data()).decode())
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self.items))
        if target > source:
            target -= 1
        if 0 <= source < len(self.items) and target != source:
            self.move_requested.emit(self.items[source].id, target)
        return False  # the page reloads from the database; Qt must not remove the source row

    def row_of(self, item_id: int) -> int:
        return next((i for i, it in enumerate(self.items) if it.id == item_id), -1)
