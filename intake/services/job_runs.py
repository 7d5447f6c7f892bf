"""Running one import job (what the background task does): import, read, and record the outcome.

Nothing of a failed run is written (the import is one transaction); the job keeps its one-line error.
A job of many articles runs with its own progress: a feed's poll (intake.services.feed_polls) or a
list of URLs (intake.services.bulk_jobs).
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone

from intake.models import ImportJob, JobStatus
from intake.services.articles import OPTION_NAMES, ArticleImportError, ArticleInput, article_import
from intake.services.bulk_jobs import bulk_job_run
from intake.services.feed_polls import feed_poll_run

logger = logging.getLogger(__name__)


def _input(job: ImportJob) -> ArticleInput:
    options = job.options or {}
    return ArticleInput(
        url=job.url,
        content=bytes(job.content) if not job.url else None,
        filename=job.filename,
        **{name: str(options.get(name) or "") for name in OPTION_NAMES},
    )


def _article_outcome(job: ImportJob, progress) -> dict:
    try:
        result = article_import(data=_input(job), progress=progress)
    except ArticleImportError as exc:
        return {"status": JobStatus.FAILED, "error": str(exc), "message": "failed"}
    return {
        "status": JobStatus.SUCCEEDED,
        "source": result.source,
        "proposals_created": result.proposals,
        "progress": 100,
        "message": f"imported {result.source.slug} with {result.proposals} proposals",
    }


def import_job_run(*, job_id: int) -> ImportJob:
    """Run one job: import, read, and record the outcome. Never raises for bad input."""
    job = ImportJob.objects.get(pk=job_id)
    if job.status not in (JobStatus.QUEUED, JobStatus.FAILED):
        return job  # already run (a task delivered twice)

    def progress(percent: int, message: str) -> None:
        ImportJob.objects.filter(pk=job.pk).update(progress=percent, message=message[:300])

    now = timezone.now()
    many = bool(job.feed_id or job.urls)
    # Only a job of many articles has progressed_at: it is dead when it stops progressing, not when it runs long.
    ImportJob.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING, started_at=now, progressed_at=now if many else None, error=""
    )
    try:
        if job.feed_id:
            outcome = feed_poll_run(job=job)
        elif job.urls:
            outcome = bulk_job_run(job=job)
        else:
            outcome = _article_outcome(job, progress)
    except Exception as exc:  # a bug must still end the job, with its reason, rather than leave it running
        logger.exception("import job %s failed", job.pk)
        outcome = {"status": JobStatus.FAILED, "error": f"{type(exc).__name__}: {exc}"[:1000], "message": "failed"}
    with transaction.atomic():
        for name, value in outcome.items():
            setattr(job, name, value)
        job.finished_at = timezone.now()
        job.save(update_fields=[*outcome, "finished_at"])
    job.refresh_from_db()
    return job
