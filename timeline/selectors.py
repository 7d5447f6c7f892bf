"""Reads that compose more than one QuerySet method: what the API lists and the pages show.

Everything here returns QuerySets or plain values built from already-fetched rows, so that a list
costs the same number of queries at 10 rows as at 100. The merged timeline is paged in
timeline.paging; its rows for the API are read in timeline.rows; where sources disagree is
timeline.readings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.db.models import Count, F, Prefetch, QuerySet
from django.db.models.functions import TruncMonth

from timeline.filters import TimelineEventFilterSet, TimelineStatementFilterSet, apply_filters
from timeline.models import Actor, Citation, Event, Source, Statement, Story


def precision_rank_expression() -> F:
    """The stored precision rank (finest first, blank last), which the chrono index covers."""
    return F("date_precision_rank")


def chronological(qs: QuerySet) -> QuerySet:
    """Date start, then precision (finest first), then id; rows with no date last."""
    return qs.annotate(precision_rank=precision_rank_expression()).order_by(
        F("date_start").asc(nulls_last=True), "precision_rank", "id"
    )


def source_list() -> QuerySet[Source]:
    return Source.objects.order_by("-published_date", "slug", "id")


def actor_list() -> QuerySet[Actor]:
    return Actor.objects.order_by("name", "id")


def event_list() -> QuerySet[Event]:
    """Events with what their payload shows: actors, and every citation with its source."""
    citations = Citation.objects.select_related("source").order_by("source__published_date", "source_id", "char_start")
    return chronological(
        Event.objects.prefetch_related(
            Prefetch("actors", queryset=Actor.objects.order_by("name")),
            Prefetch("citations", queryset=citations),
        )
    )


def statement_list() -> QuerySet[Statement]:
    return chronological(Statement.objects.select_related("speaker", "source", "event"))


def timeline_events(*, filters: Mapping | None = None) -> QuerySet[Event]:
    """The timeline's events, narrowed by its query parameters (timeline.filters; InvalidFilters if unusable)."""
    return apply_filters(TimelineEventFilterSet, filters, event_list())


def timeline_statements(*, filters: Mapping | None = None) -> QuerySet[Statement]:
    """The timeline's statements, narrowed by its query parameters (timeline.filters)."""
    return apply_filters(TimelineStatementFilterSet, filters, statement_list())


def story_list() -> QuerySet[Story]:
    return Story.objects.order_by("title", "slug", "id")


def story_title(slug: str) -> str | None:
    """The title of the story with this slug; None when there is none."""
    return Story.objects.filter(slug=slug).values_list("title", flat=True).first()


def source_citations(source: Source) -> QuerySet[Citation]:
    """A source's citations in text order, with the events they support."""
    return source.citations.select_related("event").order_by("char_start", "id")


def source_statements(source: Source) -> QuerySet[Statement]:
    """A source's statements in text order, with their speakers."""
    return source.statements.select_related("speaker").order_by("char_start", "id")


def month_counts(events: QuerySet[Event], statements: QuerySet[Statement]) -> list[tuple[dt.date, int]]:
    """Dated entries per month of their start date: one aggregate query per kind."""
    rows: list[tuple[dt.date, int]] = []
    for qs in (events, statements):
        rows.extend(
            qs.filter(date_start__isnull=False)
            .order_by()
            .annotate(month=TruncMonth("date_start"))
            .values_list("month")
            .annotate(n=Count("id", distinct=True))
        )
    return rows
