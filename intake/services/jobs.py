"""Import jobs: an article import and its reading, run in the background and polled by the client.

The job row holds everything the run needs (the URL, or the uploaded content, and the options), so
a worker on any machine that shares the database can run it (intake.tasks, then job_runs.py). A
failed job keeps its one-line error and can be retried.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

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
    return _enqueue(job)


def _enqueue(job: ImportJob) -> ImportJob:
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
