"""Start-up stays lean: workspace models load on first use, OpenSSL is not loaded at all."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def _run(code: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-1500:]
    return done.stdout.split()


def test_first_page_maps_only_its_models_and_metadata_users_get_all() -> None:
    out = _run(
        "import sys\n"
        "import trygghetsrad.services.meetings.lifecycle, trygghetsrad.services.register\n"
        "loaded = lambda m: f'trygghetsrad.db.models.{m}' in sys.modules\n"
        "print(loaded('meetings'), loaded('situation'), loaded('action_plan'), loaded('wheel'))\n"
        "from trygghetsrad.db.models import Base\n"
        "print(all(t in Base.metadata.tables for t in "
        "('measures', 'observations', 'wheel_events', 'meetings', 'people')))\n"
    )
    assert out == ["True", "False", "False", "False", "True"]


def test_a_model_pointing_at_unloaded_tables_pulls_them_in(tmp_path: Path) -> None:
    out = _run(
        "from pathlib import Path\n"
        "from sqlalchemy import select\n"
        "from trygghetsrad.db.engine import open_database\n"
        "from trygghetsrad.db.models.action_plan import Cause, Problem\n"
        f"db = open_database(Path({str(tmp_path / 'a.sqlite')!r}))\n"
        "with db.session() as s:\n"
        "    p = Problem(title='Klotter vid Norrby torg')\n"
        "    s.add(p); s.flush()\n"
        "    s.add(Cause(problem_id=p.id, title='Dålig belysning')); s.flush()\n"
        "    print(len(s.scalars(select(Cause)).all()))\n"
        "db.close()\n"
    )
    assert out == ["1"]


def test_references_see_every_workspace(tmp_path: Path) -> None:
    """Deleting a person must see a measure pointing at them, whichever pages were opened."""
    from trygghetsrad.db.engine import open_database

    open_database(tmp_path / "r.sqlite").close()  # migrated here: migrations load every model
    out = _run(
        "import sys\n"
        "from pathlib import Path\n"
        "from trygghetsrad.db.engine import open_database\n"
        "from trygghetsrad.services import register\n"
        "from trygghetsrad.services.references import find_references\n"
        f"db = open_database(Path({str(tmp_path / 'r.sqlite')!r}))\n"
        "with db.session() as s:\n"
        "    pid = register.create_person(s, name='Åsa Öberg').id\n"
        "    print('trygghetsrad.db.models.action_plan' in sys.modules)\n"
        "    from datetime import date\n"
        "    from trygghetsrad.demo.scale_writer import Writer\n"
        "    w = Writer(s, date(2026, 11, 26))\n"
        "    w.insert('action_plans', [{'id': 1, 'title': 'Plan', 'status': 'utkast',\n"
        "             'period_start': date(2026, 1, 1), 'period_end': date(2026, 12, 31)}])\n"
        "    w.insert('measures', [{'plan_id': 1, 'title': 'Belysning',\n"
        "             'responsible_person_id': pid}])\n"
        "    print(sorted(r.table for r in find_references(s, 'people', pid)))\n"
        "db.close()\n"
    )
    assert out == ["False", "['measures']"]


def test_openssl_is_not_loaded_by_the_database_layer_and_ssl_still_imports(
    tmp_path: Path,
) -> None:
    out = _run(
        "import sys\n"
        "from pathlib import Path\n"
        "from trygghetsrad.db.engine import open_database\n"
        "print('sqlalchemy' in sys.modules)\n"
        f"db = open_database(Path({str(tmp_path / 'ssl.sqlite')!r}))\n"
        "with db.session() as s:\n"
        "    from trygghetsrad.services import register\n"
        "    register.list_people(s)\n"
        "db.close()\n"
        "maps = open('/proc/self/maps').read()\n"
        "print('sqlalchemy.orm' in sys.modules, 'libcrypto' in maps, 'ssl' in sys.modules)\n"
        "import ssl, hashlib\n"
        "print(hashlib.sha256(b'Trygghetsr\\xc3\\xa5d').hexdigest()[:8], bool(ssl.OPENSSL_VERSION))\n"
    )
    assert out == ["False", "True", "False", "False", "c85bef2c", "True"]
