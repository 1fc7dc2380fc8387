"""Internal content (*intern*, not for distribution) is left out of exports unless asked for."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar


class _HasInternal(Protocol):
    @property
    def internal(self) -> bool: ...


T = TypeVar("T", bound=_HasInternal)


def visible(items: Iterable[T], include_internal: bool) -> list[T]:
    """The items an export may show: all of them, or only those not marked internal."""
    return [item for item in items if include_internal or not item.internal]
