"""The example situation picture's records: data sources and observations, as the keyword
arguments of the services that store them (`demo.situation` stores them; the indicators are
in `demo.indicator_data`). Long literal lists on purpose: each is the story's data.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any  # the example records are keyword arguments of the services

from trygghetsrad.demo import DemoContext

# One observation: key, title, place, category, trend, peak months, observed on,
# description, reported by, source keys, indicator keys, internal.
Observation = tuple[
    str, str, str, str, str, tuple[int, ...], date, str, str, list[str], list[str], bool
]


# size-exception: the example's data sources, one literal record each.
def sources(ctx: DemoContext) -> list[tuple[str, dict[str, Any]]]:
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


# size-exception: the example's observations, one literal record each.
def observations(ctx: DemoContext) -> list[Observation]:
    y = ctx.year
    return [
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
