"""The action register: every action (*uppdrag*) and decision (*beslut*) of every meeting as
one flat record each, and the filters the register page, the command line and the
spreadsheets share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from trygghetsrad.domain.internal import is_internal
from trygghetsrad.domain.meetings.action_status import (
    ActionStatus,
    action_overdue,
    action_status_text,
)
from trygghetsrad.domain.meetings.model import Responsible, join_names


@dataclass(frozen=True)
class RegisterAction:
    id: int
    what: str
    responsibles: tuple[Responsible, ...]
    due_date: date | None
    status: ActionStatus
    carried_count: int
    meeting_id: int
    meeting_day: date
    meeting_name: str  # "Klara-gruppen, 13 februari 2025"
    item_title: str
    group_ids: tuple[int, ...]
    group_names: tuple[str, ...]
    measures: tuple[str, ...] = ()  # the measures (and commitments) it serves, by title
    closed_on: date | None = None
    internal: bool = False  # its own flag
    inherited_internal: bool = False  # its agenda item is internal (see domain.internal)
    # The organisations of the responsible people (for the organisation filter).
    organisation_ids: tuple[int, ...] = ()

    @property
    def responsible(self) -> str:
        return join_names([r.name for r in self.responsibles if r.name])

    @property
    def groups_label(self) -> str:
        return join_names(self.group_names)

    @property
    def person_ids(self) -> tuple[int, ...]:
        return tuple(r.person_id for r in self.responsibles if r.person_id is not None)

    def overdue(self, today: date) -> bool:
        """Open and past its due date (an action without a due date is never late)."""
        return action_overdue(self.status, self.due_date, today)

    def status_text(self, today: date) -> str:
        """ "Öppen", "Öppen, försenad", "Klart", "Struket", as the meetings word it too."""
        return action_status_text(self.status, self.due_date, today)


@dataclass(frozen=True)
class RegisterDecision:
    """A decision of a meeting: no one responsible, no due date, no status of its own."""

    id: int
    text: str
    meeting_id: int
    meeting_day: date
    meeting_name: str
    item_title: str
    group_ids: tuple[int, ...]
    group_names: tuple[str, ...]
    internal: bool = False
    inherited_internal: bool = False  # its agenda item is internal

    @property
    def groups_label(self) -> str:
        return join_names(self.group_names)


@dataclass(frozen=True)
class ActionFilter:
    """Which actions to show; every criterion left at its default lets all through."""

    person_id: int | None = None
    organisation_id: int | None = None
    group_id: int | None = None
    status: ActionStatus | None = None
    overdue: bool = False
    due_within: int | None = None  # open actions due within this many days from today
    start: date | None = None  # the period the actions were given in (meeting day)
    end: date | None = None
    include_internal: bool = False

    def matches(self, action: RegisterAction, today: date) -> bool:
        if is_internal(action) and not self.include_internal:
            return False
        if self.person_id is not None and self.person_id not in action.person_ids:
            return False
        if self.organisation_id is not None and not (
            self.organisation_id in action.organisation_ids
            or any(r.organisation_id == self.organisation_id for r in action.responsibles)
        ):
            return False
        if self.group_id is not None and self.group_id not in action.group_ids:
            return False
        if self.status is not None and action.status is not self.status:
            return False
        if self.overdue and not action.overdue(today):
            return False
        if self.due_within is not None and not (
            action.status is ActionStatus.OPEN
            and action.due_date is not None
            and today <= action.due_date <= today + timedelta(days=self.due_within)
        ):
            return False
        return self._in_period(action.meeting_day)

    def _in_period(self, day: date) -> bool:
        if self.start is not None and day < self.start:
            return False
        return self.end is None or day <= self.end

    def matches_decision(self, decision: RegisterDecision) -> bool:
        """A decision passes the group, period and internal criteria; one that asks for a
        responsible, a status or a due date leaves decisions out (they have none)."""
        if is_internal(decision) and not self.include_internal:
            return False
        asks_action = (
            self.person_id is not None
            or self.organisation_id is not None
            or self.status is not None
            or self.overdue
            or self.due_within is not None
        )
        if asks_action:
            return False
        if self.group_id is not None and self.group_id not in decision.group_ids:
            return False
        return self._in_period(decision.meeting_day)


def filter_actions(
    actions: list[RegisterAction], criteria: ActionFilter, today: date
) -> list[RegisterAction]:
    return [a for a in actions if criteria.matches(a, today)]
