"""The agenda of a meeting: numbered items, bulleted notes, decisions, templates and copying."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from trygghetsrad.db.models import Group
from trygghetsrad.db.models.meetings import (
    ActionItem,
    AgendaItem,
    AgendaNote,
    AgendaTemplate,
    Decision,
)
from trygghetsrad.domain.changes import MEETINGS, Changes, Created
from trygghetsrad.domain.meetings.agenda_structure import ItemCategory
from trygghetsrad.domain.meetings.model import (
    MAX_NOTE,
    MAX_TITLE,
    AgendaItemData,
    DecisionData,
    ItemKind,
    Note,
    NoteData,
    TemplateData,
    check_plain_text,
    clean_level,
)
from trygghetsrad.domain.register import MAX_NAME, clean_text
from trygghetsrad.errors import UserError, ValidationError
from trygghetsrad.i18n import tr
from trygghetsrad.services.meetings.read import editable_row, get_row, previous_meeting_of_group

CHANGED = Changes.of(MEETINGS)


def _text(value: str, *, field: str, label: str, required: bool = False, max_length: int) -> str:
    text = clean_text(value, field=field, label=label, required=required, max_length=max_length)
    return check_plain_text(text, field=field, label=label)


def editable_item(session: Session, item_id: int, *, edit: bool = True) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise UserError(tr("Punkten finns inte längre; den kan ha tagits bort."))
    if edit:
        editable_row(session, item.meeting_id)
    return item


def _renumber(items: Sequence[AgendaItem]) -> None:
    for index, item in enumerate(items):
        item.position = index


def get_agenda(session: Session, meeting_id: int) -> list[AgendaItemData]:
    from trygghetsrad.services.meetings.actions import Names, action_data

    get_row(session, meeting_id)
    items = session.scalars(
        select(AgendaItem)
        .where(AgendaItem.meeting_id == meeting_id)
        .order_by(AgendaItem.position, AgendaItem.id)
        .options(
            selectinload(AgendaItem.notes),
            selectinload(AgendaItem.decisions),
            selectinload(AgendaItem.actions).selectinload(ActionItem.responsibles),
        )
    ).all()
    names = Names.load(session)
    return [
        AgendaItemData(
            id=item.id,
            position=item.position,
            title=item.title,
            kind=ItemKind(item.kind),
            body=item.body,
            internal=item.internal,
            notes=tuple(
                NoteData(n.id, n.text, n.level, n.internal, n.paragraph) for n in item.notes
            ),
            decisions=tuple(DecisionData(d.id, d.text, d.internal) for d in item.decisions),
            actions=tuple(action_data(session, a, names) for a in item.actions),
            category=ItemCategory(item.category),
            presenter_id=item.presenter_id,
            presenter=names.people.get(item.presenter_id or -1, "") or item.presenter_text,
            case_number=item.case_number,
            slot_start=item.slot_start,
            slot_end=item.slot_end,
            proposal=item.proposal,
            papers_later=item.papers_later,
            unnumbered=item.unnumbered,
            refers_to_id=item.refers_to_id,
        )
        for item in items
    ]


def get_item(session: Session, item_id: int) -> AgendaItemData:
    item = editable_item(session, item_id, edit=False)
    return next(i for i in get_agenda(session, item.meeting_id) if i.id == item_id)


def add_item(
    session: Session,
    meeting_id: int,
    *,
    title: str,
    kind: str | ItemKind = ItemKind.NORMAL,
    body: str = "",
    internal: bool = False,
    position: int | None = None,
) -> Created:
    """Add an item at `position` (default: last, but before a "Nästa möte" item)."""
    meeting = editable_row(session, meeting_id)
    item = AgendaItem(
        title=_text(title, field="title", label=tr("Rubrik"), required=True, max_length=MAX_TITLE),
        kind=ItemKind(kind).value,
        body=_text(body, field="body", label=tr("Text"), max_length=MAX_NOTE),
        internal=internal,
    )
    items = list(meeting.items)
    if position is None:
        position = len(items)
        if (
            items
            and items[-1].kind == ItemKind.NEXT_MEETING.value
            and kind != ItemKind.NEXT_MEETING
        ):
            position -= 1
    items.insert(max(0, min(position, len(items))), item)
    meeting.items = items
    _renumber(items)
    session.flush()
    return Created(item.id, CHANGED)


def update_item(
    session: Session, item_id: int, *, title: str, body: str = "", internal: bool = False
) -> Changes:
    item = editable_item(session, item_id)
    item.title = _text(
        title, field="title", label=tr("Rubrik"), required=True, max_length=MAX_TITLE
    )
    item.body = _text(body, field="body", label=tr("Text"), max_length=MAX_NOTE)
    item.internal = internal
    session.flush()
    return CHANGED


def move_item(session: Session, item_id: int, new_position: int) -> Changes:
    """Move an item to `new_position` (0-based); the others keep their order."""
    item = editable_item(session, item_id)
    meeting = get_row(session, item.meeting_id)
    items = [i for i in meeting.items if i.id != item_id]
    items.insert(max(0, min(new_position, len(items))), item)
    _renumber(items)
    session.flush()
    session.expire(meeting, ["items"])
    return CHANGED


def delete_item(session: Session, item_id: int) -> Changes:
    item = editable_item(session, item_id)
    meeting = get_row(session, item.meeting_id)
    session.delete(item)
    session.flush()
    session.expire(meeting, ["items"])
    _renumber(meeting.items)
    session.flush()
    return CHANGED


def set_notes(session: Session, item_id: int, notes: Sequence[Note]) -> Changes:
    """Replace the item's bullets and paragraphs with `notes` (the editor saves the whole list)."""
    item = editable_item(session, item_id)
    cleaned = [
        AgendaNote(
            position=index,
            text=_text(
                n.text, field="notes", label=tr("Anteckningen"), required=True, max_length=MAX_NOTE
            ),
            level=0 if n.paragraph else clean_level(n.level),
            internal=n.internal,
            paragraph=n.paragraph,
        )
        for index, n in enumerate(notes)
    ]
    item.notes = cleaned
    session.flush()
    return CHANGED


def set_decisions(session: Session, item_id: int, decisions: Sequence[str | Note]) -> Changes:
    item = editable_item(session, item_id)
    rows = []
    for index, d in enumerate(decisions):
        text, internal = (d.text, d.internal) if isinstance(d, Note) else (d, False)
        rows.append(
            Decision(
                position=index,
                text=_text(
                    text,
                    field="decisions",
                    label=tr("Beslutet"),
                    required=True,
                    max_length=MAX_NOTE,
                ),
                internal=internal,
            )
        )
    item.decisions = rows
    session.flush()
    return CHANGED


def save_item_fields(
    session: Session,
    item_id: int,
    *,
    title: str,
    body: str,
    internal: bool,
    notes: Sequence[Note],
    decisions: Sequence[str | Note],
) -> dict[str, str]:
    """Autosave: store every field that is valid and keep the stored value of the others.

    Returns {field: Swedish message} for the fields that were not saved ("title", "body",
    "notes", "decisions"), so one bad character never costs the rest of the item.
    """
    item = editable_item(session, item_id)
    errors: dict[str, str] = {}
    for field, store in (
        (
            "title",
            lambda: setattr(
                item,
                "title",
                _text(
                    title, field="title", label=tr("Rubrik"), required=True, max_length=MAX_TITLE
                ),
            ),
        ),
        (
            "body",
            lambda: setattr(
                item, "body", _text(body, field="body", label=tr("Text"), max_length=MAX_NOTE)
            ),
        ),
        ("notes", lambda: set_notes(session, item_id, notes)),
        ("decisions", lambda: set_decisions(session, item_id, decisions)),
    ):
        try:
            store()
        except ValidationError as exc:
            errors[field] = str(exc)
    item.internal = internal
    session.flush()
    return errors


# -- templates and copying ------------------------------------------------------------------


def _template_data(t: AgendaTemplate) -> TemplateData:
    return TemplateData(
        t.id, t.group_id, t.name, tuple(x for x in t.items.split("\n") if x.strip())
    )


def list_templates(session: Session, *, group_id: int | None = None) -> list[TemplateData]:
    query = select(AgendaTemplate).order_by(AgendaTemplate.group_id, AgendaTemplate.name)
    if group_id is not None:
        query = query.where(AgendaTemplate.group_id == group_id)
    return [_template_data(t) for t in session.scalars(query)]


def _template_fields(
    session: Session, group_id: int, name: str, items: Sequence[str]
) -> dict[str, object]:
    if session.get(Group, group_id) is None:
        raise ValidationError(tr("Gruppen finns inte längre."), "group_id")
    titles = [
        _text(t, field="items", label=tr("Punkten"), max_length=MAX_TITLE)
        for t in items
        if t.strip()
    ]
    if not titles:
        raise ValidationError(tr("En mall behöver minst en punkt."), "items")
    return {
        "group_id": group_id,
        "name": _text(name, field="name", label=tr("Namn"), required=True, max_length=MAX_NAME),
        "items": "\n".join(titles),
    }


def create_template(session: Session, *, group_id: int, name: str, items: Sequence[str]) -> Created:
    template = AgendaTemplate(**_template_fields(session, group_id, name, items))
    session.add(template)
    session.flush()
    return Created(template.id, CHANGED)


def update_template(
    session: Session, template_id: int, *, group_id: int, name: str, items: Sequence[str]
) -> Changes:
    template = _template(session, template_id)
    for key, value in _template_fields(session, group_id, name, items).items():
        setattr(template, key, value)
    session.flush()
    return CHANGED


def delete_template(session: Session, template_id: int) -> Changes:
    session.delete(_template(session, template_id))
    session.flush()
    return CHANGED


def _template(session: Session, template_id: int) -> AgendaTemplate:
    template = session.get(AgendaTemplate, template_id)
    if template is None:
        raise UserError(tr("Mallen finns inte längre."))
    return template


FOLLOWUP_WORDS = ("uppföljning",)
NEXT_WORDS = ("nästa möte",)


def _kind_for(title: str) -> ItemKind:
    lowered = title.lower()
    if any(lowered.startswith(w) for w in FOLLOWUP_WORDS):
        return ItemKind.FOLLOWUP
    if any(lowered.startswith(w) for w in NEXT_WORDS):
        return ItemKind.NEXT_MEETING
    return ItemKind.NORMAL


def apply_template(session: Session, meeting_id: int, template_id: int) -> Changes:
    """Append the template's items to the meeting's agenda."""
    template = _template_data(_template(session, template_id))
    for title in template.items:
        add_item(session, meeting_id, title=title, kind=_kind_for(title))
    return CHANGED


def copy_previous_agenda(session: Session, meeting_id: int) -> int:
    """Append the item titles (not the notes) of the group's previous meeting; return how many."""
    editable_row(session, meeting_id)
    previous = previous_meeting_of_group(session, meeting_id)
    if previous is None:
        raise UserError(tr("Gruppen har inget tidigare möte att kopiera dagordningen från."))
    existing = {i.title.lower() for i in get_agenda(session, meeting_id)}
    count = 0
    for item in get_agenda(session, previous.id):
        if item.title.lower() in existing:
            continue
        created = add_item(
            session, meeting_id, title=item.title, kind=item.kind, internal=item.internal
        )
        copy_structure(session, item, created.id)
        count += 1
    return count


def copy_structure(session: Session, source: AgendaItemData, target_id: int) -> None:
    """What a standing item keeps from one meeting to the next: its kind of matter, its
    presenter and whether it is numbered (not its Dnr, time, proposal or reference)."""
    item = editable_item(session, target_id)
    item.category = source.category.value
    item.presenter_id = source.presenter_id
    item.presenter_text = "" if source.presenter_id else source.presenter
    item.unnumbered = source.unnumbered
    session.flush()


def save_as_template(
    session: Session, meeting_id: int, group_id: int, *, name: str = "Standarddagordning"
) -> Created:
    """Store the meeting's item titles as the group's template `name` (replacing it)."""
    titles = [i.title for i in get_agenda(session, meeting_id) if not i.internal]
    existing = next((t for t in list_templates(session, group_id=group_id) if t.name == name), None)
    if existing is not None:
        changes = update_template(session, existing.id, group_id=group_id, name=name, items=titles)
        return Created(existing.id, changes)
    return create_template(session, group_id=group_id, name=name, items=titles)
