"""The three parts of the register page: people, organisations, and groups with members."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QPushButton, QSplitter, QVBoxLayout, QWidget

from trygghetsrad.domain.register import (
    GroupData,
    MembershipData,
    OrganisationData,
    PersonData,
)
from trygghetsrad.domain.text import sort_key
from trygghetsrad.i18n import plural
from trygghetsrad.ui.register.models import (
    GroupsModel,
    MembershipsModel,
    MembershipsProxy,
    OrganisationsModel,
    PeopleModel,
    date_text,
    kind_label,
    role_label,
)
from trygghetsrad.ui.register.panel import RecordPanel
from trygghetsrad.ui.widgets.detail_card import DetailCard


@dataclass
class RegisterData:
    people: list[PersonData] = field(default_factory=list)
    organisations: list[OrganisationData] = field(default_factory=list)
    groups: list[GroupData] = field(default_factory=list)
    memberships: list[MembershipData] = field(default_factory=list)


def period_text(m: MembershipData, until: str) -> str:
    if m.from_date and m.to_date:
        return f"{date_text(m.from_date)} – {date_text(m.to_date)}"
    if m.from_date:
        return f"{date_text(m.from_date)} – {until}"
    if m.to_date:
        return f"– {date_text(m.to_date)}"
    return until


def _splitter(left: QWidget, right: QWidget, sizes: tuple[int, int]) -> QSplitter:
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.setChildrenCollapsible(False)
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setStretchFactor(0, 3)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes(list(sizes))
    return splitter


class PeopleView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PeopleModel(self)
        self.panel = RecordPanel(
            self.model,
            heading=self.tr("Personer"),
            noun=self.tr("personer"),
            new_text=self.tr("Ny person…"),
            search_hint=self.tr("Sök namn, titel, organisation, e-post…"),
            empty_title=self.tr("Inga personer ännu"),
            empty_text=self.tr(
                "Lägg till de personer som deltar i rådets och gruppernas arbete: "
                "ledamöter, ersättare och andra kontakter. Tryck Insert eller välj Ny person."
            ),
        )
        self.card = DetailCard(self.tr("Välj en person i listan för att se detaljer."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_splitter(self.panel, self.card, (760, 320)))
        self._memberships: list[MembershipData] = []
        self.panel.current_changed.connect(self._show)
        self.panel.fit_columns(1, 2)

    def set_data(self, data: RegisterData) -> None:
        current = self.panel.current()
        self._memberships = data.memberships
        self.model.set_rows(data.people)
        self.panel.select_id(current.id if current else None)
        self._show(self.panel.current())

    def _show(self, person: PersonData | None) -> None:
        if person is None:
            self.card.show_record(None)
            return
        today = date.today()
        until = self.tr("tills vidare")
        mine = sorted(
            (m for m in self._memberships if m.person_id == person.id),
            key=lambda m: (not m.active_on(today), sort_key(m.group_name)),
        )
        items = []
        for m in mine:
            ended = m.to_date is not None and m.to_date < today
            line = f"{m.group_name} – {role_label(m.role).lower()}\n{period_text(m, until)}"
            items.append(line + (self.tr(" (avslutat)") if ended else ""))
        self.card.show_record(
            person.name,
            ", ".join(x for x in (person.title, person.organisation_name) if x),
            [
                (self.tr("E-post"), person.email),
                (self.tr("Telefon"), person.phone),
                *([(self.tr("Anteckning"), person.note)] if person.note else []),
            ],
            self.tr("Medlemskap"),
            items,
            self.tr("Inte medlem i någon grupp."),
        )


class OrganisationsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = OrganisationsModel(self)
        self.panel = RecordPanel(
            self.model,
            heading=self.tr("Organisationer"),
            noun=self.tr("organisationer"),
            new_text=self.tr("Ny organisation…"),
            search_hint=self.tr("Sök organisation eller typ…"),
            empty_title=self.tr("Inga organisationer ännu"),
            empty_text=self.tr(
                "Lägg till kommunen och de organisationer som samverkar i rådet: polisen, "
                "skolor, socialtjänsten, räddningstjänsten, bostadsbolaget och föreningar."
            ),
        )
        self.card = DetailCard(
            self.tr("Välj en organisation i listan för att se vilka som hör dit.")
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_splitter(self.panel, self.card, (760, 320)))
        self._people: list[PersonData] = []
        self.panel.current_changed.connect(self._show)
        self.panel.fit_columns(0)

    def set_data(self, data: RegisterData) -> None:
        current = self.panel.current()
        self._people = data.people
        self.model.set_rows(data.organisations)
        self.panel.select_id(current.id if current else None)
        self._show(self.panel.current())

    def _show(self, org: OrganisationData | None) -> None:
        if org is None:
            self.card.show_record(None)
            return
        people = sorted(
            (p for p in self._people if p.organisation_id == org.id), key=lambda p: sort_key(p.name)
        )
        self.card.show_record(
            org.name,
            kind_label(org.kind),
            [(self.tr("Anteckning"), org.note)] if org.note else [],
            self.tr("Personer"),
            [f"{p.name}, {p.title}" if p.title else p.name for p in people],
            self.tr("Ingen person hör till organisationen ännu."),
        )


class GroupsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups_model = GroupsModel(self)
        self.groups = RecordPanel(
            self.groups_model,
            heading=self.tr("Grupper"),
            noun=self.tr("grupper"),
            new_text=self.tr("Ny grupp…"),
            search_hint=self.tr("Sök grupp…"),
            empty_title=self.tr("Inga grupper ännu"),
            empty_text=self.tr(
                "Skapa rådet och dess arbetsgrupper, till exempel Trygghetsrådet och "
                "Klara-gruppen, och lägg sedan till medlemmar."
            ),
        )
        self.groups.search.setMinimumWidth(120)
        self.members_model = MembershipsModel(self)
        self.members = RecordPanel(
            self.members_model,
            heading=self.tr("Medlemmar"),
            noun=self.tr("medlemmar"),
            new_text=self.tr("Lägg till medlem…"),
            search_hint=self.tr("Sök bland medlemmarna…"),
            empty_title=self.tr("Inga medlemmar"),
            empty_text=self.tr(
                "Lägg till personer ur registret med deras roll: ordförande, samordnare, "
                "ledamot, ersättare eller adjungerad."
            ),
            delete_text=self.tr("Ta bort ur gruppen"),
            proxy=MembershipsProxy(self),
        )
        self.members_proxy: MembershipsProxy = self.members.proxy  # type: ignore[assignment]
        self.end_button = QPushButton(self.tr("Avsluta medlemskap…"))
        self.end_button.setAccessibleName(self.tr("Avsluta medlemskap"))
        self.members.extra_buttons.insertWidget(2, self.end_button)
        self.show_former = QCheckBox(self.tr("Visa avslutade"))
        self.show_former.setAccessibleName(self.tr("Visa avslutade medlemskap"))
        self.show_former.toggled.connect(self._on_show_former_toggled)
        # Beside the search, not in the row of buttons: that row must fit a laptop at 125 %.
        self.members.top_row.insertWidget(2, self.show_former)
        self.members.fit_columns(2)

        right = self.right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(12, 0, 0, 0)
        self.card = DetailCard(self.tr("Välj en grupp för att se dess medlemmar."))
        self.card.setMinimumWidth(0)
        right_layout.addWidget(self.card, 0)
        right_layout.addWidget(self.members, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = _splitter(self.groups, right, (300, 780))
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter)
        self.groups.fit_columns(0)
        self._data = RegisterData()
        self.groups.current_changed.connect(lambda _g: self._show_members())
        self.members.current_changed.connect(lambda _m: self._update_member_buttons())

    def current_group(self) -> GroupData | None:
        group = self.groups.current()
        return group if isinstance(group, GroupData) else None

    def set_data(self, data: RegisterData) -> None:
        self._data = data
        current = self.groups.current()
        self.groups_model.set_rows(data.groups)
        self.groups.select_id(current.id if current else None)
        self._show_members()

    def _show_members(self) -> None:
        group = self.current_group()
        member = self.members.current()
        rows = [m for m in self._data.memberships if group and m.group_id == group.id]
        self.members_model.set_rows(rows)
        self.members.setVisible(group is not None)
        self.right.setVisible(bool(self._data.groups))
        if group is None:
            self.card.show_record(None)
        else:
            former = sum(1 for m in rows if self.members_model.is_former(m))
            subtitle = plural(group.member_count, self.tr("medlem"), self.tr("medlemmar"))
            if former:
                subtitle += self.tr(", {n} tidigare").format(n=former)
            self.card.show_record(group.name, subtitle, [])
            self.card.items.hide()
            if group.description:
                self.card.section.setText(group.description)
                self.card.section.setStyleSheet("color: #33404d;")
                self.card.section.setWordWrap(True)
                self.card.section.show()
            self.card.setMaximumHeight(self.card.sizeHint().height())
        self.members.select_id(member.id if member else None)
        self._update_member_buttons()

    def _update_member_buttons(self) -> None:
        m = self.members.current()
        self.end_button.setEnabled(
            m is not None and (m.to_date is None or m.to_date >= date.today())
        )

    def _on_show_former_toggled(self, show: bool) -> None:
        member = self.members.current()
        self.members_proxy.set_show_former(show)
        self.members.select_id(member.id if member else None)
        self.members.refresh_buttons()
