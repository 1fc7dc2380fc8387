"""The example action plan followed up: dated follow-up notes on the measures, the
agreements with the police and their commitments, and the links from the minutes' actions
and the council's decisions to the measures."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from trygghetsrad.db.models.meetings import ActionItem, AgendaItem, Decision, Meeting
from trygghetsrad.demo import DemoContext
from trygghetsrad.demo.action_plan_ids import Measures
from trygghetsrad.services.situation import action_plan, agreement_steps, agreements
from trygghetsrad.services.situation import action_plan_meetings as links


# size-exception: the example's records, one literal call each in the story's order.
def followups(session: Session, ctx: DemoContext, measures: Measures) -> None:
    """Dated follow-up notes on the measures."""
    y, y0, today = ctx.year, ctx.year - 1, ctx.today
    m_light = measures.m_light
    m_leisure = measures.m_leisure
    m_walks = measures.m_walks
    m_camera = measures.m_camera
    m_parents = measures.m_parents
    m_field = measures.m_field
    m_tips = measures.m_tips

    def followup(
        mid: int,
        day: date,
        status: str,
        done: str,
        effect: str = "",
        value: float | None = None,
        internal: bool = False,
    ) -> None:
        if day <= today:
            action_plan.add_followup(
                session,
                measure_id=mid,
                noted_on=day,
                status=status,
                done=done,
                effect=effect,
                indicator_value=value,
                internal=internal,
            )

    followup(
        m_light,
        date(y0, 6, 12),
        "pågår",
        "Belysningen i gångtunneln är utbytt.",
        "Färre klagomål till Storåkershem.",
    )
    followup(m_light, date(y0, 11, 20), "pågår", "Röjningen försenad av markägarfrågan.")
    followup(
        m_light,
        date(y, 5, 14),
        "pågår",
        "Röjning klar längs halva perrongen.",
        "Trygghetsvandringen i april upplevde stationen som ljusare.",
    )
    followup(
        m_leisure,
        date(y0, 11, 20),
        "pågår",
        "Öppet till kl. 24 sedan september.",
        "30–40 besökare per fredag.",
    )
    followup(
        m_leisure,
        date(y, 9, 3),
        "pågår",
        "Finansieringen efter sommaren är oklar.",
        "Fältarna ser färre ungdomar vid resecentrum.",
    )
    followup(
        m_walks,
        date(y0, 11, 20),
        "pågår",
        "Vandringar varannan helg; 14 aktiva vandrare.",
        value=14,
    )
    followup(
        m_walks,
        date(y, 9, 3),
        "pågår",
        "Fem nya vandrare; vandringar varje helg.",
        "Polisen rapporterar lugnare fredagskvällar.",
        value=9,
    )
    followup(
        m_camera,
        date(y, 9, 3),
        "ej påbörjad",
        "Polisens underlag är inte klart; bevakningsområdet diskuteras.",
    )
    followup(m_parents, date(y0, 11, 20), "pågår", "Första sändningen: 140 tittare.")
    followup(m_parents, date(y, 5, 14), "pågår", "Två sändningar till; tema cannabis och kokain.")
    followup(m_field, date(y0, 6, 12), "pågår", "Rekrytering pågår.", internal=True)
    followup(
        m_field,
        date(y0, 9, 10),
        "genomförd",
        "Tjänsten tillsatt 1 september.",
        "Fältarna arbetar nu tre kvällar i veckan.",
    )
    followup(
        m_tips,
        date(y0, 9, 10),
        "avbruten",
        "Avbruten; polisens nationella kampanj täcker samma sak.",
    )


# size-exception: the example's records, one literal call each in the story's order.
def agreements_with_police(session: Session, ctx: DemoContext, measures: Measures) -> int:
    """The agreements with the police and their commitments; the police's commitment at
    the travel centre."""
    y, y0, today = ctx.year, ctx.year - 1, ctx.today
    m_light = measures.m_light
    m_leisure = measures.m_leisure
    m_walks = measures.m_walks
    m_camera = measures.m_camera
    m_parents = measures.m_parents
    signatories = (
        "Göran Sjöberg, kommunalråd, Storåkers kommun\n"
        "Lena Holmström, chef lokalpolisområde Storåker, Polisen"
    )
    parties = "Storåkers kommun\nPolisen, lokalpolisområde Storåker"
    coop = agreements.create_agreement(
        session,
        kind="samverkansöverenskommelse",
        title=f"Samverkansöverenskommelse mellan Storåkers kommun och Polisen {y - 3}–{y}",
        period_start=date(y - 3, 1, 1),
        period_end=date(y, 12, 31),
        parties=parties,
        signatories=signatories,
        signed_on=date(y - 3, 3, 2),
        signed_place="Storåker",
        focus_areas="Trygg offentlig miljö\nBarn och unga\nNarkotika",
        background=(
            "Överenskommelsen bygger på medborgardialogerna hösten före och på statistik från "
            "kommunen och Polisen. Den följs upp årligen i Trygghetsrådet."
        ),
    ).id
    old_promise = agreements.create_agreement(
        session,
        kind="medborgarlöfte",
        title=f"Medborgarlöfte Storåker {y - 3}–{y - 2}",
        period_start=date(y - 3, 1, 1),
        period_end=date(y - 2, 12, 31),
        parties=parties,
        signatories=signatories,
        signed_on=date(y - 3, 3, 2),
        signed_place="Storåker",
        belongs_to_id=coop,  # each names the other in the page and the PDF
        focus_areas="Trygghet i centrum",
    ).id
    promise = agreements.create_agreement(
        session,
        kind="medborgarlöfte",
        title=f"Medborgarlöfte Storåker {y0}–{y}",
        period_start=date(y0, 1, 1),
        period_end=date(y, 12, 31),
        parties=parties,
        signatories=signatories,
        signed_on=date(y0, 2, 20),
        signed_place="Storåker, resecentrum",
        belongs_to_id=coop,
        focus_areas="Trygghet vid resecentrum\nNarkotika bland unga vuxna",
        background="Löftet bygger på medborgardialogen under Kulturnatten och polisens lägesbild.",
    ).id

    def commit(
        agreement: int,
        party: str,
        text: str,
        status: str,
        measures: tuple[int, ...] = (),
        focus: str = "",
        number: str = "",
        party_name: str = "",
    ) -> int:
        return agreements.create_commitment(
            session,
            agreement_id=agreement,
            party=party,
            text=text,
            status=status,
            measure_ids=measures,
            focus_area=focus,
            number=number,
            party_name=party_name,
        ).id

    # The agreement's own working model, followed up step by step in the yearly report.
    for title, description, followup, day in (
        (
            "Gemensam lägesbild",
            "Kommunen och Polisen tar fram en gemensam lägesbild varje höst.",
            "Lägesbilden togs fram i oktober med data från Polisen, skolan och Storåkershem.",
            date(y - 1, 10, 20),
        ),
        (
            "Prioritera problem",
            "Trygghetsrådet väljer högst tre problem att arbeta med.",
            "Rådet prioriterade narkotika bland unga vuxna och otrygghet vid resecentrum.",
            date(y - 1, 11, 20),
        ),
        ("Medborgarlöfte", "Problemen blir ett medborgarlöfte som följs upp varje år.", "", None),
    ):
        agreement_steps.add_step(
            session,
            coop,
            title=title,
            description=description,
            followup=followup,
            followed_on=day,
        )

    # As signed: numbered 1–3, each party named as the text names it.
    commit(
        coop,
        "kommunen",
        "Samordna det brottsförebyggande arbetet genom en samordnare.",
        "pågår",
        number="1",
        party_name="Storåkers kommun",
    )
    commit(
        coop,
        "polisen",
        "Delta i Trygghetsrådet och ge en lägesbild vid varje möte.",
        "pågår",
        number="2",
        party_name="Lokalpolisområde Storåker",
    )
    commit(
        coop,
        "gemensamt",
        "Ta fram en gemensam lägesbild och följa upp den årligen.",
        "pågår",
        number="3",
        party_name="Storåkers kommun och Polisen",
    )
    commit(
        old_promise, "polisen", "Öka den synliga närvaron i centrum fredagskvällar.", "genomförd"
    )
    commit(
        old_promise, "kommunen", "Förbättra belysningen längs gång- och cykelvägar.", "genomförd"
    )
    c_police = commit(
        promise,
        "polisen",
        "Vara synliga vid resecentrum fredag och lördag kväll och vid större "
        "evenemang som End of summer meet.",
        "pågår",
        (m_walks,),
        "Trygghet vid resecentrum",
    )
    commit(
        promise,
        "polisen",
        "Ta fram underlag för kameraövervakning vid resecentrum.",
        "ej påbörjad",
        (m_camera,),
        "Trygghet vid resecentrum",
    )
    c_municipality = commit(
        promise,
        "kommunen",
        "Förbättra belysningen vid resecentrum och hålla fritidsgården öppen fredagskvällar.",
        "pågår",
        (m_light, m_leisure),
        "Trygghet vid resecentrum",
    )
    commit(
        promise,
        "gemensamt",
        "Genomföra föräldrakvällar om narkotika tillsammans med skolorna.",
        "pågår",
        (m_parents,),
        "Narkotika bland unga vuxna",
    )
    action_plan.add_followup(
        session,
        commitment_id=c_municipality,
        noted_on=date(y0, 11, 20),
        status="pågår",
        done="Belysningen i gångtunneln är utbytt; fritidsgården öppen till kl. 24.",
    )
    if date(y, 9, 3) <= today:
        action_plan.add_followup(
            session,
            commitment_id=c_police,
            noted_on=date(y, 9, 3),
            status="pågår",
            done="Polisen har funnits på plats vid resecentrum 30 av 36 helger.",
        )
    return c_police


def minute_links(session: Session, ctx: DemoContext, measures: Measures, c_police: int) -> None:
    """Links from the minutes' actions and decisions to the measures and commitments."""
    today = ctx.today
    m_light = measures.m_light
    m_leisure = measures.m_leisure
    m_walks = measures.m_walks
    m_camera = measures.m_camera
    m_field = measures.m_field
    actions = ctx.extra.get("action_items")
    if isinstance(actions, dict):
        for key, target in (
            ("night_walks", {"measure_id": m_walks}),
            ("field_worker_post", {"measure_id": m_field}),
            ("police_at_festival", {"commitment_id": c_police}),
        ):
            aid = actions.get(key)
            if isinstance(aid, int) and session.get(ActionItem, aid) is not None:
                links.link(session, action_item_id=aid, **target)
    for aid in session.scalars(
        select(ActionItem.id).where(ActionItem.what.contains("trygghetskameror"))
    ):
        links.link(session, action_item_id=aid, measure_id=m_camera)
    _council_decisions(session, today, m_light, m_leisure, m_field)


def _council_decisions(session: Session, today: date, *measures: int) -> None:
    """What the council decided about the plan: decisions under its follow-up item."""
    texts = [
        "Trygghetsrådet konstaterar att belysningen vid resecentrum är åtgärdad och att "
        "röjningen ska slutföras under våren.",
        "Trygghetsrådet föreslår att fritidsgårdens förlängda öppettider permanentas i budgeten.",
        "Trygghetsrådet lägger redovisningen av fältassistenttjänsten till handlingarna.",
    ]
    items = session.execute(
        select(AgendaItem.id, Meeting.day)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(AgendaItem.title.contains("tgärdsplanen"), Meeting.day <= today)
        .order_by(Meeting.day)
    ).all()
    for (item_id, _day), text, mid in zip(items[-3:], texts, measures, strict=False):
        position = session.scalar(
            select(func.coalesce(func.max(Decision.position), -1) + 1).where(
                Decision.item_id == item_id
            )
        )
        decision = Decision(item_id=item_id, position=position, text=text)
        session.add(decision)
        session.flush()
        links.link(session, decision_id=decision.id, measure_id=mid)
