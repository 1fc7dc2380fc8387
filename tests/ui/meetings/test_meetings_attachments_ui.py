"""Attachments in the meetings page (add, open, remove with the mouse, undo) and the
*protokollsutdrag* dialog of a finalised meeting (tick an item with the mouse, save)."""

from __future__ import annotations

import subprocess
from datetime import date, time
from pathlib import Path

import pytest
from factories_meetings import make_group_with_members
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from trygghetsrad.domain.attachments import OwnerKind
from trygghetsrad.services import attachments
from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.ui.meetings import extract as attachments_ui
from trygghetsrad.ui.meetings.page import MeetingsPage

CONTENT = b"\x00\x01 Polisens l\xc3\xa4gesbild \xff" * 100


def _page(qtbot, ctx, meeting_id: int) -> MeetingsPage:  # type: ignore[no-untyped-def]
    widget = MeetingsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    widget.select_meeting(meeting_id)
    return widget


@pytest.fixture
def page(qtbot, ctx):  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        group, _people = make_group_with_members(s, 2, name="Klara-gruppen")
        meeting_id = meetings.create_meeting(
            s, group_ids=[group], day=date(2026, 3, 9), start_time=time(13), end_time=time(15)
        ).id
    widget = _page(qtbot, ctx, meeting_id)
    widget.tabs.setCurrentIndex(2)
    widget.meeting_id = meeting_id  # type: ignore[attr-defined]
    return widget


def _stored(ctx, meeting_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        return [a.filename for a in attachments.list_attachments(s, OwnerKind.MEETING, meeting_id)]


def _click_row(view, row: int) -> None:  # type: ignore[no-untyped-def]
    index = view.model().index(row, 0)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def test_a_file_is_added_opened_removed_and_brought_back(
    qtbot, page, ctx, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "Lägesbild.pdf"
    source.write_bytes(CONTENT)
    box = page.attachments
    box.add_files([source])
    assert _stored(ctx, page.meeting_id) == ["Lägesbild.pdf"]
    assert box.list.count() == 1
    assert not box.remove_button.isEnabled()

    opened: list[Path] = []
    monkeypatch.setattr(
        "trygghetsrad.ui.widgets.attachments.open_file", lambda p: opened.append(p) or True
    )
    _click_row(box.list, 0)
    QTest.mouseClick(box.open_button, Qt.MouseButton.LeftButton)
    assert opened and opened[0].read_bytes() == CONTENT
    assert opened[0].stat().st_mode & 0o077 == 0  # readable by the user alone

    QTest.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)
    assert _stored(ctx, page.meeting_id) == []
    assert box.list.count() == 0
    page.undo_stack.undo()
    assert _stored(ctx, page.meeting_id) == ["Lägesbild.pdf"]


def test_extract_dialog_writes_the_ticked_item_only(qtbot, demo_ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with demo_ctx.database.session() as s:
        found = next(
            m
            for m in meetings.list_meetings(s)
            if m.kind.value == "protocol" and m.status.value in ("finalised", "sent")
        )
    widget = _page(qtbot, demo_ctx, found.id)
    assert widget.header.extract_action.isEnabled()
    assert not widget.attachments.add_button.isEnabled()  # finalised minutes keep their files
    out = tmp_path / "utdrag.pdf"
    dialog = widget.export("extract", out)
    qtbot.waitExposed(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # nothing ticked yet
    view = dialog.items
    rect = view.visualRect(view.model().index(0, 0))
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 10, rect.center().y())
    )
    assert dialog.chosen() == [0]
    QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(out.exists, timeout=20000)
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, check=True, text=True
    ).stdout
    doc = dialog.doc
    assert "Protokollsutdrag" in text
    assert doc.items[0].title in text
    assert doc.items[1].title not in text
    assert attachments_ui.extract_name(doc, [0]).startswith("Protokollsutdrag")


def test_an_agreement_keeps_its_signed_copy(qtbot, demo_ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.situation.agreements_page import AgreementsPage

    page = AgreementsPage(demo_ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    _click_row(page.list, 0)
    agreement = page.current()
    assert agreement is not None
    box = page.attachments
    before = box.list.count()
    source = tmp_path / "Underskriven.pdf"
    source.write_bytes(CONTENT)
    box.add_files([source])
    assert box.list.count() == before + 1
    with demo_ctx.database.session() as s:
        stored = attachments.list_attachments(s, OwnerKind.AGREEMENT, agreement.id)
    assert stored[-1].filename == "Underskriven.pdf"
    _click_row(box.list, box.list.count() - 1)
    QTest.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)
    assert box.list.count() == before
    page.undo_stack.undo()  # the box follows the announced change by itself
    assert box.list.count() == before + 1
