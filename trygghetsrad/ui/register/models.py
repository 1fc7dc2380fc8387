"""Table models of the register and the proxy that sorts and filters them the Swedish way."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from trygghetsrad.domain.dates import long_date
from trygghetsrad.domain.register import (
    ROLE_ORDER,
    GroupData,
    MembershipData,
    OrganisationData,
    OrganisationKind,
    PersonData,
    Role,
)
from trygghetsrad.domain.text import matches, search_text, sort_key
from trygghetsrad.ui.widgets.row_model import KeyedRowModel

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3

R = TypeVar("R")
AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str
    text: Callable[[R], str]
    sort: Callable[[R], Any] | None = None
    align_right: bool = False


def kind_label(kind: str) -> str:
    try:
        return OrganisationKind(kind).label
    except ValueError:
        return kind.capitalize()


def role_label(role: str) -> str:
    try:
        return Role(role).label
    except ValueError:
        return role.capitalize()


def date_text(day: date | None, empty: str = "") -> str:
    return long_date(day, weekday=False) if day else empty


class RecordTableModel(KeyedRowModel, Generic[R]):
    """Rows of frozen dataclasses shown in columns; read-only, updated in place on refresh."""

    CACHED_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, SORT_ROLE, SEARCH_ROLE})
    SORT_BY_ROLE = SORT_ROLE

    def __init__(
        self,
        columns: Sequence[Column[R]],
        search: Callable[[R], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self.COLUMNS = self._columns
        self._search = search

    # -- data ------------------------------------------------------------------------------

    def rows(self) -> list[R]:
        return list(self._rows)

    def record(self, row: int) -> R:
        return self._rows[row]  # type: ignore[no-any-return]

    def row_of(self, record_id: int) -> int:
        return self.row_of_key(record_id)

    # -- Qt model interface ------------------------------------------------------------------

    def row_data(self, record: R, row: int, column_number: int, role: int) -> Any:
        column = self._columns[column_number]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(record)
        if role == SORT_ROLE:
            return column.sort(record) if column.sort else sort_key(column.text(record))
        if role == RECORD_ROLE:
            return record
        if role == SEARCH_ROLE:
            return self._search(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return self.extra_data(record, role)

    def sort_value(self, row: int, column: int) -> Any:
        return self.cell(row, column, SORT_ROLE)

    def search_text(self, row: int) -> str:
        return self.cell(row, 0, SEARCH_ROLE)  # type: ignore[no-any-return]

    def extra_data(self, record: R, role: int) -> Any:
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].title
        return None


class RecordFilterProxy(QSortFilterProxyModel):
    """Search-as-you-type over every text of a record; sorting by Swedish alphabetical keys."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._query = ""
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A record model sorts itself (each key read once, no lessThan per comparison);
        this proxy then only filters, keeping the model's order."""
        model = self.sourceModel()
        if isinstance(model, RecordTableModel):
            if self.sortColumn() >= 0:
                super().sort(-1)
            model.sort(column, order)
        else:
            super().sort(column, order)

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self._query = text
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def query(self) -> str:
        return self._query

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        if isinstance(model, RecordTableModel):
            haystack = model.search_text(source_row) if self._query else ""
            record = model.record(source_row)
        else:
            haystack = model.data(model.index(source_row, 0, source_parent), SEARCH_ROLE) or ""
            record = model.data(model.index(source_row, 0, source_parent), RECORD_ROLE)
        return matches(self._query, haystack) and self.accepts_record(record)

    def accepts_record(self, record: Any) -> bool:
        return True

    def count_without_query(self) -> int:
        """How many rows would be shown with an empty search field."""
        model = self.sourceModel()
        return sum(
            1
            for row in range(model.rowCount())
            if self.accepts_record(model.data(model.index(row, 0), RECORD_ROLE))
        )

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        if isinstance(model, RecordTableModel):  # cached keys, no round trip through Qt
            a = model.sort_value(left.row(), left.column())
            b = model.sort_value(right.row(), right.column())
        else:
            a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:
            return a is None and b is not None
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)


# -- the four models -----------------------------------------------------------------------


class PeopleModel(RecordTableModel[PersonData]):
    def __init__(self, parent: QObject | None = None) -> None:
        tr = self.tr
        super().__init__(
            [
                Column(tr("Namn"), lambda p: p.name),
                Column(tr("Titel"), lambda p: p.title),
                Column(tr("Organisation"), lambda p: p.organisation_name),
                Column(tr("E-post"), lambda p: p.email),
                Column(tr("Telefon"), lambda p: p.phone),
            ],
            lambda p: search_text(p.name, p.title, p.organisation_name, p.email, p.phone),
            parent,
        )


class OrganisationsModel(RecordTableModel[OrganisationData]):
    def __init__(self, parent: QObject | None = None) -> None:
        tr = self.tr
        super().__init__(
            [
                Column(tr("Namn"), lambda o: o.name),
                Column(tr("Typ"), lambda o: kind_label(o.kind)),
                Column(
                    tr("Personer"),
                    lambda o: str(o.people_count),
                    lambda o: o.people_count,
                    align_right=True,
                ),
            ],
            lambda o: search_text(o.name, kind_label(o.kind), o.note),
            parent,
        )


class GroupsModel(RecordTableModel[GroupData]):
    def __init__(self, parent: QObject | None = None) -> None:
        tr = self.tr
        super().__init__(
            [
                Column(tr("Namn"), lambda g: g.name),
                Column(
                    tr("Medlemmar"),
                    lambda g: str(g.member_count),
                    lambda g: g.member_count,
                    align_right=True,
                ),
            ],
            lambda g: search_text(g.name, g.description),
            parent,
        )


def _role_rank(role: str) -> int:
    try:
        return ROLE_ORDER[Role(role)]
    except ValueError:
        return 99


class MembershipsModel(RecordTableModel[MembershipData]):
    """Members of one group (or memberships of one person), former ones in grey."""

    def __init__(self, parent: QObject | None = None, today: date | None = None) -> None:
        tr = self.tr
        self.today = today or date.today()
        until_further = tr("tills vidare")
        super().__init__(
            [
                Column(tr("Namn"), lambda m: m.person_name),
                Column(
                    tr("Roll"),
                    lambda m: role_label(m.role),
                    lambda m: (_role_rank(m.role), sort_key(m.person_name)),
                ),
                Column(tr("Organisation"), lambda m: m.organisation_name),
                Column(
                    tr("Från"),
                    lambda m: m.from_date.isoformat() if m.from_date else "",
                    lambda m: m.from_date.isoformat() if m.from_date else "",
                ),
                Column(
                    tr("Till"),
                    lambda m: m.to_date.isoformat() if m.to_date else until_further,
                    lambda m: m.to_date.isoformat() if m.to_date else "9999",
                ),
            ],
            lambda m: search_text(
                m.person_name, m.person_title, m.organisation_name, role_label(m.role)
            ),
            parent,
        )

    def is_former(self, m: MembershipData) -> bool:
        return m.to_date is not None and m.to_date < self.today

    def extra_data(self, record: MembershipData, role: int) -> Any:
        if not self.is_former(record):
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#7a838c")
        return None


class MembershipsProxy(RecordFilterProxy):
    """Hides memberships that ended before today unless asked to show them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._show_former = False

    def set_show_former(self, show: bool) -> None:
        self.beginFilterChange()
        self._show_former = show
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def accepts_record(self, record: Any) -> bool:
        model = self.sourceModel()
        if self._show_former or not isinstance(model, MembershipsModel):
            return True
        return not model.is_former(record)
