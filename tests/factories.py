"""Factories: make a record with sensible defaults, override only what the test is about."""

from __future__ import annotations

import itertools
from typing import Any

from sqlalchemy.orm import Session

from trygghetsrad.services import register

_counter = itertools.count(1)


def make_organisation(session: Session, **overrides: Any) -> int:
    fields = {"name": f"Organisation {next(_counter)}", "kind": "kommun"} | overrides
    return register.create_organisation(session, **fields).id


def make_person(session: Session, **overrides: Any) -> int:
    fields = {"name": f"Person {next(_counter)}", "title": "Ledamot"} | overrides
    return register.create_person(session, **fields).id


def make_group(session: Session, **overrides: Any) -> int:
    fields = {"name": f"Grupp {next(_counter)}"} | overrides
    return register.create_group(session, **fields).id


def make_membership(session: Session, **overrides: Any) -> int:
    fields: dict[str, Any] = {"role": "ledamot"} | overrides
    if "group_id" not in fields:
        fields["group_id"] = make_group(session)
    if "person_id" not in fields:
        fields["person_id"] = make_person(session)
    return register.add_membership(session, **fields).id
