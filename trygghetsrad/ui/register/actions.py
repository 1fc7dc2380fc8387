"""Register changes as undoable commands: each change runs its service once, then is pushed.

Undoing a delete recreates the record, which gets a new id; `Refs` keeps every command that
mentions the record pointing at its current id, so a longer undo/redo history stays valid.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from trygghetsrad.domain.changes import REGISTER, Changes
from trygghetsrad.domain.register import MembershipData
from trygghetsrad.errors import UserError, ValidationError
from trygghetsrad.services import register
from trygghetsrad.ui.context import AppContext

CHANGED = Changes.of(REGISTER)
Step = Callable[[Any], None]  # receives a session


@dataclass
class Ref:
    kind: str
    id: int


class Refs:
    """Stable handles on records whose id changes when an undo recreates them."""

    def __init__(self) -> None:
        self._refs: dict[tuple[str, int], Ref] = {}

    def get(self, kind: str, record_id: int) -> Ref:
        return self._refs.setdefault((kind, record_id), Ref(kind, record_id))

    def opt(self, kind: str, record_id: int | None) -> Ref | None:
        return None if record_id is None else self.get(kind, record_id)

    def rebind(self, ref: Ref, new_id: int) -> None:
        if self._refs.get((ref.kind, ref.id)) is ref:
            del self._refs[(ref.kind, ref.id)]
        ref.id = new_id
        self._refs[(ref.kind, new_id)] = ref


def _id(ref: Ref | None) -> int | None:
    return None if ref is None else ref.id


class ServiceCommand(QUndoCommand):
    """Its change has already been made when it is pushed; the first redo does nothing."""

    def __init__(self, actions: RegisterActions, text: str, redo: Step, undo: Step) -> None:
        super().__init__(text)
        self._actions = actions
        self._redo, self._undo = redo, undo
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._actions.run(self._redo, self, undoing=False)

    def undo(self) -> None:
        self._actions.run(self._undo, self, undoing=True)


class RegisterActions:
    """Every change the register page makes, each one undoable through `stack`."""

    def __init__(self, ctx: AppContext, stack: QUndoStack, parent: QWidget) -> None:
        self.ctx = ctx
        self.stack = stack
        self.parent = parent
        self.refs = Refs()

    # -- plumbing --------------------------------------------------------------------------

    def _do(self, step: Callable[[Any], Any]) -> Any:
        """Run a first change (errors go back to the caller's form), then tell the pages."""
        with self.ctx.database.session() as s:
            result = step(s)
        self.ctx.events.changed(CHANGED)
        return result

    def run(self, step: Step, command: QUndoCommand, *, undoing: bool) -> None:
        """Run an undo or redo step; if the data no longer allows it, say so and drop it."""
        try:
            with self.ctx.database.session() as s:
                step(s)
        except UserError as exc:
            # The step changed nothing (the session rolled back); the command leaves the stack.
            command.setObsolete(True)
            title = (
                self.parent.tr("Det gick inte att ångra")
                if undoing
                else self.parent.tr("Det gick inte att göra om")
            )
            QMessageBox.warning(
                self.parent,
                title,
                self.parent.tr("”{action}”: {reason}").format(action=command.text(), reason=exc),
            )
        self.ctx.events.changed(CHANGED)

    def _push(self, text: str, redo: Step, undo: Step) -> None:
        self.stack.push(ServiceCommand(self, text, redo, undo))

    def _tr(self, text: str) -> str:
        return self.parent.tr(text)

    # -- organisations -----------------------------------------------------------------------

    def create_organisation(self, values: dict[str, Any]) -> int:
        created = self._do(lambda s: register.create_organisation(s, **values))
        ref = self.refs.get("organisation", created.id)

        def redo(s: Any) -> None:
            self.refs.rebind(ref, register.create_organisation(s, **values).id)

        def undo(s: Any) -> None:
            register.delete_organisation(s, ref.id)

        self._push(
            self._tr("Lägg till organisation {name}").format(name=values["name"].strip()),
            redo,
            undo,
        )
        return int(created.id)

    def update_organisation(self, organisation_id: int, values: dict[str, Any]) -> None:
        ref = self.refs.get("organisation", organisation_id)
        with self.ctx.database.session() as s:
            before = register.get_organisation(s, organisation_id)
        old = {"name": before.name, "kind": before.kind, "note": before.note}
        self._do(lambda s: register.update_organisation(s, ref.id, **values))
        self._push(
            self._tr("Ändra organisation {name}").format(name=values["name"].strip()),
            lambda s: register.update_organisation(s, ref.id, **values),
            lambda s: register.update_organisation(s, ref.id, **old),
        )

    def delete_organisation(self, organisation_id: int) -> None:
        ref = self.refs.get("organisation", organisation_id)
        with self.ctx.database.session() as s:
            before = register.get_organisation(s, organisation_id)
        self._do(lambda s: register.delete_organisation(s, ref.id))

        def undo(s: Any) -> None:
            new = register.create_organisation(
                s, name=before.name, kind=before.kind, note=before.note
            )
            self.refs.rebind(ref, new.id)

        self._push(
            self._tr("Ta bort organisation {name}").format(name=before.name),
            lambda s: register.delete_organisation(s, ref.id),
            undo,
        )

    # -- people ----------------------------------------------------------------------------

    def _person_kwargs(self, values: dict[str, Any]) -> Callable[[], dict[str, Any]]:
        org = self.refs.opt("organisation", values.get("organisation_id"))

        def kwargs() -> dict[str, Any]:
            return values | {"organisation_id": _id(org)}

        return kwargs

    def create_person(self, values: dict[str, Any]) -> int:
        kwargs = self._person_kwargs(values)
        created = self._do(lambda s: register.create_person(s, **kwargs()))
        ref = self.refs.get("person", created.id)

        def redo(s: Any) -> None:
            self.refs.rebind(ref, register.create_person(s, **kwargs()).id)

        def undo(s: Any) -> None:
            register.delete_person(s, ref.id)

        self._push(
            self._tr("Lägg till person {name}").format(name=values["name"].strip()), redo, undo
        )
        return int(created.id)

    def update_person(self, person_id: int, values: dict[str, Any]) -> None:
        ref = self.refs.get("person", person_id)
        with self.ctx.database.session() as s:
            p = register.get_person(s, person_id)
        old = self._person_kwargs(
            {
                "name": p.name,
                "title": p.title,
                "organisation_id": p.organisation_id,
                "email": p.email,
                "phone": p.phone,
                "note": p.note,
            }
        )
        new = self._person_kwargs(values)
        self._do(lambda s: register.update_person(s, ref.id, **new()))
        self._push(
            self._tr("Ändra person {name}").format(name=values["name"].strip()),
            lambda s: register.update_person(s, ref.id, **new()),
            lambda s: register.update_person(s, ref.id, **old()),
        )

    def delete_person(self, person_id: int) -> None:
        """Delete a person with their memberships; undo brings both back."""
        ref = self.refs.get("person", person_id)
        with self.ctx.database.session() as s:
            p = register.get_person(s, person_id)
            memberships = register.list_memberships(s, person_id=person_id)
        fields = self._person_kwargs(
            {
                "name": p.name,
                "title": p.title,
                "organisation_id": p.organisation_id,
                "email": p.email,
                "phone": p.phone,
                "note": p.note,
            }
        )
        kept = [
            (self.refs.get("membership", m.id), self.refs.get("group", m.group_id), m)
            for m in memberships
        ]

        def redo(s: Any) -> None:
            register.delete_person(s, ref.id, with_memberships=True)

        def undo(s: Any) -> None:
            self.refs.rebind(ref, register.create_person(s, **fields()).id)
            for m_ref, g_ref, m in kept:
                new = register.add_membership(
                    s,
                    group_id=g_ref.id,
                    person_id=ref.id,
                    role=m.role,
                    from_date=m.from_date,
                    to_date=m.to_date,
                )
                self.refs.rebind(m_ref, new.id)

        self._do(redo)
        self._push(self._tr("Ta bort person {name}").format(name=p.name), redo, undo)

    # -- groups ----------------------------------------------------------------------------

    def create_group(self, values: dict[str, Any]) -> int:
        created = self._do(lambda s: register.create_group(s, **values))
        ref = self.refs.get("group", created.id)

        def redo(s: Any) -> None:
            self.refs.rebind(ref, register.create_group(s, **values).id)

        self._push(
            self._tr("Lägg till grupp {name}").format(name=values["name"].strip()),
            redo,
            lambda s: register.delete_group(s, ref.id),
        )
        return int(created.id)

    def update_group(self, group_id: int, values: dict[str, Any]) -> None:
        ref = self.refs.get("group", group_id)
        with self.ctx.database.session() as s:
            g = register.get_group(s, group_id)
        old = {"name": g.name, "description": g.description}
        self._do(lambda s: register.update_group(s, ref.id, **values))
        self._push(
            self._tr("Ändra grupp {name}").format(name=values["name"].strip()),
            lambda s: register.update_group(s, ref.id, **values),
            lambda s: register.update_group(s, ref.id, **old),
        )

    def delete_group(self, group_id: int) -> None:
        ref = self.refs.get("group", group_id)
        with self.ctx.database.session() as s:
            g = register.get_group(s, group_id)
            memberships = register.list_memberships(s, group_id=group_id)
        kept = [
            (self.refs.get("membership", m.id), self.refs.get("person", m.person_id), m)
            for m in memberships
        ]

        def redo(s: Any) -> None:
            register.delete_group(s, ref.id)

        def undo(s: Any) -> None:
            self.refs.rebind(
                ref, register.create_group(s, name=g.name, description=g.description).id
            )
            for m_ref, p_ref, m in kept:
                new = register.add_membership(
                    s,
                    group_id=ref.id,
                    person_id=p_ref.id,
                    role=m.role,
                    from_date=m.from_date,
                    to_date=m.to_date,
                )
                self.refs.rebind(m_ref, new.id)

        self._do(redo)
        self._push(self._tr("Ta bort grupp {name}").format(name=g.name), redo, undo)

    # -- memberships -----------------------------------------------------------------------

    def add_membership(self, group_id: int, values: dict[str, Any]) -> int:
        person_id = values.get("person_id")
        if person_id is None:
            raise ValidationError(self._tr("Välj vem som ska bli medlem."), "person_id")
        g_ref = self.refs.get("group", group_id)
        p_ref = self.refs.get("person", person_id)
        period = {k: values[k] for k in ("role", "from_date", "to_date")}

        def create(s: Any) -> Any:
            return register.add_membership(s, group_id=g_ref.id, person_id=p_ref.id, **period)

        created = self._do(create)
        m_ref = self.refs.get("membership", created.id)
        with self.ctx.database.session() as s:
            person, group = (
                register.get_person(s, person_id).name,
                register.get_group(s, group_id).name,
            )

        self._push(
            self._tr("Lägg till {person} i {group}").format(person=person, group=group),
            lambda s: self.refs.rebind(m_ref, create(s).id),
            lambda s: register.delete_membership(s, m_ref.id),
        )
        return int(created.id)

    def update_membership(
        self, m: MembershipData, values: dict[str, Any], *, ending: bool = False
    ) -> None:
        ref = self.refs.get("membership", m.id)
        new = {k: values[k] for k in ("role", "from_date", "to_date")}
        old = {"role": m.role, "from_date": m.from_date, "to_date": m.to_date}
        self._do(lambda s: register.update_membership(s, ref.id, **new))
        text = (
            self._tr("Avsluta medlemskap för {person} i {group}")
            if ending
            else self._tr("Ändra medlemskap för {person} i {group}")
        )
        self._push(
            text.format(person=m.person_name, group=m.group_name),
            lambda s: register.update_membership(s, ref.id, **new),
            lambda s: register.update_membership(s, ref.id, **old),
        )

    def delete_membership(self, m: MembershipData) -> None:
        ref = self.refs.get("membership", m.id)
        g_ref = self.refs.get("group", m.group_id)
        p_ref = self.refs.get("person", m.person_id)

        def undo(s: Any) -> None:
            new = register.add_membership(
                s,
                group_id=g_ref.id,
                person_id=p_ref.id,
                role=m.role,
                from_date=m.from_date,
                to_date=m.to_date,
            )
            self.refs.rebind(ref, new.id)

        self._do(lambda s: register.delete_membership(s, ref.id))
        self._push(
            self._tr("Ta bort {person} ur {group}").format(
                person=m.person_name, group=m.group_name
            ),
            lambda s: register.delete_membership(s, ref.id),
            undo,
        )
