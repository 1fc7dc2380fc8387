"""Pieces shared by the cause-analysis, action-plan, follow-up and agreement pages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QUndoCommand
from PySide6.QtWidgets import QComboBox, QMenu, QMessageBox, QPushButton, QWidget

from trygghetsrad.domain.action_plan import LIGHT_COLOURS, Light, TrafficLight, has_light
from trygghetsrad.domain.changes import Changes
from trygghetsrad.errors import UserError
from trygghetsrad.ui.context import AppContext

_ICONS: dict[str, QIcon] = {}


def qtr(text: str) -> str:
    """Translate a string of the action-plan pages where no widget exists yet (dialog titles)."""
    return QCoreApplication.translate("ActionPlan", text)


def light_icon(light: Light | str, size: int = 14) -> QIcon:
    """A round traffic-light icon; a blank one when the status is not judged (no verdict)."""
    key = f"{light}:{size}"
    if key not in _ICONS:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        if not has_light(light):
            _ICONS[key] = QIcon(pixmap)
            return _ICONS[key]
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(LIGHT_COLOURS[Light(light)]))
        painter.setPen(QColor("#55606c"))
        painter.drawEllipse(1, 1, size - 2, size - 2)
        painter.end()
        _ICONS[key] = QIcon(pixmap)
    return _ICONS[key]


def status_html(status: str, light: TrafficLight) -> str:
    """'● Pågår – Pågår enligt plan'; without a dot (and without repeating itself) when the
    status has not been judged."""
    from html import escape

    text = f"<b>{escape(status)}</b>"
    if light.reason and light.reason != status:
        text += f" – {escape(light.reason)}"
    if has_light(light.light):
        text = f"<span style='color:{light.colour}'>●</span> " + text
    return f"<p>{text}</p>"


def run(ctx: AppContext, parent: QWidget | None, fn: Callable[[Any], Any]) -> Any:
    """Run `fn(session)`; announce what changed; show a user error instead of raising it.

    Returns what `fn` returned, or None when it failed with a user error.
    """
    try:
        with ctx.database.session() as session:
            result = fn(session)
    except UserError as exc:
        QMessageBox.warning(parent, parent.tr("Det gick inte") if parent else "", str(exc))
        return None
    changes = getattr(result, "changes", result)
    if isinstance(changes, Changes):
        ctx.events.changed(changes)
    return result


def read(ctx: AppContext, fn: Callable[[Any], Any]) -> Any:
    with ctx.database.session() as session:
        return fn(session)


class ServiceCommand(QUndoCommand):
    """An undoable edit made through services: `do(session)` and `undo(session)`.

    The first redo happens when the command is pushed. If the service refuses (a user
    error), the message is shown and the command becomes obsolete.
    """

    def __init__(
        self,
        ctx: AppContext,
        parent_widget: QWidget | None,
        text: str,
        do: Callable[[Any], Any],
        undo: Callable[[Any], Any],
    ) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.widget = parent_widget
        self._do = do
        self._undo = undo
        self.failed = False
        self.result: Any = None

    def redo(self) -> None:
        result = run(self.ctx, self.widget, self._do)
        if result is None:
            self.failed = True
            self.setObsolete(True)
        self.result = result

    def undo(self) -> None:
        run(self.ctx, self.widget, self._undo)


def fill_combo(
    combo: QComboBox,
    items: list[tuple[Any, str]],
    current: Any = None,
    none_text: str | None = None,
) -> None:
    combo.blockSignals(True)
    combo.clear()
    if none_text is not None:
        combo.addItem(none_text, None)
    for value, text in items:
        combo.addItem(text, value)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(0, index))
    combo.blockSignals(False)


def iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def parse_number(text: str) -> float | None:
    """'12,5' or '12.5' → 12.5; '' → None; raises ValueError on anything else."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if not cleaned:
        return None
    return float(cleaned)


def push_create(
    ctx: AppContext,
    stack: Any,
    widget: QWidget | None,
    text: str,
    create: Callable[[Any], Any],
    delete: Callable[[Any, int], Any],
) -> None:
    """Validate `create` (rolled back), then push it as an undoable command.

    Raises the service's UserError so that a form dialog can show it under its field; the
    undo deletes the record, a redo creates it again (with a new id).
    """
    with ctx.database.session() as session:
        create(session)
        session.rollback()
    state: dict[str, int] = {}

    def do(session: Any) -> Any:
        result = create(session)
        state["id"] = result.id
        return result

    def undo(session: Any) -> Any:
        return delete(session, state["id"])

    stack.push(ServiceCommand(ctx, widget, text, do, undo))


def attach_export_menu(button: QPushButton, on_export: Callable[[bool], None]) -> QMenu:
    """A PDF button whose menu chooses between the copy for distribution and the internal one."""
    menu = QMenu(button)
    public = menu.addAction(button.tr("För spridning (utan interna uppgifter)…"))
    public.triggered.connect(lambda: on_export(False))
    internal = menu.addAction(button.tr("Med interna uppgifter…"))
    internal.triggered.connect(lambda: on_export(True))
    button.setMenu(menu)
    return menu


def push_change(
    ctx: AppContext,
    stack: Any,
    widget: QWidget | None,
    text: str,
    do: Callable[[Any], Any],
    undo: Callable[[Any], Any],
) -> None:
    """Validate `do` (rolled back) so a dialog can show the error, then push it undoably."""
    with ctx.database.session() as session:
        do(session)
        session.rollback()
    stack.push(ServiceCommand(ctx, widget, text, do, undo))
