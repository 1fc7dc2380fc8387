"""Fixtures of the Möten tests."""

from __future__ import annotations

import pytest

from trygghetsrad.ui.meetings.page import MeetingsPage


@pytest.fixture
def demo_page(qtbot, demo_ctx):  # type: ignore[no-untyped-def]
    """The Möten page on the demo data, as on a 1366×768 laptop."""
    widget = MeetingsPage(demo_ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget
