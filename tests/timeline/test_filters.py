"""timeline.filters, applied by the selectors: the same narrowing for the pages and the API, and an
unusable value named rather than read as "no matches". The API's query parameters are tested through
its endpoints in tests/api/test_filters.py."""

import datetime as dt

import pytest
from django.http import QueryDict

from tests.factories import ActorFactory, CitationFactory, EventFactory, StatementFactory, resolved_dates
from timeline import selectors
from timeline.filters import EventFilterSet, InvalidFilters, apply_filters

pytestmark = pytest.mark.django_db


def test_a_query_that_names_no_filter_leaves_the_queryset_as_it_is():
    queryset = selectors.event_list()

    assert apply_filters(EventFilterSet, QueryDict("cursor=abc&format=csv"), queryset) is queryset
    assert apply_filters(EventFilterSet, None, queryset) is queryset


def test_an_unusable_value_is_an_error_naming_each_parameter():
    with pytest.raises(InvalidFilters) as raised:
        apply_filters(EventFilterSet, QueryDict("start=yesterday&actor=x"), selectors.event_list())

    assert set(raised.value.errors) == {"start", "actor"}


def test_the_timeline_selectors_apply_the_timelines_filters_to_each_kind():
    day = dt.date(2022, 9, 27)
    speaker = ActorFactory(name="Embassy")
    wanted = EventFactory(title="Embassy alert", **resolved_dates(day))
    wanted.actors.add(speaker)
    EventFactory(title="Flood warning", **resolved_dates(day))
    said = StatementFactory(speaker=speaker, **resolved_dates(day))
    StatementFactory(**resolved_dates(day))
    CitationFactory(event=wanted)

    params = QueryDict(f"actor={speaker.pk}")

    assert list(selectors.timeline_events(filters=params)) == [wanted]
    assert list(selectors.timeline_statements(filters=params)) == [said]
    assert list(selectors.timeline_statements(filters=QueryDict("kind=event"))) == []
