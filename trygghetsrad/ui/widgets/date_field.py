"""A date that may be left out: a check box in front of a typed date (`OptionalDateEntry`).

The old calendar spin box (QDateEdit) silently corrected typed dates; every form now uses the
strict typed entry, which refuses an impossible date at the field.
"""

from __future__ import annotations

from trygghetsrad.ui.widgets.date_entry import OptionalDateEntry

OptionalDateEdit = OptionalDateEntry

__all__ = ["OptionalDateEdit"]
