"""Dialogs of the meetings page: new meeting, finalise, reopen, action, guest (next meetings:
next_meeting.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, time
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from trygghetsrad.domain.meetings import (
    ActionStatus,
    MeetingKind,
    Responsible,
    join_names,
)
from trygghetsrad.domain.register import GroupData, OrganisationData, PersonData
from trygghetsrad.i18n import plural
from trygghetsrad.i18n import tr as self_tr
from trygghetsrad.ui.widgets.check_list import CheckList
from trygghetsrad.ui.widgets.date_entry import DateEntry, OptionalDateEntry
from trygghetsrad.ui.widgets.form_dialog import FormDialog
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


def py_time(edit: TimeEntry) -> time:
    """The typed time; ValidationError at its field when it is no time."""
    return edit.checked()


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
            "day": py_date(self.day),  # type: ignore[arg-type]
            "start_time": py_time(self.start),
            "end_time": py_time(self.end),
            "kind": self.kind.currentData(),
            "place": self.place.text(),  # type: ignore[attr-defined]
            "online_link": self.link.text(),  # type: ignore[attr-defined]
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
        self.name.setPlaceholderText(self.tr("t.ex. Trygghetsrådet"))  # type: ignore[attr-defined]
        self.save_button.setText(self.tr("Skapa grupp och fortsätt"))
        self.save_button.setAccessibleName(self.tr("Skapa grupp och fortsätt"))
        self.register_button = self.buttons.addButton(
            self.tr("Gå till Register"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.register_button.setAccessibleName(self.tr("Gå till Register"))

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text()}  # type: ignore[attr-defined]


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
            "on": py_date(self.day),  # type: ignore[arg-type]
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
        self.back_button = QPushButton(self.tr("Tillbaka till Uppgifter om mötet"))
        self.back_button.setAccessibleName(self.back_button.text())
        self.buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.back_button.clicked.connect(self._go_back)
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
                    "Närvaron är inte angiven för {people}; de står under ”Närvaro ej angiven”."
                ).format(people=plural(self._unmarked, self.tr("person"), self.tr("personer")))
                if self._unmarked > 1
                else self.tr(
                    "Närvaron är inte angiven för en person, som står under ”Närvaro ej angiven”."
                )
            )
        if self.adjuster is not None and self.adjuster.currentData() is None:
            parts.append(self.tr("Välj justerare ovan: ett protokoll justeras inte utan."))
        self.warning.setText(" ".join(parts))
        self.warning.setVisible(bool(parts))
        back = bool(self._missing or self._unmarked)  # the justerare is chosen here
        self.back_button.setVisible(back)
        self.back_button.setDefault(back)  # Enter goes back, not on
        self.save_button.setDefault(not back)

    def _go_back(self) -> None:
        self.reject()
        self.went_back.emit("details" if self._missing else "attendance")


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
        return {"note": self.note.toPlainText()}  # type: ignore[attr-defined]


class ActionDialog(FormDialog):
    """An action item: what, who (one or more people and/or organisations), due date, internal."""

    def __init__(
        self,
        people: Sequence[PersonData],
        organisations: Sequence[OrganisationData],
        on_save: Save,
        parent: QWidget | None = None,
        *,
        values: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(self_tr("Uppdrag"), on_save, parent)
        values = values or {}
        self.what = self.add_field("what", self.tr("Uppdrag"), QLineEdit(values.get("what", "")))
        self._names: dict[tuple[str, int], str] = {}
        self.who = QComboBox()
        self.who.setAccessibleName(self.tr("Ansvarig att lägga till"))
        self.who.addItem(self.tr("(ingen ansvarig)"), None)
        for person in people:
            self.who.addItem(person.name, ("person", person.id))
            self._names[("person", person.id)] = person.name
        for org in organisations:
            self.who.addItem(org.name, ("organisation", org.id))
            self._names[("organisation", org.id)] = org.name
        self.add_who = QPushButton(self.tr("Lägg till ansvarig"))
        self.add_who.setAccessibleName(self.tr("Lägg till ansvarig"))
        self.add_who.clicked.connect(self._on_add_who_clicked)
        who_row = QWidget()
        who_layout = QHBoxLayout(who_row)
        who_layout.setContentsMargins(0, 0, 0, 0)
        who_layout.addWidget(self.who, 1)
        who_layout.addWidget(self.add_who)
        self.add_field("responsible", self.tr("Ansvarig"), who_row)
        # Everyone responsible: "Samordnaren samt kommunpolisen" is one action with two.
        self.chosen = QListWidget()
        self.chosen.setAccessibleName(self.tr("Ansvariga för uppdraget"))
        self.chosen.setMaximumHeight(72)
        self.remove_who = QPushButton(self.tr("Ta bort ansvarig"))
        self.remove_who.clicked.connect(self._on_remove_who_clicked)
        chosen_row = QWidget()
        chosen_layout = QHBoxLayout(chosen_row)
        chosen_layout.setContentsMargins(0, 0, 0, 0)
        chosen_layout.addWidget(self.chosen, 1)
        chosen_layout.addWidget(self.remove_who, 0, Qt.AlignmentFlag.AlignTop)
        self.add_field("responsibles", self.tr("Ansvariga"), chosen_row)
        for r in values.get("responsibles", ()):
            if r.person_id is not None and r.organisation_id is not None:
                self._add_chosen(("pair", r.person_id, r.organisation_id), r.name)
            elif r.person_id is not None:
                self._add_chosen(("person", r.person_id), r.name)
            elif r.organisation_id is not None:
                self._add_chosen(("organisation", r.organisation_id), r.name)
        self.due = OptionalDateEntry(self.tr("Har slutdatum"), values.get("due_date"))
        self.due.setAccessibleName(self.tr("Klart senast"))
        self.add_field("due_date", self.tr("Klart senast"), self.due)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        for status in ActionStatus:
            self.status.addItem(status.label, status.value)
        self.status.setCurrentIndex(
            self.status.findData(ActionStatus(values.get("status", ActionStatus.OPEN)).value)
        )
        self.add_field("status", self.tr("Status"), self.status)
        self.internal = QCheckBox(self.tr("Intern (tas inte med i utskick)"))
        self.internal.setChecked(bool(values.get("internal")))
        self.add_field("internal", "", self.internal)

    def _add_chosen(self, key: tuple[Any, ...], name: str) -> None:
        if any(
            self.chosen.item(i).data(Qt.ItemDataRole.UserRole) == key
            for i in range(self.chosen.count())
        ):
            return
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.chosen.addItem(item)

    def _on_add_who_clicked(self) -> None:
        key = self.who.currentData()
        if key is not None:
            self._add_chosen(tuple(key), self.who.currentText())
            self.who.setCurrentIndex(0)

    def _on_remove_who_clicked(self) -> None:
        for item in self.chosen.selectedItems():
            self.chosen.takeItem(self.chosen.row(item))

    def values(self) -> dict[str, Any]:
        keys = [
            self.chosen.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.chosen.count())
        ]
        pending = self.who.currentData()  # picked but not added: meant all the same
        if pending is not None and tuple(pending) not in keys:
            keys.append(tuple(pending))
        responsibles = []
        for key in keys:
            if key[0] == "pair":
                responsibles.append(Responsible(key[1], key[2]))
            elif key[0] == "person":
                responsibles.append(Responsible(person_id=key[1]))
            else:
                responsibles.append(Responsible(organisation_id=key[1]))
        return {
            "what": self.what.text(),  # type: ignore[attr-defined]
            "responsibles": responsibles,
            "due_date": self.due.value(),
            "internal": self.internal.isChecked(),
            "status": self.status.currentData(),
        }


class GuestDialog(FormDialog):
    def __init__(
        self,
        people: Sequence[PersonData],
        members: Sequence[tuple[int, str]],
        on_save: Save,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self_tr("Lägg till adjungerad eller ersättare"), on_save, parent)
        self.person = person_combo(people, None, self.tr("(person utanför registret)"))
        self.add_field("person_id", self.tr("Person"), self.person)
        self.name = self.add_field("name", self.tr("Namn"), QLineEdit())
        self.org = self.add_field("organisation", self.tr("Organisation"), QLineEdit())
        self.substitute = QComboBox()
        self.substitute.addItem(self.tr("Adjungerad (gäst)"), None)
        for person_id, name in members:
            self.substitute.addItem(self.tr("Ersättare för {name}").format(name=name), person_id)
        self.add_field("substitute_for_id", self.tr("Deltar som"), self.substitute)

    def values(self) -> dict[str, Any]:
        substitute = self.substitute.currentData()
        return {
            "person_id": self.person.currentData(),
            "name": self.name.text(),  # type: ignore[attr-defined]
            "organisation": self.org.text(),  # type: ignore[attr-defined]
            "presence": "substitute" if substitute else "guest",
            "substitute_for_id": substitute,
        }
