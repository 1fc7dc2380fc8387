"""Dialogs of a meeting's lifecycle: new meeting (or first group), finalise, reopen (the
agenda's dialogs: agenda_dialogs.py; next meetings: next_meeting.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from trygghetsrad.domain.meetings.model import MeetingKind, join_names
from trygghetsrad.domain.register import GroupData, PersonData
from trygghetsrad.i18n import plural
from trygghetsrad.i18n import tr as self_tr
from trygghetsrad.ui.meetings.fields import (
    GroupChecklist,
    Save,
    date_edit,
    person_combo,
    py_date,
    py_time,
    time_edit,
)
from trygghetsrad.ui.widgets.form_dialog import FormDialog


class MeetingDialog(FormDialog):
    """A new meeting: groups, date, time, type and place."""

    def __init__(
        self,
        groups: Sequence[GroupData],
        on_save: Save,
        parent: QWidget | None = None,
        *,
        day: date | None = None,
        group_ids: Sequence[int] = (),
    ) -> None:
        super().__init__(self_tr("Nytt möte"), on_save, parent)
        self.groups = GroupChecklist(groups, group_ids or ([groups[0].id] if groups else []))
        self.add_field("group_ids", self.tr("Grupper"), self.groups)
        self.day = self.add_field("day", self.tr("Datum"), date_edit(day or date.today()))
        times = QWidget()
        row = QHBoxLayout(times)
        row.setContentsMargins(0, 0, 0, 0)
        self.start = time_edit(time(10), "start_time")
        self.end = time_edit(time(12), "end_time")
        self.start.setAccessibleName(self.tr("Starttid"))
        self.end.setAccessibleName(self.tr("Sluttid"))
        row.addWidget(self.start)
        row.addWidget(self.end)
        row.addStretch(1)
        self.add_field("start_time", self.tr("Tid"), times)
        self.show_errors_of("end_time", "start_time", self.end)
        self.kind = QComboBox()
        for kind in MeetingKind:
            self.kind.addItem(kind.label, kind.value)
        self.add_field("kind", self.tr("Typ"), self.kind)
        self.place = self.add_field("place", self.tr("Plats"), QLineEdit())
        link = QLineEdit()
        link.setPlaceholderText(self.tr("t.ex. digitalt via Teams"))
        self.link = self.add_field("online_link", self.tr("Länk"), link)
        self.template = QCheckBox(self.tr("Fyll dagordningen från gruppens mall"))
        self.template.setChecked(True)
        self.add_field("template", "", self.template)

    def values(self) -> dict[str, Any]:
        return {
            "group_ids": self.groups.checked_ids(),
            "day": py_date(self.day),
            "start_time": py_time(self.start),
            "end_time": py_time(self.end),
            "kind": self.kind.currentData(),
            "place": self.place.text(),
            "online_link": self.link.text(),
            "template": self.template.isChecked(),
        }


class FirstGroupDialog(FormDialog):
    """ "Nytt möte" in an empty register: a meeting belongs to a group, so create one first."""

    def __init__(self, on_save: Save, parent: QWidget | None = None) -> None:
        super().__init__(
            self_tr("Ny grupp"),
            on_save,
            parent,
            intro=self_tr(
                "Det finns inga grupper ännu. Ett möte hålls av en grupp, till exempel "
                "Trygghetsrådet. Skapa gruppen här (medlemmar lägger du till under Register) "
                "eller gå till Register."
            ),
        )
        self.name = self.add_field("name", self.tr("Gruppens namn"), QLineEdit())
        self.name.setPlaceholderText(self.tr("t.ex. Trygghetsrådet"))
        self.save_button.setText(self.tr("Skapa grupp och fortsätt"))
        self.save_button.setAccessibleName(self.tr("Skapa grupp och fortsätt"))
        self.register_button = self.buttons.addButton(
            self.tr("Gå till Register"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.register_button.setAccessibleName(self.tr("Gå till Register"))

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text()}


class FinaliseDialog(FormDialog):
    """Justera/Fastställ: the date and (for a protocol) the justerare. When the meeting names
    no chair or minute-taker, or someone's attendance is not marked, it says so and offers to
    go back (`went_back` says where: "details" or "attendance")."""

    went_back = Signal(str)

    def __init__(
        self,
        people: Sequence[PersonData],
        adjuster_id: int | None,
        day: date,
        protocol: bool,
        on_save: Save,
        parent: QWidget | None = None,
        *,
        missing: Sequence[str] = (),
        unmarked: int = 0,
    ) -> None:
        title = (
            self_tr("Justera protokollet")
            if protocol
            else self_tr("Fastställ minnesanteckningarna")
        )
        super().__init__(title, on_save, parent)
        self.day = self.add_field("finalised_on", self.tr("Datum"), date_edit(day))
        self.adjuster: QComboBox | None = None
        if protocol:  # minnesanteckningar have no justerare
            self.adjuster = person_combo(people, adjuster_id, self.tr("(ingen)"))
            self.add_field("adjuster_id", self.tr("Justerare"), self.adjuster)
        self.save_button.setText(title)
        self._unmarked = unmarked
        self._build_warning(list(missing), protocol)

    def values(self) -> dict[str, Any]:
        return {
            "on": py_date(self.day),
            "adjuster_id": self.adjuster.currentData() if self.adjuster else None,
        }

    def _build_warning(self, missing: list[str], protocol: bool) -> None:
        self._missing = missing
        self._protocol = protocol
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setProperty("role", "error")
        self.warning.setAccessibleName(self.tr("Det som saknas"))
        self.layout().insertWidget(self.layout().indexOf(self.general_error), self.warning)
        # One button per problem, each naming the tab that fixes it (the tabs' own names).
        self.back_buttons = {
            "details": QPushButton(self.tr("Tillbaka till Uppgifter om mötet")),
            "attendance": QPushButton(self.tr("Tillbaka till Närvaro")),
        }
        for where, button in self.back_buttons.items():
            button.setAccessibleName(button.text())
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ResetRole)
            button.clicked.connect(lambda _=False, where=where: self._go_back(where))
        if self.adjuster is not None:
            self.adjuster.currentIndexChanged.connect(self._update_warning)
        self._update_warning()

    def _update_warning(self) -> None:
        parts = []
        if self._missing:
            parts.append(
                self.tr(
                    "Mötet saknar {missing}. I dokumentet står det ”ej angiven” där namnet ska "
                    "stå. Gå tillbaka och fyll i, eller {verb} ändå."
                ).format(
                    missing=join_names(self._missing),
                    verb=self.tr("justera") if self._protocol else self.tr("fastställ"),
                )
            )
        if self._unmarked:
            parts.append(
                self.tr(
                    "Närvaron är inte angiven för {people}: de har ”Ej angiven” under Närvaro "
                    "och står under ”Närvaro ej angiven” i dokumentet."
                ).format(people=plural(self._unmarked, self.tr("person"), self.tr("personer")))
                if self._unmarked > 1
                else self.tr(
                    "Närvaron är inte angiven för en person: hen har ”Ej angiven” under Närvaro "
                    "och står under ”Närvaro ej angiven” i dokumentet."
                )
            )
        if self.adjuster is not None and self.adjuster.currentData() is None:
            parts.append(self.tr("Välj justerare ovan: ett protokoll justeras inte utan."))
        self.warning.setText(" ".join(parts))
        self.warning.setVisible(bool(parts))
        # The justerare is chosen here; Enter goes back to the first problem, not on.
        shown = {"details": bool(self._missing), "attendance": bool(self._unmarked)}
        first = next((where for where, show in shown.items() if show), None)
        for where, button in self.back_buttons.items():
            button.setVisible(shown[where])
            button.setDefault(where == first)
        self.save_button.setDefault(first is None)

    def _go_back(self, where: str) -> None:
        self.reject()
        self.went_back.emit(where)


class ReopenDialog(FormDialog):
    def __init__(
        self, on_save: Save, parent: QWidget | None = None, *, protocol: bool = True
    ) -> None:
        super().__init__(
            self_tr("Öppna för ändring"),
            on_save,
            parent,
            intro=self_tr(
                "Protokollet är skickat och är en allmän handling. Skriv vad som ändras och "
                "varför; det sparas och PDF:en visar revideringsdatumet."
            )
            if protocol
            else self_tr(
                "Minnesanteckningarna är skickade och är en allmän handling. Skriv vad som "
                "ändras och varför; det sparas och PDF:en visar revideringsdatumet."
            ),
        )
        self.note = self.add_field("note", self.tr("Vad som ändras"), QPlainTextEdit())
        self.note.setMaximumHeight(90)
        self.save_button.setText(self.tr("Öppna för ändring"))

    def values(self) -> dict[str, Any]:
        return {"note": self.note.toPlainText()}
