"""The situation picture, part 1 (*Lägesbild*): pictures, data sources, gaps, indicators, observations."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    func,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from trygghetsrad.db.base import Base, TimestampMixin


class SituationPicture(TimestampMixin, Base):
    """One version of the municipality's *lägesbild*; a presented version is frozen."""

    __tablename__ = "situation_pictures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="in_progress")
    version: Mapped[int] = mapped_column(Integer, default=1)
    previous_id: Mapped[int | None] = mapped_column(
        ForeignKey("situation_pictures.id", ondelete="SET NULL"), nullable=True, index=True
    )
    presented_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # How much of presented_on the source says: "day", "month" (June 2023) or "year".
    presented_precision: Mapped[str] = mapped_column(
        String(10), default="day", server_default="day"
    )
    presented_to: Mapped[str] = mapped_column(String(200), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    part_mapping: Mapped[str] = mapped_column(Text, default="")
    part_other: Mapped[str] = mapped_column(Text, default="")
    part_analysis: Mapped[str] = mapped_column(Text, default="")
    limitations: Mapped[str] = mapped_column(Text, default="")
    snapshot: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON, set when presented
    frozen_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class DataSource(TimestampMixin, Base):
    """An *underlag*: what exists, who delivers it, how often, and what stands in the way."""

    __tablename__ = "data_sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="statistics")
    description: Mapped[str] = mapped_column(Text, default="")
    provider_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    provider_name: Mapped[str] = mapped_column(String(200), default="")  # e.g. "Brå", no org
    delivered_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    frequency: Mapped[str] = mapped_column(String(20), default="yearly")
    last_received: Mapped[date | None] = mapped_column(Date, nullable=True)
    next_expected: Mapped[date | None] = mapped_column(Date, nullable=True)
    geographic_level: Mapped[str] = mapped_column(String(20), default="municipality")
    status: Mapped[str] = mapped_column(String(20), default="unknown")
    internal: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    note: Mapped[str] = mapped_column(Text, default="")

    obstacles: Mapped[list[SourceObstacle]] = relationship(
        back_populates="source",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="SourceObstacle.id",
    )
    attachments: Mapped[list[SourceAttachment]] = relationship(
        back_populates="source",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="SourceAttachment.id",
    )


class SourceObstacle(Base):
    """A *hinder* for one source: secrecy, GDPR, different geographic units, …"""

    __tablename__ = "source_obstacles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(
        ForeignKey("data_sources.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")

    source: Mapped[DataSource] = relationship(back_populates="obstacles")


class SourceAttachment(Base):
    """A received file (PDF, spreadsheet) kept inside the database with its source."""

    __tablename__ = "source_attachments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(
        ForeignKey("data_sources.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(String(255))
    mime_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer, default=0)
    received_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())

    source: Mapped[DataSource] = relationship(back_populates="attachments")


class Gap(TimestampMixin, Base):
    """What is missing for a complete picture: a source or a competence."""

    __tablename__ = "gaps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default="source")
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    who_could_fill: Mapped[str] = mapped_column(Text, default="")
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    actions_taken: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="open")
    identified_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    internal: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The area of the municipality's own tree (any level); `null`: none chosen.
    area_id: Mapped[int | None] = mapped_column(
        ForeignKey("areas.id", ondelete="RESTRICT"), nullable=True, index=True
    )


class Indicator(TimestampMixin, Base):
    """A named measure with a unit, a source, and values per period and area."""

    __tablename__ = "indicators"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    unit: Mapped[str] = mapped_column(String(80), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    source_id: Mapped[int | None] = mapped_column(
        ForeignKey("data_sources.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    chart_kind: Mapped[str] = mapped_column(String(10), default="line")
    main_area: Mapped[str] = mapped_column(String(120), default="")
    comparison_area: Mapped[str] = mapped_column(String(120), default="")
    higher_is_worse: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())

    values: Mapped[list[IndicatorValue]] = relationship(
        back_populates="indicator", cascade="all, delete-orphan", passive_deletes=True
    )


class IndicatorValue(Base):
    """One value: period is '2024', '2024-Q3' or '2024-05'."""

    __tablename__ = "indicator_values"
    __table_args__ = (
        UniqueConstraint("indicator_id", "area", "period", name="uq_indicator_values_indicator_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"))
    area: Mapped[str] = mapped_column(String(120))
    period: Mapped[str] = mapped_column(String(10))
    value: Mapped[float] = mapped_column(Float)
    # The area of the municipality's own tree (any level); `null`: none chosen.
    area_id: Mapped[int | None] = mapped_column(
        ForeignKey("areas.id", ondelete="RESTRICT"), nullable=True, index=True
    )

    indicator: Mapped[Indicator] = relationship(back_populates="values")


observation_sources = Table(
    "observation_sources",
    Base.metadata,
    Column(
        "observation_id",
        ForeignKey("observations.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column(
        "source_id",
        ForeignKey("data_sources.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)

observation_indicators = Table(
    "observation_indicators",
    Base.metadata,
    Column(
        "observation_id",
        ForeignKey("observations.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column(
        "indicator_id",
        ForeignKey("indicators.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)


class Observation(TimestampMixin, Base):
    """A problem seen at a place: "Industriområdet är lugnare än tidigare"."""

    __tablename__ = "observations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    category: Mapped[str] = mapped_column(String(20), default="other")
    trend: Mapped[str] = mapped_column(String(20), default="unknown")
    peak_months: Mapped[str] = mapped_column(String(40), default="")  # "6,7,8"
    observed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    reported_by: Mapped[str] = mapped_column(String(200), default="")  # who saw it, free text
    internal: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The area of the municipality's own tree (any level); `null`: none chosen.
    area_id: Mapped[int | None] = mapped_column(
        ForeignKey("areas.id", ondelete="RESTRICT"), nullable=True, index=True
    )

    sources: Mapped[list[DataSource]] = relationship(secondary=observation_sources)
    indicators: Mapped[list[Indicator]] = relationship(secondary=observation_indicators)
