"""Fixtures every test package shares: the seed timeline as `make run` builds it, and fast password
hashing. Each package's own conftest adds what only it uses (the API's clients and users)."""

import pytest
from django.conf import settings

from timeline.services.curation import timeline_load_new
from timeline.services.dating import dates_resolve
from timeline.services.ingestion import sources_ingest

SEED_FIXTURE = settings.BASE_DIR / "fixtures" / "seed_timeline.json"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Users are created with passwords in many tests; the real hasher would be most of their time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def load_seeds() -> None:
    """The seed timeline through the project's own services: ingest the seed articles, load the curated
    fixture, resolve the dates."""
    if not SEED_FIXTURE.exists():
        pytest.skip("the curated seed timeline is not there")
    sources_ingest(directory=settings.BASE_DIR / "seeds")
    timeline_load_new(paths=[SEED_FIXTURE])
    dates_resolve()


@pytest.fixture
def seeded(db) -> None:
    load_seeds()
