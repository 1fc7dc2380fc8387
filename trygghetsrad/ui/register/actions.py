"""Register changes as undoable edits on the house edit path (`ui/widgets/journal_command`).

Each change runs its service once under the journal, which records every row it touched
(the memberships deleted with a person included); undo and redo replay that record, so a
recreated record keeps its id and no change needs a hand-written inverse. A first run that
fails raises to the caller, so that a form shows the message under its field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from trygghetsrad.domain.register import MembershipData
from trygghetsrad.errors import ValidationError
from trygghetsrad.services import register
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.widgets.journal_command import push_raising
from trygghetsrad.ui.widgets.service_calls import read

Step = Callable[[Any], Any]  # receives a session


class RegisterActions:
    """Every change the register page makes, each one undoable through `stack`."""

    def __init__(self, ctx: AppContext, stack: QUndoStack, parent: QWidget) -> None:
        self.ctx = ctx
        self.stack = stack
        self.parent = parent

    def _do(self, text: str, step: Step) -> Any:
        """Run a change under the journal (errors go back to the caller's form), tell the
        pages, and put it on the undo stack as `text`."""
        return push_raising(self.stack, self.ctx, text, step, parent_widget=self.parent)

    def _tr(self, text: str) -> str:
        return self.parent.tr(text)

    # -- organisations -----------------------------------------------------------------------

    def create_organisation(self, values: dict[str, Any]) -> int:
        text = self._tr("Lägg till organisation {name}").format(name=values["name"].strip())
        return int(self._do(text, lambda s: register.create_organisation(s, **values)).id)

    def update_organisation(self, organisation_id: int, values: dict[str, Any]) -> None:
        text = self._tr("Ändra organisation {name}").format(name=values["name"].strip())
        self._do(text, lambda s: register.update_organisation(s, organisation_id, **values))

    def delete_organisation(self, organisation_id: int) -> None:
        name = read(self.ctx, lambda s: register.get_organisation(s, organisation_id).name)
        text = self._tr("Ta bort organisation {name}").format(name=name)
        self._do(text, lambda s: register.delete_organisation(s, organisation_id))

    # -- people ----------------------------------------------------------------------------

    def create_person(self, values: dict[str, Any]) -> int:
        text = self._tr("Lägg till person {name}").format(name=values["name"].strip())
        return int(self._do(text, lambda s: register.create_person(s, **values)).id)

    def update_person(self, person_id: int, values: dict[str, Any]) -> None:
        text = self._tr("Ändra person {name}").format(name=values["name"].strip())
        self._do(text, lambda s: register.update_person(s, person_id, **values))

    def delete_person(self, person_id: int) -> None:
        """Delete a person with their memberships; undo brings both back."""
        name = read(self.ctx, lambda s: register.get_person(s, person_id).name)
        text = self._tr("Ta bort person {name}").format(name=name)
        self._do(text, lambda s: register.delete_person(s, person_id, with_memberships=True))

    # -- groups ----------------------------------------------------------------------------

    def create_group(self, values: dict[str, Any]) -> int:
        text = self._tr("Lägg till grupp {name}").format(name=values["name"].strip())
        return int(self._do(text, lambda s: register.create_group(s, **values)).id)

    def update_group(self, group_id: int, values: dict[str, Any]) -> None:
        text = self._tr("Ändra grupp {name}").format(name=values["name"].strip())
        self._do(text, lambda s: register.update_group(s, group_id, **values))

    def delete_group(self, group_id: int) -> None:
        name = read(self.ctx, lambda s: register.get_group(s, group_id).name)
        text = self._tr("Ta bort grupp {name}").format(name=name)
        self._do(text, lambda s: register.delete_group(s, group_id))

    # -- memberships -----------------------------------------------------------------------

    def add_membership(self, group_id: int, values: dict[str, Any]) -> int:
        person_id = values.get("person_id")
        if person_id is None:
            raise ValidationError(self._tr("Välj vem som ska bli medlem."), "person_id")
        period = {k: values[k] for k in ("role", "from_date", "to_date")}
        person, group = read(
            self.ctx,
            lambda s: (
                register.get_person(s, person_id).name,
                register.get_group(s, group_id).name,
            ),
        )
        text = self._tr("Lägg till {person} i {group}").format(person=person, group=group)
        created = self._do(
            text,
            lambda s: register.add_membership(s, group_id=group_id, person_id=person_id, **period),
        )
        return int(created.id)

    def update_membership(
        self, m: MembershipData, values: dict[str, Any], *, ending: bool = False
    ) -> None:
        new = {k: values[k] for k in ("role", "from_date", "to_date")}
        text = (
            self._tr("Avsluta medlemskap för {person} i {group}")
            if ending
            else self._tr("Ändra medlemskap för {person} i {group}")
        )
        self._do(
            text.format(person=m.person_name, group=m.group_name),
            lambda s: register.update_membership(s, m.id, **new),
        )

    def delete_membership(self, m: MembershipData) -> None:
        self._do(
            self._tr("Ta bort {person} ur {group}").format(
                person=m.person_name, group=m.group_name
            ),
            lambda s: register.delete_membership(s, m.id),
        )
