"""Marks user-visible strings outside the Qt layer for translation (the UI language is Swedish).

Qt code uses `self.tr()`; code below the UI (domain rules, services, exports, the command
line) wraps its Swedish messages in this `tr()` so that every user-visible string is marked.
"""

from __future__ import annotations


def tr(text: str) -> str:
    return text


def plural(n: int, one: str, many: str) -> str:
    """A count with its word in the right number: "1 medlem", "0 medlemmar", "3 medlemmar".

    Pass both forms through `tr()` (or `self.tr()` in Qt code); `many` may be the same word
    ("1 underlag", "2 underlag"). Every user-visible count goes through here (a test scans
    the sources for "{n} medlemmar" written by hand)."""
    return f"{n} {one if n == 1 else many}"
