"""Importing many articles at once: files, folders, a list of URLs or a feed's links.

Each article goes through article_import on its own (its own transaction): a bad one is reported with
its reason and the others go on. An article already stored (same URL or text) is counted as such,
not as a failure, so that running the same import twice imports nothing new and says so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from intake.services.articles import (
    HTML_SUFFIXES,
    ArticleImportError,
    ArticleInput,
    DuplicateArticle,
    article_import,
)
from intake.services.feed_reading import FeedError, feed_read
from timeline.models import Source

ARTICLE_SUFFIXES = (*HTML_SUFFIXES, ".txt")


@dataclass
class BulkItem:
    label: str  # the path or URL, as the user gave it
    data: ArticleInput


@dataclass
class BulkOutcome:
    imported: list[tuple[str, Source]] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (label, reason)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (label, reason)
    proposals: int = 0
    note: str = ""  # e.g. a feed's cap


class BulkInputError(Exception):
    """The list of what to import could not be read (a missing list file, a feed that is no feed)."""


def items_from_paths(*, paths: Iterable[str]) -> list[BulkItem]:
    """Files as given; a folder gives its .txt and .html files, sorted (not recursing)."""
    items: list[BulkItem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            items += [BulkItem(label=str(p), data=ArticleInput(path=str(p))) for p in found]
        else:
            items.append(BulkItem(label=raw, data=ArticleInput(path=raw)))  # a missing file fails as an item
    return items


def items_from_url_list(*, path: str) -> list[BulkItem]:
    """One URL a line; blank lines and lines starting with # are skipped."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise BulkInputError(f"--urls: cannot read {path} ({type(exc).__name__}: {exc})") from None
    urls = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    return [BulkItem(label=url, data=ArticleInput(url=url)) for url in urls]


def items_from_feed(*, url: str) -> tuple[list[BulkItem], str]:
    """The feed's item links, and a note when the feed was cut at FEED_MAX_ITEMS."""
    try:
        feed = feed_read(url=url)
    except FeedError as exc:
        raise BulkInputError(str(exc)) from None
    return [BulkItem(label=entry.url, data=ArticleInput(url=entry.url)) for entry in feed.entries], feed.cap_note()


def articles_import(
    *,
    items: list[BulkItem],
    on_item: Callable[[BulkItem, str, str], None] = lambda item, outcome, detail: None,
    propose: bool = True,
) -> BulkOutcome:
    """Import each item; `on_item(item, "imported" | "duplicate" | "failed", detail)` after each.
    Without `propose` the articles are stored unread (bench/intake.py measures the intake alone)."""
    outcome = BulkOutcome()
    # URLs already stored are not fetched again: one query for all of them.
    urls = [item.data.url for item in items if item.data.url]
    stored = dict(Source.objects.filter(url__in=urls).values_list("url", "slug")) if urls else {}
    for item in items:
        if item.data.url in stored:
            reason = f"url: already imported as source {stored[item.data.url]!r}"
            outcome.duplicates.append((item.label, reason))
            on_item(item, "duplicate", reason)
            continue
        try:
            result = article_import(data=item.data, propose=propose)
        except DuplicateArticle as exc:
            outcome.duplicates.append((item.label, str(exc)))
            on_item(item, "duplicate", str(exc))
        except ArticleImportError as exc:
            outcome.failed.append((item.label, str(exc)))
            on_item(item, "failed", str(exc))
        else:
            outcome.imported.append((item.label, result.source))
            outcome.proposals += result.proposals
            on_item(item, "imported", f"{result.source.slug} with {result.proposals} proposals")
    return outcome
