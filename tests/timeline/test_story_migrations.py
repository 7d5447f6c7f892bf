"""The stories migrations: existing records move into a default story without loss, and back again.

Each test migrates the real database back to just before stories and forward again, so it runs
outside a test transaction and leaves the schema at the latest migration whatever happens.
"""

import datetime as dt
import importlib
import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

STORY_MIGRATION = importlib.import_module("timeline.migrations.0002_story").Migration
DEFAULT_STORY = importlib.import_module("timeline.migrations.0002b_default_story")
# What the stories migration follows, whatever the migrations around it are named.
BEFORE_STORIES = [dependency for dependency in STORY_MIGRATION.dependencies if dependency[0] == "timeline"]
FIXTURE = settings.BASE_DIR / "fixtures" / "seed_timeline.json"


def migrate(targets):
    """Migrate the test database to `targets`; return the historical models there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def before_stories():
    apps = migrate(BEFORE_STORIES)
    try:
        yield apps
    finally:
        migrate(latest())


def counts(apps) -> dict[str, int]:
    names = ("Source", "Actor", "Event", "Citation", "Statement")
    return {name: apps.get_model("timeline", name).objects.count() for name in names}


def build_old_records(apps) -> None:
    """Two sources, three events (one cited by both, one by none) and a statement, as they were stored
    before stories existed."""
    Source = apps.get_model("timeline", "Source")
    Event = apps.get_model("timeline", "Event")
    Citation = apps.get_model("timeline", "Citation")
    Statement = apps.get_model("timeline", "Statement")
    Actor = apps.get_model("timeline", "Actor")
    day = dt.date(2022, 9, 28)
    a, b = (
        Source.objects.create(slug=slug, headline=slug, publisher=slug, text=text, checksum=slug, published_date=day)
        for slug, text in (("a", "Leave now."), ("b", "Leave now!"))
    )
    cited = Event.objects.create(slug="alert", title="Alert")
    Event.objects.create(slug="uncited", title="Uncited")
    Event.objects.create(slug="by-b", title="By B")
    for source in (a, b):
        Citation.objects.create(event=cited, source=source, sentence="Leave now", char_start=0, char_end=9)
    speaker = Actor.objects.create(name="Embassy", kind="government_body")
    Statement.objects.create(text="Leave now", mode="direct", speaker=speaker, source=a, char_start=0, char_end=9)


def test_existing_records_move_into_the_default_story_and_back_without_loss(before_stories):
    build_old_records(before_stories)
    before = counts(before_stories)

    apps = migrate(latest())
    story = apps.get_model("timeline", "Story").objects.get()
    after = counts(apps)

    assert story.slug == DEFAULT_STORY.SLUG
    assert after == before
    assert story.sources.count() == before["Source"]
    assert story.events.count() == before["Event"]  # uncited events too

    apps = migrate(BEFORE_STORIES)
    assert counts(apps) == before
    assert "timeline_story" not in connection.introspection.table_names()


def test_on_an_empty_database_the_migration_creates_no_story(before_stories):
    apps = migrate(latest())

    assert not apps.get_model("timeline", "Story").objects.exists()


def whole_timeline(client, **params) -> tuple[list, bytes]:
    rows = client.get("/api/v1/timeline", {"page_size": 200, **params}).json()["results"]
    csv = client.get("/api/v1/timeline", {"format": "csv", **params}).content
    return rows, csv


def test_after_the_migration_the_seed_and_default_stories_hold_todays_whole_timeline(client):
    if not FIXTURE.exists():
        pytest.skip("the curated seed timeline is not there")
    quiet = {"stdout": io.StringIO()}
    call_command("ingest_seeds", **quiet)
    call_command("load_timeline", **quiet)
    call_command("resolve_dates", **quiet)
    rows, csv = whole_timeline(client)
    assert len(rows) > 50  # every seed event and statement with a date

    try:
        migrate(BEFORE_STORIES)  # the database as it was before stories, with the same records
    finally:
        migrate(latest())
    # Then `make run` again: the seeds join their story, bringing their events.
    call_command("ingest_seeds", **quiet)
    call_command("load_timeline", **quiet)

    assert whole_timeline(client) == (rows, csv)
    assert whole_timeline(client, story=DEFAULT_STORY.SLUG) == (rows, csv)
    assert whole_timeline(client, story="us-embassy-russia-alerts") == (rows, csv)
