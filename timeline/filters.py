"""Query-string filters for every list and the timeline, which the API and the pages both apply.

A value that cannot be used (a malformed date, an unknown status, an id that does not exist) is an
error that names the parameter (a 400 in the API, a message on the page), never an empty result
that looks like "no matches". The selectors apply them (`timeline.selectors.timeline_events(filters=...)`),
so neither the pages nor the API import the other.
"""

from __future__ import annotations

from collections.abc import Mapping

from django import forms
from django.db import connections
from django.db.models import Q, QuerySet
from django_filters import rest_framework as filters
from drf_spectacular.drainage import set_override

from timeline.models import Actor, ActorKind, DatePrecision, DateStatus, Event, Source, Statement, Story

OVERLAP_HELP = (
    "Dates are intervals, and a row matches when its interval overlaps [start, end] (both inclusive). "
    "So an event dated 2022-09 (the whole month) is inside ?start=2022-09-20&end=2022-09-30, and so is "
    "one dated to the week 2022-W38. Rows with no date never match a date range."
)


class InvalidFilters(ValueError):
    """Query parameters a filterset cannot use; `errors` names each one with its messages."""

    def __init__(self, errors: Mapping[str, list]) -> None:
        super().__init__(dict(errors))
        self.errors = errors


def apply_filters(filterset_class: type[filters.FilterSet], params: Mapping | None, queryset: QuerySet) -> QuerySet:
    """`queryset` narrowed by the filters `params` names; InvalidFilters when a value cannot be used."""
    params = params or {}
    declared = filterset_class.base_filters
    if not any(name in declared for name in params) and not any(f.extra.get("required") for f in declared.values()):
        # Nothing to filter by: building the filter form (a deep copy of every filter) would return
        # the queryset unchanged, at a cost near that of a page's queries.
        return queryset
    filterset = filterset_class(params, queryset=queryset)
    if not filterset.is_valid():
        raise InvalidFilters(filterset.errors)
    return filterset.qs


def text_search(qs: QuerySet, value: str, fields: list[str]) -> QuerySet:
    """Full-text search on PostgreSQL; on other databases every word must appear in one of the fields."""
    value = value.strip()
    if not value:
        return qs
    if connections[qs.db].vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        vector = SearchVector(*fields, config="english")
        return qs.alias(search=vector).filter(search=SearchQuery(value, config="english", search_type="websearch"))
    for word in value.split():
        word_matches = Q()
        for name in fields:
            word_matches |= Q(**{f"{name}__icontains": word})
        qs = qs.filter(word_matches)
    return qs


# Ids are 64-bit integers; a longer number would overflow the database's integer before matching nothing.
MAX_ID = 2**63 - 1


def _check_ids(values) -> None:
    for value in values:
        text = str(value).strip()
        if not text.isdigit() or int(text) > MAX_ID:
            raise forms.ValidationError(f"{value!r} is not a valid id.", code="invalid_pk_value")


class BoundedModelMultipleChoiceField(filters.ModelMultipleChoiceFilter.field_class):
    def clean(self, value):
        _check_ids(value or [])
        return super().clean(value)


class BoundedModelChoiceField(filters.ModelChoiceFilter.field_class):
    def clean(self, value):
        if value not in self.empty_values:
            _check_ids([value])
        return super().clean(value)


class IdsFilter(filters.ModelMultipleChoiceFilter):
    """Records by id, repeatable; anything but a whole number in the id range is a 400."""

    field_class = BoundedModelMultipleChoiceField


class IdFilter(filters.ModelChoiceFilter):
    field_class = BoundedModelChoiceField


class DayField(forms.DateField):
    """A day that, once the parameter is given, must be there: `?start=` is a 400, not "no bound"."""

    def to_python(self, value):
        if value == "":
            raise forms.ValidationError("Enter a date (YYYY-MM-DD).", code="invalid")
        return super().to_python(value)


class DayFilter(filters.DateFilter):
    field_class = DayField


class DateRangeForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", "The end comes before the start.")
        return cleaned


class StoryFilter(filters.ModelMultipleChoiceFilter):
    """Rows in any of the named stories. One query checks the slugs; the filter is a subquery, so a
    row in two of them still comes once. An unknown slug is a 400 naming the parameter."""

    def __init__(self, *, help_text: str, **kwargs):
        super().__init__(queryset=Story.objects.all(), to_field_name="slug", help_text=help_text, **kwargs)
        # The schema cannot read a slug off the filtered model's fields: say so, with the help text.
        set_override(self, "field", {"type": "string", "description": help_text})

    def filter(self, qs: QuerySet, value) -> QuerySet:
        return qs.in_stories(value) if value else qs


class DatedFilterSet(filters.FilterSet):
    """Filters shared by everything that carries a date (events, statements, the timeline)."""

    start = DayFilter(
        method="filter_start",
        help_text="Rows whose date interval ends on or after this day (YYYY-MM-DD). " + OVERLAP_HELP,
    )
    end = DayFilter(
        method="filter_end",
        help_text="Rows whose date interval starts on or before this day (YYYY-MM-DD). " + OVERLAP_HELP,
    )
    status = filters.MultipleChoiceFilter(
        field_name="date_status",
        choices=DateStatus.choices,
        help_text="Date status; repeat the parameter for several.",
    )
    precision = filters.MultipleChoiceFilter(
        field_name="date_precision",
        choices=DatePrecision.choices,
        help_text="Date precision; repeat the parameter for several.",
    )
    q = filters.CharFilter(
        method="search",
        help_text="Text search: PostgreSQL full-text search (web-search syntax) on PostgreSQL; "
        "every word must appear on other databases.",
    )

    search_fields: list[str] = []

    class Meta:
        form = DateRangeForm
        fields: list[str] = []

    def filter_start(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.overlapping(start=value)

    def filter_end(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.overlapping(end=value)

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return text_search(queryset, value, self.search_fields)


class EventFilterSet(DatedFilterSet):
    actor = IdsFilter(
        field_name="actors", queryset=Actor.objects.all(), help_text="Actor id; repeat for any of several."
    )
    source = IdsFilter(
        field_name="citations__source",
        queryset=Source.objects.all(),
        help_text="Id of a citing source; repeat for any of several.",
    )
    publisher = filters.CharFilter(
        field_name="citations__source__publisher",
        lookup_expr="iexact",
        distinct=True,
        help_text="Cited by a source from this publisher (exact name, any case).",
    )
    category = filters.CharFilter(field_name="category", help_text="Event category, e.g. diplomacy.")
    story = StoryFilter(help_text="Story slug: events in the story; repeat for any of several.")

    search_fields = ["title", "description", "location", "category"]

    class Meta(DatedFilterSet.Meta):
        model = Event


class StatementFilterSet(DatedFilterSet):
    actor = IdsFilter(
        field_name="speaker", queryset=Actor.objects.all(), help_text="Speaker (actor) id; repeat for several."
    )
    source = IdsFilter(
        field_name="source", queryset=Source.objects.all(), help_text="Reporting source id; repeat for several."
    )
    publisher = filters.CharFilter(
        field_name="source__publisher",
        lookup_expr="iexact",
        help_text="Reported by a source from this publisher (exact name, any case).",
    )
    category = filters.CharFilter(
        field_name="event__category", help_text="Category of the event the statement is about."
    )
    event = IdFilter(queryset=Event.objects.all(), help_text="The event the statement is about.")
    story = StoryFilter(help_text="Story slug: statements whose source is in the story; repeat for any of several.")

    search_fields = ["text"]

    class Meta(DatedFilterSet.Meta):
        model = Statement


class TimelineKindFilter(filters.ChoiceFilter):
    def __init__(self, *, kind: str, **kwargs):
        self.kind = kind
        super().__init__(
            choices=[("event", "events only"), ("statement", "statements only")],
            help_text="Only events or only statements; both by default.",
            **kwargs,
        )

    def filter(self, qs: QuerySet, value: str) -> QuerySet:
        return qs.none() if value and value != self.kind else qs


class TimelineEventFilterSet(EventFilterSet):
    """The timeline's parameters, as applied to its events (and as the schema lists them)."""

    kind = TimelineKindFilter(kind="event")


class TimelineStatementFilterSet(StatementFilterSet):
    """The timeline's parameters, as applied to its statements. `event` is not a timeline parameter."""

    kind = TimelineKindFilter(kind="statement")
    event = None


class SourceFilterSet(filters.FilterSet):
    start = DayFilter(field_name="published_date", lookup_expr="gte", help_text="Published on or after.")
    end = DayFilter(field_name="published_date", lookup_expr="lte", help_text="Published on or before.")
    publisher = filters.CharFilter(lookup_expr="iexact", help_text="Publisher name, any case.")
    language = filters.CharFilter(help_text="Language code, e.g. en.")
    q = filters.CharFilter(method="search", help_text="Text search over headline, publisher and full text.")
    story = StoryFilter(help_text="Story slug: sources in the story; repeat for any of several.")

    search_fields = ["headline", "publisher", "text"]

    class Meta:
        model = Source
        form = DateRangeForm
        fields: list[str] = []

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return text_search(queryset, value, self.search_fields)


class ActorFilterSet(filters.FilterSet):
    kind = filters.MultipleChoiceFilter(choices=ActorKind.choices, help_text="Actor kind; repeat for several.")
    q = filters.CharFilter(method="search", help_text="Text search over name and description.")

    class Meta:
        model = Actor
        fields: list[str] = []

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return text_search(queryset, value, ["name", "description"])


class StoryFilterSet(filters.FilterSet):
    source = IdsFilter(
        field_name="sources", queryset=Source.objects.all(), help_text="Stories holding this source id; repeatable."
    )
    event = IdsFilter(
        field_name="events", queryset=Event.objects.all(), help_text="Stories holding this event id; repeatable."
    )
    q = filters.CharFilter(method="search", help_text="Text search over title and description.")

    class Meta:
        model = Story
        fields: list[str] = []

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return text_search(queryset, value, ["title", "description"])
