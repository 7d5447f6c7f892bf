"""Generated news articles and the RSS feed that lists them, served on 127.0.0.1 by tests.pages.serve."""

from __future__ import annotations

import datetime as dt
import html

from tests.pages import html_route, news_page

PEOPLE = ("the minister", "a spokeswoman", "the mayor", "an official", "the union's leader")
PLACES = ("Lisbon", "Oslo", "Quito", "Hanoi", "Nairobi", "Lima", "Tallinn", "Accra")


def article_paragraphs(n: int) -> tuple[str, ...]:
    """A few paragraphs, different for each n, with a dated sentence and "X said" lines."""
    place = PLACES[n % len(PLACES)]
    who = PEOPLE[n % len(PEOPLE)]
    return (
        f"Officials in {place} opened a new bridge on Tuesday after {n + 3} years of work, article {n} reports.",
        f'"This bridge joins the two halves of the city," {who} said at the ceremony in {place}.',
        f"Traffic across the river is expected to fall by {10 + n % 40} percent next year, engineers said.",
        f"The project cost {n + 100} million and employed workers from {PLACES[(n + 1) % len(PLACES)]}.",
    )


def article_page(n: int) -> str:
    published = dt.datetime(2023, 1, 1, 9, 0) + dt.timedelta(days=n % 700, minutes=n)
    return news_page(
        headline=f"Bridge number {n} opens in {PLACES[n % len(PLACES)]}",
        paragraphs=article_paragraphs(n),
        published_meta=published.isoformat() + "+00:00",
        site="Example Wire",
    )


def rss(items: list[tuple[str, str, str]], *, title: str = "Example Wire") -> bytes:
    """An RSS 2.0 document of (guid, link, title) items."""
    body = "".join(
        f"<item><title>{html.escape(t)}</title><link>{html.escape(link)}</link>"
        f"<guid isPermaLink='false'>{html.escape(guid)}</guid></item>"
        for guid, link, t in items
    )
    return (
        f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{html.escape(title)}</title>"
        f"<link>http://example.org/</link><description>News</description>{body}</channel></rss>"
    ).encode()


def feed_route(body: bytes) -> tuple[int, str, bytes, dict]:
    return 200, "application/rss+xml; charset=utf-8", body, {}


def article_routes(numbers) -> dict[str, tuple[int, str, bytes, dict]]:
    return {f"/news/{n}": html_route(article_page(n)) for n in numbers}


def feed_items(base: str, numbers) -> list[tuple[str, str, str]]:
    return [(f"urn:example:{n}", f"{base}/news/{n}", f"Bridge {n}") for n in numbers]
