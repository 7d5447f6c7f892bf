"""Resolve the written date expressions of citations and statements, and derive events' dates.

    python manage.py resolve_dates [--dry-run] [--source ID] [--story SLUG] [--force] [--batch-size N]

Each expression is read against its own source's publication context. Without --force only rows
not yet resolved are read; with it every automatic row is read again. Rows an editor corrected
(status manual) are never touched. A re-run with nothing new changes nothing.
"""

from django.core.management.base import BaseCommand, CommandError

from timeline.models import Source, Story
from timeline.services.dating import dates_resolve


class Command(BaseCommand):
    help = "Fill the date fields of citations, statements and events from their written expressions."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Report what would change; write nothing.")
        parser.add_argument("--source", type=int, metavar="ID", help="Only this source's citations and statements.")
        parser.add_argument(
            "--story", metavar="SLUG", help="Only the citations and statements of this story's sources, and its events."
        )
        parser.add_argument("--force", action="store_true", help="Read resolved rows again too (never manual ones).")
        parser.add_argument("--batch-size", type=int, default=500, metavar="N", help="Rows per query (default 500).")

    def handle(self, *args, dry_run: bool, source: int | None, force: bool, batch_size: int, verbosity: int, **opts):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        if source is not None and not Source.objects.filter(pk=source).exists():
            raise CommandError(f"--source {source}: no source with that id.")
        story = None
        if opts["story"] is not None:
            story = Story.objects.filter(slug=opts["story"]).first()
            if story is None:
                raise CommandError(f"--story {opts['story']}: no story with that slug.")
        progress = self.stdout.write if verbosity >= 1 else None
        report = dates_resolve(
            source_id=source, story=story, force=force, dry_run=dry_run, batch_size=batch_size, progress=progress
        )
        prefix = "Dry run, nothing written. " if dry_run else ""
        for label, tally in (
            ("Citations", report.citations),
            ("Statements", report.statements),
            ("Events", report.events),
        ):
            self.stdout.write(f"{label}: {tally.summary()}")
        if report.changed:
            self.stdout.write(
                self.style.SUCCESS(f"{prefix}{report.changed} rows {'would change' if dry_run else 'changed'}.")
            )
        else:
            self.stdout.write(f"{prefix}Nothing to change.")
