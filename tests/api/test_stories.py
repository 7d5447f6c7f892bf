"""Stories through the API: the endpoint, its summary, membership, and `?story=` everywhere."""

import csv
import datetime as dt
import io

import pytest
from icalendar import Calendar

from tests.factories import CitationFactory, EventFactory, SourceFactory, StatementFactory, StoryFactory, resolved_dates
from timeline.models import Event, Source, Statement, Story
from timeline.services import stories

pytestmark = pytest.mark.django_db

SEED_STORY = "us-embassy-russia-alerts"


# --- The endpoint -----------------------------------------------------------------------------


def test_anyone_lists_stories_and_reads_one_with_its_summary(client):
    story = StoryFactory(slug="bailout", title="The bailout", description="Who paid.", notes="Check the figures.")
    source = SourceFactory(publisher="CNN")
    CitationFactory(source=source, event=EventFactory(**resolved_dates(dt.date(2023, 3, 12))))
    StatementFactory(source=source, **resolved_dates(dt.date(2023, 3, 19)))
    stories.story_add(story=story, sources=[source])

    listing = client.get("/api/v1/stories").json()
    detail = client.get("/api/v1/stories/bailout").json()

    assert [row["slug"] for row in listing["results"]] == ["bailout"]
    assert "summary" not in listing["results"][0]
    assert detail["title"] == "The bailout"
    assert detail["notes"] == "Check the figures."
    assert detail["timeline_url"].endswith("/api/v1/timeline?story=bailout")
    summary = detail["summary"]
    assert (summary["start"], summary["end"]) == ("2023-03-12", "2023-03-19")
    assert (summary["sources"], summary["events"], summary["statements"], summary["undated"]) == (1, 1, 1, 0)
    assert summary["publishers"] == ["CNN"]
    assert summary["last_update"]


def test_an_unknown_story_is_a_404(client):
    assert client.get("/api/v1/stories/nope").status_code == 404


def test_writes_need_the_story_permissions(client, user_client, editor_client):
    body = {"slug": "election", "title": "The election"}

    assert client.post("/api/v1/stories", body, format="json").status_code == 401
    assert user_client.post("/api/v1/stories", body, format="json").status_code == 403
    created = editor_client.post("/api/v1/stories", body, format="json")
    changed = editor_client.patch("/api/v1/stories/election", {"description": "Who won."}, format="json")
    refused = user_client.delete("/api/v1/stories/election")
    deleted = editor_client.delete("/api/v1/stories/election")

    assert created.status_code == 201, created.json()
    assert changed.json()["description"] == "Who won."
    assert refused.status_code == 403
    assert deleted.status_code == 204
    assert not Story.objects.exists()


def test_deleting_a_story_keeps_its_records(editor_client):
    story = StoryFactory()
    source = SourceFactory()
    CitationFactory(source=source)
    stories.story_add(story=story, sources=[source])

    editor_client.delete(f"/api/v1/stories/{story.slug}")

    assert Source.objects.count() == 1 and Event.objects.count() == 1


def test_a_bad_story_body_names_the_field(editor_client):
    StoryFactory(slug="taken")

    taken = editor_client.post("/api/v1/stories", {"slug": "taken", "title": "Again"}, format="json")
    bad = editor_client.post("/api/v1/stories", {"slug": "no spaces", "title": ""}, format="json")

    assert taken.status_code == 400 and "slug" in taken.json()["errors"]
    assert bad.status_code == 400 and {"slug", "title"} <= set(bad.json()["errors"])


def test_members_are_added_and_removed_with_the_change_permission(client, user_client, editor_client):
    story = StoryFactory()
    source = SourceFactory()
    event = CitationFactory(source=source).event
    url = f"/api/v1/stories/{story.slug}"

    assert client.post(f"{url}/add", {"source_ids": [source.pk]}, format="json").status_code == 401
    assert user_client.post(f"{url}/add", {"source_ids": [source.pk]}, format="json").status_code == 403
    added = editor_client.post(f"{url}/add", {"source_ids": [source.pk]}, format="json")
    assert added.status_code == 200
    assert added.json() == {"sources": [source.pk], "events": [event.pk]}  # the cited event came along

    removed = editor_client.post(f"{url}/remove", {"source_ids": [source.pk]}, format="json")
    assert removed.json() == {"sources": [source.pk], "events": [event.pk]}
    assert not story.sources.exists() and not story.events.exists()


def test_members_that_do_not_exist_are_named(editor_client):
    story = StoryFactory()

    unknown = editor_client.post(f"/api/v1/stories/{story.slug}/add", {"source_ids": [999]}, format="json")
    empty = editor_client.post(f"/api/v1/stories/{story.slug}/add", {}, format="json")

    assert unknown.status_code == 400
    assert "999" in unknown.json()["errors"]["source_ids"][0]
    assert empty.status_code == 400 and "source_ids" in empty.json()["errors"]


# --- ?story= ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    ["sources", "events", "statements", "timeline", "timeline?format=csv", "timeline?format=timelinejs"],
)
def test_an_unknown_story_slug_is_a_400_naming_story(client, path):
    separator = "&" if "?" in path else "?"

    response = client.get(f"/api/v1/{path}{separator}story=nope")

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["story"]


def test_several_stories_give_their_union_with_no_row_twice(client):
    first, second = StoryFactory(), StoryFactory()
    both = SourceFactory()
    event = CitationFactory(source=both, event=EventFactory(**resolved_dates(dt.date(2022, 9, 27)))).event
    stories.story_add(story=first, sources=[both])
    stories.story_add(story=second, sources=[both])

    params = {"story": [first.slug, second.slug]}
    sources = client.get("/api/v1/sources", params).json()["results"]
    events = client.get("/api/v1/events", params).json()["results"]
    timeline = client.get("/api/v1/timeline", params).json()["results"]

    assert [s["id"] for s in sources] == [both.pk]
    assert [e["id"] for e in events] == [event.pk]
    assert [row["unique_id"] for row in timeline] == [f"event-{event.pk}"]


@pytest.fixture
def two_stories(seeded):
    """The seeds in their story, and a small second story made here, sharing nothing with it."""
    seeds = Story.objects.get(slug=SEED_STORY)

    bailout = stories.story_create(slug="bailout", title="The bailout")
    source = SourceFactory(publisher="Financial Daily", published_date=dt.date(2023, 3, 13))
    # Dates inside the seeds' span, so that only the story keeps them apart.
    for day in (dt.date(2022, 9, 27), dt.date(2023, 2, 13)):
        event = EventFactory(title=f"Bailout talks {day}", **resolved_dates(day))
        CitationFactory(source=source, event=event, **resolved_dates(day))
    StatementFactory(source=source, text=source.text, **resolved_dates(dt.date(2023, 2, 13)))
    stories.story_add(story=bailout, sources=[source])
    return seeds, bailout


def timeline_ids(client, **params) -> list[str]:
    return [row["unique_id"] for row in client.get("/api/v1/timeline", {"page_size": 200, **params}).json()["results"]]


def test_two_stories_timelines_never_mix_and_together_make_the_whole(client, two_stories):
    seeds, bailout = two_stories

    whole = timeline_ids(client)
    seed_rows = timeline_ids(client, story=seeds.slug)
    bailout_rows = timeline_ids(client, story=bailout.slug)

    assert len(bailout_rows) == 3
    assert not set(seed_rows) & set(bailout_rows)
    assert sorted(seed_rows + bailout_rows) == sorted(whole)
    assert [row for row in whole if row in set(seed_rows)] == seed_rows  # same order as in the whole


def test_two_stories_exports_never_mix(client, two_stories):
    seeds, bailout = two_stories
    bailout_ids = set(timeline_ids(client, story=bailout.slug))
    seed_ids = set(timeline_ids(client, story=seeds.slug))
    assert len(bailout_ids) == 3 and len(seed_ids) > 50 and not seed_ids & bailout_ids

    for story, own in ((seeds, seed_ids), (bailout, bailout_ids)):
        rows = csv.DictReader(io.StringIO(client.get("/api/v1/timeline", {"story": story.slug, "format": "csv"}).text))
        slides = client.get("/api/v1/timeline", {"story": story.slug, "format": "timelinejs"}).json()["events"]
        calendar = Calendar.from_ical(client.get("/api/v1/timeline", {"story": story.slug, "format": "ics"}).content)
        uids = {str(component["uid"]).split("@")[0] for component in calendar.walk("VEVENT")}

        assert {row["unique_id"] for row in rows} == own
        assert {slide["unique_id"] for slide in slides} == own
        assert uids == own


def test_two_stories_counts_never_mix(client, two_stories):
    seeds, bailout = two_stories

    for story in (seeds, bailout):
        summary = client.get(f"/api/v1/stories/{story.slug}").json()["summary"]
        for name in ("sources", "events", "statements"):
            listed = client.get(f"/api/v1/{name}", {"story": story.slug}).json()["count"]
            assert summary[name] == listed
    bailout_summary = client.get("/api/v1/stories/bailout").json()["summary"]
    seed_summary = client.get(f"/api/v1/stories/{SEED_STORY}").json()["summary"]
    assert (bailout_summary["sources"], bailout_summary["events"], bailout_summary["statements"]) == (1, 2, 1)
    assert seed_summary["sources"] + bailout_summary["sources"] == Source.objects.count()
    assert seed_summary["events"] + bailout_summary["events"] == Event.objects.count()
    assert seed_summary["statements"] + bailout_summary["statements"] == Statement.objects.count()
    assert bailout_summary["publishers"] == ["Financial Daily"]
    assert "Financial Daily" not in seed_summary["publishers"]


def test_the_seed_storys_timeline_is_the_whole_timeline_of_the_seeds(client, seeded):
    whole = client.get("/api/v1/timeline", {"page_size": 200}).json()["results"]
    story = client.get("/api/v1/timeline", {"page_size": 200, "story": SEED_STORY}).json()["results"]

    assert len(whole) > 50
    assert story == whole
