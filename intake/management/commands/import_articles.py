"""Import many articles: files, folders of .txt and .html files, a file of URLs, or a feed's items.

    python manage.py import_articles PATH [PATH ...]
    python manage.py import_articles --urls FILE      (one URL a line; # starts a comment)
    python manage.py import_articles --feed URL       (an RSS or Atom feed; at most FEED_MAX_ITEMS items)

Each article is imported as import_article would, in its own transaction: a bad one (unreachable,
404, not an article, a private address) is reported with its reason on stderr and the rest go on.
An article already stored is reported as such, so a second run imports nothing new and still
exits 0. A progress bar goes to stderr (not at verbosity 0). Exit 1, with one line, when no
article could be imported and at least one failed.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from intake.services.bulk import (
    BulkInputError,
    BulkItem,
    articles_import,
    items_from_feed,
    items_from_paths,
    items_from_url_list,
)


class Command(BaseCommand):
    help = "Import many news articles (files, folders, a list of URLs or a feed) and propose what they say."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", metavar="PATH", help="Files, or folders of .txt and .html files.")
        parser.add_argument("--urls", default="", metavar="FILE", help="A file of article URLs, one a line.")
        parser.add_argument("--feed", default="", metavar="URL", help="An RSS or Atom feed whose items to import.")

    def _items(self, paths: list[str], urls: str, feed: str) -> tuple[list[BulkItem], str]:
        given = [name for name, value in (("PATH", paths), ("--urls", urls), ("--feed", feed)) if value]
        if len(given) != 1:
            raise CommandError("give exactly one of PATH..., --urls FILE or --feed URL")
        try:
            if paths:
                return items_from_paths(paths=paths), ""
            if urls:
                return items_from_url_list(path=urls), ""
            return items_from_feed(url=feed)
        except BulkInputError as exc:
            raise CommandError(str(exc)) from None

    def handle(self, *args, paths: list[str], urls: str, feed: str, verbosity: int, **options):
        items, note = self._items(paths, urls, feed)
        if not items:
            raise CommandError("nothing to import: no article files or URLs found")
        stream = self.stderr._out  # tqdm writes to the raw stream, not the line-adding wrapper
        if note:
            stream.write(f"note: {note}\n")
        with tqdm(total=len(items), file=stream, unit="article", disable=verbosity < 1, dynamic_ncols=True) as bar:

            def on_item(item: BulkItem, outcome: str, detail: str) -> None:
                if outcome != "imported" or verbosity >= 2:
                    bar.write(f"{outcome}: {item.label}: {detail}", file=stream)
                bar.update(1)

            # No transaction around the whole run, on purpose: each article is stored (or refused) on its own.
            outcome = articles_import(items=items, on_item=on_item)
        summary = (
            f"{len(outcome.imported)} imported ({outcome.proposals} proposals), "
            f"{len(outcome.duplicates)} already there, {len(outcome.failed)} failed, of {len(items)}."
        )
        if not outcome.imported and outcome.failed:
            raise CommandError(f"no article could be imported: {summary} First: {outcome.failed[0][1]}")
        self.stdout.write(self.style.SUCCESS(summary))
