"""The Möten page: the notice's own fields in the tab "Kallelse", the kept versions in
"Versioner" exported again as sent, and e-mail drafts that say who has no address and what
happens when no mail program opens the draft."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from factories import make_membership, make_person
from factories_meetings import make_group_with_members, make_item, make_meeting, open_meetings_page
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from questions import answer_next_question

from trygghetsrad.domain.meetings.model import Note
from trygghetsrad.services.meetings import agenda as meetings_agenda
from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.ui.meetings.page import MeetingsPage


def _text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).replace("\xa0", " ").split())


def _click_tab(page: MeetingsPage, title: str) -> None:
    bar = page.tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == title)
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert page.tabs.currentIndex() == index


def test_notice_fields_typed_in_the_tab_reach_the_notice(qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        group, people = make_group_with_members(s, 2)
        meeting = make_meeting(
            s, group_ids=[group], day=date(2026, 12, 10), chair_id=people[0], secretary_id=people[1]
        )
        make_item(s, meeting, title="Lägesbild")
    page = open_meetings_page(qtbot, ctx, meeting)
    _click_tab(page, "Kallelse")
    notice = page.notice
    QTest.mouseClick(notice.issued_place, Qt.MouseButton.LeftButton)
    notice.issued_place.setText("Storåker")  # typed text with å (PITFALLS 12)
    notice.issued_place.textEdited.emit("Storåker")
    QTest.mouseClick(notice.issued_on, Qt.MouseButton.LeftButton)
    QTest.keyClicks(notice.issued_on, "2026-11-30")
    notice.signed_by.setCurrentIndex(notice.signed_by.findData("both"))
    notice.signed_by.activated.emit(notice.signed_by.currentIndex())
    QTest.mouseClick(notice.footnote.viewport(), Qt.MouseButton.LeftButton)
    QTest.keyClicks(notice.footnote, "Fika serveras fran kl. 9.30")
    target = tmp_path / "kallelse.pdf"
    page.export("notice", target)  # stores what is typed first
    qtbot.waitUntil(lambda: page.last_export == target, timeout=20000)
    text = _text(target)
    assert "Storåker den 30 november 2026" in text
    assert "Fika serveras fran kl. 9.30" in text
    closing = text.split("Välkomna!")[1]
    assert "Ordförande" in closing
    assert "UTKAST" not in text and "inte fastställda" not in text
    # shown again when the meeting is opened anew
    again = open_meetings_page(qtbot, ctx, meeting)
    assert again.notice.issued_on.text() == "2026-11-30"
    assert again.notice.signed_by.currentData() == "both"
    # undo puts back the empty fields
    page.undo_stack.undo()
    again.select_meeting(meeting)
    with ctx.database.session() as s:
        from trygghetsrad.services.meetings.notice import get_notice

        assert get_notice(s, meeting).issued_place == ""


def test_a_sent_version_is_listed_and_exported_as_it_was(qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        group, _people = make_group_with_members(s, 2)
        meeting = make_meeting(s, group_ids=[group], day=date(2026, 5, 11))
        item = make_item(s, meeting, title="Skadegörelse")
        meetings_agenda.set_notes(s, item, [Note("Kostnaden var 120 000 kr")])
        meetings.start_minutes(s, meeting)
        meetings.finalise(s, meeting, on=date(2026, 5, 12))
        meetings.mark_sent(s, meeting, on=date(2026, 5, 13))
        meetings.reopen_for_change(s, meeting, note="Rätt belopp", on=date(2026, 5, 20))
        meetings_agenda.set_notes(s, item, [Note("Kostnaden var 210 000 kr")])
    page = open_meetings_page(qtbot, ctx, meeting)
    _click_tab(page, "Versioner")
    view = page.versions.list
    shown = [view.item(i).text() for i in range(view.count())]
    assert shown == ["Version 1 – fastställt 2026-05-12", "Version 2 – skickat 2026-05-13"]
    rect = view.visualItemRect(view.item(1))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    target = tmp_path / "skickad.pdf"
    page.versions.export_selected(target)
    qtbot.waitUntil(lambda: page.versions.last_export == target, timeout=20000)
    text = _text(target)
    assert "120 000 kr" in text and "210 000" not in text and "Reviderad" not in text


def test_email_says_who_has_no_address_and_offers_the_folder(
    qtbot, ctx, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QDesktopServices

    with ctx.database.session() as s:
        group, _people = make_group_with_members(s, 2)
        person = make_person(s, name="Åke Utanadress", email="")
        make_membership(s, group_id=group, person_id=person, role="ledamot")
        meeting = make_meeting(s, group_ids=[group], day=date(2026, 12, 10))
    page = open_meetings_page(qtbot, ctx, meeting)
    opened: list[str] = []

    def no_mail_program(url) -> bool:  # type: ignore[no-untyped-def]
        opened.append(url.toLocalFile())
        return False

    monkeypatch.setattr(QDesktopServices, "openUrl", no_mail_program)
    target = tmp_path / "kallelse.eml"
    seen: list[str] = []
    answer_next_question("Avbryt", seen)
    assert page.export("email_notice", target) is None
    assert "Åke Utanadress" in seen[0] and not target.exists()
    answer_next_question("Skriv utkastet", seen)
    page.export("email_notice", target)
    answer_next_question("Öppna mappen", seen)
    qtbot.waitUntil(lambda: page.last_export == target, timeout=20000)
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=5000)
    assert "kunde öppna det" in seen[-1] and str(tmp_path) in seen[-1]
    assert opened == [str(target), str(tmp_path)]
    assert target.exists()
