"""Example data for areas with levels: Storåker divided its own way, *stadsområde →
mellanområde → plats*, in the council's order (centre first, not the alphabet), with the
observations, a gap and measures tied to areas of different levels and each area's assessment
in this year's situation picture. One area is left "Okänd": nobody has assessed it yet.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from trygghetsrad.demo import DemoContext
from trygghetsrad.services.situation import areas
from trygghetsrad.services.situation import observations as situation_observations

DISTRICT, MIDDLE, PLACE = "Stadsområde", "Mellanområde", "Plats"

# name, level, children — in the council's own order
Node = tuple[str, str, list[Any]]
TREE: list[Node] = [
    (
        "Centrala Storåker",
        DISTRICT,
        [
            (
                "Centrum",
                MIDDLE,
                [
                    ("Resecentrum", PLACE, []),
                    ("Gångtunneln under Storgatan", PLACE, []),
                    ("Stortorget", PLACE, []),
                ],
            ),
            ("Norrmalm", MIDDLE, []),
        ],
    ),
    ("Västra Storåker", DISTRICT, [("Industriområdet Västra", MIDDLE, [])]),
    ("Södra Storåker", DISTRICT, [("Södra villaområdet", MIDDLE, [])]),
]

# area -> risk level, needs, notes (this year's picture); Södra villaområdet stays unknown
ASSESSMENTS: dict[str, tuple[str, str, str]] = {
    "Centrala Storåker": (
        "high",
        "Vuxennärvaro kvällstid och ett samlat grepp om centrum och resecentrum.",
        "Bedömningen bygger på polisens lägesbild och medborgardialogerna.",
    ),
    "Centrum": (
        "high",
        "Fler vuxna ute fredag och lördag; snabbare sanering av klotter.",
        "",
    ),
    "Resecentrum": (
        "very_high",
        "Belysning, kamerabevakning och fältassistenter kvällar och helger.",
        "Flest anmälningar om rån och misshandel i kommunen; toppar under sommarlovet.",
    ),
    "Gångtunneln under Storgatan": (
        "high",
        "Ny belysning och röjning av buskage.",
        "Upplevs som den mest otrygga platsen i trygghetsmätningen.",
    ),
    "Stortorget": ("raised", "", "Lugnare efter att containrarna flyttades."),
    "Norrmalm": (
        "raised",
        "Låsbara tvättstugor och bättre belysning på gårdarna.",
        "Bostadsbolaget har påbörjat arbetet.",
    ),
    "Västra Storåker": ("raised", "", ""),
    "Industriområdet Västra": (
        "raised",
        "Samordnad väktarrond och grannsamverkan mellan företagen.",
        "Lugnare sedan belysningen byttes och kameror sattes upp: färre larm om inbrott "
        "och skadegörelse.",
    ),
    "Södra Storåker": ("low", "", "Få anmälningar; villainbrott följs upp i grannsamverkan."),
}


def _add(session: Session, ids: dict[str, int], nodes: list[Node], parent: int | None) -> None:
    for name, level, children in nodes:
        ids[name] = areas.create_area(session, name=name, level=level, parent_id=parent).id
        _add(session, ids, children, ids[name])


def fill(session: Session, ctx: DemoContext) -> None:
    ids: dict[str, int] = {}
    _add(session, ids, TREE, None)
    observations = ctx.extra.get("observations", {})
    assert isinstance(observations, dict)
    # each observation to the area of its place, at whatever level that area is
    for observation in situation_observations.list_observations(session):
        if observation.id in observations.values() and observation.place in ids:
            areas.tie_to_area(session, "observation", observation.id, ids[observation.place])
    gaps = ctx.extra.get("gaps", {})
    assert isinstance(gaps, dict)
    if "unga_vuxna" in gaps:
        areas.tie_to_area(session, "gap", gaps["unga_vuxna"], ids["Centrala Storåker"])
    plan = ctx.extra.get("action_plan", {})
    assert isinstance(plan, dict)
    measures = plan.get("measures", [])
    if measures:
        m_light, _leisure, m_walks, m_camera = measures[:4]
        areas.tie_to_area(session, "measure", m_light, ids["Gångtunneln under Storgatan"])
        areas.tie_to_area(session, "measure", m_walks, ids["Centrum"])
        areas.tie_to_area(session, "measure", m_camera, ids["Resecentrum"])
    pictures = ctx.extra.get("situation_pictures", {})
    assert isinstance(pictures, dict)
    current = pictures.get("current")
    if current is None:
        return
    for name, (risk, needs, notes) in ASSESSMENTS.items():
        areas.set_assessment(
            session, int(current), ids[name], risk_level=risk, needs=needs, notes=notes
        )
    ctx.extra["areas"] = ids
