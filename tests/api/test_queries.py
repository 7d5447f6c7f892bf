"""Every list and the timeline cost the same number of queries at 10 rows as at 100."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    ActorFactory,
    CitationFactory,
    EventFactory,
    SourceFactory,
    StatementFactory,
    StoryFactory,
    resolved_dates,
)
from timeline.models import Source, Story
from timeline.services.stories import story_add

pytestmark = pytest.mark.django_db

STORY = "counted"


def build(rows: int) -> int:
    """`rows` events (two citations, two actors each) and `rows` statements about them."""
    shared = ActorFactory()
    for i in range(rows):
        day = dt.date(2022, 9, 1) + dt.timedelta(days=i)
        event = EventFactory(**resolved_dates(day))
        event.actors.set([shared, ActorFactory()])
        for _ in range(2):
            CitationFactory(event=event, source=SourceFactory(), **resolved_dates(day))
        StatementFactory(event=event, speaker=shared, **resolved_dates(day))
    # Every row in one story (its sources bring their events), and an empty second story beside it.
    story, _ = Story.objects.get_or_create(slug=STORY, defaults={"title": "Counted"})
    Story.objects.get_or_create(slug="other", defaults={"title": "Other"})
    story_add(story=story, sources=Source.objects.all())
    StoryFactory.create_batch(rows)
    return shared.pk


# Expected queries for each endpoint, whatever the number of rows:
EXPECTED = {
    # count, page of sources
    "/api/v1/sources": 2,
    # count, page of actors
    "/api/v1/actors": 2,
    # count, page of events, their actors, their citations joined to sources
    "/api/v1/events": 4,
    # count, page of statements joined to speaker, source and event
    "/api/v1/statements": 2,
    # events and statements (joined to speaker/source/event) merged in one statement, the events' actors,
    # their citations joined to sources; an export first finds where it ends
    "/api/v1/timeline": 3,
    "/api/v1/timeline?format=csv": 4,
    "/api/v1/timeline?format=timelinejs": 4,
    "/api/v1/timeline?format=ics": 4,
    # the same, plus the check that the actor exists (on the timeline: once for events, once for statements)
    "/api/v1/events?actor={actor}": 5,
    "/api/v1/timeline?actor={actor}&start=2022-01-01": 6,
    # count, page of stories
    "/api/v1/stories": 2,
    # the story; its sources, events and statements aggregated; its publishers
    "/api/v1/stories/{story}": 5,
    # the same as without the filter, plus the check that the story exists (on the timeline: once per kind)
    "/api/v1/sources?story={story}": 3,
    "/api/v1/events?story={story}": 5,
    "/api/v1/statements?story={story}": 3,
    "/api/v1/timeline?story={story}": 6,
    "/api/v1/timeline?story={story}&story=other&format=csv": 6,
    "/api/v1/timeline?story={story}&actor={actor}&format=ics": 8,
}


@pytest.mark.parametrize("rows", [10, 100])
@pytest.mark.parametrize("url", list(EXPECTED))
def test_a_list_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, url, rows):
    actor = build(rows)
    separator = "&" if "?" in url else "?"
    with django_assert_max_num_queries(EXPECTED[url]):
        response = client.get(f"{url.format(actor=actor, story=STORY)}{separator}page_size=200")
    assert response.status_code == 200
    if "format" not in url and "{story}" not in url.split("?")[0]:
        assert len(response.json()["results"]) >= rows  # every row was serialized, not just a page of them


@pytest.mark.parametrize("url", list(EXPECTED))
def test_ten_rows_and_a_hundred_cost_exactly_the_same(client, url):
    counts, actor = [], None
    for rows in (10, 90):  # 10, then 100 in all
        built = build(rows)
        actor = actor or built
        separator = "&" if "?" in url else "?"
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"{url.format(actor=actor, story=STORY)}{separator}page_size=200").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
