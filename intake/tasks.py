"""Background tasks (django-tasks). Each is a thin wrapper over a service, so that it can run inline
(the ImmediateBackend, the default) or in `manage.py db_worker` processes (TASKS_BACKEND=database)."""

from django_tasks import task

from intake.services.job_runs import import_job_run


@task()
def run_import_job(job_id: int) -> None:
    import_job_run(job_id=job_id)
