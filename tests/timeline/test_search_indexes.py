import importlib

import pytest
from django.db import connection

from tests.factories import EventFactory
from timeline import filters
from timeline.filters import EventFilterSet, SourceFilterSet, StatementFilterSet
from timeline.models import Event

SEARCH_INDEXES = importlib.import_module("timeline.migrations.0002_search_indexes").SEARCH_INDEXES


def test_the_search_indexes_cover_the_fields_the_api_searches():
    # If these drift apart, PostgreSQL silently stops using the indexes.
    assert SEARCH_INDEXES["event"][1] == EventFilterSet.search_fields
    assert SEARCH_INDEXES["statement"][1] == StatementFilterSet.search_fields
    assert SEARCH_INDEXES["source"][1] == SourceFilterSet.search_fields


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text indexes exist on PostgreSQL only")
def test_postgresql_answers_event_search_from_the_index():
    EventFactory(title="Embassy urges Americans to leave Russia")
    queryset = filters.text_search(Event.objects.all(), "embassy", EventFilterSet.search_fields)

    with connection.cursor() as cursor:
        # The table is tiny, and other tests leave statistics behind: take away the scans that could read
        # every row (a sequential scan, or an ordered walk of another index) so the planner shows its hand.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        plan = queryset.explain()

    assert "timeline_event_search" in plan
    assert [e.title for e in queryset] == ["Embassy urges Americans to leave Russia"]
