"""Stories: who belongs to which, as the services keep it, and what the commands put in them."""

import datetime as dt
import io
import json
import shutil

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CitationFactory, EventFactory, SourceFactory, StatementFactory, StoryFactory, resolved_dates
from timeline.models import DateStatus, Event, Source, Statement, Story
from timeline.services import records, stories

pytestmark = pytest.mark.django_db

SEED_STORY = "us-embassy-russia-alerts"


def slugs(queryset) -> set[str]:
    return set(queryset.values_list("slug", flat=True))


def test_a_source_that_joins_a_story_brings_the_events_it_cites():
    story = StoryFactory()
    source, other = SourceFactory(), SourceFactory()
    cited = CitationFactory(source=source).event
    CitationFactory(source=other)  # an event cited only by another source stays out

    change = stories.story_add(story=story, sources=[source])

    assert change.sources == {source.pk}
    assert change.events == {cited.pk}
    assert slugs(story.events.all()) == {cited.slug}


def test_adding_again_changes_nothing_and_leaves_an_editors_removal_alone():
    story = StoryFactory()
    source = SourceFactory()
    event = CitationFactory(source=source).event
    stories.story_add(story=story, sources=[source])
    stories.story_remove(story=story, events=[event])  # an editor took the event out

    change = stories.story_add(story=story, sources=[source])

    assert not change.changed
    assert not story.events.exists()


def test_a_source_that_leaves_takes_only_the_events_no_other_source_of_the_story_cites():
    story = StoryFactory()
    leaving, staying = SourceFactory(), SourceFactory()
    alone = CitationFactory(source=leaving).event
    shared = CitationFactory(source=leaving).event
    CitationFactory(source=staying, event=shared)
    stories.story_add(story=story, sources=[leaving, staying])

    change = stories.story_remove(story=story, sources=[leaving])

    assert change.events == {alone.pk}
    assert slugs(story.events.all()) == {shared.slug}
    assert Event.objects.filter(pk=alone.pk).exists()  # out of the story, not deleted


def test_moving_takes_records_out_of_every_other_story():
    first, second, target = StoryFactory(), StoryFactory(), StoryFactory()
    source = SourceFactory()
    event = CitationFactory(source=source).event
    hand_picked = EventFactory()
    stories.story_add(story=first, sources=[source])
    stories.story_add(story=second, events=[hand_picked])

    stories.story_move(story=target, sources=[source], events=[hand_picked])

    assert not first.sources.exists() and not first.events.exists()
    assert not second.events.exists()
    assert set(target.sources.all()) == {source}
    assert set(target.events.all()) == {event, hand_picked}


def test_writing_a_citation_puts_its_event_in_its_sources_stories():
    story = StoryFactory()
    source = SourceFactory()
    stories.story_add(story=story, sources=[source])

    event = records.event_create(
        slug="alert",
        title="Alert",
        citations=[records.CitationInput(source=source, sentence=source.text[:7], char_start=0, char_end=7)],
    )
    uncited = records.event_create(slug="other", title="Other")

    assert set(story.events.all()) == {event}
    assert not uncited.stories.exists()


def test_membership_changes_touch_the_story():
    story = StoryFactory()
    before = Story.objects.get(pk=story.pk).updated_at

    stories.story_add(story=story, sources=[SourceFactory()])

    assert Story.objects.get(pk=story.pk).updated_at > before


def test_a_story_needs_a_valid_unique_slug():
    stories.story_create(slug="bailout", title="The bailout")

    with pytest.raises(ValidationError) as taken:
        stories.story_create(slug="bailout", title="Another")
    with pytest.raises(ValidationError) as bad:
        stories.story_create(slug="not a slug", title="Bad")

    assert "slug" in taken.value.message_dict
    assert "slug" in bad.value.message_dict


def test_the_summary_spans_the_storys_dated_rows_and_counts_only_its_own(django_assert_num_queries):
    story, other = StoryFactory(), StoryFactory()
    source = SourceFactory(publisher="CNN")
    CitationFactory(source=source, event=EventFactory(**resolved_dates(dt.date(2022, 9, 27))))
    StatementFactory(source=source, **resolved_dates(dt.date(2023, 2, 13)))
    StatementFactory(source=source, char_start=1)  # undated
    elsewhere = SourceFactory(publisher="Metro")
    CitationFactory(source=elsewhere, event=EventFactory(**resolved_dates(dt.date(2020, 1, 1))))
    stories.story_add(story=story, sources=[source])
    stories.story_add(story=other, sources=[elsewhere])

    # sources; events; statements; publishers
    with django_assert_num_queries(4):
        summary = stories.story_summary(story=story)

    assert (summary.date_start, summary.date_end) == (dt.date(2022, 9, 27), dt.date(2023, 2, 13))
    assert (summary.sources, summary.events, summary.statements, summary.undated) == (1, 1, 2, 1)
    assert summary.publishers == ["CNN"]


# --- Commands ---------------------------------------------------------------------------------


@pytest.fixture
def seed_dir(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(settings.BASE_DIR / "seeds", folder)
    return folder


def test_ingest_seeds_puts_the_seeds_in_the_manifests_story_once(seed_dir):
    call_command("ingest_seeds", str(seed_dir), stdout=io.StringIO())
    story = Story.objects.get(slug=SEED_STORY)
    story.title = "Renamed by an editor"
    story.save()
    out = io.StringIO()

    call_command("ingest_seeds", str(seed_dir), stdout=out)

    assert story.sources.count() == Source.objects.count() == 5
    assert Story.objects.get(slug=SEED_STORY).title == "Renamed by an editor"  # an editor's title stays
    assert "Nothing to change" in out.getvalue()


def test_load_timeline_brings_the_seed_events_into_the_seed_story(seed_dir):
    call_command("ingest_seeds", str(seed_dir), stdout=io.StringIO())

    call_command("load_timeline", stdout=io.StringIO())

    story = Story.objects.get(slug=SEED_STORY)
    assert story.events.count() == Event.objects.count() > 0
    assert Statement.objects.in_stories([story]).count() == Statement.objects.count() > 0


def test_a_bad_story_in_the_manifest_is_refused_with_one_line(seed_dir):
    manifest = json.loads((seed_dir / "manifest.json").read_text())
    manifest["story"]["slug"] = "not a slug"
    (seed_dir / "manifest.json").write_text(json.dumps(manifest))

    with pytest.raises(CommandError, match=r"manifest\.json: story: slug"):
        call_command("ingest_seeds", str(seed_dir), stdout=io.StringIO())
    assert not Source.objects.exists()


def test_resolve_dates_with_a_story_reads_only_that_storys_rows():
    story = StoryFactory()
    inside, outside = SourceFactory(), SourceFactory()
    CitationFactory(source=inside, date_text="Tuesday")
    CitationFactory(source=outside, date_text="Tuesday")
    StatementFactory(source=outside)
    stories.story_add(story=story, sources=[inside])

    call_command("resolve_dates", "--story", story.slug, stdout=io.StringIO())

    assert inside.citations.get().date_status == DateStatus.RESOLVED
    assert outside.citations.get().date_status == DateStatus.UNRESOLVED
    assert outside.statements.get().date_status == DateStatus.UNRESOLVED
    assert story.events.get().date_status == DateStatus.RESOLVED


def test_resolve_dates_names_an_unknown_story():
    with pytest.raises(CommandError, match="--story nope: no story with that slug"):
        call_command("resolve_dates", "--story", "nope", stdout=io.StringIO())


@pytest.mark.parametrize("change", [stories.story_add, stories.story_remove, stories.story_move])
def test_membership_changes_cost_the_same_queries_for_three_records_or_thirty(change):
    counts = []
    for rows in (3, 30):
        story = StoryFactory()
        sources = [SourceFactory() for _ in range(rows)]
        events = [CitationFactory(source=source).event for source in sources]
        if change is stories.story_remove:
            stories.story_add(story=story, sources=sources)
        with CaptureQueriesContext(connection) as queries:
            change(story=story, sources=sources, events=events)
        counts.append(len(queries))
    assert counts[0] == counts[1]
