"""Dialogs taller than the screen are capped to it, so their buttons stay reachable."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit

from trygghetsrad.ui.widgets.form_dialog import FormDialog
from trygghetsrad.ui.widgets.screen import available_geometry, fit_to_screen


class _Tall(FormDialog):
    def values(self) -> dict[str, object]:
        return {}


def test_a_tall_scrolling_form_is_capped_to_the_screen_and_keeps_its_buttons(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _Tall("Lång", lambda values: None, scrollable=True)
    qtbot.addWidget(dialog)
    for i in range(60):
        dialog.add_field(f"f{i}", f"Fält {i}", QLineEdit())
    right = dialog.add_column()
    dialog.add_field("extra", "Extra", QLabel("höger"), form=right)
    dialog.show()
    geometry = available_geometry(dialog)
    assert geometry is not None
    assert dialog.height() <= geometry.height()
    assert dialog.scroll_area is not None
    assert dialog.scroll_area.verticalScrollBar().maximum() > 0  # the form scrolls
    assert dialog.save_button.isVisible()
    bottom = dialog.save_button.mapTo(dialog, dialog.save_button.rect().bottomLeft()).y()
    assert bottom <= dialog.height()


def test_fit_to_screen_leaves_a_small_dialog_alone(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _Tall("Kort", lambda values: None)
    qtbot.addWidget(dialog)
    dialog.add_field("name", "Namn", QLineEdit())
    dialog.show()
    size = dialog.size()
    fit_to_screen(dialog)
    assert dialog.size() == size
