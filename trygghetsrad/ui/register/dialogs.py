"""Forms of the register: person, organisation, group and membership."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from trygghetsrad.domain.register import (
    GroupData,
    MembershipData,
    OrganisationData,
    OrganisationKind,
    PersonData,
    Role,
)
from trygghetsrad.ui.widgets.date_entry import OptionalDateEntry as OptionalDateEdit
from trygghetsrad.ui.widgets.form_dialog import FormDialog

Save = Callable[[dict[str, Any]], object]


def _line(text: str = "", placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    return edit


def _note(text: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(84)
    return edit


class PersonDialog(FormDialog):
    def __init__(
        self,
        on_save: Save,
        organisations: Sequence[OrganisationData],
        person: PersonData | None = None,
        parent: QWidget | None = None,
        create_organisation: Callable[[dict[str, Any]], int] | None = None,
    ) -> None:
        title = self.tr("Ny person") if person is None else self.tr("Ändra person")
        super().__init__(title, on_save, parent)
        self._create_organisation = create_organisation
        self.organisation_dialog: OrganisationDialog | None = None
        p = person
        self.name = self.add_field(
            "name", self.tr("&Namn"), _line(p.name if p else "", self.tr("För- och efternamn"))
        )
        self.title_edit = self.add_field(
            "title", self.tr("&Titel"), _line(p.title if p else "", self.tr("t.ex. Kommunpolis"))
        )
        self.organisation = QComboBox()
        self.organisation.addItem(self.tr("(ingen organisation)"), None)
        for org in organisations:
            self.organisation.addItem(org.name, org.id)
        if p and p.organisation_id is not None:
            self.organisation.setCurrentIndex(max(0, self.organisation.findData(p.organisation_id)))
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.organisation, 1)
        self.new_organisation_button = QPushButton(self.tr("Ny…"))
        self.new_organisation_button.setAccessibleName(self.tr("Ny organisation"))
        self.new_organisation_button.setToolTip(self.tr("Lägg till en organisation som saknas"))
        self.new_organisation_button.setAutoDefault(False)
        self.new_organisation_button.clicked.connect(self._on_new_organisation_clicked)
        self.new_organisation_button.setVisible(create_organisation is not None)
        row_layout.addWidget(self.new_organisation_button)
        self.add_field("organisation_id", self.tr("&Organisation"), row)
        self.organisation.setAccessibleName(self.tr("Organisation"))
        self.email = self.add_field(
            "email", self.tr("&E-post"), _line(p.email if p else "", "namn@kommun.se")
        )
        self.phone = self.add_field(
            "phone", self.tr("Tele&fon"), _line(p.phone if p else "", "070-123 45 67")
        )
        self.note = self.add_field("note", self.tr("Anteckn&ing"), _note(p.note if p else ""))

    def _on_new_organisation_clicked(self) -> None:
        create = self._create_organisation
        if create is None:
            return

        def save(values: dict[str, Any]) -> None:
            new_id = create(values)
            self.organisation.addItem(values["name"].strip(), new_id)
            self.organisation.setCurrentIndex(self.organisation.count() - 1)

        self.organisation_dialog = OrganisationDialog(save, None, self)
        self.organisation_dialog.open()

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "title": self.title_edit.text(),
            "organisation_id": self.organisation.currentData(),
            "email": self.email.text(),
            "phone": self.phone.text(),
            "note": self.note.toPlainText(),
        }


class OrganisationDialog(FormDialog):
    def __init__(
        self,
        on_save: Save,
        organisation: OrganisationData | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            self.tr("Ny organisation") if organisation is None else self.tr("Ändra organisation")
        )
        super().__init__(title, on_save, parent)
        o = organisation
        self.name = self.add_field(
            "name", self.tr("&Namn"), _line(o.name if o else "", self.tr("t.ex. Polisen"))
        )
        self.kind = QComboBox()
        for kind in OrganisationKind:
            self.kind.addItem(kind.label, kind.value)
        self.kind.setCurrentIndex(
            max(0, self.kind.findData(o.kind if o else OrganisationKind.OTHER.value))
        )
        self.add_field("kind", self.tr("&Typ"), self.kind)
        self.note = self.add_field("note", self.tr("Anteckn&ing"), _note(o.note if o else ""))

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "kind": self.kind.currentData(),
            "note": self.note.toPlainText(),
        }


class GroupDialog(FormDialog):
    def __init__(
        self, on_save: Save, group: GroupData | None = None, parent: QWidget | None = None
    ) -> None:
        title = self.tr("Ny grupp") if group is None else self.tr("Ändra grupp")
        super().__init__(title, on_save, parent)
        g = group
        self.name = self.add_field(
            "name", self.tr("&Namn"), _line(g.name if g else "", self.tr("t.ex. Trygghetsrådet"))
        )
        self.description = self.add_field(
            "description", self.tr("&Beskrivning"), _note(g.description if g else "")
        )

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text(), "description": self.description.toPlainText()}


class MembershipDialog(FormDialog):
    """Add a person to a group, or change (or end) a membership's role and period."""

    def __init__(
        self,
        on_save: Save,
        group: GroupData,
        people: Sequence[PersonData] = (),
        membership: MembershipData | None = None,
        parent: QWidget | None = None,
        *,
        ending: bool = False,
    ) -> None:
        if membership is None:
            title = self.tr("Lägg till medlem i {group}").format(group=group.name)
        elif ending:
            title = self.tr("Avsluta medlemskap")
        else:
            title = self.tr("Ändra medlemskap")
        intro = ""
        if ending and membership is not None:
            intro = self.tr(
                "{person} finns kvar i gruppens historik som tidigare medlem efter slutdatumet."
            ).format(person=membership.person_name)
        super().__init__(title, on_save, parent, intro)
        m = membership
        self.person: QComboBox | None = None
        if m is None:
            self.person = QComboBox()
            self.person.addItem(self.tr("Välj person…"), None)
            for p in people:
                label = f"{p.name} – {p.organisation_name}" if p.organisation_name else p.name
                self.person.addItem(label, p.id)
            self.add_field("person_id", self.tr("&Person"), self.person)
        else:
            self.add_field("person_id", self.tr("Person"), _readonly(m.person_name))
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role.label, role.value)
        self.role.setCurrentIndex(max(0, self.role.findData(m.role if m else Role.MEMBER.value)))
        self.add_field("role", self.tr("&Roll"), self.role)
        # A new member has no start date unless one is given: the register is often built
        # after the group has met, and a start of "today" would leave every earlier meeting
        # without its members.
        self.from_date = OptionalDateEdit(self.tr("Från och med"), m.from_date if m else None)
        self.add_field(
            "from_date",
            self.tr("&Från"),
            self.from_date,
            self.tr("Utan startdatum räknas personen som medlem vid alla gruppens möten."),
        )
        self.to_date = OptionalDateEdit(self.tr("Till och med"), m.to_date if m else None)
        self.add_field(
            "to_date",
            self.tr("&Till"),
            self.to_date,
            self.tr("Utan slutdatum gäller medlemskapet tills vidare."),
        )
        if ending:
            self.to_date.set_value(date.today())
            self.save_button.setText(self.tr("Avsluta"))
            self.to_date.edit.setFocus()

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "role": self.role.currentData(),
            "from_date": self.from_date.value(),
            "to_date": self.to_date.value(),
        }
        if self.person is not None:
            values["person_id"] = self.person.currentData()
        return values


def _readonly(text: str) -> QLineEdit:
    edit = QLineEdit(text)
    edit.setReadOnly(True)
    edit.setFrame(False)
    return edit
