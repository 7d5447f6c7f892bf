"""Stories in the admin: their pages, and sources and events put in, taken out of and moved between
stories in bulk."""

import pytest
from django.urls import reverse

from tests.factories import CitationFactory, EventFactory, SourceFactory, StoryFactory
from timeline.models import Story
from timeline.services import stories

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    story = StoryFactory(title="Embassy alerts")
    source = SourceFactory(headline="Embassy urges Americans to leave")
    CitationFactory(source=source, event=EventFactory(title="Alert issued"))
    stories.story_add(story=story, sources=[source])
    return story


def test_the_story_pages_show_counts_and_members(admin_client, story):
    listing = admin_client.get(reverse("admin:timeline_story_changelist")).content.decode()
    page = admin_client.get(reverse("admin:timeline_story_change", args=[story.pk])).content.decode()
    add = admin_client.get(reverse("admin:timeline_story_add"))

    assert "Embassy alerts" in listing
    assert "Embassy urges Americans to leave" in page
    assert "Alert issued" in page
    assert f"?stories__id__exact={story.pk}" in page
    assert add.status_code == 200


@pytest.mark.parametrize("model", ["source", "event"])
def test_the_lists_filter_by_story(admin_client, story, model):
    SourceFactory(headline="Unrelated article")
    EventFactory(title="Unrelated event")

    page = admin_client.get(reverse(f"admin:timeline_{model}_changelist") + f"?stories__id__exact={story.pk}")

    assert page.status_code == 200
    assert "Unrelated" not in page.content.decode()


def run_action(client, model: str, action: str, records, story: Story | None):
    data = {"action": action, "_selected_action": [r.pk for r in records], "story": story.pk if story else ""}
    return client.post(reverse(f"admin:timeline_{model}_changelist"), data, follow=True)


def test_sources_added_in_bulk_bring_their_events(admin_client):
    story = StoryFactory()
    sources = [SourceFactory() for _ in range(3)]
    events = [CitationFactory(source=source).event for source in sources]

    response = run_action(admin_client, "source", "add_to_story", sources[:2], story)

    assert "2 sources and 2 events joined" in response.content.decode()
    assert set(story.sources.all()) == set(sources[:2])
    assert set(story.events.all()) == set(events[:2])


def test_events_moved_in_bulk_leave_their_other_stories(admin_client, story):
    target = StoryFactory()
    events = list(story.events.all())

    run_action(admin_client, "event", "move_to_story", events, target)

    assert not story.events.exists()
    assert list(target.events.all()) == events


def test_sources_removed_in_bulk_take_their_events_along(admin_client, story):
    run_action(admin_client, "source", "remove_from_story", list(story.sources.all()), story)

    assert not story.sources.exists() and not story.events.exists()


def test_an_action_without_a_story_changes_nothing(admin_client, story):
    other = SourceFactory()

    response = run_action(admin_client, "source", "add_to_story", [other], None)

    assert "Choose a story" in response.content.decode()
    assert not other.stories.exists()


def test_stories_set_on_a_source_form_bring_its_events(admin_client):
    story = StoryFactory()
    source = SourceFactory()
    event = CitationFactory(source=source).event
    url = reverse("admin:timeline_source_change", args=[source.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {name: form.initial.get(name) or "" for name in form.fields}
    data.update(
        stories=[story.pk],
        published_date=source.published_date.isoformat(),
        authors="[]",
        **{"statements-TOTAL_FORMS": "0", "statements-INITIAL_FORMS": "0"},
    )

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert list(story.sources.all()) == [source]
    assert list(story.events.all()) == [event]
