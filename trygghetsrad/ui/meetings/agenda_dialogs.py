"""The agenda's dialogs: an action item (what, who, when) and a group's agenda template."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from trygghetsrad.domain.meetings.model import ActionStatus, Responsible
from trygghetsrad.domain.register import OrganisationData, PersonData
from trygghetsrad.i18n import tr as text_tr
from trygghetsrad.ui.meetings.fields import Save
from trygghetsrad.ui.widgets.date_entry import OptionalDateEntry
from trygghetsrad.ui.widgets.form_dialog import FormDialog


class TemplateDialog(FormDialog):
    def __init__(
        self,
        group_name: str,
        name: str,
        items: tuple[str, ...] | list[str],
        on_save: Callable[[dict[str, Any]], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            text_tr("Dagordningsmall för {group}").format(group=group_name),
            on_save,
            parent,
            intro=text_tr("En punkt per rad. Nya möten för gruppen får de här punkterna."),
        )
        self.name = self.add_field("name", self.tr("Namn"), QLineEdit(name))
        edit = QPlainTextEdit("\n".join(items))
        edit.setTabChangesFocus(True)
        self.items = self.add_field("items", self.tr("Punkter"), edit)

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "items": self.items.toPlainText().splitlines(),
        }


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
        super().__init__(text_tr("Uppdrag"), on_save, parent)
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
        # The one picked in the combo and not yet added: it is saved all the same, so the
        # list shows it at once (an empty list read as if nobody was chosen).
        self._pending: QListWidgetItem | None = None
        self.who.currentIndexChanged.connect(self._show_pending)
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

    def _show_pending(self) -> None:
        if self._pending is not None:
            self.chosen.takeItem(self.chosen.row(self._pending))
            self._pending = None
        key = self.who.currentData()
        if key is None:
            return
        count = self.chosen.count()
        self._add_chosen(tuple(key), self.who.currentText())
        if self.chosen.count() > count:
            self._pending = self.chosen.item(count)

    def _on_add_who_clicked(self) -> None:
        key = self.who.currentData()
        if key is not None:
            self._add_chosen(tuple(key), self.who.currentText())
            self._pending = None  # kept: the combo is free for the next one
            self.who.setCurrentIndex(0)

    def _on_remove_who_clicked(self) -> None:
        for item in self.chosen.selectedItems():
            if item is self._pending:
                self._pending = None
                self.who.setCurrentIndex(0)  # else it would be saved all the same
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
            "what": self.what.text(),
            "responsibles": responsibles,
            "due_date": self.due.value(),
            "internal": self.internal.isChecked(),
            "status": self.status.currentData(),
        }
