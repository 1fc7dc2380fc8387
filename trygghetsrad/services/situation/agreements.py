"""Agreements with the police (*samverkansöverenskommelse*, *medborgarlöfte*): their
commitments per party, each linked to measures and followed up like them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from trygghetsrad.db.models.action_plan import (
    Agreement,
    Commitment,
    Measure,
    commitment_measures,
)
from trygghetsrad.domain.attachments import OwnerKind
from trygghetsrad.domain.changes import ACTION_PLAN, Changes, Created
from trygghetsrad.domain.register import clean_text
from trygghetsrad.domain.situation.action_plan import (
    MeasureStatus,
    check_dates,
    clean_enum,
    clean_title,
)
from trygghetsrad.domain.situation.agreements import (
    PARTY_ORDER,
    AgreementData,
    AgreementDocument,
    AgreementKind,
    CommitmentData,
    CommitmentRow,
    Party,
    commitment_light,
    number_key,
)
from trygghetsrad.domain.situation.documents import DocumentKind
from trygghetsrad.errors import UserError, ValidationError
from trygghetsrad.i18n import tr
from trygghetsrad.services import settings
from trygghetsrad.services.attachments_read import list_attachments
from trygghetsrad.services.records import get_or_fail
from trygghetsrad.services.situation import action_plan_meetings as meeting_links
from trygghetsrad.services.situation.action_plan_progress import list_followups, measure_light
from trygghetsrad.services.situation.agreement_steps import list_steps
from trygghetsrad.services.situation.documents import document_settings

CHANGED = Changes.of(ACTION_PLAN)


_get = get_or_fail


def _data(
    a: Agreement,
    count: int = 0,
    titles: dict[int, str] | None = None,
    promises: tuple[str, ...] = (),
) -> AgreementData:
    titles = titles or {}
    return AgreementData(
        id=a.id,
        kind=a.kind,
        title=a.title,
        period_start=a.period_start,
        period_end=a.period_end,
        parties=a.parties,
        signatories=a.signatories,
        signed_on=a.signed_on,
        focus_areas=a.focus_areas,
        background=a.background,
        internal=a.internal,
        commitment_count=count,
        signed_place=a.signed_place,
        belongs_to_id=a.belongs_to_id,
        belongs_to_title=titles.get(a.belongs_to_id or 0, ""),
        promises=promises,
    )


def list_agreements(session: Session) -> list[AgreementData]:
    counts = dict(
        session.execute(
            select(Commitment.agreement_id, func.count()).group_by(Commitment.agreement_id)
        ).all()
    )
    rows = list(
        session.scalars(select(Agreement).order_by(Agreement.period_start.desc(), Agreement.kind))
    )
    titles = {a.id: a.title for a in rows}
    return [_data(a, counts.get(a.id, 0), titles, _promises(rows, a.id)) for a in rows]


def _promises(rows: list[Agreement], agreement_id: int) -> tuple[str, ...]:
    """The titles of the agreements made under `agreement_id`, oldest first."""
    found = sorted(
        (r for r in rows if r.belongs_to_id == agreement_id), key=lambda r: r.period_start
    )
    return tuple(r.title for r in found)


def get_agreement(
    session: Session, agreement_id: int, *, include_internal: bool = True
) -> AgreementData:
    """The agreement; without `include_internal` the internal medborgarlöften under it and an
    internal agreement it belongs to are not named (a shared document leaves them out)."""
    a = _get(session, Agreement, agreement_id)
    count = session.scalar(select(func.count()).where(Commitment.agreement_id == a.id)) or 0
    related = [
        r
        for r in session.scalars(
            select(Agreement).where(
                (Agreement.belongs_to_id == a.id) | (Agreement.id == (a.belongs_to_id or 0))
            )
        )
        if include_internal or not r.internal
    ]
    titles = {r.id: r.title for r in related}
    return _data(a, count, titles, _promises(related, a.id))


def _check_belongs_to(
    session: Session, kind: str, belongs_to_id: int | None, agreement_id: int | None
) -> int | None:
    """Only a medborgarlöfte belongs to an agreement, and only to a samverkansöverenskommelse."""
    if belongs_to_id is None:
        return None
    if AgreementKind(kind) is not AgreementKind.CITIZEN_PROMISE:
        raise ValidationError(
            tr("Bara ett medborgarlöfte kan höra till en samverkansöverenskommelse."),
            "belongs_to_id",
        )
    target = session.get(Agreement, belongs_to_id)
    if target is None or target.id == agreement_id:
        raise ValidationError(tr("Välj en samverkansöverenskommelse som finns."), "belongs_to_id")
    if target.kind != AgreementKind.COOPERATION.value:
        raise ValidationError(
            tr(
                "Ett medborgarlöfte hör till en samverkansöverenskommelse, inte till ”{title}”."
            ).format(title=target.title),
            "belongs_to_id",
        )
    return belongs_to_id


def _fields(
    kind: str,
    title: str,
    period_start: date,
    period_end: date,
    parties: str,
    signatories: str,
    signed_on: date | None,
    focus_areas: str,
    background: str,
) -> dict[str, object]:
    if period_start is None or period_end is None:
        raise ValidationError(tr("Ange överenskommelsens period."), "period_start")
    check_dates(period_start, period_end, field="period_end")
    if signed_on is not None:
        check_dates(signed_on, None, field="signed_on")
    return {
        "kind": clean_enum(kind, AgreementKind, field="kind", label=tr("typ av överenskommelse")),
        "title": clean_title(title, label=tr("Namn")),
        "period_start": period_start,
        "period_end": period_end,
        "parties": clean_text(parties, field="parties", label=tr("Parter")),
        "signatories": clean_text(signatories, field="signatories", label=tr("Undertecknare")),
        "signed_on": signed_on,
        "focus_areas": clean_text(focus_areas, field="focus_areas", label=tr("Fokusområden")),
        "background": clean_text(background, field="background", label=tr("Bakgrund")),
    }


def create_agreement(
    session: Session,
    *,
    kind: str,
    title: str,
    period_start: date,
    period_end: date,
    parties: str = "",
    signatories: str = "",
    signed_on: date | None = None,
    focus_areas: str = "",
    background: str = "",
    internal: bool = False,
    signed_place: str = "",
    belongs_to_id: int | None = None,
) -> Created:
    row = Agreement(
        **_fields(
            kind,
            title,
            period_start,
            period_end,
            parties,
            signatories,
            signed_on,
            focus_areas,
            background,
        ),
        internal=internal,
        signed_place=clean_text(
            signed_place, field="signed_place", label=tr("Ort"), max_length=200
        ),
        belongs_to_id=_check_belongs_to(session, kind, belongs_to_id, None),
    )
    session.add(row)
    session.flush()
    return Created(row.id, CHANGED)


def update_agreement(
    session: Session,
    agreement_id: int,
    *,
    kind: str,
    title: str,
    period_start: date,
    period_end: date,
    parties: str = "",
    signatories: str = "",
    signed_on: date | None = None,
    focus_areas: str = "",
    background: str = "",
    internal: bool = False,
    signed_place: str = "",
    belongs_to_id: int | None = None,
) -> Changes:
    row = _get(session, Agreement, agreement_id)
    for key, value in _fields(
        kind,
        title,
        period_start,
        period_end,
        parties,
        signatories,
        signed_on,
        focus_areas,
        background,
    ).items():
        setattr(row, key, value)
    row.internal = internal
    row.signed_place = clean_text(
        signed_place, field="signed_place", label=tr("Ort"), max_length=200
    )
    row.belongs_to_id = _check_belongs_to(session, kind, belongs_to_id, agreement_id)
    if row.kind != AgreementKind.COOPERATION.value:
        # No longer a samverkansöverenskommelse: its medborgarlöften belong to none.
        for promise in session.scalars(select(Agreement).where(Agreement.belongs_to_id == row.id)):
            promise.belongs_to_id = None
    session.flush()
    return CHANGED


def delete_agreement(session: Session, agreement_id: int) -> Changes:
    session.delete(_get(session, Agreement, agreement_id))
    session.flush()
    return CHANGED


# -- commitments -------------------------------------------------------------------------------


def list_commitments(session: Session, agreement_id: int | None = None) -> list[CommitmentData]:
    query = select(Commitment)
    if agreement_id is not None:
        query = query.where(Commitment.agreement_id == agreement_id)
    rows = list(session.scalars(query))
    titles = dict(session.execute(select(Measure.id, Measure.title)).all())
    links: dict[int, list[int]] = {}
    if rows:
        for cid, mid in session.execute(
            select(commitment_measures.c.commitment_id, commitment_measures.c.measure_id).where(
                commitment_measures.c.commitment_id.in_([r.id for r in rows])
            )
        ):
            links.setdefault(cid, []).append(mid)
    out = [
        CommitmentData(
            id=c.id,
            agreement_id=c.agreement_id,
            party=c.party,
            text=c.text,
            focus_area=c.focus_area,
            status=c.status,
            position=c.position,
            internal=c.internal,
            measure_ids=tuple(sorted(links.get(c.id, ()))),
            measure_titles=tuple(titles.get(m, "") for m in sorted(links.get(c.id, ()))),
            number=c.number,
            party_name=c.party_name,
        )
        for c in rows
    ]
    # The signed text's numbering decides the order where it is given ("1", "2", … across the
    # parties); unnumbered commitments keep the order per party.
    return sorted(
        out,
        key=lambda c: (
            c.agreement_id,
            number_key(c.number),
            PARTY_ORDER.get(c.party, 9),
            c.position,
            c.id,
        ),
    )


def get_commitment(session: Session, commitment_id: int) -> CommitmentData:
    c = _get(session, Commitment, commitment_id)
    return next(x for x in list_commitments(session, c.agreement_id) if x.id == commitment_id)


def _clean_commitment(
    party: str, text: str, focus_area: str, status: str, number: str = "", party_name: str = ""
) -> dict[str, str]:
    return {
        "number": clean_text(number, field="number", label=tr("Nummer"), max_length=20),
        "party_name": clean_text(
            party_name, field="party_name", label=tr("Partens namn"), max_length=200
        ),
        "party": clean_enum(party, Party, field="party", label=tr("part")),
        "text": clean_text(text, field="text", label=tr("Åtagande"), required=True),
        "focus_area": clean_text(
            focus_area, field="focus_area", label=tr("Fokusområde"), max_length=200
        ),
        "status": clean_enum(status, MeasureStatus, field="status", label=tr("status")),
    }


def _set_measures(session: Session, commitment_id: int, measure_ids: tuple[int, ...]) -> None:
    ids = tuple(dict.fromkeys(measure_ids))
    if ids:
        found = set(session.scalars(select(Measure.id).where(Measure.id.in_(ids))))
        if found != set(ids):
            raise ValidationError(tr("En av åtgärderna finns inte längre."), "measure_ids")
    session.execute(
        delete(commitment_measures).where(commitment_measures.c.commitment_id == commitment_id)
    )
    if ids:
        session.execute(
            insert(commitment_measures),
            [{"commitment_id": commitment_id, "measure_id": m} for m in ids],
        )


def create_commitment(
    session: Session,
    *,
    agreement_id: int,
    party: str,
    text: str,
    focus_area: str = "",
    status: str = MeasureStatus.UNKNOWN.value,
    internal: bool = False,
    measure_ids: tuple[int, ...] = (),
    number: str = "",
    party_name: str = "",
) -> Created:
    _get(session, Agreement, agreement_id)
    fields = _clean_commitment(party, text, focus_area, status, number, party_name)
    position = (
        session.scalar(
            select(func.max(Commitment.position)).where(
                Commitment.agreement_id == agreement_id, Commitment.party == fields["party"]
            )
        )
        or 0
    ) + 1
    row = Commitment(agreement_id=agreement_id, position=position, internal=internal, **fields)
    session.add(row)
    session.flush()
    _set_measures(session, row.id, measure_ids)
    session.flush()
    return Created(row.id, CHANGED)


def update_commitment(
    session: Session,
    commitment_id: int,
    *,
    party: str,
    text: str,
    focus_area: str = "",
    status: str = MeasureStatus.UNKNOWN.value,
    internal: bool = False,
    measure_ids: tuple[int, ...] = (),
    number: str = "",
    party_name: str = "",
) -> Changes:
    row = _get(session, Commitment, commitment_id)
    for key, value in _clean_commitment(
        party, text, focus_area, status, number, party_name
    ).items():
        setattr(row, key, value)
    row.internal = internal
    _set_measures(session, commitment_id, measure_ids)
    session.flush()
    return CHANGED


def delete_commitment(session: Session, commitment_id: int) -> Changes:
    session.delete(_get(session, Commitment, commitment_id))
    session.flush()
    return CHANGED


def commitment_rows(
    session: Session, agreement_id: int, *, today: date, include_internal: bool = True
) -> list[CommitmentRow]:
    agreement = _get(session, Agreement, agreement_id)
    rows = []
    internal_measures = (
        set()
        if include_internal
        else set(session.scalars(select(Measure.id).where(Measure.internal)))
    )
    for c in list_commitments(session, agreement_id):
        if c.internal and not include_internal:
            continue
        if internal_measures:
            kept = [
                (m, t)
                for m, t in zip(c.measure_ids, c.measure_titles, strict=True)
                if m not in internal_measures
            ]
            c = replace(
                c, measure_ids=tuple(m for m, _t in kept), measure_titles=tuple(t for _m, t in kept)
            )
        followups = [
            f
            for f in list_followups(session, commitment_id=c.id)
            if include_internal or not f.internal
        ]
        light = commitment_light(
            c.status,
            followups=followups,
            measures=[
                (
                    title,
                    measure_light(session, mid, today=today, include_internal=include_internal),
                )
                for mid, title in zip(c.measure_ids, c.measure_titles, strict=True)
            ],
            start=agreement.period_start,
            end=agreement.period_end,
            today=today,
        )
        rows.append(
            CommitmentRow(
                commitment=c,
                light=light,
                followups=tuple(followups),
                mentions=tuple(
                    meeting_links.mentions(
                        session, commitment_id=c.id, include_internal=include_internal
                    )
                ),
            )
        )
    return rows


def agreement_document(
    session: Session, agreement_id: int, *, today: date, include_internal: bool = False
) -> AgreementDocument:
    agreement = get_agreement(session, agreement_id, include_internal=include_internal)
    if agreement.internal and not include_internal:
        raise UserError(
            tr("Överenskommelsen är markerad som intern; välj att ta med interna uppgifter.")
        )
    conf = settings.load(session)
    return AgreementDocument(
        municipality=conf.municipality,
        agreement=agreement,
        commitments=tuple(
            commitment_rows(session, agreement_id, today=today, include_internal=include_internal)
        ),
        logo=conf.logo,
        include_internal=include_internal,
        document=document_settings(session, DocumentKind.AGREEMENT, agreement_id),
        steps=tuple(list_steps(session, agreement_id)),
        attachments=tuple(
            replace(a, number=n)
            for n, a in enumerate(
                list_attachments(session, OwnerKind.AGREEMENT, agreement_id), start=1
            )
        ),
    )
