"""Stories: writing them, and who belongs to which.

A source belongs to the stories it was put in. An event belongs to the stories of the sources that
cite it, and to any an editor adds it to by hand. The rule is kept in step here and nowhere else:
when a source joins a story, the events it cites join too; when it leaves, events that no other
source of the story cites leave with it; when a citation is written, its event joins its source's
stories. Every function runs a fixed number of queries, whatever the number of rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max, Min
from django.utils import timezone

from timeline.models import Citation, Event, Source, Statement, Story

STORY_FIELDS = ("slug", "title", "description", "notes")
SourceMembership = Source.stories.through
EventMembership = Event.stories.through


@dataclass
class MembershipChange:
    """What one call changed: the ids of the sources and events that joined or left."""

    sources: set[int] = field(default_factory=set)
    events: set[int] = field(default_factory=set)

    @property
    def changed(self) -> bool:
        return bool(self.sources or self.events)


def _ids(records: Iterable[Source | Event | int]) -> set[int]:
    return {record if isinstance(record, int) else record.pk for record in records}


# --- Stories ----------------------------------------------------------------------------------


@transaction.atomic
def story_create(*, slug: str, title: str, description: str = "", notes: str = "") -> Story:
    story = Story(slug=slug, title=title, description=description, notes=notes)
    story.full_clean()
    story.save()
    return story


@transaction.atomic
def story_update(*, story: Story, data: Mapping[str, Any]) -> Story:
    unknown = set(data) - set(STORY_FIELDS)
    if unknown:
        raise ValidationError({name: "This field cannot be written." for name in sorted(unknown)})
    for name, value in data.items():
        setattr(story, name, value)
    story.full_clean()
    story.save()
    return story


@transaction.atomic
def story_delete(*, story: Story) -> None:
    """Delete a story. Its sources and events stay; only their membership of it goes."""
    story.delete()


def _touch(story: Story) -> None:
    story.updated_at = timezone.now()
    Story.objects.filter(pk=story.pk).update(updated_at=story.updated_at)


# --- Membership -------------------------------------------------------------------------------


@transaction.atomic
def story_add(
    *, story: Story, sources: Iterable[Source | int] = (), events: Iterable[Event | int] = ()
) -> MembershipChange:
    """Put sources and events in a story. A source that joins brings the events it cites.

    Already a member is not an error: nothing changes for it, and the events it cites are not
    brought in again (an editor may have taken some out).
    """
    source_ids, event_ids = _ids(sources), _ids(events)
    change = MembershipChange()
    if source_ids:
        present = set(
            SourceMembership.objects.filter(story=story, source_id__in=source_ids).values_list("source_id", flat=True)
        )
        change.sources = source_ids - present
        SourceMembership.objects.bulk_create(
            [SourceMembership(story_id=story.pk, source_id=pk) for pk in sorted(change.sources)],
            ignore_conflicts=True,  # a concurrent add of the same membership is not an error
        )
        if change.sources:
            event_ids |= set(
                Citation.objects.filter(source_id__in=change.sources).values_list("event_id", flat=True).distinct()
            )
    if event_ids:
        present = set(
            EventMembership.objects.filter(story=story, event_id__in=event_ids).values_list("event_id", flat=True)
        )
        change.events = event_ids - present
        EventMembership.objects.bulk_create(
            [EventMembership(story_id=story.pk, event_id=pk) for pk in sorted(change.events)],
            ignore_conflicts=True,
        )
    if change.changed:
        _touch(story)
    return change


@transaction.atomic
def story_remove(
    *, story: Story, sources: Iterable[Source | int] = (), events: Iterable[Event | int] = ()
) -> MembershipChange:
    """Take sources and events out of a story. Events cited by a leaving source leave too, unless
    another source still in the story cites them. The records themselves are never deleted."""
    source_ids, event_ids = _ids(sources), _ids(events)
    change = MembershipChange()
    if source_ids:
        leaving = SourceMembership.objects.filter(story=story, source_id__in=source_ids)
        change.sources = set(leaving.values_list("source_id", flat=True))
        leaving.delete()
        if change.sources:
            cited = set(
                Citation.objects.filter(source_id__in=change.sources).values_list("event_id", flat=True).distinct()
            )
            still_cited = Citation.objects.filter(
                event_id__in=cited, source_id__in=SourceMembership.objects.filter(story=story).values("source_id")
            ).values_list("event_id", flat=True)
            event_ids |= cited - set(still_cited)
    if event_ids:
        leaving = EventMembership.objects.filter(story=story, event_id__in=event_ids)
        change.events = set(leaving.values_list("event_id", flat=True))
        leaving.delete()
    if change.changed:
        _touch(story)
    return change


@transaction.atomic
def story_move(
    *, story: Story, sources: Collection[Source | int] = (), events: Collection[Event | int] = ()
) -> MembershipChange:
    """Move sources and events into `story` and out of every other story they are in.

    Queries grow with the number of stories the records leave, not with the number of records."""
    source_ids, event_ids = _ids(sources), _ids(events)
    others = Story.objects.exclude(pk=story.pk).filter(
        pk__in=SourceMembership.objects.filter(source_id__in=source_ids).values("story_id")
    ) | Story.objects.exclude(pk=story.pk).filter(
        pk__in=EventMembership.objects.filter(event_id__in=event_ids).values("story_id")
    )
    for other in others.distinct():
        story_remove(story=other, sources=source_ids, events=event_ids)
    return story_add(story=story, sources=source_ids, events=event_ids)


@transaction.atomic
def source_stories_set(*, source: Source, stories: Iterable[Story]) -> None:
    """Make a source's stories exactly `stories`, with its events following (an admin form edit)."""
    wanted = {story.pk: story for story in stories}
    current = {story.pk: story for story in source.stories.all()}
    for pk in current.keys() - wanted.keys():
        story_remove(story=current[pk], sources=[source])
    for pk in wanted.keys() - current.keys():
        story_add(story=wanted[pk], sources=[source])


def events_follow_citations(*, citations: Iterable[Citation | int]) -> int:
    """Each written citation's event joins every story its source is in. Returns the links made.

    Called by the services that write citations, so an event lands in the stories its sources are in.
    """
    citation_ids = _ids(citations)
    if not citation_ids:
        return 0
    pairs = set(
        Citation.objects.filter(pk__in=citation_ids, source__stories__isnull=False).values_list(
            "event_id", "source__stories"
        )
    )
    if not pairs:
        return 0
    present = set(
        EventMembership.objects.filter(
            event_id__in={event for event, _ in pairs}, story_id__in={story for _, story in pairs}
        ).values_list("event_id", "story_id")
    )
    new = sorted(pairs - present)
    EventMembership.objects.bulk_create(
        [EventMembership(event_id=e, story_id=s) for e, s in new], ignore_conflicts=True
    )
    if new:
        Story.objects.filter(pk__in={s for _, s in new}).update(updated_at=timezone.now())
    return len(new)


# --- Reading ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class StorySummary:
    """What a story holds, at a glance: its timeline's span, counts, publishers and last change."""

    date_start: dt.date | None
    date_end: dt.date | None
    sources: int
    events: int
    statements: int
    undated: int
    publishers: list[str]
    last_update: dt.datetime


def story_summary(*, story: Story) -> StorySummary:
    """Four queries: the sources, the events, the statements, and the publishers.

    The span runs from the earliest dated event or statement to the latest, as the timeline shows
    them; `undated` counts the events and statements the timeline leaves out. The last update is
    the latest change to the story, its membership, or one of its sources.
    """
    sources = Source.objects.in_stories([story]).aggregate(n=Count("pk"), updated=Max("updated_at"))
    spans = []
    counts = {}
    undated = 0
    for name, model in (("events", Event), ("statements", Statement)):
        row = model.objects.in_stories([story]).aggregate(
            n=Count("pk"), dated=Count("date_start"), start=Min("date_start"), end=Max("date_end")
        )
        counts[name] = row["n"]
        undated += row["n"] - row["dated"]
        spans.append((row["start"], row["end"]))
    starts = [start for start, _ in spans if start]
    ends = [end for _, end in spans if end]
    publishers = list(
        Source.objects.in_stories([story]).order_by("publisher").values_list("publisher", flat=True).distinct()
    )
    return StorySummary(
        date_start=min(starts, default=None),
        date_end=max(ends, default=None),
        sources=sources["n"],
        events=counts["events"],
        statements=counts["statements"],
        undated=undated,
        publishers=publishers,
        last_update=max(filter(None, [story.updated_at, sources["updated"]])),
    )
