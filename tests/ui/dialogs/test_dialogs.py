"""Settings, welcome and about dialogs, driven without exec()."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog, QWidget

from trygghetsrad.domain.changes import EVERYTHING, SETTINGS
from trygghetsrad.services import register, settings
from trygghetsrad.ui.dialogs.about import AboutDialog
from trygghetsrad.ui.dialogs.settings import SettingsDialog
from trygghetsrad.ui.dialogs.welcome import WelcomeDialog


def png_bytes(width: int = 60, height: int = 20) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f5a8c"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def test_settings_dialog_saves_text_and_logo(qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    logo_file = tmp_path / "Storåkers logotyp.png"
    logo_file.write_bytes(png_bytes())
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.municipality.setText("Storåkers kommun")
    dialog.coordinator_name.setText("Maja Lindqvist")
    dialog.coordinator_title.setText("Folkhälsostrateg")
    dialog.logo.load_file(logo_file)
    assert not dialog.logo.preview.pixmap().isNull()
    with qtbot.waitSignal(ctx.events.data_changed) as signal:
        dialog.save_button.click()
    assert signal.args[0].touches(SETTINGS)
    assert not dialog.isVisible()
    with ctx.database.session() as s:
        saved = settings.load(s)
    assert saved.municipality == "Storåkers kommun"
    assert saved.coordinator_title == "Folkhälsostrateg"
    assert saved.logo == logo_file.read_bytes()

    again = SettingsDialog(ctx)
    qtbot.addWidget(again)
    assert again.municipality.text() == "Storåkers kommun"
    assert again.logo.remove_button.isEnabled()
    again.logo.remove_button.click()
    assert again.logo.preview.text() == "Ingen logotyp"
    again.save_button.click()
    with ctx.database.session() as s:
        assert settings.load(s).logo is None


@pytest.mark.qt_log_ignore("libpng")
def test_settings_dialog_refuses_a_bad_logo_with_a_swedish_message(  # type: ignore[no-untyped-def]
    qtbot, ctx, tmp_path: Path, monkeypatch
) -> None:
    fake = tmp_path / "bild.png"
    fake.write_bytes(b"\x89PNG\r\n\x1a\ninte alls en bild")
    gif = tmp_path / "bild.gif"
    gif.write_bytes(b"GIF89a" + b"\x00" * 20)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.open()
    for path, message in ((gif, "måste vara en PNG- eller JPEG-bild"), (fake, "kan vara skadad")):
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, p=path, **k: (str(p), ""))
        dialog.logo.choose_button.click()
        assert message in dialog.error_text("logo")
        assert dialog.logo.logo is None
    dialog.municipality.setText("x" * 10_000)
    dialog.save_button.click()
    assert "högst 200 tecken" in dialog.error_text("municipality")
    assert dialog.isVisible()


def test_welcome_fills_example_data_and_tells_the_pages(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    dialog = WelcomeDialog(window, ctx)
    qtbot.addWidget(dialog)
    dialog.open()
    assert "Storåkers kommun" in dialog.example_button.description()
    with qtbot.waitSignal(ctx.events.data_changed) as signal:
        dialog.example_button.click()
    assert signal.args[0].touches(EVERYTHING, "register")
    assert dialog.filled and not dialog.isVisible()
    with ctx.database.session() as s:
        assert len(register.list_people(s)) >= 15


def test_welcome_can_start_empty(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    dialog = WelcomeDialog(window, ctx)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.empty_button.click()
    assert not dialog.filled and not dialog.isVisible()
    with ctx.database.session() as s:
        assert register.is_empty(s)


def test_about_shows_version_paths_and_licences(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad import __version__
    from trygghetsrad.paths import log_file, resource

    db_path = tmp_path / "Trygghetsråd öppen.sqlite"
    dialog = AboutDialog(db_path)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.db_label.text() == str(db_path)
    assert dialog.log_label.text() == str(log_file())
    summary = dialog.summary.toPlainText()
    assert __version__ in summary
    for name, lic in (
        ("Trygghetsråd", "GPL-3.0-or-later"),
        ("PySide6", "LGPL-3.0-only"),
        ("SQLAlchemy", "MIT"),
        ("Alembic", "MIT"),
        ("ReportLab", "BSD-3-Clause"),
        ("Liberation Sans", "OFL-1.1"),
    ):
        assert name in summary and lic in summary
    texts = []
    for index in range(dialog.licence_choice.count()):
        dialog.licence_choice.setCurrentIndex(index)
        texts.append((dialog.licence_choice.currentText(), dialog.licence_view.toPlainText()))
    by_title = dict(texts)
    assert "GNU GENERAL PUBLIC LICENSE" in by_title["Trygghetsråd (GPL-3.0-or-later)"]
    assert "SIL OPEN FONT LICENSE Version 1.1" in by_title["Liberation Sans (typsnitt) (OFL-1.1)"]
    # Every licence text shipped with the app is listed and readable in the dialog.
    from trygghetsrad.licenses import third_party_licences

    assert len(texts) == len(third_party_licences()) + 1
    for (_title, text), (_name, _lic, path) in zip(texts[1:], third_party_licences(), strict=True):
        assert text == path.read_text(encoding="utf-8")
    shipped = {p.name for p in resource("licenses").glob("*.txt")}
    listed = {path.name for _n, _l, path in third_party_licences()}
    assert shipped <= listed | {"GPL-3.0.txt"}
