"""Reminders as plain data: who gets one, about which actions and late deliveries."""

from __future__ import annotations

from dataclasses import dataclass

from trygghetsrad.domain.actions.register import RegisterAction
from trygghetsrad.domain.situation.picture import SourceData


@dataclass(frozen=True)
class ActionReminder:
    """One responsible person's open (or only overdue) actions."""

    person_id: int
    name: str
    email: str
    actions: tuple[RegisterAction, ...]


@dataclass(frozen=True)
class DeliveryReminder:
    """The person who delivers one or more data sources whose delivery is late."""

    person_id: int
    name: str
    email: str
    sources: tuple[SourceData, ...]


@dataclass(frozen=True)
class Reminders:
    actions: tuple[ActionReminder, ...] = ()
    deliveries: tuple[DeliveryReminder, ...] = ()
    # Who should be reminded but has no e-mail address: "Anna Berg (2 uppdrag)".
    without_address: tuple[str, ...] = ()
