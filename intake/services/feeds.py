"""Feeds: queueing their polls, on demand (the API, the admin) or when due (`feeds_poll`, from cron).

A poll is an ImportJob with its feed set, run by the task worker (intake.services.feed_polls).
Queueing sets the feed's last_polled_at with a conditional UPDATE, so that two `feeds_poll` run at
once (an overlapping cron run) queue one poll of a due feed, not two. Were two polls to run anyway,
each item would still be imported once: the items are claimed, not the polls.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from intake.models import Feed, ImportJob
from intake.services.jobs import import_job_enqueue


def _job(feed: Feed, user) -> ImportJob:
    job = ImportJob.objects.create(
        feed=feed, url=feed.url, message="queued", created_by=user if getattr(user, "pk", None) else None
    )
    return import_job_enqueue(job=job)


def feed_poll_enqueue(*, feed: Feed, user=None) -> ImportJob:
    """Queue a poll of the feed now, whatever its interval. With the immediate backend it has run."""
    Feed.objects.filter(pk=feed.pk).update(last_polled_at=timezone.now())
    return _job(feed, user)


def feeds_poll_due(*, now: dt.datetime | None = None) -> list[ImportJob]:
    """Queue a poll of every enabled feed whose interval has passed since its last poll."""
    now = now or timezone.now()
    queued = []
    for feed in Feed.objects.enabled().only("pk", "url", "enabled", "interval_minutes", "last_polled_at"):
        if not feed.is_due(now):
            continue
        # Claimed only if no other run set it since we read it.
        if Feed.objects.filter(pk=feed.pk, last_polled_at=feed.last_polled_at).update(last_polled_at=now):
            queued.append(_job(feed, None))
    return queued
