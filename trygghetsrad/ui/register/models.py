"""Table models of the register: people, organisations, groups and memberships.

They are built on the table stack of `ui/widgets/` (`record_model`, `filter_proxy`,
`roles`). The names `RECORD_ROLE`, `SORT_ROLE`, `SEARCH_ROLE`, `Column`,
`RecordTableModel` and `RecordFilterProxy` are still importable from here for modules not
yet moved to `ui/widgets/`; new code imports them from there.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
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
from trygghetsrad.domain.text import first_upper, search_text, sort_key
from trygghetsrad.ui.widgets.filter_proxy import RecordFilterProxy
from trygghetsrad.ui.widgets.record_model import Column, RecordTableModel
from trygghetsrad.ui.widgets.roles import Role as ItemRole

# Old names, kept for the modules that still import them from here.
RECORD_ROLE = ItemRole.RECORD
SORT_ROLE = ItemRole.SORT
SEARCH_ROLE = ItemRole.SEARCH

__all__ = [
    "RECORD_ROLE",
    "SEARCH_ROLE",
    "SORT_ROLE",
    "Column",
    "GroupsModel",
    "MembershipsModel",
    "MembershipsProxy",
    "OrganisationsModel",
    "PeopleModel",
    "RecordFilterProxy",
    "RecordTableModel",
    "date_text",
    "kind_label",
    "role_label",
]


def kind_label(kind: str) -> str:
    try:
        return OrganisationKind(kind).label
    except ValueError:
        return first_upper(kind)


def role_label(role: str) -> str:
    try:
        return Role(role).label
    except ValueError:
        return first_upper(role)


def date_text(day: date | None, empty: str = "") -> str:
    return long_date(day, weekday=False) if day else empty


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
