"""How the measures of an action plan are doing: dated follow-up notes (of a measure or an
agreement's commitment), and each measure's row with traffic light, indicator trend,
follow-ups and the meetings that mentioned it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from trygghetsrad.db.models.action_plan import (
    Cause,
    Commitment,
    FollowUpNote,
    Measure,
    MeetingLink,
    Problem,
)
from trygghetsrad.db.models.situation import Indicator, IndicatorValue
from trygghetsrad.domain.changes import Changes, Created
from trygghetsrad.domain.register import clean_text
from trygghetsrad.domain.situation.action_plan import (
    FollowUp,
    MeasureData,
    MeasureRow,
    MeasureStatus,
    MeetingMention,
    TrafficLight,
    TrendPoint,
    TrendResult,
    check_dates,
    clean_enum,
    indicator_trend,
    traffic_light,
)
from trygghetsrad.errors import ValidationError
from trygghetsrad.i18n import tr
from trygghetsrad.services.records import get_or_fail
from trygghetsrad.services.situation import action_plan_meetings as meeting_links
from trygghetsrad.services.situation.action_plan_measures import CHANGED, get_measure, list_measures

_get = get_or_fail


# -- follow-up notes ---------------------------------------------------------------------------


def _followup_data(f: FollowUpNote) -> FollowUp:
    return FollowUp(
        id=f.id,
        noted_on=f.noted_on,
        status=f.status,
        done=f.done,
        effect=f.effect,
        indicator_value=f.indicator_value,
        internal=f.internal,
        measure_id=f.measure_id,
        commitment_id=f.commitment_id,
    )


def list_followups(
    session: Session, *, measure_id: int | None = None, commitment_id: int | None = None
) -> list[FollowUp]:
    query = select(FollowUpNote).order_by(FollowUpNote.noted_on, FollowUpNote.id)
    if measure_id is not None:
        query = query.where(FollowUpNote.measure_id == measure_id)
    if commitment_id is not None:
        query = query.where(FollowUpNote.commitment_id == commitment_id)
    return [_followup_data(f) for f in session.scalars(query)]


def add_followup(
    session: Session,
    *,
    noted_on: date,
    status: str,
    measure_id: int | None = None,
    commitment_id: int | None = None,
    done: str = "",
    effect: str = "",
    indicator_value: float | None = None,
    internal: bool = False,
    update_status: bool = True,
) -> Created:
    """A dated follow-up; by default the measure's (or commitment's) status follows it."""
    if (measure_id is None) == (commitment_id is None):
        raise ValidationError(tr("Uppföljningen gäller en åtgärd eller ett åtagande."), "owner")
    if noted_on is None:
        raise ValidationError(tr("Ange datum för uppföljningen."), "noted_on")
    check_dates(noted_on, None, field="noted_on")
    status = clean_enum(status, MeasureStatus, field="status", label=tr("status"))
    owner = _owner(session, measure_id, commitment_id)
    note = FollowUpNote(
        measure_id=measure_id,
        commitment_id=commitment_id,
        noted_on=noted_on,
        status=status,
        done=clean_text(done, field="done", label=tr("Vad som gjorts")),
        effect=clean_text(effect, field="effect", label=tr("Effekt")),
        indicator_value=indicator_value,
        internal=internal,
    )
    session.add(note)
    if update_status:
        latest = session.scalar(
            select(func.max(FollowUpNote.noted_on)).where(
                FollowUpNote.measure_id == measure_id
                if measure_id is not None
                else FollowUpNote.commitment_id == commitment_id
            )
        )
        if latest is None or noted_on >= latest:
            owner.status = status
    session.flush()
    return Created(note.id, CHANGED)


def _owner(
    session: Session, measure_id: int | None, commitment_id: int | None
) -> Measure | Commitment:
    """The measure or commitment a follow-up is about (exactly one of them)."""
    if measure_id is not None and commitment_id is None:
        return _get(session, Measure, measure_id)
    if commitment_id is not None and measure_id is None:
        return _get(session, Commitment, commitment_id)
    raise ValidationError(tr("Uppföljningen gäller en åtgärd eller ett åtagande."), "owner")


def delete_followup(
    session: Session, followup_id: int, *, restore_status: str | None = None
) -> Changes:
    """Delete a follow-up note; `restore_status` puts back the status it had set (undo)."""
    note = _get(session, FollowUpNote, followup_id)
    if restore_status is not None:
        status = clean_enum(restore_status, MeasureStatus, field="status", label=tr("status"))
        owner = (
            session.get(Measure, note.measure_id)
            if note.measure_id is not None
            else session.get(Commitment, note.commitment_id)
        )
        if owner is not None:
            owner.status = status
    session.delete(note)
    session.flush()
    return CHANGED


# -- rows with traffic light, trend and history ------------------------------------------------


def indicator_points(
    session: Session, indicator_id: int, *, since: date | None = None
) -> list[TrendPoint]:
    """The indicator's values in its main area, in period order, from the last value at or
    before `since` (the baseline) onward."""
    indicator = session.get(Indicator, indicator_id)
    if indicator is None:
        return []
    rows = session.execute(
        select(IndicatorValue.area, IndicatorValue.period, IndicatorValue.value).where(
            IndicatorValue.indicator_id == indicator_id
        )
    ).all()
    if not rows:
        return []
    area = indicator.main_area
    if not area or not any(r.area == area for r in rows):
        counts: dict[str, int] = {}
        for r in rows:
            counts[r.area] = counts.get(r.area, 0) + 1
        area = max(counts, key=lambda a: counts[a])
    points = sorted(
        (TrendPoint(r.period, float(r.value)) for r in rows if r.area == area),
        key=lambda p: p.period,
    )
    if since is not None:
        key = str(since.year)
        before = [i for i, p in enumerate(points) if p.period[:4] <= key]
        if before:
            # The last value from before the start year is the baseline.
            earlier = [i for i, p in enumerate(points) if p.period[:4] < key]
            start = earlier[-1] if earlier else before[0]
            points = points[start:]
    return points


def measure_trend(
    session: Session, m: MeasureData, followups: list[FollowUp] | None = None
) -> TrendResult:
    points: list[TrendPoint] = []
    if m.indicator_id is not None:
        points = indicator_points(session, m.indicator_id, since=m.start)
    if len(points) < 2 and followups:
        points = [
            TrendPoint(f.noted_on.isoformat(), f.indicator_value)
            for f in followups
            if f.indicator_value is not None
        ]
    direction = m.target_direction or None
    if direction is None and m.indicator_id is not None:
        indicator = session.get(Indicator, m.indicator_id)
        if indicator is not None:
            direction = "minska" if indicator.higher_is_worse else "öka"
    return indicator_trend(points, m.target_value, direction)


def measure_rows(
    session: Session,
    plan_id: int,
    *,
    today: date,
    include_internal: bool = True,
    with_mentions: bool = True,
) -> list[MeasureRow]:
    rows = []
    hidden = set() if include_internal else hidden_cause_ids(session)
    measures = [m for m in list_measures(session, plan_id) if include_internal or not m.internal]
    # Follow-ups and meeting mentions of every measure in one query each, not one per measure.
    notes, said = _followups_and_mentions(
        session, [m.id for m in measures], include_internal, with_mentions
    )
    for m in measures:
        if hidden:
            kept = [
                (c, t) for c, t in zip(m.cause_ids, m.cause_titles, strict=True) if c not in hidden
            ]
            m = replace(
                m,
                cause_ids=tuple(c for c, _t in kept),
                cause_titles=tuple(t for _c, t in kept),
            )
        rows.append(
            _row(
                session,
                m,
                today,
                include_internal,
                with_mentions,
                notes.get(m.id, []),
                said.get(m.id, []),
            )
        )
    return rows


def _followups_and_mentions(
    session: Session, ids: list[int], include_internal: bool, with_mentions: bool
) -> tuple[dict[int, list[FollowUp]], dict[int, list[MeetingMention]]]:
    notes: dict[int, list[FollowUp]] = {}
    said: dict[int, list[MeetingMention]] = {}
    if not ids:
        return notes, said
    query = (
        select(FollowUpNote)
        .where(FollowUpNote.measure_id.in_(ids))
        .order_by(FollowUpNote.noted_on, FollowUpNote.id)
    )
    for note in session.scalars(query):
        if note.measure_id is not None:  # always: the query asks for these measures' notes
            notes.setdefault(note.measure_id, []).append(_followup_data(note))
    if with_mentions:
        owner = dict(
            session.execute(
                select(MeetingLink.id, MeetingLink.measure_id).where(
                    MeetingLink.measure_id.in_(ids)
                )
            ).all()
        )
        for mention in meeting_links.mentions(
            session, measure_ids=ids, include_internal=include_internal
        ):
            # links of these measures: measure_id is never NULL
            said.setdefault(cast(int, owner[mention.link_id]), []).append(mention)
    return notes, said


def hidden_cause_ids(session: Session) -> set[int]:
    """Causes an export leaves out: internal ones, those under an internal cause, and every
    cause of an internal problem."""
    rows = session.execute(
        select(Cause.id, Cause.parent_id, Cause.internal, Problem.internal).join(
            Problem, Problem.id == Cause.problem_id
        )
    ).all()
    parent = {cid: pid for cid, pid, _ci, _pi in rows}
    hidden = {cid for cid, _pid, ci, pi in rows if ci or pi}
    changed = True
    while changed:
        changed = False
        for cid, pid in parent.items():
            if cid not in hidden and pid in hidden:
                hidden.add(cid)
                changed = True
    return hidden


def measure_row(session: Session, measure_id: int, *, today: date) -> MeasureRow:
    return _row(session, get_measure(session, measure_id), today, True, True)


def measure_light(
    session: Session, measure_id: int, *, today: date, include_internal: bool = True
) -> TrafficLight:
    """The measure's light exactly as the plan and Uppföljning show it (for what links to it)."""
    return _row(session, get_measure(session, measure_id), today, include_internal, False).light


def _row(
    session: Session,
    m: MeasureData,
    today: date,
    include_internal: bool,
    with_mentions: bool,
    notes: list[FollowUp] | None = None,
    said: list[MeetingMention] | None = None,
) -> MeasureRow:
    if notes is None:
        notes = list_followups(session, measure_id=m.id)
    followups = [f for f in notes if include_internal or not f.internal]
    trend = measure_trend(session, m, followups)
    light = traffic_light(m.status, start=m.start, end=m.end, today=today, trend=trend.trend)
    if not with_mentions:
        mentions: list[MeetingMention] = []
    elif said is not None:
        mentions = said
    else:
        mentions = meeting_links.mentions(
            session, measure_id=m.id, include_internal=include_internal
        )
    return MeasureRow(
        measure=m,
        light=light,
        trend=trend,
        followups=tuple(followups),
        mentions=tuple(mentions),
        flagged_no_cause=not m.cause_ids,
    )
