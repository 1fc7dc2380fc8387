"""Use cases for situation pictures: versions, the three parts, presenting (freezing) and the report."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from trygghetsrad.db.models.situation import SituationPicture
from trygghetsrad.domain.attachments import AttachmentInfo, OwnerKind
from trygghetsrad.domain.changes import Changes, Created
from trygghetsrad.domain.internal import visible
from trygghetsrad.domain.situation import snapshot as situation_snapshot
from trygghetsrad.domain.situation.documents import (
    DatePrecision,
    DocumentKind,
    DocumentSettings,
    PartialDate,
    parse_partial_date,
)
from trygghetsrad.domain.situation.periods import period_year
from trygghetsrad.domain.situation.picture import (
    GapStatus,
    PictureData,
    PictureStatus,
    SituationReport,
)
from trygghetsrad.errors import UserError, ValidationError
from trygghetsrad.i18n import tr
from trygghetsrad.services.situation.common import CHANGED, get, name, text

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

_Data = TypeVar("_Data", bound="DataclassInstance")

TREND_YEARS = 4  # years before a picture's period that its charts show, for the trend


def _picture_data(p: SituationPicture) -> PictureData:
    return PictureData(
        id=p.id,
        title=p.title,
        period_start=p.period_start,
        period_end=p.period_end,
        status=p.status,
        version=p.version,
        previous_id=p.previous_id,
        presented_on=p.presented_on,
        presented_precision=p.presented_precision,
        presented_to=p.presented_to,
        summary=p.summary,
        part_mapping=p.part_mapping,
        part_other=p.part_other,
        part_analysis=p.part_analysis,
        limitations=p.limitations,
        frozen_at=p.frozen_at,
    )


def list_pictures(session: Session) -> list[PictureData]:
    """Newest period first; within a period, the newest version first."""
    pictures = session.scalars(
        select(SituationPicture).order_by(
            SituationPicture.period_end.desc(), SituationPicture.version.desc()
        )
    )
    return [_picture_data(p) for p in pictures]


def get_picture(session: Session, picture_id: int) -> PictureData:
    return _picture_data(get(session, SituationPicture, picture_id))


def current_picture(session: Session) -> PictureData | None:
    """The picture the coordinator works on: the newest in progress, else the newest of all."""
    pictures = list_pictures(session)
    for p in pictures:
        if p.status == PictureStatus.IN_PROGRESS:
            return p
    return pictures[0] if pictures else None


def _check_period(start: date, end: date) -> None:
    if end < start:
        raise ValidationError(tr("Periodens slut kan inte vara före dess början."), "period_end")


def check_editable(p: SituationPicture) -> None:
    if p.frozen_at is not None:
        raise UserError(
            tr(
                "”{title}” version {version} är presenterad och låst. Skapa en ny version för "
                "att arbeta vidare."
            ).format(title=p.title, version=p.version)
        )


def create_picture(
    session: Session,
    *,
    title: str,
    period_start: date,
    period_end: date,
    summary: str = "",
    part_mapping: str = "",
    part_other: str = "",
    part_analysis: str = "",
    limitations: str = "",
    presented_to: str = "",
) -> Created:
    _check_period(period_start, period_end)
    picture = SituationPicture(
        title=name(title, field="title", label=tr("Rubrik")),
        period_start=period_start,
        period_end=period_end,
        status=PictureStatus.IN_PROGRESS.value,
        version=1,
        presented_to=text(
            presented_to, field="presented_to", label=tr("Mottagare"), max_length=200
        ),
        summary=text(summary, field="summary", label=tr("Sammanfattning")),
        part_mapping=text(
            part_mapping, field="part_mapping", label=tr("Kartläggning"), max_length=100_000
        ),
        part_other=text(
            part_other,
            field="part_other",
            label=tr("Annan relevant information"),
            max_length=100_000,
        ),
        part_analysis=text(
            part_analysis, field="part_analysis", label=tr("Analys"), max_length=100_000
        ),
        limitations=text(limitations, field="limitations", label=tr("Begränsningar")),
    )
    session.add(picture)
    session.flush()
    return Created(picture.id, CHANGED)


def update_picture(
    session: Session,
    picture_id: int,
    *,
    title: str,
    period_start: date,
    period_end: date,
    summary: str = "",
    part_mapping: str = "",
    part_other: str = "",
    part_analysis: str = "",
    limitations: str = "",
    presented_to: str = "",
) -> Changes:
    picture = get(session, SituationPicture, picture_id)
    check_editable(picture)
    _check_period(period_start, period_end)
    picture.title = name(title, field="title", label=tr("Rubrik"))
    picture.period_start, picture.period_end = period_start, period_end
    picture.summary = text(summary, field="summary", label=tr("Sammanfattning"))
    picture.part_mapping = text(
        part_mapping, field="part_mapping", label=tr("Kartläggning"), max_length=100_000
    )
    picture.part_other = text(
        part_other, field="part_other", label=tr("Annan relevant information"), max_length=100_000
    )
    picture.part_analysis = text(
        part_analysis, field="part_analysis", label=tr("Analys"), max_length=100_000
    )
    picture.limitations = text(limitations, field="limitations", label=tr("Begränsningar"))
    picture.presented_to = text(
        presented_to, field="presented_to", label=tr("Mottagare"), max_length=200
    )
    session.flush()
    return CHANGED


def set_part(session: Session, picture_id: int, part: str, value: str) -> Changes:
    """Change one text field of a picture in progress (the editor autosaves this way)."""
    if part not in {"summary", "part_mapping", "part_other", "part_analysis", "limitations"}:
        raise ValueError(part)
    picture = get(session, SituationPicture, picture_id)
    check_editable(picture)
    setattr(picture, part, text(value, field=part, label=tr("Texten"), max_length=100_000))
    session.flush()
    return CHANGED


def present_picture(
    session: Session,
    picture_id: int,
    *,
    presented_on: date | PartialDate | str,
    presented_to: str,
    continue_work: bool = True,
) -> Created:
    """Freeze the picture as presented on a date to a body; older presented versions become
    superseded. With `continue_work`, a new version in progress is created and returned.

    The date may be known only to the month or the year ("juni 2023", "2023"): it is stored
    as exactly that, never as an invented day."""
    picture = get(session, SituationPicture, picture_id)
    check_editable(picture)
    when = _presented_date(presented_on)
    body = name(presented_to, field="presented_to", label=tr("Vem lägesbilden presenterades för"))
    picture.status = PictureStatus.PRESENTED.value
    picture.presented_on = when.start
    picture.presented_precision = when.precision.value
    picture.presented_to = body
    session.flush()
    # The snapshot's date: the day it was presented, or today when only month/year is known.
    taken = when.start if when.precision is DatePrecision.DAY else date.today()
    report = build_report(session, picture_id, include_internal=True, today=taken)
    picture.snapshot = situation_snapshot.dumps(report)
    picture.frozen_at = datetime.now().replace(microsecond=0)
    for other in session.scalars(
        select(SituationPicture).where(
            SituationPicture.id != picture_id,
            SituationPicture.status == PictureStatus.PRESENTED.value,
            SituationPicture.period_end <= picture.period_end,
        )
    ):
        other.status = PictureStatus.SUPERSEDED.value
    session.flush()
    if continue_work:
        return new_version(session, picture_id)
    return Created(picture.id, CHANGED)


def _presented_date(value: date | PartialDate | str | None) -> PartialDate:
    if value is None or value == "":
        raise ValidationError(
            tr("Ange när lägesbilden presenterades (dag, månad eller år)."), "presented_on"
        )
    if isinstance(value, PartialDate):
        when = value
    elif isinstance(value, str):
        when = parse_partial_date(value, "presented_on")
    else:
        when = PartialDate(value)
    if not 1900 <= when.start.year <= 2200:
        raise ValidationError(
            tr("Datumet {day} är orimligt.").format(day=when.text), "presented_on"
        )
    return when


def new_version(session: Session, picture_id: int) -> Created:
    """A new version in progress that continues from `picture_id`'s texts."""
    old = get(session, SituationPicture, picture_id)
    latest = session.scalar(
        select(SituationPicture.version)
        .where(SituationPicture.title == old.title)
        .order_by(SituationPicture.version.desc())
    )
    picture = SituationPicture(
        title=old.title,
        period_start=old.period_start,
        period_end=old.period_end,
        status=PictureStatus.IN_PROGRESS.value,
        version=(latest or old.version) + 1,
        previous_id=old.id,
        presented_to="",
        summary=old.summary,
        part_mapping=old.part_mapping,
        part_other=old.part_other,
        part_analysis=old.part_analysis,
        limitations=old.limitations,
    )
    session.add(picture)
    session.flush()
    from trygghetsrad.services.situation.areas import copy_assessments

    copy_assessments(session, old.id, picture.id)
    return Created(picture.id, CHANGED)


def delete_picture(session: Session, picture_id: int) -> Changes:
    picture = get(session, SituationPicture, picture_id)
    if picture.frozen_at is not None:
        raise UserError(tr("En presenterad lägesbild är en allmän handling och kan inte tas bort."))
    session.delete(picture)
    session.flush()
    return CHANGED


# -- the report --------------------------------------------------------------------------------


def build_report(
    session: Session,
    picture_id: int,
    *,
    include_internal: bool = False,
    today: date | None = None,
) -> SituationReport:
    """What the report of a picture shows: a frozen version from its snapshot, else live data;
    internal items are left out unless `include_internal`."""
    from trygghetsrad.services import settings
    from trygghetsrad.services.situation.gaps import list_gaps
    from trygghetsrad.services.situation.indicators import list_indicators
    from trygghetsrad.services.situation.observations import list_observations
    from trygghetsrad.services.situation.sources import list_sources

    picture = get(session, SituationPicture, picture_id)
    org = settings.load(session)
    if picture.frozen_at is not None and picture.snapshot:
        return _filtered(_frozen_report(session, picture, org), include_internal)
    data = _picture_data(picture)
    # The picture's period and the years just before it (for the trend): ten years of
    # monthly values in every chart made the report ~47 pages and ~9 s on a ten-year file.
    first_year, last_year = data.period_start.year - TREND_YEARS, data.period_end.year
    indicators = []
    for ind in list_indicators(session):
        values = tuple(v for v in ind.values if first_year <= period_year(v.period) <= last_year)
        if values:
            indicators.append(_replace(ind, values=values))
    observations = [
        o
        for o in list_observations(session)
        if o.observed_on is None or data.period_start <= o.observed_on <= data.period_end
    ]
    referenced = {i.source_id for i in indicators} | {x for o in observations for x in o.source_ids}
    sources = [
        src
        for src in list_sources(session)
        if src.id in referenced or _current_during(src, data.period_start)
    ]
    gaps = [
        g
        for g in list_gaps(session)
        if g.identified_on is None
        or g.identified_on <= data.period_end
        and (g.status != GapStatus.FILLED or g.identified_on >= data.period_start)
    ]
    coordinator = ", ".join(p for p in (org.coordinator_name, org.coordinator_title) if p)
    from trygghetsrad.services.situation.areas import assessments

    report = SituationReport(
        picture=data,
        municipality=org.municipality,
        generated_on=today or date.today(),
        sources=tuple(sources),
        gaps=tuple(gaps),
        indicators=tuple(indicators),
        observations=tuple(observations),
        areas=tuple(assessments(session, picture_id)),
        coordinator=coordinator,
        logo=org.logo,
        document=_document(session, picture_id),
        attachments=_attachments(session, picture_id),
    )
    return _filtered(report, include_internal)


def _frozen_report(session: Session, picture: SituationPicture, org: Any) -> SituationReport:
    """A presented picture's report: what its snapshot froze, with today's logo, document
    settings and file list (the files of a presented picture can't change)."""
    frozen = situation_snapshot.loads(picture.snapshot or "")
    return SituationReport(
        picture=_picture_data(picture),
        municipality=frozen.municipality,
        generated_on=frozen.generated_on,
        sources=frozen.sources,
        gaps=frozen.gaps,
        indicators=frozen.indicators,
        observations=frozen.observations,
        areas=frozen.areas,
        from_snapshot=True,
        coordinator=frozen.coordinator,
        logo=org.logo,
        document=_document(session, picture.id),
        attachments=_attachments(session, picture.id),
    )


def _attachments(session: Session, picture_id: int) -> tuple[AttachmentInfo, ...]:
    """The picture's files as the report lists them, "Bilaga 1", … in the order added."""
    from trygghetsrad.services.attachments_read import list_attachments

    found = list_attachments(session, OwnerKind.PICTURE, picture_id)
    return tuple(_replace(a, number=n) for n, a in enumerate(found, start=1))


def _document(session: Session, picture_id: int) -> DocumentSettings:
    from trygghetsrad.services.situation.documents import document_settings

    return document_settings(session, DocumentKind.SITUATION_REPORT, picture_id)


def _current_during(source: Any, period_start: date) -> bool:
    """Whether a data source still belonged to the work when the period began: never
    delivered yet, delivered in the year before, or expected during the period or later.
    One that last came years ago and was never expected again is history."""
    if source.last_received is None:
        return True
    if source.last_received >= period_start - timedelta(days=366):
        return True
    return source.next_expected is not None and source.next_expected >= period_start


def _replace(obj: _Data, **changes: Any) -> _Data:
    import dataclasses

    return dataclasses.replace(obj, **changes)


def _filtered(report: SituationReport, include_internal: bool) -> SituationReport:
    sources = visible(report.sources, include_internal)
    kept = {s.id for s in sources}
    indicators = tuple(
        i if i.source_id is None or i.source_id in kept else _replace(i, source_name="")
        for i in report.indicators
    )
    observations = tuple(
        _replace(
            o,
            source_ids=tuple(x for x in o.source_ids if x in kept),
            source_names=tuple(
                n for x, n in zip(o.source_ids, o.source_names, strict=False) if x in kept
            ),
        )
        for o in visible(report.observations, include_internal)
    )
    return _replace(
        report,
        sources=tuple(sources),
        gaps=tuple(visible(report.gaps, include_internal)),
        indicators=indicators,
        observations=observations,
        include_internal=include_internal,
    )
