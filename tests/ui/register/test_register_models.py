"""Every register table model and proxy passes Qt's model tester; proxies sort and filter."""

from __future__ import annotations

from datetime import date

import pytest
from demo_template import demo_copy
from PySide6.QtCore import Qt

from trygghetsrad.domain.register import GroupData, MembershipData, OrganisationData, PersonData
from trygghetsrad.services import register
from trygghetsrad.ui.register.models import (
    GroupsModel,
    MembershipsModel,
    MembershipsProxy,
    OrganisationsModel,
    PeopleModel,
    RecordFilterProxy,
)


@pytest.fixture
def data(tmp_path, tmp_path_factory):  # type: ignore[no-untyped-def]
    from trygghetsrad.db.engine import open_database

    database = open_database(demo_copy(tmp_path, tmp_path_factory))
    with database.session() as s:
        found = {
            "people": register.list_people(s),
            "organisations": register.list_organisations(s),
            "groups": register.list_groups(s),
            "memberships": register.list_memberships(s),
        }
    database.close()
    return found


CASES = [
    (PeopleModel, "people"),
    (OrganisationsModel, "organisations"),
    (GroupsModel, "groups"),
    (MembershipsModel, "memberships"),
]


@pytest.mark.parametrize(("model_class", "key"), CASES)
def test_models_pass_the_model_tester(qtmodeltester, qtbot, data, model_class, key) -> None:  # type: ignore[no-untyped-def]
    model = model_class()
    model.set_rows(data[key])
    assert model.rowCount() == len(data[key]) > 0
    qtmodeltester.check(model, force_py=True)
    model.set_rows(data[key][:1])
    assert model.rowCount() == 1


@pytest.mark.parametrize(("model_class", "key"), CASES)
def test_proxies_pass_the_model_tester(qtmodeltester, qtbot, data, model_class, key) -> None:  # type: ignore[no-untyped-def]
    model = model_class()
    model.set_rows(data[key])
    proxy = MembershipsProxy() if model_class is MembershipsModel else RecordFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(0)
    qtmodeltester.check(proxy, force_py=True)
    proxy.set_query("a")
    assert 0 < proxy.rowCount() <= model.rowCount()
    proxy.set_query("zzzzqqq")
    assert proxy.rowCount() == 0


def test_empty_models_pass_the_model_tester(qtmodeltester, qtbot) -> None:  # type: ignore[no-untyped-def]
    for model in (PeopleModel(), OrganisationsModel(), GroupsModel(), MembershipsModel()):
        qtmodeltester.check(model, force_py=True)


def _person(id_: int, name: str, org: str = "") -> PersonData:
    return PersonData(id_, name, "Ledamot", None, org, f"p{id_}@example.org", "")


def test_proxy_filters_across_columns_and_sorts_swedish(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = PeopleModel()
    model.set_rows(
        [
            _person(1, "Örjan Nilsson", "Polisen"),
            _person(2, "Åsa Berg", "Skolan"),
            _person(3, "Anna Zetterberg", "Polisen"),
            _person(4, "Ärla Ek", "Kommunen"),
        ]
    )
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(0)
    assert [proxy.index(r, 0).data() for r in range(4)] == [
        "Anna Zetterberg",
        "Åsa Berg",
        "Ärla Ek",
        "Örjan Nilsson",
    ]
    proxy.set_query("POLISEN")
    assert {proxy.index(r, 0).data() for r in range(proxy.rowCount())} == {
        "Örjan Nilsson",
        "Anna Zetterberg",
    }
    proxy.set_query("p2@example")
    assert proxy.rowCount() == 1


def test_membership_model_greys_former_members_and_proxy_hides_them(qtbot) -> None:  # type: ignore[no-untyped-def]
    today = date(2026, 11, 26)
    current = MembershipData(1, 1, "G", 1, "Nu Varande", "", "", "ledamot", date(2025, 1, 1), None)
    former = MembershipData(
        2, 1, "G", 2, "Förr Detta", "", "", "ordförande", date(2025, 1, 1), date(2025, 6, 30)
    )
    model = MembershipsModel(today=today)
    model.set_rows([current, former])
    assert model.index(0, 4).data() == "tills vidare"
    assert model.index(1, 4).data() == "2025-06-30"
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    proxy = MembershipsProxy()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == 1
    proxy.set_show_former(True)
    assert proxy.rowCount() == 2
    proxy.sort(1)
    assert proxy.index(0, 1).data() == "Ordförande"


def test_other_models_show_labels(qtbot) -> None:  # type: ignore[no-untyped-def]
    orgs = OrganisationsModel()
    orgs.set_rows([OrganisationData(1, "Räddningstjänsten", "räddningstjänst", "", 3)])
    assert orgs.index(0, 1).data() == "Räddningstjänst"
    assert orgs.index(0, 2).data() == "3"
    groups = GroupsModel()
    groups.set_rows([GroupData(1, "Klara-gruppen", "", 10)])
    assert (
        groups.headerData(1, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)
        == "Medlemmar"
    )
