"""An action nobody has reported on is open, not "in progress": the label claims nothing."""

from __future__ import annotations

from trygghetsrad.domain.meetings.model import ActionStatus


def test_an_open_action_is_called_open_not_in_progress() -> None:
    assert ActionStatus.OPEN.label == "Öppen"
    assert "Pågår" not in {status.label for status in ActionStatus}
