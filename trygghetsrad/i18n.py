"""Marks user-visible strings outside the Qt layer for translation (the UI language is Swedish).

Qt code uses `self.tr()`; code below the UI (domain rules, services, exports, the command
line) wraps its Swedish messages in this `tr()` so that every user-visible string is marked.
"""

from __future__ import annotations


def tr(text: str) -> str:
    return text
