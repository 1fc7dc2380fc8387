"""Settings: saved and loaded; the logo must be a real PNG/JPEG of at most 2 MB."""

from __future__ import annotations

import pytest

from trygghetsrad.domain.changes import SETTINGS
from trygghetsrad.errors import ValidationError
from trygghetsrad.services import settings

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def test_defaults_on_a_new_database(session) -> None:  # type: ignore[no-untyped-def]
    assert settings.load(session) == settings.OrganisationSettings()


def test_save_and_load_round_trip_with_swedish_text(session) -> None:  # type: ignore[no-untyped-def]
    wanted = settings.OrganisationSettings(
        municipality="  Storåkers kommun ",
        coordinator_name="Maja Lindqvist",
        coordinator_title="Folkhälsostrateg 🙂",
        logo=PNG,
    )
    changes = settings.save(session, wanted)
    assert changes.touches(SETTINGS)
    loaded = settings.load(session)
    assert loaded.municipality == "Storåkers kommun"
    assert loaded.coordinator_title == "Folkhälsostrateg 🙂"
    assert loaded.logo == PNG
    settings.save(session, settings.OrganisationSettings(municipality="Ny", logo=JPEG))
    assert settings.load(session).logo == JPEG
    settings.save(session, settings.OrganisationSettings(municipality="Ny", logo=None))
    assert settings.load(session).logo is None


@pytest.mark.parametrize(
    ("logo", "message"),
    [
        (b"GIF89a" + b"\x00" * 10, "PNG- eller JPEG-bild"),
        (b"%PDF-1.7", "PNG- eller JPEG-bild"),
        (b"", "PNG- eller JPEG-bild"),
        (PNG + b"\x00" * 2_000_000, "för stor"),
    ],
)
def test_bad_logo_is_refused_and_nothing_changes(database, logo, message) -> None:  # type: ignore[no-untyped-def]
    with database.session() as s:
        settings.save(s, settings.OrganisationSettings(municipality="Storåker", logo=PNG))
    with pytest.raises(ValidationError, match=message) as info, database.session() as s:
        settings.save(s, settings.OrganisationSettings(municipality="Annan kommun", logo=logo))
    assert info.value.field == "logo"
    with database.session() as s:
        kept = settings.load(s)
    assert (kept.municipality, kept.logo) == ("Storåker", PNG)


def test_too_long_municipality_name_is_refused(session) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match="Kommunens namn får vara högst 200 tecken") as info:
        settings.save(session, settings.OrganisationSettings(municipality="å" * 10_000))
    assert info.value.field == "municipality"
