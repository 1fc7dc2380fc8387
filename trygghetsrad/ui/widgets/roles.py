"""The custom item-data roles of every table model, in one enum so that no two collide.

Before this, `SORT_ROLE` meant `UserRole + 1` in one module and `+ 2` in another, and a
record role of one model was the id role of the next. Every model and proxy of the table
stack (`row_model.KeyedRowModel`, `record_model.RecordTableModel`,
`filter_proxy.RecordFilterProxy`) reads and writes these roles, and so should any new one:

    from trygghetsrad.ui.widgets.roles import Role

    def row_data(self, record, row, column, role):
        if role == Role.KEY:
            return record.id
        ...
    proxy.index(0, 0).data(Role.RECORD)

`Role` is an `IntEnum`: its members are plain ints to Qt, usable wherever a role is asked.
Plain `Qt.UserRole` (without an offset) stays free for `QListWidgetItem`/`QComboBox` data.
"""

from __future__ import annotations

from enum import IntEnum, unique

from PySide6.QtCore import Qt

_BASE = int(Qt.ItemDataRole.UserRole)


@unique
class Role(IntEnum):
    SORT = _BASE + 1
    """The value a column sorts by (a Swedish sort key, a date, a number); cached per record."""
    RECORD = _BASE + 2
    """The whole record a row shows (a frozen dataclass from a service)."""
    SEARCH = _BASE + 3
    """The folded text search-as-you-type matches against (`domain.text.search_text`)."""
    KEY = _BASE + 4
    """What identifies the row's record (its id, or a string key such as "wheel:12")."""
    CATEGORY = _BASE + 5
    """A grouping value a proxy filters on (the wheel's ring, an action's status)."""
