"""Errors a user can cause or fix; everything else is a bug and is logged as such."""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can understand and act on; its message is one Swedish sentence."""


class ValidationError(UserError):
    """Input that breaks a rule; `field` names the offending field when there is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class ReferencedError(UserError):
    """A record can't be removed because other records still point at it."""

    def __init__(self, message: str, references: list[str]) -> None:
        super().__init__(message)
        self.references = references
