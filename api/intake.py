"""The API of article import and review: import jobs, and the proposals an editor accepts or rejects.

POST /api/v1/sources/import          a URL, an uploaded page (multipart) or a text -> 202 and a job
POST /api/v1/sources/import-many     a list of URLs -> 202 and one job (done/total, failures)
GET  /api/v1/jobs/{id}               poll it; POST /api/v1/jobs/{id}/retry runs a failed one again
GET  /api/v1/feeds                   the feeds editors follow (create, update, delete too);
POST /api/v1/feeds/{id}/poll         queues a poll now -> 202 and its job (progress done/total, failures)
GET  /api/v1/proposals               filter by source, state, kind
POST /api/v1/proposals/{id}/accept   and /reject (api/review.py, with corrections), POST /api/v1/proposals/undo;
                                     PATCH edits a pending one
"""

from __future__ import annotations

import datetime as dt

import django_filters
from django.conf import settings
from django.db.models import QuerySet
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_serializer,
    extend_schema_view,
)
from rest_framework import mixins, parsers, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from api import examples, review
from api.date_serializers import date_field, known_timezones
from api.parsers import BoundedJSONParser
from api.permissions import ReadAndWriteWithModelPermission, ReadAnyoneWriteWithModelPermission
from api.serializers import (
    ActorBriefSerializer,
    ErrorSerializer,
    EventBriefSerializer,
    SourceBriefSerializer,
)
from api.strict import StrictTypesMixin
from api.throttles import CostRateThrottle
from intake.models import Feed, ImportJob, JobStatus, Proposal, ProposalKind, ProposalState
from intake.services import feeds, jobs, proposals
from intake.services.articles import DATE_OPTION, OPTION_NAMES, ArticleInput
from timeline.filters import MAX_ID, IdsFilter
from timeline.models import Actor, Event, Source, Story

ERRORS = {
    400: OpenApiResponse(ErrorSerializer, description="Invalid input; `errors` names each field."),
    401: OpenApiResponse(ErrorSerializer, description="Not authenticated."),
    403: OpenApiResponse(ErrorSerializer, description="Authenticated without the permission."),
    404: OpenApiResponse(ErrorSerializer, description="No such record."),
    429: OpenApiResponse(ErrorSerializer, description="Too many requests (anonymous clients)."),
}


# --- Examples (the seeds' September 2022 alert, as an import would propose it) ---------------------

IMPORT_REQUEST = {
    "url": "https://nypost.com/2022/09/28/americans-told-to-leave-russia/",
    "timezone": "America/New_York",
    "story": "us-embassy-russia-alerts",
}
JOB_RESPONSE = {
    "id": 17,
    "api_url": "https://timeline.example.org/api/v1/jobs/17",
    "status": "succeeded",
    "url": IMPORT_REQUEST["url"],
    "filename": "",
    "options": {"timezone": "America/New_York", "story": "us-embassy-russia-alerts"},
    "progress": 100,
    "message": "imported americans-told-to-leave-russia with 19 proposals",
    "error": "",
    "attempts": 1,
    "source": examples.POST_BRIEF,
    "proposals_created": 19,
    "created_at": "2026-12-01T16:03:08Z",
    "started_at": "2026-12-01T16:03:08Z",
    "finished_at": "2026-12-01T16:03:10Z",
    "feed": None,
    "urls": [],
    "total": 0,
    "done": 0,
    "failures": [],
}
JOB_202 = OpenApiExample("A finished import", value=JOB_RESPONSE, response_only=True, status_codes=["202"])
WEDNESDAY_ALERT = (
    "The U.S. Embassy in Moscow on Wednesday issued a security alert calling on American citizens to leave "
    "Russia immediately."
)
PROPOSAL_REQUEST = {"event_id": 2, "date_text": "Wednesday"}
PROPOSAL_RESPONSE = {
    "id": 70,
    "api_url": "https://timeline.example.org/api/v1/proposals/70",
    "kind": "citation",
    "state": "pending",
    "source": examples.POST_BRIEF,
    "char_start": 0,
    "char_end": len(WEDNESDAY_ALERT),
    "text": WEDNESDAY_ALERT,
    "rule": "dated_happening",
    "confidence": 0.8,
    "mode": "",
    "speaker_name": "",
    "speaker_kind": "",
    "speaker": None,
    "event": {"id": 2, "slug": "embassy-security-alert", "title": "US Embassy security alert"},
    "same_event_as": None,
    "also_event": None,
    "also_same_event_as": None,
    "event_title": "The U.S. Embassy in Moscow issued a security alert",
    "match_score": 0.82,
    "match_reasons": ["dates 1 day apart", "3 shared content words (alert, citizen, security)", "1 shared actor"],
    "actors": [{"name": "U.S. Embassy in Moscow", "kind": "government_body", "actor_id": 12}],
    "date": examples.WEDNESDAY,
    "reviewed_by": None,
    "reviewed_at": None,
    "statement": None,
    "citation": None,
}


# --- Import ------------------------------------------------------------------------------------


IMPORT_EXAMPLES = [
    OpenApiExample("A news page", value=IMPORT_REQUEST, request_only=True),
    OpenApiExample(
        "A plain text",
        value={"text": f"{WEDNESDAY_ALERT} ...", "published": "2022-09-28T14:05", "publisher": "New York Post"},
        request_only=True,
    ),
    OpenApiExample(
        "A saved page",
        value={"file": "(the saved page, e.g. article.html)", "timezone": "America/New_York"},
        request_only=True,
        media_type="multipart/form-data",
    ),
]


@extend_schema_serializer(examples=IMPORT_EXAMPLES)
class ImportRequestSerializer(serializers.Serializer):
    """Exactly one of `url`, `file` or `text`, and the publication facts the page does not give."""

    url = serializers.CharField(
        max_length=500, required=False, help_text="An http(s) news page to fetch (public addresses only)."
    )
    file = serializers.FileField(
        required=False, help_text="A saved page (.html) or a plain text (.txt), as multipart/form-data."
    )
    text = serializers.CharField(
        required=False, trim_whitespace=False, help_text="The article's plain text; give `published` and `publisher`."
    )
    published = serializers.CharField(
        max_length=19,
        required=False,
        help_text="Publication date, YYYY-MM-DD or YYYY-MM-DDTHH:MM, when the page does not say it.",
    )
    timezone = serializers.CharField(max_length=64, required=False, help_text="The publisher's IANA time zone.")
    publisher = serializers.CharField(max_length=200, required=False)
    source_url = serializers.URLField(max_length=500, required=False, help_text="The article's URL to record.")
    slug = serializers.SlugField(max_length=100, required=False, help_text="Made from the headline if left out.")
    headline = serializers.CharField(max_length=300, required=False)
    story = serializers.SlugField(max_length=100, required=False, help_text="The slug of a story to put it in.")

    def validate_url(self, value: str) -> str:
        value = value.strip()
        if not value.lower().startswith(("http://", "https://")):
            raise serializers.ValidationError("Only http and https URLs can be imported.")
        if Source.objects.filter(url=value).exists():
            raise serializers.ValidationError("This URL was already imported.")
        return value

    def validate_file(self, value):
        if value.size > settings.IMPORT_MAX_BYTES:
            raise serializers.ValidationError(f"Larger than the {settings.IMPORT_MAX_BYTES} bytes allowed.")
        return value

    def validate_text(self, value: str) -> str:
        if not value.strip():
            raise serializers.ValidationError("The text is empty.")
        if len(value.encode("utf-8")) > settings.IMPORT_MAX_BYTES:
            raise serializers.ValidationError(f"Larger than the {settings.IMPORT_MAX_BYTES} bytes allowed.")
        return value

    def validate_published(self, value: str) -> str:
        match = DATE_OPTION.match(value.strip())
        try:
            if not match:
                raise ValueError
            dt.date.fromisoformat(match.group(1))
            if match.group(2):
                dt.time.fromisoformat(match.group(2))
        except ValueError:
            raise serializers.ValidationError("Expected YYYY-MM-DD or YYYY-MM-DDTHH:MM.") from None
        return value.strip()

    def validate_timezone(self, value: str) -> str:
        if value not in known_timezones():
            raise serializers.ValidationError("Unknown time zone; expected an IANA name such as Europe/London.")
        return value

    def validate_slug(self, value: str) -> str:
        if Source.objects.filter(slug=value).exists():
            raise serializers.ValidationError("This slug is taken by another source.")
        return value

    def validate_story(self, value: str) -> str:
        if not Story.objects.filter(slug=value).exists():
            raise serializers.ValidationError("There is no story with this slug.")
        return value

    def validate(self, attrs: dict) -> dict:
        given = [name for name in ("url", "file", "text") if attrs.get(name)]
        if not given:
            raise ValidationError({"url": ["Give a url, a file or a text to import."]})
        if len(given) > 1:
            raise ValidationError({name: ["Give only one of url, file or text."] for name in given[1:]})
        if "text" in given:
            missing = {name: ["Required with a text."] for name in ("published", "publisher") if not attrs.get(name)}
            if missing:
                raise ValidationError(missing)
        return attrs

    def to_input(self) -> ArticleInput:
        data = self.validated_data
        options = {name: data.get(name, "") for name in OPTION_NAMES}
        if data.get("file"):
            upload = data["file"]
            return ArticleInput(content=upload.read(), filename=upload.name or "upload.html", **options)
        if data.get("text"):
            return ArticleInput(content=data["text"], filename="text.txt", **options)
        return ArticleInput(url=data["url"], **options)


class JobFailureSerializer(serializers.Serializer):
    url = serializers.CharField(help_text="The item's link (empty when it had none).")
    title = serializers.CharField(help_text="The item's title in the feed.")
    reason = serializers.CharField(help_text="Why it was not imported, one line naming the field at fault.")


@extend_schema_serializer(examples=[OpenApiExample("A finished import", value=JOB_RESPONSE, response_only=True)])
class ImportJobSerializer(serializers.ModelSerializer):
    api_url = serializers.HyperlinkedIdentityField(view_name="api:job-detail", help_text="Poll here.")
    failures = serializers.SerializerMethodField(help_text="Of many articles: each item not imported, and why.")
    urls = serializers.SerializerMethodField(help_text="A list of URLs to import; empty for other imports.")
    source = SourceBriefSerializer(read_only=True, allow_null=True, help_text="The imported source, once done.")
    url = serializers.CharField(read_only=True, help_text="The address fetched; empty for an uploaded file or text.")

    class Meta:
        model = ImportJob
        fields = [
            "id",
            "api_url",
            "status",
            "url",
            "filename",
            "options",
            "progress",
            "message",
            "error",
            "attempts",
            "source",
            "proposals_created",
            "created_at",
            "started_at",
            "finished_at",
            "feed",
            "urls",
            "total",
            "done",
            "failures",
        ]
        read_only_fields = fields
        extra_kwargs = {
            "feed": {"help_text": "The feed this job polls; null for other imports."},
            "total": {"help_text": "A feed's poll: the new items it claimed; a list of URLs: their number."},
            "done": {"help_text": "Of a feed's poll or a list of URLs: the items done so far, imported or not."},
        }

    @extend_schema_field(JobFailureSerializer(many=True))
    def get_failures(self, job: ImportJob) -> list:
        return job.failures

    def get_urls(self, job: ImportJob) -> list[str]:
        return job.urls


def _error_field(job: ImportJob) -> str:
    """The field a failed job's one-line error names ("url: ...", "published: ..."), else the input's."""
    prefix = job.error.split(":", 1)[0].strip()
    if prefix in ("url", "file", "text", *OPTION_NAMES):
        return prefix
    return "url" if job.url else ("text" if job.filename == "text.txt" else "file")


class SourceImportView(APIView):
    """Import one article and read it: a job that fetches or opens it, stores the source, and proposes."""

    parser_classes = [BoundedJSONParser, parsers.MultiPartParser, parsers.FormParser]
    permission_classes = [ReadAnyoneWriteWithModelPermission]
    queryset = Source.objects.none()  # the permission check reads the model: importing needs add_source

    def throttle_cost(self, request) -> int:
        """An import draws IMPORT_THROTTLE_COST units of the client's budget (CostRateThrottle)."""
        return settings.IMPORT_THROTTLE_COST

    @extend_schema(
        operation_id="sources_import",
        tags=["sources"],
        summary="Import an article (URL, saved page or text) and propose its statements and citations",
        description=(
            "Queues a job that fetches the URL (or reads the uploaded page or the text), extracts the article "
            "with its headline, authors, publisher and publication date, stores it as a source and proposes "
            "its statements and event citations for review. Answers 202 with the job to poll at "
            "`/api/v1/jobs/{id}`. With the default inline backend the job has already run: if it failed on "
            "its input (unreachable URL, not an HTML page, no article text, no publication date, a private "
            "address, a duplicate) the answer is a 400 naming the field instead, and nothing is stored but "
            "the failed job. Needs the add_source permission."
        ),
        request={"application/json": ImportRequestSerializer, "multipart/form-data": ImportRequestSerializer},
        responses={202: ImportJobSerializer, **ERRORS},
        examples=[*IMPORT_EXAMPLES, JOB_202],
    )
    def post(self, request) -> Response:
        serializer = ImportRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        job = jobs.import_job_create(data=serializer.to_input(), user=request.user)
        if job.status == JobStatus.FAILED:
            raise ValidationError({_error_field(job): [f"{job.error} (import job {job.pk})"]})
        return Response(ImportJobSerializer(job, context={"request": request}).data, status=status.HTTP_202_ACCEPTED)


IMPORT_MANY_REQUEST = {
    "urls": [
        "https://nypost.com/2022/09/28/americans-told-to-leave-russia/",
        "https://www.bbc.com/news/world-europe-63057484",
    ]
}


IMPORT_MANY_202 = OpenApiExample(
    "Two pages, one imported",
    value={
        **JOB_RESPONSE,
        "url": "",
        "options": {},
        "message": "imported 1 of 2 articles, 1 failed",
        "urls": IMPORT_MANY_REQUEST["urls"],
        "total": 2,
        "done": 2,
        "failures": [
            {
                "url": IMPORT_MANY_REQUEST["urls"][1],
                "title": "",
                "reason": f"url: {IMPORT_MANY_REQUEST['urls'][1]} answered HTTP 404",
            }
        ],
    },
    response_only=True,
    status_codes=["202"],
)


IMPORT_MANY_EXAMPLE = OpenApiExample("Two news pages", value=IMPORT_MANY_REQUEST, request_only=True)


@extend_schema_serializer(examples=[IMPORT_MANY_EXAMPLE])
class ImportManyRequestSerializer(serializers.Serializer):
    urls = serializers.ListField(
        child=serializers.CharField(max_length=500),
        min_length=1,
        help_text="http(s) news pages to fetch (public addresses only); at most IMPORT_MANY_MAX_URLS (200).",
    )

    def validate_urls(self, value: list[str]) -> list[str]:
        if len(value) > settings.IMPORT_MANY_MAX_URLS:
            raise serializers.ValidationError(
                f"At most {settings.IMPORT_MANY_MAX_URLS} URLs in one import (IMPORT_MANY_MAX_URLS), not {len(value)}."
            )
        urls = list(dict.fromkeys(url.strip() for url in value))  # each once, in the order given
        wrong = [url for url in urls if not url.lower().startswith(("http://", "https://"))]
        if wrong:
            raise serializers.ValidationError(f"Only http and https URLs can be imported, not {wrong[0][:100]!r}.")
        return urls


class SourceImportManyView(APIView):
    """Import many articles from their URLs in one job, each on its own: a bad one does not stop the others."""

    parser_classes = [BoundedJSONParser]
    permission_classes = [ReadAnyoneWriteWithModelPermission]
    queryset = Source.objects.none()  # the permission check reads the model: importing needs add_source

    def throttle_cost(self, request) -> int:
        """Each URL costs an import (IMPORT_THROTTLE_COST); the throttle holds a call to the whole budget at most."""
        urls = request.data.get("urls") if isinstance(request.data, dict) else None
        return settings.IMPORT_THROTTLE_COST * max(1, len(urls) if isinstance(urls, list) else 1)

    @extend_schema(
        operation_id="sources_import_many",
        tags=["sources"],
        summary="Import many articles from their URLs, in one job",
        description=(
            "Queues one job that imports each URL as `POST /api/v1/sources/import` would, each in its own "
            "transaction. Poll it at `/api/v1/jobs/{id}`: `done` of `total`, and each URL not imported with its "
            "reason in `failures` (unreachable, not an HTML page, no article text, a private address, already "
            "imported). The job fails only when none could be imported. Needs the add_source permission."
        ),
        request=ImportManyRequestSerializer,
        responses={202: ImportJobSerializer, **ERRORS},
        examples=[IMPORT_MANY_EXAMPLE, IMPORT_MANY_202],
    )
    def post(self, request) -> Response:
        serializer = ImportManyRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        job = jobs.import_job_create_many(urls=serializer.validated_data["urls"], user=request.user)
        return Response(ImportJobSerializer(job, context={"request": request}).data, status=status.HTTP_202_ACCEPTED)


class ImportJobPermission(ReadAndWriteWithModelPermission):
    # Retrying a job imports an article, as the first run did: it needs add_source.
    perms_map = {**ReadAndWriteWithModelPermission.perms_map, "POST": ["timeline.add_source"]}


@extend_schema_view(
    list=extend_schema(summary="List import jobs", responses={200: ImportJobSerializer(many=True), **ERRORS}),
    retrieve=extend_schema(summary="Get one import job (poll it)", responses={200: ImportJobSerializer, **ERRORS}),
)
class ImportJobViewSet(viewsets.ReadOnlyModelViewSet):
    """Article import jobs: status, progress, error, and the source they made."""

    queryset = ImportJob.objects.all()
    serializer_class = ImportJobSerializer
    permission_classes = [ImportJobPermission]
    filterset_fields = ["status"]

    def initial(self, request, *args, **kwargs) -> None:
        super().initial(request, *args, **kwargs)
        if request.method in ("GET", "HEAD"):
            # A job whose worker died is shown failed, with its reason, rather than running forever.
            jobs.import_jobs_fail_stale()

    def get_queryset(self) -> QuerySet[ImportJob]:
        return ImportJob.objects.select_related("source")

    @extend_schema(
        summary="Run a failed import job again",
        description="Only a failed job can be retried. Needs the add_source permission.",
        request=None,
        responses={202: ImportJobSerializer, **ERRORS},
        examples=[JOB_202],
    )
    @action(detail=True, methods=["post"])
    def retry(self, request, pk=None) -> Response:
        job = jobs.import_job_retry(job=self.get_object())
        return Response(ImportJobSerializer(job, context={"request": request}).data, status=status.HTTP_202_ACCEPTED)


# --- Feeds -------------------------------------------------------------------------------------

FEED_REQUEST = {"url": "https://www.example.org/world/rss.xml", "title": "Example world news", "interval_minutes": 30}
FEED_RESPONSE = {
    "id": 3,
    "api_url": "https://timeline.example.org/api/v1/feeds/3",
    **FEED_REQUEST,
    "enabled": True,
    "last_polled_at": "2026-12-01T16:00:00Z",
    "last_error": "",
    "created_at": "2026-11-30T09:12:00Z",
}
POLL_202 = OpenApiExample(
    "A poll queued",
    value={
        **JOB_RESPONSE,
        "id": 18,
        "api_url": "https://timeline.example.org/api/v1/jobs/18",
        "status": "queued",
        "url": FEED_REQUEST["url"],
        "options": {},
        "progress": 0,
        "message": "queued",
        "source": None,
        "proposals_created": 0,
        "started_at": None,
        "finished_at": None,
        "feed": 3,
        "urls": [],
        "total": 0,
        "done": 0,
        "failures": [],
    },
    response_only=True,
    status_codes=["202"],
)


@extend_schema_serializer(examples=examples.pair("A feed", FEED_REQUEST, FEED_RESPONSE))
class FeedSerializer(StrictTypesMixin, serializers.ModelSerializer):
    api_url = serializers.HyperlinkedIdentityField(view_name="api:feed-detail", help_text="This resource.")

    class Meta:
        model = Feed
        fields = [
            "id",
            "api_url",
            "url",
            "title",
            "interval_minutes",
            "enabled",
            "last_polled_at",
            "last_error",
            "created_at",
        ]
        read_only_fields = ["last_polled_at", "last_error", "created_at"]
        # The model's check holds the minimum; a week is the most that still reads as "following" a feed.
        extra_kwargs = {"interval_minutes": {"min_value": 1, "max_value": 7 * 24 * 60}}

    def validate_url(self, value: str) -> str:
        if not value.lower().startswith(("http://", "https://")):
            raise serializers.ValidationError("Only http and https feeds can be polled.")
        return value


class FeedFilterSet(django_filters.FilterSet):
    # A choice, not a BooleanFilter: that one takes "null" or "maybe" for "no filter" instead of a 400.
    enabled = django_filters.ChoiceFilter(
        choices=[("true", "true"), ("false", "false")],
        method="filter_enabled",
        help_text="Only the feeds being polled (true) or paused (false).",
    )

    def filter_enabled(self, queryset: QuerySet[Feed], name: str, value: str) -> QuerySet[Feed]:
        return queryset.filter(enabled=value == "true")

    class Meta:
        model = Feed
        fields = ["enabled"]


class FeedPollPermission(ReadAndWriteWithModelPermission):
    # A poll imports articles: it needs add_source, as an import does, besides change_feed.
    perms_map = {**ReadAndWriteWithModelPermission.perms_map, "POST": ["intake.change_feed", "timeline.add_source"]}


@extend_schema_view(
    list=extend_schema(summary="List feeds", responses={200: FeedSerializer(many=True), **ERRORS}),
    retrieve=extend_schema(summary="Get one feed", responses={200: FeedSerializer, **ERRORS}),
    create=extend_schema(summary="Follow a feed (needs add_feed)", responses={201: FeedSerializer, **ERRORS}),
    update=extend_schema(summary="Change a feed (needs change_feed)", responses={200: FeedSerializer, **ERRORS}),
    partial_update=extend_schema(
        summary="Change some of a feed's fields (needs change_feed)", responses={200: FeedSerializer, **ERRORS}
    ),
    destroy=extend_schema(
        summary="Stop following a feed (needs delete_feed); its articles stay", responses={204: None, **ERRORS}
    ),
)
class FeedViewSet(viewsets.ModelViewSet):
    """RSS and Atom feeds that editors follow, each polled on its interval by `feeds_poll` (cron)."""

    queryset = Feed.objects.all()
    serializer_class = FeedSerializer
    permission_classes = [ReadAndWriteWithModelPermission]
    filterset_class = FeedFilterSet

    def get_object(self) -> Feed:
        # Ids are 64-bit integers: past that range the database would overflow, not miss.
        raw = self.kwargs.get("pk", "")
        if not raw.isdigit() or int(raw) > MAX_ID:
            raise NotFound("Not found.")
        return super().get_object()

    def throttle_cost(self, request) -> int:
        """A poll draws one import's cost (IMPORT_THROTTLE_COST): it fetches the feed, and imports only items
        no poll imported before, so asking again at once fetches one document and imports nothing."""
        return settings.IMPORT_THROTTLE_COST

    def get_throttles(self) -> list:
        throttles = super().get_throttles()
        if self.action == "poll":
            return throttles
        # Reading and editing the list of feeds is not expensive work: only the poll draws on the budget.
        return [throttle for throttle in throttles if not isinstance(throttle, CostRateThrottle)]

    @extend_schema(
        summary="Poll a feed now",
        description=(
            "Queues a poll of the feed whatever its interval: a job that reads the feed and imports each item "
            "not imported before. Poll the job at `/api/v1/jobs/{id}`: `done` of `total` items, and each "
            "failed item with its reason in `failures`. Needs change_feed and add_source."
        ),
        request=None,
        responses={202: ImportJobSerializer, **ERRORS},
        examples=[POLL_202],
    )
    @action(detail=True, methods=["post"], permission_classes=[FeedPollPermission])
    def poll(self, request, pk=None) -> Response:
        job = feeds.feed_poll_enqueue(feed=self.get_object(), user=request.user)
        return Response(ImportJobSerializer(job, context={"request": request}).data, status=status.HTTP_202_ACCEPTED)


# --- Proposals ---------------------------------------------------------------------------------


class ProposalFilterSet(django_filters.FilterSet):
    source = IdsFilter(queryset=Source.objects.all(), help_text="Source id (repeatable).")
    state = django_filters.MultipleChoiceFilter(choices=ProposalState.choices)
    kind = django_filters.ChoiceFilter(choices=ProposalKind.choices)

    class Meta:
        model = Proposal
        fields = ["source", "state", "kind"]


@extend_schema_serializer(examples=examples.pair("A citation of the alert", PROPOSAL_REQUEST, PROPOSAL_RESPONSE))
class ProposalSerializer(StrictTypesMixin, serializers.ModelSerializer):
    api_url = serializers.HyperlinkedIdentityField(view_name="api:proposal-detail", help_text="This resource.")
    source = SourceBriefSerializer(read_only=True)
    speaker = ActorBriefSerializer(read_only=True, allow_null=True, help_text="The known actor who speaks.")
    speaker_id = serializers.PrimaryKeyRelatedField(
        source="speaker", queryset=Actor.objects.all(), allow_null=True, required=False, write_only=True
    )
    event = EventBriefSerializer(read_only=True, allow_null=True, help_text="The existing event it would cite.")
    event_id = serializers.PrimaryKeyRelatedField(
        source="event", queryset=Event.objects.all(), allow_null=True, required=False, write_only=True
    )
    also_event = EventBriefSerializer(
        read_only=True,
        allow_null=True,
        help_text="An existing event the sentence also supports: the earlier happening it names "
        '("after Putin ordered a mobilisation"). Accepting cites the sentence there too.',
    )
    date = date_field(read_only=True, help_text="The proposal's own date expression, as the engine read it.")
    date_text = serializers.CharField(
        max_length=200, required=False, allow_blank=True, write_only=True, help_text="Change the date expression."
    )
    reviewed_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

    class Meta:
        model = Proposal
        fields = [
            "id",
            "api_url",
            "kind",
            "state",
            "source",
            "char_start",
            "char_end",
            "text",
            "rule",
            "confidence",
            "mode",
            "speaker_name",
            "speaker_kind",
            "speaker",
            "speaker_id",
            "event",
            "event_id",
            "same_event_as",
            "also_event",
            "also_same_event_as",
            "event_title",
            "match_score",
            "match_reasons",
            "actors",
            "date",
            "date_text",
            "reviewed_by",
            "reviewed_at",
            "statement",
            "citation",
        ]
        read_only_fields = [
            "kind",
            "state",
            "text",
            "rule",
            "confidence",
            "speaker_kind",
            "same_event_as",
            "also_same_event_as",
            "match_score",
            "match_reasons",
            "actors",
            "reviewed_at",
            "statement",
            "citation",
        ]
        extra_kwargs = {"mode": {"required": False}}

    def update(self, instance: Proposal, validated_data: dict) -> Proposal:
        return proposals.proposal_update(proposal=instance, **validated_data)


DECIDED = OpenApiExample(
    "The proposal after the decision",
    value={**PROPOSAL_RESPONSE, "state": "accepted", "reviewed_by": "editor", "reviewed_at": "2026-12-01T16:05:00Z"},
    response_only=True,
    status_codes=["200"],
)


class ReviewPermission(ReadAndWriteWithModelPermission):
    # Accepting or rejecting changes a proposal: it needs change_proposal, not add_proposal.
    perms_map = {**ReadAndWriteWithModelPermission.perms_map, "POST": ["%(app_label)s.change_%(model_name)s"]}


@extend_schema_view(
    list=extend_schema(
        summary="List proposals",
        description="Drafts found in imported articles, filtered by `source`, `state` and `kind`.",
        responses={200: ProposalSerializer(many=True), **ERRORS},
    ),
    retrieve=extend_schema(summary="Get one proposal", responses={200: ProposalSerializer, **ERRORS}),
    partial_update=extend_schema(
        summary="Edit a pending proposal before accepting it",
        description="Offsets, mode, speaker, event, event title or date expression. Needs change_proposal.",
        responses={200: ProposalSerializer, **ERRORS},
    ),
    # The decisions live in api/review.py (the review desk's own services); their answer is the proposal.
    accept=extend_schema(
        responses={200: ProposalSerializer, **ERRORS, 409: review.CONFLICT}, examples=[review.ACCEPT_EXAMPLE, DECIDED]
    ),
    reject=extend_schema(
        responses={200: ProposalSerializer, **ERRORS, 409: review.CONFLICT}, examples=[review.REJECT_EXAMPLE, DECIDED]
    ),
    undo=extend_schema(
        responses={200: ProposalSerializer, **ERRORS, 409: review.CONFLICT}, examples=[review.UNDO_EXAMPLE, DECIDED]
    ),
)
class ProposalViewSet(review.ReviewActionsMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Proposed statements and event citations, awaiting review; accepted ones point at their records."""

    queryset = Proposal.objects.all()
    serializer_class = ProposalSerializer
    filterset_class = ProposalFilterSet
    permission_classes = [ReviewPermission]
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self) -> QuerySet[Proposal]:
        return Proposal.objects.select_related("source", "speaker", "event", "reviewed_by").defer("source__text")
