"""Qt models of the meetings page: meetings, attendance, agenda items, actions, statistics."""

from __future__ import annotations

from collections.abc import Callable, Sequence
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
from trygghetsrad.domain.meetings import (
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
from trygghetsrad.domain.text import sort_key
from trygghetsrad.i18n import tr
from trygghetsrad.ui.meetings.attendance_details import details_text
from trygghetsrad.ui.widgets.row_model import SORT_ROLE, KeyedRowModel

Index = QModelIndex | QPersistentModelIndex
SortRole = SORT_ROLE
IdRole = Qt.ItemDataRole.UserRole + 2

STATUS_COLOURS = {
    MeetingStatus.PLANNED: "#5b6670",
    MeetingStatus.DRAFT: "#9a6700",
    MeetingStatus.FINALISED: "#1f5a8c",
    MeetingStatus.SENT: "#2d6a3e",
}


class _RecordTableModel(KeyedRowModel):
    """A read-only table over a list of records; columns are (header, text, sort key).

    Updated in place on reload (see KeyedRowModel); texts and sort keys are computed once
    per record: sorting hundreds of meetings asks for the same keys thousands of times."""

    COLUMNS: list[tuple[str, Callable[[Any], str], Callable[[Any], Any]]] = []
    CACHED_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, SortRole})

    @property
    def records(self) -> list[Any]:
        return self._rows

    @records.setter
    def records(self, records: Sequence[Any]) -> None:
        # For a model that reorders itself inside layoutAboutToBeChanged/layoutChanged.
        self.take_rows(records)

    @property
    def _cells(self) -> dict[Any, Any]:
        """The cached cells (by record); clearing them is never needed after a reorder."""
        return self._cache

    def set_records(self, records: Sequence[Any]) -> None:
        self.set_rows(records)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return self.tr(self.COLUMNS[section][0])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.AccessibleTextRole:
            role = Qt.ItemDataRole.DisplayRole
        return super().data(index, role)

    def row_data(self, record: Any, row: int, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[column][1](record)
        if role == SortRole:
            return self.COLUMNS[column][2](record)
        if role == IdRole:
            return getattr(record, "id", None)
        return self.extra_data(record, column, role)

    def extra_data(self, record: Any, column: int, role: int) -> Any:
        return None

    def record(self, row: int) -> Any:
        return self.record_at(row)


class MeetingTableModel(_RecordTableModel):
    COLUMNS = [
        (
            "Datum",
            lambda m: f"{m.day.isoformat()}  {time_span(m.start_time, None).removeprefix('kl. ')}",
            lambda m: f"{m.day.isoformat()} {m.start_time or ''}",
        ),
        ("Grupp", lambda m: m.groups_short, lambda m: sort_key(m.groups_label)),
        ("Typ", lambda m: m.kind.short_label, lambda m: m.kind.value),
        ("Status", lambda m: m.status_label, lambda m: list(MeetingStatus).index(m.status)),
    ]

    def extra_data(self, record: MeetingSummary, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == 3:
            return QColor(STATUS_COLOURS[record.status])
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join((record.title, record.groups_label, record.kind.label, record.when))
        return None

    def row_of(self, meeting_id: int) -> int:
        return self.row_of_key(meeting_id)


class AttendanceModel(_RecordTableModel):
    COLUMNS = [
        ("Namn", lambda a: a.name, lambda a: sort_key(a.name)),
        ("Organisation", lambda a: a.organisation, lambda a: sort_key(a.organisation)),
        ("Roll", lambda a: a.role_label if a.member else "", lambda a: a.role),
        ("Närvaro", lambda a: a.label[:1].upper() + a.label[1:], lambda a: a.presence.value),
        # As it happened: the role for this meeting, the part attended, the note.
        ("Vid mötet", details_text, lambda a: details_text(a).lower()),
    ]

    def extra_data(self, record: AttendanceData, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 and not record.presence.attended:
            # Not marked yet is no absence: grey, not the red of förhinder/frånvarande.
            unknown = record.presence is Presence.UNKNOWN
            return QColor("#6b6b6b" if unknown else "#a4262c")
        return None


class ActionModel(_RecordTableModel):
    COLUMNS = [
        (
            "Uppdrag",
            lambda a: a.what + ("  [intern]" if a.internal else ""),
            lambda a: a.what.lower(),
        ),
        ("Ansvarig", lambda a: a.responsible, lambda a: a.responsible.lower()),
        (
            "Klart senast",
            lambda a: a.due_date.isoformat() if a.due_date else "",
            lambda a: str(a.due_date),
        ),
        ("Status", lambda a: a.status.label, lambda a: a.status.value),
    ]


class FollowupModel(_RecordTableModel):
    """Actions of earlier meetings followed up at this one; narrow enough for 1366×768 (when
    it was given and what was said about it are in the tooltip and below the table)."""

    COLUMNS = [
        (
            "Uppdrag",
            lambda a: a.what + ("  [intern]" if is_internal(a) else ""),
            lambda a: a.what.lower(),
        ),
        ("Ansvarig", lambda a: a.responsible, lambda a: a.responsible.lower()),
        (
            "Senast",
            lambda a: a.due_date.isoformat() if a.due_date else "",
            lambda a: str(a.due_date),
        ),
        (
            "Status",
            lambda a: a.status.label + (f" ({a.carried_count} ggr)" if a.carried_count else ""),
            lambda a: (a.status.value, a.carried_count),
        ),
    ]

    def extra_data(self, record: ActionData, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(followup_details(record))
        return None


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


class StatsModel(_RecordTableModel):
    COLUMNS = [
        ("Namn", lambda s: s.name, lambda s: sort_key(s.name)),
        ("Organisation", lambda s: s.organisation, lambda s: sort_key(s.organisation)),
        ("Möten", lambda s: str(s.meetings), lambda s: s.meetings),
        ("Närvarande", lambda s: str(s.attended), lambda s: s.attended),
        ("Förhinder", lambda s: str(s.excused), lambda s: s.excused),
        ("Frånvarande", lambda s: str(s.absent), lambda s: s.absent),
        ("Närvaro", lambda s: f"{round(s.rate * 100)} %", lambda s: s.rate),
    ]

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
        if role == IdRole:
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
