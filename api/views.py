"""API views: one viewset per resource, the merged timeline, date annotation and tokens."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator

from django.db.models import QuerySet
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django_filters import utils as filter_utils
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import renderers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api import date_serializers, examples, payloads, serializers, story_serializers
from api.history import HistoryMixin
from api.pagination import MixedCursorPagination, TimelineCursorPagination
from api.permissions import ChangeWithModelPermission
from api.renderers import (
    CSVRenderer,
    ExportRenderer,
    FastJSONRenderer,
    ICalendarRenderer,
    StreamedExport,
    TimelineJSRenderer,
)
from intake import selectors as intake_selectors
from timeline import filters, paging, selectors
from timeline.filters import MAX_ID, InvalidFilters
from timeline.models import Actor, Event, Source, Statement, Story
from timeline.services import records, stories
from timeline.services.annotation import dates_annotate

# An export holds the whole filtered timeline up to this many rows; past it, a Link header
# (rel="next") gives the cursor to continue from.
EXPORT_MAX_ROWS = 5000
# Exports are streamed, read this many rows at a time (one keyset page each), in constant memory.
EXPORT_BATCH_ROWS = 500

ERRORS = {
    400: OpenApiResponse(serializers.ErrorSerializer, description="Invalid input; `errors` names each field."),
    401: OpenApiResponse(serializers.ErrorSerializer, description="Not authenticated."),
    403: OpenApiResponse(serializers.ErrorSerializer, description="Authenticated without the model permission."),
    404: OpenApiResponse(serializers.ErrorSerializer, description="No such record."),
    429: OpenApiResponse(serializers.ErrorSerializer, description="Too many requests (anonymous clients)."),
}
READ_ERRORS = {code: ERRORS[code] for code in (400, 429)}
LIST_ERRORS = {
    **READ_ERRORS,
    404: OpenApiResponse(serializers.ErrorSerializer, description="A page past the last one."),
}
DETAIL_ERRORS = {code: ERRORS[code] for code in (404, 429)}
WRITE_ERRORS = ERRORS
DELETE_ERRORS = {
    **{code: ERRORS[code] for code in (401, 403, 404)},
    409: OpenApiResponse(
        serializers.ErrorSerializer, description="Still referenced (an actor who speaks in statements)."
    ),
}


def crud_schema(name: str, plural: str, serializer) -> dict:
    """The same operation descriptions for every resource."""
    a = "an" if name[0] in "aeiou" else "a"
    return {
        "list": extend_schema(
            summary=f"List {plural}",
            description=f"{plural.capitalize()}, filtered by the query parameters, paged by `page` and `page_size`.",
            responses={200: serializer(many=True), **LIST_ERRORS},
        ),
        "retrieve": extend_schema(
            summary=f"Get one {name}", description=f"One {name} by id.", responses={200: serializer, **DETAIL_ERRORS}
        ),
        "create": extend_schema(
            summary=f"Create {a} {name}",
            description=f"Needs a user with the add_{name} permission.",
            responses={201: serializer, **WRITE_ERRORS},
        ),
        "update": extend_schema(
            summary=f"Replace {a} {name}",
            description=f"Needs the change_{name} permission.",
            responses={200: serializer, **WRITE_ERRORS},
        ),
        "partial_update": extend_schema(
            summary=f"Change some fields of {a} {name}",
            description=f"Needs the change_{name} permission.",
            responses={200: serializer, **WRITE_ERRORS},
        ),
        "destroy": extend_schema(
            summary=f"Delete {a} {name}",
            description=f"Needs the delete_{name} permission.",
            responses={204: None, **DELETE_ERRORS},
        ),
    }


@contextlib.contextmanager
def unusable_filters_as_400() -> Iterator[None]:
    """Query parameters the filters cannot use, as the 400 DjangoFilterBackend gives: each one named."""
    try:
        yield
    except InvalidFilters as error:
        raise filter_utils.translate_validation(error.errors) from None


class RecordViewSet(viewsets.ModelViewSet):
    # Reads for anyone; writes go through the services in timeline.services.records, deletes too.

    def get_object(self):
        # Ids are 64-bit integers: past that range the database would overflow, not miss.
        raw = self.kwargs.get(self.lookup_url_kwarg or self.lookup_field, "")
        if self.lookup_field == "pk" and (not raw.isdigit() or int(raw) > MAX_ID):
            raise NotFound("Not found.")
        return super().get_object()

    def perform_destroy(self, instance) -> None:
        records.record_delete(record=instance)


class ReadListMixin:
    """A list whose page is built from `.values()` rows by `list_payloads` (a sliced QuerySet and the
    request to payloads) rather than from model instances by the serializer, which gives the same JSON
    and stays for retrieve, writes and the schema. The filterset builds the QuerySet and the paginator
    counts and slices it as ModelViewSet.list does: the same filters, order, page and links."""

    list_payloads: Callable[[QuerySet, Request], list[dict]]

    def list(self, request: Request, *args, **kwargs) -> Response:
        # As DjangoFilterBackend would, less the filterset it builds when no parameter names a filter.
        with unusable_filters_as_400():
            queryset = filters.apply_filters(self.filterset_class, request.query_params, self.get_queryset())
        read = functools.partial(self.list_payloads, request=request)
        if self.paginator is None:
            return Response(read(queryset))
        return self.get_paginated_response(self.paginator.paginate_read(queryset, request, read))


@extend_schema_view(**crud_schema("source", "sources", serializers.SourceSerializer))
class SourceViewSet(HistoryMixin, RecordViewSet):
    """News articles with their publication context (date, time when known, time zone), which their
    relative dates ("on Tuesday") are resolved against."""

    queryset = Source.objects.all()
    serializer_class = serializers.SourceSerializer
    filterset_class = filters.SourceFilterSet

    def get_queryset(self) -> QuerySet[Source]:
        return selectors.source_list()


@extend_schema_view(**crud_schema("actor", "actors", serializers.ActorSerializer))
class ActorViewSet(RecordViewSet):
    """People, organisations, government bodies and countries that act in events or make statements."""

    queryset = Actor.objects.all()
    serializer_class = serializers.ActorSerializer
    filterset_class = filters.ActorFilterSet

    def get_queryset(self) -> QuerySet[Actor]:
        return selectors.actor_list()


@extend_schema_view(**crud_schema("event", "events", serializers.EventSerializer))
class EventViewSet(HistoryMixin, ReadListMixin, RecordViewSet):
    """Events with every citation: each source's own reading of the date, and whether the sources disagree.

    Ordered by date start, then precision (finest first), then id; undated events come last.
    On update, `citations` (when given) replaces the event's citations: items with an `id` are kept and
    changed, items without are added, and the others are deleted.
    """

    queryset = Event.objects.all()
    serializer_class = serializers.EventSerializer
    filterset_class = filters.EventFilterSet
    list_payloads = staticmethod(payloads.event_list_payloads)

    def get_queryset(self) -> QuerySet[Event]:
        return selectors.event_list()


@extend_schema_view(**crud_schema("statement", "statements", serializers.StatementSerializer))
class StatementViewSet(HistoryMixin, ReadListMixin, RecordViewSet):
    """Statements: what a speaker said, as one source reports it. Ordered like events."""

    queryset = Statement.objects.all()
    serializer_class = serializers.StatementSerializer
    filterset_class = filters.StatementFilterSet
    list_payloads = staticmethod(payloads.statement_list_payloads)

    def get_queryset(self) -> QuerySet[Statement]:
        return selectors.statement_list()


STORY_SLUG = OpenApiParameter("slug", str, OpenApiParameter.PATH, description="The story's slug.")
STORY_SCHEMA = {
    **crud_schema("story", "stories", story_serializers.StorySerializer),
    "retrieve": extend_schema(
        summary="Get one story, with its summary",
        description="One story by slug, with a summary of what it holds: the span of its timeline, "
        "counts of its sources, events and statements, its publishers and its last update.",
        responses={200: story_serializers.StoryDetailSerializer, **DETAIL_ERRORS},
    ),
}


@extend_schema_view(
    **{
        name: [decorator, extend_schema(parameters=[STORY_SLUG])] if name != "list" and name != "create" else decorator
        for name, decorator in STORY_SCHEMA.items()
    }
)
class StoryViewSet(RecordViewSet):
    """Stories: named timelines. Sources and events belong to stories (an article may bear on several);
    filter sources, events, statements, the timeline and its exports by `?story=<slug>`."""

    queryset = Story.objects.all()
    serializer_class = story_serializers.StorySerializer
    filterset_class = filters.StoryFilterSet
    lookup_field = "slug"

    def get_queryset(self) -> QuerySet[Story]:
        return selectors.story_list()

    def get_serializer_class(self):
        return (
            story_serializers.StoryDetailSerializer if self.action == "retrieve" else story_serializers.StorySerializer
        )

    def perform_destroy(self, instance: Story) -> None:
        stories.story_delete(story=instance)

    def _membership(self, request, slug: str, change) -> Response:
        story = self.get_object()
        body = story_serializers.StoryMembershipSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        result = change(story=story, sources=data.get("source_ids", ()), events=data.get("event_ids", ()))
        return Response({"sources": sorted(result.sources), "events": sorted(result.events)})

    @extend_schema(
        summary="Put sources and events in a story",
        description="Needs the change_story permission. A source that joins brings the events it cites. "
        "Records already in the story are left as they are. Answers with the ids that joined.",
        request=story_serializers.StoryMembershipSerializer,
        responses={200: story_serializers.StoryMembershipResultSerializer, **WRITE_ERRORS},
        parameters=[STORY_SLUG],
    )
    @action(detail=True, methods=["post"], permission_classes=[ChangeWithModelPermission])
    def add(self, request, slug: str) -> Response:
        return self._membership(request, slug, stories.story_add)

    @extend_schema(
        summary="Take sources and events out of a story",
        description="Needs the change_story permission. A source that leaves takes along the events no "
        "other source of the story cites. Nothing is deleted. Answers with the ids that left.",
        request=story_serializers.StoryMembershipSerializer,
        responses={200: story_serializers.StoryMembershipResultSerializer, **WRITE_ERRORS},
        parameters=[STORY_SLUG],
    )
    @action(detail=True, methods=["post"], permission_classes=[ChangeWithModelPermission])
    def remove(self, request, slug: str) -> Response:
        return self._membership(request, slug, stories.story_remove)


# --- The timeline -----------------------------------------------------------------------------

EXPORT_FORMATS = {"timelinejs": TimelineJSRenderer, "csv": CSVRenderer, "ics": ICalendarRenderer}
TIMELINE_DESCRIPTION = f"""Events and statements merged in chronological order: date start, then precision
(finest first), then events before statements, then id. Rows with no resolved interval are left out
(the timeline has nowhere to place them); find them with `/api/v1/events?status=unresolved`.

Paged by cursor: follow `next` and `previous`; pages stay stable while rows are added.

**Exports** of the same filtered timeline, chosen by `?format=` or the `Accept` header:

| format | Accept | content |
|---|---|---|
| `json` (default) | `application/json` | one page, as below |
| `timelinejs` | `application/vnd.timelinejs+json` | TimelineJS 3 JSON (see below) |
| `csv` | `text/csv` | one row per entry, lists joined with "; " |
| `ics` | `text/calendar` | iCalendar, one all-day event over each interval |

TimelineJS: `start_date`/`end_date` only as precise as the date (a month gives year and month),
`display_date` for dates coarser than a day, a stable `unique_id` (`event-12`), `group` from the
category (or the first actor), and the sources credited in the slide text.

An export holds up to {EXPORT_MAX_ROWS} rows from the cursor position; past that, a `Link: <...>; rel="next"`
header continues it."""


TIMELINE_FORMAT = OpenApiParameter(
    "format",
    str,
    enum=["json", "timelinejs", "csv", "ics"],
    description="Response format (an alternative to the Accept header).",
)
TIMELINE_RESPONSES = {
    (200, "application/json"): serializers.TimelineEntrySerializer(many=True),
    (200, TimelineJSRenderer.media_type): OpenApiResponse(
        OpenApiTypes.OBJECT, description="TimelineJS 3 JSON: {title, events: [slide, ...]}."
    ),
    (200, CSVRenderer.media_type): OpenApiResponse(OpenApiTypes.STR, description="CSV with a header row."),
    (200, ICalendarRenderer.media_type): OpenApiResponse(OpenApiTypes.STR, description="iCalendar (RFC 5545)."),
    **READ_ERRORS,
}
TIMELINE_EXAMPLES = [
    OpenApiExample("An event the sources date differently", value=examples.TIMELINE_ENTRY, response_only=True),
    OpenApiExample(
        "TimelineJS 3",
        value=examples.TIMELINEJS,
        response_only=True,
        media_type=TimelineJSRenderer.media_type,
    ),
    OpenApiExample("CSV", value=examples.CSV, response_only=True, media_type=CSVRenderer.media_type),
    OpenApiExample("iCalendar", value=examples.ICS, response_only=True, media_type=ICalendarRenderer.media_type),
]


@extend_schema_view(
    list=extend_schema(
        summary="The timeline",
        description=TIMELINE_DESCRIPTION,
        parameters=[TIMELINE_FORMAT],
        responses=TIMELINE_RESPONSES,
        examples=TIMELINE_EXAMPLES,
    )
)
class TimelineViewSet(viewsets.GenericViewSet):
    queryset = Event.objects.all()  # for the schema, which reads the filter parameters off the filterset
    serializer_class = serializers.TimelineEntrySerializer
    filterset_class = filters.TimelineEventFilterSet
    pagination_class = TimelineCursorPagination
    permission_classes = [AllowAny]  # read-only: there is nothing to write here
    renderer_classes = [FastJSONRenderer, renderers.BrowsableAPIRenderer, *EXPORT_FORMATS.values()]

    def list(self, request) -> Response | StreamedExport:
        return self.timeline(request, request.query_params)

    def timeline(self, request, filters) -> Response | StreamedExport:
        # The filtersets build the querysets (every filter applies); rows are then read with .values()
        # and the payloads built from them (api.payloads), the same JSON as TimelineEntrySerializer.
        with unusable_filters_as_400():
            events = selectors.timeline_events(filters=filters)
            statements = selectors.timeline_statements(filters=filters)
        paginator: TimelineCursorPagination = self.paginator
        renderer = request.accepted_renderer
        if not isinstance(renderer, ExportRenderer):
            return self.page(request, events, statements)

        # Where the export ends is known before the first byte (one query on the sort keys), so the
        # Link header can lead a body that is then streamed batch by batch.
        after = paginator.start_position(request)
        last, more = paging.timeline_position_at(
            events=events, statements=statements, after=after, offset=EXPORT_MAX_ROWS
        )
        batches = payloads.timeline_batches(
            events=events, statements=statements, after=after, total=EXPORT_MAX_ROWS, batch_size=EXPORT_BATCH_ROWS
        )
        response = StreamedExport(
            renderer.stream(batches, request=request), content_type=f"{renderer.media_type}; charset={renderer.charset}"
        )
        response["Content-Disposition"] = f'attachment; filename="{renderer.filename}"'
        if last is not None and more:
            response["Link"] = f'<{paginator.link_after(last)}>; rel="next"'
        return response

    def page(self, request, events: QuerySet[Event], statements: QuerySet[Statement]) -> Response:
        """One JSON page of the filtered timeline at the request's cursor."""
        rows = self.paginator.paginate_rows(events, statements, request)
        return self.paginator.get_paginated_response(payloads.timeline_entries(rows))

    def handle_exception(self, exc):
        # Errors are JSON whatever format was asked for: a CSV writer cannot render {"detail": ...}.
        if isinstance(getattr(self.request, "accepted_renderer", None), ExportRenderer):
            self.request.accepted_renderer = FastJSONRenderer()
            self.request.accepted_media_type = FastJSONRenderer.media_type
        return super().handle_exception(exc)


PROPOSALS_PARAMETER = OpenApiParameter(
    "proposals",
    str,
    enum=["include", "exclude"],
    description="`include` adds the actor's pending proposals (what the reader found and no editor has "
    'decided yet) among the page\'s rows, as entries of kind "proposal"; JSON pages only, exports hold '
    "accepted records. Default `exclude`.",
)


@extend_schema_view(
    list=extend_schema(
        summary="One actor's timeline",
        description="The timeline (`/api/v1/timeline`) of one actor: the events it takes part in and the "
        "statements it makes, with the same filters, cursor pages and exports.\n\n"
        "With `?proposals=include`, the actor's pending proposals are placed among the rows in timeline "
        "order, each marked by its kind, `proposal` (paging forward shows each one once).",
        parameters=[
            OpenApiParameter("id", int, OpenApiParameter.PATH, description="The actor's id."),
            TIMELINE_FORMAT,
            PROPOSALS_PARAMETER,
        ],
        responses={**TIMELINE_RESPONSES, 404: ERRORS[404]},
        examples=TIMELINE_EXAMPLES,
    )
)
class ActorTimelineViewSet(TimelineViewSet):
    """/api/v1/actors/{id}/timeline: the timeline with the actor filter fixed to one actor."""

    pagination_class = MixedCursorPagination

    def list(self, request, pk: int) -> Response | StreamedExport:
        if not Actor.objects.filter(pk=pk).exists():
            raise NotFound()
        choice = request.query_params.get("proposals", "exclude")
        if choice not in ("include", "exclude"):
            raise ValidationError({"proposals": ['"include" or "exclude".']})
        self.proposals_of = pk if choice == "include" else None
        filters = request.query_params.copy()
        filters.setlist("actor", [str(pk)])
        return self.timeline(request, filters)

    def page(self, request, events: QuerySet[Event], statements: QuerySet[Statement]) -> Response:
        if self.proposals_of is None:
            return super().page(request, events, statements)
        pending = functools.partial(intake_selectors.actor_pending_proposals, actor_id=self.proposals_of)
        page = self.paginator.paginate_mixed(events, statements, request, pending)
        rows = iter(payloads.timeline_entries([item for item in page if isinstance(item, dict)]))
        proposed = iter(payloads.proposal_entries([item for item in page if not isinstance(item, dict)]))
        entries = [next(rows) if isinstance(item, dict) else next(proposed) for item in page]
        return self.paginator.get_paginated_response(entries)


# --- Dates ------------------------------------------------------------------------------------


class AnnotateDatesView(APIView):
    permission_classes = [AllowAny]  # reads nothing and writes nothing; throttled like every call

    def throttle_cost(self, request) -> int:
        """A call draws one unit of the client's budget per 1,000 characters (CostRateThrottle)."""
        text = request.data.get("text") if isinstance(request.data, dict) else None
        return 1 + len(text) // 1000 if isinstance(text, str) else 1

    @extend_schema(
        operation_id="dates_annotate",
        summary="Find and resolve the dates in a text",
        description=(
            'Runs the date engine over `text`, resolving relative expressions ("on Tuesday", "last week") '
            "against `reference_date` (and `timezone`), and returns every expression found with its TIMEX3 "
            "value and the interval it covers, in text order: a JSON list, the same shape as "
            "`manage.py annotate_dates --format json`. "
            "The text may hold at most ANNOTATE_MAX_CHARS characters (100,000 by default): longer is a 400 "
            "naming `text`; a body over DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB by default) is refused unread "
            "with 413."
        ),
        request=date_serializers.AnnotateRequestSerializer,
        responses={
            200: date_serializers.TimexSerializer(many=True),
            400: ERRORS[400],
            413: OpenApiResponse(serializers.ErrorSerializer, description="Request body too large."),
            429: ERRORS[429],
        },
        examples=[
            OpenApiExample(
                "A news sentence",
                request_only=True,
                value={
                    "text": "The U.S. Embassy in Moscow on Wednesday issued a security alert.",
                    "reference_date": "2022-09-28",
                    "timezone": "America/New_York",
                },
            ),
            OpenApiExample(
                "Its annotation",
                response_only=True,
                value=[
                    {
                        "start": 30,
                        "end": 42,
                        "text": "on Wednesday",
                        "type": "DATE",
                        "value": "2022-09-28",
                        "start_date": "2022-09-28",
                        "end_date": "2022-09-28",
                        "precision": "day",
                        "rule": "weekday",
                        "mod": None,
                        "explanation": "the Wednesday of the publication week",
                        "anchor": "2022-09-28",
                    }
                ],
            ),
        ],
    )
    def post(self, request) -> Response:
        serializer = date_serializers.AnnotateRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        annotations = dates_annotate(
            text=data["text"], reference_date=data["reference_date"], timezone=data.get("timezone")
        )
        return Response(annotations, status=status.HTTP_200_OK)


@csrf_exempt  # a 404 is a 404 whatever the method; CSRF would turn an unknown DELETE into an HTML 403
def not_found(request, *args, **kwargs) -> JsonResponse:
    """Any path under /api/ that names no endpoint."""
    return JsonResponse({"detail": "Not found."}, status=404)
