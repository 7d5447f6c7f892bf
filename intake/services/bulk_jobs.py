"""Running a job that imports a list of URLs (sent to POST /api/v1/sources/import-many): each article
imported as `import_articles --urls` would, in its own transaction, and the job's done/total and
failures kept as it goes, so that a client polling the job sees them."""

from __future__ import annotations

from intake.models import ImportJob, JobStatus
from intake.services.articles import ArticleInput
from intake.services.bulk import BulkItem, articles_import


def _summary(imported: int, duplicates: int, failed: int, total: int) -> str:
    parts = [f"imported {imported} of {total} articles"]
    if duplicates:
        parts.append(f"{duplicates} already imported")
    if failed:
        parts.append(f"{failed} failed")
    return ", ".join(parts)


def bulk_job_run(*, job: ImportJob) -> dict:
    """Import the job's URLs; returns the job's outcome fields. Failed only when none was imported
    and some failed (a list of articles all imported before is a success that adds nothing)."""
    items = [BulkItem(label=url, data=ArticleInput(url=url)) for url in job.urls]
    total = len(items)
    failures: list[dict] = []
    ImportJob.objects.filter(pk=job.pk).update(total=total, done=0, failures=[], message=f"importing {total} articles")
    done = 0

    def on_item(item: BulkItem, outcome: str, detail: str) -> None:
        nonlocal done
        done += 1
        if outcome != "imported":
            failures.append({"url": item.label, "title": "", "reason": detail})
        job.record_progress(done=done, total=total, failures=failures, noun="articles")

    outcome = articles_import(items=items, on_item=on_item)
    summary = _summary(len(outcome.imported), len(outcome.duplicates), len(outcome.failed), total)
    if not outcome.imported and outcome.failed:
        error = (
            f"none of the {total} articles could be imported ({summary}); the first failed with {outcome.failed[0][1]}"
        )
        return {"status": JobStatus.FAILED, "error": error, "message": "failed", "progress": 100}
    return {
        "status": JobStatus.SUCCEEDED,
        "message": summary,
        "progress": 100,
        "error": "",
        "proposals_created": outcome.proposals,
    }
