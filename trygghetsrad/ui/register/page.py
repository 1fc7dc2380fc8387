"""The Register tab (*Personer och grupper*): people, organisations, and groups with members."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.changes import REGISTER, Changes
from trygghetsrad.domain.register import GroupData, MembershipData, OrganisationData, PersonData
from trygghetsrad.errors import UserError
from trygghetsrad.i18n import plural
from trygghetsrad.services import register
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.dialogs.erase_person import install as install_erase_action
from trygghetsrad.ui.register.actions import RegisterActions
from trygghetsrad.ui.register.dialogs import (
    GroupDialog,
    MembershipDialog,
    OrganisationDialog,
    PersonDialog,
)
from trygghetsrad.ui.register.models import role_label
from trygghetsrad.ui.register.views import (
    GroupsView,
    OrganisationsView,
    PeopleView,
    RegisterData,
    period_text,
)
from trygghetsrad.ui.widgets.service_calls import read
from trygghetsrad.ui.widgets.undo_scope import UndoScopedPage

PEOPLE, ORGANISATIONS, GROUPS = 0, 1, 2
PART_KEY = "register/part"  # the part shown last time, remembered like the window's tab


def _settings() -> QSettings:
    return QSettings("Trygghetsrad", "Trygghetsrad")  # the main window's settings file


class RegisterPage(UndoScopedPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAccessibleName(self.tr("Personer och grupper"))
        self.undo_stack = self.own_undo_stack(ctx.undo_group)
        self.actions = RegisterActions(ctx, self.undo_stack, self)
        self.dialog: QDialog | None = None  # the form last opened (tests drive it)
        self.data = RegisterData()

        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Delar av registret"))
        self.nav.setObjectName("registerNav")
        self.nav.setFixedWidth(190)
        self.nav.setStyleSheet(
            "#registerNav { border: none; background: transparent; font-size: 10.5pt;"
            " outline: 0; }"
            "#registerNav::item { padding: 8px 10px; border-radius: 4px; margin: 1px 0; }"
            "#registerNav::item:selected { background: #dbe7f3; color: #10212f; }"
            "#registerNav::item:hover:!selected { background: #eceff3; }"
        )
        for _ in range(3):
            self.nav.addItem(QListWidgetItem())
        caption = QLabel(self.tr("Personer och grupper"))
        caption.setProperty("role", "hint")
        caption.setContentsMargins(10, 4, 0, 6)
        side = QVBoxLayout()
        side.addWidget(caption)
        side.addWidget(self.nav, 1)

        self.people = PeopleView()
        self.organisations = OrganisationsView()
        self.groups = GroupsView()
        self.stack = QStackedWidget()
        for view in (self.people, self.organisations, self.groups):
            self.stack.addWidget(view)
        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 12, 16, 12)
        layout.setSpacing(14)
        layout.addLayout(side)
        layout.addWidget(self.stack, 1)

        self._connect()
        install_erase_action(self)  # "Radera personuppgifter…" in the people table (issue 7)
        # Ctrl+F belongs to the window-wide search; the page's search fields are a Tab away.
        ctx.events.data_changed.connect(self._on_events_data_changed)
        self.refresh()
        part = _settings().value(PART_KEY, PEOPLE)
        self.nav.setCurrentRow(int(part) if str(part).isdigit() and int(part) <= GROUPS else PEOPLE)

    def _connect(self) -> None:
        p, o, g = self.people.panel, self.organisations.panel, self.groups
        p.new_requested.connect(self.new_person)
        p.edit_requested.connect(self.edit_person)
        p.delete_requested.connect(self.delete_person)
        o.new_requested.connect(self.new_organisation)
        o.edit_requested.connect(self.edit_organisation)
        o.delete_requested.connect(self.delete_organisation)
        g.groups.new_requested.connect(self.new_group)
        g.groups.edit_requested.connect(self.edit_group)
        g.groups.delete_requested.connect(self.delete_group)
        g.members.new_requested.connect(self.add_member)
        g.members.edit_requested.connect(self.edit_membership)
        g.members.delete_requested.connect(self.remove_membership)
        g.end_button.clicked.connect(self._on_end_clicked)

    # -- showing -----------------------------------------------------------------------------

    def new_record(self) -> None:
        """Ctrl+N: a new person, organisation or group, after the part shown."""
        (self.new_person, self.new_organisation, self.new_group)[self.stack.currentIndex()]()

    def show_part(self, part: int) -> None:
        self.nav.setCurrentRow(part)

    def focus_search(self) -> None:
        view = self.stack.currentWidget()
        panel = view.members if isinstance(view, GroupsView) else view.panel  # type: ignore[attr-defined]
        panel.search.setFocus()
        panel.search.selectAll()

    def open_record(self, owner: Any) -> bool:
        """Show a person, organisation or group (used by the window-wide search)."""
        parts = {
            "person": (PEOPLE, self.people.panel),
            "organisation": (ORGANISATIONS, self.organisations.panel),
            "group": (GROUPS, self.groups.groups),
        }
        if owner.kind not in parts:
            return False
        part, panel = parts[owner.kind]
        self.show_part(part)
        panel.search.clear()
        if panel.model.row_of(owner.id) < 0:
            return False
        panel.select_id(owner.id)
        panel.table.setFocus()
        return True

    def _on_nav_current_row_changed(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentIndex(row)
            _settings().setValue(PART_KEY, row)

    def _on_events_data_changed(self, changes: Changes) -> None:
        if changes.touches(REGISTER):
            self.refresh()

    def refresh(self) -> None:
        self.data = read(
            self.ctx,
            lambda s: RegisterData(
                people=register.list_people(s),
                organisations=register.list_organisations(s),
                groups=register.list_groups(s),
                memberships=register.list_memberships(s),
            ),
        )
        self.people.set_data(self.data)
        self.organisations.set_data(self.data)
        self.groups.set_data(self.data)
        counts = (len(self.data.people), len(self.data.organisations), len(self.data.groups))
        names = (self.tr("Personer"), self.tr("Organisationer"), self.tr("Grupper"))
        for row, (name, count) in enumerate(zip(names, counts, strict=True)):
            item = self.nav.item(row)
            item.setText(f"{name}  ({count})")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{name}, {count}")

    def _status(self, text: str) -> None:
        self.ctx.events.status_message.emit(text)

    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- people ------------------------------------------------------------------------------

    def new_person(self) -> QDialog:
        def save(values: dict[str, Any]) -> None:
            new_id = self.actions.create_person(values)
            self.people.panel.search.clear()
            self.people.panel.select_id(new_id)

        return self._open(
            PersonDialog(
                save, self.data.organisations, None, self, self.actions.create_organisation
            )
        )

    def edit_person(self, person: PersonData) -> QDialog:
        return self._open(
            PersonDialog(
                lambda values: self.actions.update_person(person.id, values),
                self.data.organisations,
                person,
                self,
                self.actions.create_organisation,
            )
        )

    def delete_person(self, person: PersonData) -> bool:
        blockers, memberships = read(
            self.ctx,
            lambda s: (
                register.person_blockers(s, person.id),
                register.list_memberships(s, person_id=person.id),
            ),
        )
        if blockers:
            QMessageBox.information(
                self,
                self.tr("Personen kan inte tas bort"),
                self.tr(
                    "{name} förekommer fortfarande i: {uses}.\n\nÄndra eller ta bort det som "
                    "hänvisar till personen först; då kan personen tas bort."
                ).format(name=person.name, uses=", ".join(blockers)),
            )
            return False
        if memberships:
            until = self.tr("tills vidare")
            lines = "\n".join(
                f"• {m.group_name}, {role_label(m.role).lower()} ({period_text(m, until)})"
                for m in memberships
            )
            answer = QMessageBox.question(
                self,
                self.tr("Ta bort person"),
                self.tr(
                    "Ta bort {name}?\n\nDessa medlemskap tas bort samtidigt:\n{lines}\n\n"
                    "Du kan ångra med Ctrl+Z."
                ).format(name=person.name, lines=lines),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        if not self._try(lambda: self.actions.delete_person(person.id)):
            return False
        self._status(self.tr("{name} togs bort. Ångra med Ctrl+Z.").format(name=person.name))
        return True

    def _try(self, action: Any) -> bool:
        try:
            action()
        except UserError as exc:
            QMessageBox.information(self, self.tr("Det gick inte"), str(exc))
            return False
        return True

    # -- organisations ---------------------------------------------------------------------

    def new_organisation(self) -> QDialog:
        def save(values: dict[str, Any]) -> None:
            new_id = self.actions.create_organisation(values)
            self.organisations.panel.search.clear()
            self.organisations.panel.select_id(new_id)

        return self._open(OrganisationDialog(save, None, self))

    def edit_organisation(self, org: OrganisationData) -> QDialog:
        return self._open(
            OrganisationDialog(
                lambda values: self.actions.update_organisation(org.id, values), org, self
            )
        )

    def delete_organisation(self, org: OrganisationData) -> bool:
        people = [p.name for p in self.data.people if p.organisation_id == org.id]
        if people:
            QMessageBox.information(
                self,
                self.tr("Organisationen kan inte tas bort"),
                self.tr(
                    "{name} kan inte tas bort eftersom {n} hör till den: {people}."
                    "\n\nFlytta dem till en annan organisation eller ta bort dem först."
                ).format(
                    name=org.name,
                    n=plural(len(people), self.tr("person"), self.tr("personer")),
                    people=", ".join(people),
                ),
            )
            return False
        if not self._try(lambda: self.actions.delete_organisation(org.id)):
            return False
        self._status(self.tr("{name} togs bort. Ångra med Ctrl+Z.").format(name=org.name))
        return True

    # -- groups ----------------------------------------------------------------------------

    def new_group(self) -> QDialog:
        def save(values: dict[str, Any]) -> None:
            new_id = self.actions.create_group(values)
            self.groups.groups.search.clear()
            self.groups.groups.select_id(new_id)

        return self._open(GroupDialog(save, None, self))

    def edit_group(self, group: GroupData) -> QDialog:
        return self._open(
            GroupDialog(lambda values: self.actions.update_group(group.id, values), group, self)
        )

    def delete_group(self, group: GroupData) -> bool:
        count = sum(1 for m in self.data.memberships if m.group_id == group.id)
        text = self.tr("Ta bort gruppen {name}?").format(name=group.name)
        if count:
            text += " " + self.tr("Dess {n} medlemskap tas bort samtidigt.").format(n=count)
        answer = QMessageBox.question(
            self,
            self.tr("Ta bort grupp"),
            text + "\n\n" + self.tr("Du kan ångra med Ctrl+Z."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        if not self._try(lambda: self.actions.delete_group(group.id)):
            return False
        self._status(self.tr("{name} togs bort. Ångra med Ctrl+Z.").format(name=group.name))
        return True

    # -- memberships -----------------------------------------------------------------------

    def add_member(self) -> QDialog | None:
        group = self.groups.current_group()
        if group is None:
            return None

        def save(values: dict[str, Any]) -> None:
            new_id = self.actions.add_membership(group.id, values)
            self.groups.members.search.clear()
            self.groups.members.select_id(new_id)

        return self._open(MembershipDialog(save, group, self.data.people, None, self))

    def edit_membership(self, m: MembershipData, *, ending: bool = False) -> QDialog | None:
        group = self.groups.current_group()
        if group is None:
            return None
        return self._open(
            MembershipDialog(
                lambda values: self.actions.update_membership(m, values, ending=ending),
                group,
                (),
                m,
                self,
                ending=ending,
            )
        )

    def end_membership(self, m: MembershipData) -> QDialog | None:
        return self.edit_membership(m, ending=True)

    def _on_end_clicked(self) -> None:
        m = self.groups.members.current()
        if m is not None:
            self.end_membership(m)

    def remove_membership(self, m: MembershipData) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Ta bort ur gruppen"),
            self.tr(
                "Ta bort {person} ur {group}?\n\nVill du bara att medlemskapet ska upphöra, "
                "välj i stället Avsluta medlemskap så syns det i gruppens historik."
            ).format(person=m.person_name, group=m.group_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self._try(lambda: self.actions.delete_membership(m))
