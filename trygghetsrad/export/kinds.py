"""Every export once: its kind, what it is called, its file suffix and the function that
renders it. The window's export menus and save dialogs and the command line's `export`
commands all read this table, so a new export, or a new suffix, is added in one place.

`render(document, **options)` takes the domain object the services build (a
`MeetingDocument`, a `WheelDocument`, ...) and returns the file's bytes. The renderers are
imported when first used: reportlab, Pillow and openpyxl are never loaded at start-up.
The one export made differently in the window is the wheel as PNG, which the window paints
with Qt (`ui/wheel/render.wheel_png_qt`) where the command line has no Qt.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from trygghetsrad.i18n import tr

PDF = tr("PDF-dokument (*.pdf)")
PDF_SHORT = tr("PDF (*.pdf)")
EML = tr("E-postutkast (*.eml)")
ICS = tr("Kalenderfil (*.ics)")


@dataclass(frozen=True)
class ExportKind:
    key: str  # stable: the window's and the command line's name for it
    label: str  # what the document is called: "Kallelse" (save dialogs)
    menu: str  # the entry in the window's export menu, without the closing "…"
    suffix: str  # ".pdf"
    file_filter: str  # the save dialog's filter
    render: Callable[..., bytes]  # document (and options, e.g. include_internal) -> bytes
    help: str = ""  # the command line's description, where a command makes only this kind


def _lazy(module: str, function: str) -> Callable[..., bytes]:
    """The renderer `function` of `module`, imported on the first call."""

    def render(document: Any, **options: Any) -> bytes:
        found: Callable[..., bytes] = getattr(importlib.import_module(module), function)
        return found(document, **options)

    render.__name__ = function
    return render


def _email(document: Any, *, notice: bool) -> bytes:
    """An e-mail draft to the members with the minutes (or the notice) attached."""
    from trygghetsrad.export.meetings.eml import draft_eml

    attached = EXPORTS["notice" if notice else "minutes"].render(document)
    return draft_eml(document, attached, notice=notice)


def _xlsx(sheet: Any) -> bytes:
    from trygghetsrad.export.spreadsheets import xlsx_bytes

    return xlsx_bytes([sheet])


_MEETINGS = "trygghetsrad.export.meetings"

_KINDS = (
    # A meeting (`services.meetings.document.meeting_document`; the invitation from
    # `services.meetings.invitations.invitation`).
    ExportKind(
        "minutes",
        tr("Protokoll"),
        tr("Protokoll / anteckningar (PDF)"),
        ".pdf",
        PDF,
        _lazy(f"{_MEETINGS}.minutes_pdf", "minutes_pdf"),
        tr("protokoll eller minnesanteckningar som PDF"),
    ),
    ExportKind(
        "notice",
        tr("Kallelse"),
        tr("Kallelse (PDF)"),
        ".pdf",
        PDF,
        _lazy(f"{_MEETINGS}.notice_pdf", "notice_pdf"),
        tr("kallelse med dagordning som PDF"),
    ),
    ExportKind(
        "email",
        tr("E-postutkast"),
        tr("E-postutkast med protokollet"),
        ".eml",
        EML,
        lambda document: _email(document, notice=False),
        tr("e-postutkast (.eml) med PDF:en bifogad"),
    ),
    ExportKind(
        "email_notice",
        tr("E-postutkast med kallelse"),
        tr("E-postutkast med kallelsen"),
        ".eml",
        EML,
        lambda document: _email(document, notice=True),
    ),
    ExportKind(
        "invite",
        tr("Kalenderinbjudan"),
        tr("Kalenderinbjudan (.ics)"),
        ".ics",
        ICS,
        _lazy(f"{_MEETINGS}.ics", "invitation_ics"),
        tr("kalenderinbjudan (.ics)"),
    ),
    # Chosen items of finalised minutes: render(document, indices=[…]) (all items without).
    ExportKind(
        "extract",
        tr("Protokollsutdrag"),
        tr("Protokollsutdrag (PDF)"),
        ".pdf",
        PDF,
        _lazy(f"{_MEETINGS}.extract_pdf", "extract_pdf"),
        tr("protokollsutdrag med valda punkter som PDF"),
    ),
    # The annual wheel (`services.wheel.extra.wheel_document`), with include_internal=.
    ExportKind(
        "wheel_pdf",
        tr("Affisch A3"),
        tr("Affisch A3 (PDF)"),
        ".pdf",
        PDF_SHORT,
        _lazy("trygghetsrad.export.wheel.poster", "wheel_poster_pdf"),
    ),
    ExportKind(
        "wheel_png",
        tr("Bild (PNG)"),
        tr("Bild (PNG)"),
        ".png",
        tr("PNG-bild (*.png)"),
        _lazy("trygghetsrad.export.wheel.png", "wheel_png"),
    ),
    ExportKind(
        "wheel_svg",
        tr("Bild (SVG)"),
        tr("Bild (SVG)"),
        ".svg",
        tr("SVG-bild (*.svg)"),
        _lazy("trygghetsrad.export.wheel.svg", "wheel_svg"),
    ),
    ExportKind(
        "wheel_ics",
        tr("Kalenderfil"),
        tr("Kalenderfil för Outlook (.ics)"),
        ".ics",
        ICS,
        _lazy("trygghetsrad.export.wheel.ics", "wheel_ics"),
        tr("årets händelser som kalenderfil (.ics)"),
    ),
    # The action plan (`services.situation.followup`, `services.situation.agreements`) and the situation picture
    # (`services.situation.pictures.build_report`).
    ExportKind(
        "plan",
        tr("Åtgärdsplan"),
        tr("Åtgärdsplan (PDF)"),
        ".pdf",
        PDF,
        _lazy("trygghetsrad.export.situation.action_plan", "render_plan"),
        tr("åtgärdsplanen som PDF för beslut"),
    ),
    ExportKind(
        "followup",
        tr("Uppföljning"),
        tr("Uppföljning (PDF)"),
        ".pdf",
        PDF,
        _lazy("trygghetsrad.export.situation.action_plan_followup", "render_followup"),
        tr("årlig uppföljning av åtgärdsplanen som PDF"),
    ),
    ExportKind(
        "agreement",
        tr("Överenskommelse"),
        tr("Överenskommelse (PDF)"),
        ".pdf",
        PDF,
        _lazy("trygghetsrad.export.situation.action_plan_agreement", "render_agreement"),
        tr("samverkansöverenskommelse eller medborgarlöfte som PDF"),
    ),
    ExportKind(
        "situation",
        tr("Lägesbild"),
        tr("Lägesbild (PDF)"),
        ".pdf",
        PDF_SHORT,
        _lazy("trygghetsrad.export.situation.report", "render_situation_report"),
        tr("lägesbilden som PDF"),
    ),
    # Tables (`export.spreadsheets.Sheet`: actions, attendance, measures, indicators).
    ExportKind(
        "xlsx",
        tr("Excel"),
        tr("Excel (.xlsx)"),
        ".xlsx",
        tr("Excel-arbetsbok (*.xlsx)"),
        _xlsx,
    ),
    ExportKind(
        "csv",
        tr("CSV"),
        tr("CSV (.csv)"),
        ".csv",
        tr("CSV-fil (*.csv)"),
        _lazy("trygghetsrad.export.spreadsheets", "csv_bytes"),
    ),
)

EXPORTS: dict[str, ExportKind] = {kind.key: kind for kind in _KINDS}

MEETING_EXPORTS = ("minutes", "notice", "email", "email_notice", "invite", "extract")
WHEEL_EXPORTS = ("wheel_pdf", "wheel_png", "wheel_svg", "wheel_ics")
WHEEL_IMAGES = ("wheel_pdf", "wheel_png", "wheel_svg")  # `export wheel`, by the file's suffix
SPREADSHEET_FORMATS = ("xlsx", "csv")


def by_suffix(keys: Iterable[str], suffix: str) -> ExportKind | None:
    """The kind among `keys` whose files end in `suffix` (".PNG" as ".png"), or None."""
    return next((EXPORTS[k] for k in keys if EXPORTS[k].suffix == suffix.lower()), None)


def suffixes_text(keys: Iterable[str]) -> str:
    """The suffixes of `keys` for a message: ".pdf, .png eller .svg"."""
    found = [EXPORTS[k].suffix for k in keys]
    return (
        found[0]
        if len(found) == 1
        else tr("{some} eller {last}").format(some=", ".join(found[:-1]), last=found[-1])
    )
