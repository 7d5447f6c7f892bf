"""Load a curated timeline fixture, creating only the records that are not there yet.

    python manage.py load_timeline [FIXTURE ...] [--dry-run]

FIXTURE defaults to fixtures/seed_timeline.json. Unlike loaddata, existing records (matched by
natural key) are left exactly as they are, so resolved dates and editors' corrections survive a
re-run of `make run`. Load the sources first (ingest_seeds): the fixture refers to them by slug.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from timeline.services.fixtures import FixtureError, timeline_load_new


class Command(BaseCommand):
    help = "Create the records of a natural-key fixture that do not exist yet; never overwrite existing ones."

    def add_arguments(self, parser):
        parser.add_argument("fixtures", nargs="*", default=[str(settings.BASE_DIR / "fixtures" / "seed_timeline.json")])
        parser.add_argument("--dry-run", action="store_true", help="Report what would be created; write nothing.")

    def handle(self, *args, fixtures: list[str], dry_run: bool, **options):
        try:
            report = timeline_load_new(paths=[Path(f) for f in fixtures], dry_run=dry_run)
        except FixtureError as exc:
            raise CommandError(str(exc)) from None
        prefix = "Dry run, nothing written: " if dry_run else ""
        self.stdout.write(self.style.SUCCESS(f"{prefix}{report.summary()}."))
