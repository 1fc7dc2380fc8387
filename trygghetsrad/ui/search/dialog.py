"""The search popup: a query field and results grouped by kind, matching words in bold."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QGuiApplication,
    QKeyEvent,
    QPainter,
    QStandardItem,
    QStandardItemModel,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from trygghetsrad.domain.search import SearchHit, SearchResult, html, plain
from trygghetsrad.i18n import plural
from trygghetsrad.ui.background import BackgroundTask, Progress, run_in_background
from trygghetsrad.ui.context import AppContext
from trygghetsrad.ui.widgets.screen import fit_to_screen
from trygghetsrad.ui.widgets.service_calls import read

HTML_ROLE = Qt.ItemDataRole.UserRole + 1
HIT_ROLE = Qt.ItemDataRole.UserRole + 2
DEBOUNCE_MS = 120
PER_KIND = 4  # hits shown per kind; the count says how many more there are


class HtmlDelegate(QStyledItemDelegate):
    """Paints an item's HTML_ROLE (bold matches, grey context) instead of its plain text."""

    def document_for(
        self,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        width: int | None = None,
    ) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(3)
        doc.setHtml(str(index.data(HTML_ROLE) or ""))
        if option.state & QStyle.StateFlag.State_Selected:
            # The grey context and excerpt are grey only on the base colour: on the
            # highlight every part takes the highlighted-text colour, bold matches kept.
            recolour = QTextCharFormat()
            recolour.setForeground(option.palette.highlightedText())
            cursor = QTextCursor(doc)
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.mergeCharFormat(recolour)
        doc.setTextWidth(max(width if width is not None else option.rect.width(), 200))
        return doc

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if not index.data(HTML_ROLE):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self.document_for(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, opt.rect.width(), opt.rect.height()))
        context = QAbstractTextDocumentLayout.PaintContext()
        if opt.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(
                context.palette.ColorRole.Text, opt.palette.highlightedText().color()
            )
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        if not index.data(HTML_ROLE):
            return super().sizeHint(option, index)
        view = self.parent()
        width = None
        if isinstance(view, QTreeView):
            width = view.viewport().width() - view.indentation() - 4
        doc = self.document_for(option, index, width)
        return QSize(int(doc.idealWidth()), int(doc.size().height()))


def hit_html(hit: SearchHit) -> str:
    parts = [html(hit.title) or "…"]
    if hit.context:
        parts.append(f'<span style="color:#5d6873;">&nbsp;·&nbsp;{html(hit.context)}</span>')
    text = "".join(parts)
    if hit.snippet:
        text += f'<br><span style="color:#3d4853;">{html(hit.snippet)}</span>'
    return text


def hit_text(hit: SearchHit) -> str:
    text = plain(hit.title).replace("\n", " · ")
    if hit.context:
        text += f" · {hit.context}"
    if hit.snippet:
        text += "\n" + plain(hit.snippet).replace("\n", " · ")
    return text


class SearchDialog(QDialog):
    """Non-modal: stays open beside the workspace while the user looks at hits, and steps
    aside when one is opened."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result: SearchResult | None = None
        # The menu bar's search field while the popup shows its results below it; None when
        # the popup has its own field (Ctrl+F).
        self.following: QLineEdit | None = None
        self._browsing = False  # the user moved into the hits (Down) from that field
        # Shown below the menu bar's field without taking the keyboard from it.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setWindowTitle(self.tr("Sök i allt"))
        self.setAccessibleName(self.tr("Sök i alla arbetsytor"))
        self.resize(700, 560)
        fit_to_screen(self)
        layout = QVBoxLayout(self)
        self.field = QLineEdit()
        self.field.setProperty("role", "search")
        self.field.setPlaceholderText(
            self.tr("Sök bland möten, beslut, åtgärder, händelser, underlag, personer…")
        )
        self.field.setAccessibleName(self.tr("Sökord"))
        self.field.setClearButtonEnabled(True)
        self.field.installEventFilter(self)
        layout.addWidget(self.field)
        self.summary = QLabel()
        self.summary.setProperty("role", "hint")
        self.summary.setAccessibleName(self.tr("Antal träffar"))
        layout.addWidget(self.summary)
        self.model = QStandardItemModel(self)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setRootIsDecorated(False)
        self.view.setItemsExpandable(False)
        self.view.setUniformRowHeights(False)
        self.view.setWordWrap(True)
        self.view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.view.setItemDelegate(HtmlDelegate(self.view))
        self.view.setAccessibleName(self.tr("Träffar, grupperade efter slag"))
        # One click opens a hit, as in any search popup; the arrow keys only move, and
        # Enter opens (eventFilter). Not `activated`: with a style that activates on a
        # single click it would come as well, and the hit would open twice.
        self.view.clicked.connect(self._on_view_activated)
        self.view.installEventFilter(self)
        layout.addWidget(self.view, 1)
        hint = QLabel(
            self.tr(
                "Klicka på en träff för att öppna den i sin arbetsyta. "
                "Pil ned till träffarna och Enter gör detsamma, Esc stänger."
            )
        )
        hint.setProperty("role", "hint")
        layout.addWidget(hint)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self._generation = 0
        self.pending: BackgroundTask | None = None
        self.field.textChanged.connect(lambda _t: self._timer.start())
        ctx.events.data_changed.connect(self._on_data_changed)

    # -- showing ---------------------------------------------------------------------------

    def follow(self, field: QLineEdit, text: str) -> None:
        """Show the results of `text` typed in `field` (the menu bar's) right below it; the
        field keeps the focus, so every letter typed goes on into it."""
        first = self.following is not field or not self.isVisible()
        self.following = field
        self._browsing = False
        self.field.hide()
        if text != self.field.text():
            self.field.setText(text)  # searches after a pause, as typing here would
        if first:
            self._accept_focus(False)  # showing it must not take the keyboard from `field`
            self._place_below(field)
            self.show()
        self._keep_focus(field)
        if first:  # a window manager may activate the new window a moment later
            QTimer.singleShot(0, lambda: self._keep_focus(field))

    def _keep_focus(self, field: QLineEdit) -> None:
        if self.following is field and not self._browsing and not field.hasFocus():
            field.window().activateWindow()
            field.setFocus()

    def _hand_back_key(self, event: QEvent) -> bool:
        """A key that reached the popup while it only shows the results of the menu bar's
        field goes on into that field, and the field gets the keyboard back.

        A platform may activate the popup when it shows (the offscreen one always does, some
        window managers too, whatever WindowDoesNotAcceptFocus says); the focus is given back
        a moment later, and a letter typed in between landed in the list of hits and was
        lost ('nttv' for 'nattv')."""
        field = getattr(self, "following", None)  # None also while __init__ runs
        if (
            field is None
            or self._browsing
            or event.type() != QEvent.Type.KeyPress
            or not isinstance(event, QKeyEvent)
        ):
            return False
        self._keep_focus(field)
        copy = QKeyEvent(
            event.type(),
            event.key(),
            event.modifiers(),
            event.text(),
            event.isAutoRepeat(),
            event.count(),
        )
        QApplication.sendEvent(field, copy)
        return True

    def event(self, event: QEvent) -> bool:
        if self._hand_back_key(event):
            return True
        if (
            event.type() == QEvent.Type.WindowActivate
            and self.following is not None
            and not self._browsing
        ):
            # Activated by the platform while following the menu bar's field (some ignore
            # WindowDoesNotAcceptFocus): give the keyboard back to the field.
            field = self.following
            QTimer.singleShot(0, lambda: self._keep_focus(field))
        return super().event(event)

    def _accept_focus(self, accept: bool) -> None:
        flag = Qt.WindowType.WindowDoesNotAcceptFocus
        if bool(self.windowFlags() & flag) == (not accept):
            return
        visible = self.isVisible()
        self.setWindowFlag(flag, not accept)  # hides the window: show it again
        if visible:
            self.show()

    def _place_below(self, field: QLineEdit) -> None:
        corner = field.mapToGlobal(field.rect().bottomRight())
        width = max(self.width(), 520)
        screen = field.screen().availableGeometry() if field.screen() else None
        left = corner.x() - width
        if screen is not None:
            left = max(screen.left(), min(left, screen.right() - width))
        self.resize(width, self.height())
        self.move(left, corner.y() + 2)

    def focus_results(self) -> None:
        """Down in the menu bar's field: into the list of hits, the first one selected."""
        if not self.is_current():
            self.search_now()
        first = self.first_hit_index()
        if first.isValid():
            self._browsing = True
            self._accept_focus(True)
            self.activateWindow()
            self.view.setFocus()
            self.view.setCurrentIndex(first)

    def open_first(self) -> None:
        """Enter in the menu bar's field: open the best hit."""
        if not self.is_current():
            self.search_now()
        first = self.first_hit_index()
        if first.isValid():
            self._on_view_activated(first)

    def present(self, text: str | None = None) -> None:
        self.following = None
        self._browsing = False
        self._accept_focus(True)
        self.field.show()
        if text is not None and text != self.field.text():
            self.field.setText(text)
            self.run_search()
        self.show()
        if QGuiApplication.platformName() != "offscreen":  # it warns that it cannot raise
            self.raise_()
            self.activateWindow()
        self.field.setFocus()
        if text is None:
            self.field.selectAll()
        else:
            self.field.end(False)

    def _on_data_changed(self, _changes: object) -> None:
        if self.isVisible() and self.field.text().strip():
            self._timer.start()

    # -- searching -------------------------------------------------------------------------

    def _query(self) -> str | None:
        self._timer.stop()
        self._generation += 1  # results of any search still running are now stale
        text = self.field.text()
        if not text.strip():
            self.result = None
            self.model.clear()
            self.summary.setText("")
            return None
        return text

    def run_search(self) -> None:
        """Search off the GUI thread (ten years of records); only the newest query is shown."""
        text = self._query()
        if text is None:
            return
        generation = self._generation
        database = self.ctx.database

        def work(_progress: Progress) -> SearchResult:
            from trygghetsrad.services import search

            # In a worker thread: a session of its own (SQLite connections are per thread), the one
            # exception to `service_calls.read`/`store`, which run on the GUI thread (ui/background.py).
            with database.session() as session:
                return search.search(session, text=text, per_kind=PER_KIND)

        def done(result: SearchResult) -> None:
            if generation == self._generation:
                self.result = result
                self._show(result)

        def failed(exc: object) -> None:
            if generation == self._generation:
                self.summary.setText(self.tr("Sökningen misslyckades: {error}").format(error=exc))

        self.pending = run_in_background(work, parent=self, on_done=done, on_error=failed)

    def search_now(self) -> None:
        """Search on the GUI thread and show the result at once (Enter, tests)."""
        from trygghetsrad.services import search

        text = self._query()
        if text is None:
            return
        self.result = read(self.ctx, lambda s: search.search(s, text=text, per_kind=PER_KIND))
        self._show(self.result)

    def is_current(self) -> bool:
        """True when the shown results belong to the text in the field."""
        return (
            not self._timer.isActive()
            and self.result is not None
            and self.result.text == self.field.text()
        )

    def _show(self, result: SearchResult) -> None:
        self.model.clear()
        if not result.groups:
            self.summary.setText(self.tr("Inga träffar för ”{text}”.").format(text=result.text))
            return
        self.summary.setText(
            self.tr("{hits} i {k} slag av poster").format(
                hits=plural(result.total, self.tr("träff"), self.tr("träffar")),
                k=len(result.groups),
            )
            if result.total != 1
            else self.tr("1 träff")
        )
        root = self.model.invisibleRootItem()
        for group in result.groups:
            shown = len(group.hits)
            label = (
                f"{group.label} ({group.total})"
                if shown == group.total
                else self.tr("{label} ({total}, de {n} bästa visas)").format(
                    label=group.label, total=group.total, n=shown
                )
            )
            header = QStandardItem(label)
            header.setSelectable(False)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            header.setAccessibleText(label)
            for hit in group.hits:
                item = QStandardItem(hit_text(hit))
                item.setData(hit_html(hit), HTML_ROLE)
                item.setData(hit, HIT_ROLE)
                item.setToolTip(hit_text(hit))
                item.setAccessibleText(f"{hit.kind_label}: {hit_text(hit)}")
                header.appendRow(item)
            root.appendRow(header)
        self.view.expandAll()

    def hits_shown(self) -> list[SearchHit]:
        result = []
        for row in range(self.model.rowCount()):
            header = self.model.item(row)
            for child in range(header.rowCount()):
                result.append(header.child(child).data(HIT_ROLE))
        return result

    def first_hit_index(self) -> QModelIndex:
        if self.model.rowCount() == 0:
            return QModelIndex()
        return self.model.index(0, 0, self.model.index(0, 0))

    # -- choosing --------------------------------------------------------------------------

    def open_hit(self, hit: SearchHit) -> None:
        # Out of the way of the record it opens (Ctrl+F brings the same search back).
        self.hide()
        self.ctx.events.open_record.emit(hit.owner)
        self.ctx.events.status_message.emit(
            self.tr("Öppnade {kind}: {title}").format(
                kind=hit.kind_label.lower(), title=plain(hit.title).replace("\n", " ")
            )
        )

    def _on_view_activated(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if isinstance(hit, SearchHit):
            self.open_hit(hit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if isinstance(watched, QTreeView) and self._hand_back_key(event):
            return True
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.field and key in (
                Qt.Key.Key_Down,
                Qt.Key.Key_Return,
                Qt.Key.Key_Enter,
            ):
                if not self.is_current():
                    self.search_now()
                first = self.first_hit_index()
                if first.isValid():
                    self.view.setFocus()
                    self.view.setCurrentIndex(first)
                    if key != Qt.Key.Key_Down:
                        self._on_view_activated(first)
                return True
            if watched is self.view and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._on_view_activated(self.view.currentIndex())
                return True
        return super().eventFilter(watched, event)
