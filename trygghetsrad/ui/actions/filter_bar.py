"""The filters above the action register: text, responsible, group, status, due date, kind
of row, and the period of the meetings. It describes the filter (`criteria()`); the page
applies it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.actions.register import ActionFilter, RegisterAction
from trygghetsrad.domain.meetings.model import ActionStatus
from trygghetsrad.errors import UserError
from trygghetsrad.ui.actions.models import Row, sort_names
from trygghetsrad.ui.widgets.date_entry import DateEntry

DUE_CHOICES = (7, 14, 30, 90)


class FilterBar(QWidget):
    """Two rows of filters; `changed` when a choice changes (a typed date: once it rests)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(8)
        box.addLayout(self._choice_row())
        box.addLayout(self._period_row())
        self._date_timer = QTimer(self)
        self._date_timer.setSingleShot(True)
        self._date_timer.setInterval(150)  # typing a date: one pass at the end
        self._date_timer.timeout.connect(self.changed.emit)
        for combo in self.combos():
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.start.textChanged.connect(self._date_timer.start)
        self.end.textChanged.connect(self._date_timer.start)
        self.clear_button.clicked.connect(self.clear)

    def _combo(self, name: str, items: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        for text, data in items:
            combo.addItem(text, data)
        return combo

    def _choice_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setProperty("role", "search")
        self.search.setPlaceholderText(self.tr("Sök bland uppdrag och beslut"))
        self.search.setAccessibleName(self.tr("Sök bland uppdrag och beslut"))
        self.search.setClearButtonEnabled(True)
        row.addWidget(self.search, 2)
        self.responsible = self._combo(self.tr("Ansvarig"), [(self.tr("Alla ansvariga"), None)])
        self.group = self._combo(self.tr("Grupp"), [(self.tr("Alla grupper"), None)])
        self.status = self._combo(
            self.tr("Status"),
            [
                (self.tr("Alla statusar"), None),
                (self.tr("Öppna"), ActionStatus.OPEN.value),
                (self.tr("Klara"), ActionStatus.DONE.value),
                (self.tr("Strukna"), ActionStatus.CANCELLED.value),
            ],
        )
        due = [(self.tr("Alla datum"), None), (self.tr("Försenade"), "overdue")]
        due += [
            (self.tr("Klart inom {days} dagar").format(days=days), days) for days in DUE_CHOICES
        ]
        self.due = self._combo(self.tr("Klart senast"), due)
        self.kinds = self._combo(
            self.tr("Visa"),
            [
                (self.tr("Uppdrag och beslut"), "both"),
                (self.tr("Bara uppdrag"), "actions"),
                (self.tr("Bara beslut"), "decisions"),
            ],
        )
        for combo in self.combos():
            row.addWidget(combo, 1)
        return row

    def _period_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Möten från")))
        self.start = DateEntry(None, "start")
        self.start.setAccessibleName(self.tr("Möten från"))
        row.addWidget(self.start)
        row.addWidget(QLabel(self.tr("till")))
        self.end = DateEntry(None, "end")
        self.end.setAccessibleName(self.tr("Möten till och med"))
        row.addWidget(self.end)
        self.period_error = QLabel()
        self.period_error.setProperty("role", "error")
        row.addWidget(self.period_error)
        row.addStretch(1)
        self.clear_button = QPushButton(self.tr("Visa allt"))
        self.clear_button.setToolTip(self.tr("Ta bort alla filter"))
        row.addWidget(self.clear_button)
        return row

    def combos(self) -> tuple[QComboBox, ...]:
        return (self.responsible, self.group, self.status, self.due, self.kinds)

    # -- what the controls say ---------------------------------------------------------------

    def _date(self, entry: DateEntry) -> date | None:
        if not entry.text().strip():
            return None
        try:
            return entry.checked()
        except UserError as exc:  # said beside the fields; that end of the period is open
            self.period_error.setText(str(exc))
            return None

    def criteria(self) -> ActionFilter:
        """The filter the controls describe (internal rows included: "intern" only keeps
        things out of documents)."""
        who = self.responsible.currentData()
        due = self.due.currentData()
        status = self.status.currentData()
        self.period_error.setText("")
        return ActionFilter(
            person_id=who[1] if who and who[0] == "person" else None,
            organisation_id=who[1] if who and who[0] == "organisation" else None,
            group_id=self.group.currentData(),
            status=ActionStatus(status) if status else None,
            overdue=due == "overdue",
            due_within=due if isinstance(due, int) else None,
            start=self._date(self.start),
            end=self._date(self.end),
            include_internal=True,
        )

    def kinds_shown(self) -> str:
        return str(self.kinds.currentData())

    def clear(self) -> None:
        """Every filter back to "all" (the search text too); one `changed`."""
        for widget in (*self.combos(), self.start, self.end):
            widget.blockSignals(True)
        for combo in self.combos():
            combo.setCurrentIndex(0)
        self.start.clear()
        self.end.clear()
        for widget in (*self.combos(), self.start, self.end):
            widget.blockSignals(False)
        self.search.clear()
        self.changed.emit()

    # -- the choices -------------------------------------------------------------------------

    def fill_choices(
        self,
        rows: Sequence[Row],
        people: dict[int, str],
        organisations: dict[int, str],
        groups: dict[int, str],
    ) -> None:
        """The people and organisations responsible for something, and the groups."""
        actions = [r for r in rows if isinstance(r, RegisterAction)]
        person_ids = {pid for a in actions for pid in a.person_ids}
        org_ids = {r.organisation_id for a in actions for r in a.responsibles if r.organisation_id}
        choices: list[tuple[str, Any]] = [
            (name, ("person", pid))
            for pid, name in sort_names({p: people.get(p, "") for p in person_ids})
        ]
        choices += [
            (name, ("organisation", oid))
            for oid, name in sort_names({o: organisations.get(o, "") for o in org_ids})
        ]
        _refill(self.responsible, choices)
        _refill(self.group, [(n, gid) for gid, n in sort_names(groups)])


def _refill(combo: QComboBox, choices: list[tuple[str, Any]]) -> None:
    """Replace all but the first ("Alla …") item, keeping the choice when it is left."""
    chosen = combo.currentData()
    if [(combo.itemText(i), combo.itemData(i)) for i in range(1, combo.count())] == choices:
        return
    combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(1)
    for text, data in choices:
        combo.addItem(text, data)
    at = combo.findData(chosen) if chosen is not None else 0
    combo.setCurrentIndex(max(at, 0))
    combo.blockSignals(False)
    if chosen is not None and at < 0:
        combo.currentIndexChanged.emit(0)  # the person chosen is gone: show everyone
