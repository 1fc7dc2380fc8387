"""Meetings and minutes: meetings of groups, attendance, agenda, notes, decisions, actions."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    Time,
    UniqueConstraint,
    false,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from trygghetsrad.db.base import Base, TimestampMixin


class Meeting(TimestampMixin, Base):
    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[str] = mapped_column(String(20), default="notes")
    status: Mapped[str] = mapped_column(String(20), default="planned", index=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    start_time: Mapped[time | None] = mapped_column(Time, nullable=True)
    end_time: Mapped[time | None] = mapped_column(Time, nullable=True)
    place: Mapped[str] = mapped_column(String(300), default="")
    online_link: Mapped[str] = mapped_column(String(1000), default="")
    chair_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    secretary_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    secretary_title: Mapped[str] = mapped_column(String(300), default="")
    adjuster_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    finalised_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    sent_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    revised_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    revision_note: Mapped[str] = mapped_column(Text, default="")
    first_paragraph: Mapped[int] = mapped_column(Integer, default=1)
    previous_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), nullable=True, index=True
    )
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    # Called off before it was held: its invitation becomes a cancellation (METHOD:CANCEL).
    cancelled_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # domain.meetings.agenda_structure.Numbering; the kind of minutes no longer decides it.
    numbering: Mapped[str] = mapped_column(String(20), default="decimal", server_default="decimal")
    group_by_category: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    groups: Mapped[list[MeetingGroup]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", passive_deletes=True
    )
    attendance: Mapped[list[Attendance]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Attendance.position",
    )
    items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="AgendaItem.position",
    )


class MeetingGroup(Base):
    __tablename__ = "meeting_groups"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    group_id: Mapped[int] = mapped_column(
        ForeignKey("groups.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)

    meeting: Mapped[Meeting] = relationship(back_populates="groups")


class Attendance(Base):
    __tablename__ = "attendance"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    guest_name: Mapped[str] = mapped_column(String(200), default="")
    guest_organisation: Mapped[str] = mapped_column(String(200), default="")
    presence: Mapped[str] = mapped_column(String(20), default="unknown")
    role: Mapped[str] = mapped_column(String(40), default="")
    member: Mapped[bool] = mapped_column(Boolean, default=True)
    substitute_for_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    # As it happened at this meeting (the register's title and role stay as they are).
    partial: Mapped[str] = mapped_column(String(200), default="", server_default="")
    present_from: Mapped[time | None] = mapped_column(Time, nullable=True)
    present_to: Mapped[time | None] = mapped_column(Time, nullable=True)
    meeting_role: Mapped[str] = mapped_column(String(100), default="", server_default="")
    note: Mapped[str] = mapped_column(String(300), default="", server_default="")

    meeting: Mapped[Meeting] = relationship(back_populates="attendance")


class AgendaItem(Base):
    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20), default="normal")
    body: Mapped[str] = mapped_column(Text, default="")
    internal: Mapped[bool] = mapped_column(Boolean, default=False)
    # As councils write them (domain.meetings.agenda_structure): the kind of matter, who presents it,
    # its diarienummer, time slot and proposed decision.
    category: Mapped[str] = mapped_column(String(20), default="", server_default="")
    presenter_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    presenter_text: Mapped[str] = mapped_column(String(200), default="", server_default="")
    case_number: Mapped[str] = mapped_column(String(100), default="", server_default="")
    slot_start: Mapped[time | None] = mapped_column(Time, nullable=True)
    slot_end: Mapped[time | None] = mapped_column(Time, nullable=True)
    proposal: Mapped[str] = mapped_column(Text, default="", server_default="")
    papers_later: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    unnumbered: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    refers_to_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), nullable=True, index=True
    )

    meeting: Mapped[Meeting] = relationship(back_populates="items")
    notes: Mapped[list[AgendaNote]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="AgendaNote.position"
    )
    decisions: Mapped[list[Decision]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="Decision.position"
    )
    actions: Mapped[list[ActionItem]] = relationship(
        back_populates="item",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ActionItem.position",
    )


class AgendaNote(Base):
    __tablename__ = "agenda_notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    level: Mapped[int] = mapped_column(Integer, default=0)
    internal: Mapped[bool] = mapped_column(Boolean, default=False)
    # Running text (no bullet) before, between or after the bullets.
    paragraph: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Decision(Base):
    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    internal: Mapped[bool] = mapped_column(Boolean, default=False)


class ActionItem(TimestampMixin, Base):
    __tablename__ = "action_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    what: Mapped[str] = mapped_column(Text)
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    status: Mapped[str] = mapped_column(String(20), default="open")
    internal: Mapped[bool] = mapped_column(Boolean, default=False)
    carried_count: Mapped[int] = mapped_column(Integer, default=0)
    last_carried_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), nullable=True, index=True
    )
    closed_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), nullable=True, index=True
    )
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    item: Mapped[AgendaItem] = relationship(back_populates="actions")
    responsibles: Mapped[list[ActionResponsible]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ActionResponsible.position",
    )


class ActionResponsible(Base):
    """One of the people and/or organisations responsible for an action (a person of an
    organisation is one row with both)."""

    __tablename__ = "action_responsibles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action_id: Mapped[int] = mapped_column(
        ForeignKey("action_items.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), nullable=True, index=True
    )


class ActionProgress(Base):
    """What was said about an action when a later meeting followed it up."""

    __tablename__ = "action_progress"
    __table_args__ = (UniqueConstraint("action_id", "meeting_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action_items.id", ondelete="CASCADE"))
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text, default="")


class AgendaTemplate(TimestampMixin, Base):
    __tablename__ = "agenda_templates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    items: Mapped[str] = mapped_column(Text, default="")  # one item title per line


class MeetingNotice(Base):
    """What the meeting's notice (*kallelse*) says besides the meeting: place and date of
    issue, signers, where to report absence, footnote. One row per meeting, when given."""

    __tablename__ = "meeting_notices"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    issued_place: Mapped[str] = mapped_column(String(200), default="")
    issued_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    signed_by: Mapped[str] = mapped_column(String(20), default="secretary")
    excuses_to: Mapped[str] = mapped_column(String(300), default="")
    footnote: Mapped[str] = mapped_column(Text, default="")


class MinutesVersion(Base):
    """An immutable copy of the minutes as finalised or sent: the document's data (JSON) from
    which the PDF is rendered, numbered per meeting. Rows are only ever added."""

    __tablename__ = "minutes_versions"
    __table_args__ = (UniqueConstraint("meeting_id", "number", name="uq_minutes_versions_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    event: Mapped[str] = mapped_column(String(20))
    recorded_on: Mapped[date] = mapped_column(Date)
    document: Mapped[bytes] = mapped_column(LargeBinary)  # zlib-compressed UTF-8 JSON
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
