"""Example situation picture for Storåkers kommun: a dozen data sources, gaps, six indicators
with county and country comparisons, observations, last year's presented picture and this
year's picture in progress.

Shares ids with part 2 through `ctx.extra["sources"]`, `["indicators"]`, `["observations"]`,
`["gaps"]` (key -> id) and `ctx.extra["situation_pictures"]` ("presented", "current").
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any  # the example records are keyword arguments of the services

from sqlalchemy.orm import Session

from trygghetsrad.demo import DemoContext
from trygghetsrad.services import (
    situation_gaps,
    situation_indicators,
    situation_observations,
    situation_pictures,
    situation_sources,
)

MUNICIPALITY = "Storåkers kommun"
COUNTY = "Mittlands län"
COUNTRY = "Riket"


def _sources(ctx: DemoContext) -> list[tuple[str, dict[str, Any]]]:
    y, today = ctx.year, ctx.today
    org, person = ctx.organisations, ctx.people
    return [
        (
            "bra",
            {
                "name": "Anmälda brott (Brå)",
                "kind": "statistics",
                "provider_name": "Brottsförebyggande rådet (Brå)",
                "delivered_by_id": person["samordnare"],
                "description": "Brås officiella statistik över anmälda brott per kommun, "
                "hämtas från Brås webbplats när helårsstatistiken publiceras.",
                "frequency": "yearly",
                "last_received": date(y, 3, 26),
                "next_expected": date(y + 1, 3, 26),
                "geographic_level": "municipality",
                "obstacles": [
                    ("geography", "Redovisas per kommun, inte per kommundel."),
                    ("reporting", "Mörkertal: långt ifrån alla brott anmäls."),
                ],
            },
        ),
        (
            "polis_lagesbild",
            {
                "name": "Polisens lokala lägesbild",
                "kind": "police",
                "provider_organisation_id": org["polis"],
                "delivered_by_id": person["kommunpolis"],
                "description": "Lokalpolisområdets lägesbild; dras muntligt i Trygghetsrådet, "
                "en öppen sammanfattning lämnas skriftligt.",
                "frequency": "half_yearly",
                "last_received": date(y, 4, 15),
                "next_expected": date(y, 10, 15),
                "geographic_level": "district",
                "obstacles": [
                    ("secrecy", "Delar omfattas av sekretess och lämnas bara muntligt."),
                ],
            },
        ),
        (
            "trygghetsmatning",
            {
                "name": "Polisens trygghetsmätning",
                "kind": "survey",
                "provider_organisation_id": org["polis"],
                "delivered_by_id": person["kommunpolis"],
                "description": "Enkät till ett slumpat urval invånare 16 år och äldre om "
                "trygghet, problem i närmiljön och förtroende för polisen.",
                "frequency": "yearly",
                "last_received": date(y, 2, 10),
                "next_expected": date(y + 1, 2, 10),
                "geographic_level": "district",
                "obstacles": [("reporting", "Låg svarsfrekvens bland unga vuxna (under 25 %).")],
            },
        ),
        (
            "can",
            {
                "name": "Skolenkät om drogvanor (CAN)",
                "kind": "survey",
                "provider_organisation_id": org["skola"],
                "delivered_by_id": person["kurator"],
                "description": "CAN:s drogvaneundersökning i årskurs 9 och gymnasiet år 2, "
                "genomförs vartannat år.",
                "frequency": "biennial",
                "last_received": date(y - 1, 6, 12),
                "next_expected": date(y + 1, 6, 12),
                "geographic_level": "school",
                "obstacles": [
                    ("cost", "Kommunen betalar för deltagandet och sammanställningen."),
                    ("geography", "Redovisas per skola; små skolor slås ihop."),
                ],
            },
        ),
        (
            "soc",
            {
                "name": "Socialtjänstens aggregerade data",
                "kind": "statistics",
                "provider_organisation_id": org["soc"],
                "delivered_by_id": person["soc_chef"],
                "description": "Antal orosanmälningar om barn och unga, per kvartal och "
                "kommundel, aggregerat så att ingen enskild kan identifieras.",
                "frequency": "quarterly",
                "last_received": date(y, 6, 30),
                "next_expected": today - timedelta(days=24),
                "geographic_level": "district",
                "status": "requested",
                "obstacles": [
                    (
                        "secrecy",
                        "Socialtjänstsekretess: bara aggregerade uppgifter, "
                        "inga grupper mindre än fem personer.",
                    ),
                    ("gdpr", "Kräver en rättslig grund för varje sammanställning."),
                ],
            },
        ),
        (
            "raddning",
            {
                "name": "Räddningstjänstens insatser vid anlagd brand",
                "kind": "statistics",
                "provider_organisation_id": org["rtj"],
                "delivered_by_id": person["brandchef"],
                "description": "Insatser vid bränder i containrar, fordon och byggnader där "
                "branden misstänks vara anlagd.",
                "frequency": "quarterly",
                "last_received": date(y, 10, 5),
                "next_expected": today + timedelta(days=9),
                "geographic_level": "district",
            },
        ),
        (
            "bostad",
            {
                "name": "Skadegörelsekostnader Storåkershem",
                "kind": "statistics",
                "provider_organisation_id": org["bostad"],
                "delivered_by_id": person["bostad"],
                "description": "Bostadsbolagets kostnader för skadegörelse och klotter per "
                "bostadsområde.",
                "frequency": "yearly",
                "last_received": date(y, 1, 20),
                "next_expected": date(y + 1, 1, 20),
                "geographic_level": "catchment",
                "obstacles": [
                    ("geography", "Bostadsområdena följer inte kommundelarnas gränser."),
                ],
            },
        ),
        (
            "avlopp",
            {
                "name": "Avloppsvattenanalys av narkotika",
                "kind": "measurement",
                "provider_organisation_id": org["kommun"],
                "delivered_by_id": person["ekonom"],
                "description": "Provtagning vid Storåkers reningsverk en vecka per kvartal; "
                "analys av kokain, amfetamin och cannabis.",
                "frequency": "quarterly",
                "last_received": date(y, 9, 20),
                "next_expected": date(y, 12, 20),
                "geographic_level": "catchment",
                "obstacles": [("cost", "Cirka 40 000 kr per provomgång.")],
            },
        ),
        (
            "dialog",
            {
                "name": "Medborgardialoger",
                "kind": "dialogue",
                "provider_organisation_id": org["kommun"],
                "delivered_by_id": person["samordnare"],
                "description": "Dialoger med invånare tillsammans med polisen, underlag för "
                "medborgarlöftet.",
                "frequency": "irregular",
                "last_received": date(y - 1, 10, 18),
                "geographic_level": "district",
                "obstacles": [("other", "Få unga och få boende i ytterområdena deltar.")],
            },
        ),
        (
            "faltare",
            {
                "name": "Fältgruppens iakttagelser",
                "kind": "observation",
                "provider_organisation_id": org["soc"],
                "delivered_by_id": person["faltare1"],
                "description": "Fältassistenternas månadsrapport om platser där unga samlas.",
                "frequency": "monthly",
                "last_received": date(today.year, today.month, 1) - timedelta(days=1),
                "next_expected": date(today.year, today.month, 1) + timedelta(days=30),
                "geographic_level": "district",
                "internal": True,
            },
        ),
        (
            "nattvandring",
            {
                "name": "Nattvandrarnas rapporter",
                "kind": "observation",
                "provider_organisation_id": org["nattvandring"],
                "delivered_by_id": person["forening"],
                "description": "Korta rapporter efter varje nattvandring fredag och lördag.",
                "frequency": "monthly",
                "last_received": date(y, 8, 31),
                "next_expected": date(y, 9, 30),
                "geographic_level": "district",
                "obstacles": [("reporting", "Rapporterna kommer oregelbundet.")],
            },
        ),
        (
            "ungdomsmottagning",
            {
                "name": "Ungdomsmottagningens iakttagelser",
                "kind": "observation",
                "provider_organisation_id": org["region"],
                "delivered_by_id": person["ungdom"],
                "description": "Iakttagelser om utsatthet och droger bland unga som söker "
                "ungdomsmottagningen.",
                "frequency": "irregular",
                "geographic_level": "municipality",
                "status": "missing",
                "obstacles": [
                    ("secrecy", "Hälso- och sjukvårdssekretess; bara generella iakttagelser."),
                ],
            },
        ),
    ]


def _wave(i: int, amplitude: float, phase: float = 0.0) -> float:
    return amplitude * math.sin(i * 1.3 + phase)


def _indicators(
    ctx: DemoContext,
) -> list[tuple[str, dict[str, Any], list[tuple[str, str, float]]]]:
    years = list(range(ctx.year - 6, ctx.year))  # six full years
    result: list[tuple[str, dict[str, Any], list[tuple[str, str, float]]]] = []

    def yearly(
        base: dict[str, float], slope: dict[str, float], wobble: float
    ) -> list[tuple[str, str, float]]:
        rows = []
        for i, year in enumerate(years):
            for j, (area, start) in enumerate(base.items()):
                value = start + slope[area] * i + _wave(i, wobble, j)
                rows.append((area, str(year), round(value, 1)))
        return rows

    result.append(
        (
            "vald",
            {
                "name": "Anmälda våldsbrott per 100 000 invånare",
                "unit": "per 100 000 inv.",
                "source": "bra",
                "chart_kind": "line",
                "comparison_area": COUNTY,
                "description": "Misshandel, olaga hot och rån, anmälda i kommunen.",
            },
            yearly(
                {MUNICIPALITY: 980.0, COUNTY: 1050.0, COUNTRY: 1120.0},
                {MUNICIPALITY: 22.0, COUNTY: 8.0, COUNTRY: 5.0},
                25.0,
            ),
        )
    )
    result.append(
        (
            "skadegorelse",
            {
                "name": "Anmäld skadegörelse per 100 000 invånare",
                "unit": "per 100 000 inv.",
                "source": "bra",
                "chart_kind": "bar",
                "comparison_area": COUNTRY,
                "description": "Skadegörelse och klotter, anmälda i kommunen.",
            },
            yearly(
                {MUNICIPALITY: 1460.0, COUNTRY: 1390.0},
                {MUNICIPALITY: -35.0, COUNTRY: -12.0},
                40.0,
            ),
        )
    )
    result.append(
        (
            "otrygghet",
            {
                "name": "Andel som känner sig otrygga utomhus kvällstid",
                "unit": "procent",
                "source": "trygghetsmatning",
                "chart_kind": "line",
                "comparison_area": COUNTRY,
                "description": "Andel av de svarande som känner sig ganska eller mycket "
                "otrygga när de går ut ensamma sent en kväll i sitt bostadsområde.",
            },
            yearly({MUNICIPALITY: 24.0, COUNTRY: 27.0}, {MUNICIPALITY: 0.6, COUNTRY: -0.4}, 1.1),
        )
    )
    can_years = list(range(ctx.year - 9, ctx.year, 2))
    can_rows = []
    for i, year in enumerate(can_years):
        can_rows.append((MUNICIPALITY, str(year), round(5.0 + 0.7 * i + _wave(i, 0.4), 1)))
        can_rows.append((COUNTRY, str(year), round(6.0 + 0.3 * i + _wave(i, 0.3, 1), 1)))
    result.append(
        (
            "can",
            {
                "name": "Elever i årskurs 9 som använt narkotika",
                "unit": "procent",
                "source": "can",
                "chart_kind": "bar",
                "comparison_area": COUNTRY,
                "description": "Andel elever som någon gång använt narkotika (CAN).",
            },
            can_rows,
        )
    )
    quarters = [(y, q) for y in range(ctx.year - 5, ctx.year + 1) for q in (1, 2, 3, 4)]
    quarters = [
        (y, q) for y, q in quarters if date(y, (q - 1) * 3 + 1, 1) < ctx.today - timedelta(days=60)
    ]
    coke = []
    for i, (y, q) in enumerate(quarters):
        coke.append((MUNICIPALITY, f"{y}-Q{q}", round(48 + 3.1 * i + _wave(i, 9), 1)))
        coke.append((COUNTRY, f"{y}-Q{q}", round(95 + 2.4 * i + _wave(i, 6, 2), 1)))
    result.append(
        (
            "kokain",
            {
                "name": "Kokain i avloppsvatten",
                "unit": "mg per 1 000 invånare och dygn",
                "source": "avlopp",
                "chart_kind": "line",
                "comparison_area": COUNTRY,
                "description": "Uppmätt mängd bensoylekgonin (kokain) vid Storåkers "
                "reningsverk, medel under provveckan.",
            },
            coke,
        )
    )
    result.append(
        (
            "kostnader",
            {
                "name": "Skadegörelsekostnader Storåkershem",
                "unit": "tkr",
                "source": "bostad",
                "chart_kind": "bar",
                "comparison_area": "",
                "description": "Bostadsbolagets kostnader för skadegörelse och klotter.",
            },
            yearly({MUNICIPALITY: 1250.0}, {MUNICIPALITY: -60.0}, 90.0),
        )
    )
    return result


def fill(session: Session, ctx: DemoContext) -> None:
    y = ctx.year
    sources: dict[str, int] = {}
    for key, fields in _sources(ctx):
        last = fields.get("last_received")
        if isinstance(last, date) and last > ctx.today:
            fields["last_received"] = last.replace(year=last.year - 1)
        # The example's sources are in hand unless their story says otherwise.
        fields.setdefault("status", "available")
        sources[key] = situation_sources.create_source(session, **fields).id
    # A received PDF kept with the police's local picture.
    situation_sources.add_attachment(
        session,
        sources["polis_lagesbild"],
        filename=f"Lokal lägesbild Storåker vår {y}.pdf",
        data=_tiny_pdf(f"Lokal lägesbild Storåker, våren {y}"),
        received_on=date(y, 4, 15),
    )
    situation_sources.add_attachment(
        session,
        sources["bostad"],
        filename=f"Skadegörelse per område {y - 1}.csv",
        data=("område;kostnad (tkr)\nNorrmalm;412\nCentrum;305\nVästra;188\n").encode(),
        received_on=date(y, 1, 20),
    )

    indicators: dict[str, int] = {}
    for key, fields, rows in _indicators(ctx):
        source_key = fields.pop("source")
        indicators[key] = situation_indicators.create_indicator(
            session,
            source_id=sources[str(source_key)],
            main_area=MUNICIPALITY,
            **fields,
        ).id
        situation_indicators.replace_values(session, indicators[key], rows)

    gaps = {
        "analys": situation_gaps.create_gap(
            session,
            kind="competence",
            title="Analyskompetens för brottsstatistik",
            description="Ingen i samverkan har tid eller vana att analysera statistiken "
            "över flera år och jämföra med länet.",
            who_could_fill="Länsstyrelsens regionala samordnare för brottsförebyggande arbete; "
            "kommunens utredare.",
            actions_taken=f"Förfrågan skickad till länsstyrelsen i oktober {y}.",
            status="in_progress",
            identified_on=date(y - 1, 3, 15),
        ).id,
        "vald_nara": situation_gaps.create_gap(
            session,
            kind="source",
            title="Underlag om våld i nära relationer",
            description="Anmälningsstatistiken fångar en liten del; socialtjänstens och "
            "kvinnojourens kunskap saknas i lägesbilden.",
            who_could_fill="Socialtjänsten och kvinnojouren",
            organisation_id=ctx.organisations["soc"],
            actions_taken="Diskuterat i Klara-gruppen; socialtjänsten undersöker vad som kan "
            "lämnas aggregerat.",
            status="open",
            identified_on=date(y - 1, 3, 15),
        ).id,
        "unga_vuxna": situation_gaps.create_gap(
            session,
            kind="source",
            title="Trygghet bland unga vuxna 18–25 år",
            description="Trygghetsmätningen når få unga vuxna och skolenkäten slutar vid "
            "gymnasiet.",
            who_could_fill="Fritidsgården och Älvdalsgymnasiet (enkät till tidigare elever)",
            status="open",
            identified_on=date(y, 2, 12),
        ).id,
    }

    obs_rows = [
        (
            "industri",
            "Industriområdet är lugnare än tidigare",
            "Industriområdet Västra",
            "vandalism",
            "falling",
            (),
            date(y, 5, 20),
            "Färre larm om inbrott och skadegörelse sedan belysningen byttes och kameror sattes upp.",
            "Polisen, kommunpolisen",
            ["polis_lagesbild", "bostad"],
            ["skadegorelse"],
            False,
        ),
        (
            "busstation",
            "Ungdomar samlas vid resecentrum kvällstid",
            "Resecentrum",
            "youth",
            "rising",
            (9, 10, 11),
            date(y, 10, 2),
            "Grupper om 15–20 unga, en del under 15 år, fredagar och lördagar. Stök och "
            "enstaka hot mot resenärer.",
            "Fältgruppen och nattvandrarna",
            ["faltare", "nattvandring"],
            [],
            False,
        ),
        (
            "narkotika",
            "Narkotika säljs via sociala medier",
            "Hela kommunen",
            "drugs",
            "rising",
            (),
            date(y, 9, 25),
            "Unga beställer via meddelandeappar och får leverans hem. Avloppsmätningarna visar "
            "stigande nivåer av kokain.",
            "Polisen och skolkuratorerna",
            ["avlopp", "can"],
            ["kokain", "can"],
            False,
        ),
        (
            "tvattstugor",
            "Skadegörelse i tvättstugor och källare",
            "Norrmalm",
            "vandalism",
            "unchanged",
            (),
            date(y, 3, 14),
            "Återkommande skadegörelse och klotter i allmänna utrymmen.",
            "Storåkershem",
            ["bostad"],
            ["kostnader"],
            False,
        ),
        (
            "container",
            "Bränder i containrar kring valborg",
            "Centrum",
            "fire",
            "unchanged",
            (4, 5),
            date(y, 5, 5),
            "Anlagda bränder i containrar och papperskorgar.",
            "Räddningstjänsten",
            ["raddning"],
            [],
            False,
        ),
        (
            "tunnel",
            "Otrygg gångtunnel under Storgatan",
            "Centrum",
            "unsafe_place",
            "unchanged",
            (10, 11, 12, 1, 2),
            date(y, 2, 15),
            "Flera i medborgardialogen undviker tunneln när det är mörkt; dålig belysning.",
            "Medborgardialog",
            ["dialog", "trygghetsmatning"],
            ["otrygghet"],
            False,
        ),
        (
            "inbrott",
            "Bostadsinbrott i villaområden under semestern",
            "Södra villaområdet",
            "burglary",
            "falling",
            (7, 8),
            date(y, 8, 30),
            "Färre inbrott sedan grannsamverkan startade.",
            "Polisen",
            ["polis_lagesbild"],
            [],
            False,
        ),
        (
            "rekrytering",
            "Oro för rekrytering av unga till kriminella nätverk",
            "Centrum",
            "youth",
            "rising",
            (),
            date(y, 11, 4),
            "Uppgifter om att äldre ungdomar erbjuder yngre betalt för uppdrag. Känsligt; "
            "sprids inte utanför rådet.",
            "Socialtjänsten och polisen",
            ["soc", "polis_lagesbild"],
            [],
            True,
        ),
        (
            "industri_fg",
            "Inbrott och stölder i industriområdet",
            "Industriområdet Västra",
            "burglary",
            "rising",
            (1, 2, 12),
            date(y - 1, 3, 1),
            "Återkommande inbrott i firmabilar och förråd, främst vintertid.",
            "Polisen",
            ["polis_lagesbild"],
            [],
            False,
        ),
        (
            "tunnel_fg",
            "Otrygg gångtunnel under Storgatan",
            "Centrum",
            "unsafe_place",
            "rising",
            (10, 11, 12, 1, 2),
            date(y - 1, 10, 18),
            f"Tas upp i medborgardialogen hösten {y - 1}.",
            "Medborgardialog",
            ["dialog"],
            ["otrygghet"],
            False,
        ),
        (
            "klotter_fg",
            "Klotter i centrum",
            "Centrum",
            "vandalism",
            "unchanged",
            (),
            date(y - 1, 6, 10),
            "Klotter på skolor och busskurer.",
            "Storåkershem",
            ["bostad"],
            ["skadegorelse"],
            False,
        ),
    ]
    observations: dict[str, int] = {}
    for (
        key,
        title,
        place,
        category,
        trend,
        peaks,
        observed,
        description,
        reported_by,
        src_keys,
        ind_keys,
        internal,
    ) in obs_rows:
        observations[key] = situation_observations.create_observation(
            session,
            title=title,
            place=place,
            category=category,
            trend=trend,
            peak_months=peaks,
            observed_on=min(observed, ctx.today),
            description=description,
            reported_by=reported_by,
            source_ids=[sources[k] for k in src_keys],
            indicator_ids=[indicators[k] for k in ind_keys],
            internal=internal,
        ).id

    previous = situation_pictures.create_picture(
        session,
        title=f"Lägesbild {y - 1}",
        period_start=date(y - 1, 1, 1),
        period_end=date(y - 1, 12, 31),
        summary=f"Storåkers kommuns första lägesbild enligt lagen om kommuners ansvar för "
        f"brottsförebyggande arbete. Den bygger på statistik till och med {y - 2} och på "
        f"iakttagelser under {y - 1}.",
        part_mapping="Det anmälda våldet har ökat något de senaste åren men ligger under "
        "länet. Skadegörelsen minskar. Inbrott i industriområdet är det problem som ökat "
        "mest under året.",
        part_other="I medborgardialogerna lyfts gångtunneln under Storgatan som den mest "
        "otrygga platsen i centrum. Unga vuxna är svåra att nå med enkäter.",
        part_analysis="Problemen koncentreras till centrum och industriområdet. Dålig "
        "belysning och få vuxna i rörelse kvällstid är gemensamma faktorer.",
        limitations="Statistiken redovisas per kommun och kan inte brytas ned på "
        "kommundelar. Socialtjänstens uppgifter saknas.",
    ).id
    situation_pictures.present_picture(
        session,
        previous,
        presented_on=min(date(y, 3, 12), ctx.today),
        presented_to="Kommunstyrelsen",
        continue_work=False,
    )
    current = situation_pictures.create_picture(
        session,
        title=f"Lägesbild {y}",
        period_start=date(y, 1, 1),
        period_end=date(y, 12, 31),
        summary=f"Lägesbilden för {y} tas fram av samordnaren tillsammans med Trygghetsrådet "
        f"och Klara-gruppen och ska presenteras för kommunstyrelsen i början av {y + 1}.",
        part_mapping="Våldet ligger kvar på ungefär samma nivå som tidigare år. "
        "Skadegörelsen fortsätter att minska, och industriområdet är lugnare än tidigare. "
        "Avloppsmätningarna visar stigande nivåer av kokain, men från en låg nivå jämfört "
        "med riket.",
        part_other="Fältgruppen och nattvandrarna ser fler yngre ungdomar vid resecentrum på "
        "helgkvällar under hösten. Bränder i containrar återkommer kring valborg.",
        part_analysis="",
        limitations="Socialtjänstens aggregerade data för årets andra halvår har inte "
        "kommit in. Ungdomsmottagningens iakttagelser saknas helt.",
    ).id

    ctx.extra["sources"] = sources
    ctx.extra["indicators"] = indicators
    ctx.extra["observations"] = observations
    ctx.extra["gaps"] = gaps
    ctx.extra["situation_pictures"] = {"presented": previous, "current": current}


def _tiny_pdf(title: str) -> bytes:
    """A minimal, valid one-page PDF (no reportlab at demo time)."""
    text = title.encode("latin-1", errors="replace")
    stream = b"BT /F1 18 Tf 72 760 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)
