"""Running one poll of a feed (what the background task does for a feed's ImportJob): read the feed,
claim the items no poll has claimed before, import each, and keep the job's progress and failures.

The claim is the FeedItem row, unique per (feed, item key). A poll inserts a row for each item it
read, ignoring conflicts, in one short transaction, then imports only the rows that carry its own
job: a second poll of the same feed, on this worker or another, at the same moment or a day later,
finds the rows taken and imports nothing twice. (On PostgreSQL a second insert of the same key
waits for the first transaction and is then skipped; both insert in the feed's order, so they
cannot deadlock. A retried job picks up its own claims still unimported.)
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from intake.models import Feed, FeedItem, FeedItemState, ImportJob, JobStatus
from intake.services.articles import ArticleImportError, ArticleInput, DuplicateArticle, article_import
from intake.services.feed_reading import FeedEntry, FeedError, ParsedFeed, feed_read

MESSAGE_MAX = ImportJob._meta.get_field("message").max_length


def _claim(*, job: ImportJob, entries: list[FeedEntry]) -> list[FeedItem]:
    rows = [
        FeedItem(feed_id=job.feed_id, key=entry.key, url=entry.url[:500], title=entry.title[:300], job=job)
        for entry in entries
    ]
    with transaction.atomic():
        FeedItem.objects.bulk_create(rows, ignore_conflicts=True)
    return list(FeedItem.objects.filter(job=job, state=FeedItemState.CLAIMED).order_by("id"))


def _import(item: FeedItem) -> tuple[str, dict, int]:
    """Import one item: its new state, the FeedItem fields to record, and the proposals made."""
    try:
        result = article_import(data=ArticleInput(url=item.url))
    except DuplicateArticle as exc:
        return FeedItemState.DUPLICATE, {"error": str(exc)}, 0
    except ArticleImportError as exc:
        return FeedItemState.FAILED, {"error": str(exc)}, 0
    return FeedItemState.IMPORTED, {"source": result.source, "error": ""}, result.proposals


def _summary(counts: dict[str, int], total: int, parsed: ParsedFeed) -> str:
    parts = [f"imported {counts[FeedItemState.IMPORTED]} of {total} new items"]
    if counts[FeedItemState.DUPLICATE]:
        parts.append(f"{counts[FeedItemState.DUPLICATE]} already imported")
    if counts[FeedItemState.FAILED]:
        parts.append(f"{counts[FeedItemState.FAILED]} failed")
    if parsed.skipped:
        parts.append(f"{len(parsed.skipped)} without a link")
    note = parsed.cap_note()
    return ("; ".join([", ".join(parts), note]) if note else ", ".join(parts))[:MESSAGE_MAX]


def feed_poll_run(*, job: ImportJob) -> dict:
    """Poll the job's feed and import its new items; returns the job's outcome fields. The feed's
    last_error says how the poll ended; nothing else is written for a feed that cannot be read."""
    feed = job.feed
    try:
        parsed = feed_read(url=feed.url)
    except FeedError as exc:
        Feed.objects.filter(pk=feed.pk).update(last_error=str(exc))
        return {"status": JobStatus.FAILED, "error": str(exc), "message": "failed"}
    if not feed.title and parsed.title:
        Feed.objects.filter(pk=feed.pk, title="").update(title=parsed.title[:200])
    failures = [{"url": "", "title": title, "reason": reason} for title, reason in parsed.skipped]
    claimed = _claim(job=job, entries=parsed.entries)
    total = len(claimed)
    start = f"importing {total} new items" + (f"; {parsed.cap_note()}" if parsed.capped else "")
    ImportJob.objects.filter(pk=job.pk).update(
        total=total, done=0, failures=failures, message=start[:MESSAGE_MAX], progressed_at=timezone.now()
    )
    counts = dict.fromkeys(FeedItemState.values, 0)
    reasons = [reason for _, reason in parsed.skipped]  # why items failed (a duplicate is no failure)
    proposals = 0
    for done, item in enumerate(claimed, start=1):
        state, fields, made = _import(item)
        counts[state] += 1
        proposals += made
        FeedItem.objects.filter(pk=item.pk).update(state=state, **fields)
        if state != FeedItemState.IMPORTED:
            failures.append({"url": item.url, "title": item.title, "reason": fields["error"]})
        if state == FeedItemState.FAILED:
            reasons.append(fields["error"])
        job.record_progress(done=done, total=total, failures=failures, noun="items")
    summary = _summary(counts, total, parsed)
    if not counts[FeedItemState.IMPORTED] and reasons:
        error = f"none of the new items could be imported ({summary}); the first failed with {reasons[0]}"
        Feed.objects.filter(pk=feed.pk).update(last_error=error)
        return {"status": JobStatus.FAILED, "error": error, "message": "failed", "progress": 100}
    Feed.objects.filter(pk=feed.pk).update(last_error="")
    return {
        "status": JobStatus.SUCCEEDED,
        "message": summary,
        "progress": 100,
        "error": "",
        "proposals_created": proposals,
    }
