"""The wheel readable at 1366×768: no text on the wheel smaller than the platform's small
font, labels without overlap, the ones without room counted on the wheel, and the toolbar's
plan status and the plan dialog's hint shown whole or visibly shortened, never cut off."""

from __future__ import annotations

from datetime import date

import pytest
from factories_wheel import open_wheel_page

from trygghetsrad.domain.wheel.model import PlanStatus, WheelPlan, series_key
from trygghetsrad.domain.wheel.scene import Text, label_overlaps


@pytest.fixture
def page(qtbot, demo_ctx):  # type: ignore[no-untyped-def]
    return open_wheel_page(
        qtbot, demo_ctx, (1366, 740)
    )  # below the window's menu and tabs on a 1366×768 screen


def test_no_text_on_the_wheel_is_smaller_than_the_small_font(page) -> None:  # type: ignore[no-untyped-def]
    wheel = page.wheel
    small = wheel.small_font_px()
    assert small >= 10  # the labels were about 7 px
    scene = wheel.scene()
    sizes = [p.size for p in scene.primitives if isinstance(p, Text)]
    assert sizes and min(sizes) >= small - 1e-6
    assert len(scene.label_lines) >= 30
    assert label_overlaps(scene) == []


def test_labels_without_room_are_counted_on_the_wheel(page) -> None:  # type: ignore[no-untyped-def]
    page.resize(1000, 560)
    scene = page.wheel.scene()
    assert scene.unlabelled, "a small wheel has no room for every label"
    notes = [p.text for p in scene.primitives if isinstance(p, Text) and "utan etikett" in p.text]
    assert notes == [
        f"{len(scene.unlabelled)} händelser utan etikett: peka på dem i hjulet eller zooma in"
    ]
    assert label_overlaps(scene) == []
    # Counted: every item with neither a label nor its series' letter.
    lettered = {k for k in scene.items if series_key(k) in scene.series_tags}
    assert set(scene.unlabelled) == set(scene.items) - set(scene.labels) - {
        k for k in lettered if any(series_key(j) == series_key(k) for j in scene.label_lines)
    }


def test_a_long_plan_status_is_shortened_visibly_not_cut(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    plan = WheelPlan(
        2026,
        status=PlanStatus.ADOPTED,
        adopted_on=date(2026, 1, 12),
        adopted_by="Trygghetsrådet i Storåkers kommun",
        reservation=True,
    )
    label = page.status_label
    label.setText(plan.status_text())
    qtbot.wait(10)
    shown = label.shown_text()
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    assert shown == plan.status_text() or shown.endswith("…")
    assert label.toolTip() == plan.status_text()


def test_the_plan_dialogs_hint_has_the_room_it_needs(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from trygghetsrad.ui.wheel.dialogs import PlanDialog

    dialog = PlanDialog(WheelPlan(2026), lambda values: None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    hint = next(w for w in dialog.findChildren(QLabel) if w.text() == "Välj augusti för ett läsår.")
    assert hint.height() >= hint.heightForWidth(hint.width())
    assert hint.width() >= hint.fontMetrics().horizontalAdvance(hint.text())
