"""The steps of an agreement's own working model and their follow-up, step by step; the
agreement PDF and the yearly follow-up report print them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from trygghetsrad.db.models.action_plan import Agreement, AgreementStep
from trygghetsrad.domain.changes import ACTION_PLAN, Changes, Created
from trygghetsrad.domain.situation.agreements import AgreementStep as StepData
from trygghetsrad.domain.text import clean_text
from trygghetsrad.i18n import tr
from trygghetsrad.services.records import get_or_fail

CHANGED = Changes.of(ACTION_PLAN)


def _data(row: AgreementStep) -> StepData:
    return StepData(
        id=row.id,
        agreement_id=row.agreement_id,
        position=row.position,
        title=row.title,
        description=row.description,
        followup=row.followup,
        followed_on=row.followed_on,
    )


def list_steps(session: Session, agreement_id: int) -> list[StepData]:
    query = select(AgreementStep).where(AgreementStep.agreement_id == agreement_id)
    rows = session.scalars(query.order_by(AgreementStep.position, AgreementStep.id))
    return [_data(row) for row in rows]


def _fields(
    title: str, description: str, followup: str, followed_on: date | None
) -> dict[str, object]:
    return {
        "title": clean_text(title, field="title", label=tr("Steg"), required=True, max_length=200),
        "description": clean_text(description, field="description", label=tr("Beskrivning")),
        "followup": clean_text(followup, field="followup", label=tr("Uppföljning")),
        "followed_on": followed_on,
    }


def add_step(
    session: Session,
    agreement_id: int,
    *,
    title: str,
    description: str = "",
    followup: str = "",
    followed_on: date | None = None,
) -> Created:
    """A new last step of the agreement's working model."""
    get_or_fail(session, Agreement, agreement_id)
    last = session.scalar(
        select(func.max(AgreementStep.position)).where(AgreementStep.agreement_id == agreement_id)
    )
    row = AgreementStep(
        agreement_id=agreement_id,
        position=(last or 0) + 1,
        **_fields(title, description, followup, followed_on),
    )
    session.add(row)
    session.flush()
    return Created(row.id, CHANGED)


def update_step(
    session: Session,
    step_id: int,
    *,
    title: str,
    description: str = "",
    followup: str = "",
    followed_on: date | None = None,
) -> Changes:
    row = get_or_fail(session, AgreementStep, step_id)
    for key, value in _fields(title, description, followup, followed_on).items():
        setattr(row, key, value)
    session.flush()
    return CHANGED


def delete_step(session: Session, step_id: int) -> Changes:
    session.delete(get_or_fail(session, AgreementStep, step_id))
    session.flush()
    return CHANGED
