"""Use cases of the register: organisations, people, groups and memberships."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from trygghetsrad.db.models import Group, Membership, Organisation, Person
from trygghetsrad.domain.changes import REGISTER, Changes, Created
from trygghetsrad.domain.register import (
    MAX_NAME,
    GroupData,
    MembershipData,
    OrganisationData,
    OrganisationKind,
    PersonData,
    check_period,
    clean_email,
    clean_phone,
    clean_role,
    clean_text,
)
from trygghetsrad.domain.text import sort_key
from trygghetsrad.errors import ReferencedError, ValidationError
from trygghetsrad.i18n import tr
from trygghetsrad.services.records import get_or_fail
from trygghetsrad.services.references import Reference, find_references

CHANGED = Changes.of(REGISTER)


# -- organisations -------------------------------------------------------------------------


def _organisation_data(org: Organisation, people_count: int = 0) -> OrganisationData:
    return OrganisationData(org.id, org.name, org.kind, org.note, people_count)


def list_organisations(session: Session) -> list[OrganisationData]:
    counts = dict(
        session.execute(
            select(Person.organisation_id, func.count()).group_by(Person.organisation_id)
        ).all()
    )
    orgs = sorted(session.scalars(select(Organisation)), key=lambda o: sort_key(o.name))
    return [_organisation_data(o, counts.get(o.id, 0)) for o in orgs]


def get_organisation(session: Session, organisation_id: int) -> OrganisationData:
    return _organisation_data(_get(session, Organisation, organisation_id))


def _clean_kind(kind: str) -> str:
    try:
        return OrganisationKind(kind).value
    except ValueError:
        raise ValidationError(
            tr("Okänd typ av organisation: {kind}.").format(kind=kind), "kind"
        ) from None


def _check_unique(
    session: Session,
    model: type[Organisation | Person | Group],
    name: str,
    exclude_id: int | None,
    what: str,
) -> None:
    query = select(model.id).where(func.lower(model.name) == name.lower())
    if exclude_id is not None:
        query = query.where(model.id != exclude_id)
    if session.scalar(query) is not None:
        raise ValidationError(
            tr("Det finns redan {what} som heter ”{name}”.").format(what=what, name=name), "name"
        )


def create_organisation(
    session: Session, *, name: str, kind: str = "övrigt", note: str = ""
) -> Created:
    name = clean_text(name, field="name", label=tr("Namn"), required=True, max_length=MAX_NAME)
    _check_unique(session, Organisation, name, None, tr("en organisation"))
    org = Organisation(
        name=name,
        kind=_clean_kind(kind),
        note=clean_text(note, field="note", label=tr("Anteckning")),
    )
    session.add(org)
    session.flush()
    return Created(org.id, CHANGED)


def update_organisation(
    session: Session, organisation_id: int, *, name: str, kind: str, note: str = ""
) -> Changes:
    org = _get(session, Organisation, organisation_id)
    name = clean_text(name, field="name", label=tr("Namn"), required=True, max_length=MAX_NAME)
    _check_unique(session, Organisation, name, organisation_id, tr("en organisation"))
    org.name, org.kind = name, _clean_kind(kind)
    org.note = clean_text(note, field="note", label=tr("Anteckning"))
    session.flush()
    return CHANGED


def delete_organisation(session: Session, organisation_id: int) -> Changes:
    org = _get(session, Organisation, organisation_id)
    refs = find_references(session, "organisations", organisation_id)
    if refs:
        raise ReferencedError(
            tr("”{name}” kan inte tas bort eftersom den används: {refs}.").format(
                name=org.name, refs=_describe(refs)
            ),
            [r.label for r in refs],
        )
    session.delete(org)
    session.flush()
    return CHANGED


# -- people ----------------------------------------------------------------------------------


def _person_data(person: Person) -> PersonData:
    return PersonData(
        id=person.id,
        name=person.name,
        title=person.title,
        organisation_id=person.organisation_id,
        organisation_name=person.organisation.name if person.organisation else "",
        email=person.email,
        phone=person.phone,
        note=person.note,
    )


def list_people(session: Session) -> list[PersonData]:
    people = sorted(session.scalars(select(Person)), key=lambda p: (sort_key(p.name), p.id))
    orgs = {o.id: o.name for o in session.scalars(select(Organisation))}
    return [
        PersonData(
            p.id,
            p.name,
            p.title,
            p.organisation_id,
            orgs.get(p.organisation_id or -1, ""),
            p.email,
            p.phone,
            p.note,
        )
        for p in people
    ]


def get_person(session: Session, person_id: int) -> PersonData:
    return _person_data(_get(session, Person, person_id))


def _person_fields(
    session: Session,
    name: str,
    title: str,
    organisation_id: int | None,
    email: str,
    phone: str,
    note: str,
) -> dict[str, object]:
    if organisation_id is not None and session.get(Organisation, organisation_id) is None:
        raise ValidationError(tr("Organisationen finns inte längre."), "organisation_id")
    return {
        "name": clean_text(
            name, field="name", label=tr("Namn"), required=True, max_length=MAX_NAME
        ),
        "title": clean_text(title, field="title", label=tr("Titel"), max_length=MAX_NAME),
        "organisation_id": organisation_id,
        "email": clean_email(email),
        "phone": clean_phone(phone),
        "note": clean_text(note, field="note", label=tr("Anteckning")),
    }


def create_person(
    session: Session,
    *,
    name: str,
    title: str = "",
    organisation_id: int | None = None,
    email: str = "",
    phone: str = "",
    note: str = "",
) -> Created:
    person = Person(**_person_fields(session, name, title, organisation_id, email, phone, note))
    session.add(person)
    session.flush()
    return Created(person.id, CHANGED)


def update_person(
    session: Session,
    person_id: int,
    *,
    name: str,
    title: str = "",
    organisation_id: int | None = None,
    email: str = "",
    phone: str = "",
    note: str = "",
) -> Changes:
    person = _get(session, Person, person_id)
    for key, value in _person_fields(
        session, name, title, organisation_id, email, phone, note
    ).items():
        setattr(person, key, value)
    session.flush()
    return CHANGED


def person_references(session: Session, person_id: int) -> list[str]:
    """Readable descriptions of everything that still points at the person."""
    return [f"{r.count} {r.label}" for r in find_references(session, "people", person_id)]


def person_blockers(session: Session, person_id: int) -> list[str]:
    """What stops the person from being deleted: every use except their group memberships."""
    return [
        f"{r.count} {r.label}"
        for r in find_references(session, "people", person_id)
        if r.table != "memberships"
    ]


def delete_person(session: Session, person_id: int, *, with_memberships: bool = False) -> Changes:
    """Delete a person. Memberships go with them only when asked; any other use blocks it."""
    person = _get(session, Person, person_id)
    refs = find_references(session, "people", person_id)
    blocking = [r for r in refs if with_memberships is False or r.table != "memberships"]
    if blocking:
        raise ReferencedError(
            tr("”{name}” kan inte tas bort eftersom personen förekommer i: {refs}.").format(
                name=person.name, refs=_describe(blocking)
            ),
            [r.label for r in blocking],
        )
    session.delete(person)
    session.flush()
    return CHANGED


# -- groups and memberships ----------------------------------------------------------------


def list_groups(session: Session, *, on: date | None = None) -> list[GroupData]:
    """Every group with the number of its members on `on` (today when not given)."""
    day = on or date.today()
    counts = dict(
        session.execute(
            select(Membership.group_id, func.count())
            .where(
                (Membership.from_date.is_(None)) | (Membership.from_date <= day),
                (Membership.to_date.is_(None)) | (Membership.to_date >= day),
            )
            .group_by(Membership.group_id)
        ).all()
    )
    groups = sorted(session.scalars(select(Group)), key=lambda g: sort_key(g.name))
    return [GroupData(g.id, g.name, g.description, counts.get(g.id, 0)) for g in groups]


def get_group(session: Session, group_id: int) -> GroupData:
    g = _get(session, Group, group_id)
    today = date.today()
    active = sum(
        1
        for m in g.memberships
        if (m.from_date is None or m.from_date <= today)
        and (m.to_date is None or today <= m.to_date)
    )
    return GroupData(g.id, g.name, g.description, active)


def create_group(session: Session, *, name: str, description: str = "") -> Created:
    name = clean_text(name, field="name", label=tr("Namn"), required=True, max_length=MAX_NAME)
    _check_unique(session, Group, name, None, tr("en grupp"))
    group = Group(
        name=name, description=clean_text(description, field="description", label=tr("Beskrivning"))
    )
    session.add(group)
    session.flush()
    return Created(group.id, CHANGED)


def update_group(session: Session, group_id: int, *, name: str, description: str = "") -> Changes:
    group = _get(session, Group, group_id)
    name = clean_text(name, field="name", label=tr("Namn"), required=True, max_length=MAX_NAME)
    _check_unique(session, Group, name, group_id, tr("en grupp"))
    group.name = name
    group.description = clean_text(description, field="description", label=tr("Beskrivning"))
    session.flush()
    return CHANGED


def delete_group(session: Session, group_id: int) -> Changes:
    group = _get(session, Group, group_id)
    refs = [r for r in find_references(session, "groups", group_id) if r.table != "memberships"]
    if refs:
        raise ReferencedError(
            tr("”{name}” kan inte tas bort eftersom gruppen förekommer i: {refs}.").format(
                name=group.name, refs=_describe(refs)
            ),
            [r.label for r in refs],
        )
    session.delete(group)
    session.flush()
    return CHANGED


def _membership_data(m: Membership) -> MembershipData:
    person = m.person
    return MembershipData(
        id=m.id,
        group_id=m.group_id,
        group_name=m.group.name,
        person_id=m.person_id,
        person_name=person.name,
        person_title=person.title,
        organisation_name=person.organisation.name if person.organisation else "",
        role=m.role,
        from_date=m.from_date,
        to_date=m.to_date,
    )


def list_memberships(
    session: Session, *, group_id: int | None = None, person_id: int | None = None
) -> list[MembershipData]:
    # One query for the members, their people, organisations and groups (no query per row).
    query = select(Membership).options(
        joinedload(Membership.person).joinedload(Person.organisation),
        joinedload(Membership.group),
    )
    if group_id is not None:
        query = query.where(Membership.group_id == group_id)
    if person_id is not None:
        query = query.where(Membership.person_id == person_id)
    found = [_membership_data(m) for m in session.scalars(query)]
    return sorted(found, key=lambda m: (sort_key(m.person_name), sort_key(m.group_name), m.id))


def members_on(session: Session, group_id: int, day: date) -> list[MembershipData]:
    """The group's members on `day`, chair first, then by role and name."""
    from trygghetsrad.domain.register import ROLE_ORDER, Role

    members = [m for m in list_memberships(session, group_id=group_id) if m.active_on(day)]
    return sorted(
        members, key=lambda m: (ROLE_ORDER.get(Role(m.role), 99), sort_key(m.person_name))
    )


def add_membership(
    session: Session,
    *,
    group_id: int,
    person_id: int,
    role: str = "ledamot",
    from_date: date | None = None,
    to_date: date | None = None,
) -> Created:
    group = _get(session, Group, group_id)
    person = _get(session, Person, person_id)
    check_period(from_date, to_date)
    _check_overlap(session, group, person, from_date, to_date, None)
    membership = Membership(
        group_id=group_id,
        person_id=person_id,
        role=clean_role(role),
        from_date=from_date,
        to_date=to_date,
    )
    session.add(membership)
    session.flush()
    return Created(membership.id, CHANGED)


def update_membership(
    session: Session,
    membership_id: int,
    *,
    role: str,
    from_date: date | None = None,
    to_date: date | None = None,
) -> Changes:
    membership = _get(session, Membership, membership_id)
    check_period(from_date, to_date)
    _check_overlap(session, membership.group, membership.person, from_date, to_date, membership_id)
    membership.role = clean_role(role)
    membership.from_date, membership.to_date = from_date, to_date
    session.flush()
    return CHANGED


def _check_overlap(
    session: Session,
    group: Group,
    person: Person,
    from_date: date | None,
    to_date: date | None,
    exclude_id: int | None,
) -> None:
    """A person holds at most one membership of a group at any one time."""
    for other in session.scalars(
        select(Membership).where(Membership.group_id == group.id, Membership.person_id == person.id)
    ):
        if other.id == exclude_id:
            continue
        starts_before_other_ends = (
            other.to_date is None or from_date is None or from_date <= other.to_date
        )
        ends_after_other_starts = (
            other.from_date is None or to_date is None or other.from_date <= to_date
        )
        if starts_before_other_ends and ends_after_other_starts:
            raise ValidationError(
                tr("{person} är redan medlem i {group} under den perioden.").format(
                    person=person.name, group=group.name
                ),
                "from_date",
            )


def delete_membership(session: Session, membership_id: int) -> Changes:
    session.delete(_get(session, Membership, membership_id))
    session.flush()
    return CHANGED


# -- helpers -------------------------------------------------------------------------------


_get = get_or_fail


def _describe(refs: list[Reference]) -> str:
    return ", ".join(f"{r.count} {r.label}" for r in refs)


def is_empty(session: Session) -> bool:
    """True when the database holds no register data at all (a fresh file)."""
    return all(
        session.scalar(select(func.count()).select_from(model)) == 0
        for model in (Organisation, Person, Group)
    )
