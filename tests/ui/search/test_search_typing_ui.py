"""The search popup shows a word found inside a compound, or typed without å/ä/ö, in bold
inside the word as it is spelt, after the hits that match as typed."""

from __future__ import annotations

from trygghetsrad.ui.search.dialog import HTML_ROLE, SearchDialog


def _rows(dialog) -> list[str]:  # type: ignore[no-untyped-def]
    found = []
    for r in range(dialog.model.rowCount()):
        group = dialog.model.item(r)
        found += [group.child(c).data(HTML_ROLE) for c in range(group.rowCount())]
    return found


def test_typed_without_the_dots_bolds_the_letters_as_spelt(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    dialog = SearchDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.resize(900, 600)
    dialog.show()
    dialog.field.setText("overvakning")
    dialog.search_now()
    rows = _rows(dialog)
    assert any("Kamera<b>övervakning</b> vid resecentrum" in row for row in rows)
    assert "träff" in dialog.summary.text()
