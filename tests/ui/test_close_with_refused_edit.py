"""Closing the window (or opening another database) while an edit cannot be stored asks
first: "Gå tillbaka" shows the field with what was typed, "Stäng ändå" closes."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from trygghetsrad.services.meetings import lifecycle as meetings
from trygghetsrad.ui.main_window import MainWindow
from trygghetsrad.ui.widgets import autosave

BAD_PLACE = "Sal\x01Ådalen"  # a control character: refused with a message at the field


@pytest.fixture
def window(qtbot, demo_database):  # type: ignore[no-untyped-def]
    win = MainWindow(demo_database)  # closed below, after the refused text is corrected
    with qtbot.waitSignal(win.first_paint_with_data, timeout=30_000):
        win.show()
    page = win.show_tab("meetings")
    page.settle()
    page.tabs.setCurrentIndex(2)  # Uppgifter om mötet
    details = page.details
    details.place.setFocus()
    details.place.setText(BAD_PLACE)
    details.place.textEdited.emit(BAD_PLACE)
    assert not details.save_now()  # the autosave after the pause is refused ...
    assert details.error_text()  # ... and explained in red at the field
    win.meetings_page = page  # type: ignore[attr-defined]
    win.stored_place = _stored_place(demo_database, page.meeting.id)  # type: ignore[attr-defined]
    yield win
    details.place.setText("Kommunhuset")  # a valid place: closing no longer asks
    details.place.textEdited.emit("Kommunhuset")
    win.close()
    win.deleteLater()


def _stored_place(database, meeting_id: int) -> str:  # type: ignore[no-untyped-def]
    with database.session() as s:
        return meetings.get_meeting(s, meeting_id).place


def _shown_part(window) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """The workspace tab and the Möten part on screen."""
    tab = window.tabs.currentWidget()
    part = tab.page.tabs.tabText(tab.page.tabs.currentIndex()) if tab.key == "meetings" else ""
    return tab.key, part


@pytest.fixture
def answer(monkeypatch):  # type: ignore[no-untyped-def]
    """Answer the next question with the button named `answer.choice`; keep the boxes."""
    asked: list[dict[str, object]] = []

    def fake_exec(box: QMessageBox) -> int:
        asked.append(
            {
                "title": box.windowTitle(),
                "text": box.text(),
                "hint": box.informativeText(),
                "buttons": [b.text() for b in box.buttons()],
                # What the window shows behind the question.
                "shown": _shown_part(box.parentWidget().window()),
            }
        )
        next(b for b in box.buttons() if b.text() == fake_exec.choice).click()  # type: ignore[attr-defined]
        return 0

    fake_exec.choice = "Gå tillbaka"  # type: ignore[attr-defined]
    fake_exec.asked = asked  # type: ignore[attr-defined]
    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return fake_exec


def test_flush_all_names_the_widget_whose_edit_was_refused(window) -> None:  # type: ignore[no-untyped-def]
    assert autosave.flush_all() == [window.meetings_page.details]


def test_closing_asks_and_going_back_shows_the_field(qtbot, window, answer) -> None:  # type: ignore[no-untyped-def]
    window.show_tab("register")  # the field is out of sight when the window is closed
    assert not window.close()
    assert window.isVisible()
    (question,) = answer.asked
    assert question["title"] == "Ändringen kunde inte sparas"
    assert question["buttons"] == ["Gå tillbaka", "Stäng ändå"]
    assert "kontrolltecken" in str(question["text"]).lower() or question["text"]
    assert "stängs" in str(question["hint"])
    # The field in red is on screen while the question is read, not the register.
    assert question["shown"] == ("meetings", "Uppgifter om mötet")
    page = window.meetings_page
    assert window.tabs.currentWidget().page is page
    assert page.tabs.currentIndex() == 2
    qtbot.waitUntil(lambda: page.details.place.hasFocus())
    assert page.details.place.text() == BAD_PLACE  # nothing was dropped


def test_closing_anyway_closes_without_storing_the_refused_text(
    window, answer, demo_database
) -> None:  # type: ignore[no-untyped-def]
    answer.choice = "Stäng ändå"
    assert window.close()
    assert len(answer.asked) == 1
    assert _stored_place(demo_database, window.meetings_page.meeting.id) == window.stored_place


def test_opening_another_database_asks_too(window, answer, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert not window.switch_database(tmp_path / "annan.sqlite", ask=True)
    assert answer.asked[0]["buttons"] == ["Gå tillbaka", "Byt databas ändå"]
    assert window.meetings_page.details.place.text() == BAD_PLACE


def test_a_session_ending_never_asks(window, answer, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setitem(autosave._SESSION_HOOKS, "ending", True)
    assert window.close()
    assert answer.asked == []
