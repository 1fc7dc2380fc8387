"""The Lägesbild page's Bilagor box: a file added shows in the list and is stored on the
picture, is removed with the mouse and brought back by undo; a presented (locked) version
keeps its files, open only."""

from __future__ import annotations

from pathlib import Path

from factories_situation import make_picture
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from trygghetsrad.domain.attachments import OwnerKind
from trygghetsrad.services import attachments
from trygghetsrad.services.situation import pictures as situation_pictures

CONTENT = b"\x00\x01 Polisens l\xc3\xa4gesbild \xff" * 50


def _stored(ctx, picture_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        return [a.filename for a in attachments.list_attachments(s, OwnerKind.PICTURE, picture_id)]


def test_a_file_on_the_picture_is_added_removed_and_brought_back(
    qtbot, ctx, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.situation.pictures import PicturesPage

    with ctx.database.session() as s:
        picture_id = make_picture(s, title="Lägesbild 2026")
    page = PicturesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    page.select(picture_id)
    box = page.attachments
    assert box.add_button.isEnabled()
    source = tmp_path / "Polisens lägesbild.pdf"
    source.write_bytes(CONTENT)
    box.add_files([source])
    assert _stored(ctx, picture_id) == ["Polisens lägesbild.pdf"]
    assert box.list.count() == 1 and "Polisens lägesbild.pdf" in box.list.item(0).text()

    view = box.list
    QTest.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.visualRect(view.model().index(0, 0)).center(),
    )
    QTest.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)
    assert _stored(ctx, picture_id) == [] and box.list.count() == 0
    page.undo_stack.undo()
    assert _stored(ctx, picture_id) == ["Polisens lägesbild.pdf"]
    assert box.list.count() == 1

    with ctx.database.session() as s:
        situation_pictures.present_picture(
            s, picture_id, presented_on="2026-11-20", presented_to="BRÅ", continue_work=False
        )
        s.commit()
    page.refresh()
    page.select(picture_id)
    assert box.list.count() == 1  # the files it was presented with, open only
    assert not box.add_button.isEnabled()
    QTest.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.visualRect(view.model().index(0, 0)).center(),
    )
    assert box.open_button.isEnabled() and not box.remove_button.isEnabled()
