"""The app's own licence and the third-party licences shipped with it (for the Om dialog).

Every text lives in `resources/licenses/` (the fonts' licence beside the fonts)
and is shipped in the frozen build; tests/test_packaging.py checks that each file exists and
that every runtime dependency in pyproject.toml is listed here.
"""

from __future__ import annotations

from pathlib import Path

from trygghetsrad.paths import resource

APP_LICENCE = "GPL-3.0-or-later"

# (component, SPDX licence expression, file under resources/)
_THIRD_PARTY: list[tuple[str, str, tuple[str, ...]]] = [
    ("Qt 6, PySide6 och Shiboken6", "LGPL-3.0-only", ("licenses", "Qt-PySide6.txt")),
    ("GNU LGPL 3.0 (licenstext för Qt)", "LGPL-3.0-only", ("licenses", "LGPL-3.0.txt")),
    ("Python", "PSF-2.0", ("licenses", "Python.txt")),
    ("SQLAlchemy", "MIT", ("licenses", "SQLAlchemy.txt")),
    ("Alembic", "MIT", ("licenses", "Alembic.txt")),
    ("Mako", "MIT", ("licenses", "Mako.txt")),
    ("MarkupSafe", "BSD-3-Clause", ("licenses", "MarkupSafe.txt")),
    ("ReportLab", "BSD-3-Clause", ("licenses", "reportlab.txt")),
    ("Pillow", "MIT-CMU", ("licenses", "Pillow.txt")),
    ("charset-normalizer", "MIT", ("licenses", "charset-normalizer.txt")),
    ("platformdirs", "MIT", ("licenses", "platformdirs.txt")),
    ("python-dateutil", "Apache-2.0 AND BSD-3-Clause", ("licenses", "python-dateutil.txt")),
    ("six", "MIT", ("licenses", "six.txt")),
    ("holidays", "MIT", ("licenses", "holidays.txt")),
    ("icalendar", "BSD-2-Clause", ("licenses", "icalendar.txt")),
    ("tzdata", "Apache-2.0", ("licenses", "tzdata.txt")),
    ("openpyxl", "MIT", ("licenses", "openpyxl.txt")),
    (
        "recurring-ical-events och x-wr-timezone",
        "LGPL-3.0-or-later",
        ("licenses", "recurring-ical-events.txt"),
    ),
    ("et_xmlfile", "MIT", ("licenses", "et_xmlfile.txt")),
    ("typing_extensions", "PSF-2.0", ("licenses", "typing_extensions.txt")),
    ("ICU", "ICU", ("licenses", "ICU.txt")),
    ("Liberation Sans (typsnitt)", "OFL-1.1", ("fonts", "LICENSE-LiberationSans.txt")),
]

# The distribution names (as in pyproject.toml) each entry above covers.
DISTRIBUTIONS: dict[str, str] = {
    "pyside6-essentials": "Qt 6, PySide6 och Shiboken6",
    "pyside6": "Qt 6, PySide6 och Shiboken6",
    "pyside6-addons": "Qt 6, PySide6 och Shiboken6",
    "pyside6-pdf": "Qt 6, PySide6 och Shiboken6",
    "shiboken6": "Qt 6, PySide6 och Shiboken6",
    "sqlalchemy": "SQLAlchemy",
    "alembic": "Alembic",
    "mako": "Mako",
    "markupsafe": "MarkupSafe",
    "reportlab": "ReportLab",
    "pillow": "Pillow",
    "charset-normalizer": "charset-normalizer",
    "platformdirs": "platformdirs",
    "python-dateutil": "python-dateutil",
    "six": "six",
    "holidays": "holidays",
    "icalendar": "icalendar",
    "tzdata": "tzdata",
    "openpyxl": "openpyxl",
    "recurring-ical-events": "recurring-ical-events och x-wr-timezone",
    "x-wr-timezone": "recurring-ical-events och x-wr-timezone",
    "et-xmlfile": "et_xmlfile",
    "typing-extensions": "typing_extensions",
}


def app_licence() -> tuple[str, str, Path]:
    """Trygghetsråd's own licence: the GNU GPL version 3 or later."""
    return ("Trygghetsråd", APP_LICENCE, resource("licenses", "GPL-3.0.txt"))


def third_party_licences() -> list[tuple[str, str, Path]]:
    """(component, licence, path of its licence text) for everything the build ships."""
    return [(name, licence, resource(*parts)) for name, licence, parts in _THIRD_PARTY]
