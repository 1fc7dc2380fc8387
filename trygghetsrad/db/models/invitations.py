"""The meeting invitation last issued per meeting: its SEQUENCE and a digest of its content."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from trygghetsrad.db.base import Base


class MeetingInvitation(Base):
    """Kept apart from `meetings` so that issuing an invitation never touches a row the user
    edits (an undo of an edit made before the export must not meet a changed meeting row)."""

    __tablename__ = "meeting_invitations"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    sequence: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    digest: Mapped[str] = mapped_column(String(64), default="", server_default="")
