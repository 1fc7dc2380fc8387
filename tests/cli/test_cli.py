"""The command line: --version, demo, list, new and damaged databases, and the GUI smoke start."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from demo_template import demo_copy

from trygghetsrad import __version__
from trygghetsrad.cli import build_parser, main
from trygghetsrad.db import revisions

DEMO_DATE = "2026-11-26"


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run `python -m trygghetsrad ARGS` the way a user would, offscreen for the GUI."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    env.pop("TRYGGHETSRAD_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "trygghetsrad", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=timeout,
        check=False,
    )


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _versions(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {row[0] for row in conn.execute("SELECT version_num FROM alembic_version")}


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"Trygghetsråd {__version__}"
    assert result.stderr == ""


def test_demo_then_list_people_organisations_and_groups(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "Ny mapp" / "exempel.sqlite")
    (tmp_path / "Ny mapp").mkdir()
    assert main(["--db", db, "demo", "--date", DEMO_DATE]) == 0
    assert "Exempeldata har lagts in" in capsys.readouterr().out

    assert main(["--db", db, "list", "people", "--json"]) == 0
    people = json.loads(capsys.readouterr().out)
    assert len(people) >= 15
    assert all(
        {"id", "name", "title", "organisation_name", "email", "phone"} <= p.keys() for p in people
    )
    assert len({p["organisation_id"] for p in people}) >= 6
    assert len({p["id"] for p in people}) == len(people)
    assert any(p["name"] == "Jonas Öberg" for p in people)

    assert main(["--db", db, "list", "people"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(people)
    assert lines[0].split("\t")[0] == people[0]["name"]

    assert main(["--db", db, "list", "organisations", "--json"]) == 0
    orgs = json.loads(capsys.readouterr().out)
    assert len(orgs) >= 6
    assert {"kommun", "polis", "skola", "socialtjänst", "räddningstjänst", "bostadsbolag"} <= {
        o["kind"] for o in orgs
    }

    assert main(["--db", db, "list", "groups", "--json"]) == 0
    groups = {g["name"]: g for g in json.loads(capsys.readouterr().out)}
    assert {"Trygghetsrådet", "Klara-gruppen"} <= groups.keys()
    assert groups["Trygghetsrådet"]["member_count"] >= 5


def test_demo_refuses_a_database_with_data(tmp_path: Path, tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    db = demo_copy(tmp_path, tmp_path_factory)
    before = _digest(db)
    result = run("--db", str(db), "demo")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "innehåller redan data" in result.stderr
    assert "Traceback" not in result.stderr
    assert _digest(db) == before


def test_a_path_that_does_not_exist_becomes_a_new_database_only_when_writing(  # type: ignore[no-untyped-def]
    tmp_path: Path, capsys
) -> None:
    db = tmp_path / "ännu inte skapad.sqlite"
    assert main(["--db", str(db), "list", "groups", "--json"]) == 2
    assert "finns inte" in capsys.readouterr().err
    assert not db.exists()
    assert main(["--db", str(db), "demo"]) == 0
    assert _versions(db) == set(revisions.heads())
    capsys.readouterr()
    assert main(["--db", str(db), "list", "groups", "--json"]) == 0
    assert "Trygghetsrådet" in [g["name"] for g in json.loads(capsys.readouterr().out)]


def _commands_needing_only_a_database() -> list[list[str]]:
    """Every command (from the parser) that runs with no further arguments, plus the lists."""
    parser = build_parser()
    top = next(a for a in parser._actions if a.dest == "command")
    found = [["list", "people"], ["list", "organisations"], ["list", "groups"]]
    for name in top.choices:  # type: ignore[union-attr]
        try:
            parser.parse_args([name])
        except SystemExit:
            continue
        found.append([name])
    return found


def test_random_bytes_database_every_command_exits_2_and_file_unchanged(  # type: ignore[no-untyped-def]
    tmp_path: Path, capsys
) -> None:
    db = tmp_path / "skräp.sqlite"
    db.write_bytes(os.urandom(8192))
    before = _digest(db)
    commands = _commands_needing_only_a_database()
    capsys.readouterr()  # the parser's own probing output
    assert ["demo"] in commands
    for command in commands:
        code = main(["--db", str(db), *command])
        err = capsys.readouterr().err
        assert code == 2, command
        assert err.count("\n") == 1 and err.startswith("trygghetsrad: "), (command, err)
        assert "Traceback" not in err
        if command[0] in ("demo", "list"):
            assert "ingen Trygghetsråd-databas" in err
        assert _digest(db) == before, command
    assert sorted(p.name for p in tmp_path.iterdir()) == ["skräp.sqlite"]


def test_random_bytes_database_gui_exits_2_without_a_dialog(tmp_path: Path) -> None:
    db = tmp_path / "skräp.sqlite"
    db.write_bytes(os.urandom(8192))
    before = _digest(db)
    result = run("--db", str(db), "--exit-after-startup")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        line for line in result.stderr.strip().splitlines() if line.startswith("trygghetsrad: ")
    ]
    assert "ingen Trygghetsråd-databas" in result.stderr
    assert _digest(db) == before


def test_exit_after_startup_on_a_new_database(tmp_path: Path) -> None:
    db = tmp_path / "ny.sqlite"
    result = run("--db", str(db), "--exit-after-startup")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert _versions(db) == set(revisions.heads())


def test_exit_after_startup_with_example_data(tmp_path: Path, tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    db = demo_copy(tmp_path, tmp_path_factory)
    result = run("--db", str(db), "--exit-after-startup")
    assert result.returncode == 0, result.stderr


def test_exit_after_startup_fails_when_the_resources_are_not_found(tmp_path: Path) -> None:
    """The check the frozen build's smoke test relies on: a start-up that can't find its
    icons, fonts or licence texts is not a start-up (exit 1, naming the folder it looked in)."""
    empty = tmp_path / "ingenting"
    empty.mkdir()
    probe = (
        "import sys; from pathlib import Path\n"
        "from trygghetsrad import paths\n"
        f"paths.resources_dir = lambda: Path({str(empty)!r})\n"
        "from trygghetsrad.__main__ import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    db = tmp_path / "ny.sqlite"
    result = subprocess.run(
        [sys.executable, "-c", probe, "--db", str(db), "--exit-after-startup"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    (line,) = [x for x in result.stderr.splitlines() if x.startswith("trygghetsrad: ")]
    assert line.startswith("trygghetsrad: programfiler saknas")
    assert str(empty / "icons" / "trygghetsrad-16.png") in line
    # And with the resources where they belong, the same start succeeds (the test above).


@pytest.mark.parametrize("bad", [["list"], ["list", "möten"], ["demo", "--date", "igår"]])
def test_bad_arguments_exit_2_with_one_swedish_line(tmp_path: Path, bad: list[str]) -> None:
    result = run("--db", str(tmp_path / "x.sqlite"), *bad)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "felaktigt kommando" in result.stderr
    assert not (tmp_path / "x.sqlite").exists()
