"""Internal content (*intern*, not for distribution) is left out of exports unless asked for.

The one filter every exporter and every printing page uses. Internal-ness is inherited: a
record under an internal parent (an action under an internal agenda item) is internal
whatever its own flag says; such records carry `inherited_internal=True` (set where they
are read, e.g. `services.meetings.actions.action_data`), and `is_internal` honours it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar


class _HasInternal(Protocol):
    @property
    def internal(self) -> bool: ...


T = TypeVar("T", bound=_HasInternal)


def is_internal(item: _HasInternal) -> bool:
    """Marked internal itself, or lying under something internal."""
    return bool(item.internal or getattr(item, "inherited_internal", False))


def visible(items: Iterable[T], include_internal: bool) -> list[T]:
    """The items an export may show: all of them, or only those not internal (own or inherited)."""
    return [item for item in items if include_internal or not is_internal(item)]
