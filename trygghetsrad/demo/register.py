"""Example register: Storåkers kommun, its partners, and the two groups of the council."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from trygghetsrad.demo import DemoContext
from trygghetsrad.services import register, settings

MUNICIPALITY = "Storåkers kommun"

ORGANISATIONS = [
    ("kommun", MUNICIPALITY, "kommun"),
    ("polis", "Polisen, lokalpolisområde Storåker", "polis"),
    ("skola", "Storåkerskolan", "skola"),
    ("gymnasium", "Älvdalsgymnasiet", "skola"),
    ("soc", "Socialtjänsten, individ- och familjeomsorgen", "socialtjänst"),
    ("rtj", "Räddningstjänsten Mittland", "räddningstjänst"),
    ("bostad", "Storåkershem AB", "bostadsbolag"),
    ("nattvandring", "Föräldrar på stan Storåker", "civilsamhälle"),
    ("region", "Region Mittland, ungdomsmottagningen", "region"),
]

# key, name, title, organisation key, phone
PEOPLE = [
    ("samordnare", "Maja Lindqvist", "Folkhälsostrateg och samordnare", "kommun", "0690-250 101"),
    ("kommunalrad", "Göran Sjöberg", "Kommunalråd", "kommun", "0690-250 001"),
    ("kommunpolis", "Josef Åkesson", "Kommunpolis", "polis", "0690-180 20"),
    ("polischef", "Lena Holmström", "Chef lokalpolisområde", "polis", "0690-180 00"),
    ("rektor", "Per Ekström", "Rektor", "skola", "0690-251 300"),
    ("rektor2", "Sofia Bergqvist", "Biträdande rektor", "gymnasium", "0690-251 400"),
    ("kurator", "Amira Haddad", "Skolkurator", "skola", "0690-251 310"),
    ("soc_chef", "Henrik Nyström", "Enhetschef barn och unga", "soc", "0690-252 200"),
    ("socsek", "Elin Forsberg", "Socialsekreterare", "soc", "0690-252 210"),
    ("faltare1", "Jonas Öberg", "Fältassistent", "soc", "070-123 45 01"),
    ("faltare2", "Linnéa Sundin", "Fältassistent", "soc", "070-123 45 02"),
    ("brandchef", "Karin Wallin", "Brandmästare", "rtj", "0690-190 10"),
    ("bostad", "Mikael Strand", "Förvaltare och trygghetsansvarig", "bostad", "0690-260 30"),
    ("forening", "Birgitta Lund", "Ordförande", "nattvandring", "070-555 12 34"),
    ("fritid", "Ahmed Yusuf", "Fritidsledare", "kommun", "0690-250 330"),
    ("kultur", "Anna-Karin Dahl", "Kulturchef", "kommun", "0690-250 400"),
    ("ungdom", "Tove Lindberg", "Barnmorska, ungdomsmottagningen", "region", "0690-300 55"),
    ("ekonom", "Olof Hedlund", "Säkerhetssamordnare", "kommun", "0690-250 150"),
]

GROUPS = [
    (
        "trygghetsradet",
        "Trygghetsrådet",
        "Kommunens brottsförebyggande råd. Leds av kommunalrådet; samordnas av folkhälsostrategen.",
    ),
    (
        "klara",
        "Klara-gruppen",
        "Arbetsgrupp för barn och unga: skola, socialtjänst, fältare, polis och fritid.",
    ),
]

# group key, person key, role
MEMBERSHIPS = [
    ("trygghetsradet", "kommunalrad", "ordförande"),
    ("trygghetsradet", "polischef", "vice ordförande"),
    ("trygghetsradet", "samordnare", "samordnare"),
    ("trygghetsradet", "kommunpolis", "ledamot"),
    ("trygghetsradet", "soc_chef", "ledamot"),
    ("trygghetsradet", "brandchef", "ledamot"),
    ("trygghetsradet", "bostad", "ledamot"),
    ("trygghetsradet", "forening", "ledamot"),
    ("trygghetsradet", "rektor2", "ledamot"),
    ("trygghetsradet", "ekonom", "ersättare"),
    ("trygghetsradet", "kultur", "adjungerad"),
    ("klara", "samordnare", "samordnare"),
    ("klara", "soc_chef", "ordförande"),
    ("klara", "rektor", "ledamot"),
    ("klara", "kurator", "ledamot"),
    ("klara", "socsek", "ledamot"),
    ("klara", "faltare1", "ledamot"),
    ("klara", "faltare2", "ledamot"),
    ("klara", "kommunpolis", "ledamot"),
    ("klara", "fritid", "ledamot"),
    ("klara", "ungdom", "ersättare"),
]

_ASCII = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", " ": ".", "-": "."})


def email_for(name: str) -> str:
    return f"{name.lower().translate(_ASCII)}@example.org"


def fill(session: Session, ctx: DemoContext) -> None:
    for key, name, kind in ORGANISATIONS:
        ctx.organisations[key] = register.create_organisation(session, name=name, kind=kind).id
    for key, name, title, org, phone in PEOPLE:
        ctx.people[key] = register.create_person(
            session,
            name=name,
            title=title,
            organisation_id=ctx.organisations[org],
            email=email_for(name),
            phone=phone,
        ).id
    for key, name, description in GROUPS:
        ctx.groups[key] = register.create_group(session, name=name, description=description).id
    start = date(ctx.year - 1, 1, 1)
    for group, person, role in MEMBERSHIPS:
        register.add_membership(
            session,
            group_id=ctx.groups[group],
            person_id=ctx.people[person],
            role=role,
            from_date=start,
        )
    # Someone who left during last year, so the history of a group is visible.
    former = register.create_person(
        session,
        name="Rasmus Eklund",
        title="Fältassistent",
        organisation_id=ctx.organisations["soc"],
        email=email_for("Rasmus Eklund"),
        phone="",
    )
    ctx.people["former"] = former.id
    register.add_membership(
        session,
        group_id=ctx.groups["klara"],
        person_id=former.id,
        role="ledamot",
        from_date=start,
        to_date=date(ctx.year - 1, 6, 30),
    )
    settings.save(
        session,
        settings.OrganisationSettings(
            municipality=MUNICIPALITY,
            coordinator_name="Maja Lindqvist",
            coordinator_title="folkhälsostrateg och samordnare för Trygghetsrådet och Klara-gruppen",
        ),
    )
