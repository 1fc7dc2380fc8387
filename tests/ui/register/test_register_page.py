"""The register page driven like a user would: search, sort, forms, delete, undo and redo."""

from __future__ import annotations

from datetime import date

import pytest
from demo_template import demo_copy
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from trygghetsrad.domain.changes import MEETINGS, REGISTER, Changes
from trygghetsrad.domain.text import sort_key
from trygghetsrad.services import register
from trygghetsrad.ui.register.models import RECORD_ROLE
from trygghetsrad.ui.register.page import GROUPS, ORGANISATIONS, PART_KEY, RegisterPage


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type text key by key with events that carry the text (safe for å/ä/ö)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def shown_names(panel) -> list[str]:  # type: ignore[no-untyped-def]
    proxy = panel.proxy
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


@pytest.fixture
def demo_ctx(qtbot, tmp_path, tmp_path_factory):  # type: ignore[no-untyped-def]
    """Like the shared fixture, but on a copy of example data built once (much faster)."""
    from PySide6.QtGui import QUndoGroup

    from trygghetsrad.db.engine import open_database
    from trygghetsrad.ui.context import AppContext, AppEvents

    database = open_database(demo_copy(tmp_path, tmp_path_factory))
    events, group = AppEvents(), QUndoGroup()
    yield AppContext(database, events, group)
    database.close()


def _forget_part() -> None:
    from PySide6.QtCore import QSettings

    QSettings("Trygghetsrad", "Trygghetsrad").remove(PART_KEY)


@pytest.fixture
def page(qtbot, demo_ctx):  # type: ignore[no-untyped-def]
    _forget_part()
    widget = RegisterPage(demo_ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def answer(monkeypatch):  # type: ignore[no-untyped-def]
    """Record message boxes and answer questions with Yes (or what the test sets)."""
    seen: list[tuple[str, str, str]] = []
    reply = {"button": QMessageBox.StandardButton.Yes}

    def question(parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(("question", title, text))
        return reply["button"]

    def information(parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(("information", title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "information", information)
    monkeypatch.setattr(QMessageBox, "warning", information)
    seen_reply = seen, reply
    return seen_reply


def test_people_are_listed_in_swedish_order(page) -> None:  # type: ignore[no-untyped-def]
    names = shown_names(page.people.panel)
    assert len(names) >= 15
    assert names == sorted(names, key=sort_key)
    assert page.nav.item(0).text().startswith("Personer")
    assert page.people.card.title.text() == names[0]


def test_typing_swedish_letters_filters_case_insensitively(page) -> None:  # type: ignore[no-untyped-def]
    panel = page.people.panel
    panel.search.setFocus()
    type_text(panel.search, "ÖBERG")
    assert panel.search.text() == "ÖBERG"
    assert shown_names(panel) == ["Göran Sjöberg", "Jonas Öberg"]
    panel.search.clear()
    type_text(panel.search, "åkes")
    assert shown_names(panel) == ["Josef Åkesson"]
    # Across title, organisation and e-mail, all words must match.
    panel.search.setText("fältassistent socialtjänsten")
    assert shown_names(panel) == ["Jonas Öberg", "Linnéa Sundin", "Rasmus Eklund"]
    panel.search.setText("maja.lindqvist@example")
    assert shown_names(panel) == ["Maja Lindqvist"]
    panel.search.setText("ingen sådan person")
    assert panel.stack.currentWidget() is panel.no_hits
    assert "ingen sådan person" in panel.no_hits.text()
    panel.search.clear()
    assert panel.stack.currentWidget() is panel.table


def test_enter_in_search_goes_to_the_first_hit(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = page.people.panel
    panel.search.setFocus()
    qtbot.waitUntil(panel.search.hasFocus)
    panel.search.setText("linnéa")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert panel.table.hasFocus()
    assert panel.current().name == "Linnéa Sundin"


def test_sorting_by_column_puts_å_ä_ö_last(page, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    with demo_ctx.database.session() as s:
        register.create_person(s, name="Örjan Ek", title="Ärendehandläggare")
        register.create_person(s, name="Åsa Öberg", title="Alfa")
    demo_ctx.events.changed(Changes.of(REGISTER))
    panel = page.people.panel
    assert shown_names(panel)[-2:] == ["Åsa Öberg", "Örjan Ek"]
    panel.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert shown_names(panel)[:2] == ["Örjan Ek", "Åsa Öberg"]
    panel.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    titles = [panel.proxy.index(r, 1).data() for r in range(panel.proxy.rowCount())]
    assert titles[0] == "Alfa"
    assert titles[-1] == "Ärendehandläggare"


def test_create_person_with_inline_validation_then_undo_and_redo(page, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    before = len(page.people.model.rows())
    dialog = page.new_person()
    assert dialog.isVisible()
    dialog.name.setText("")
    dialog.email.setText("åsa@")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.error_text("name") == "Namn måste fyllas i."
    dialog.name.setText("x" * 10_000)
    dialog.save_button.click()
    assert "högst 200 tecken" in dialog.error_text("name")
    dialog.name.setText("Åsa Öberg 🙂")
    dialog.save_button.click()
    assert "ingen giltig e-postadress" in dialog.error_text("email")
    assert dialog.error_text("name") == ""
    assert len(page.people.model.rows()) == before
    dialog.email.setText("asa.oberg@example.org")
    dialog.organisation.setCurrentIndex(dialog.organisation.findText("Storåkerskolan"))
    dialog.save_button.click()
    assert not dialog.isVisible()

    current = page.people.panel.current()
    assert current.name == "Åsa Öberg 🙂"
    assert current.organisation_name == "Storåkerskolan"
    assert "Storåkerskolan" in page.people.card.text()
    stack = page.undo_stack
    assert stack.undoText() == "Lägg till person Åsa Öberg 🙂"
    stack.undo()
    assert "Åsa Öberg 🙂" not in [p.name for p in page.people.model.rows()]
    with demo_ctx.database.session() as s:
        assert len(register.list_people(s)) == before
    stack.redo()
    assert "Åsa Öberg 🙂" in [p.name for p in page.people.model.rows()]


def test_edit_person_and_undo(page, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    panel = page.people.panel
    panel.search.setText("Jonas Öberg")
    person = panel.current()
    dialog = page.edit_person(person)
    assert dialog.name.text() == "Jonas Öberg"
    dialog.title_edit.setText("Fältsamordnare")
    dialog.phone.setText("ring mig")
    dialog.save_button.click()
    assert "telefonnummer" in dialog.error_text("phone")
    dialog.phone.setText("070-111 22 33")
    dialog.save_button.click()
    assert panel.current().title == "Fältsamordnare"
    assert page.undo_stack.undoText() == "Ändra person Jonas Öberg"
    page.undo_stack.undo()
    with demo_ctx.database.session() as s:
        restored = register.get_person(s, person.id)
    assert (restored.title, restored.phone) == ("Fältassistent", person.phone)
    assert panel.current().title == "Fältassistent"


def test_delete_person_lists_memberships_and_undo_brings_them_back(page, demo_ctx, answer) -> None:  # type: ignore[no-untyped-def]
    seen, _reply = answer
    with demo_ctx.database.session() as s:
        orgs = {o.name: o.id for o in register.list_organisations(s)}
        new = register.create_person(
            s,
            name="Josefin Åkerlund",
            organisation_id=orgs["Storåkershem AB"],
            email="josefin@example.org",
        ).id
        for group in register.list_groups(s):
            register.add_membership(
                s, group_id=group.id, person_id=new, role="ersättare", from_date=date(2026, 1, 1)
            )
    demo_ctx.events.changed(Changes.of(REGISTER))
    panel = page.people.panel
    panel.search.setText("Josefin Åkerlund")
    person = panel.current()
    with demo_ctx.database.session() as s:
        memberships = register.list_memberships(s, person_id=person.id)
    assert len(memberships) == 2
    assert page.delete_person(person)
    kind, title, text = seen[-1]
    assert kind == "question"
    assert "Ta bort Josefin Åkerlund?" in text
    assert "Trygghetsrådet, ersättare" in text and "Klara-gruppen, ersättare" in text
    panel.search.clear()
    assert "Josefin Åkerlund" not in shown_names(panel)
    assert page.undo_stack.undoText() == "Ta bort person Josefin Åkerlund"
    page.undo_stack.undo()
    with demo_ctx.database.session() as s:
        (back,) = [p for p in register.list_people(s) if p.name == "Josefin Åkerlund"]
        again = register.list_memberships(s, person_id=back.id)
    assert sorted((m.group_name, m.role) for m in again) == sorted(
        (m.group_name, m.role) for m in memberships
    )
    assert back.email == person.email and back.organisation_id == person.organisation_id
    page.undo_stack.redo()
    assert "Josefin Åkerlund" not in shown_names(panel)


def test_delete_cancelled_keeps_the_person(page, answer) -> None:  # type: ignore[no-untyped-def]
    _seen, reply = answer
    reply["button"] = QMessageBox.StandardButton.Cancel
    page.people.panel.search.setText("Maja")
    assert not page.delete_person(page.people.panel.current())
    assert shown_names(page.people.panel) == ["Maja Lindqvist"]


def test_person_referenced_elsewhere_is_not_deleted_and_the_reason_is_shown(  # type: ignore[no-untyped-def]
    page, demo_ctx, answer
) -> None:
    from sqlalchemy import Column, ForeignKey, Integer, Table, text

    from trygghetsrad.db.models import Base

    seen, _reply = answer
    table = Table(
        "test_duties",
        Base.metadata,
        Column("id", Integer, primary_key=True),
        Column("person_id", ForeignKey("people.id", ondelete="RESTRICT")),
    )
    try:
        table.create(demo_ctx.database.engine)
        with demo_ctx.database.session() as s:
            register.create_person(s, name="Maj Blom")
        demo_ctx.events.changed(Changes.of(REGISTER))
        page.people.panel.search.setText("Maj Blom")
        person = page.people.panel.current()
        with demo_ctx.database.session() as s:
            s.execute(text("INSERT INTO test_duties (person_id) VALUES (:p)"), {"p": person.id})
        assert not page.delete_person(person)
        kind, title, message = seen[-1]
        assert kind == "information"
        assert title == "Personen kan inte tas bort"
        assert message.startswith("Maj Blom förekommer fortfarande i: 1 test duties")
        assert shown_names(page.people.panel) == ["Maj Blom"]
    finally:
        Base.metadata.remove(table)


def test_keyboard_insert_enter_delete(page, qtbot, answer) -> None:  # type: ignore[no-untyped-def]
    seen, _reply = answer
    panel = page.people.panel
    panel.table.setFocus()
    page.activateWindow()
    qtbot.waitUntil(lambda: panel.table.hasFocus())
    qtbot.keyClick(panel.table, Qt.Key.Key_Insert)
    assert page.dialog is not None and page.dialog.windowTitle() == "Ny person"
    page.dialog.reject()
    with page.ctx.database.session() as s:
        new = register.create_person(s, name="Tage Tangent").id
        group = register.list_groups(s)[0]
        register.add_membership(s, group_id=group.id, person_id=new)
    page.ctx.events.changed(Changes.of(REGISTER))
    panel.select_id(new)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert page.dialog.windowTitle() == "Ändra person"
    assert page.dialog.name.text() == "Tage Tangent"
    page.dialog.reject()
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert seen and "Ta bort Tage Tangent?" in seen[-1][2]
    assert "Tage Tangent" not in shown_names(panel)


def test_context_menu_offers_new_edit_delete(page) -> None:  # type: ignore[no-untyped-def]
    texts = [a.text() for a in page.people.panel.table.actions()]
    assert texts == ["Ny person…", "Ändra…", "Ta bort", "Radera personuppgifter…"]


def test_organisations_create_edit_and_blocked_delete(page, demo_ctx, answer) -> None:  # type: ignore[no-untyped-def]
    seen, _reply = answer
    page.show_part(ORGANISATIONS)
    panel = page.organisations.panel
    dialog = page.new_organisation()
    dialog.name.setText("STORÅKERS KOMMUN")
    dialog.save_button.click()
    assert "finns redan en organisation" in dialog.error_text("name")
    dialog.name.setText("Brottsofferjouren Storåker")
    dialog.kind.setCurrentIndex(dialog.kind.findData("civilsamhälle"))
    dialog.save_button.click()
    assert panel.current().name == "Brottsofferjouren Storåker"
    assert panel.proxy.index(panel.table.currentIndex().row(), 1).data() == "Civilsamhälle"
    assert page.undo_stack.undoText() == "Lägg till organisation Brottsofferjouren Storåker"

    # An organisation without people is deleted, and the deletion can be undone.
    assert page.delete_organisation(panel.current())
    assert "Brottsofferjouren Storåker" not in shown_names(panel)
    page.undo_stack.undo()
    assert "Brottsofferjouren Storåker" in shown_names(panel)

    panel.search.setText("storåkershem")
    org = panel.current()
    assert org.people_count == 1
    assert "Mikael Strand" in page.organisations.card.text()
    assert not page.delete_organisation(org)
    assert "Mikael Strand" in seen[-1][2]
    with demo_ctx.database.session() as s:
        assert any(o.id == org.id for o in register.list_organisations(s))


def test_groups_show_members_with_roles_and_dates(page) -> None:  # type: ignore[no-untyped-def]
    page.show_part(GROUPS)
    view = page.groups
    view.groups.search.setText("Trygghetsrådet")
    assert view.current_group().name == "Trygghetsrådet"
    proxy = view.members.proxy
    rows = [
        (proxy.index(r, 0).data(), proxy.index(r, 1).data(), proxy.index(r, 4).data())
        for r in range(proxy.rowCount())
    ]
    assert ("Göran Sjöberg", "Ordförande", "tills vidare") in rows
    assert len(rows) == 11
    view.members.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, 1).data() == "Ordförande"
    assert proxy.index(1, 1).data() == "Vice ordförande"
    # A former member is hidden until asked for.
    view.groups.search.setText("Klara")
    names = shown_names(view.members)
    assert "Rasmus Eklund" not in names
    assert view.members.count_label.text() == str(len(names))
    view.show_former.setChecked(True)
    assert "Rasmus Eklund" in shown_names(view.members)
    assert view.members.count_label.text() == str(len(names) + 1)
    view.members.search.setText("fältassistent")
    assert view.members.count_label.text() == f"3 av {len(names) + 1}"
    assert "1 tidigare" in view.card.text()


def test_add_end_and_remove_membership_with_undo(page, demo_ctx, answer) -> None:  # type: ignore[no-untyped-def]
    seen, _reply = answer
    page.show_part(GROUPS)
    view = page.groups
    view.groups.search.setText("Trygghetsrådet")
    dialog = page.add_member()
    dialog.save_button.click()
    assert dialog.error_text("person_id") == "Välj vem som ska bli medlem."
    dialog.person.setCurrentIndex(
        dialog.person.findText("Göran Sjöberg", Qt.MatchFlag.MatchStartsWith)
    )
    dialog.save_button.click()
    assert "redan medlem i Trygghetsrådet" in dialog.error_text("from_date")
    dialog.person.setCurrentIndex(
        dialog.person.findText("Amira Haddad", Qt.MatchFlag.MatchStartsWith)
    )
    dialog.role.setCurrentIndex(dialog.role.findData("adjungerad"))
    dialog.from_date.set_value(date(2021, 1, 1))  # a new membership has no start by default
    dialog.to_date.set_value(date(2020, 1, 1))
    dialog.save_button.click()
    assert "Slutdatum kan inte vara före startdatum" in dialog.error_text("to_date")
    dialog.to_date.set_value(None)
    dialog.from_date.set_value(None)
    dialog.save_button.click()
    assert not dialog.isVisible()
    member = view.members.current()
    assert (member.person_name, member.role, member.to_date) == ("Amira Haddad", "adjungerad", None)
    assert page.undo_stack.undoText() == "Lägg till Amira Haddad i Trygghetsrådet"

    ending = page.end_membership(member)
    assert ending.to_date.value() == date.today()
    ending.save_button.click()
    with demo_ctx.database.session() as s:
        (ended,) = [
            m
            for m in register.list_memberships(s, person_id=member.person_id)
            if m.group_name == "Trygghetsrådet"
        ]
    assert ended.to_date == date.today()
    assert page.undo_stack.undoText() == "Avsluta medlemskap för Amira Haddad i Trygghetsrådet"
    page.undo_stack.undo()
    with demo_ctx.database.session() as s:
        (reopened,) = [
            m
            for m in register.list_memberships(s, person_id=member.person_id)
            if m.group_name == "Trygghetsrådet"
        ]
    assert reopened.to_date is None

    assert page.remove_membership(view.members.current())
    assert "Amira Haddad" not in shown_names(view.members)
    assert page.undo_stack.undoText() == "Ta bort Amira Haddad ur Trygghetsrådet"
    page.undo_stack.undo()
    assert "Amira Haddad" in shown_names(view.members)
    # The whole history can be unwound: nothing of the new membership is left.
    while page.undo_stack.canUndo():
        page.undo_stack.undo()
    assert "Amira Haddad" not in shown_names(view.members)


def test_group_create_rename_delete_and_undo_restores_members(page, demo_ctx, answer) -> None:  # type: ignore[no-untyped-def]
    seen, _reply = answer
    page.show_part(GROUPS)
    view = page.groups
    dialog = page.new_group()
    dialog.name.setText("Trygghetsvandringar 2026")
    dialog.description.setPlainText("Vandringar med boende i Norrby 🙂")
    dialog.save_button.click()
    assert view.current_group().name == "Trygghetsvandringar 2026"
    assert page.undo_stack.undoText() == "Lägg till grupp Trygghetsvandringar 2026"
    assert view.members.stack.currentWidget() is view.members.empty

    group = view.current_group()
    with demo_ctx.database.session() as s:
        for person in register.list_people(s)[:3]:
            register.add_membership(s, group_id=group.id, person_id=person.id)
    demo_ctx.events.changed(Changes.of(REGISTER))
    assert len(view.members.model.rows()) == 3

    rename = page.edit_group(view.current_group())
    rename.name.setText("trygghetsrådet")
    rename.save_button.click()
    assert "redan en grupp" in rename.error_text("name")
    rename.name.setText("Trygghetsvandringar")
    rename.save_button.click()
    assert view.current_group().name == "Trygghetsvandringar"
    assert page.undo_stack.undoText() == "Ändra grupp Trygghetsvandringar"

    assert page.delete_group(view.current_group())
    assert "Dess 3 medlemskap" in seen[-1][2]
    assert "Trygghetsvandringar" not in shown_names(view.groups)
    page.undo_stack.undo()
    with demo_ctx.database.session() as s:
        (back,) = [g for g in register.list_groups(s) if g.name == "Trygghetsvandringar"]
        assert len(register.list_memberships(s, group_id=back.id)) == 3


def test_undo_chain_survives_recreated_ids(page, demo_ctx, answer) -> None:  # type: ignore[no-untyped-def]
    """Create, edit, delete; undo all three and redo all three: every step hits the same person."""
    dialog = page.new_person()
    dialog.name.setText("Ärla Åberg")
    dialog.save_button.click()
    person = page.people.panel.current()
    edit = page.edit_person(person)
    edit.title_edit.setText("Kurator")
    edit.save_button.click()
    assert page.delete_person(page.people.panel.current())
    stack = page.undo_stack
    stack.undo()  # delete → recreated with a new id
    stack.undo()  # edit → the recreated person loses the title
    with demo_ctx.database.session() as s:
        (p,) = [x for x in register.list_people(s) if x.name == "Ärla Åberg"]
    assert p.title == ""
    stack.undo()  # create → gone
    with demo_ctx.database.session() as s:
        assert not [x for x in register.list_people(s) if x.name == "Ärla Åberg"]
    stack.redo()
    stack.redo()
    with demo_ctx.database.session() as s:
        (p,) = [x for x in register.list_people(s) if x.name == "Ärla Åberg"]
    assert p.title == "Kurator"
    stack.redo()
    with demo_ctx.database.session() as s:
        assert not [x for x in register.list_people(s) if x.name == "Ärla Åberg"]


def test_page_refreshes_only_for_register_changes(page, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    with demo_ctx.database.session() as s:
        register.create_person(s, name="Ny Utifrån")
    demo_ctx.events.changed(Changes.of(MEETINGS))
    assert "Ny Utifrån" not in [p.name for p in page.people.model.rows()]
    demo_ctx.events.changed(Changes.of(REGISTER))
    assert "Ny Utifrån" in [p.name for p in page.people.model.rows()]


def test_undo_stack_is_active_only_while_shown(page, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    assert page.undo_stack in demo_ctx.undo_group.stacks()
    assert demo_ctx.undo_group.activeStack() is page.undo_stack
    page.hide()
    assert demo_ctx.undo_group.activeStack() is None
    page.show()
    assert demo_ctx.undo_group.activeStack() is page.undo_stack


def test_empty_database_shows_empty_states(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    _forget_part()
    page = RegisterPage(ctx)
    qtbot.addWidget(page)
    page.show()
    for panel in (page.people.panel, page.organisations.panel, page.groups.groups):
        assert panel.stack.currentWidget() is panel.empty
        assert not panel.edit_button.isEnabled()
    assert "Inga personer ännu" in page.people.panel.empty.accessibleName()
    dialog = page.new_person()
    dialog.name.setText("Första Personen")
    dialog.save_button.click()
    assert page.people.panel.stack.currentWidget() is page.people.panel.table
    assert page.people.panel.table.currentIndex().data(RECORD_ROLE).name == "Första Personen"


def test_open_record_shows_the_person_or_group(page, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.domain.calendar_items import Owner

    page.people.panel.search.setText("zzz")
    with demo_ctx.database.session() as s:
        person = next(p for p in register.list_people(s) if p.name == "Linnéa Sundin")
        group = next(g for g in register.list_groups(s) if g.name == "Klara-gruppen")
    assert page.open_record(Owner("register", "person", person.id))
    assert page.stack.currentWidget() is page.people
    assert page.people.panel.current().name == "Linnéa Sundin"
    assert page.open_record(Owner("register", "group", group.id))
    assert page.stack.currentWidget() is page.groups
    assert page.groups.current_group().name == "Klara-gruppen"
    assert not page.open_record(Owner("register", "person", 999_999))


def test_undo_that_the_data_no_longer_allows_is_explained_and_dropped(  # type: ignore[no-untyped-def]
    page, demo_ctx, answer
) -> None:
    seen, _reply = answer
    dialog = page.new_organisation()
    dialog.name.setText("Nattvandrarna Öst")
    dialog.save_button.click()
    org = page.organisations.panel.current()
    # Meanwhile someone is added to the new organisation, so undoing its creation can't work.
    with demo_ctx.database.session() as s:
        register.create_person(s, name="Ny Vandrare", organisation_id=org.id)
    demo_ctx.events.changed(Changes.of(REGISTER))
    count = page.undo_stack.count()
    page.undo_stack.undo()
    kind, title, text = seen[-1]
    assert title == "Det gick inte att ångra"
    assert text == (
        "Kan inte ångra ”Lägg till organisation Nattvandrarna Öst”: posten har ändrats sedan dess."
    )
    assert page.undo_stack.count() == count - 1
    with demo_ctx.database.session() as s:
        assert any(o.name == "Nattvandrarna Öst" for o in register.list_organisations(s))


def test_the_part_shown_last_is_remembered(page, qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    assert page.stack.currentWidget() is page.people
    page.show_part(GROUPS)
    again = RegisterPage(demo_ctx)
    qtbot.addWidget(again)
    assert again.stack.currentWidget() is again.groups
    assert again.nav.currentRow() == GROUPS


def test_person_form_can_add_a_missing_organisation(page, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    dialog = page.new_person()
    dialog.name.setText("Ida Öst")
    dialog.new_organisation_button.click()
    nested = dialog.organisation_dialog
    assert nested is not None and nested.isVisible()
    nested.name.setText("Storåkers kommun")
    nested.save_button.click()
    assert "finns redan en organisation" in nested.error_text("name")
    nested.name.setText("Fritidsgården Ängen")
    nested.kind.setCurrentIndex(nested.kind.findData("kommun"))
    nested.save_button.click()
    assert not nested.isVisible()
    assert dialog.organisation.currentText() == "Fritidsgården Ängen"
    dialog.save_button.click()
    person = page.people.panel.current()
    assert (person.name, person.organisation_name) == ("Ida Öst", "Fritidsgården Ängen")
    # Two separate steps to undo: the person, then the organisation.
    assert page.undo_stack.undoText() == "Lägg till person Ida Öst"
    page.undo_stack.undo()
    assert page.undo_stack.undoText() == "Lägg till organisation Fritidsgården Ängen"
