"""The wheel's date fields are the shared ones (`ui.widgets.date_entry`)."""

from __future__ import annotations

from trygghetsrad.ui.widgets.date_entry import DateEntry, OptionalDateEntry, parse_date

__all__ = ["DateEntry", "OptionalDateEntry", "parse_date"]
