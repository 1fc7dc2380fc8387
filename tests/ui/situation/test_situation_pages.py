"""The Lägesbild workbench pages (part 1), driven with pytest-qt on the example data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from factories_situation import fill_situation_demo
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from trygghetsrad.services.situation import indicators as situation_indicators
from trygghetsrad.services.situation import observations as situation_observations
from trygghetsrad.services.situation import pictures as situation_pictures
from trygghetsrad.services.situation import sources as situation_sources
from trygghetsrad.ui.register.models import RECORD_ROLE


@pytest.fixture
def sctx(ctx):  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        ctx.extra_ids = fill_situation_demo(s, date.today())
    return ctx


def _rows(view) -> list:  # type: ignore[no-untyped-def]
    model = view.model()
    return [model.data(model.index(r, 0), RECORD_ROLE) for r in range(model.rowCount())]


def _read(ctx, fn):  # type: ignore[no-untyped-def]
    with ctx.database.session() as s:
        return fn(s)


def test_models_pass_the_model_tester(sctx, qtmodeltester) -> None:
    from trygghetsrad.services.situation import gaps as situation_gaps
    from trygghetsrad.ui.situation.models import (
        GapsModel,
        ObservationsModel,
        PicturesModel,
        SourcesModel,
        ValuesModel,
    )

    for model_cls, loader in (
        (SourcesModel, situation_sources.list_sources),
        (GapsModel, situation_gaps.list_gaps),
        (ObservationsModel, situation_observations.list_observations),
        (PicturesModel, situation_pictures.list_pictures),
    ):
        model = model_cls()
        model.set_rows(_read(sctx, loader))
        assert model.rowCount() > 0
        qtmodeltester.check(model)
    values = ValuesModel()
    values.set_indicator(_read(sctx, situation_indicators.list_indicators)[0])
    assert values.rowCount() >= 5 and values.columnCount() >= 2
    qtmodeltester.check(values)


def test_overview_answers_the_four_questions(qtbot, sctx) -> None:
    from trygghetsrad.ui.situation.overview import OverviewPage

    page = OverviewPage(sctx)
    qtbot.addWidget(page)
    sources = page.sources_card.body.text()
    assert "Anmälda brott (Brå)" in sources and "10 tillgängliga, 1 begärt, 1 saknas" in sources
    obstacles = page.obstacles_card.body.text()
    assert "Sekretess (3)" in obstacles and "Socialtjänstens aggregerade data" in obstacles
    deliverers = page.deliverers_card.body.text()
    assert "Josef Åkesson, kommunpolis, Polisen" in deliverers
    assert "Polisens lokala lägesbild" in deliverers
    # A title says what someone is where they work: "ordförande" alone read as the
    # council's chair, not the chair of the night walkers' association.
    assert "Birgitta Lund, ordförande, Föräldrar på stan Storåker" in deliverers
    assert "Tove Lindberg, barnmorska, Region Mittland, ungdomsmottagningen" in deliverers
    missing = page.missing_card.body.text()
    assert "Analyskompetens för brottsstatistik" in missing
    assert "Ungdomsmottagningens iakttagelser" in missing and "Saknas" in missing
    assert page.picture_line.text().startswith(f"Lägesbild {date.today().year}")
    # A change elsewhere reaches the overview.
    with sctx.database.session() as s:
        changes = situation_sources.create_source(
            s, name="Ny enkät om trygghet", kind="survey"
        ).changes
    sctx.events.changed(changes)
    assert "Ny enkät om trygghet" in page.sources_card.body.text()
    assert "Ingen utsedd" in page.deliverers_card.body.text()


def test_sources_overdue_stand_out_and_search_filters(qtbot, sctx) -> None:
    from trygghetsrad.ui.situation.sources import SourcesPage

    page = SourcesPage(sctx)
    qtbot.addWidget(page)
    page.show()
    proxy = page.table.model()
    colours = {}
    for row in range(proxy.rowCount()):
        record = proxy.data(proxy.index(row, 0), RECORD_ROLE)
        colours[record.name] = proxy.data(proxy.index(row, 0), Qt.ItemDataRole.BackgroundRole)
    assert colours["Ungdomsmottagningens iakttagelser"] == QColor("#f9dcdc")
    assert colours["Anmälda brott (Brå)"] is None
    assert "saknas" in page.summary.text()
    page.search.setText("sekretess")
    names = {r.name for r in _rows(page.table)}
    assert names == {
        "Polisens lokala lägesbild",
        "Socialtjänstens aggregerade data",
        "Ungdomsmottagningens iakttagelser",
    }


def test_new_source_through_the_form_with_validation_and_undo(qtbot, sctx) -> None:
    from trygghetsrad.ui.situation.sources import SourcesPage

    page = SourcesPage(sctx)
    qtbot.addWidget(page)
    page.new_button.click()
    dialog = page.dialog
    dialog.save_button.click()
    assert "måste fyllas i" in dialog.error_text("name")
    assert dialog.isVisible()
    dialog.name.setText("Trygghetsvandring i Norrmalm")
    dialog.obstacle_checks["gdpr"].setChecked(True)
    dialog.obstacle_notes["gdpr"].setText("Foton av personer")
    dialog.save_button.click()
    assert not dialog.isVisible()
    created = [
        s
        for s in _read(sctx, situation_sources.list_sources)
        if s.name == "Trygghetsvandring i Norrmalm"
    ]
    assert created and created[0].obstacles[0].note == "Foton av personer"
    assert page.current().name == "Trygghetsvandring i Norrmalm"
    page.undo_stack.undo()
    assert "Trygghetsvandring i Norrmalm" not in {
        s.name for s in _read(sctx, situation_sources.list_sources)
    }
    page.undo_stack.redo()
    assert "Trygghetsvandring i Norrmalm" in {
        s.name for s in _read(sctx, situation_sources.list_sources)
    }


def test_mark_received_and_undo(qtbot, sctx) -> None:
    from trygghetsrad.ui.situation.sources import SourcesPage

    page = SourcesPage(sctx)
    qtbot.addWidget(page)
    source_id = sctx.extra_ids["sources"]["polis_lagesbild"]
    before = _read(sctx, lambda s: situation_sources.get_source(s, source_id))
    page.select(source_id)
    page.received_button.click()
    after = _read(sctx, lambda s: situation_sources.get_source(s, source_id))
    assert after.last_received == date.today() and after.alert(date.today()) is None
    page.undo_stack.undo()
    again = _read(sctx, lambda s: situation_sources.get_source(s, source_id))
    assert (again.last_received, again.next_expected) == (
        before.last_received,
        before.next_expected,
    )


def test_attachment_in_and_out(qtbot, sctx, tmp_path: Path) -> None:
    from trygghetsrad.ui.situation.sources import SourcesPage

    page = SourcesPage(sctx)
    qtbot.addWidget(page)
    page.select(sctx.extra_ids["sources"]["bra"])
    original = tmp_path / "Brå statistik 2026.xlsx"
    original.write_bytes(b"PK\x03\x04" + bytes(range(200)))
    page.add_attachment(str(original))
    assert page.attachments.count() == 1
    assert page.attachments.item(0).text().startswith("Brå statistik 2026.xlsx")
    out = tmp_path / "ut.xlsx"
    page.save_attachment(str(out))
    assert out.read_bytes() == original.read_bytes()


def test_picture_text_autosaves_and_presenting_freezes(qtbot, sctx) -> None:
    from trygghetsrad.ui.situation.pictures import PicturesPage

    page = PicturesPage(sctx)
    qtbot.addWidget(page)
    current = page.picture
    assert current is not None and not current.is_frozen
    page.texts["part_analysis"].setPlainText("Våldet koncentreras till centrum kvällstid.")
    assert "sparas strax" in page.saved_label.text()
    qtbot.waitUntil(lambda: "Sparat" in page.saved_label.text())
    stored = _read(sctx, lambda s: situation_pictures.get_picture(s, current.id))
    assert stored.part_analysis == "Våldet koncentreras till centrum kvällstid."

    page.present_button.click()
    dialog = page.dialog
    dialog.save_button.click()
    assert dialog.error_text("presented_to")  # a body is required
    dialog.body.setText("Kommunstyrelsen")
    dialog.save_button.click()
    frozen = _read(sctx, lambda s: situation_pictures.get_picture(s, current.id))
    assert frozen.is_frozen and frozen.presented_to == "Kommunstyrelsen"
    # Work continues in a new version, shown in the editor.
    assert page.picture.version == 2 and not page.picture.is_frozen
    page.select(current.id)
    assert page.texts["part_analysis"].isReadOnly()
    assert "låst" in page.banner.text()
    assert not page.present_button.isEnabled()


def test_report_pdf_from_the_page(qtbot, sctx, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from trygghetsrad.ui.situation.pictures import PicturesPage

    page = PicturesPage(sctx)
    qtbot.addWidget(page)
    target = tmp_path / "Lägesbild Storåker.pdf"
    with qtbot.waitSignal(page.exported, timeout=60_000):
        page.export_pdf(str(target))
    reader = PdfReader(target)
    assert len(reader.pages) >= 5
    assert reader.metadata.title == page.picture.title


def test_indicator_cell_edit_is_saved_and_undone(qtbot, sctx) -> None:
    from trygghetsrad.ui.situation.indicators import IndicatorsPage

    page = IndicatorsPage(sctx)
    qtbot.addWidget(page)
    ind_id = sctx.extra_ids["indicators"]["vald"]
    page.select(ind_id)
    model = page.values
    row = model.periods().index(str(date.today().year - 1))
    column = model.areas().index("Storåkers kommun")
    old = next(
        v.value
        for v in page.indicator.values
        if v.area == "Storåkers kommun" and v.period == model.periods()[row]
    )
    assert model.setData(model.index(row, column), "1 111,5")
    value = lambda: next(  # noqa: E731
        v.value
        for v in _read(sctx, lambda s: situation_indicators.get_indicator(s, ind_id)).values
        if v.area == "Storåkers kommun" and v.period == str(date.today().year - 1)
    )
    assert value() == 1111.5
    assert model.data(model.index(row, column)) == "1\u00a0111,5"
    page.undo_stack.undo()
    assert value() == old
    model.setData(model.index(row, column), "mycket")
    assert "inget tal" in page.message.text()
    assert value() == old


def test_add_period_then_type_a_value(qtbot, sctx) -> None:
    from trygghetsrad.ui.situation.indicators import IndicatorsPage

    page = IndicatorsPage(sctx)
    qtbot.addWidget(page)
    ind_id = sctx.extra_ids["indicators"]["kostnader"]
    page.select(ind_id)
    page.add_period("2031")
    row = page.values.periods().index("2031")
    page.values.setData(page.values.index(row, 0), "12")
    values = _read(sctx, lambda s: situation_indicators.get_indicator(s, ind_id)).values
    assert ("2031", 12.0) in {(v.period, v.value) for v in values}


def test_csv_import_from_the_page(qtbot, sctx, tmp_path: Path) -> None:
    from trygghetsrad.ui.situation.indicators import IndicatorsPage

    page = IndicatorsPage(sctx)
    qtbot.addWidget(page)
    bad = tmp_path / "fel.csv"
    bad.write_bytes(
        "indikator;område;period;värde\nLarm;Kommun;2024;3\nLarm;Kommun;2025;tre\n".encode("cp1252")
    )
    page.import_csv(str(bad))
    assert "Rad 3" in page.message.text() and "Inget har importerats" in page.message.text()
    assert "Larm" not in {i.name for i in _read(sctx, situation_indicators.list_indicators)}
    good = tmp_path / "bra.csv"
    good.write_bytes('\ufeffindikator,område,period,värde\nLarm,Kommun,2024,"3,5"\n'.encode())
    page.import_csv(str(good))
    assert "1 värde importerades" in page.message.text()
    assert page.indicator is not None and page.indicator.name == "Larm"
    page.chart.resize(500, 300)
    assert not page.chart.grab().isNull()


def test_new_observation_through_the_form(qtbot, sctx) -> None:
    from trygghetsrad.ui.situation.observations import ObservationsPage

    page = ObservationsPage(sctx)
    qtbot.addWidget(page)
    count = page.table.model().rowCount()
    page.new_button.click()
    dialog = page.dialog
    assert dialog.sizeHint().height() <= 700  # fits 1366×768 with a taskbar
    assert dialog.minimumSizeHint().height() <= 700
    dialog.title.setText("Mopedåkning på gångvägar")
    dialog.place.setText("Älvstranden")
    dialog.trend.setCurrentIndex(dialog.trend.findData("rising"))
    dialog.months.item(5).setCheckState(Qt.CheckState.Checked)
    dialog.months.item(6).setCheckState(Qt.CheckState.Checked)
    dialog.save_button.click()
    assert page.table.model().rowCount() == count + 1
    created = page.current()
    assert (created.place, created.trend, created.peak_months) == ("Älvstranden", "rising", (6, 7))
    page.delete_button.click()
    assert page.table.model().rowCount() == count
    page.undo_stack.undo()
    assert page.table.model().rowCount() == count + 1


def test_gaps_page_lists_and_edits(qtbot, sctx) -> None:
    from trygghetsrad.ui.situation.gaps import GapsPage

    page = GapsPage(sctx)
    qtbot.addWidget(page)
    assert {g.title for g in _rows(page.table)} >= {"Analyskompetens för brottsstatistik"}
    page.select(sctx.extra_ids["gaps"]["vald_nara"])
    page.edit_button.click()
    page.dialog.status.setCurrentIndex(page.dialog.status.findData("filled"))
    page.dialog.save_button.click()
    assert page.current().status == "filled"
    assert "Åtgärdad" in page.detail.text()


def test_situation_tab_builds_every_subpage(qtbot, sctx) -> None:
    from trygghetsrad.ui.situation.page import SUBPAGES, SituationPage

    tab = SituationPage(sctx)
    qtbot.addWidget(tab)
    for key in ("overview", "pictures", "sources", "indicators", "observations", "gaps"):
        assert key in {k for k, _t, _s in SUBPAGES}
        page = tab.subpage(key)
        assert page.accessibleName()


def test_deleting_a_source_can_be_undone_with_its_attachments(qtbot, sctx) -> None:
    from trygghetsrad.ui.situation.sources import SourcesPage

    page = SourcesPage(sctx)
    qtbot.addWidget(page)
    page.select(sctx.extra_ids["sources"]["polis_lagesbild"])
    page.delete_button.click()
    names = {s.name for s in _read(sctx, situation_sources.list_sources)}
    assert "Polisens lokala lägesbild" not in names
    page.undo_stack.undo()
    (restored,) = [
        s
        for s in _read(sctx, situation_sources.list_sources)
        if s.name == "Polisens lokala lägesbild"
    ]
    assert restored.attachment_count == 1
    assert [o.kind for o in restored.obstacles] == ["secrecy"]
    page.undo_stack.redo()
    assert "Polisens lokala lägesbild" not in {
        s.name for s in _read(sctx, situation_sources.list_sources)
    }


def test_a_source_in_use_is_not_deleted_and_the_reason_is_shown(qtbot, sctx, monkeypatch) -> None:
    from trygghetsrad.ui.situation.sources import SourcesPage

    page = SourcesPage(sctx)
    qtbot.addWidget(page)
    page.select(sctx.extra_ids["sources"]["bra"])  # indicators use it
    page.delete_button.click()
    assert "Anmälda brott (Brå)" in {s.name for s in _read(sctx, situation_sources.list_sources)}
    assert "indikatorer" in page.dialog.text()
    assert page.undo_stack.count() == 0


def test_return_opens_the_form_from_the_table(qtbot, sctx) -> None:
    from trygghetsrad.ui.situation.gaps import GapsPage

    page = GapsPage(sctx)
    qtbot.addWidget(page)
    page.show()
    page.select(sctx.extra_ids["gaps"]["analys"])
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.dialog is not None and page.dialog.isVisible()
    assert page.dialog.title.text() == "Analyskompetens för brottsstatistik"
    page.dialog.reject()


def test_search_hits_and_wheel_items_open_in_their_subpage(qtbot, sctx) -> None:
    from trygghetsrad.domain.calendar_items import Owner
    from trygghetsrad.ui.situation.page import SituationPage

    tab = SituationPage(sctx)
    qtbot.addWidget(tab)
    ids = sctx.extra_ids
    assert tab.open_record(Owner("situation", "data_source", ids["sources"]["avlopp"]))
    assert tab.subpage("sources").current().name == "Avloppsvattenanalys av narkotika"
    assert tab.open_record(Owner("situation", "observation", ids["observations"]["tunnel"]))
    assert tab.subpage("observations").current().title == "Otrygg gångtunnel under Storgatan"
    assert tab.open_record(Owner("situation", "gap", ids["gaps"]["unga_vuxna"]))
    assert tab.open_record(Owner("situation", "indicator", ids["indicators"]["kokain"]))
    assert tab.subpage("indicators").indicator.name == "Kokain i avloppsvatten"
    assert tab.open_record(
        Owner("situation", "situation_picture", ids["situation_pictures"]["presented"])
    )
    assert tab.subpage("pictures").picture.is_frozen
    assert not tab.open_record(Owner("situation", "data_source", 99999))


def test_typed_text_is_saved_when_the_page_is_hidden(qtbot, sctx) -> None:
    from trygghetsrad.ui.situation.pictures import PicturesPage

    page = PicturesPage(sctx)
    qtbot.addWidget(page)
    page.show()
    picture_id = page.picture.id
    page.texts["limitations"].setPlainText("Uppgifter om hedersrelaterat våld saknas.")
    page.hide()  # before the autosave timer fired
    stored = _read(sctx, lambda s: situation_pictures.get_picture(s, picture_id))
    assert stored.limitations == "Uppgifter om hedersrelaterat våld saknas."


def test_overview_stays_readable_with_many_sources(qtbot, ctx) -> None:
    from factories_situation import make_source

    from trygghetsrad.ui.situation.overview import OverviewPage

    with ctx.database.session() as s:
        for n in range(30):
            make_source(
                s,
                name=f"Enkät {n:02d}",
                kind="survey",
                status="missing" if n < 3 else "available",
                obstacles=[("secrecy", "")],
            )
    page = OverviewPage(ctx)
    qtbot.addWidget(page)
    text = page.sources_card.body.text()
    assert "3 behöver uppmärksamhet" in text
    assert "Enkät 00" in text and "Enkät 29" not in text
    assert "och 22 till" in page.obstacles_card.body.text()
    assert "Sekretess (30)" in page.obstacles_card.body.text()


def test_source_form_fits_a_small_screen_and_explains_the_delivery_state(qtbot, sctx) -> None:
    from trygghetsrad.ui.situation.sources import SourcesPage

    page = SourcesPage(sctx)
    qtbot.addWidget(page)
    page.new_button.click()
    dialog = page.dialog
    # Spara/Avbryt must stay on a 1366×768 screen with a taskbar: the form scrolls or fits.
    assert dialog.sizeHint().height() <= 700
    assert dialog.minimumSizeHint().height() <= 700
    assert dialog.height() <= 700
    assert dialog.scroll_area is not None
    form_label = dialog.form.labelForField(dialog.status.parentWidget())
    assert form_label.text() == "Tillgång"
    dialog.status.setCurrentIndex(dialog.status.findData("available"))
    dialog.next_expected.set_value(date(2020, 1, 31))
    assert dialog.delivery.text() == "Försenad – väntades 2020-01-31"
    dialog.next_expected.check.setChecked(False)
    assert dialog.delivery.text() == "Inget datum för nästa leverans"
    dialog.status.setCurrentIndex(dialog.status.findData("missing"))
    assert dialog.delivery.text() == "Saknas"
    note = dialog.obstacle_notes["reporting"]
    assert note.width() >= 220
    dialog.reject()


def test_source_columns_fit_a_1366_window_without_sideways_scrolling(qtbot, sctx) -> None:
    from trygghetsrad.ui.situation.sources import SourcesPage

    page = SourcesPage(sctx)
    qtbot.addWidget(page)
    page.resize(1340, 600)
    page.show()
    page.columns.refit()
    QApplication.processEvents()  # let the view update its scroll range
    header = page.table.horizontalHeader()
    assert header.length() <= page.table.viewport().width()
    assert page.table.horizontalScrollBar().maximum() == 0
    dates = [header.sectionSize(c) for c in (6, 7)]  # "Senast", "Nästa": whole dates
    fm = page.table.fontMetrics()
    assert all(w >= fm.horizontalAdvance("2026-12-31") for w in dates)
    # The name column is the widest text column.
    assert header.sectionSize(0) >= max(header.sectionSize(c) for c in (3, 4, 9))
