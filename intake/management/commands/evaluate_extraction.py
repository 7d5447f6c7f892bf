"""Score the import and the article reader on the seed articles against their curated timeline.

    python manage.py evaluate_extraction [--show-errors] [--seeds DIR] [--fixture PATH]

Every seed is imported into a throw-away database (never the configured one) and the proposals are
compared with fixtures/seed_timeline.json. Prints three lines:

    statements P=.. R=.. F1=..
    citations P=.. R=.. F1=..
    grouping P=.. R=.. F1=..
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from intake.services.articles import ArticleImportError
from intake.services.seed_evaluation import extraction_evaluate


class Command(BaseCommand):
    help = "Import the seed articles into a throw-away database and score the proposals against the curated timeline."

    def add_arguments(self, parser):
        parser.add_argument("--show-errors", action="store_true", help="List every missed and spurious proposal.")
        parser.add_argument("--seeds", default=str(settings.BASE_DIR / "seeds"), help="Folder of texts + manifest.")
        parser.add_argument(
            "--fixture", default=str(settings.BASE_DIR / "fixtures" / "seed_timeline.json"), help="Curated timeline."
        )

    def handle(self, *args, show_errors: bool, seeds: str, fixture: str, verbosity: int, **options):
        if not Path(fixture).is_file():
            raise CommandError(f"{fixture}: no such fixture")
        say = (lambda message: self.stderr.write(message)) if verbosity >= 2 else None
        try:
            evaluation = extraction_evaluate(
                seeds=Path(seeds), fixture=Path(fixture), show_errors=show_errors, progress=say
            )
        except ArticleImportError as exc:
            raise CommandError(str(exc)) from None
        for line in evaluation.errors:
            self.stdout.write(line)
        for line in evaluation.lines():
            self.stdout.write(line)
