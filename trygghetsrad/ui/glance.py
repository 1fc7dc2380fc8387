"""What a tab shows in the moment between the window's first paint and its real page.

The window paints its first tab from a plain sqlite3 read (`services.glance`), before SQLAlchemy
and the page's own modules are loaded (together several times the cost of the window
itself), and builds the real page right after that paint. A glance looks like the page:
the Möten glance is the page's own list widget with the same rows in the same order, the
Register glance the page's people list; Årshjul and Lägesbild show how much they hold.
Commands that need the database are disabled in a glance, and the detail side says
"Läser in …". When the page arrives it takes the glance's place (`carry_over`: a meeting
the user already clicked stays selected, the list keeps its scroll position).

Nothing here imports SQLAlchemy or the ORM services (tests/ui/test_startup_glance.py checks it).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.i18n import plural
from trygghetsrad.services import glance

log = logging.getLogger("trygghetsrad")


def _loading_label(parent: QWidget) -> QLabel:
    label = QLabel(parent.tr("Läser in …"))
    label.setProperty("role", "hint")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setAccessibleName(parent.tr("Läser in"))
    return label


class GlanceView(QWidget):
    """A read-only stand-in for a page; `carry_over` hands what the user did to the page."""

    def carry_over(self, page: QWidget) -> None:
        """Give `page` (the real one, just built) what the user did in the glance."""


class MeetingsGlance(GlanceView):
    """The Möten list as the page shows it, with "Läser in …" where a meeting will open."""

    def __init__(self, records: list[Any], parent: QWidget | None = None) -> None:
        from trygghetsrad.ui.meetings.list_pane import MeetingListPane

        super().__init__(parent)
        self.setAccessibleName(self.tr("Möten"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        splitter = QSplitter()
        layout.addWidget(splitter)
        self.pane = MeetingListPane()
        self.pane.group_filter.addItem(self.tr("Alla grupper"), None)
        for control in (self.pane.new_button, self.pane.group_filter, self.pane.stats_button):
            control.setEnabled(False)  # they need the database; the page has them a moment later
        self.pane.model.set_rows(records)
        splitter.addWidget(self.pane)
        splitter.addWidget(_loading_label(self))
        splitter.setSizes([520, 880])  # as the page

    def carry_over(self, page: QWidget) -> None:
        chosen = self.pane.selected_id()
        scroll = self.pane.table.verticalScrollBar().value()
        if chosen is not None and hasattr(page, "select_meeting"):
            page.select_meeting(chosen)
        table = getattr(page, "table", None)
        if table is not None and chosen is None:
            table.verticalScrollBar().setValue(scroll)


class RegisterGlance(GlanceView):
    """The register's people list as the page shows it first."""

    def __init__(self, people: list[Any], counts: glance.Counts, parent: QWidget | None = None):
        from trygghetsrad.ui.register.views import PeopleView

        super().__init__(parent)
        self.setAccessibleName(self.tr("Personer och grupper"))
        nav = QListWidget()
        nav.setAccessibleName(self.tr("Delar av registret"))
        nav.setObjectName("registerNav")
        nav.setFixedWidth(190)
        nav.setStyleSheet(  # as the page's
            "#registerNav { border: none; background: transparent; font-size: 10.5pt;"
            " outline: 0; }"
            "#registerNav::item { padding: 8px 10px; border-radius: 4px; margin: 1px 0; }"
            "#registerNav::item:selected { background: #dbe7f3; color: #10212f; }"
        )
        nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        nav.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # the page decides
        names = (self.tr("Personer"), self.tr("Organisationer"), self.tr("Grupper"))
        numbers = (len(people), *(n for _label, n in counts.items))
        for name, count in zip(names, numbers, strict=True):
            nav.addItem(f"{name}  ({count})")
        nav.setCurrentRow(0)
        caption = QLabel(self.tr("Personer och grupper"))
        caption.setProperty("role", "hint")
        caption.setContentsMargins(10, 4, 0, 6)
        side = QVBoxLayout()
        side.addWidget(caption)
        side.addWidget(nav, 1)
        self.people = PeopleView()
        # Rows only: the page's card (memberships) needs the database, so "Läser in …" there.
        self.people.model.set_rows(people)
        panel = self.people.panel
        for control in [*panel.findChildren(QPushButton), *panel.findChildren(QLineEdit)]:
            control.setEnabled(False)  # they need the database; the rows can be read already
        card = self.people.card
        splitter = card.parentWidget()
        if isinstance(splitter, QSplitter):
            self.loading = _loading_label(self)  # kept: replaceWidget does not take ownership
            splitter.replaceWidget(splitter.indexOf(card), self.loading)
            card.deleteLater()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 12, 16, 12)
        layout.setSpacing(14)
        layout.addLayout(side)
        layout.addWidget(self.people, 1)


class SummaryGlance(GlanceView):
    """A workspace's heading and how much it holds, while its page loads."""

    def __init__(self, title: str, counts: glance.Counts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        heading = QLabel(title)
        heading.setProperty("role", "heading")
        layout.addWidget(heading)
        if counts:
            text = ", ".join(
                plural(n, SINGULAR.get(label, label), label) for label, n in counts.items
            )
            summary = QLabel(text[:1].upper() + text[1:] + ".")
            summary.setWordWrap(True)
            summary.setAccessibleName(self.tr("Innehåll"))
            layout.addWidget(summary)
        layout.addWidget(_loading_label(self), 1)
        self.summary = counts


def _meetings(conn: sqlite3.Connection, _parent: QWidget) -> GlanceView:
    return MeetingsGlance(glance.meetings(conn))


# The singular of each count's label (the labels below are plural).
SINGULAR: dict[str, str] = {}


def _words(parent: QWidget, pairs: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """(table, plural label) pairs for `glance.count_rows`, remembering each singular."""
    out = []
    for table, one, many in pairs:
        SINGULAR[many] = one
        out.append((table, many))
    return out


def _register(conn: sqlite3.Connection, _parent: QWidget) -> GlanceView:
    counts = glance.count_rows(conn, [("organisations", "organisationer"), ("groups", "grupper")])
    return RegisterGlance(glance.people(conn), counts)


def _wheel(conn: sqlite3.Connection, parent: QWidget) -> GlanceView:
    counts = glance.count_rows(
        conn,
        _words(
            parent,
            [
                (
                    "wheel_events",
                    parent.tr("händelse i årshjulet"),
                    parent.tr("händelser i årshjulet"),
                ),
                ("meetings", parent.tr("möte"), parent.tr("möten")),
                ("action_items", parent.tr("uppdrag"), parent.tr("uppdrag")),
            ],
        ),
    )
    return SummaryGlance(parent.tr("Årshjul"), counts)


def _situation(conn: sqlite3.Connection, parent: QWidget) -> GlanceView:
    counts = glance.count_rows(
        conn,
        _words(
            parent,
            [
                ("data_sources", parent.tr("datakälla"), parent.tr("datakällor")),
                ("indicators", parent.tr("indikator"), parent.tr("indikatorer")),
                ("observations", parent.tr("iakttagelse"), parent.tr("iakttagelser")),
                ("problems", parent.tr("problem"), parent.tr("problem")),
                ("action_plans", parent.tr("åtgärdsplan"), parent.tr("åtgärdsplaner")),
            ],
        ),
    )
    return SummaryGlance(parent.tr("Lägesbild"), counts)


GLANCES: dict[str, Callable[[sqlite3.Connection, QWidget], GlanceView]] = {
    "meetings": _meetings,
    "register": _register,
    "wheel": _wheel,
    "situation": _situation,
}


def build_glance(key: str, path: Path, parent: QWidget) -> GlanceView | None:
    """The glance of tab `key` read from `path`, or None (unknown tab, or the read failed)."""
    reader = GLANCES.get(key)
    if reader is None:
        return None
    try:
        with glance.reading(path) as conn:
            return reader(conn, parent)
    except (sqlite3.Error, ValueError) as exc:  # the page will report it properly
        log.info("No start-up glance of %s: %s", key, exc)
        return None


def loading_view(parent: QWidget) -> GlanceView:
    """A tab without a glance of its own: just "Läser in …"."""
    view = GlanceView()
    box = QVBoxLayout(view)
    box.addWidget(_loading_label(parent))
    return view
