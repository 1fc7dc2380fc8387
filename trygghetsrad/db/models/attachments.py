"""Attachments (*bilagor*) of meetings, agenda items, agreements and situation pictures, stored in the database."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Integer, LargeBinary, String, func
from sqlalchemy.orm import Mapped, mapped_column

from trygghetsrad.db.base import Base


class Attachment(Base):
    """One file, owned by exactly one meeting, agenda item, agreement or situation picture. The bytes live in the
    row, so a backup (a copy of the one file) and `export data` carry them with no extra step."""

    __tablename__ = "attachments"
    __table_args__ = (
        CheckConstraint(
            "(meeting_id IS NOT NULL) + (agenda_item_id IS NOT NULL) "
            "+ (agreement_id IS NOT NULL) + (picture_id IS NOT NULL) = 1",
            name="one_owner",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), nullable=True, index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), nullable=True, index=True
    )
    agreement_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), nullable=True, index=True
    )
    picture_id: Mapped[int | None] = mapped_column(
        ForeignKey("situation_pictures.id", ondelete="CASCADE"), nullable=True, index=True
    )
    title: Mapped[str] = mapped_column(String(200), default="", server_default="")
    filename: Mapped[str] = mapped_column(String(255))
    mime_type: Mapped[str] = mapped_column(
        String(100), default="application/octet-stream", server_default="application/octet-stream"
    )
    size: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
