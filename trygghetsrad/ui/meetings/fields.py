"""The typed fields the meeting forms share: dates, times, people and the group check list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, time
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QListWidgetItem

from trygghetsrad.domain.register import GroupData, PersonData
from trygghetsrad.ui.widgets.check_list import CheckList
from trygghetsrad.ui.widgets.date_entry import DateEntry
from trygghetsrad.ui.widgets.time_entry import TimeEntry

Save = Callable[[dict[str, Any]], object]


def date_edit(value: date, field: str = "") -> DateEntry:
    """A typed date (refuses 2026-02-30 at the field instead of correcting it)."""
    return DateEntry(value, field)


def time_edit(value: time | None, field: str = "") -> TimeEntry:
    """A typed time (refuses 25.00 at the field instead of saving another time)."""
    return TimeEntry(value, field)


def py_date(edit: DateEntry) -> date:
    """The typed date; ValidationError at its field when it is no possible date."""
    return edit.checked()


def py_time(edit: TimeEntry) -> time | None:
    """The typed time, None for an empty field (no time given); ValidationError at its field
    when it is no time."""
    return edit.optional()


def person_combo(people: Sequence[PersonData], selected: int | None, empty: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem(empty, None)
    for person in people:
        label = (
            f"{person.name} ({person.organisation_name})"
            if person.organisation_name
            else person.name
        )
        combo.addItem(label, person.id)
    if selected is not None:
        combo.setCurrentIndex(max(0, combo.findData(selected)))
    return combo


class GroupChecklist(CheckList):
    def __init__(self, groups: Sequence[GroupData], checked: Sequence[int] = ()) -> None:
        super().__init__()
        for group in groups:
            item = QListWidgetItem(group.name)
            item.setData(256, group.id)
            item.setCheckState(
                Qt.CheckState.Checked if group.id in checked else Qt.CheckState.Unchecked
            )
            self.addItem(item)
        self.setMaximumHeight(22 * max(2, len(groups)) + 8)

    def checked_ids(self) -> list[int]:
        return [
            self.item(i).data(256)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]
