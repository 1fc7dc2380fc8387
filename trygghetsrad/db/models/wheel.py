"""The annual wheel (*Årshjul*): rings (categories), events with recurrence and exceptions,
and each year's plan with its status and the changes made after adoption."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column, relationship

from trygghetsrad.db.base import Base, TimestampMixin


class WheelCategory(TimestampMixin, Base):
    __tablename__ = "wheel_categories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    color: Mapped[str] = mapped_column(String(7))
    position: Mapped[int] = mapped_column(Integer, default=0)
    visible: Mapped[bool] = mapped_column(Boolean, default=True)


class WheelEvent(TimestampMixin, Base):
    __tablename__ = "wheel_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    category_id: Mapped[int] = mapped_column(
        ForeignKey("wheel_categories.id", ondelete="RESTRICT"), index=True
    )
    start_date: Mapped[date] = mapped_column(Date, index=True)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    start_time: Mapped[time | None] = mapped_column(Time, nullable=True)
    end_time: Mapped[time | None] = mapped_column(Time, nullable=True)
    place: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    responsible: Mapped[str] = mapped_column(String(200), default="")
    internal: Mapped[bool] = mapped_column(Boolean, default=False)
    frequency: Mapped[str] = mapped_column(String(20), default="none")
    interval: Mapped[int] = mapped_column(Integer, default=1)
    until: Mapped[date | None] = mapped_column(Date, nullable=True)
    count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    nth: Mapped[int | None] = mapped_column(Integer, nullable=True)
    week: Mapped[int | None] = mapped_column(Integer, nullable=True)
    uid: Mapped[str | None] = mapped_column(String(255), nullable=True, unique=True)
    sequence: Mapped[int] = mapped_column(Integer, default=0)

    exceptions: Mapped[list[WheelEventException]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True
    )


class WheelEventException(Base):
    __tablename__ = "wheel_event_exceptions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("wheel_events.id", ondelete="CASCADE"), index=True
    )
    original_date: Mapped[date] = mapped_column(Date)
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    new_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    new_end: Mapped[date | None] = mapped_column(Date, nullable=True)

    event: Mapped[WheelEvent] = relationship(back_populates="exceptions")


class WheelPlan(TimestampMixin, Base):
    __tablename__ = "wheel_plans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer, unique=True)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    adopted_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    adopted_by: Mapped[str] = mapped_column(String(200), default="")
    reservation: Mapped[bool] = mapped_column(Boolean, default=True)
    start_month: Mapped[int] = mapped_column(Integer, default=1)

    changes: Mapped[list[WheelPlanChange]] = relationship(
        back_populates="plan",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="WheelPlanChange.id",
    )


class WheelPlanChange(Base):
    __tablename__ = "wheel_plan_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("wheel_plans.id", ondelete="CASCADE"), index=True
    )
    changed_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)

    plan: Mapped[WheelPlan] = relationship(back_populates="changes")
