"""The settings dialog's field for how long automatic backups are kept (issue 7)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication, QHBoxLayout, QSizePolicy, QSpinBox, QWidget

from trygghetsrad.services import backup
from trygghetsrad.ui.widgets.service_calls import read, store


def _tr(text: str) -> str:
    return QApplication.translate("safety", text)  # the context these texts always had


def add_retention_field(dialog: Any) -> Any:
    """Add "Spara säkerhetskopior i … dagar" to a FormDialog with `ctx` (the settings dialog).

    Saved after the dialog's own values: when those are refused (shown under their field),
    nothing is stored, the retention neither.
    """
    current = read(dialog.ctx, backup.retention_days)
    spin = QSpinBox()
    spin.setRange(1, 3650)
    spin.setValue(current)
    spin.setSuffix(_tr(" dagar"))
    row = QWidget()  # keeps the spin box small while the hint below uses the full width
    row.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    line = QHBoxLayout(row)
    line.setContentsMargins(0, 0, 0, 0)
    line.addWidget(spin)
    line.addStretch(1)
    dialog.add_field(
        "backup_retention_days",
        _tr("&Säkerhetskopior sparas"),
        row,
        _tr(
            "Automatiska säkerhetskopior görs när databasen öppnas, varje dygn och före "
            "uppdateringar och importer. Av de senaste två dygnens kopior sparas de {recent} "
            "senaste, av äldre en per dag. De tre senaste sparas alltid."
        ).format(recent=backup.KEEP_RECENT),
    )
    spin.setAccessibleName(_tr("Säkerhetskopior sparas i antal dagar"))
    label = dialog.form.labelForField(row.parentWidget())
    if label is not None:
        label.setBuddy(spin)
    original = dialog._on_save

    def save(values: dict[str, Any]) -> object:
        result = original(values)
        days = spin.value()
        store(dialog.ctx, lambda s: backup.set_retention_days(s, days), announce=False)
        return result

    dialog._on_save = save
    dialog.retention = spin
    return spin
