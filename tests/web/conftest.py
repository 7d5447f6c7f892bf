"""The seed timeline as `make run` builds it, through the project's own services."""

import pytest
from django.conf import settings

from timeline.services.dating import dates_resolve
from timeline.services.fixtures import timeline_load_new
from timeline.services.sources import sources_ingest

FIXTURE = settings.BASE_DIR / "fixtures" / "seed_timeline.json"


def load_seeds() -> None:
    if not FIXTURE.exists():
        pytest.skip("the curated seed timeline is not there")
    sources_ingest(directory=settings.BASE_DIR / "seeds")
    timeline_load_new(paths=[FIXTURE])
    dates_resolve()


@pytest.fixture
def seeded(db):
    load_seeds()
