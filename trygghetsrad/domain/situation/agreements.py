"""Agreements with the police: the cooperation agreement (*samverkansöverenskommelse*) and the
citizen promise (*medborgarlöfte*), with their commitments per party.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from trygghetsrad.domain.attachments import AttachmentInfo
from trygghetsrad.domain.situation.action_plan import (
    LIGHT_ORDER,
    FollowUp,
    Light,
    MeasureStatus,
    MeetingMention,
    TrafficLight,
    has_light,
    traffic_light,
    unknown_light,
)
from trygghetsrad.domain.situation.documents import DocumentSettings
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
    signed_place: str = ""  # "Storåker": where it was signed
    belongs_to_id: int | None = None  # a medborgarlöfte's samverkansöverenskommelse
    belongs_to_title: str = ""
    promises: tuple[str, ...] = ()  # the medborgarlöften made under this agreement

    @property
    def signed_label(self) -> str:
        """ "Undertecknat i Storåker den 20 februari 2025", with what is known of the two."""
        from trygghetsrad.domain.dates import long_date

        day = long_date(self.signed_on, weekday=False) if self.signed_on else ""
        place = self.signed_place.strip()
        if place and day:
            return tr("Undertecknat i {place} den {day}").format(place=place, day=day)
        if day:
            return tr("Undertecknat {day}").format(day=day)
        if place:
            return tr("Undertecknat i {place}").format(place=place)
        return ""

    @property
    def link_lines(self) -> list[str]:
        """Each agreement names the other: "Hör till samverkansöverenskommelsen: …" and
        "Medborgarlöften inom överenskommelsen: …"."""
        lines = []
        if self.belongs_to_title:
            lines.append(
                tr("Hör till samverkansöverenskommelsen: {title}").format(
                    title=self.belongs_to_title
                )
            )
        if self.promises:
            lines.append(
                tr("Medborgarlöften inom överenskommelsen: {titles}").format(
                    titles="; ".join(self.promises)
                )
            )
        return lines

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
    number: str = ""  # as printed in the signed text: "3", "2.1"
    party_name: str = ""  # the party named precisely: "Storåkers kommun", "Kommunerna"

    @property
    def party_label(self) -> str:
        """ "Storåkers kommun lovar", "Kommunerna lovar", or the kind's own wording."""
        name = self.party_name.strip()
        return tr("{party} lovar").format(party=name) if name else Party(self.party).label

    @property
    def party_short(self) -> str:
        return self.party_name.strip() or Party(self.party).short

    @property
    def numbered_text(self) -> str:
        """ "3. Vara synliga …" when the signed text numbers it."""
        label = self.number.strip()  # as signed: "3", "2.1", "3."
        if not label:
            return self.text
        return f"{label} {self.text}" if label.endswith(".") else f"{label}. {self.text}"


def number_key(number: str) -> tuple[int, ...]:
    """ "2.10" after "2.9": the signed text's numbering in its own order (unnumbered first)."""
    return tuple(int(part) for part in re.findall(r"\d+", number))


@dataclass(frozen=True)
class AgreementStep:
    """A step of the agreement's working model and what its follow-up said."""

    id: int
    agreement_id: int
    position: int
    title: str
    description: str = ""
    followup: str = ""
    followed_on: date | None = None

    @property
    def followup_label(self) -> str:
        """ "Uppföljning 2026-03-01: …", the date only when given; "" when not followed up."""
        text = self.followup.strip()
        if not text:
            return ""
        if self.followed_on:
            return tr("Uppföljning {day}: {text}").format(
                day=self.followed_on.isoformat(), text=text
            )
        return tr("Uppföljning: {text}").format(text=text)


@dataclass(frozen=True)
class CommitmentRow:
    commitment: CommitmentData
    light: TrafficLight
    followups: tuple[FollowUp, ...] = ()
    mentions: tuple[MeetingMention, ...] = ()


def commitment_light(
    status: str,
    *,
    followups: tuple[FollowUp, ...] | list[FollowUp],
    measures: list[tuple[str, TrafficLight]],
    start: date | None,
    end: date | None,
    today: date,
) -> TrafficLight:
    """A commitment's traffic light, claiming nothing nobody recorded.

    Two things can give it a light: a dated follow-up of the commitment itself (its status
    alone, set with no follow-up, is no judgement of progress), and the lights of its linked
    measures as the plan and Uppföljning show them. The most urgent of those wins, a measure's
    at a tie, said with the measure's title so its dates are the measure's own and not the
    agreement's. With neither, there is no light: "Ej bedömd", or "Ingen uppföljning ännu"
    for a status set by hand.
    """
    candidates = [
        (
            light.light,
            tr("Enligt åtgärden ”{title}”: {reason}").format(title=title, reason=light.reason),
        )
        for title, light in measures
        if has_light(light.light)
    ]
    if followups:
        own = traffic_light(status, start=start, end=end, today=today)
        if has_light(own.light):
            candidates.append((own.light, own.reason))
    if not candidates:
        unknown = unknown_light(end=end, today=today)
        if not followups and MeasureStatus(status) is not MeasureStatus.UNKNOWN:
            # A status set by hand, never followed up: say so rather than judge it.
            passed = end is not None and end < today
            unknown = TrafficLight(
                Light.NONE,
                tr("Ingen uppföljning; slutdatum {day} har passerat").format(day=end.isoformat())
                if passed and end is not None
                else tr("Ingen uppföljning ännu"),
            )
        if measures:
            return TrafficLight(
                Light.NONE,
                tr("{reason} (ingen kopplad åtgärd är bedömd)").format(reason=unknown.reason),
            )
        return unknown
    light, reason = min(candidates, key=lambda item: LIGHT_ORDER.index(item[0]))
    return TrafficLight(light, reason)


@dataclass(frozen=True)
class AgreementDocument:
    """Everything the agreement PDF shows."""

    municipality: str
    agreement: AgreementData
    commitments: tuple[CommitmentRow, ...]
    logo: bytes | None = None
    include_internal: bool = False
    document: DocumentSettings | None = None
    # "Bilaga 1: …" at the end, in the order attached (`services.attachments`).
    attachments: tuple[AttachmentInfo, ...] = ()
    steps: tuple[AgreementStep, ...] = ()  # its working model, in order
