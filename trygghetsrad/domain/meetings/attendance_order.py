"""The order in which the minutes list the attendance categories (a setting).

The default is the order most Swedish municipal minutes use: first those who attended as
members (*Närvarande*, *Ersättare*), then the members who did not (*Anmält förhinder*,
*Frånvarande*), then those who took part without being members (*Adjungerade*), and last
the members whose attendance was never marked (*Närvaro ej angiven*): printed under a heading
of their own, so the minutes neither claim a presence nor silently drop a member.
"""

from __future__ import annotations

from trygghetsrad.domain.meetings.model import Presence
from trygghetsrad.i18n import tr

DEFAULT_ORDER: tuple[Presence, ...] = (
    Presence.PRESENT,
    Presence.SUBSTITUTE,
    Presence.EXCUSED,
    Presence.ABSENT,
    Presence.GUEST,
    Presence.UNKNOWN,
)


def heading(presence: Presence) -> str:
    """The category's heading in the minutes ('Adjungerade', plural where Swedish says so)."""
    return {
        Presence.PRESENT: tr("Närvarande"),
        Presence.SUBSTITUTE: tr("Ersättare"),
        Presence.EXCUSED: tr("Anmält förhinder"),
        Presence.ABSENT: tr("Frånvarande"),
        Presence.GUEST: tr("Adjungerade"),
        Presence.UNKNOWN: tr("Närvaro ej angiven"),
    }[presence]


def parse_order(text: str) -> tuple[Presence, ...]:
    """The stored order ('present,substitute,…'); unknown words are ignored and a category
    that is missing is added in its default place at the end, so no one is ever left out."""
    order: list[Presence] = []
    for word in text.split(","):
        try:
            presence = Presence(word.strip())
        except ValueError:
            continue
        if presence not in order:
            order.append(presence)
    return (*order, *(p for p in DEFAULT_ORDER if p not in order))


def format_order(order: tuple[Presence, ...] | list[Presence]) -> str:
    return ",".join(p.value for p in parse_order(",".join(p.value for p in order)))
