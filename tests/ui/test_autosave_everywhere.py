"""Every value typed or changed in place in the main window is stored within a second or two,
with no Save button and without leaving the field (issue 7, point 1).

`FIELDS` lists every inline editor of every page with how a user changes it and where the
change lands in the database; `EXCEPTIONS` lists the editable widgets that hold no data
(search and filter fields, view and export options). `test_every_inline_editor_is_listed`
walks the pages and fails when a page gains an editable widget that is in neither list.

Each field test types a unique marker, waits 1.5 s with the cursor still in the field (no
flush, no focus change), and reads the file through a separate sqlite3 connection. The
debounce is 0.7 s, so the wait leaves a wide margin on a loaded machine.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from every_part import open_every_part
from PySide6.QtCore import QDate, QModelIndex, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from trygghetsrad.ui.widgets import autosave
from trygghetsrad.ui.widgets.time_entry import TimeEntry

WAIT_MS = 1500
EDITABLE = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox, QCheckBox)
_markers = itertools.count(1)

Check = Callable[[sqlite3.Connection], bool]


# -- building the pages ----------------------------------------------------------------------


def _rows(ctx: Any, sql: str, *params: object) -> list[tuple[Any, ...]]:
    """Read the database file through a connection of its own (what a crash leaves behind)."""
    con = sqlite3.connect(ctx.database.path)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def _draft_meeting(ctx: Any) -> int:
    return _rows(ctx, "SELECT id FROM meetings WHERE status = 'draft' ORDER BY day DESC")[0][0]


def build_page(qtbot: Any, ctx: Any, key: str) -> QWidget:
    """The page `key` ("meetings", "situation/pictures", …) on the example data, shown."""
    from trygghetsrad.ui.main_window import TABS

    area, _, sub = key.partition("/")
    spec = next(spec for k, _title, spec in TABS if k == area)
    module, name = spec.split(":")
    page = getattr(__import__(module, fromlist=[name]), name)(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 900)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()  # so that the field typed into has the keyboard focus
    qtbot.waitUntil(page.isActiveWindow)
    if area == "meetings":
        page.select_meeting(_draft_meeting(ctx))
        assert page.meeting is not None and page.meeting.editable
        open_every_part(page)  # Närvaro, Uppgifter om mötet, Kallelse, Versioner
    if sub:
        outer, page = page, page.subpage(sub)
        page.keep_alive = outer  # the tab holding the sub-page must outlive this function
    return page


def page_keys() -> list[str]:
    from trygghetsrad.ui.main_window import TABS
    from trygghetsrad.ui.situation.page import SUBPAGES

    keys: list[str] = []
    for key, _title, _spec in TABS:
        if key == "situation":
            keys += [f"situation/{sub}" for sub, _t, _s in SUBPAGES]
        else:
            keys.append(key)
    return keys


def inline_editors(page: QWidget) -> dict[str, QWidget]:
    """Enabled, writable editors of the page by accessible name (not inside dialogs, not the
    line edit inside a spin box or combo box, not a cell editor)."""
    found: dict[str, QWidget] = {}
    for widget in page.findChildren(QWidget):
        if not isinstance(widget, EDITABLE) or isinstance(widget.window(), QDialog):
            continue
        parent = widget.parentWidget()
        inner = False
        while parent is not None and parent is not page:
            inner = inner or isinstance(parent, QAbstractSpinBox | QComboBox | QAbstractItemView)
            parent = parent.parentWidget()
        if inner or not widget.isEnabled():
            continue
        if getattr(widget, "isReadOnly", lambda: False)():
            continue
        name = widget.accessibleName()
        assert name, f"{type(widget).__name__} on {page} has no accessible name"
        found[name] = widget
    return found


# -- how a user changes each kind of widget --------------------------------------------------


def type_over(qtbot: Any, widget: Any, text: str) -> None:
    """Select what the field holds and type `text` over it (ASCII: keyClicks is safe)."""
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def type_at_end(qtbot: Any, widget: QPlainTextEdit, text: str) -> None:
    widget.setFocus()
    cursor = widget.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    widget.setTextCursor(cursor)
    qtbot.keyClicks(widget, text)


def next_choice(qtbot: Any, combo: QComboBox) -> Any:
    """Pick another entry with the arrow keys, as from the keyboard; returns its data."""
    combo.setFocus()
    key = Qt.Key.Key_Down if combo.currentIndex() < combo.count() - 1 else Qt.Key.Key_Up
    before = combo.currentIndex()
    qtbot.keyClick(combo, key)
    assert combo.currentIndex() != before
    return combo.currentData()


def toggle(qtbot: Any, check: QCheckBox) -> bool:
    check.setFocus()
    qtbot.keyClick(check, Qt.Key.Key_Space)
    return check.isChecked()


def set_day(qtbot: Any, widget: Any, day: date) -> None:
    if isinstance(widget, QDateEdit):
        widget.setFocus()
        widget.setDate(QDate(day.year, day.month, day.day))
    else:  # a typed date field
        type_over(qtbot, widget, day.isoformat())


# -- the inventory ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """`change(qtbot, page, widget, marker)` edits like a user and returns a check of the file."""

    how: str  # how the page stores it, for the report
    change: Callable[[Any, Any, Any, str], Check]


def _meeting_text(column: str) -> Field:
    def change(qtbot: Any, page: Any, widget: Any, marker: str) -> Check:
        page.tabs.setCurrentIndex(2)
        meeting = page.meeting.id
        type_over(qtbot, widget, marker)
        return lambda con: (
            con.execute(f"SELECT {column} FROM meetings WHERE id = ?", (meeting,)).fetchone()
            == (marker,)
        )

    return Field("DetailsPanel: Autosaver → update_meeting", change)


def _meeting_choice(column: str) -> Field:
    def change(qtbot: Any, page: Any, widget: Any, _marker: str) -> Check:
        page.tabs.setCurrentIndex(2)
        meeting = page.meeting.id
        value = next_choice(qtbot, widget)
        return lambda con: (
            con.execute(f"SELECT {column} FROM meetings WHERE id = ?", (meeting,)).fetchone()
            == (value,)
        )

    return Field("DetailsPanel: Autosaver → update_meeting", change)


def _first_paragraph(qtbot: Any, page: Any, widget: Any, _marker: str) -> Check:
    page.tabs.setCurrentIndex(2)
    meeting = page.meeting.id
    type_over(qtbot, widget, "37")
    return lambda con: (
        con.execute("SELECT first_paragraph FROM meetings WHERE id = ?", (meeting,)).fetchone()
        == (37,)
    )


def _meeting_day(qtbot: Any, page: Any, widget: Any, _marker: str) -> Check:
    page.tabs.setCurrentIndex(2)
    meeting = page.meeting.id
    set_day(qtbot, widget, date(2026, 11, 18))
    return lambda con: (
        con.execute("SELECT day FROM meetings WHERE id = ?", (meeting,)).fetchone()
        == ("2026-11-18",)
    )


def _meeting_time(column: str, value: QTime) -> Field:
    def change(qtbot: Any, page: Any, widget: TimeEntry, _marker: str) -> Check:
        page.tabs.setCurrentIndex(2)
        meeting = page.meeting.id
        widget.setFocus()
        widget.setTime(value)
        stored = value.toString("HH:mm:00")
        return lambda con: (
            con.execute(
                f"SELECT substr({column}, 1, 8) FROM meetings WHERE id = ?", (meeting,)
            ).fetchone()
            == (stored,)
        )

    return Field("DetailsPanel: Autosaver → update_meeting", change)


def _notice(column: str, kind: str = "text") -> Field:
    """A field of the tab "Kallelse" (meeting_notices, one row per meeting)."""

    def change(qtbot: Any, page: Any, widget: Any, marker: str) -> Check:
        page.tabs.setCurrentWidget(page.notice_tab)
        meeting = page.meeting.id
        if kind == "choice":
            marker = next_choice(qtbot, widget)
        elif kind == "date":
            set_day(qtbot, widget, date(2026, 11, 30))
            marker = "2026-11-30"
        else:
            type_over(qtbot, widget, marker)
        return lambda con: (
            con.execute(
                f"SELECT {column} FROM meeting_notices WHERE meeting_id = ?", (meeting,)
            ).fetchone()
            == (marker,)
        )

    return Field("NoticePanel: Autosaver → save_notice", change)


def _agenda_item(page: Any) -> int:
    page.tabs.setCurrentIndex(0)
    agenda = page.agenda
    row = next(
        r for r, item in enumerate(agenda.model.items) if item.kind.value == "normal"
    )  # a follow-up item has no decisions field
    agenda.list.setCurrentIndex(agenda.model.index(row))
    assert agenda.item_id is not None
    return int(agenda.item_id)


def _agenda_column(column: str) -> Field:
    def change(qtbot: Any, page: Any, widget: Any, marker: str) -> Check:
        item = _agenda_item(page)
        type_over(qtbot, widget, marker)
        return lambda con: (
            con.execute(f"SELECT {column} FROM agenda_items WHERE id = ?", (item,)).fetchone()
            == (marker,)
        )

    return Field("AgendaPanel: own 0.7 s timer → save_item_fields (save_now hook)", change)


def _item_structure(column: str, how: str) -> Field:
    """An agenda item's structure field (meetings_structure.update_item_details): a choice
    or a tick is one undoable edit at once, typed text autosaves (FieldAutosave)."""

    def change(qtbot: Any, page: Any, widget: Any, marker: str) -> Check:
        item = _agenda_item(page)
        qtbot.mouseClick(page.agenda.structure.toggle, Qt.MouseButton.LeftButton)  # shown
        query = f"SELECT {column} FROM agenda_items WHERE id = ?"
        if how == "choice":
            value: Any = next_choice(qtbot, widget)
            return lambda con: con.execute(query, (item,)).fetchone() == (value,)
        if how == "check":
            ticked = toggle(qtbot, widget)
            return lambda con: con.execute(query, (item,)).fetchone() == (int(ticked),)
        if how == "slot":
            type_over(qtbot, widget, "14.05-14.35")
            return lambda con: str(con.execute(query, (item,)).fetchone()[0]).startswith("14:05")
        if isinstance(widget, QComboBox):  # föredragande: a name typed as free text
            widget = widget.lineEdit()
        if isinstance(widget, QPlainTextEdit):
            type_at_end(qtbot, widget, marker)
        else:
            type_over(qtbot, widget, marker)
        return lambda con: marker in str(con.execute(query, (item,)).fetchone()[0])

    when = "at once" if how in ("choice", "check") else "FieldAutosave"
    return Field(f"ItemStructureFields: {how}, {when} → update_item_details", change)


def _numbering_tick(qtbot: Any, page: Any, widget: Any, _marker: str) -> Check:
    page.tabs.setCurrentIndex(2)
    meeting = page.meeting.id
    ticked = toggle(qtbot, widget)
    return lambda con: (
        con.execute("SELECT group_by_category FROM meetings WHERE id = ?", (meeting,)).fetchone()
        == (int(ticked),)
    )


def _agenda_lines(table: str) -> Field:
    def change(qtbot: Any, page: Any, widget: Any, marker: str) -> Check:
        item = _agenda_item(page)
        type_at_end(qtbot, widget, f" {marker}")
        return lambda con: bool(
            con.execute(
                f"SELECT 1 FROM {table} WHERE item_id = ? AND text LIKE ?", (item, f"%{marker}%")
            ).fetchall()
        )

    return Field("AgendaPanel: own 0.7 s timer → save_item_fields (save_now hook)", change)


def _agenda_internal(qtbot: Any, page: Any, widget: QCheckBox, _marker: str) -> Check:
    item = _agenda_item(page)
    value = toggle(qtbot, widget)
    return lambda con: (
        con.execute("SELECT internal FROM agenda_items WHERE id = ?", (item,)).fetchone()
        == (int(value),)
    )


def _picture_column(column: str) -> Field:
    def change(qtbot: Any, page: Any, widget: Any, marker: str) -> Check:
        picture = page.picture.id
        type_over(qtbot, widget, marker)
        return lambda con: (
            con.execute(
                f"SELECT {column} FROM situation_pictures WHERE id = ?", (picture,)
            ).fetchone()
            == (marker,)
        )

    return Field("PicturesPage: own 0.7 s timer → set_part / update_picture (save_now)", change)


def _picture_day(column: str, day: date) -> Field:
    def change(qtbot: Any, page: Any, widget: Any, _marker: str) -> Check:
        picture = page.picture.id
        set_day(qtbot, widget, day)
        return lambda con: (
            con.execute(
                f"SELECT {column} FROM situation_pictures WHERE id = ?", (picture,)
            ).fetchone()
            == (day.isoformat(),)
        )

    return Field("PicturesPage: own 0.7 s timer → update_picture (save_now)", change)


def _cause(page: Any) -> int:
    cause = page.current_cause_id()
    assert cause is not None
    return int(cause)


def _cause_description(qtbot: Any, page: Any, widget: Any, marker: str) -> Check:
    cause = _cause(page)
    type_over(qtbot, widget, marker)
    return lambda con: (
        con.execute("SELECT description FROM causes WHERE id = ?", (cause,)).fetchone() == (marker,)
    )


def _cause_kind(qtbot: Any, page: Any, widget: Any, _marker: str) -> Check:
    cause = _cause(page)
    value = next_choice(qtbot, widget)
    return lambda con: (
        con.execute("SELECT kind FROM causes WHERE id = ?", (cause,)).fetchone() == (value,)
    )


def _cause_internal(qtbot: Any, page: Any, widget: Any, _marker: str) -> Check:
    cause = _cause(page)
    value = toggle(qtbot, widget)
    return lambda con: (
        con.execute("SELECT internal FROM causes WHERE id = ?", (cause,)).fetchone()
        == (int(value),)
    )


def _chart_kind(qtbot: Any, page: Any, widget: Any, _marker: str) -> Check:
    indicator = page.indicator.id
    value = next_choice(qtbot, widget)
    return lambda con: (
        con.execute("SELECT chart_kind FROM indicators WHERE id = ?", (indicator,)).fetchone()
        == (value,)
    )


def _area_assessment(column: str, how: str) -> Field:
    """The selected area's assessment in the chosen picture (area_assessments)."""

    def change(qtbot: Any, page: Any, widget: Any, marker: str) -> Check:
        picture, area = page.picture_id(), page.current().area.id
        if how == "choice":
            marker = next_choice(qtbot, widget)
        else:
            type_at_end(qtbot, widget, marker)
        query = f"SELECT {column} FROM area_assessments WHERE picture_id = ? AND area_id = ?"

        def check(con: sqlite3.Connection) -> bool:
            row = con.execute(query, (picture, area)).fetchone()
            return row is not None and marker in str(row[0])

        return check

    when = "at once (activated)" if how == "choice" else "FieldAutosave (its Autosaver)"
    return Field(f"AreasPage: {when} → set_assessment", change)


M = "meetings"
FIELDS: dict[tuple[str, str], Field] = {
    (M, "Plats"): _meeting_text("place"),
    (M, "Länk"): _meeting_text("online_link"),
    (M, "Antecknarens titel"): _meeting_text("secretary_title"),
    (M, "Typ"): _meeting_choice("kind"),
    (M, "Ordförande"): _meeting_choice("chair_id"),
    (M, "Antecknare"): _meeting_choice("secretary_id"),
    (M, "Justerare"): _meeting_choice("adjuster_id"),
    (M, "Första paragrafnummer"): Field("DetailsPanel: Autosaver", _first_paragraph),
    (M, "Datum"): Field("DetailsPanel: Autosaver", _meeting_day),
    (M, "Starttid"): _meeting_time("start_time", QTime(6, 13)),
    (M, "Sluttid"): _meeting_time("end_time", QTime(23, 47)),
    (M, "Punktens rubrik"): _agenda_column("title"),
    (M, "Inledande text"): _agenda_column("body"),
    (M, "Intern punkt"): Field("AgendaPanel: own timer", _agenda_internal),
    (M, "Anteckningar i punktform"): _agenda_lines("agenda_notes"),
    (M, "Beslut, ett per rad"): _agenda_lines("decisions"),
    (M, "Typ av ärende"): _item_structure("category", "choice"),
    (M, "Föredragande"): _item_structure("presenter_text", "text"),
    (M, "Diarienummer"): _item_structure("case_number", "text"),
    (M, "Tid för punkten"): _item_structure("slot_start", "slot"),
    (M, "Förslag till beslut"): _item_structure("proposal", "text"),
    (M, "Handlingar kommer senare"): _item_structure("papers_later", "check"),
    (M, "Punkten har inget nummer"): _item_structure("unnumbered", "check"),
    (M, "Hänvisning till en annan punkt"): _item_structure("refers_to_id", "choice"),
    (M, "Numrering"): Field(
        "NumberingRow: at once (activated) → set_numbering", _meeting_choice("numbering").change
    ),
    (M, "Gruppera punkterna under ärendetyp"): Field(
        "NumberingRow: at once (clicked) → set_numbering", _numbering_tick
    ),
    (M, "Ort"): _notice("issued_place"),
    (M, "Datum för kallelsen"): _notice("issued_on", "date"),
    (M, "Undertecknas av"): _notice("signed_by", "choice"),
    (M, "Anmäl förhinder till"): _notice("excuses_to"),
    (M, "Fotnot"): _notice("footnote"),
    ("situation/pictures", "Rubrik"): _picture_column("title"),
    ("situation/pictures", "Periodens början"): _picture_day("period_start", date(2026, 2, 3)),
    ("situation/pictures", "Periodens slut"): _picture_day("period_end", date(2026, 12, 30)),
    ("situation/pictures", "Sammanfattning"): _picture_column("summary"),
    (
        "situation/pictures",
        "1. Kartläggning av brottsligheten, dess omfattning och konsekvenser",
    ): _picture_column("part_mapping"),
    ("situation/pictures", "2. Annan relevant information"): _picture_column("part_other"),
    ("situation/pictures", "3. Analys"): _picture_column("part_analysis"),
    ("situation/pictures", "Begränsningar"): _picture_column("limitations"),
    ("situation/causes", "Beskrivning av orsaken"): Field(
        "CausesPage: Autosaver → update_cause (save_now)", _cause_description
    ),
    ("situation/causes", "Typ av orsak"): Field(
        "CausesPage: at once (activated) → update_cause", _cause_kind
    ),
    ("situation/causes", "Intern orsak"): Field(
        "CausesPage: at once (clicked) → update_cause", _cause_internal
    ),
    ("situation/areas", "Risknivå"): _area_assessment("risk_level", "choice"),
    ("situation/areas", "Behov"): _area_assessment("needs", "text"),
    ("situation/areas", "Anteckningar"): _area_assessment("notes", "text"),
    ("situation/indicators", "Diagramtyp"): Field(
        "IndicatorsPage: at once (currentIndexChanged) → update_indicator", _chart_kind
    ),
}

# Editable widgets that hold no data of their own, with the reason.
SEARCH = "search field: filters the list, stores nothing"
EXCEPTIONS: dict[tuple[str, str], str] = {
    (M, "Visa grupp"): "filter of the meeting list",
    (M, "Ta med interna punkter i exporten"): "option of the next export, not stored",
    ("wheel", "Visa"): "zoom of the wheel (view)",
    ("wheel", "Sök i årets händelser"): SEARCH,
    ("wheel", "Visa ring"): "filter of the event table (view)",
    ("situation/pictures", "Ta med interna uppgifter i rapporten"): "export option",
    ("situation/sources", "Sök underlag"): SEARCH,
    ("situation/indicators", "Sök indikator"): SEARCH,
    ("situation/observations", "Sök plats, kategori, underlag"): SEARCH,
    ("situation/gaps", "Sök bland luckor"): SEARCH,
    ("situation/plan", "Åtgärdsplan"): "chooses which plan is shown",
    ("situation/areas", "Lägesbild"): "chooses which picture's assessments are shown",
    ("situation/plan", "Filtrera åtgärder"): SEARCH,
    ("situation/followup", "År"): "filter of the follow-up table",
    ("situation/followup", "Problem"): "filter of the follow-up table",
    ("register", "Sök: medlemmar"): SEARCH,
    ("register", "Sök: grupper"): SEARCH,
    ("register", "Sök: organisationer"): SEARCH,
    ("register", "Sök: personer"): SEARCH,
    ("register", "Visa avslutade medlemskap"): "filter of the membership list",
    ("actions", "Sök bland uppdrag och beslut"): SEARCH,
    **{
        ("actions", name): "filter of the action register (view)"
        for name in ("Ansvarig", "Grupp", "Status", "Klart senast", "Visa")
    },
    ("actions", "Möten från"): "filter of the action register: meeting period (view)",
    ("actions", "Möten till och med"): "filter of the action register: meeting period (view)",
}


def _excepted(key: str, name: str) -> bool:
    if (key, name) in EXCEPTIONS:
        return True
    # The wheel's legend: one "Visa <kategori>" box per category, a view filter.
    return key == "wheel" and name.startswith("Visa ")


# -- the tests -------------------------------------------------------------------------------


@pytest.mark.parametrize("key", page_keys())
def test_every_inline_editor_is_listed(qtbot, demo_ctx, key: str) -> None:  # type: ignore[no-untyped-def]
    page = build_page(qtbot, demo_ctx, key)
    if key == "meetings":
        _agenda_item(page)
    found = inline_editors(page)
    unlisted = sorted(n for n in found if (key, n) not in FIELDS and not _excepted(key, n))
    assert not unlisted, (
        f"{key}: editable widgets that are neither autosave-tested (FIELDS) nor documented "
        f"as holding no data (EXCEPTIONS): {unlisted}"
    )
    listed = sorted(n for (k, n) in FIELDS if k == key)
    missing = [n for n in listed if n not in found]
    assert not missing, f"{key}: listed fields no longer found: {missing}"


def test_the_discovery_sees_a_new_editor(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    page = build_page(qtbot, demo_ctx, "situation/gaps")
    extra = QLineEdit(page)
    extra.setAccessibleName("Ny anteckning")
    names = inline_editors(page)
    assert "Ny anteckning" in names and "Sök bland luckor" in names
    extra.setReadOnly(True)
    assert "Ny anteckning" not in inline_editors(page)


@pytest.mark.parametrize(("key", "name"), list(FIELDS), ids=[f"{k}:{n}" for k, n in FIELDS])
def test_typing_is_stored_without_saving_or_leaving_the_field(  # type: ignore[no-untyped-def]
    qtbot, demo_ctx, key: str, name: str
) -> None:
    page = build_page(qtbot, demo_ctx, key)
    if key == "meetings":
        _agenda_item(page)
    widget = inline_editors(page)[name]
    marker = f"autosave{next(_markers)}x{abs(hash(name)) % 10_000}"
    check = FIELDS[(key, name)].change(qtbot, page, widget, marker)
    if "at once" not in FIELDS[(key, name)].how:  # debounced: not stored on every keystroke
        con = sqlite3.connect(demo_ctx.database.path)
        try:
            assert not check(con), "stored before the typing paused"
        finally:
            con.close()
    assert widget.hasFocus()
    qtbot.wait(WAIT_MS)
    assert widget.hasFocus()  # the cursor stayed in the field: no focus-out saved it
    con = sqlite3.connect(demo_ctx.database.path)
    try:
        assert check(con), f"{key} / {name}: not stored {WAIT_MS} ms after the edit"
    finally:
        con.close()


@pytest.mark.parametrize(
    ("key", "name"),
    [k for k in FIELDS if "Autosaver" in FIELDS[k].how or "timer" in FIELDS[k].how],
    ids=lambda v: str(v),
)
def test_closing_the_window_mid_typing_stores_it(qtbot, demo_ctx, key: str, name: str) -> None:  # type: ignore[no-untyped-def]
    page = build_page(qtbot, demo_ctx, key)
    if key == "meetings":
        _agenda_item(page)
    widget = inline_editors(page)[name]
    check = FIELDS[(key, name)].change(qtbot, page, widget, f"close{next(_markers)}")
    autosave.flush_all()  # what MainWindow.closeEvent, quitting and logging out run
    con = sqlite3.connect(demo_ctx.database.path)
    try:
        assert check(con)
    finally:
        con.close()


# -- cell editors, record switches, the session end ------------------------------------------


def _one(ctx: Any, sql: str, *params: object) -> Any:
    rows = _rows(ctx, sql, *params)
    return rows[0][0] if rows else None


def test_closing_with_a_cause_being_renamed_stores_the_new_title(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    page = build_page(qtbot, demo_ctx, "situation/causes")
    cause = _cause(page)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and page.tree.isAncestorOf(editor)
    editor.selectAll()
    qtbot.keyClicks(editor, "Trasig belysning i gangtunneln")
    assert _one(demo_ctx, "SELECT title FROM causes WHERE id = ?", cause) != (
        "Trasig belysning i gangtunneln"
    )
    autosave.flush_all()  # the window closes with the cell editor still open
    assert _one(demo_ctx, "SELECT title FROM causes WHERE id = ?", cause) == (
        "Trasig belysning i gangtunneln"
    )


def test_closing_with_an_indicator_value_being_typed_stores_it(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    page = build_page(qtbot, demo_ctx, "situation/indicators")
    indicator = page.indicator.id
    index = page.values.index(0, 0)
    area, period = page.values.areas()[0], page.values.periods()[0]
    page.table.setFocus()
    page.table.setCurrentIndex(index)
    page.table.edit(index)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and page.table.isAncestorOf(editor)
    editor.selectAll()
    qtbot.keyClicks(editor, "4321")
    autosave.flush_all()
    stored = _one(
        demo_ctx,
        "SELECT value FROM indicator_values WHERE indicator_id = ? AND area = ? AND period = ?",
        indicator,
        area,
        period,
    )
    assert stored == 4321


def test_switching_agenda_item_and_meeting_mid_typing_stores_it(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    page = build_page(qtbot, demo_ctx, "meetings")
    item = _agenda_item(page)
    type_over(qtbot, page.agenda.title, "Rubrik som byts bort")
    page.agenda.select_relative(+1)  # Ctrl+PgDown: the next item, within the pause
    assert _one(demo_ctx, "SELECT title FROM agenda_items WHERE id = ?", item) == (
        "Rubrik som byts bort"
    )
    meeting = page.meeting.id
    page.tabs.setCurrentIndex(2)
    type_over(qtbot, page.details.place, "Plats som byts bort")
    other = _one(demo_ctx, "SELECT id FROM meetings WHERE id != ? ORDER BY day DESC", meeting)
    page.select_meeting(other)
    assert _one(demo_ctx, "SELECT place FROM meetings WHERE id = ?", meeting) == (
        "Plats som byts bort"
    )


def test_switching_cause_mid_typing_stores_the_description(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    page = build_page(qtbot, demo_ctx, "situation/causes")
    cause = _cause(page)
    type_over(qtbot, page.description, "Beskrivning som byts bort")
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Down)
    assert page.current_cause_id() != cause
    qtbot.waitUntil(
        lambda: (
            _one(demo_ctx, "SELECT description FROM causes WHERE id = ?", cause)
            == "Beskrivning som byts bort"
        )
    )


def test_switching_picture_version_mid_typing_stores_title_and_text(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    page = build_page(qtbot, demo_ctx, "situation/pictures")
    picture = page.picture.id
    type_over(qtbot, page.texts["summary"], "Sammanfattning som byts bort")
    type_over(qtbot, page.title_edit, "Rubrik som byts bort")
    other = _one(demo_ctx, "SELECT id FROM situation_pictures WHERE id != ?", picture)
    page.select(other)
    assert _rows(
        demo_ctx, "SELECT title, summary FROM situation_pictures WHERE id = ?", picture
    ) == [("Rubrik som byts bort", "Sammanfattning som byts bort")]


def test_a_new_title_never_writes_back_older_texts(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    page = build_page(qtbot, demo_ctx, "situation/pictures")
    picture = page.picture.id
    type_over(qtbot, page.texts["part_analysis"], "Analys skriven forst")
    qtbot.wait(WAIT_MS)  # stored by the autosave
    type_over(qtbot, page.title_edit, "Rubrik andrad sedan")
    qtbot.wait(WAIT_MS)
    assert _rows(
        demo_ctx, "SELECT title, part_analysis FROM situation_pictures WHERE id = ?", picture
    ) == [("Rubrik andrad sedan", "Analys skriven forst")]
    page.undo_stack.undo()  # the title change only
    assert _rows(
        demo_ctx, "SELECT part_analysis FROM situation_pictures WHERE id = ?", picture
    ) == [("Analys skriven forst",)]


@pytest.mark.parametrize(
    ("key", "field"),
    [
        ("meetings", "details.place"),
        ("situation/pictures", "title_edit"),
        ("situation/causes", "description"),
    ],
)
def test_typing_on_after_an_autosave_keeps_the_cursor(
    qtbot, demo_ctx, key: str, field: str
) -> None:  # type: ignore[no-untyped-def]
    """The page reloads after storing; the field must not jump or lose the next keys."""
    page = build_page(qtbot, demo_ctx, key)
    if key == "meetings":
        page.tabs.setCurrentIndex(2)
    widget = page
    for part in field.split("."):
        widget = getattr(widget, part)
    type_over(qtbot, widget, "abc")
    qtbot.wait(WAIT_MS)  # stored, the page reloaded
    if isinstance(widget, QLineEdit):
        widget.setCursorPosition(1)
    else:
        cursor = widget.textCursor()
        cursor.setPosition(1)
        widget.setTextCursor(cursor)
    qtbot.keyClicks(widget, "XY")
    qtbot.wait(WAIT_MS)
    qtbot.keyClicks(widget, "Z")
    text = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
    assert text == "aXYZbc"
    assert widget.hasFocus()


def test_logging_out_and_sigterm_are_connected(qtbot) -> None:  # type: ignore[no-untyped-def]
    import signal

    from PySide6.QtCore import SIGNAL

    app = QApplication.instance()
    autosave.connect_session_end()
    assert app.receivers(SIGNAL("commitDataRequest(QSessionManager&)")) >= 1
    assert app.receivers(SIGNAL("aboutToQuit()")) >= 1
    assert signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, None)
    stored: list[str] = []
    edit = QLineEdit()
    qtbot.addWidget(edit)
    autosave.FieldAutosave(edit, store=stored.append, delay_ms=60_000)
    qtbot.keyClicks(edit, "utloggad")
    autosave.on_commit_data_request(None)  # what the desktop session's end calls
    assert stored == ["utloggad"]


def test_one_failing_save_does_not_stop_the_others(qtbot) -> None:  # type: ignore[no-untyped-def]
    stored: list[str] = []

    def broken(_text: str) -> None:
        raise RuntimeError("a bug in one page")

    first, second = QLineEdit(), QLineEdit()
    for edit in (first, second):
        qtbot.addWidget(edit)
    autosave.FieldAutosave(first, store=broken, delay_ms=60_000)
    autosave.FieldAutosave(second, store=stored.append, delay_ms=60_000)
    qtbot.keyClicks(first, "ett")
    qtbot.keyClicks(second, "tva")
    autosave.flush_all()  # closing the window: logs the bug, stores the rest
    assert stored == ["tva"]


def test_a_page_hidden_mid_typing_still_stores_it(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    """Switching to another tab hides the page; its pending save still runs."""
    page = build_page(qtbot, demo_ctx, "meetings")
    page.tabs.setCurrentIndex(2)
    meeting = page.meeting.id
    type_over(qtbot, page.details.place, "Dold plats")
    page.hide()
    qtbot.wait(WAIT_MS)
    assert _one(demo_ctx, "SELECT place FROM meetings WHERE id = ?", meeting) == "Dold plats"


# -- tables, trees and lists whose cells are edited or ticked in place -------------------------

# Item views with editable or checkable cells, and how their edits are stored.
ITEM_VIEWS: dict[tuple[str, str], str] = {
    (M, "Grupper"): "ticks: DetailsPanel Autosaver (itemChanged) → update_meeting",
    ("situation/causes", "Orsaksträd"): (
        "cell editor (F2): stored when it closes (Enter, another cell, leaving) and by "
        "flush_all on closing; not while it stays open"
    ),
    ("situation/indicators", "Värden"): (
        "cell editor: stored when it closes and by flush_all on closing; not while it stays open"
    ),
}


def editable_item_views(page: QWidget) -> set[str]:
    """Accessible names of the page's item views with a cell that can be edited or ticked."""
    found: set[str] = set()
    for view in page.findChildren(QAbstractItemView):
        model = view.model()
        if model is None or isinstance(view.window(), QDialog) or not view.isEnabled():
            continue
        if isinstance(view, QHeaderView):
            continue
        triggers = view.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers
        root = QModelIndex()
        try:
            columns = model.columnCount(root)
        except TypeError:  # a list model: one column, and PySide keeps columnCount private
            columns = 1
        for row in range(min(model.rowCount(root), 5)):
            for column in range(columns):
                index = model.index(row, column)
                flags = model.flags(index)
                tickable = flags & Qt.ItemFlag.ItemIsUserCheckable and (
                    index.data(Qt.ItemDataRole.CheckStateRole) is not None
                )  # (a list widget's items are checkable by default but show no box)
                if (triggers and flags & Qt.ItemFlag.ItemIsEditable) or tickable:
                    found.add(
                        view.accessibleName() or f"{type(view).__name__}/{type(model).__name__}"
                    )
    return found


@pytest.mark.parametrize("key", page_keys())
def test_every_editable_table_is_listed(qtbot, demo_ctx, key: str) -> None:  # type: ignore[no-untyped-def]
    page = build_page(qtbot, demo_ctx, key)
    if key == "meetings":
        _agenda_item(page)
    found = editable_item_views(page)
    listed = {name for (k, name) in ITEM_VIEWS if k == key}
    assert found == listed, f"{key}: editable tables/lists {sorted(found)}, listed {sorted(listed)}"


def test_ticking_a_group_of_the_meeting_is_stored(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    page = build_page(qtbot, demo_ctx, "meetings")
    page.tabs.setCurrentIndex(2)
    meeting = page.meeting.id
    groups = page.details.groups
    row = next(
        r for r in range(groups.count()) if groups.item(r).checkState() == Qt.CheckState.Unchecked
    )
    group_id = groups.item(row).data(256)
    groups.setFocus()
    groups.setCurrentRow(row)
    qtbot.keyClick(groups, Qt.Key.Key_Space)  # ticks the current row
    assert groups.item(row).checkState() == Qt.CheckState.Checked
    sql = "SELECT 1 FROM meeting_groups WHERE meeting_id = ? AND group_id = ?"
    assert not _rows(demo_ctx, sql, meeting, group_id)
    qtbot.wait(WAIT_MS)
    assert _rows(demo_ctx, sql, meeting, group_id)
    assert groups.hasFocus()  # the list was not rebuilt under the keyboard


def test_attendance_marked_from_the_keyboard_is_stored_at_once(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    page = build_page(qtbot, demo_ctx, "meetings")
    page.tabs.setCurrentIndex(1)
    panel = page.attendance
    record = panel.model.record(0)
    assert record is not None
    target = "excused" if record.presence.value != "excused" else "absent"
    panel.view.setFocus()
    panel.view.selectRow(0)
    qtbot.keyClick(panel.view, "F" if target == "excused" else "X")
    assert _rows(demo_ctx, "SELECT presence FROM attendance WHERE id = ?", record.id) == [(target,)]
