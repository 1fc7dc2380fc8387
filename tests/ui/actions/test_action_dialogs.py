"""The small forms about an action, clicked through as at the trial: the person picked as
responsible shows among "Ansvariga" at once, and "Nytt datum" names its date once."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from combo_clicks import choose
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from trygghetsrad.domain.meetings.model import Responsible
from trygghetsrad.domain.register import OrganisationData, PersonData
from trygghetsrad.ui.actions.dialogs import RedateDialog
from trygghetsrad.ui.meetings.agenda_dialogs import ActionDialog

PEOPLE = [
    PersonData(1, "Mikael Strand", "", None, "", "", ""),
    PersonData(2, "Birgitta Lund", "", None, "", "", ""),
]
pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")

ORGS = [OrganisationData(7, "Storåkershem", "bolag", "")]


def _listed(dialog: ActionDialog) -> list[str]:
    return [dialog.chosen.item(i).text() for i in range(dialog.chosen.count())]


def test_the_person_picked_as_responsible_is_listed_at_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    saved: list[dict] = []
    dialog = ActionDialog(PEOPLE, ORGS, saved.append)
    qtbot.addWidget(dialog)
    dialog.resize(560, 300)
    dialog.show()
    qtbot.waitExposed(dialog)
    choose(qtbot, dialog.who, "Mikael Strand")
    assert _listed(dialog) == ["Mikael Strand"]  # not an empty list until "Lägg till"
    dialog.grab().save("/tmp/misc-ansvarig-picked.png")
    # "Lägg till ansvarig" keeps him and lets a second one be picked.
    QTest.mouseClick(dialog.add_who, Qt.MouseButton.LeftButton)
    choose(qtbot, dialog.who, "Storåkershem")
    assert _listed(dialog) == ["Mikael Strand", "Storåkershem"]
    # Picking another instead of the one not yet added replaces it.
    choose(qtbot, dialog.who, "Birgitta Lund")
    assert _listed(dialog) == ["Mikael Strand", "Birgitta Lund"]
    assert dialog.values()["responsibles"] == [
        Responsible(person_id=1),
        Responsible(person_id=2),
    ]
    # Removing the one picked takes it out of what is saved, too.
    dialog.chosen.setCurrentRow(1)
    QTest.mouseClick(dialog.remove_who, Qt.MouseButton.LeftButton)
    assert _listed(dialog) == ["Mikael Strand"]
    assert dialog.values()["responsibles"] == [Responsible(person_id=1)]


def test_an_action_opened_again_lists_its_people_and_a_pick_adds_to_them(qtbot) -> None:  # type: ignore[no-untyped-def]
    # As the meeting gives them: who, and the name shown.
    birgitta = SimpleNamespace(person_id=2, organisation_id=None, name="Birgitta Lund")
    values = {"what": "Boka vandring", "responsibles": [birgitta]}
    dialog = ActionDialog(PEOPLE, ORGS, lambda _v: None, values=values)
    qtbot.addWidget(dialog)
    dialog.show()
    choose(qtbot, dialog.who, "Birgitta Lund")  # already there: not twice
    assert _listed(dialog) == ["Birgitta Lund"]
    choose(qtbot, dialog.who, "Mikael Strand")
    assert _listed(dialog) == ["Birgitta Lund", "Mikael Strand"]


def test_nytt_datum_names_the_date_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = RedateDialog("Boka vandring", date(2026, 11, 30), lambda _v: None)
    qtbot.addWidget(dialog)
    dialog.resize(480, 120)
    dialog.show()
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    texts += [dialog.due.check.text()]
    assert sum("Klart senast" in t for t in texts) == 1, texts
    # The box still turns the date off, and its meaning is read out.
    QTest.mouseClick(dialog.due.check, Qt.MouseButton.LeftButton)
    assert dialog.values() == {"due_date": None}
    assert dialog.due.accessibleName() == "Klart senast"
    dialog.grab().save("/tmp/misc-nytt-datum.png")
