"""Drafts awaiting review, and the jobs that import articles and make them.

A Proposal is what the article reader found in a source (a statement or an event citation), kept
apart from the accepted records until an editor accepts it. An ImportJob is one run of "import
this article and read it", or of "poll this feed and import its new items", queued through
django-tasks, with its progress and outcome. A Feed is an RSS or Atom feed polled on its interval;
a FeedItem records each of its items once claimed, so that no item is imported twice.

The timeline app knows nothing of these: a proposal points at the timeline's records, never the
other way round. (Until the intake app existed they were the timeline app's; the tables moved in
intake's first two migrations, rows and permissions kept.)
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from timeline.models import Actor, Citation, DatedModel, Event, Source, Statement


class ProposalKind(models.TextChoices):
    STATEMENT = "statement", "statement"
    CITATION = "citation", "event citation"


class ProposalState(models.TextChoices):
    PENDING = "pending", "pending"
    ACCEPTED = "accepted", "accepted"
    REJECTED = "rejected", "rejected"


class ProposalQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(state=ProposalState.PENDING)


class Proposal(DatedModel):
    """A draft statement or event citation, tied to its exact words in a source, awaiting review.

    The date fields hold the proposal's own date expression as the engine read it. Source, kind and
    offsets identify a proposal (its fingerprint): reading the article again never proposes the
    same words twice, whatever their review state.
    """

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="proposals")
    kind = models.CharField(max_length=10, choices=ProposalKind.choices)
    state = models.CharField(max_length=10, choices=ProposalState.choices, default=ProposalState.PENDING)
    char_start = models.PositiveIntegerField(help_text="Offset of the words in the source text.")
    char_end = models.PositiveIntegerField()
    text = models.TextField("words", help_text="The source text between the offsets.")
    rule = models.CharField(max_length=64, blank=True, help_text="The reader's pattern that produced it.")
    confidence = models.FloatField(default=0.0)

    # Statements: who speaks, and how.
    mode = models.CharField(max_length=10, blank=True, help_text="direct or reported (statements)")
    speaker_name = models.CharField(max_length=200, blank=True)
    speaker_kind = models.CharField(max_length=20, blank=True)
    speaker = models.ForeignKey(
        Actor, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", help_text="A known actor."
    )

    # Citations: the event they support, an existing one or a new one with a title.
    event = models.ForeignKey(
        Event, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", help_text="An existing event."
    )
    same_event_as = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="grouped",
        help_text="Another citation proposal whose new event this one also supports.",
    )
    # A second event the sentence supports: the earlier happening it names ("after Putin ordered a
    # partial mobilisation"), put on the event or the proposed event that reports it.
    also_event = models.ForeignKey(
        Event,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="An existing event the sentence also supports (the happening it names as antecedent).",
    )
    also_same_event_as = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Another citation proposal whose new event this sentence also supports.",
    )
    antecedents = models.JSONField(
        default=list,
        blank=True,
        help_text="Other happenings the sentence names: [{text, char_start, char_end, trigger, relation, core, "
        "keywords, actors}].",
    )
    event_words = models.JSONField(
        default=list, blank=True, help_text="Content words of its own happening: the trigger and its nouns."
    )
    event_title = models.CharField(max_length=300, blank=True, help_text="Title of the proposed new event.")
    match_score = models.FloatField(null=True, blank=True)
    match_reasons = models.JSONField(default=list, blank=True)
    actors = models.JSONField(default=list, blank=True, help_text="Named actors: [{name, kind, actor_id}].")
    # The known actors among `actors` (by name or alias when the article was read), as rows an actor's
    # timeline can join: JSON containment is not something SQLite can index or even ask.
    linked_actors = models.ManyToManyField(
        Actor, blank=True, related_name="+", help_text="The known actors it names (speaker, participants)."
    )
    keywords = models.JSONField(default=list, blank=True, help_text="Content words used to match events.")
    trigger = models.CharField(max_length=100, blank=True, help_text="The event's word: a verb or an event noun.")
    trigger_start = models.PositiveIntegerField(null=True, blank=True, help_text="Offset of the trigger.")
    trigger_end = models.PositiveIntegerField(null=True, blank=True)
    factuality = models.CharField(
        max_length=10, blank=True, help_text="happened, or expected (planned or forecast) for events."
    )

    # Review.
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    statement = models.ForeignKey(Statement, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    citation = models.ForeignKey(Citation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # Two editors at once: every decision, edit and undo bumps it, and a decision names the version it saw.
    version = models.PositiveIntegerField(default=0)
    undo = models.JSONField(
        default=dict,
        blank=True,
        help_text="What accepting changed besides its record, for undo: {speaker_id, actor} (the speaker before, "
        "an actor it created).",
    )
    engine_date = models.JSONField(
        default=dict, blank=True, help_text="The engine's reading ({text, value, explanation}) an editor replaced."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProposalQuerySet.as_manager()

    class Meta(DatedModel.Meta):
        ordering = ["source", "char_start", "kind"]
        constraints = [
            *DatedModel.Meta.constraints,
            models.UniqueConstraint(
                fields=["source", "kind", "char_start", "char_end"], name="%(app_label)s_%(class)s_fingerprint"
            ),
            models.CheckConstraint(
                condition=Q(char_end__gt=F("char_start")), name="%(app_label)s_%(class)s_offsets_ordered"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=ProposalKind.values), name="%(app_label)s_%(class)s_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(state__in=ProposalState.values), name="%(app_label)s_%(class)s_state_valid"
            ),
        ]
        indexes = [
            *DatedModel.Meta.indexes,
            # The review queue: a source's pending proposals, or all of one state and kind.
            models.Index(fields=["state", "kind", "source"], name="%(app_label)s_%(class)s_queue"),
            # Undo: an editor's last decision.
            models.Index(fields=["reviewed_by", "-reviewed_at"], name="%(app_label)s_%(class)s_last_decision"),
        ]

    def __str__(self) -> str:
        words = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        return f"{self.kind} [{self.state}] {self.source.slug} [{self.char_start}:{self.char_end}] {words}"


class JobStatus(models.TextChoices):
    QUEUED = "queued", "queued"
    RUNNING = "running", "running"
    SUCCEEDED = "succeeded", "succeeded"
    FAILED = "failed", "failed"


class FeedQuerySet(models.QuerySet):
    def enabled(self):
        return self.filter(enabled=True)


class Feed(models.Model):
    """An RSS or Atom feed that editors follow: polled every `interval_minutes` by `feeds_poll`
    (run by cron), each poll an ImportJob that imports the items not seen before."""

    url = models.URLField("feed URL", max_length=500, unique=True)
    title = models.CharField(max_length=200, blank=True, help_text="The feed's own title if left empty.")
    interval_minutes = models.PositiveIntegerField(default=60, help_text="Minutes between two polls.")
    enabled = models.BooleanField(default=True, help_text="Polled on its interval.")
    last_polled_at = models.DateTimeField(null=True, blank=True, help_text="When the last poll was queued.")
    last_error = models.TextField(blank=True, help_text="Why the last poll failed; empty when it did not.")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FeedQuerySet.as_manager()

    class Meta:
        ordering = ["title", "url"]
        constraints = [
            models.CheckConstraint(
                condition=Q(interval_minutes__gte=1), name="%(app_label)s_%(class)s_interval_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.url

    def is_due(self, now) -> bool:
        if not self.enabled:
            return False
        return self.last_polled_at is None or now - self.last_polled_at >= dt.timedelta(minutes=self.interval_minutes)


class ImportJob(models.Model):
    """One import of an article (from a URL, an uploaded page or a text) followed by its reading; or
    many: one poll of a feed (`feed` set, its new items) or a list of URLs (`urls`), `done` of
    `total`, each item not imported kept with its reason in `failures`.

    Everything the job needs is stored here, so that a worker on another machine can run it.
    """

    status = models.CharField(max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    url = models.URLField("fetch from", max_length=500, blank=True)
    filename = models.CharField(max_length=200, blank=True)
    # Bytes as uploaded: a page's own charset declaration decides how it is read.
    content = models.BinaryField(blank=True, help_text="An uploaded page or text, when not fetched.")
    options = models.JSONField(default=dict, blank=True, help_text="Publication facts given with the request.")
    progress = models.PositiveSmallIntegerField(default=0, help_text="Percent done.")
    message = models.CharField(max_length=300, blank=True, help_text="What it is doing, or did.")
    error = models.TextField(blank=True, help_text="Why it failed.")
    attempts = models.PositiveSmallIntegerField(default=0)
    task_id = models.CharField(max_length=64, blank=True, help_text="The task backend's id of the last run.")
    source = models.ForeignKey(Source, on_delete=models.SET_NULL, null=True, blank=True, related_name="import_jobs")
    proposals_created = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    # Many articles in one job, a feed's poll or a list of URLs: how many items, how many are done,
    # and why each one not imported was not.
    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, null=True, blank=True, related_name="jobs")
    urls = models.JSONField(default=list, blank=True, help_text="A bulk import's article URLs.")
    total = models.PositiveIntegerField(default=0, help_text="Items to import (a feed's poll, a list of URLs).")
    done = models.PositiveIntegerField(default=0, help_text="Items done, imported or not.")
    failures = models.JSONField(default=list, blank=True, help_text="Items not imported: [{url, reason}].")
    # A poll of 200 items runs longer than any one import: it is taken for dead when it stops
    # progressing, not when it has run long (intake.services.jobs.import_jobs_fail_stale).
    progressed_at = models.DateTimeField(null=True, blank=True, help_text="When the run last finished an item.")

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=JobStatus.values), name="%(app_label)s_%(class)s_status_valid"
            ),
            models.CheckConstraint(condition=Q(progress__lte=100), name="%(app_label)s_%(class)s_progress_percent"),
            models.CheckConstraint(condition=Q(done__lte=F("total")), name="%(app_label)s_%(class)s_done_of_total"),
        ]

    def __str__(self) -> str:
        what = f"feed {self.feed_id}" if self.feed_id else (self.url or self.filename or "text")
        if self.urls:
            what = f"{len(self.urls)} URLs"
        return f"import {self.pk} of {what}: {self.status}"

    def record_progress(self, *, done: int, total: int, failures: list[dict], noun: str) -> None:
        """A job of many articles finished one more: its count, percent, failures so far and when it last
        progressed (what import_jobs_fail_stale reads). One UPDATE."""
        ImportJob.objects.filter(pk=self.pk).update(
            done=done,
            progress=done * 100 // total,
            failures=failures,
            message=f"{done} of {total} {noun} done",
            progressed_at=timezone.now(),
        )


class FeedItemState(models.TextChoices):
    CLAIMED = "claimed", "claimed"  # a poll took it and is importing it
    IMPORTED = "imported", "imported"
    DUPLICATE = "duplicate", "already imported"  # its article was stored before, from elsewhere
    FAILED = "failed", "failed"


class FeedItem(models.Model):
    """A feed's item, recorded the first time a poll sees it: no later poll, on any worker, imports it
    again. The unique (feed, key) row is the claim: a poll inserts its items ignoring conflicts, and
    imports only the rows it inserted."""

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="items")
    key = models.CharField(max_length=500, help_text="The item's id in the feed (guid or Atom id), else its link.")
    url = models.URLField(max_length=500)
    title = models.CharField(max_length=300, blank=True)
    state = models.CharField(max_length=10, choices=FeedItemState.choices, default=FeedItemState.CLAIMED)
    job = models.ForeignKey(ImportJob, on_delete=models.SET_NULL, null=True, blank=True, related_name="feed_items")
    source = models.ForeignKey(Source, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    error = models.TextField(blank=True, help_text="Why it was not imported.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["feed", "-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["feed", "key"], name="%(app_label)s_%(class)s_once_per_feed"),
            models.CheckConstraint(
                condition=Q(state__in=FeedItemState.values), name="%(app_label)s_%(class)s_state_valid"
            ),
        ]
        indexes = [
            # A poll's own claims: what it inserted and has yet to import.
            models.Index(fields=["job", "state"], name="%(app_label)s_%(class)s_job_claims"),
        ]

    def __str__(self) -> str:
        return f"{self.feed_id}:{self.key} [{self.state}]"
