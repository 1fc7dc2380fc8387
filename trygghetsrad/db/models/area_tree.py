"""Areas with levels (*stadsområde → mellanområde → plats*) and each area's assessment per
situation picture."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from trygghetsrad.db.base import Base, TimestampMixin


class AreaNode(TimestampMixin, Base):
    """One area of the municipality's own division; `position` is the user's order among its
    siblings, `level` the name of its level ("Stadsområde", "Plats")."""

    __tablename__ = "areas"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("areas.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class AreaAssessment(TimestampMixin, Base):
    """What one situation picture says of one area: a risk level (`unknown` until the user
    gives one), the needs and notes."""

    __tablename__ = "area_assessments"
    __table_args__ = (UniqueConstraint("area_id", "picture_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    area_id: Mapped[int] = mapped_column(ForeignKey("areas.id", ondelete="CASCADE"), index=True)
    picture_id: Mapped[int] = mapped_column(
        ForeignKey("situation_pictures.id", ondelete="CASCADE"), index=True
    )
    risk_level: Mapped[str] = mapped_column(String(20), default="unknown", server_default="unknown")
    needs: Mapped[str] = mapped_column(Text, default="", server_default="")
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")
