"""In the Möten page: the agenda shows the § numbers the exported protocol has (an internal
item takes none), and a draft exported from the window says it is a draft."""

from __future__ import annotations

import email
import io
import re
from datetime import date
from email.policy import default
from pathlib import Path

from factories_meetings import make_group_with_members, make_item, make_meeting
from pypdf import PdfReader

from trygghetsrad.domain.meetings.model import MeetingKind
from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.ui.meetings.page import MeetingsPage


def _page(qtbot, ctx):  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        group, _people = make_group_with_members(s, 2, name="Trygghetsrådet")
        meeting = make_meeting(
            s,
            group_ids=[group],
            day=date(2026, 11, 19),
            kind=MeetingKind.PROTOCOL,
            first_paragraph=12,
        )
        make_item(s, meeting, title="Mötets öppnande")
        make_item(s, meeting, title="Personärende", internal=True)
        make_item(s, meeting, title="Lägesbild från polisen")
        meetings.start_minutes(s, meeting)
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    page.select_meeting(meeting)
    return page, meeting


def test_agenda_numbers_are_those_of_the_exported_protocol(qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, _meeting = _page(qtbot, ctx)
    model = page.agenda.model
    shown = [model.data(model.index(r)).split("   (")[0] for r in range(model.rowCount())]
    assert shown == [
        "§ 12  Mötets öppnande",
        "(intern, ingen §)  Personärende",
        "§ 13  Lägesbild från polisen",
    ]
    target = tmp_path / "p.pdf"
    page.export("minutes", target)
    qtbot.waitUntil(lambda: page.last_export == target, timeout=20000)
    text = re.sub(r"[ \xa0]+", " ", PdfReader(target).pages[0].extract_text())
    assert "§ 13 Lägesbild från polisen" in text and "Personärende" not in text


def test_a_draft_exported_from_the_window_says_so(qtbot, ctx, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.meetings import export as exporting

    page, _meeting = _page(qtbot, ctx)
    monkeypatch.setattr(exporting, "open_file", lambda path: True)  # no mail client in tests
    target = tmp_path / "mail.eml"
    page.export("email", target)
    qtbot.waitUntil(lambda: page.last_export == target, timeout=20000)
    message = email.message_from_bytes(target.read_bytes(), policy=default)
    assert message["Subject"].startswith("Utkast: Protokoll Trygghetsrådet")
    [attachment] = list(message.iter_attachments())
    assert "UTKAST" in PdfReader(io.BytesIO(attachment.get_content())).pages[0].extract_text()
    # The file name offered in the save dialog says it too; so does the preview.
    doc = exporting.build_document(ctx, page.meeting.id, False)
    assert (
        exporting.default_name("minutes", doc) == "Protokoll Trygghetsrådet 2026-11-19 utkast.pdf"
    )
    page.preview()
    assert "UTKAST" in page.preview_dialog.browser.toPlainText()


def test_making_an_item_internal_renumbers_the_items_after_it(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    page, _meeting = _page(qtbot, ctx)
    model = page.agenda.model
    page.agenda.select_item(model.items[0].id)
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, *_r: changed.append((a.row(), b.row())))
    page.agenda.internal.setChecked(True)  # "Mötets öppnande" becomes internal
    assert page.agenda.save_now()
    assert model.data(model.index(2)).startswith("§ 12  Lägesbild från polisen")
    assert any(first <= 2 <= last for first, last in changed)  # the view repaints that row
