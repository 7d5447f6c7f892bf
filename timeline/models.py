"""The timeline's domain: articles (sources), who acts and speaks (actors), what happened (events),
what was said (statements), and the citations that tie events to the text that supports them.

Every date is held the same way (DatedModel): the expression as written, its TIMEX3 value, the
inclusive interval it covers with a precision, and how it was resolved.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable

from django.db import models
from django.db.models import Case, F, Func, Q, Subquery, Value, When
from simple_history.models import HistoricalRecords

from timeline.temporal.types import Precision as EnginePrecision


class DatePrecision(models.TextChoices):
    TIME = EnginePrecision.TIME.value, "time of day"
    DAY = EnginePrecision.DAY.value, "day"
    WEEK = EnginePrecision.WEEK.value, "week"
    WEEKEND = EnginePrecision.WEEKEND.value, "weekend"
    MONTH = EnginePrecision.MONTH.value, "month"
    QUARTER = EnginePrecision.QUARTER.value, "quarter"
    SEASON = EnginePrecision.SEASON.value, "season"
    YEAR = EnginePrecision.YEAR.value, "year"
    DECADE = EnginePrecision.DECADE.value, "decade"
    CENTURY = EnginePrecision.CENTURY.value, "century"


# Finest first: the timeline orders equal start dates by this rank.
PRECISION_RANK = {value: rank for rank, value in enumerate(DatePrecision.values)}


class DateStatus(models.TextChoices):
    UNRESOLVED = "unresolved", "unresolved"  # not looked at yet
    RESOLVED = "resolved", "resolved"  # the engine read the expression, sources agree
    INFERRED = "inferred", "inferred"  # no expression; taken from context (publication day)
    AMBIGUOUS = "ambiguous", "ambiguous"  # readings disagree; the best-supported one is shown
    UNRESOLVABLE = "unresolvable", "unresolvable"  # the engine could not date the expression
    MANUAL = "manual", "manual"  # an editor set it; automatic runs never touch it


# Statuses that promise a value and an interval.
DATED_STATUSES = [DateStatus.RESOLVED, DateStatus.INFERRED, DateStatus.AMBIGUOUS, DateStatus.MANUAL]


def intervals_agree(a_start: dt.date, a_end: dt.date, b_start: dt.date, b_end: dt.date) -> bool:
    """Two date readings agree when one interval lies within the other: "Tuesday night" and
    "Tuesday" agree, and so do "September" and "Tuesday 27 September"; "Tuesday" and "Wednesday" do not.
    The one rule for deriving an event's date and for showing where sources disagree."""
    return (a_start <= b_start and b_end <= a_end) or (b_start <= a_start and a_end <= b_end)


class DaySpan(Func):
    """Whole days from date_start to date_end (0 for one day), in SQL each backend can store and index."""

    arity = 2
    output_field = models.IntegerField()

    def as_sql(self, compiler, connection, **extra):
        # PostgreSQL: date - date is an integer number of days.
        return super().as_sql(compiler, connection, template="(%(expressions)s)", arg_joiner=" - ", **extra)

    def as_sqlite(self, compiler, connection, **extra):
        # SQLite stores dates as ISO text; julianday() is a deterministic built-in, usable in a stored column.
        template = "CAST(julianday(%(expressions)s) AS INTEGER)"
        return super().as_sql(compiler, connection, template=template, arg_joiner=") - julianday(", **extra)


class DaysBefore(Func):
    """A date minus a number of days (an expression, e.g. a scalar subquery)."""

    arity = 2
    output_field = models.DateField()

    def as_sql(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, template="(%(expressions)s)", arg_joiner="::date - ", **extra)

    def as_sqlite(self, compiler, connection, **extra):
        template = "date(%(expressions)s || ' days')"
        return super().as_sql(compiler, connection, template=template, arg_joiner=", '-' || ", **extra)


class DatedQuerySet(models.QuerySet):
    def resolved(self):
        return self.filter(date_status__in=DATED_STATUSES)

    def unresolved(self):
        return self.filter(date_status=DateStatus.UNRESOLVED)

    def automatic(self):
        """Rows an automatic run may write: everything but an editor's manual correction."""
        return self.exclude(date_status=DateStatus.MANUAL)

    def overlapping(self, start: dt.date | None = None, end: dt.date | None = None):
        """Rows whose date interval meets [start, end] (inclusive); either bound may be open.

        A month-precision date overlaps a query for any day inside that month.

        `date_end >= start` alone cannot bound an index scan on date_start: every row before `start`
        would be read and filtered. No row starts earlier than `start` minus the longest interval in
        the table, and that longest span is one step down the date_span_days index (a scalar subquery,
        evaluated once), so the scan on date_start is bounded on both sides and stays exact.
        """
        qs = self.filter(date_start__isnull=False)
        if end is not None:
            qs = qs.filter(date_start__lte=end)
        if start is not None:
            longest = self.model._base_manager.filter(date_span_days__isnull=False).order_by("-date_span_days")
            span = Subquery(longest.values("date_span_days")[:1])
            qs = qs.filter(date_end__gte=start, date_start__gte=DaysBefore(Value(start), span))
        return qs


class DatedModel(models.Model):
    """A date as held on events, statements and citations.

    The field lists below are the one place that names the date columns: forms, exports, payloads
    and the resolver take them from here.
    """

    # Every date column, in the order forms and exports show them (not the generated ones).
    DATE_FIELDS = (
        "date_text",
        "date_value",
        "date_type",
        "date_start",
        "date_end",
        "date_precision",
        "date_status",
        "date_anchor",
        "date_rule",
        "date_explanation",
    )
    # What an automatic run writes: all but date_text, which is the editor's (or the reader's) input.
    DATE_RESULT_FIELDS = DATE_FIELDS[1:]
    # What readers of the API and the exports see: the engine's TIMEX3 type and rule name stay inside.
    DATE_PUBLIC_FIELDS = tuple(name for name in DATE_FIELDS if name not in {"date_type", "date_rule"})
    # Editing any of these makes the date a manual correction.
    DATE_EDITOR_FIELDS = frozenset({"date_text", "date_value", "date_start", "date_end", "date_precision"})

    date_text = models.CharField(
        "date as written", max_length=200, blank=True, help_text="The expression exactly as the text has it."
    )
    date_value = models.CharField(
        "TIMEX3 value", max_length=64, blank=True, help_text="e.g. 2022-09-27, 2022-12, 2022-W38-WE, 2022-09-27TNI, P1W"
    )
    date_type = models.CharField("TIMEX3 type", max_length=10, blank=True)
    date_start = models.DateField("covers from", null=True, blank=True)
    date_end = models.DateField("covers until", null=True, blank=True)
    date_precision = models.CharField("precision", max_length=10, choices=DatePrecision.choices, blank=True)
    date_status = models.CharField(
        "date status", max_length=12, choices=DateStatus.choices, default=DateStatus.UNRESOLVED
    )
    date_anchor = models.DateField("resolved against", null=True, blank=True)
    date_rule = models.CharField("rule", max_length=64, blank=True)
    date_explanation = models.CharField("how it was dated", max_length=300, blank=True)
    # Stored so that the chronological order (start, then finest precision first) has an index.
    date_precision_rank = models.GeneratedField(
        expression=Case(
            *(When(date_precision=value, then=Value(rank)) for value, rank in PRECISION_RANK.items()),
            default=Value(len(PRECISION_RANK)),
        ),
        output_field=models.PositiveSmallIntegerField(),
        db_persist=True,
    )
    # Stored and indexed so that the longest interval in a table is one index step away: it bounds
    # date-range scans from below (DatedQuerySet.overlapping). Kept in step by the database itself.
    date_span_days = models.GeneratedField(
        expression=DaySpan("date_end", "date_start"),
        output_field=models.IntegerField(null=True),
        db_persist=True,
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(date_start__isnull=True) | Q(date_end__gte=F("date_start")),
                name="%(app_label)s_%(class)s_date_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(date_start__isnull=True, date_end__isnull=True)
                | Q(date_start__isnull=False, date_end__isnull=False),
                name="%(app_label)s_%(class)s_date_interval_complete",
            ),
            models.CheckConstraint(
                condition=~Q(date_status__in=DATED_STATUSES) | ~Q(date_value=""),
                name="%(app_label)s_%(class)s_date_value_when_dated",
            ),
            models.CheckConstraint(
                condition=Q(date_status__in=DateStatus.values),
                name="%(app_label)s_%(class)s_date_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(date_precision="") | Q(date_precision__in=DatePrecision.values),
                name="%(app_label)s_%(class)s_date_precision_valid",
            ),
        ]
        indexes = [
            # Overlap queries filter on both ends and the timeline orders by the start.
            models.Index(fields=["date_start", "date_end"], name="%(app_label)s_%(class)s_date_range"),
            # The timeline and the lists order (and page) by start, precision rank, id.
            models.Index(fields=["date_start", "date_precision_rank", "id"], name="%(app_label)s_%(class)s_chrono"),
            models.Index(fields=["date_status"], name="%(app_label)s_%(class)s_date_status"),
            # The longest interval, which bounds a date-range scan (overlapping()).
            models.Index(fields=["date_span_days"], name="%(app_label)s_%(class)s_span"),
        ]


def text_checksum(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class StoryManager(models.Manager):
    def get_by_natural_key(self, slug: str) -> Story:
        return self.get(slug=slug)


class Story(models.Model):
    """A named timeline: the sources and events that bear on one story (an embassy's alerts, a bailout).

    An article may bear on several stories, and so may an event: it joins the stories of the sources
    that cite it (timeline.services.stories) and may be added to others by hand. A statement belongs
    to the stories of its source.
    """

    slug = models.SlugField(max_length=100, unique=True, help_text="Stable key, as in ?story=<slug>.")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True, help_text="What the story is about, for readers.")
    notes = models.TextField("editors' notes", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, help_text="Also touched when sources or events join or leave.")

    objects = StoryManager()

    class Meta:
        ordering = ["title", "slug"]
        verbose_name_plural = "stories"

    def __str__(self) -> str:
        return self.title

    def natural_key(self) -> tuple[str]:
        return (self.slug,)


class SourceQuerySet(models.QuerySet):
    def in_stories(self, stories: Iterable[Story]):
        """Sources in any of `stories`; a subquery rather than a join, so no source comes twice."""
        return self.filter(pk__in=Source.stories.through.objects.filter(story__in=stories).values("source_id"))


class SourceManager(models.Manager.from_queryset(SourceQuerySet)):
    def get_by_natural_key(self, slug: str) -> Source:
        return self.get(slug=slug)


class Source(models.Model):
    """A news article and its publication context, which its relative dates are resolved against."""

    slug = models.SlugField(max_length=100, unique=True, help_text="Stable key, e.g. the seed file name.")
    headline = models.CharField(max_length=300)
    publisher = models.CharField(max_length=200)
    url = models.URLField(max_length=500, blank=True)
    authors = models.JSONField(default=list, blank=True, help_text="A list of names.")
    language = models.CharField(max_length=10, default="en")
    text = models.TextField("full text")
    checksum = models.CharField(max_length=64, unique=True, editable=False, help_text="SHA-256 of the text.")
    origin = models.CharField("where it came from", max_length=300, blank=True)
    notes = models.TextField(blank=True)
    published_date = models.DateField("publication date")
    published_time = models.TimeField("publication time", null=True, blank=True, help_text="When known.")
    timezone = models.CharField(
        "publisher's time zone", max_length=64, default="UTC", help_text="IANA name, e.g. Europe/London."
    )
    stories = models.ManyToManyField(Story, related_name="sources", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SourceManager()
    # Every change, with who made it and the values before and after (admin history, /history in the API).
    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_date", "slug"]
        constraints = [
            models.UniqueConstraint(fields=["url"], condition=~Q(url=""), name="%(app_label)s_%(class)s_url_unique"),
        ]
        indexes = [
            # Filters by publisher and orders by publication date.
            models.Index(fields=["publisher", "published_date"], name="timeline_source_publisher"),
        ]

    def __str__(self) -> str:
        return f"{self.publisher}: {self.headline} ({self.published_date.isoformat()})"

    def natural_key(self) -> tuple[str]:
        return (self.slug,)


class ActorKind(models.TextChoices):
    PERSON = "person", "person"
    ORGANISATION = "organisation", "organisation"
    GOVERNMENT_BODY = "government_body", "government body"
    COUNTRY = "country", "country"


class ActorManager(models.Manager):
    def get_by_natural_key(self, name: str) -> Actor:
        return self.get(name=name)


class Actor(models.Model):
    """A person, organisation, government body or country that acts in events or makes statements."""

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=ActorKind.choices)
    aliases = models.JSONField(default=list, blank=True, help_text='Other names, e.g. ["the Kremlin"].')
    description = models.CharField(max_length=300, blank=True)

    objects = ActorManager()
    # Every change, with who made it and the values before and after (admin history, /history in the API).
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=ActorKind.values), name="%(app_label)s_%(class)s_kind_valid"),
        ]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.name,)


class EventQuerySet(DatedQuerySet):
    def in_stories(self, stories: Iterable[Story]):
        """Events in any of `stories`; a subquery rather than a join, so no event comes twice."""
        return self.filter(pk__in=Event.stories.through.objects.filter(story__in=stories).values("event_id"))


class EventManager(models.Manager.from_queryset(EventQuerySet)):
    def get_by_natural_key(self, slug: str) -> Event:
        return self.get(slug=slug)


class Event(DatedModel):
    """Something that happened. Its date comes from its citations, one reading per source."""

    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    location = models.CharField(max_length=200, blank=True)
    category = models.CharField(max_length=60, blank=True, db_index=True)
    actors = models.ManyToManyField(Actor, related_name="events", blank=True)
    sources = models.ManyToManyField(Source, through="Citation", related_name="events", blank=True)
    stories = models.ManyToManyField(Story, related_name="events", blank=True)

    objects = EventManager()
    # Every change, with who made it and the values before and after (admin history, /history in the API).
    history = HistoricalRecords()

    class Meta(DatedModel.Meta):
        ordering = ["date_start", "date_precision_rank", "id"]

    def __str__(self) -> str:
        return self.title

    def natural_key(self) -> tuple[str]:
        return (self.slug,)


class StatementMode(models.TextChoices):
    DIRECT = "direct", "direct quote"
    REPORTED = "reported", "reported speech"


class StatementQuerySet(DatedQuerySet):
    def in_stories(self, stories: Iterable[Story]):
        """Statements whose source is in any of `stories`."""
        return self.filter(source_id__in=Source.stories.through.objects.filter(story__in=stories).values("source_id"))


class StatementManager(models.Manager.from_queryset(StatementQuerySet)):
    def get_by_natural_key(self, source_slug: str, char_start: int) -> Statement:
        return self.get(source__slug=source_slug, char_start=char_start)


class Statement(DatedModel):
    """What a speaker said or wrote, as one source reports it, and when it was said."""

    text = models.TextField("words")
    mode = models.CharField(max_length=10, choices=StatementMode.choices)
    speaker = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="statements")
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="statements")
    event = models.ForeignKey(Event, on_delete=models.SET_NULL, null=True, blank=True, related_name="statements")
    char_start = models.PositiveIntegerField(help_text="Offset of the passage in the source text.")
    char_end = models.PositiveIntegerField()

    objects = StatementManager()
    # Every change, with who made it and the values before and after (admin history, /history in the API).
    history = HistoricalRecords()

    class Meta(DatedModel.Meta):
        ordering = ["date_start", "date_precision_rank", "id"]
        constraints = [
            *DatedModel.Meta.constraints,
            models.UniqueConstraint(
                fields=["source", "char_start"], name="%(app_label)s_%(class)s_one_per_source_offset"
            ),
            models.CheckConstraint(
                condition=Q(char_end__gt=F("char_start")), name="%(app_label)s_%(class)s_offsets_ordered"
            ),
            models.CheckConstraint(
                condition=Q(mode__in=StatementMode.values), name="%(app_label)s_%(class)s_mode_valid"
            ),
        ]

    def __str__(self) -> str:
        words = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        return f"{self.speaker}: {words}"

    def natural_key(self) -> tuple[str, int]:
        return (*self.source.natural_key(), self.char_start)

    natural_key.dependencies = ["timeline.source"]


class CitationManager(models.Manager.from_queryset(DatedQuerySet)):
    def get_by_natural_key(self, event_slug: str, source_slug: str, char_start: int) -> Citation:
        return self.get(event__slug=event_slug, source__slug=source_slug, char_start=char_start)


class Citation(DatedModel):
    """Where a source supports an event: the sentence, its offsets, and the date as that source words it."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="citations")
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="citations")
    sentence = models.TextField("supporting sentence")
    char_start = models.PositiveIntegerField(help_text="Offset of the sentence in the source text.")
    char_end = models.PositiveIntegerField()

    objects = CitationManager()
    # Every change, with who made it and the values before and after (admin history, /history in the API).
    history = HistoricalRecords()

    class Meta(DatedModel.Meta):
        ordering = ["event", "source", "char_start"]
        constraints = [
            *DatedModel.Meta.constraints,
            models.UniqueConstraint(
                fields=["event", "source", "char_start"], name="%(app_label)s_%(class)s_one_per_event_source_offset"
            ),
            models.CheckConstraint(
                condition=Q(char_end__gt=F("char_start")), name="%(app_label)s_%(class)s_offsets_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source.slug} [{self.char_start}:{self.char_end}] for {self.event}"

    def natural_key(self) -> tuple[str, str, int]:
        return (*self.event.natural_key(), *self.source.natural_key(), self.char_start)

    natural_key.dependencies = ["timeline.event", "timeline.source"]
