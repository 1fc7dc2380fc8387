"""Situation picture part 2: problems and causes, the action plan with its measures and
follow-up notes, agreements with the police and their commitments, and links to meetings.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    false,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from trygghetsrad.db.base import Base, TimestampMixin


class Problem(TimestampMixin, Base):
    """A prioritised problem: an observation from the situation picture, or a named problem."""

    __tablename__ = "problems"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    observation_id: Mapped[int | None] = mapped_column(
        ForeignKey("observations.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    situation_picture_id: Mapped[int | None] = mapped_column(
        ForeignKey("situation_pictures.id", ondelete="SET NULL"), nullable=True, index=True
    )
    prioritised: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    position: Mapped[int] = mapped_column(Integer, default=0)
    internal: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Cause(TimestampMixin, Base):
    __tablename__ = "causes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    problem_id: Mapped[int] = mapped_column(
        ForeignKey("problems.id", ondelete="CASCADE"), index=True
    )
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("causes.id", ondelete="CASCADE"), nullable=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="situationell")
    description: Mapped[str] = mapped_column(Text, default="")
    internal: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class CauseEvidence(Base):
    """A source or an indicator that shows a cause is real."""

    __tablename__ = "cause_evidence"
    __table_args__ = (
        CheckConstraint("(data_source_id IS NULL) <> (indicator_id IS NULL)", name="one_target"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cause_id: Mapped[int] = mapped_column(ForeignKey("causes.id", ondelete="CASCADE"), index=True)
    data_source_id: Mapped[int | None] = mapped_column(
        ForeignKey("data_sources.id", ondelete="CASCADE"), nullable=True, index=True
    )
    indicator_id: Mapped[int | None] = mapped_column(
        ForeignKey("indicators.id", ondelete="CASCADE"), nullable=True, index=True
    )
    note: Mapped[str] = mapped_column(Text, default="")


class ActionPlan(TimestampMixin, Base):
    """An *åtgärdsplan* for a period; adopted by a body on a date, then versioned."""

    __tablename__ = "action_plans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="utkast")
    version: Mapped[int] = mapped_column(Integer, default=1)
    previous_id: Mapped[int | None] = mapped_column(
        ForeignKey("action_plans.id", ondelete="SET NULL"), nullable=True, index=True
    )
    situation_picture_id: Mapped[int | None] = mapped_column(
        ForeignKey("situation_pictures.id", ondelete="SET NULL"), nullable=True, index=True
    )
    adopted_by: Mapped[str] = mapped_column(String(200), default="")
    adopted_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    adoption_ref: Mapped[str] = mapped_column(String(100), default="")
    follow_up_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    snapshot: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON when adopted
    frozen_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class Measure(TimestampMixin, Base):
    __tablename__ = "measures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("action_plans.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20), default="situationell")
    effect: Mapped[str] = mapped_column(String(20), default="kort sikt")
    responsible_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    responsible_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    partners: Mapped[str] = mapped_column(Text, default="")
    start_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    resources: Mapped[str] = mapped_column(Text, default="")
    indicator_id: Mapped[int | None] = mapped_column(
        ForeignKey("indicators.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    target_value: Mapped[float | None] = mapped_column(Float, nullable=True)
    target_direction: Mapped[str] = mapped_column(String(10), default="")
    target_text: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20), default="ej bedömd")
    internal: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The area of the municipality's own tree (any level); `null`: none chosen.
    area_id: Mapped[int | None] = mapped_column(
        ForeignKey("areas.id", ondelete="RESTRICT"), nullable=True, index=True
    )


measure_causes = Table(
    "measure_causes",
    Base.metadata,
    Column("measure_id", ForeignKey("measures.id", ondelete="CASCADE"), primary_key=True),
    Column("cause_id", ForeignKey("causes.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class FollowUpNote(Base):
    """A dated follow-up of a measure or of an agreement's commitment."""

    __tablename__ = "measure_followups"
    __table_args__ = (
        CheckConstraint("(measure_id IS NULL) <> (commitment_id IS NULL)", name="one_owner"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    measure_id: Mapped[int | None] = mapped_column(
        ForeignKey("measures.id", ondelete="CASCADE"), nullable=True, index=True
    )
    commitment_id: Mapped[int | None] = mapped_column(
        ForeignKey("commitments.id", ondelete="CASCADE"), nullable=True, index=True
    )
    noted_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    done: Mapped[str] = mapped_column(Text, default="")
    effect: Mapped[str] = mapped_column(Text, default="")
    indicator_value: Mapped[float | None] = mapped_column(Float, nullable=True)
    internal: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Agreement(TimestampMixin, Base):
    """A *samverkansöverenskommelse* or a *medborgarlöfte*."""

    __tablename__ = "agreements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    parties: Mapped[str] = mapped_column(Text, default="")
    signatories: Mapped[str] = mapped_column(Text, default="")
    signed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    focus_areas: Mapped[str] = mapped_column(Text, default="")
    background: Mapped[str] = mapped_column(Text, default="")
    internal: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    signed_place: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # A medborgarlöfte belongs to the samverkansöverenskommelse it was made under.
    belongs_to_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreements.id", ondelete="SET NULL"), nullable=True, index=True
    )


class Commitment(TimestampMixin, Base):
    """What one party promises: "Polisen lovar…", "Kommunen lovar…", or together."""

    __tablename__ = "commitments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), index=True
    )
    party: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    focus_area: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20), default="ej bedömd")
    position: Mapped[int] = mapped_column(Integer, default=0)
    internal: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    number: Mapped[str] = mapped_column(String(20), default="", server_default="")
    party_name: Mapped[str] = mapped_column(String(200), default="", server_default="")


class AgreementStep(Base):
    """One step of an agreement's own working model, with how it was followed up."""

    __tablename__ = "agreement_steps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    followup: Mapped[str] = mapped_column(Text, default="", server_default="")
    followed_on: Mapped[date | None] = mapped_column(Date, nullable=True)


commitment_measures = Table(
    "commitment_measures",
    Base.metadata,
    Column("commitment_id", ForeignKey("commitments.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "measure_id", ForeignKey("measures.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)


class MeetingLink(Base):
    """A decision or an action item in the minutes that concerns a measure or a commitment."""

    __tablename__ = "meeting_links"
    __table_args__ = (
        CheckConstraint("(decision_id IS NULL) <> (action_item_id IS NULL)", name="one_item"),
        CheckConstraint("(measure_id IS NULL) <> (commitment_id IS NULL)", name="one_target"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decisions.id", ondelete="CASCADE"), nullable=True, index=True
    )
    action_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("action_items.id", ondelete="CASCADE"), nullable=True, index=True
    )
    measure_id: Mapped[int | None] = mapped_column(
        ForeignKey("measures.id", ondelete="CASCADE"), nullable=True, index=True
    )
    commitment_id: Mapped[int | None] = mapped_column(
        ForeignKey("commitments.id", ondelete="CASCADE"), nullable=True, index=True
    )


class ReportDocument(TimestampMixin, Base):
    """What the user says about one exported document: its title, date of issue, author.

    One row per document: a situation picture's report, an action plan, an agreement, or
    the follow-up of one year. The generated document uses these instead of its defaults.
    """

    __tablename__ = "report_documents"
    __table_args__ = (
        CheckConstraint(
            "(situation_picture_id IS NOT NULL) + (action_plan_id IS NOT NULL)"
            " + (agreement_id IS NOT NULL) + (year IS NOT NULL) = 1",
            name="one_owner",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    situation_picture_id: Mapped[int | None] = mapped_column(
        ForeignKey("situation_pictures.id", ondelete="CASCADE"), nullable=True, unique=True
    )
    action_plan_id: Mapped[int | None] = mapped_column(
        ForeignKey("action_plans.id", ondelete="CASCADE"), nullable=True, unique=True
    )
    agreement_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), nullable=True, unique=True
    )
    year: Mapped[int | None] = mapped_column(Integer, nullable=True, unique=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    issued_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    author: Mapped[str] = mapped_column(String(200), default="")


class ReportChapter(TimestampMixin, Base):
    """A chapter the user writes into a document, before or after the generated sections."""

    __tablename__ = "report_chapters"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("report_documents.id", ondelete="CASCADE"), index=True
    )
    placement: Mapped[str] = mapped_column(String(10), default="before")
    position: Mapped[int] = mapped_column(Integer, default=0)
    heading: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
