"""Exporting a meeting from the GUI (off the GUI thread) and the preview before exporting."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.internal import is_internal
from trygghetsrad.domain.meetings.document import (
    GROUP_END,
    MeetingDocument,
    item_facts,
    next_meeting_line,
)
from trygghetsrad.domain.meetings.model import ItemKind
from trygghetsrad.export.kinds import EXPORTS
from trygghetsrad.i18n import tr
from trygghetsrad.ui.background import run_in_background, write_file
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.widgets.screen import fit_to_screen
from trygghetsrad.ui.widgets.service_calls import read, store


def build_document(
    ctx: AppContext, meeting_id: int, include_internal: bool, *, with_files: bool = False
) -> MeetingDocument:
    from trygghetsrad.services.meetings.document import meeting_document

    return read(
        ctx,
        lambda s: meeting_document(
            s, meeting_id, include_internal=include_internal, with_files=with_files
        ),
    )


def default_name(kind: str, doc: MeetingDocument) -> str:
    what = {"notice": "Kallelse", "email_notice": "Kallelse", "invite": "Möte"}.get(kind)
    return doc.file_stem(what) + EXPORTS[kind].suffix


def ask_path(parent: QWidget, kind: str, doc: MeetingDocument) -> Path | None:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    label = EXPORTS[kind].label
    if kind == "minutes":
        label = doc.meeting.kind.label  # "Minnesanteckningar" or "Protokoll"
    path, _ = QFileDialog.getSaveFileName(
        parent,
        parent.tr("Spara {what}").format(what=label.lower()),
        str(Path(folder or ".") / default_name(kind, doc)),
        EXPORTS[kind].file_filter,
    )
    return Path(path) if path else None


def export_to(
    parent: QWidget,
    ctx: AppContext,
    kind: str,
    meeting_id: int,
    include_internal: bool,
    path: Path,
    on_done: Callable[[Path], None],
) -> Any:
    """Build the document on the GUI thread (cheap), render and write in the background."""
    if kind == "invite":
        return write_invitation(parent, ctx, meeting_id, path, on_done)
    # An e-mail draft carries the attachments' files beside the PDF.
    with_files = EXPORTS[kind].suffix == ".eml"
    doc = build_document(ctx, meeting_id, include_internal, with_files=with_files)
    return write_in_background(parent, kind, doc, path, on_done)


def write_in_background(
    parent: QWidget, kind: str, doc: MeetingDocument, path: Path, on_done: Callable[[Path], None]
) -> Any:
    def work(_progress: Any) -> Path:
        data = EXPORTS[kind].render(doc)  # reportlab is imported here, never at start-up
        # All at once, never over the database; a failure is a UserError naming the file.
        return write_file(path, data)

    return run_in_background(work, parent=parent, on_done=on_done)


def write_invitation(
    parent: QWidget, ctx: AppContext, meeting_id: int, path: Path, on_done: Callable[[Path], None]
) -> Any:
    """The meeting request (or cancellation), its SEQUENCE recorded as issued; a meeting
    without an organizer address or attendees is refused with a message box."""

    def work(_progress: Any) -> Path:
        from trygghetsrad.services.meetings.invitations import invitation

        # Records the SEQUENCE it issues; announced by no one (only the invitation reads it).
        request = store(
            ctx,
            lambda s: invitation(s, meeting_id, record=not ctx.database.read_only),
            announce=False,
        )
        data = EXPORTS["invite"].render(request)
        return write_file(path, data)

    return run_in_background(work, parent=parent, on_done=on_done)


def open_file(path: Path) -> bool:
    """Open `path` in the program the system uses for it; False when none could be started."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


def confirm_recipients(parent: QWidget, doc: MeetingDocument) -> bool:
    """Before an e-mail draft is written: say who on the list has no e-mail address (and will
    not receive it). True = write the draft anyway."""
    if not doc.without_address:
        return True
    names = "\n".join(f"• {name}" for name in doc.without_address)
    if doc.recipients:
        text = parent.tr(
            "De här saknar e-postadress i registret och kommer inte med som mottagare:\n\n"
            "{names}\n\nSkriva e-postutkastet ändå? Du kan lägga till adresserna under "
            "Register och exportera igen."
        ).format(names=names)
    else:
        text = parent.tr(
            "Ingen på mötets lista har en e-postadress i registret, så utkastet får ingen "
            "mottagare:\n\n{names}\n\nSkriva e-postutkastet ändå?"
        ).format(names=names)
    box = QMessageBox(
        QMessageBox.Icon.Warning, parent.tr("Mottagare saknar e-post"), text, parent=parent
    )
    write = box.addButton(parent.tr("Skriv utkastet"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(parent.tr("Avbryt"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is write


def open_draft(parent: QWidget, path: Path) -> bool:
    """Open a written .eml in the mail program; when that fails, say so on screen and offer
    to open the file's folder instead. True = the mail program opened it."""
    if open_file(path):
        return True
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        parent.tr("E-postprogrammet kunde inte öppnas"),
        parent.tr(
            "Utkastet är sparat som {name} i mappen\n{folder}\n\nmen inget e-postprogram "
            "kunde öppna det. Öppna filen från mappen, eller dra den till Outlook."
        ).format(name=path.name, folder=path.parent),
        parent=parent,
    )
    folder = box.addButton(parent.tr("Öppna mappen"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(parent.tr("Stäng"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(folder)
    box.exec()
    if box.clickedButton() is folder:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
    return False


# -- preview --------------------------------------------------------------------------------


def preview_html(doc: MeetingDocument) -> str:
    """The minutes as simple HTML, laid out like the PDF, for the preview window: the same
    sections in the same order (head, attendance, follow-up, items, signatures, files, the
    list of actions)."""
    parts = _head_html(doc) + _attendance_html(doc)
    if doc.followup_section:
        parts.append(f"<h3>{escape(tr('Uppföljning av uppdrag från tidigare möten'))}</h3>")
        parts += _followup_html(doc)
    for index, (item, kind) in enumerate(zip(doc.items, doc.headings(), strict=True)):
        if kind == GROUP_END:
            parts.append("<hr>")
        elif kind:
            parts.append(f"<h2 style='color:#1f5c99'>{escape(kind)}</h2>")
        parts += _item_html(doc, index, item)
    parts += _signatures_html(doc)
    if doc.attachments:  # the list the PDF ends with
        parts.append(f"<h3>{escape(tr('Bilagor'))}</h3>")
        parts += [f"<p>{escape(a.line)}</p>" for a in doc.attachments]
    parts += _action_list_html(doc)
    return "\n".join(parts)


def _action_list_html(doc: MeetingDocument) -> list[str]:
    """The "Uppdragslista" the PDF ends with when many actions were given (`action_list`)."""
    actions = doc.action_list()
    if not actions:
        return []
    head = "".join(
        f"<th align='left'>{escape(title)}</th>"
        for title in (tr("Uppdrag"), tr("Ansvarig"), tr("Klart senast"))
    )
    rows = "".join(
        f"<tr><td>{escape(a.what)}{_tag(is_internal(a))}</td>"
        f"<td>{escape(a.responsible or '–')}</td><td>{escape(a.due_label)}</td></tr>"
        for a in actions
    )
    return [
        f"<h3>{escape(tr('Uppdragslista'))}</h3>",
        f"<table width='100%' cellpadding='3'><tr>{head}</tr>{rows}</table>",
    ]


def _head_html(doc: MeetingDocument) -> list[str]:
    """Municipality, kind, groups, the draft note, when and where, a revision."""
    parts = [
        f"<p style='color:#5b6670'>{escape(doc.municipality)}</p>",
        f"<h1>{escape(doc.meeting.kind.label)}</h1>",
        f"<p style='color:#5b6670;font-size:large'>{escape(doc.groups_label)}</p>",
        *(
            [f"<p style='color:#a4262c'><b>{escape(doc.draft_note.upper())}</b></p>"]
            if doc.is_draft
            else []
        ),
    ]
    # The rows the PDF prints under its title, from the same function.
    rows = [f"<b>{escape(label)}:</b> {escape(text)}" for label, text in doc.head_rows()]
    parts.append("<p>" + "<br>".join(rows) + "</p>")
    return parts


def _attendance_html(doc: MeetingDocument) -> list[str]:
    parts = []
    for label, people in doc.attendance_groups():  # the order of the settings, as the PDF
        lines = "<br>".join(_attendee_html(doc, p) for p in people)
        parts.append(f"<p><b>{escape(label)}:</b><br>{lines}</p>")
    return [f"<h3>{escape(tr('Närvaro'))}</h3>", *parts] if parts else []


def _item_html(doc: MeetingDocument, index: int, item: Any) -> list[str]:
    """One agenda item as the PDF prints it: heading, facts, text, notes, its follow-up or
    next meetings, the proposal, decisions, actions, a reference and its files."""
    heading = f"{doc.number(index)} {item.title}".strip()
    parts = [f"<h3>{escape(heading)}{_tag(item.internal)}</h3>"]
    facts = item_facts(item, grouped=doc.meeting.group_by_category)
    if facts:
        parts.append(f"<p style='color:#5b6670'>{escape(' · '.join(facts))}</p>")
    if item.papers_later:
        parts.append(f"<p><i>{escape(tr('Handlingar kommer senare.'))}</i></p>")
    parts += [f"<p>{escape(p.strip())}</p>" for p in item.body.split("\n\n") if p.strip()]
    parts += _notes_html(item)
    if item.kind is ItemKind.FOLLOWUP:
        parts += _followup_html(doc) or [
            f"<p><small>{escape(tr('Inga öppna uppdrag att följa upp.'))}</small></p>"
        ]
    if item.kind is ItemKind.NEXT_MEETING:
        parts += [f"<p>{escape(next_meeting_line(nm))}.</p>" for nm in doc.next_meetings]
    return parts + _outcome_html(doc, item)


def _outcome_html(doc: MeetingDocument, item: Any) -> list[str]:
    """What an item came to: the proposal, the decisions, the actions, a reference, files."""
    parts = []
    for index, paragraph in enumerate(p.strip() for p in item.proposal.split("\n\n")):
        if not paragraph:
            continue
        text = escape(paragraph).replace("\n", "<br>")
        label = f"<b>{escape(tr('Förslag till beslut'))}:</b> " if index == 0 else ""
        parts.append(f"<p>{label}{text}</p>")
    label = tr("Beslut") if doc.is_protocol else tr("Beslutades")  # as the PDF words it
    for decision in item.decisions:
        parts.append(
            f"<p><b>{escape(label)}:</b> {escape(decision.text)}{_tag(decision.internal)}</p>"
        )
    for action in item.actions:
        due = f", senast {action.due_label}" if action.due_date else ""
        parts.append(
            f"<p>→ <i>Uppdrag:</i> {escape(action.what)}{_tag(is_internal(action))} – "
            f"{escape(action.responsible or '–')}{due}</p>"
        )
    if doc.reference(item):
        parts.append(f"<p><i>{escape(doc.reference(item))}</i></p>")
    parts += [f"<p style='color:#5b6670'>{escape(a.line)}</p>" for a in doc.item_attachments(item)]
    return parts


def _tag(internal: bool) -> str:
    return " <span style='color:#a4262c'>[intern]</span>" if internal else ""


def _signatures_html(doc: MeetingDocument) -> list[str]:
    """The signatures as the PDF prints them: each label with the name named for it."""
    m = doc.meeting
    if doc.is_protocol:
        blank = "<i>" + escape(tr("(ej angiven)")) + "</i>"
        cells = "".join(
            f"<td style='padding-right:40px'><b>{escape(label)}</b><br><br><br>"
            f"{escape(name) if name else blank}</td>"
            for label, name in doc.signers()
        )
        parts = [f"<h3>{escape(tr('Underskrifter'))}</h3>", f"<table><tr>{cells}</tr></table>"]
        if doc.justering_line:
            parts.append(f"<p><small>{escape(doc.justering_line)}</small></p>")
        return parts
    signer = escape(m.secretary_name) or "<i>" + escape(tr("Antecknare ej angiven")) + "</i>"
    if m.secretary_title:
        signer += ", " + escape(m.secretary_title)  # as written, like the PDF
    return [f"<p><b>Vid pennan</b><br>{signer}</p>"]


def _attendee_html(doc: MeetingDocument, person: Any) -> str:
    """The PDF's attendance line: name, role, title, organisation, part attended, note."""
    name, detail, span, note = doc.attendee_parts(person)
    line = f"<b>{escape(name)}</b>" + (f", {escape(detail)}" if detail else "")
    if span:
        line += f" ({escape(span)})"
    return line + (f" – <i>{escape(note)}</i>" if note else "")


def _notes_html(item: Any) -> list[str]:
    """Bullets as a list, running text as paragraphs, in the order they were written."""
    parts: list[str] = []
    in_list = False
    for note in item.notes:
        mark = " <span style='color:#a4262c'>[intern]</span>" if note.internal else ""
        if note.paragraph:
            if in_list:
                parts.append("</ul>")
                in_list = False
            parts.append(f"<p>{escape(note.text)}{mark}</p>")
            continue
        if not in_list:
            parts.append("<ul>")
            in_list = True
        style = f"margin-left:{note.level * 20}px"
        parts.append(f"<li style='{style}'>{escape(note.text)}{mark}</li>")
    if in_list:
        parts.append("</ul>")
    return parts


def _followup_html(doc: MeetingDocument) -> list[str]:
    """Each action followed up: what, who, since when and its state that day, a comment."""
    parts = []
    for action in doc.followup:
        since = f", {tr('givet')} {action.since.isoformat()}" if action.since else ""
        state = doc.followup_status(action)  # as the PDF says it
        said = tr("Kommentar: {text}").format(text=action.comment)
        comment = f"<br><i>{escape(said)}</i>" if action.comment else ""
        parts.append(
            f"<p>• {escape(action.what)}{_tag(is_internal(action))} – "
            f"{escape(action.responsible or '–')} ({escape(state + since)}){comment}</p>"
        )
    return parts


class PreviewDialog(QDialog):
    def __init__(self, doc: MeetingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Förhandsgranskning – {title}").format(title=doc.meeting.title))
        self.setAccessibleName(self.tr("Förhandsgranskning"))
        self.resize(760, 860)
        fit_to_screen(self)  # a 1366x768 laptop has less height than that
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(
            self.tr("Förhandsgranskning av protokollet")
            if doc.is_protocol
            else self.tr("Förhandsgranskning av minnesanteckningarna")
        )
        self.browser.setHtml(preview_html(doc))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Stäng"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
