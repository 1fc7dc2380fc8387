"""Example situation picture for Storåkers kommun: a dozen data sources, gaps, six indicators
with county and country comparisons, observations, last year's presented picture and this
year's picture in progress.

Shares ids with part 2 through `ctx.extra["sources"]`, `["indicators"]`, `["observations"]`,
`["gaps"]` (key -> id) and `ctx.extra["situation_pictures"]` ("presented", "current").
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from trygghetsrad.demo import DemoContext, indicator_data, situation_data
from trygghetsrad.demo.indicator_data import MUNICIPALITY
from trygghetsrad.services.situation import gaps as situation_gaps
from trygghetsrad.services.situation import indicators as situation_indicators
from trygghetsrad.services.situation import observations as situation_observations
from trygghetsrad.services.situation import pictures as situation_pictures
from trygghetsrad.services.situation import sources as situation_sources


def fill(session: Session, ctx: DemoContext) -> None:
    sources = _add_sources(session, ctx)
    indicators = _add_indicators(session, ctx, sources)
    gaps = _add_gaps(session, ctx)
    observations = _add_observations(session, ctx, sources, indicators)
    previous, current = _add_pictures(session, ctx)
    ctx.extra["sources"] = sources
    ctx.extra["indicators"] = indicators
    ctx.extra["observations"] = observations
    ctx.extra["gaps"] = gaps
    ctx.extra["situation_pictures"] = {"presented": previous, "current": current}


def _add_sources(session: Session, ctx: DemoContext) -> dict[str, int]:
    """The data sources (key -> id), two with a received file."""
    y = ctx.year
    sources: dict[str, int] = {}
    for key, fields in situation_data.sources(ctx):
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
    return sources


def _add_indicators(session: Session, ctx: DemoContext, sources: dict[str, int]) -> dict[str, int]:
    """The indicators with their values (key -> id)."""
    indicators: dict[str, int] = {}
    for key, fields, rows in indicator_data.indicators(ctx):
        source_key = fields.pop("source")
        indicators[key] = situation_indicators.create_indicator(
            session,
            source_id=sources[str(source_key)],
            main_area=MUNICIPALITY,
            **fields,
        ).id
        situation_indicators.replace_values(session, indicators[key], rows)
    return indicators


def _add_gaps(session: Session, ctx: DemoContext) -> dict[str, int]:
    """What the picture lacks: competence and sources (key -> id)."""
    y = ctx.year
    return {
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


def _add_observations(
    session: Session, ctx: DemoContext, sources: dict[str, int], indicators: dict[str, int]
) -> dict[str, int]:
    """The observations, each with the sources and indicators behind it (key -> id)."""
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
    ) in situation_data.observations(ctx):
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
    return observations


def _add_pictures(session: Session, ctx: DemoContext) -> tuple[int, int]:
    """Last year's picture, presented, and this year's in progress."""
    y = ctx.year
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
    return previous, current


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
