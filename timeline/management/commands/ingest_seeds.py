"""Create or update sources from a folder of article texts and its manifest.json.

    python manage.py ingest_seeds [DIR] [--dry-run]

DIR defaults to the project's seeds/ folder. Every text needs an entry in DIR/manifest.json and
every entry a text. All input is checked before anything is written; a re-run changes nothing.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from timeline.services.sources import IngestError, sources_ingest


class Command(BaseCommand):
    help = "Create or update sources from a folder of UTF-8 texts plus manifest.json (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("directory", nargs="?", default=str(settings.BASE_DIR / "seeds"))
        parser.add_argument("--dry-run", action="store_true", help="Check and report; write nothing.")

    def handle(self, *args, directory: str, dry_run: bool, verbosity: int, **options):
        try:
            report = sources_ingest(directory=Path(directory), dry_run=dry_run)
        except IngestError as exc:
            raise CommandError(str(exc)) from None
        if verbosity >= 2:
            for label, slugs in (("created", report.created), ("updated", report.updated)):
                for slug in slugs:
                    self.stdout.write(f"  {label}: {slug}")
        prefix = "Dry run, nothing written: " if dry_run else ""
        if report.changed:
            self.stdout.write(self.style.SUCCESS(f"{prefix}{report.summary()}."))
        else:
            self.stdout.write(f"{prefix}Nothing to change: {len(report.unchanged)} sources already up to date.")
