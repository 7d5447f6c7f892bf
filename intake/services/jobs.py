"""Import jobs: an article import and its reading, run in the background and polled by the client.

The job row holds everything the run needs (the URL, or the uploaded content, and the options), so
a worker on any machine that shares the database can run it (intake.tasks, then job_runs.py). A
failed job keeps its one-line error and can be retried.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone

from intake.models import ImportJob, JobStatus
from intake.services.articles import ArticleInput
from intake.tasks import run_import_job


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
    return import_job_enqueue(job=job)


def import_job_create_many(*, urls: list[str], user=None) -> ImportJob:
    """Store a job that imports each of the URLs, and queue its run."""
    job = ImportJob.objects.create(
        urls=list(urls), created_by=user if getattr(user, "pk", None) else None, message="queued"
    )
    return import_job_enqueue(job=job)


def import_job_enqueue(*, job: ImportJob) -> ImportJob:
    """Queue a stored job's run (its first or a retry)."""
    job.attempts += 1
    job.save(update_fields=["attempts"])
    result = run_import_job.enqueue(job.pk)
    ImportJob.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])
    job.refresh_from_db()
    return job


def import_jobs_fail_stale() -> int:
    """Mark failed, with the reason, every job still "running" long after any run could have ended:
    its worker died (killed, restarted, out of memory) and nothing else will finish it. One UPDATE.

    Called whenever jobs are read and before a retry, so a client polling a job sees it fail and can
    retry it. A run that ends after all still records its own outcome over this one."""
    limit = settings.IMPORT_JOB_DEADLINE
    since = timezone.now() - dt.timedelta(seconds=limit)
    # A job of many articles (a feed's poll, a list of URLs) keeps progressed_at: it is dead when it
    # has finished no item for that long, however long it has run.
    stale = ImportJob.objects.filter(
        Q(progressed_at=None, started_at__lt=since) | Q(progressed_at__lt=since), status=JobStatus.RUNNING
    )
    return stale.update(
        status=JobStatus.FAILED,
        message="failed",
        error=f"The run stopped without a result (its worker died?): still running after {limit} s. Retry it.",
        finished_at=timezone.now(),
    )


def import_job_retry(*, job: ImportJob) -> ImportJob:
    """Run a failed job again, from the start (a job whose worker died counts as failed)."""
    if import_jobs_fail_stale():
        job.refresh_from_db()
    if job.status != JobStatus.FAILED:
        raise ValidationError({"status": f"Only a failed job can be retried; this one is {job.status}."})
    ImportJob.objects.filter(pk=job.pk).update(
        status=JobStatus.QUEUED,
        error="",
        progress=0,
        message="queued again",
        started_at=None,
        finished_at=None,
        progressed_at=None,
        done=0,
        total=0,
        failures=[],
    )
    job.refresh_from_db()
    return import_job_enqueue(job=job)
