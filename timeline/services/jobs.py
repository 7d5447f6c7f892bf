"""Import jobs: an article import and its reading, run in the background and polled by the client.

The job row holds everything the run needs (the URL, or the uploaded content, and the options), so
a worker on any machine that shares the database can run it. A failed job keeps its one-line error
and can be retried; nothing of a failed run is written (the import is one transaction).
"""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from timeline.models import ImportJob, JobStatus
from timeline.services.importing import OPTION_NAMES, ArticleImportError, ArticleInput, article_import

logger = logging.getLogger(__name__)


def import_job_create(*, data: ArticleInput, user=None) -> ImportJob:
    """Store the job and queue its run. With the immediate backend it has run when this returns."""
    content = data.content.encode("utf-8") if isinstance(data.content, str) else data.content
    job = ImportJob.objects.create(
        url=data.url,
        filename=data.filename[:200],
        content=content or b"",
        options=data.options(),
        created_by=user if getattr(user, "pk", None) else None,
        message="queued",
    )
    return _enqueue(job)


def _enqueue(job: ImportJob) -> ImportJob:
    from timeline.tasks import run_import_job  # tasks import this module

    job.attempts += 1
    job.save(update_fields=["attempts"])
    result = run_import_job.enqueue(job.pk)
    ImportJob.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])
    job.refresh_from_db()
    return job


def import_job_retry(*, job: ImportJob) -> ImportJob:
    """Run a failed job again, from the start."""
    if job.status != JobStatus.FAILED:
        raise ValidationError({"status": f"Only a failed job can be retried; this one is {job.status}."})
    ImportJob.objects.filter(pk=job.pk).update(
        status=JobStatus.QUEUED, error="", progress=0, message="queued again", started_at=None, finished_at=None
    )
    job.refresh_from_db()
    return _enqueue(job)


def _input(job: ImportJob) -> ArticleInput:
    options = job.options or {}
    return ArticleInput(
        url=job.url,
        content=bytes(job.content) if not job.url else None,
        filename=job.filename,
        **{name: str(options.get(name) or "") for name in OPTION_NAMES},
    )


def import_job_run(*, job_id: int) -> ImportJob:
    """Run one job: import, read, and record the outcome. Never raises for bad input."""
    job = ImportJob.objects.get(pk=job_id)
    if job.status not in (JobStatus.QUEUED, JobStatus.FAILED):
        return job  # already run (a task delivered twice)

    def progress(percent: int, message: str) -> None:
        ImportJob.objects.filter(pk=job.pk).update(progress=percent, message=message[:300])

    ImportJob.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, started_at=timezone.now(), error="")
    try:
        result = article_import(data=_input(job), progress=progress)
    except ArticleImportError as exc:
        outcome = {"status": JobStatus.FAILED, "error": str(exc), "message": "failed"}
    except Exception as exc:  # a bug must still end the job, with its reason, rather than leave it running
        logger.exception("import job %s failed", job.pk)
        outcome = {"status": JobStatus.FAILED, "error": f"{type(exc).__name__}: {exc}"[:1000], "message": "failed"}
    else:
        outcome = {
            "status": JobStatus.SUCCEEDED,
            "source": result.source,
            "proposals_created": result.proposals,
            "progress": 100,
            "message": f"imported {result.source.slug} with {result.proposals} proposals",
        }
    with transaction.atomic():
        for name, value in outcome.items():
            setattr(job, name, value)
        job.finished_at = timezone.now()
        job.save(update_fields=[*outcome, "finished_at"])
    job.refresh_from_db()
    return job
