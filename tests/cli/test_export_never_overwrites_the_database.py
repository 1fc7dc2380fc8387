"""No export can overwrite the database, its companion files, the lock, a backup or a device,
and a failed write keeps the previous file whole (issue 15, points 1 and 2)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from trygghetsrad.cli import main
from trygghetsrad.db import backups, lock

# Every command that writes a document, with the arguments before the output file.
EXPORTS = [
    ("minutes", "1"),
    ("notice", "1"),
    ("email", "1"),
    ("invite", "1"),
    ("wheel", "2026"),
    ("wheel-ics", "2026"),
    ("plan", "1"),
    ("followup", "2025"),
    ("agreement", "1"),
    ("situation", "1"),
    ("person", "1"),
    ("data",),
]


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def closed_demo(demo_database) -> Path:  # type: ignore[no-untyped-def]
    demo_database.close()
    return demo_database.path


def _export(db: Path, what: tuple[str, ...], out: Path) -> int:
    return main(["--db", str(db), "export", *what, str(out)])


@pytest.mark.parametrize("what", EXPORTS, ids=[w[0] for w in EXPORTS])
def test_no_export_overwrites_the_database_or_its_companions(
    what: tuple[str, ...], closed_demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    suffix = {"email": ".eml", "invite": ".ics", "wheel-ics": ".ics", "data": ".json"}
    fine = tmp_path / ("utfil" + suffix.get(what[0], ".json" if what[0] == "person" else ".pdf"))
    assert _export(closed_demo, what, fine) == 0, capsys.readouterr().err  # the command works
    capsys.readouterr()
    before = _hash(closed_demo)
    link = tmp_path / "ser-ut-som-ett-dokument.pdf"
    link.symlink_to(closed_demo)
    targets = [
        closed_demo,
        link,
        closed_demo.with_name(closed_demo.name + "-wal"),
        closed_demo.with_name(closed_demo.name + "-shm"),
        closed_demo.with_name(closed_demo.name + "-journal"),
        lock.lock_path(closed_demo),
    ]
    for target in targets:
        existed = target.exists()
        assert _export(closed_demo, what, target) == 2, target
        err = capsys.readouterr().err
        if what[0] != "wheel" or target.suffix == ".pdf":  # `wheel` checks the suffix first
            assert "databas" in err and str(target.name) in err, err
        assert len(err.strip().splitlines()) == 1, err
        assert target.exists() == existed, target
        assert _hash(closed_demo) == before, target
    # The database still opens and holds the example data.
    assert main(["--db", str(closed_demo), "list", "meetings"]) == 0
    assert "Trygghetsrådet" in capsys.readouterr().out


def test_no_export_writes_into_the_backup_folder(
    closed_demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(closed_demo), "backup"]) == 0
    [made] = backups.list_backups(closed_demo)
    kept = _hash(made.path)
    capsys.readouterr()
    for what, target in (
        (("wheel-ics", "2026"), made.path),
        (("minutes", "1"), made.path.with_name("protokoll.pdf")),
        (("data",), made.path.parent.parent / "allt.json"),
    ):
        assert _export(closed_demo, what, target) == 2
        err = capsys.readouterr().err
        assert "säkerhetskopior" in err, err
    assert _hash(made.path) == kept
    assert sorted(p.name for p in made.path.parent.iterdir()) == [made.path.name]
    assert not (made.path.parent.parent / "allt.json").exists()


def test_exports_refuse_what_is_not_a_regular_file(
    closed_demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A FIFO stands in for a device node (`export data /dev/full` replaced the node when run
    # as root): the JSON exports used to move a new file over it.
    fifo = tmp_path / "rör"
    os.mkfifo(fifo)
    for what in (("data",), ("person", "1")):
        assert _export(closed_demo, what, fifo) == 2
        err = capsys.readouterr().err
        assert "ingen vanlig fil" in err and "rör" in err, err
        assert fifo.is_fifo()
    folder = tmp_path / "mapp.pdf"
    folder.mkdir()
    assert _export(closed_demo, ("minutes", "1"), folder) == 2
    assert "mapp.pdf är en mapp" in capsys.readouterr().err
    assert folder.is_dir() and not any(folder.iterdir())


def test_an_export_over_another_database_file_is_refused(
    closed_demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "kopia.sqlite"
    assert main(["--db", str(closed_demo), "backup", str(copy)]) == 0
    capsys.readouterr()
    kept = _hash(copy)
    assert _export(closed_demo, ("notice", "1"), copy) == 2
    assert "databas" in capsys.readouterr().err
    assert _hash(copy) == kept


# -- a full disk -----------------------------------------------------------------------------

LIMITED = """
import resource, signal, sys
from trygghetsrad.cli import main
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
sys.exit(main(sys.argv[2:]))
"""


def test_a_full_disk_keeps_the_previous_document_whole(closed_demo: Path, tmp_path: Path) -> None:
    """A write that fails half-way (here: the file-size limit, as on a full disk) leaves the
    previous PDF as it was, no temporary file, and a Swedish line naming the file."""
    out = tmp_path / "Uppföljning.pdf"
    assert _export(closed_demo, ("followup", "2025"), out) == 0
    good = out.read_bytes()
    assert PdfReader(out).pages
    limit = 40_000  # the lock file and SQLite's -shm (32 KiB) still fit, the PDF does not
    assert len(good) > limit
    result = subprocess.run(
        [sys.executable, "-c", LIMITED, str(limit), "--db", str(closed_demo)]
        + ["export", "followup", "2025", str(out)],
        capture_output=True,
        text=True,
        preexec_fn=lambda: os.umask(0o022),
        timeout=120,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "Uppföljning.pdf" in result.stderr and "filen blir för stor" in result.stderr
    assert "Traceback" not in result.stderr
    assert out.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
