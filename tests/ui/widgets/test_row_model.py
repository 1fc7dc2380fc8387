"""Table models update in place: an edit keeps the selection and the scroll position, and
an unrelated row's edit repaints only that row."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

from trygghetsrad.domain.register import PersonData
from trygghetsrad.ui.register.models import PeopleModel, RecordFilterProxy
from trygghetsrad.ui.widgets.row_model import KeyedRowModel, stable_positions


@dataclass(frozen=True)
class Thing:
    id: int
    name: str


class ThingModel(KeyedRowModel):
    COLUMNS = ("Namn", "Nr")
    POSITIONAL_COLUMNS = (1,)

    def row_data(self, record: Thing, row: int, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return record.name if column == 0 else str(row + 1)
        return None


def _people(n: int) -> list[PersonData]:
    return [
        PersonData(i, f"Person {i:04d}", "Ledamot", None, "Polisen", f"p{i}@example.org", "")
        for i in range(1, n + 1)
    ]


class Recorder:
    def __init__(self, model: KeyedRowModel) -> None:
        self.events: list[tuple[str, int, int]] = []
        model.modelReset.connect(lambda: self.events.append(("reset", -1, -1)))
        model.rowsInserted.connect(lambda _p, a, b: self.events.append(("inserted", a, b)))
        model.rowsRemoved.connect(lambda _p, a, b: self.events.append(("removed", a, b)))
        model.rowsMoved.connect(lambda *args: self.events.append(("moved", args[1], args[4])))
        model.dataChanged.connect(
            lambda a, b, _r=(): self.events.append(("changed", a.row(), b.row()))
        )


def test_an_edit_of_one_row_emits_data_changed_for_that_row_only(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = PeopleModel()
    people = _people(500)
    model.set_rows(people)
    recorder = Recorder(model)
    people[321] = replace(people[321], name="Åsa Öberg")
    model.set_rows(people)
    assert recorder.events == [("changed", 321, 321)]
    assert model.index(321, 0).data() == "Åsa Öberg"
    assert model.last_update == "in place"
    model.set_rows(list(people))
    assert recorder.events == [("changed", 321, 321)]
    assert model.last_update == "unchanged"


def test_insert_remove_and_move_are_fine_grained(qtmodeltester, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = ThingModel()
    things = [Thing(i, f"sak {i}") for i in range(10)]
    model.set_rows(things)
    qtmodeltester.check(model, force_py=True)
    recorder = Recorder(model)
    # Remove two, add one in the middle, move the first to the end.
    new = [t for t in things if t.id not in (3, 4)]
    new.insert(5, Thing(99, "ny"))
    new.append(new.pop(0))
    model.set_rows(new)
    kinds = [e[0] for e in recorder.events]
    assert "reset" not in kinds
    assert ("removed", 3, 4) in recorder.events
    assert kinds.count("moved") == 1
    assert ("inserted", 4, 4) in recorder.events
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [t.name for t in new]
    # The running number follows the rows' new places.
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == [
        str(r + 1) for r in range(len(new))
    ]


@pytest.mark.parametrize("seed", range(12))
def test_random_updates_end_in_the_right_rows(qtmodeltester, qtbot, seed) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    model = ThingModel()
    model.RESET_MIN = 1000  # force the in-place path even for big shuffles
    rows = [Thing(i, f"sak {i}") for i in range(rng.randint(1, 40))]
    model.set_rows(rows)
    qtmodeltester.check(model, force_py=True)
    next_id = 1000
    for _ in range(8):
        rows = [r for r in rows if rng.random() > 0.2]
        for _ in range(rng.randint(0, 5)):
            rows.insert(rng.randint(0, len(rows)), Thing(next_id, f"ny {next_id}"))
            next_id += 1
        if rows and rng.random() < 0.5:
            rng.shuffle(rows)
        rows = [replace(r, name=r.name + "!") if rng.random() < 0.1 else r for r in rows]
        model.set_rows(rows)
        assert [model.index(r, 0).data() for r in range(model.rowCount())] == [t.name for t in rows]
        assert all(model.row_of_key(t.id) == i for i, t in enumerate(rows))


def test_everything_new_is_one_reset(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = PeopleModel()
    model.set_rows(_people(300))
    recorder = Recorder(model)
    model.set_rows([replace(p, id=p.id + 1000) for p in _people(300)])
    assert recorder.events == [("reset", -1, -1)]


def test_rows_without_identity_are_reset_not_confused(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = ThingModel()
    model.row_key = lambda record: None  # type: ignore[method-assign]
    model.set_rows([Thing(1, "a"), Thing(2, "b")])
    assert [model.index(r, 0).data() for r in range(2)] == ["a", "b"]
    model.set_rows([Thing(2, "c"), Thing(1, "d")])
    assert [model.index(r, 0).data() for r in range(2)] == ["c", "d"]


def test_stable_positions_is_a_longest_increasing_run() -> None:
    assert stable_positions([]) == set()
    assert stable_positions([0, 1, 2]) == {0, 1, 2}
    assert stable_positions([1, 2, 3, 0]) == {0, 1, 2}
    keep = stable_positions([3, 0, 1, 4, 2])
    assert len(keep) == 3 and [[3, 0, 1, 4, 2][i] for i in sorted(keep)] in ([0, 1, 4], [0, 1, 2])


def test_after_an_edit_selection_and_scroll_position_stay(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = PeopleModel()
    people = _people(2000)
    model.set_rows(people)
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    chosen = proxy.mapFromSource(model.index(model.row_of(1200), 0))
    view.selectionModel().setCurrentIndex(
        chosen,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.scrollTo(chosen, QAbstractItemView.ScrollHint.PositionAtCenter)
    scroll = view.verticalScrollBar().value()
    assert scroll > 0

    # Someone edits another person (and one is added): the list reloads from the database.
    people[40] = replace(people[40], phone="070-123 45 67")
    people.append(PersonData(5000, "Öst Nyman", "", None, "", "", ""))
    model.set_rows(people)

    assert model.last_update == "in place"
    current = proxy.mapToSource(view.currentIndex())
    assert model.record(current.row()).id == 1200
    selected = {proxy.mapToSource(i).row() for i in view.selectionModel().selectedRows()}
    assert {model.record(r).id for r in selected} == {1200}
    assert view.verticalScrollBar().value() == scroll

    # The selected person's own edit keeps the selection too.
    people[1199] = replace(people[1199], name="Person 1200 Åberg")
    model.set_rows(people)
    assert model.record(proxy.mapToSource(view.currentIndex()).row()).name == "Person 1200 Åberg"
    assert len(view.selectionModel().selectedRows()) == 1


def test_the_model_sorts_itself_and_a_reload_keeps_the_order(qtmodeltester, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = PeopleModel()
    model.set_rows(
        [
            PersonData(1, "Örjan Nilsson", "", None, "", "", ""),
            PersonData(2, "Åsa Berg", "", None, "", "", ""),
            PersonData(3, "Anna Zetterberg", "", None, "", "", ""),
            PersonData(4, "Ärla Ek", "", None, "", "", ""),
        ]
    )
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy, force_py=True)
    names = [proxy.index(r, 0).data() for r in range(4)]
    assert names == ["Örjan Nilsson", "Ärla Ek", "Åsa Berg", "Anna Zetterberg"]
    view.selectRow(1)  # Ärla Ek
    recorder = Recorder(model)
    # Åsa is renamed so that she sorts first; a new person sorts in between.
    model.set_rows(
        [
            PersonData(1, "Örjan Nilsson", "", None, "", "", ""),
            PersonData(2, "Öyvind Berg", "", None, "", "", ""),
            PersonData(3, "Anna Zetterberg", "", None, "", "", ""),
            PersonData(4, "Ärla Ek", "", None, "", "", ""),
            PersonData(5, "Bo Ek", "", None, "", "", ""),
        ]
    )
    assert "reset" not in [e[0] for e in recorder.events]
    names = [proxy.index(r, 0).data() for r in range(5)]
    assert names == ["Öyvind Berg", "Örjan Nilsson", "Ärla Ek", "Bo Ek", "Anna Zetterberg"]
    assert view.currentIndex().data() == "Ärla Ek"
    assert [i.data() for i in view.selectionModel().selectedRows()] == ["Ärla Ek"]
    proxy.set_query("ek")
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["Ärla Ek", "Bo Ek"]
