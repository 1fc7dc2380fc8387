"""Moved to `ui/widgets/sort_arrows.py` (every sortable table fitted by `ColumnFitter` gets
these arrows); the names stay importable from here."""

from trygghetsrad.ui.widgets.sort_arrows import arrow_points_along, points_along

__all__ = ["arrow_points_along", "points_along"]
