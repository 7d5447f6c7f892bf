"""Fixtures every test package shares: the seed timeline as `make run` builds it, fast password
hashing, and a cache (the throttles' counts) emptied around every test. Each package's own conftest
adds what only it uses (the API's clients and users)."""

import pytest
from django.conf import settings
from django.core.cache import cache

from timeline.services.dating import dates_resolve
from timeline.services.fixtures import timeline_load_new
from timeline.services.sources import sources_ingest

SEED_FIXTURE = settings.BASE_DIR / "fixtures" / "seed_timeline.json"


@pytest.fixture(autouse=True)
def _fresh_throttle_history():
    # The throttles (the API's and the admin login's) count in the cache; no test inherits another's.
    cache.clear()
    yield
    cache.clear()


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
