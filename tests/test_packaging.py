"""The frozen build's recipe, checked without building (the build itself: packaging/smoke-test.sh).

A file the spec forgets is missing only from the frozen program, which no other test runs;
these tests catch that (and a missing licence, a second version number, an icon size) fast.
"""

from __future__ import annotations

import ast
import glob
import json
import os
import re
import struct
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

import trygghetsrad
from trygghetsrad import __version__, paths
from trygghetsrad.__main__ import main
from trygghetsrad.licenses import DISTRIBUTIONS, app_licence, third_party_licences

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "trygghetsrad"
RESOURCES = ROOT / "resources"  # shipped inside the package, as trygghetsrad/resources/
SPEC = ROOT / "packaging" / "trygghetsrad.spec"


def spec_value(name: str):  # type: ignore[no-untyped-def]
    """A literal assigned at the top level of the spec (read, never executed)."""
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == name:
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} is not assigned in {SPEC.name}")


def bundled_files() -> dict[Path, str]:
    """Every file the spec's DATA_GLOBS put in the bundle, with its destination folder."""
    files: dict[Path, str] = {}
    for pattern, dest in spec_value("DATA_GLOBS"):
        for match in glob.glob(str(ROOT / pattern)):
            if Path(match).is_file():
                files[Path(match).resolve()] = dest
    return files


def package_files(folder: Path) -> list[Path]:
    return sorted(
        p.resolve()
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    )


def test_every_migration_is_a_data_file_at_its_package_path() -> None:
    bundled = bundled_files()
    migrations = PKG / "db" / "migrations"
    expected = [migrations / "env.py", migrations / "script.py.mako"]
    expected += sorted((migrations / "versions").glob("*.py"))
    assert len(expected) > 2
    for path in expected:
        assert path.resolve() in bundled, f"{path.relative_to(ROOT)} is not shipped"
        # Alembic finds them through the package ("trygghetsrad.db:migrations").
        assert bundled[path.resolve()] == path.parent.relative_to(ROOT).as_posix()


def test_every_resource_is_shipped_at_its_package_path() -> None:
    bundled = bundled_files()
    resources = package_files(RESOURCES)
    assert any(p.suffix == ".ttf" for p in resources)
    missing = [p.relative_to(ROOT) for p in resources if p not in bundled]
    assert not missing, f"not in DATA_GLOBS of {SPEC.name}: {missing}"
    for path in resources:
        assert bundled[path] == "trygghetsrad/" + path.parent.relative_to(ROOT).as_posix()


def test_every_data_glob_matches_something() -> None:
    for pattern, _dest in spec_value("DATA_GLOBS"):
        assert glob.glob(str(ROOT / pattern)), f"{pattern} matches nothing"


def test_no_qt_module_the_app_imports_is_excluded() -> None:
    excluded = set(spec_value("QT_EXCLUDES"))
    used: set[str] = set()
    for path in PKG.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6."):
                used.add(node.module.split(".")[1])
            elif isinstance(node, ast.ImportFrom) and node.module == "PySide6":
                used.update(alias.name for alias in node.names)
            elif isinstance(node, ast.Import):
                used.update(
                    a.name.split(".")[1] for a in node.names if a.name.startswith("PySide6.")
                )
    assert {"QtCore", "QtGui", "QtWidgets"} <= used
    wrongly = sorted(m for m in used if f"PySide6.{m}" in excluded)
    assert not wrongly, f"the spec excludes Qt modules the app imports: {wrongly}"


def test_only_swedish_and_english_qt_translations_are_kept() -> None:
    assert set(spec_value("KEEP_TRANSLATIONS")) == {"_sv.qm", "_en.qm"}


def test_version_command_prints_the_one_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"Trygghetsråd {__version__}"


def test_the_version_is_written_in_one_place_only() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" in pyproject["project"]["dynamic"]
    assert "version" not in pyproject["project"]
    assert pyproject["tool"]["hatch"]["version"] == {"path": "trygghetsrad/__init__.py"}
    # The installer and the build scripts read it; none of them hardcodes it.
    iss = (ROOT / "packaging" / "windows" / "trygghetsrad.iss").read_text(encoding="utf-8-sig")
    assert "AppVersion={#AppVersion}" in iss
    for path in [
        ROOT / "packaging" / "windows" / "trygghetsrad.iss",
        ROOT / "packaging" / "windows" / "build.ps1",
        ROOT / "packaging" / "build-linux.sh",
        SPEC,
    ]:
        assert __version__ not in path.read_text(encoding="utf-8-sig"), path.name


def test_installer_is_per_user_without_admin_rights() -> None:
    iss = (ROOT / "packaging" / "windows" / "trygghetsrad.iss").read_text(encoding="utf-8-sig")
    settings = dict(
        line.split("=", 1) for line in iss.splitlines() if re.match(r"^[A-Za-z]+=", line)
    )
    assert settings["PrivilegesRequired"] == "lowest"
    assert settings["DefaultDirName"].startswith("{autopf}")  # {userpf} when per-user
    assert "[Icons]" in iss and "{group}" in iss and "{uninstallexe}" in iss
    assert "dist\\trygghetsrad\\*" in iss


def test_every_runtime_dependency_has_its_licence_shipped() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    components = {name: path for name, _licence, path in third_party_licences()}
    for requirement in pyproject["project"]["dependencies"]:
        distribution = re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].lower()
        distribution = distribution.replace("_", "-")
        assert distribution in DISTRIBUTIONS, f"no licence listed for {distribution}"
        component = DISTRIBUTIONS[distribution]
        assert component in components, f"{distribution}: {component} is not listed"


def test_every_listed_licence_text_exists_and_is_shipped() -> None:
    bundled = bundled_files()
    entries = [*third_party_licences(), app_licence()]
    names = [name for name, _licence, _path in entries]
    assert len(names) == len(set(names))
    for name, licence, path in entries:
        assert licence, name
        assert path.is_file(), f"{name}: {path} is missing"
        assert len(path.read_text(encoding="utf-8").strip()) > 200, f"{name}: {path} is too short"
        assert path.resolve() in bundled, f"{name}: {path} is not in the build"


def test_qt_is_under_the_lgpl_with_its_conditions_explained() -> None:
    by_name = {name: (licence, path) for name, licence, path in third_party_licences()}
    licence, notice = by_name["Qt 6, PySide6 och Shiboken6"]
    assert licence.startswith("LGPL-3.0")
    text = notice.read_text(encoding="utf-8")
    assert "LGPL-3.0.txt" in text and "replace" in text and "source" in text
    lgpl = paths.resource("licenses", "LGPL-3.0.txt").read_text(encoding="utf-8")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in lgpl and "Version 3" in lgpl


def test_the_apps_own_licence_is_the_gpl_3_or_later() -> None:
    name, licence, path = app_licence()
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = pyproject["project"]["license"]
    declared = declared["text"] if isinstance(declared, dict) else declared
    assert licence == declared == "GPL-3.0-or-later"
    text = path.read_text(encoding="utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in text and "Version 3, 29 June 2007" in text
    assert (ROOT / "LICENSE").read_text(encoding="utf-8") == text


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def test_icons_exist_at_every_size_the_window_asks_for() -> None:
    from trygghetsrad.app import ICON_SIZES

    icons = RESOURCES / "icons"
    for size in ICON_SIZES:
        assert png_size(icons / f"trygghetsrad-{size}.png") == (size, size)
    ico = (icons / "trygghetsrad.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    sizes = {(ico[6 + 16 * i] or 256) for i in range(count)}
    assert {16, 32, 48, 256} <= sizes
    svg = (icons / "trygghetsrad.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg


def test_desktop_entry_names_the_icon_and_the_program() -> None:
    entry = (ROOT / "packaging" / "linux" / "trygghetsrad.desktop").read_text(encoding="utf-8")
    fields = dict(line.split("=", 1) for line in entry.splitlines() if "=" in line)
    assert fields["Name"] == "Trygghetsråd"
    assert fields["Icon"] == "trygghetsrad"
    assert fields["Exec"] == "trygghetsrad"
    assert fields["Type"] == "Application"
    assert fields["Terminal"] == "false"


def test_resources_are_found_in_the_source_tree_and_in_a_frozen_bundle(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A source checkout (and an editable install): the top-level folder beside the package.
    unfrozen = paths.resource("fonts", "LiberationSans-Regular.ttf")
    assert unfrozen == Path(trygghetsrad.__file__).resolve().parent.parent.joinpath(
        "resources", "fonts", "LiberationSans-Regular.ttf"
    )
    assert unfrozen.is_file()
    # PyInstaller's onedir sets sys._MEIPASS to the _internal folder, where the spec puts
    # the package's files and the resources under trygghetsrad/ (the destinations checked
    # above).
    (tmp_path / "trygghetsrad" / "resources" / "fonts").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resource("fonts", "LiberationSans-Regular.ttf") == (
        tmp_path / "trygghetsrad" / "resources" / "fonts" / "LiberationSans-Regular.ttf"
    )
    assert paths.package_dir() == tmp_path / "trygghetsrad"


def test_the_built_wheel_carries_the_resources_and_the_installed_program_finds_them(
    tmp_path: Path,
) -> None:
    from trygghetsrad.app import ICON_SIZES

    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
        + ["--wheel-dir", str(tmp_path / "wheel"), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=110,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "wheel").glob("trygghetsrad-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
    inside = {f"trygghetsrad/{p.relative_to(ROOT).as_posix()}" for p in package_files(RESOURCES)}
    assert not inside - names, f"missing from the wheel: {sorted(inside - names)}"
    for size in ICON_SIZES:
        assert f"trygghetsrad/resources/icons/trygghetsrad-{size}.png" in names
    for style in ("Regular", "Bold", "Italic", "BoldItalic"):
        assert f"trygghetsrad/resources/fonts/LiberationSans-{style}.ttf" in names
    assert "trygghetsrad/db/migrations/script.py.mako" in names
    assert not any(n.startswith("resources/") for n in names)  # no top-level folder

    # Installed (unpacked as pip would), the package reads its own copy of the resources.
    probe = (
        "import json, trygghetsrad\n"
        "from trygghetsrad import paths\n"
        "from trygghetsrad.licenses import app_licence, third_party_licences\n"
        "files = [paths.resource('fonts', 'LiberationSans-Regular.ttf'),\n"
        "         paths.resource('icons', 'trygghetsrad-48.png'),\n"
        "         *(path for _name, _licence, path in [app_licence(), *third_party_licences()])]\n"
        "print(json.dumps({'package': trygghetsrad.__file__,\n"
        "                  'files': [[str(f), f.is_file()] for f in files]}))\n"
    )
    site = tmp_path / "site"
    run = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(site)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout)
    assert Path(found["package"]).is_relative_to(site)
    assert len(found["files"]) > 10
    for path, exists in found["files"]:
        assert Path(path).is_relative_to(site / "trygghetsrad" / "resources"), path
        assert exists, path


def test_holiday_names_the_wheel_needs_are_shipped() -> None:
    """holidays reads Swedish names with gettext; no PyInstaller hook collects the .mo files."""
    import holidays

    patterns = dict(spec_value("THIRD_PARTY_DATA"))
    package_dir = Path(holidays.__file__).parent
    shipped = {
        Path(p).relative_to(package_dir).as_posix() for p in package_dir.glob(patterns["holidays"])
    }
    assert "locale/sv/LC_MESSAGES/SE.mo" in shipped
    # The names come from exactly those files (a frozen build without them crashed).
    table = holidays.country_holidays("SE", years=2026, language="sv")
    assert "Juldagen" in table.values()
