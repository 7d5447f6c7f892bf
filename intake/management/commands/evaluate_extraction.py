"""Score the import and the article reader on the seed articles against their curated timeline.

    python manage.py evaluate_extraction [--show-errors] [--seeds DIR] [--fixture PATH] [--devset [DIR]]

Every seed is imported into a throw-away database (never the configured one) and the proposals are
compared with fixtures/seed_timeline.json. Prints three lines:

    statements P=.. R=.. F1=..
    citations P=.. R=.. F1=..
    grouping P=.. R=.. F1=..

With --devset, the reader's hand-labelled development set (timeline/extraction/devset/, articles read
from ../shared/data/te3-train or DIR) is scored too, below the seeds; one line says so when the
corpus is absent.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from intake.services.articles import ArticleImportError
from intake.services.seed_evaluation import extraction_evaluate
from timeline.extraction import development


class Command(BaseCommand):
    help = "Import the seed articles into a throw-away database and score the proposals against the curated timeline."

    def add_arguments(self, parser):
        parser.add_argument("--show-errors", action="store_true", help="List every missed and spurious proposal.")
        parser.add_argument("--seeds", default=str(settings.BASE_DIR / "seeds"), help="Folder of texts + manifest.")
        parser.add_argument(
            "--fixture", default=str(settings.BASE_DIR / "fixtures" / "seed_timeline.json"), help="Curated timeline."
        )
        parser.add_argument(
            "--devset",
            nargs="?",
            const=str(development.DEFAULT_DATA),
            help="Also score the development set (te3-train articles, read from this folder).",
        )

    def handle(self, *args, show_errors: bool, seeds: str, fixture: str, verbosity: int, devset=None, **options):
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
        if devset:
            self._devset(Path(devset), show_errors)

    def _devset(self, data: Path, show_errors: bool) -> None:
        try:
            result = development.evaluate(data)
        except development.DevsetMissing as exc:
            self.stdout.write(str(exc))
            return
        for line in (*result.lines(), *(result.errors if show_errors else ())):
            self.stdout.write(line)
