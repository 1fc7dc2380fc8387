"""Factories for the annual wheel."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from trygghetsrad.services.wheel import events as wheel

_counter = itertools.count(1)


def make_event(session: Session, **overrides: Any) -> int:
    fields: dict[str, Any] = {
        "title": f"Händelse {next(_counter)}",
        "category": "events",
        "start": date(2026, 5, 29),
    } | overrides
    return wheel.create_event(session, **fields).id


def open_wheel_page(qtbot: Any, ctx: Any, size: tuple[int, int] | None = None) -> Any:
    """The Årshjul page showing 2026 as on 26 November 2026, shown (and sized) on screen."""
    from trygghetsrad.ui.wheel.page import WheelPage

    page = WheelPage(ctx)
    qtbot.addWidget(page)
    page.today = date(2026, 11, 26)
    page.set_year(2026)
    if size is not None:
        page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    return page
