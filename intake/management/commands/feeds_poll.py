"""Queue a poll of every enabled feed that is due (its interval passed since its last poll).

    python manage.py feeds_poll

Run it from cron every minute; the task worker (`manage.py db_worker`, TASKS_BACKEND=database) runs
the polls. With the immediate backend they run here, one after the other. It never sleeps or loops:
the schedule is cron's.

    * * * * * cd /app && .venv/bin/python manage.py feeds_poll
"""

from django.core.management.base import BaseCommand

from intake.services.feeds import feeds_poll_due


class Command(BaseCommand):
    help = "Queue a poll of every feed that is due. Run it from cron every minute."

    def handle(self, *args, verbosity: int, **options):
        # No transaction around the loop: each feed's claim must be visible to another run at once.
        jobs = feeds_poll_due()
        if verbosity >= 1:
            for job in jobs:
                self.stdout.write(f"feed {job.feed_id} ({job.url}): job {job.pk}, {job.status}")
            self.stdout.write(self.style.SUCCESS(f"{len(jobs)} feeds due, their polls queued."))
