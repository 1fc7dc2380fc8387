"""Agreements with the police: the cooperation agreement (*samverkansöverenskommelse*) and the
citizen promise (*medborgarlöfte*), with their commitments per party.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from trygghetsrad.domain.action_plan import FollowUp, MeetingMention, TrafficLight
from trygghetsrad.domain.situation_documents import DocumentSettings
from trygghetsrad.i18n import tr


class AgreementKind(StrEnum):
    COOPERATION = "samverkansöverenskommelse"
    CITIZEN_PROMISE = "medborgarlöfte"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Party(StrEnum):
    POLICE = "polisen"
    MUNICIPALITY = "kommunen"
    TOGETHER = "gemensamt"

    @property
    def label(self) -> str:
        return {
            Party.POLICE: tr("Polisen lovar"),
            Party.MUNICIPALITY: tr("Kommunen lovar"),
            Party.TOGETHER: tr("Tillsammans lovar vi"),
        }[self]

    @property
    def short(self) -> str:
        return {
            Party.POLICE: tr("Polisen"),
            Party.MUNICIPALITY: tr("Kommunen"),
            Party.TOGETHER: tr("Gemensamt"),
        }[self]


PARTY_ORDER = {party.value: index for index, party in enumerate(Party)}


@dataclass(frozen=True)
class AgreementData:
    id: int
    kind: str
    title: str
    period_start: date
    period_end: date
    parties: str = ""  # one per line
    signatories: str = ""  # one per line: "Göran Sjöberg, kommunalråd"
    signed_on: date | None = None
    focus_areas: str = ""  # one per line
    background: str = ""
    internal: bool = False
    commitment_count: int = 0

    @property
    def period_label(self) -> str:
        return f"{self.period_start.year}–{self.period_end.year}"

    @property
    def kind_label(self) -> str:
        return AgreementKind(self.kind).label

    @property
    def focus_list(self) -> list[str]:
        return [line.strip() for line in self.focus_areas.splitlines() if line.strip()]

    @property
    def party_list(self) -> list[str]:
        return [line.strip() for line in self.parties.splitlines() if line.strip()]

    @property
    def signatory_list(self) -> list[str]:
        return [line.strip() for line in self.signatories.splitlines() if line.strip()]

    def in_force(self, day: date) -> bool:
        return self.period_start <= day <= self.period_end


@dataclass(frozen=True)
class CommitmentData:
    id: int
    agreement_id: int
    party: str
    text: str
    focus_area: str = ""
    status: str = "ej bedömd"
    position: int = 0
    internal: bool = False
    measure_ids: tuple[int, ...] = ()
    measure_titles: tuple[str, ...] = ()

    @property
    def party_label(self) -> str:
        return Party(self.party).label


@dataclass(frozen=True)
class CommitmentRow:
    commitment: CommitmentData
    light: TrafficLight
    followups: tuple[FollowUp, ...] = ()
    mentions: tuple[MeetingMention, ...] = ()


@dataclass(frozen=True)
class AgreementDocument:
    """Everything the agreement PDF shows."""

    municipality: str
    agreement: AgreementData
    commitments: tuple[CommitmentRow, ...]
    logo: bytes | None = None
    include_internal: bool = False
    document: DocumentSettings | None = None
