"""Bad input in every form: refused under the field it is about, nothing stored, the text kept;
legitimate awkward text (emoji, right-to-left, combining accents) stored exactly.

Every form dialog of the app (each `FormDialog` subclass) is opened the way the user opens it,
on the example data, and driven field by field. A new dialog class fails
`test_every_form_dialog_is_covered` until it gets an opener in OPENERS.
"""

from __future__ import annotations

import importlib
import pkgutil
import sqlite3
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

import trygghetsrad.ui
from trygghetsrad.ui.widgets.date_entry import DateEntry, OptionalDateEntry
from trygghetsrad.ui.widgets.form_dialog import FormDialog

AWKWARD = "Trygghetsvandring 🚶‍♀️🌃 שלום مرحبا Åsa Öst e\u0301 ñ"
LONG = "x" * 100_001
CONTROL = "Före\x07efter"
BAD_DATES = {
    "2026-02-30": "finns inte i kalendern",
    "30000-01-01": "Året 30000 är inte rimligt",
    "hej": "ÅÅÅÅ-MM-DD",
    "1850-01-01": "mellan 1900 och 2100",
}
REQUIRED = {"title", "name", "what", "text"}
NOT_STORED = {("situation.plan_dialogs.MeetingLinkDialog", "search")}  # a filter box
OPTIONAL = {
    ("register.dialogs.PersonDialog", "title"),  # a person's job title
    ("situation.document_dialog.DocumentDialog", "title"),  # empty: the document's own title
}
ALIVE: list[QWidget] = []  # the pages whose dialogs are under test

# Fields whose text has a format of its own (an address, a number): they keep a valid value
# while the others are tested; their own rules have tests of their own.
# A commitment's "number" is the short label of the signed text ("3", "2.10", "3 b"), at most
# 20 characters: the sweep's 47-character awkward text is no number (see
# test_a_commitments_number_is_refused_at_the_field_and_kept).
FORMATTED = {"email", "phone", "target_value", "indicator_value", "sender_email", "number"}
VALID_FORMATTED = {
    "number": "2.10",
    "email": "asa@storaker.se",
    "phone": "070-123 45 67",
    "sender_email": "trygghet@storaker.se",
}

# -- opening each form the way the user does ------------------------------------------------------


def _meeting_id(ctx: Any, status: str, *, newest: bool = False) -> int:
    from trygghetsrad.services.meetings import lifecycle as meetings

    with ctx.database.session() as s:
        found = [m for m in meetings.list_meetings(s) if m.status.value == status]
    return max(found, key=lambda m: m.day).id if newest else found[0].id


def _meetings_page(ctx: Any, status: str = "draft", *, newest: bool = False) -> Any:
    from trygghetsrad.ui.meetings.page import MeetingsPage

    page = MeetingsPage(ctx)
    ALIVE.append(page)
    page.reload()
    page.select_meeting(_meeting_id(ctx, status, newest=newest))
    return page


def _register_page(ctx: Any) -> Any:
    from trygghetsrad.ui.register.page import RegisterPage

    page = RegisterPage(ctx)
    ALIVE.append(page)
    return page


def _membership(ctx: Any) -> Any:
    from trygghetsrad.services import register

    with ctx.database.session() as s:
        group = register.list_groups(s)[0]
        return register.list_memberships(s, group_id=group.id)[0]


def _settings(ctx: Any) -> None:
    from trygghetsrad.ui.dialogs.settings import SettingsDialog

    SettingsDialog(ctx).exec()


def _first_group(ctx: Any) -> None:
    from trygghetsrad.services import register
    from trygghetsrad.ui.meetings.dialogs import FirstGroupDialog

    def save(values: dict[str, Any]) -> None:
        with ctx.database.session() as s:
            register.create_group(s, name=values["name"])

    FirstGroupDialog(save).open()


def _situation(ctx: Any, cls: str, module: str) -> Any:
    mod = importlib.import_module(f"trygghetsrad.ui.situation.{module}")
    page = getattr(mod, cls)(ctx)
    ALIVE.append(page)
    page.refresh()
    return page


def _plan_page(ctx: Any, *, draft: bool = False) -> Any:
    page = _situation(ctx, "PlanPage", "plan_page")
    if draft:  # a plan still being written (the example plan is adopted)
        from trygghetsrad.services.situation import action_plan

        with ctx.database.session() as s:
            plan_id = action_plan.create_plan(
                s, title="Utkast", period_start=date(2027, 1, 1), period_end=date(2027, 12, 31)
            ).id
        page.refresh()
        page.select_plan(plan_id)
    return page


def _actions(ctx: Any) -> Any:
    """The Uppdrag page with an open action selected that a coming meeting follows up."""
    from trygghetsrad.domain.actions.register import ActionFilter
    from trygghetsrad.services.actions.register import comment_meeting, register_actions
    from trygghetsrad.ui.actions.page import ActionsPage

    page = ActionsPage(ctx)
    ALIVE.append(page)
    page.reload()
    page.wait_loaded()
    with ctx.database.session() as s:
        action = next(
            a
            for a in register_actions(s, ActionFilter())
            if a.status.value == "open" and comment_meeting(s, a.id) is not None
        )
    assert page.select_key(("action", action.id), clear_filters=True)
    return page


def _agreements(ctx: Any) -> Any:
    return _situation(ctx, "AgreementsPage", "agreements_page")


def _agreement_step(ctx: Any) -> None:
    """A new step of the first agreement's working model (Arbetsmodell… → Nytt steg)."""
    page = _agreements(ctx)
    page.table.selectRow(0)
    steps = page._on_steps()
    ALIVE.append(steps)
    steps.new_step()


def _pictures_present(ctx: Any) -> None:
    from trygghetsrad.services.situation import pictures as situation_pictures

    page = _situation(ctx, "PicturesPage", "pictures")
    with ctx.database.session() as s:
        open_ = next(p for p in situation_pictures.list_pictures(s) if not p.is_frozen)
    page.select(open_.id)
    page.present()


def _comment(ctx: Any) -> None:
    """The progress comment on an action followed up at an editable meeting."""
    from trygghetsrad.services.meetings import actions as meetings_actions
    from trygghetsrad.services.meetings import lifecycle as meetings
    from trygghetsrad.ui.meetings.page import MeetingsPage

    with ctx.database.session() as s:
        meeting_id = next(
            m.id
            for m in meetings.list_meetings(s)
            if m.status.value in ("planned", "draft") and meetings_actions.followup(s, m.id)
        )
    page = MeetingsPage(ctx)
    ALIVE.append(page)
    page.reload()
    page.select_meeting(meeting_id)
    page.agenda.followup.setCurrentIndex(page.agenda.followup_model.index(0, 0))
    page.agenda.comment_followup()


def _template(ctx: Any) -> None:
    from trygghetsrad.services import register

    page = _meetings_page(ctx)
    with ctx.database.session() as s:
        group = register.list_groups(s)[0]
    page.agenda.edit_template(group.id, group.name)


def _attendance_details(ctx: Any) -> None:
    panel = _meetings_page(ctx).attendance
    panel.view.selectRow(0)
    panel.edit_details()


OPENERS: dict[str, Callable[[Any], object]] = {
    # register
    "register.dialogs.PersonDialog": lambda ctx: _register_page(ctx).new_person(),
    "register.dialogs.OrganisationDialog": lambda ctx: _register_page(ctx).new_organisation(),
    "register.dialogs.GroupDialog": lambda ctx: _register_page(ctx).new_group(),
    "register.dialogs.MembershipDialog": lambda ctx: _register_page(ctx).edit_membership(
        _membership(ctx)
    ),
    # meetings
    "meetings.dialogs.MeetingDialog": lambda ctx: _meetings_page(ctx).new_meeting(),
    "meetings.dialogs.FirstGroupDialog": _first_group,
    "meetings.dialogs.FinaliseDialog": lambda ctx: _meetings_page(ctx).finalise(),
    "meetings.dialogs.ReopenDialog": lambda ctx: _meetings_page(ctx, "sent").reopen(),
    "meetings.agenda_dialogs.ActionDialog": lambda ctx: _meetings_page(ctx).agenda.new_action(),
    "meetings.attendance.GuestDialog": lambda ctx: _meetings_page(ctx).attendance.add_guest(),
    "meetings.attendance_details.AttendanceDetailsDialog": lambda ctx: _attendance_details(ctx),
    # The newest draft: the older one's next meeting is planned already, and planning the
    # same meeting twice is refused.
    "meetings.next_meeting.NextMeetingDialog": lambda ctx: _meetings_page(
        ctx, newest=True
    ).agenda.plan_next(),
    "meetings.agenda_dialogs.TemplateDialog": _template,
    "meetings.followup.CommentDialog": _comment,
    "situation.areas_page.AreaDialog": lambda ctx: _situation(
        ctx, "AreasPage", "areas_page"
    ).new_area(),
    "situation.agreement_steps.StepDialog": _agreement_step,
    # the action register
    "actions.dialogs.RedateDialog": lambda ctx: _actions(ctx).redate_action(),
    "actions.dialogs.CommentDialog": lambda ctx: _actions(ctx).comment_action(),
    # wheel
    "wheel.event_dialog.EventDialog": lambda ctx: _wheel(ctx).new_event(),
    "wheel.dialogs.PlanDialog": lambda ctx: _wheel(ctx).edit_plan(),
    # situation picture
    "situation.source_form.SourceDialog": lambda ctx: _situation(
        ctx, "SourcesPage", "sources"
    ).new_source(),
    "situation.forms.GapDialog": lambda ctx: _situation(ctx, "GapsPage", "gaps").new_record(),
    "situation.forms.ObservationDialog": lambda ctx: _situation(
        ctx, "ObservationsPage", "observations"
    ).new_record(),
    "situation.forms.IndicatorDialog": lambda ctx: _situation(
        ctx, "IndicatorsPage", "indicators"
    ).new_indicator(),
    "situation.forms.PresentDialog": _pictures_present,
    "situation.document_dialog.DocumentDialog": lambda ctx: _plan_page(ctx)._on_document(),
    # causes, action plan, agreements
    "situation.causes_problems.ProblemDialog": lambda ctx: _situation(
        ctx, "CausesPage", "causes_page"
    )._on_new_problem(),
    "situation.plan_dialogs.PlanDialog": lambda ctx: _plan_page(ctx)._on_new_plan(),
    "situation.plan_dialogs.AdoptDialog": lambda ctx: _plan_page(ctx, draft=True)._on_adopt(),
    "situation.plan_dialogs.MeasureDialog": lambda ctx: _plan_page(
        ctx, draft=True
    )._on_new_measure(),
    "situation.plan_dialogs.FollowUpDialog": lambda ctx: _followup(ctx),
    "situation.plan_dialogs.MeetingLinkDialog": lambda ctx: _link(ctx),
    "situation.agreements_dialogs.AgreementDialog": lambda ctx: _agreements(ctx)._on_new(),
    "situation.agreements_dialogs.CommitmentDialog": lambda ctx: _agreements(
        ctx
    )._on_new_commitment(),
    # settings
    "dialogs.settings.SettingsDialog": _settings,
}


def _wheel(ctx: Any) -> Any:
    from trygghetsrad.ui.wheel.page import WheelPage

    page = WheelPage(ctx)
    ALIVE.append(page)
    return page


def _followup(ctx: Any) -> None:
    from trygghetsrad.services.situation import action_plan

    page = _plan_page(ctx)
    with ctx.database.session() as s:
        measure = action_plan.list_measures(s)[0]
    page.select_measure(measure.id)
    page._on_followup()


def _link(ctx: Any) -> None:
    from trygghetsrad.services.situation import action_plan

    page = _plan_page(ctx)
    with ctx.database.session() as s:
        measure = action_plan.list_measures(s)[0]
    page.select_measure(measure.id)
    page._on_link()


# -- discovery ----------------------------------------------------------------------------------


def _all_form_dialogs() -> set[str]:
    for info in pkgutil.walk_packages(trygghetsrad.ui.__path__, "trygghetsrad.ui."):
        importlib.import_module(info.name)
    found: set[str] = set()
    todo = list(FormDialog.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if "<locals>" not in cls.__qualname__ and cls.__module__.startswith("trygghetsrad.ui."):
            found.add(f"{cls.__module__.removeprefix('trygghetsrad.ui.')}.{cls.__qualname__}")
    return found


def test_every_form_dialog_is_covered() -> None:
    missing = _all_form_dialogs() - set(OPENERS)
    assert not missing, f"Form dialogs without a bad-input test (add them to OPENERS): {missing}"
    assert len(OPENERS) >= 28


# -- driving a dialog ---------------------------------------------------------------------------


def _open(name: str, ctx: Any, monkeypatch: pytest.MonkeyPatch) -> FormDialog:
    module, cls_name = name.rsplit(".", 1)
    cls = getattr(importlib.import_module(f"trygghetsrad.ui.{module}"), cls_name)
    opened: list[FormDialog] = []

    def capture(self: FormDialog) -> int:
        opened.append(self)
        self.show()
        return 0

    monkeypatch.setattr(FormDialog, "exec", capture)
    monkeypatch.setattr(FormDialog, "open", capture)

    def modal(*args: Any, **_kwargs: Any) -> None:
        # A message box instead of the message under the field (and it would block the test).
        raise AssertionError(f"{name} answered with a message box: {args[1:3]}")

    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, modal)
    OPENERS[name](ctx)
    dialogs = [d for d in opened if type(d) is cls]
    assert dialogs, f"{name} did not open"
    return dialogs[-1]


def open_dialog(name: str, ctx: Any, monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> FormDialog:
    """Open the dialog `name` the way the user does; the pages it came from are closed
    with the test."""
    ALIVE.clear()
    dialog = _open(name, ctx, monkeypatch)
    for page in ALIVE:
        qtbot.addWidget(page)
    return dialog


def _editor(widget: QWidget) -> QLineEdit | QPlainTextEdit | None:
    if isinstance(widget, DateEntry):
        return None
    if isinstance(widget, QLineEdit | QPlainTextEdit) and not widget.isReadOnly():
        return widget
    if isinstance(widget, QComboBox) and widget.isEditable():
        return widget.lineEdit()
    return None


def _get(edit: QLineEdit | QPlainTextEdit) -> str:
    return edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()


def _set(edit: QLineEdit | QPlainTextEdit, text: str) -> None:
    if isinstance(edit, QPlainTextEdit):
        edit.setPlainText(text)
    else:
        edit.setText(text)


def _text_fields(dialog: FormDialog) -> dict[str, QLineEdit | QPlainTextEdit]:
    fields = {}
    for key, widget in dialog._fields.items():
        edit = _editor(widget)
        if edit is not None and edit.isEnabled():
            fields[key] = edit
    return fields


def _date_fields(dialog: FormDialog) -> dict[str, DateEntry]:
    out = {}
    for key, widget in dialog._fields.items():
        if not widget.isVisibleTo(dialog) or not widget.isEnabled():
            continue  # say the end of a repetition while the event does not repeat
        if isinstance(widget, DateEntry):
            out[key] = widget
        elif isinstance(widget, OptionalDateEntry):
            widget.check.setChecked(True)
            out[key] = widget.edit
    for entry in dialog.findChildren(DateEntry):  # dates inside a row (one per group)
        usable = entry.isVisibleTo(dialog) and entry.isEnabled()
        if usable and entry not in out.values() and entry.field in dialog._fields:
            out[entry.field] = entry
    return out


def _nested_text(
    dialog: FormDialog, top: dict[str, QLineEdit | QPlainTextEdit]
) -> list[QLineEdit | QPlainTextEdit]:
    """Text editors inside a row of the form (say the notes of each obstacle), with the check
    boxes beside them ticked so that their text is saved."""
    found: list[QLineEdit | QPlainTextEdit] = []
    for edit in dialog.findChildren(QLineEdit) + dialog.findChildren(QPlainTextEdit):
        parent = edit.parentWidget()
        inner = isinstance(parent, QAbstractSpinBox | QComboBox) or isinstance(edit, DateEntry)
        if inner or edit in top.values() or edit.isReadOnly():
            continue
        if not (edit.isVisibleTo(dialog) and edit.isEnabled()) or edit in dialog._fields.values():
            continue
        for box in parent.findChildren(QCheckBox):
            box.setChecked(True)
        found.append(edit)
    return found


def _data_version(path: Path) -> Callable[[], int]:
    connection = sqlite3.connect(path)

    def version() -> int:
        return int(connection.execute("PRAGMA data_version").fetchone()[0])

    return version


def _fill_valid(
    texts: dict[str, QLineEdit | QPlainTextEdit],
    start: dict[str, str],
    dates: dict[str, DateEntry],
    first_days: dict[str, date],
) -> None:
    """Every field back to a value the form accepts (what it showed, "Prov …" for empty text)."""
    for key, edit in texts.items():
        _set(edit, VALID_FORMATTED.get(key, start[key]) if key in FORMATTED else start[key])
    for key, edit in dates.items():
        edit.setDate(first_days[key])
    for first, last in PAIRS:
        if first in dates and last in dates:
            dates[last].setDate(first_days[first] + timedelta(days=30))


PAIRS = [("period_start", "period_end"), ("start", "end"), ("from_date", "to_date")]


def _messages(dialog: FormDialog) -> dict[str, str]:
    shown = {key: dialog.error_text(key) for key in dialog._fields if dialog.error_text(key)}
    if dialog.error_text():
        shown["(form)"] = dialog.error_text()
    return shown


def _refused(dialog: FormDialog, key: str, expected: str, version: Callable[[], int]) -> None:
    before = version()
    dialog.save_button.click()
    assert dialog.isVisible(), f"{type(dialog).__name__}: {key} was accepted"
    shown = dialog.error_text(key)
    assert expected in shown, (
        f"{type(dialog).__name__}.{key}: expected “{expected}” under the field, got "
        f"“{shown}”; all messages: {_messages(dialog)}"
    )
    assert version() == before, f"{type(dialog).__name__}.{key}: something was stored"
    field, focus = dialog.field(key), dialog.focusWidget()
    assert focus is field or field.isAncestorOf(focus), (
        f"{type(dialog).__name__}.{key}: the focus did not move to the field"
    )


@pytest.mark.parametrize("name", sorted(OPENERS))
def test_bad_input_is_refused_at_the_field_and_awkward_text_is_kept(
    name: str, qtbot, demo_ctx, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(name, demo_ctx, monkeypatch, qtbot)
    version = _data_version(demo_ctx.database.path)
    # QDateEdit silently corrects a typed 2026-02-30 and QTimeEdit a typed 09.00: every date
    # in a form is a DateEntry, every time a TimeEntry.
    spin_dates = dialog.findChildren(QDateTimeEdit)
    assert not spin_dates, f"{name} has a QDateEdit or QTimeEdit"
    texts = _text_fields(dialog)
    dates = _date_fields(dialog)
    assert texts or dates, f"{name} has no text or date field"
    texts = {k: e for k, e in texts.items() if (name, k) not in NOT_STORED}
    start = {
        key: _get(edit) if key in FORMATTED else _get(edit) or f"Prov {key}"
        for key, edit in texts.items()
    }
    first_days = {key: edit.checked() for key, edit in dates.items()}

    for key, edit in texts.items():
        if key in FORMATTED:
            continue
        for bad, expected in ((LONG, "högst"), (CONTROL, "styrtecken")):
            _fill_valid(texts, start, dates, first_days)
            _set(edit, bad)
            _refused(dialog, key, expected, version)
            kept = bad[: edit.maxLength()] if isinstance(edit, QLineEdit) else bad
            assert _get(edit) == kept, f"{name}.{key}: the typed text was not kept"
        if key in REQUIRED and (name, key) not in OPTIONAL:
            _fill_valid(texts, start, dates, first_days)
            _set(edit, "   ")
            _refused(dialog, key, "måste fyllas i", version)

    for key, edit in dates.items():
        for bad, expected in BAD_DATES.items():
            _fill_valid(texts, start, dates, first_days)
            edit.setText(bad)
            _refused(dialog, key, expected, version)
            assert edit.text() == bad[: edit.maxLength()]
    for first, last in PAIRS:
        if first in dates and last in dates:
            _fill_valid(texts, start, dates, first_days)
            dates[last].setDate(first_days[first] - timedelta(days=1))
            _refused(dialog, last, "före", version)

    for edit in _nested_text(dialog, texts):
        before_text = _get(edit)
        for bad in (LONG, CONTROL):
            _fill_valid(texts, start, dates, first_days)
            _set(edit, bad)
            before = version()
            dialog.save_button.click()
            assert dialog.isVisible(), f"{name}: {edit.accessibleName()} accepted {bad[:20]!r}"
            assert _messages(dialog), f"{name}: {edit.accessibleName()} refused without a word"
            assert version() == before
        _set(edit, before_text)

    _fill_valid(texts, start, dates, first_days)
    awkward = {key: edit for key, edit in texts.items() if key not in FORMATTED}
    for edit in awkward.values():
        _set(edit, AWKWARD)
    before = version()
    dialog.save_button.click()
    assert not dialog.isVisible(), (
        f"{name}: awkward but legitimate text was refused: {_messages(dialog)}"
    )
    if awkward:
        assert version() != before
        with sqlite3.connect(demo_ctx.database.path) as connection:
            dump = "\n".join(connection.iterdump())
        assert AWKWARD in dump, f"{name}: the awkward text was not stored exactly"


@pytest.mark.parametrize(
    ("bad", "expected"), [("x" * 21, "högst 20 tecken"), ("3\x07", "styrtecken")]
)
def test_a_commitments_number_is_refused_at_the_field_and_kept(
    bad: str, expected: str, qtbot, demo_ctx, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The number's own rule: a bad one is refused under the field with nothing stored and
    the text kept; a short number in any script is stored exactly."""
    dialog = open_dialog(
        "situation.agreements_dialogs.CommitmentDialog", demo_ctx, monkeypatch, qtbot
    )
    version = _data_version(demo_ctx.database.path)
    dialog.text.setPlainText(AWKWARD)
    dialog.number.setText(bad)
    _refused(dialog, "number", expected, version)
    assert dialog.number.text() == bad
    awkward_number = "3 b ש e\u0301 🚶"
    dialog.number.setText(awkward_number)
    dialog.save_button.click()
    assert not dialog.isVisible(), _messages(dialog)
    with sqlite3.connect(demo_ctx.database.path) as connection:
        stored = connection.execute(
            "SELECT number FROM commitments WHERE text = ?", (AWKWARD,)
        ).fetchall()
    assert stored == [(awkward_number,)]


# -- editors that save as the user types ----------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "bad", "expected"),
    [
        ("title", LONG, "högst"),
        ("title", CONTROL, "styrtecken"),
        ("notes", "Punkt\x1b", "styrtecken"),
        ("decisions", "x" * 20_000, "högst"),
    ],
)
def test_agenda_item_editor_shows_the_message_at_the_field_and_keeps_the_text(
    qtbot, demo_ctx, field: str, bad: str, expected: str
) -> None:
    page = _meetings_page(demo_ctx)
    qtbot.addWidget(page)
    agenda = page.agenda
    assert agenda.model.rowCount() > 0
    agenda.list.setCurrentIndex(agenda.model.index(0))
    edit = {"title": agenda.title, "notes": agenda.notes, "decisions": agenda.decisions}[field]
    _set(edit, bad)
    assert agenda.save_now() is False
    error = agenda.field_errors[field]
    assert not error.isHidden() and expected in error.text()
    assert _get(edit) == (bad[: edit.maxLength()] if isinstance(edit, QLineEdit) else bad)
    _set(edit, AWKWARD)
    assert agenda.save_now() is True
    assert error.isHidden()
    with sqlite3.connect(demo_ctx.database.path) as connection:
        assert AWKWARD in "\n".join(connection.iterdump())


def _pictures_page(ctx: Any, qtbot: Any) -> Any:
    from trygghetsrad.services.situation import pictures as situation_pictures

    page = _situation(ctx, "PicturesPage", "pictures")
    qtbot.addWidget(page)
    with ctx.database.session() as s:
        open_ = next(p for p in situation_pictures.list_pictures(s) if not p.is_frozen)
    page.select(open_.id)
    return page


@pytest.mark.parametrize(
    ("field", "bad", "expected"),
    [
        ("title", LONG, "högst"),
        ("title", CONTROL, "styrtecken"),
        ("title", "", "måste fyllas i"),
        ("period_start", "2026-02-30", "finns inte i kalendern"),
        ("period_end", "30000-01-01", "Året 30000"),
        ("period_end", "hej", "ÅÅÅÅ-MM-DD"),
        ("period_end", "1999-01-01", "före"),
    ],
)
def test_situation_picture_header_refuses_at_the_field_and_keeps_the_text(
    qtbot, demo_ctx, field: str, bad: str, expected: str
) -> None:
    page = _pictures_page(demo_ctx, qtbot)
    version = _data_version(demo_ctx.database.path)
    before = version()
    edit = {"title": page.title_edit, "period_start": page.start_edit, "period_end": page.end_edit}
    edit[field].setText(bad)
    page._on_header_changed()
    page.save_now()
    shown = page.error_text("title" if field == "title" else "period")
    assert expected in shown
    assert edit[field].text() == bad[: edit[field].maxLength()]
    assert version() == before


def test_situation_picture_texts_refuse_control_characters_at_the_field(qtbot, demo_ctx) -> None:
    page = _pictures_page(demo_ctx, qtbot)
    key, edit = next(iter(page.texts.items()))
    edit.setPlainText("Sammanfattning\x00")
    page.save_now()
    assert "styrtecken" in page.error_text(key)
    assert edit.toPlainText() == "Sammanfattning\x00"
    edit.setPlainText(AWKWARD + "\nrad två")
    page.save_now()
    assert page.error_text(key) == ""
    with sqlite3.connect(demo_ctx.database.path) as connection:
        assert AWKWARD in "\n".join(connection.iterdump())


# -- other editing forms --------------------------------------------------------------------------


@pytest.mark.parametrize(("bad", "expected"), [(LONG, "högst"), (CONTROL, "styrtecken")])
def test_wheel_ring_names_refuse_bad_text_under_the_name(
    qtbot, demo_ctx, monkeypatch: pytest.MonkeyPatch, bad: str, expected: str
) -> None:
    from trygghetsrad.ui.wheel.dialogs import CategoryDialog

    monkeypatch.setattr(CategoryDialog, "open", CategoryDialog.show)
    page = _wheel(demo_ctx)
    qtbot.addWidget(page)
    dialog = page.edit_categories()
    version = _data_version(demo_ctx.database.path)
    before = version()
    dialog.name_edit.setText(bad)
    dialog.name_edit.editingFinished.emit()
    assert expected in dialog.error.text()
    assert dialog.name_edit.text() == bad[: dialog.name_edit.maxLength()]
    assert version() == before
    # The message sits right under the name field.
    name_bottom = dialog.name_edit.geometry().bottom()
    assert 0 <= dialog.error.geometry().top() - name_bottom < 20
    dialog.name_edit.setText(AWKWARD)
    dialog.name_edit.editingFinished.emit()
    assert dialog.error.text() == ""
    with sqlite3.connect(demo_ctx.database.path) as connection:
        assert AWKWARD in "\n".join(connection.iterdump())


@pytest.mark.parametrize(
    ("bad", "expected"), [("2026-02-30", "finns inte i kalendern"), ("hej", "ÅÅÅÅ-MM-DD")]
)
def test_meeting_details_refuse_an_impossible_date_under_the_date(
    qtbot, demo_ctx, bad: str, expected: str
) -> None:
    page = _meetings_page(demo_ctx)
    qtbot.addWidget(page)
    details = page.details
    version = _data_version(demo_ctx.database.path)
    before = version()
    details.day.setText(bad)
    assert details.save() is False
    assert expected in details.field_errors["day"].text()
    assert details.day.text() == bad
    assert version() == before
