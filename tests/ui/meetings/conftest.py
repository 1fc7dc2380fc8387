"""Fixtures of the Möten tests."""

from __future__ import annotations

import pytest

from trygghetsrad.ui.meetings.page import MeetingsPage


def shown_page(qtbot, ctx) -> MeetingsPage:  # type: ignore[no-untyped-def]
    """The Möten page shown as on a 1366×768 laptop."""
    widget = MeetingsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def page(qtbot, ctx):  # type: ignore[no-untyped-def]
    """The Möten page on the test's own data (a module may give its own `page`)."""
    return shown_page(qtbot, ctx)


@pytest.fixture
def demo_page(qtbot, demo_ctx):  # type: ignore[no-untyped-def]
    """The Möten page on the demo data."""
    return shown_page(qtbot, demo_ctx)
