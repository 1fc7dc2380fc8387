"""The shared table stack of ui/widgets: one role enum, declarative columns, one filter proxy,
driven through a real view with mouse clicks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView

from trygghetsrad.domain.text import search_text
from trygghetsrad.ui.widgets.filter_proxy import RecordFilterProxy
from trygghetsrad.ui.widgets.record_model import Column, RecordTableModel
from trygghetsrad.ui.widgets.roles import Role
from trygghetsrad.ui.widgets.row_model import KeyedRowModel


@dataclass(frozen=True)
class Task:
    id: int
    what: str
    due: date | None
    done: bool


TASKS = [
    Task(1, "Ölkontroll vid Ängen", date(2026, 3, 1), False),
    Task(2, "Belysning i tunneln", date(2026, 1, 15), True),
    Task(3, "Åtgärda klotter", None, False),
    Task(4, "Bjuda in polisen", date(2026, 2, 10), False),
]


def _view(qtbot, model: RecordTableModel[Task]) -> tuple[QTableView, RecordFilterProxy]:  # type: ignore[no-untyped-def]
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    return view, proxy


def _model() -> RecordTableModel[Task]:
    model: RecordTableModel[Task] = RecordTableModel(
        [
            Column("Uppdrag", lambda t: t.what),
            Column(
                "Klart senast",
                lambda t: t.due.isoformat() if t.due else "",
                sort=lambda t: t.due,
            ),
            Column("Klart", lambda t: "ja" if t.done else "nej", align_right=True),
        ],
        search=lambda t: search_text(t.what),
    )
    model.set_rows(TASKS)
    return model


def _shown(view: QTableView) -> list[int]:
    model = view.model()
    return [model.index(r, 0).data(Role.KEY) for r in range(model.rowCount())]


def test_the_roles_are_distinct_and_above_user_role() -> None:
    values = [int(r) for r in Role]
    assert len(set(values)) == len(values)
    assert min(values) == int(Qt.ItemDataRole.UserRole) + 1


def test_a_header_click_sorts_swedish_and_by_date_with_blanks_first(qtbot) -> None:  # type: ignore[no-untyped-def]
    view, _proxy = _view(qtbot, _model())
    # Swedish alphabet: Å and Ö after Z.
    assert _shown(view) == [2, 4, 3, 1]
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(1) + header.sectionSize(1) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert header.sortIndicatorSection() == 1
    first = _shown(view)
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    second = _shown(view)
    assert {tuple(first), tuple(second)} == {(3, 2, 4, 1), (1, 4, 2, 3)}


def test_named_filters_and_the_query_combine(qtbot) -> None:  # type: ignore[no-untyped-def]
    view, proxy = _view(qtbot, _model())
    proxy.set_filter("open", lambda t: not t.done)
    assert sorted(_shown(view)) == [1, 3, 4]
    proxy.set_query("ängen")  # any case: finds "Ängen"
    assert _shown(view) == [1]
    proxy.set_query("angen")  # å/ä/ö are letters of their own
    assert _shown(view) == []
    proxy.set_query("")
    proxy.set_filters({"open": None, "dated": lambda t: t.due is not None})
    assert sorted(_shown(view)) == [1, 2, 4]
    assert proxy.count_without_query() == 3
    assert proxy.record_at(0).id == 2


def test_a_click_on_a_row_gives_its_record_and_right_alignment(qtbot) -> None:  # type: ignore[no-untyped-def]
    view, proxy = _view(qtbot, _model())
    index = proxy.index(1, 0)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    assert view.currentIndex().data(Role.RECORD) == TASKS[3]
    assert proxy.index(0, 2).data(Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )


def test_any_keyed_model_answers_record_and_key() -> None:
    class Plain(KeyedRowModel):
        COLUMNS = ("Uppdrag",)

        def row_data(self, record: Task, row: int, column: int, role: int) -> object:
            return record.what if role == Qt.ItemDataRole.DisplayRole else None

    model = Plain()
    model.set_rows(TASKS)
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter("late", lambda t: t.due is not None and t.due < date(2026, 2, 1))
    assert proxy.rowCount() == 1
    assert proxy.index(0, 0).data(Role.RECORD) == TASKS[1]
    assert proxy.index(0, 0).data(Role.KEY) == 2


def test_the_naming_column_takes_the_room_the_other_text_columns_leave(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A long first column beside short text columns: the columns fill the table, with
    no empty strip at the right edge and the long texts cut more than they need."""
    from trygghetsrad.ui.widgets.columns import fit_columns

    long_tasks = [
        Task(i, "Ta fram statistik över skadegörelse vid skolorna i norra delen " * 2, None, False)
        for i in range(1, 30)
    ]
    model = _model()
    model.set_rows(long_tasks)
    view, _proxy = _view(qtbot, model)
    view.resize(700, 300)
    fitter = fit_columns(view, stretch=[0, 2], primary=0)
    fitter.refit()
    header = view.horizontalHeader()
    assert header.length() >= view.viewport().width() - 2


def test_shown_rows_filter_before_the_model_like_the_proxy(qtbot) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.ui.widgets.filter_proxy import ShownRows

    model = _model()
    calls: list[tuple[int, int]] = []
    plain_row_data = model.row_data

    def counting(record, row, column, role):  # type: ignore[no-untyped-def]
        calls.append((record.id, role))
        return plain_row_data(record, row, column, role)

    model.row_data = counting  # type: ignore[method-assign]
    view = QTableView()
    view.setModel(model)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    qtbot.addWidget(view)
    rows = ShownRows(model)
    rows.set_rows(TASKS)
    assert _shown(view) == [2, 4, 3, 1]
    rows.set_filter("open", lambda t: not t.done)
    assert _shown(view) == [4, 3, 1]
    rows.set_query("ängen")
    assert _shown(view) == [1] and rows.count_without_query() == 3 and rows.total() == 4
    calls.clear()
    rows.set_query("")
    rows.set_filter("open", None)
    assert _shown(view) == [2, 4, 3, 1]
    # The sort keys of the rows that came back were kept while they were filtered out.
    view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert _shown(view) == [1, 3, 4, 2]
    assert (2, Role.SORT) not in calls


def test_record_of_no_row_is_none_not_the_last_one(qtbot) -> None:  # type: ignore[no-untyped-def]
    model: RecordTableModel[Task] = RecordTableModel([Column("Uppdrag", lambda t: t.what)])
    model.set_rows(TASKS)
    view, _proxy = _view(qtbot, model)
    assert view.currentIndex().row() == -1  # nothing chosen
    assert model.record(view.currentIndex().row()) is None
    assert model.record(len(TASKS)) is None
    assert model.record(0) == model.rows()[0]
