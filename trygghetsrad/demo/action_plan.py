"""Example cause analysis, action plan, agreements and follow-up for Storåkers kommun.

Two prioritised problems with cause trees, eight measures in every state with follow-up
notes, an adopted plan for last year and this year, a cooperation agreement over four years
and two citizen promises, and links from the council's minutes to measures and promises.
Uses the situation part's observations, sources and indicators when they are there (found
through `ctx.extra` or by name) and stands on its own when they are not.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any  # the example records are keyword arguments of the services

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from trygghetsrad.db.models.situation import DataSource, Indicator, Observation
from trygghetsrad.demo import DemoContext
from trygghetsrad.demo import action_plan_followed as followed
from trygghetsrad.demo.action_plan_ids import Causes, Measures, Part1
from trygghetsrad.domain.situation.action_plan import MeasureInput
from trygghetsrad.services.situation import action_plan, causes


def _find(
    session: Session, model: type[Indicator | DataSource | Observation], *words: str
) -> int | None:
    """The id of the first row whose name/title contains every word (case-insensitive)."""
    column = model.title if issubclass(model, Observation) else model.name
    query = select(model.id)
    for word in words:
        query = query.where(func.lower(column).contains(word.lower()))
    return session.scalar(query.order_by(model.id))


def _extra_id(ctx: DemoContext, bucket: str, key: str) -> int | None:
    found = ctx.extra.get(bucket)
    if isinstance(found, dict):
        value = found.get(key)
        return value if isinstance(value, int) else None
    return None


def fill(session: Session, ctx: DemoContext) -> None:
    part1 = _part1_records(session, ctx)
    problems, found = _problems(session, ctx, part1)
    measures = _plan(session, ctx, part1, problems, found)
    followed.followups(session, ctx, measures)
    c_police = followed.agreements_with_police(session, ctx, measures)
    followed.minute_links(session, ctx, measures, c_police)


def _part1_records(session: Session, ctx: DemoContext) -> Part1:
    """Part 1's records (shared through ctx.extra), found by name when run on their own."""

    def ind(key: str, *words: str) -> int | None:
        return _extra_id(ctx, "indicators", key) or _find(session, Indicator, *words)

    def src(key: str, *words: str) -> int | None:
        return _extra_id(ctx, "sources", key) or _find(session, DataSource, *words)

    unsafe = ind("otrygghet", "otrygg")
    drugs = ind("can", "narkotika")
    cocaine = ind("kokain", "kokain")
    vandalism = ind("skadegorelse", "skadegörelse")
    survey = src("trygghetsmatning", "trygghetsmätning")
    dialogue = src("dialog", "dialog")
    police_picture = src("polis_lagesbild", "polisens lokala")
    wastewater_source = src("avlopp", "avlopp")
    school_survey = src("can", "skolenkät")
    field_workers = src("faltare", "fältgrupp")
    night_walkers = src("nattvandring", "nattvandrar")
    obs_station = _extra_id(ctx, "observations", "busstation") or _find(
        session, Observation, "resecentrum"
    )
    obs_drugs = _extra_id(ctx, "observations", "narkotika") or _find(
        session, Observation, "narkotika"
    )
    pictures = ctx.extra.get("situation_pictures")
    current_picture = pictures.get("current") if isinstance(pictures, dict) else None
    presented_picture = pictures.get("presented") if isinstance(pictures, dict) else None
    return Part1(
        unsafe,
        drugs,
        cocaine,
        vandalism,
        survey,
        dialogue,
        police_picture,
        wastewater_source,
        school_survey,
        field_workers,
        night_walkers,
        obs_station,
        obs_drugs,
        current_picture,
        presented_picture,
    )


# size-exception: the example's records, one literal call each in the story's order.
def _problems(session: Session, ctx: DemoContext, part1: Part1) -> tuple[list[int], Causes]:
    """The prioritised problems and their cause trees, with the evidence behind the causes."""
    unsafe = part1.unsafe
    drugs = part1.drugs
    cocaine = part1.cocaine
    vandalism = part1.vandalism
    survey = part1.survey
    dialogue = part1.dialogue
    police_picture = part1.police_picture
    wastewater_source = part1.wastewater_source
    school_survey = part1.school_survey
    field_workers = part1.field_workers
    night_walkers = part1.night_walkers
    obs_station = part1.obs_station
    obs_drugs = part1.obs_drugs
    current_picture = part1.current_picture
    p1 = causes.create_problem(
        session,
        title="Otrygghet och skadegörelse kring resecentrum kvällstid",
        description=(
            "Boende och resenärer undviker resecentrum och gångtunneln under Storgatan efter "
            "mörkrets inbrott. Ungdomar samlas vid resecentrum på helgkvällarna, och klotter och "
            "skadegörelse på busskurer och i Storåkershems fastigheter återkommer."
        ),
        observation_id=obs_station,
        situation_picture_id=current_picture if isinstance(current_picture, int) else None,
    ).id
    p2 = causes.create_problem(
        session,
        title="Narkotika bland unga och unga vuxna",
        description=(
            "Avloppsvattenanalysen visar stigande nivåer av kokain och polisens lägesbild "
            "beskriver försäljning via sociala medier. Skolenkäten visar att fler elever i "
            "årskurs 9 har använt narkotika."
        ),
        observation_id=obs_drugs,
        situation_picture_id=current_picture if isinstance(current_picture, int) else None,
    ).id
    causes.create_problem(
        session,
        title="Nedskräpning vid återvinningsstationen i Norrby",
        description="Noterat av Storåkershem; inte prioriterat detta år.",
        prioritised=False,
    )

    def cause(problem: int, title: str, kind: str, parent: int | None = None, **kw: Any) -> int:
        return causes.create_cause(
            session,
            problem_id=problem,
            title=title,
            kind=kind,
            parent_id=parent,
            **kw,
        ).id

    c_dark = cause(
        p1,
        "Mörka och skymda platser vid resecentrum",
        "situationell",
        description="Trygghetsvandringen pekade ut gångtunneln under Storgatan och "
        "busskurernas baksida.",
    )
    c_light = cause(
        p1, "Trasig och för svag belysning i gångtunneln under Storgatan", "situationell", c_dark
    )
    c_bush = cause(p1, "Buskage skymmer sikten mot busskurerna", "situationell", c_dark)
    c_youth = cause(
        p1,
        "Ungdomar samlas utan vuxennärvaro på fredagskvällar",
        "social",
        description="Fältarna möter 20–30 ungdomar vid resecentrum fredagar efter kl. 21.",
    )
    c_leisure = cause(p1, "Få öppna fritidsaktiviteter sena fredagskvällar", "social", c_youth)
    c_adults = cause(p1, "Låg vuxennärvaro i centrum sena kvällar", "social", c_youth)
    cause(
        p1,
        "Alkohol langas till unga vid resecentrum",
        "situationell",
        internal=True,
        description="Uppgift från polisen; namn på misstänkta langare förs inte in här.",
    )

    c_supply = cause(p2, "Narkotika är lätt att beställa via sociala medier", "situationell")
    c_norms = cause(p2, "Cannabis ses som ofarligt bland unga vuxna", "social")
    c_parents = cause(
        p2, "Vårdnadshavare saknar kunskap om tecken på narkotikabruk", "social", c_norms
    )
    c_recruit = cause(p2, "Unga rekryteras till att sälja narkotika", "social")
    cause(p2, "Tidig skolfrånvaro och utanförskap", "social", c_recruit)

    for cid, source, indicator in (
        (c_dark, dialogue, None),
        (c_dark, survey, unsafe),
        (c_youth, field_workers, None),
        (c_adults, night_walkers, None),
        (c_youth, None, vandalism),
        (c_supply, police_picture, None),
        (c_supply, wastewater_source, cocaine),
        (c_norms, school_survey, drugs),
        (c_recruit, police_picture, None),
    ):
        if source is not None:
            causes.add_evidence(session, cause_id=cid, data_source_id=source)
        if indicator is not None:
            causes.add_evidence(session, cause_id=cid, indicator_id=indicator)
    return [p1, p2], Causes(
        c_dark,
        c_light,
        c_bush,
        c_youth,
        c_leisure,
        c_adults,
        c_supply,
        c_norms,
        c_parents,
        c_recruit,
    )


# size-exception: the example's records, one literal call each in the story's order.
def _plan(
    session: Session, ctx: DemoContext, part1: Part1, problems: list[int], found: Causes
) -> Measures:
    """The plan, its measures against the causes, adopted; last year's report head."""
    y, y0, today = ctx.year, ctx.year - 1, ctx.today
    people, orgs = ctx.people, ctx.organisations
    unsafe = part1.unsafe
    drugs = part1.drugs
    cocaine = part1.cocaine
    vandalism = part1.vandalism
    presented_picture = part1.presented_picture
    c_dark = found.c_dark
    c_light = found.c_light
    c_bush = found.c_bush
    c_youth = found.c_youth
    c_leisure = found.c_leisure
    c_adults = found.c_adults
    c_supply = found.c_supply
    c_parents = found.c_parents
    c_recruit = found.c_recruit
    plan = action_plan.create_plan(
        session,
        title=f"Åtgärdsplan för ett tryggare Storåker {y0}–{y}",
        period_start=date(y0, 1, 1),
        period_end=date(y, 12, 31),
        follow_up_on=date(y, 12, 10),
        situation_picture_id=presented_picture if isinstance(presented_picture, int) else None,
        note=(
            "Planen bygger på lägesbilden och på medborgardialogerna. Trygghetsrådet följer upp "
            "planen vid varje möte och gör en samlad uppföljning i december."
        ),
    ).id

    def measure(**kw: Any) -> int:
        return action_plan.create_measure(session, plan_id=plan, data=MeasureInput(**kw)).id

    m_light = measure(
        title="Ny belysning och röjning vid resecentrum och i gångtunneln",
        description="LED-belysning i gångtunneln under Storgatan, röjning av buskage "
        "bakom busskurerna.",
        kind="situationell",
        effect="kort sikt",
        responsible_organisation_id=orgs["kommun"],
        responsible_person_id=people["ekonom"],
        partners="Storåkershem AB, Trafikverket",
        start=date(y0, 3, 1),
        end=date(y0, 10, 31),
        resources="380 000 kr ur investeringsbudgeten",
        indicator_id=unsafe,
        target_value=20.0 if unsafe else None,
        target_direction="minska" if unsafe else "",
        status="pågår",
        cause_ids=(c_light, c_bush),
    )
    m_leisure = measure(
        title="Fritidsgården öppen till kl. 24 på fredagar",
        description="Förlängda öppettider med två fritidsledare och fältarna på plats.",
        kind="social",
        effect="kort och lång sikt",
        responsible_organisation_id=orgs["kommun"],
        responsible_person_id=people["fritid"],
        partners="Fältgruppen, Föräldrar på stan",
        start=date(y0, 9, 1),
        end=today - timedelta(days=30),
        resources="0,5 tjänst fritidsledare",
        indicator_id=vandalism,
        target_value=1200.0 if vandalism else None,
        target_direction="minska" if vandalism else "",
        status="pågår",
        cause_ids=(c_leisure,),
    )
    m_walks = measure(
        title="Nattvandringar fredag och lördag",
        description="Föräldrar på stan vandrar i centrum och vid resecentrum; kommunen står för "
        "västar, telefoner och utbildning.",
        kind="social",
        effect="kort sikt",
        responsible_organisation_id=orgs["nattvandring"],
        responsible_person_id=people["forening"],
        partners="Polisen, Fältgruppen",
        start=date(y0, 4, 1),
        end=date(y, 12, 31),
        resources="40 000 kr per år i föreningsbidrag",
        target_direction="minska",
        target_text="Färre ordningsstörningar vid resecentrum (Storåkershems larm per månad)",
        status="pågår",
        cause_ids=(c_adults,),
    )
    m_camera = measure(
        title="Kameraövervakning vid resecentrum",
        description="Ansökan om kamerabevakning av resecentrum; underlag tas fram av polisen.",
        kind="situationell",
        effect="kort sikt",
        responsible_organisation_id=orgs["polis"],
        responsible_person_id=people["kommunpolis"],
        partners="Kommunen, Storåkershem AB",
        start=date(y, 3, 1),
        end=date(y, 12, 31),
        resources="Kostnad utreds",
        status="ej påbörjad",
        cause_ids=(c_dark,),
    )
    m_parents = measure(
        title="Livesända föräldrakvällar om narkotika",
        description="Polisen och kommunen sänder tre temakvällar per år för vårdnadshavare.",
        kind="social",
        effect="lång sikt",
        responsible_organisation_id=orgs["polis"],
        responsible_person_id=people["polischef"],
        partners="Skolorna, Socialtjänsten",
        start=date(y0, 9, 1),
        end=date(y, 12, 31),
        resources="Personaltid",
        indicator_id=drugs,
        target_value=None,
        target_direction="minska" if drugs else "",
        status="pågår",
        cause_ids=(c_parents,),
    )
    m_field = measure(
        title="Tillsätta fältassistenttjänsten och förstärka det uppsökande arbetet",
        description="Den vakanta tjänsten tillsätts; fältarna arbetar kvällar vid resecentrum.",
        kind="social",
        effect="lång sikt",
        responsible_organisation_id=orgs["soc"],
        responsible_person_id=people["soc_chef"],
        start=date(y0, 2, 1),
        end=date(y0, 8, 31),
        resources="1,0 tjänst fältassistent",
        status="genomförd",
        cause_ids=(c_recruit, c_youth),
    )
    m_tips = measure(
        title="Tipskampanj mot narkotikaförsäljning i sociala medier",
        description="Avbröts: ersätts av polisens nationella kampanj.",
        kind="situationell",
        effect="kort sikt",
        responsible_organisation_id=orgs["polis"],
        start=date(y0, 5, 1),
        end=date(y0, 12, 31),
        indicator_id=cocaine,
        target_direction="minska" if cocaine else "",
        status="avbruten",
        cause_ids=(c_supply,),
    )
    measure(
        title="Medborgardialog vid julmarknaden",
        description="Samordnaren och kommunpolisen samtalar med besökare om tryggheten i "
        "centrum. Ännu inte kopplad till någon orsak i analysen.",
        kind="social",
        effect="kort sikt",
        responsible_organisation_id=orgs["kommun"],
        responsible_person_id=people["samordnare"],
        partners="Polisen, Kulturförvaltningen",
        start=date(y, 12, 12),
        end=date(y, 12, 13),
        # No status: nobody has said how it stands yet ("Ej bedömd").
    )
    action_plan.adopt_plan(
        session,
        plan,
        adopted_by="Kommunfullmäktige",
        adopted_on=date(y0, 4, 24),
        adoption_ref="§ 47",
    )

    _demo_report_head(session, y0, date(y0 + 1, 2, 10))

    ctx.extra["action_plan"] = {
        "plan": plan,
        "problems": problems,
        "measures": [m_light, m_leisure, m_walks, m_camera, m_parents, m_field, m_tips],
    }
    return Measures(plan, m_light, m_leisure, m_walks, m_camera, m_parents, m_field, m_tips)


def _demo_report_head(session: Session, year: int, issued_on: date) -> None:
    """Last year's follow-up as the coordinator sent it: own title, date, author, chapters."""
    from trygghetsrad.domain.situation.documents import Chapter, DocumentKind, Placement
    from trygghetsrad.services.situation import documents as situation_documents

    situation_documents.save_document(
        session,
        DocumentKind.FOLLOWUP,
        year,
        title=f"Trygghetsrådets årsrapport {year}",
        issued_on=issued_on,
        author="Maja Lindqvist, folkhälsostrateg och samordnare",
        chapters=(
            Chapter(
                "Förord",
                "Året präglades av arbetet kring resecentrum och av att fler föräldrar "
                "engagerade sig i nattvandringarna.",
                Placement.BEFORE,
            ),
            Chapter(
                "Kontakt",
                "Frågor om rapporten besvaras av samordnaren för Trygghetsrådet.",
                Placement.AFTER,
            ),
        ),
    )
