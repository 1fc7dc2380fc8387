"""Table columns that fit the view: short columns get their contents' width, the text
columns share what is left, and nothing scrolls sideways at 1366 px. Cut text is elided
with "…" and its full text shown as a tooltip."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel, QAbstractProxyModel, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QToolTip

from trygghetsrad.ui.widgets.sort_arrows import arrow_points_along, points_along

TEXT_PADDING = 12
# A column is not made narrower than its header's text (up to this width), so that headers
# stay readable ("Indikator", not "Indikato…"); a longer header is elided, full text as tooltip.
HEADER_FLOOR_MAX = 120
# A wrapped text column is not made narrower than its longest word (up to this width), so
# that wrapping never cuts a word; measured over the first rows only, to stay quick.
WORD_FLOOR_MAX = 200
WORD_SAMPLE_ROWS = 200


def _shrink_to(widths: list[int], target: int, minimum: int | Sequence[int]) -> list[int]:
    """Lower the widest columns first ("water filling") until the total is `target`;
    no column goes below its `minimum` (one for all, or one per column)."""
    if not widths or sum(widths) <= target:
        return widths
    floors = [minimum] * len(widths) if isinstance(minimum, int) else list(minimum)
    lowest = min(floors, default=0)
    if sum(min(w, f) for w, f in zip(widths, floors, strict=True)) > target:
        floors = [lowest] * len(widths)  # the floors don't fit: none beats the others
    level = max(widths)
    pairs = list(zip(widths, floors, strict=True))
    while level > lowest and sum(min(w, max(level, f)) for w, f in pairs) > target:
        level -= 4
    return [min(w, max(level, f)) for w, f in pairs]


class ColumnFitter(QObject):
    """Keeps the columns of `view` fitted; refits when the model or the view's width changes.

    `stretch` are the columns with running text: they take the room left over, in
    proportion to their content. Other columns get their content width, at most `max_width`.
    A list filtered before its model (`filter_proxy.ShownRows`) passes `follow_rows=False`
    and calls `measure_later()` when new data arrives: a filter change then keeps the
    widths (measuring again cost ~0.3 s on 10,000 rows and made the columns jump).
    `sample_rows` caps the rows measured per column (Qt's default is 1,000).

    Measuring while a filter hides rows sees only the rows shown: a column would shrink to
    them (or to its header, when none is shown) and stay cut ("Klart 202…") once the filter
    is cleared. So a measurement of a subset only widens the columns. `partial` says whether
    the view shows a subset now; by default, whether a filter proxy hides rows of its data.
    """

    def __init__(
        self,
        view: QTableView,
        stretch: Sequence[int],
        *,
        max_width: int = 240,
        min_width: int = 56,
        stretch_min: int = 80,
        rows_to_contents: bool = False,
        primary: int | None = None,
        primary_share: float = 0.34,
        follow_rows: bool = True,
        sample_rows: int | None = None,
        partial: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.stretch = tuple(stretch)
        self.max_width = max_width
        self.min_width = min_width
        self.stretch_min = stretch_min
        self.rows_to_contents = rows_to_contents
        # The column that names the row keeps up to `primary_share` of the text room.
        self.primary = primary
        self.primary_share = primary_share
        self._natural: list[int] = []
        self._stale = True
        self._partial = partial or self._proxy_hides_rows
        self._header_floor: list[int] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refit)
        header = view.horizontalHeader()
        if not points_along(header):  # ▲ for ascending, in every list alike
            arrow_points_along(header)
        header.setStretchLastSection(False)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        if sample_rows is not None:
            header.setResizeContentsPrecision(sample_rows)  # what sizeHintForColumn reads
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Compared by identity in eventFilter, which also runs while the view is destroyed.
        self._viewport = view.viewport()
        self._viewport.installEventFilter(self)
        self._header_viewport = header.viewport()
        self._header_viewport.installEventFilter(self)
        view.installEventFilter(self)
        model = view.model()
        if model is not None and follow_rows:
            model.modelReset.connect(self.measure_later)
            # Behind a filter proxy, listen to the data itself: typing in a search field
            # removes and inserts rows of the proxy, and measuring every column again on
            # each keystroke cost ~40 ms and made the columns jump while typing.
            data = model.sourceModel() if isinstance(model, QAbstractProxyModel) else None
            data = data if data is not None else model
            if data is not model:
                data.modelReset.connect(self.measure_later)
            data.rowsInserted.connect(self.measure_later)
            data.layoutChanged.connect(self._on_layout_changed)
            data.dataChanged.connect(self.measure_later)

    def _on_layout_changed(self, _parents: object = None, hint: object = None) -> None:
        # A sort only reorders the same rows: measuring every column again (and every
        # row's height) made each click on a header of a long list stall for ~100 ms.
        if hint != QAbstractItemModel.LayoutChangeHint.VerticalSortHint:
            self.measure_later()

    def measure_later(self, *_: object) -> None:
        self._stale = True
        self._timer.start()

    def _proxy_hides_rows(self) -> bool:
        model = self.view.model()
        data = model.sourceModel() if isinstance(model, QAbstractProxyModel) else None
        return data is not None and model.rowCount() < data.rowCount()

    def _measure(self) -> list[int]:
        view, header = self.view, self.view.horizontalHeader()
        model = view.model()
        count = model.columnCount() if model is not None else 0
        widths = []
        self._header_floor = []
        for column in range(count):
            content = view.sizeHintForColumn(column) if model.rowCount() else 0
            label = header.sectionSizeHint(column)
            widths.append(max(content, label, 16))
            floor = min(label, HEADER_FLOOR_MAX)
            if self.rows_to_contents and view.wordWrap() and column in self.stretch:
                floor = max(floor, self._longest_word(column))
            self._header_floor.append(floor)
        return widths

    def _longest_word(self, column: int) -> int:
        """The width of the column's longest word (of the first rows): a wrapped column
        narrower than that would cut the word ("lokalpoliso…") however tall its rows."""
        model, metrics = self.view.model(), self.view.fontMetrics()
        words = {
            word
            for row in range(min(model.rowCount(), WORD_SAMPLE_ROWS))
            for word in str(model.index(row, column).data() or "").split()
        }
        widest = max((metrics.horizontalAdvance(w) for w in words), default=0)
        return min(widest + TEXT_PADDING, WORD_FLOOR_MAX)

    def _floor(self, column: int, minimum: int) -> int:
        floors = self._header_floor
        return max(minimum, floors[column]) if column < len(floors) else minimum

    def refit(self) -> None:
        header = self.view.horizontalHeader()
        if self._stale or len(self._natural) != header.count():
            measured = self._measure()
            if self._partial() and len(self._natural) == len(measured):
                measured = [max(a, b) for a, b in zip(self._natural, measured, strict=True)]
            self._natural, self._stale = measured, False
        natural = self._natural
        available = self._available()
        if not natural or available <= 0:
            return
        visible = [c for c in range(len(natural)) if not header.isSectionHidden(c)]
        stretch = [c for c in visible if c in self.stretch]
        fixed = [c for c in visible if c not in self.stretch]
        widths = self._fixed_widths(fixed, stretch, available)
        rest = available - sum(widths.values())
        if stretch:
            wanted = [natural[c] for c in stretch]
            widths.update(zip(stretch, self._text_shares(stretch, wanted, rest), strict=True))
        elif rest > 0 and fixed:  # no text column: the widest column takes the slack
            widest = max(fixed, key=lambda c: widths[c])
            widths[widest] += rest
        for column in visible:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, max(widths[column], 16))
        if self.rows_to_contents:
            self.view.resizeRowsToContents()

    def _available(self) -> int:
        """The width the columns may fill."""
        view = self.view
        available = view.viewport().width() - 2
        scrollbar = view.verticalScrollBar()
        if self.rows_to_contents and not scrollbar.isVisible():
            # Rows that grow to their contents may bring the vertical scroll bar; keep its
            # room, or the last column would end up under the edge.
            available -= view.style().pixelMetric(
                QStyle.PixelMetric.PM_ScrollBarExtent, None, scrollbar
            )
        return available

    def _fixed_widths(self, fixed: list[int], stretch: list[int], available: int) -> dict[int, int]:
        """Content widths of the short columns, shrunk if the text columns need the room."""
        natural = self._natural
        fixed_widths = [min(natural[c], self.max_width) for c in fixed]
        floor = min(self.min_width, *fixed_widths) if fixed_widths else self.min_width
        room_for_text = sum(min(natural[c], self.stretch_min) for c in stretch)
        fixed_widths = _shrink_to(
            fixed_widths,
            available - room_for_text,
            [min(w, self._floor(c, floor)) for c, w in zip(fixed, fixed_widths, strict=True)],
        )
        return dict(zip(fixed, fixed_widths, strict=True))

    def _text_shares(self, stretch: list[int], wanted: list[int], rest: int) -> list[int]:
        """The widths of the text columns in the room `rest` the short ones left."""
        total = sum(wanted) or 1
        if total <= rest:  # everything fits: hand out the spare room proportionally
            shares = [w + (rest - total) * w // total for w in wanted]
            shares[-1] += rest - sum(shares)  # the rounding remainder
            return shares
        if self.primary not in stretch:
            return _shrink_to(wanted, rest, [self._floor(c, self.min_width) for c in stretch])
        at = stretch.index(self.primary)
        keep = min(wanted[at], max(int(rest * self.primary_share), self.min_width))
        others = wanted[:at] + wanted[at + 1 :]
        floors = [self._floor(c, self.min_width) for c in stretch if c != self.primary]
        # Readable headers first: the naming column gives up room for them if needed.
        least = self._floor(self.primary, self.min_width)
        keep = max(
            least,
            min(keep, rest - sum(min(w, f) for w, f in zip(others, floors, strict=True))),
        )
        shares = _shrink_to(others, rest - keep, floors)
        # The other text columns may need less than they were offered: the rest is the
        # naming column's (it wants more than there is, or all would have fitted).
        shares.insert(at, max(keep, rest - sum(shares)))
        return shares

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind in (QEvent.Type.Resize, QEvent.Type.Show) and watched is self.view:
            self._timer.start()
        elif kind == QEvent.Type.Resize and watched is self._viewport:
            # The vertical scroll bar came or went (rows arrived): the room changed.
            self._timer.start()
        elif kind == QEvent.Type.ToolTip and watched is self._viewport:
            return self._tooltip(event)  # type: ignore[arg-type]
        elif kind == QEvent.Type.ToolTip and watched is self._header_viewport:
            return self._header_tooltip(event)  # type: ignore[arg-type]
        return False

    def _header_tooltip(self, event: QHelpEvent) -> bool:
        """Show the full text of a header that is elided."""
        header = self.view.horizontalHeader()
        section = header.logicalIndexAt(event.pos())
        model = self.view.model()
        if section < 0 or model is None:
            return False
        if model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole):
            return False
        text = model.headerData(section, Qt.Orientation.Horizontal)
        if not isinstance(text, str) or header.sectionSize(section) >= header.sectionSizeHint(
            section
        ):
            return False
        QToolTip.showText(event.globalPos(), text, self._header_viewport)
        return True

    def _tooltip(self, event: QHelpEvent) -> bool:
        """Show the full text of a cut cell when the model has no tooltip of its own."""
        index = self.view.indexAt(event.pos())
        if not index.isValid() or index.data(Qt.ItemDataRole.ToolTipRole):
            return False
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or not text:
            return False
        needed = self.view.fontMetrics().horizontalAdvance(text) + TEXT_PADDING
        if needed <= self.view.visualRect(index).width() and "\n" not in text:
            return False
        QToolTip.showText(event.globalPos(), text, self.view.viewport())
        return True


class EvenColumns(QObject):
    """Columns of equal standing, such as an indicator's areas: each is as wide as its header
    and values need, and the spare room is shared evenly. When they do not fit, the view
    scrolls sideways rather than cutting an area's name or a number."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refit)
        view.installEventFilter(self)
        model = view.model()
        if model is not None:
            for signal in (model.modelReset, model.dataChanged, model.headerDataChanged):
                signal.connect(self._timer.start)

    def refit(self) -> None:
        view, header = self.view, self.view.horizontalHeader()
        model = view.model()
        if model is None or not header.count():
            return
        natural = [
            max(header.sectionSizeHint(c), view.sizeHintForColumn(c) if model.rowCount() else 0)
            for c in range(header.count())
        ]
        spare = max(0, view.viewport().width() - 2 - sum(natural))
        for column, width in enumerate(natural):
            extra = spare // len(natural) + (1 if column < spare % len(natural) else 0)
            header.resizeSection(column, width + extra)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.view and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._timer.start()
        return False


def fit_columns(view: QTableView, stretch: Sequence[int], **options: object) -> ColumnFitter:
    """Attach a `ColumnFitter` to `view` (see there) and fit the columns now."""
    fitter = ColumnFitter(view, stretch, **options)  # type: ignore[arg-type]
    fitter.refit()
    return fitter
