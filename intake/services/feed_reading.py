"""Reading an RSS or Atom feed from a URL: its title and its items' links, through feedparser.

The feed is fetched like an article page (intake.services.fetching: public addresses only, a size
limit, one deadline), then handed to feedparser as a stream, so feedparser never opens a URL or a
file itself.
At most FEED_MAX_ITEMS items are read, the first ones (feeds list the newest first); the result
says how many there were, so that the cap can be named to whoever asked.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from urllib.parse import urlsplit

import feedparser
from django.conf import settings

from intake.services import fetching

ITEM_KEY_MAX = 500


class FeedError(Exception):
    """The feed could not be read; the message is one line that says why."""


@dataclass(frozen=True)
class FeedEntry:
    key: str  # the item's id in the feed (its guid or Atom id), else its link: what "the same item" means
    url: str
    title: str


@dataclass(frozen=True)
class ParsedFeed:
    url: str
    title: str
    entries: list[FeedEntry]  # at most `cap`
    total: int  # items in the feed, before the cap
    cap: int
    skipped: list[tuple[str, str]]  # (item, reason) for items without a usable link

    @property
    def capped(self) -> bool:
        return self.total > self.cap

    def cap_note(self) -> str:
        if not self.capped:
            return ""
        return f"the feed has {self.total} items; only the first {self.cap} were read (FEED_MAX_ITEMS={self.cap})"


def feed_parse(content: bytes, *, url: str, cap: int) -> ParsedFeed:
    """Parse a feed's bytes. Raises FeedError when they are not RSS or Atom."""
    # A stream, never the bytes themselves: feedparser opens bytes that name a file as that file, so a
    # server answering "/etc/some/feed.xml" would have us read our own disk.
    parsed = feedparser.parse(io.BytesIO(content), sanitize_html=False, resolve_relative_uris=False)
    if not parsed.get("version"):
        reason = parsed.get("bozo_exception")
        detail = f" ({type(reason).__name__}: {str(reason).splitlines()[0][:200]})" if reason else ""
        raise FeedError(f"feed: {url} is not an RSS or Atom feed{detail}")
    entries: list[FeedEntry] = []
    skipped: list[tuple[str, str]] = []
    for number, entry in enumerate(parsed.entries[:cap], start=1):
        link = (entry.get("link") or "").strip()
        title = (entry.get("title") or "").strip()
        if urlsplit(link).scheme not in ("http", "https"):
            skipped.append((title or f"item {number}", f"url: the item has no http(s) link ({link[:100]!r})"))
            continue
        key = (entry.get("id") or link).strip()[:ITEM_KEY_MAX]
        entries.append(FeedEntry(key=key, url=link, title=title))
    title = (parsed.feed.get("title") or "").strip()
    return ParsedFeed(url=url, title=title, entries=entries, total=len(parsed.entries), cap=cap, skipped=skipped)


def feed_read(*, url: str) -> ParsedFeed:
    """Fetch and parse a feed. Raises FeedError (one line) when it cannot be fetched or is no feed."""
    try:
        page = fetching.fetch_page(
            url,
            timeout=settings.IMPORT_FETCH_TIMEOUT,
            deadline=settings.IMPORT_FETCH_DEADLINE,
            max_bytes=settings.IMPORT_MAX_BYTES,
            allow_private=settings.IMPORT_ALLOW_PRIVATE_ADDRESSES,
            accept=fetching.FEED_TYPES,
        )
    except fetching.FetchError as exc:
        raise FeedError(f"feed: {str(exc).removeprefix('url: ')}") from None
    return feed_parse(page.content, url=page.url, cap=settings.FEED_MAX_ITEMS)
