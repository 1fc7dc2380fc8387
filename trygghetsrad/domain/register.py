"""The register's records as plain data, its roles and its validation rules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from trygghetsrad.domain.text import MAX_NAME, MAX_TEXT, clean_text, first_upper
from trygghetsrad.errors import ValidationError
from trygghetsrad.i18n import tr

__all__ = ["MAX_NAME", "MAX_TEXT", "clean_text"]  # the register's rules are everyone's
EMAIL_RE = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;.]{2,}$")
PHONE_RE = re.compile(r"^[0-9+()\-\s/]{3,40}$")


class Role(StrEnum):
    CHAIR = "ordförande"
    VICE_CHAIR = "vice ordförande"
    COORDINATOR = "samordnare"
    MEMBER = "ledamot"
    DEPUTY = "ersättare"
    CO_OPTED = "adjungerad"

    @property
    def label(self) -> str:
        return first_upper(self.value)


ROLE_ORDER = {role: index for index, role in enumerate(Role)}


class OrganisationKind(StrEnum):
    MUNICIPALITY = "kommun"
    POLICE = "polis"
    SCHOOL = "skola"
    SOCIAL_SERVICES = "socialtjänst"
    RESCUE_SERVICE = "räddningstjänst"
    HOUSING = "bostadsbolag"
    REGION = "region"
    CIVIL_SOCIETY = "civilsamhälle"
    BUSINESS = "näringsliv"
    OTHER = "övrigt"

    @property
    def label(self) -> str:
        return first_upper(self.value)


@dataclass(frozen=True)
class OrganisationData:
    id: int
    name: str
    kind: str
    note: str
    people_count: int = 0


@dataclass(frozen=True)
class PersonData:
    id: int
    name: str
    title: str
    organisation_id: int | None
    organisation_name: str
    email: str
    phone: str
    note: str = ""


@dataclass(frozen=True)
class GroupData:
    id: int
    name: str
    description: str
    member_count: int = 0


@dataclass(frozen=True)
class MembershipData:
    id: int
    group_id: int
    group_name: str
    person_id: int
    person_name: str
    person_title: str
    organisation_name: str
    role: str
    from_date: date | None
    to_date: date | None

    def active_on(self, day: date) -> bool:
        return (self.from_date is None or self.from_date <= day) and (
            self.to_date is None or day <= self.to_date
        )


def clean_email(value: str | None) -> str:
    text = clean_text(value, field="email", label=tr("E-post"), max_length=254)
    if text and not EMAIL_RE.match(text):
        raise ValidationError(
            tr("”{email}” är ingen giltig e-postadress (till exempel namn@kommun.se).").format(
                email=text
            ),
            "email",
        )
    return text


def clean_phone(value: str | None) -> str:
    text = clean_text(value, field="phone", label=tr("Telefon"), max_length=40)
    if text and not PHONE_RE.match(text):
        raise ValidationError(
            tr(
                "”{phone}” är inget giltigt telefonnummer; använd siffror, mellanslag, + och -."
            ).format(phone=text),
            "phone",
        )
    return text


def check_period(from_date: date | None, to_date: date | None) -> None:
    if from_date and to_date and to_date < from_date:
        raise ValidationError(tr("Slutdatum kan inte vara före startdatum."), "to_date")


def clean_role(value: str) -> str:
    try:
        return Role(value).value
    except ValueError:
        raise ValidationError(tr("Okänd roll: {role}.").format(role=value), "role") from None
