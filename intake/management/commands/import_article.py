"""Import one article, from a file (.html, .htm or .txt) or a URL, and propose what it says.

    python manage.py import_article PATH|URL [--published DATE[THH:MM]] [--timezone TZ]
        [--publisher NAME] [--url URL] [--slug S] [--headline H] [--story SLUG] [--dry-run]

An HTML page gives its own text, headline, authors, publisher and publication date (from its
metadata); options fill in or override. A .txt file follows the seeds' conventions: its facts come
from a manifest.json entry beside it (which may name its story), or from the options. Bad input
gets one line and exit 1, with nothing written; a duplicate URL or text is refused. The proposals
then await review (admin, or /api/v1/proposals).
"""

from django.core.management.base import BaseCommand, CommandError

from intake.services.articles import ArticleImportError, ArticleInput, article_import


class Command(BaseCommand):
    help = "Import one news article (file or URL), store it as a source and propose its statements and citations."

    def add_arguments(self, parser):
        parser.add_argument("location", metavar="PATH|URL")
        parser.add_argument("--published", default="", help="Publication date, YYYY-MM-DD or YYYY-MM-DDTHH:MM.")
        parser.add_argument("--timezone", default="", help="The publisher's IANA time zone, e.g. Europe/London.")
        parser.add_argument("--publisher", default="", help="The publisher's name.")
        parser.add_argument("--url", default="", help="The article's URL to record (a file's original address).")
        parser.add_argument("--slug", default="", help="The source's slug; made from the headline if left out.")
        parser.add_argument("--headline", default="", help="The headline, when the page or manifest lacks one.")
        parser.add_argument("--story", default="", help="The slug of a story to put the article in.")
        parser.add_argument("--dry-run", action="store_true", help="Read, check and propose; write nothing.")

    def handle(self, *args, location: str, dry_run: bool, verbosity: int, **options):
        is_url = location.lower().startswith(("http://", "https://"))
        data = ArticleInput(
            url=location if is_url else "",
            path="" if is_url else location,
            published=options["published"],
            timezone=options["timezone"],
            publisher=options["publisher"],
            source_url=options["url"],
            slug=options["slug"],
            headline=options["headline"],
            story=options["story"],
        )

        def progress(percent: int, message: str) -> None:
            if verbosity >= 1:
                self.stderr.write(f"{percent:3d}% {message}")

        try:
            result = article_import(data=data, dry_run=dry_run, progress=progress)
        except ArticleImportError as exc:
            raise CommandError(str(exc)) from None
        source = result.source
        prefix = "Dry run, nothing written: " if dry_run else ""
        when = source.published_date.isoformat() + (f" {source.published_time:%H:%M}" if source.published_time else "")
        self.stdout.write(
            self.style.SUCCESS(
                f"{prefix}{source.slug}: {source.headline!r} ({source.publisher}, {when} {source.timezone}), "
                f"{len(source.text)} characters, {result.proposals} proposals."
            )
        )
