"""The "Nästa möte" dialog: the next meeting of each group (or a joint one) planned at once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time
from typing import Any

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QWidget

from trygghetsrad.domain.meetings.model import NextMeetingPlan, check_times, join_names
from trygghetsrad.domain.register import GroupData
from trygghetsrad.errors import ValidationError
from trygghetsrad.i18n import tr as self_tr
from trygghetsrad.ui.meetings.fields import Save, date_edit, py_date, py_time, time_edit
from trygghetsrad.ui.widgets.date_entry import DateEntry
from trygghetsrad.ui.widgets.form_dialog import FormDialog
from trygghetsrad.ui.widgets.time_entry import TimeEntry


def _row_key(group_ids: tuple[int, ...]) -> str:
    """ "group_3", or "group_3_5" for a joint meeting: where the row's errors are shown."""
    return "group_" + "_".join(str(g) for g in group_ids)


class NextMeetingDialog(FormDialog):
    """ "Nästa möte": one planned meeting per group (or one joint meeting)."""

    def __init__(
        self,
        groups: Sequence[GroupData],
        day: date,
        on_save: Save,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self_tr("Nästa möte"),
            on_save,
            parent,
            intro=self_tr(
                "Planera nästa möte för varje grupp, t.ex. Klara-gruppen kl. 10–12 och "
                "Trygghetsrådet kl. 13–15 samma dag, eller ett gemensamt möte igen. Mötena "
                "läggs in som planerade."
            ),
        )
        self.rows: list[tuple[tuple[int, ...], QCheckBox, DateEntry, TimeEntry, TimeEntry]] = []
        for index, group in enumerate(groups):
            self._add_row((group.id,), group.name, day, time(10 + 3 * index), time(12 + 3 * index))
        if len(groups) > 1:  # a joint meeting: another joint meeting of the same groups
            names = join_names([g.name for g in groups])
            label = self.tr("Gemensamt möte ({groups})").format(groups=names)
            self._add_row(tuple(g.id for g in groups), label, day, time(10), time(12))
            self.rows[-1][1].setChecked(False)
        self.place = self.add_field("place", self.tr("Plats"), QLineEdit())
        self.link = self.add_field(
            "online_link", self.tr("Länk"), QLineEdit(self.tr("digitalt via Teams"))
        )
        self.save_button.setText(self.tr("Planera mötena"))

    def _add_row(
        self, group_ids: tuple[int, ...], label: str, day: date, start_at: time, end_at: time
    ) -> None:
        """One meeting to plan: a group's own, or a joint one of several groups."""
        key = _row_key(group_ids)
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        check = QCheckBox(self.tr("Planera"))
        check.setChecked(True)
        d = date_edit(day, key)
        start = time_edit(start_at, key)
        end = time_edit(end_at, f"{key}_end")
        for widget, name in ((check, "Planera"), (d, "Datum"), (start, "Start"), (end, "Slut")):
            widget.setAccessibleName(f"{label}: {name}")
            box.addWidget(widget)
        self.add_field(key, label, row)
        self.show_errors_of(f"{key}_end", key, end)
        self.rows.append((group_ids, check, d, start, end))

    def values(self) -> dict[str, Any]:
        for gids, check, d, start, end in self.rows:
            if not check.isChecked():
                continue
            py_date(d)  # an impossible date: shown at the group's row
            try:
                check_times(py_time(start), py_time(end))
            except ValidationError as exc:
                raise ValidationError(str(exc), f"{_row_key(gids)}_end") from None
        plans = [
            NextMeetingPlan(
                gids,
                py_date(d),
                py_time(start),
                py_time(end),
                place=self.place.text(),
                online_link=self.link.text(),
            )
            for gids, check, d, start, end in self.rows
            if check.isChecked()
        ]
        return {"plans": plans}
