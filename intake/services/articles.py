"""Importing one article: from a URL, a saved HTML page or a plain text, to a Source and its proposals.

HTML goes through trafilatura for the main text, headline, authors and site name. The publication
date and time come from the page's own metadata (`article:published_time` and similar meta tags,
JSON-LD `datePublished`, `<time datetime>` in the article) or from the caller, never from a guess:
trafilatura's own date finder also reads dates out of URLs and body text, so it is not used.

A `.txt` file follows the seeds' conventions: UTF-8 text, its publication facts from a
`manifest.json` entry beside it (or from the options), its slug the file stem when the manifest
lists it. Every check runs before anything is written; the source and its proposals are written
in one transaction, so bad input leaves the database as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import trafilatura
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from lxml import html as lxml_html

from intake.services import fetching
from timeline.models import Source, Story, text_checksum
from timeline.services import stories
from timeline.services.sources import (
    MANIFEST_NAME,
    IngestError,
    _parse_timezone,
    _parse_url,
    read_sources,
    read_story,
)

HEADLINE_MAX = Source._meta.get_field("headline").max_length
SLUG_MAX = Source._meta.get_field("slug").max_length
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# Less main text than this is a page's furniture (a menu, a cookie notice), not an article.
MIN_ARTICLE_CHARS = 80
# Meta tags that carry the publication moment, most specific first.
DATE_META = (
    ("property", "article:published_time"),
    ("property", "og:article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "article:published_time"),
    ("name", "parsely-pub-date"),
    ("name", "sailthru.date"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "date"),
    ("name", "dc.date.issued"),
    ("name", "dcterms.created"),
)
DATE_OPTION = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?$")


# The publication facts a caller may give, stored with a job.
OPTION_NAMES = ("published", "timezone", "publisher", "source_url", "slug", "headline", "story")


class ArticleImportError(Exception):
    """Bad input. The message is one line that names the field or option at fault."""


class DuplicateArticle(ArticleImportError):
    """The article's URL or text is already a source: importing it again would add nothing."""


@dataclass
class ArticleInput:
    """What to import, and the publication facts the caller knows. Options win over the page's metadata."""

    url: str = ""  # fetch the page from here
    content: bytes | str | None = None  # or an uploaded page / text
    filename: str = ""  # its name: .txt means plain text, anything else is read as HTML
    path: str = ""  # or a file on disk (the command)
    published: str = ""  # YYYY-MM-DD[THH:MM]
    timezone: str = ""
    publisher: str = ""
    source_url: str = ""  # the article's URL to record (defaults to the fetched one)
    slug: str = ""
    headline: str = ""
    story: str = ""  # the slug of an existing story to put the article in

    def options(self) -> dict:
        return {name: getattr(self, name) for name in OPTION_NAMES if getattr(self, name)}


@dataclass
class Article:
    """A read and checked article: the Source fields, and where each fact came from."""

    fields: dict
    facts: dict[str, str] = field(default_factory=dict)  # e.g. {"published": "article:published_time"}
    story: dict | None = None  # a manifest's story ({slug, title, description}) the article belongs to


@dataclass
class ImportResult:
    source: Source
    proposals: int
    dry_run: bool = False


Progress = Callable[[int, str], None]


def _no_progress(percent: int, message: str) -> None:
    pass


# --- reading the publication moment --------------------------------------------------------------


def _parse_moment(raw: str) -> tuple[dt.date, dt.time | None, dt.tzinfo | None] | None:
    raw = raw.strip()
    if not raw:
        return None
    try:
        moment = dt.datetime.fromisoformat(raw.replace("Z", "+00:00") if raw.endswith("Z") else raw)
    except ValueError:
        try:
            return dt.date.fromisoformat(raw[:10]), None, None
        except ValueError:
            return None
    if len(raw) <= 10:
        return moment.date(), None, None
    return moment.date(), moment.time().replace(tzinfo=None, microsecond=0), moment.tzinfo


def _json_ld_dates(node: object) -> list[str]:
    found: list[str] = []
    if isinstance(node, list):
        for item in node:
            found += _json_ld_dates(item)
    elif isinstance(node, dict):
        value = node.get("datePublished")
        if isinstance(value, str):
            found.append(value)
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if key in node:
                found += _json_ld_dates(node[key])
    return found


def page_publication(tree) -> tuple[str, str] | None:
    """The page's own statement of when it was published: (raw value, where it was found)."""
    for attribute, name in DATE_META:
        for element in tree.iterfind(".//meta"):
            if (element.get(attribute) or "").strip().lower() == name.lower() and element.get("content"):
                return element.get("content"), f"meta {name}"
    for script in tree.iterfind(".//script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        dates = _json_ld_dates(data)
        if dates:
            return dates[0], "JSON-LD datePublished"
    for element in tree.iterfind(".//time"):
        if element.get("datetime") and (
            element.get("pubdate") is not None or element.get("itemprop") == "datePublished"
        ):
            return element.get("datetime"), "<time pubdate>"
    return None


def _zone_name(tzinfo: dt.tzinfo | None, moment: dt.datetime) -> str | None:
    """An IANA name for a fixed offset when it is a whole number of hours (Etc/GMT signs are inverted)."""
    if tzinfo is None:
        return None
    offset = tzinfo.utcoffset(moment)
    if offset is None:
        return None
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    if rest:
        return None
    return "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"


def publication_facts(raw: str, *, timezone: str) -> tuple[dt.date, dt.time | None, str] | None:
    """Date, time and zone of a page's publication moment; an offset is turned into the publisher's zone."""
    parsed = _parse_moment(raw)
    if parsed is None:
        return None
    day, time, tzinfo = parsed
    if time is None or tzinfo is None:
        return day, time, timezone or "UTC"
    aware = dt.datetime.combine(day, time, tzinfo=tzinfo)
    if timezone:
        local = aware.astimezone(ZoneInfo(timezone))
        return local.date(), local.time().replace(tzinfo=None), timezone
    zone = _zone_name(tzinfo, aware)
    if zone is None:
        utc = aware.astimezone(dt.UTC)
        return utc.date(), utc.time().replace(tzinfo=None), "UTC"
    return day, time, zone


# --- reading an article ---------------------------------------------------------------------------


def _published_option(raw: str) -> tuple[dt.date, dt.time | None]:
    match = DATE_OPTION.match(raw.strip())
    if not match:
        raise ArticleImportError(f"published: {raw!r} is not a date (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM)")
    try:
        day = dt.date.fromisoformat(match.group(1))
        time = dt.time.fromisoformat(match.group(2)) if match.group(2) else None
    except ValueError:
        raise ArticleImportError(f"published: {raw!r} is not a valid date or time") from None
    return day, time


def _checked(fn, raw, where):
    try:
        return fn(raw, where)
    except IngestError as exc:
        raise ArticleImportError(str(exc)) from None


def _decode_text(content: bytes | str, where: str) -> str:
    if isinstance(content, str):
        return content
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleImportError(f"{where}: not UTF-8 text (invalid byte at offset {exc.start})") from None


def _read_html(content: bytes | str, *, data: ArticleInput, where: str, page_url: str) -> Article:
    try:
        tree = lxml_html.fromstring(content)
    except (ValueError, lxml_html.etree.ParserError) as exc:
        raise ArticleImportError(f"{where}: not an HTML page ({exc})") from None
    found = page_publication(tree)  # before trafilatura, which prunes the tree it is given
    document = trafilatura.bare_extraction(
        tree, url=page_url or None, with_metadata=True, include_comments=False, include_tables=False
    )
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if len(text) < MIN_ARTICLE_CHARS:
        raise ArticleImportError(f"{where}: no article text found on the page ({len(text)} characters of text)")
    facts: dict[str, str] = {}
    headline = data.headline.strip() or (document.title or "").strip()
    if not headline:
        raise ArticleImportError(f"headline: the page {where} has no headline; give one")
    facts["headline"] = "option" if data.headline else "page title"
    # trafilatura keeps the headline as the first line of the text when the article repeats it.
    first, _, rest = text.partition("\n")
    if first.strip() == headline and rest.strip():
        text = rest.strip()
    timezone = _checked(_parse_timezone, data.timezone, "timezone") if data.timezone else ""
    if data.published:
        day, time = _published_option(data.published)
        zone = timezone or "UTC"
        facts["published"] = "option"
    else:
        moment = publication_facts(found[0], timezone=timezone) if found else None
        if moment is None:
            raise ArticleImportError(
                f"published: no publication date in the page's metadata ({where}); give it as YYYY-MM-DD[THH:MM]"
            )
        day, time, zone = moment
        facts["published"] = found[1]
    publisher = data.publisher.strip() or (document.sitename or "").strip()
    if not publisher and page_url:
        publisher = urlsplit(page_url).hostname or ""
    if not publisher:
        raise ArticleImportError(f"publisher: the page {where} names no publisher; give one")
    authors = [a.strip() for a in (document.author or "").split(";") if a.strip()]
    url = data.source_url or page_url or (document.url or "")
    if url and urlsplit(url).scheme not in ("http", "https"):
        url = ""
    return Article(
        fields={
            "headline": headline[:HEADLINE_MAX],
            "publisher": publisher[:200],
            "url": _checked(_parse_url, url, "url"),
            "authors": authors,
            "language": (document.language or "en")[:10],
            "text": text,
            "published_date": day,
            "published_time": time,
            "timezone": zone,
            "origin": f"imported from {page_url}" if page_url else f"imported from an uploaded page ({where})",
        },
        facts=facts,
    )


def _manifest_entry(path: Path) -> dict | None:
    """The seeds' convention: a manifest.json beside the text, with an entry for the file."""
    manifest = path.parent / MANIFEST_NAME
    if not manifest.is_file():
        return None
    try:
        rows = read_sources(path.parent)
    except IngestError as exc:
        raise ArticleImportError(str(exc)) from None
    return next((row for row in rows if row["slug"] == path.stem), None)


def _read_text(content: bytes | str, *, data: ArticleInput, where: str, path: Path | None) -> Article:
    text = _decode_text(content, where)
    if not text.strip():
        raise ArticleImportError(f"{where}: the text is empty")
    entry = _manifest_entry(path) if path is not None else None
    facts = {"published": "option", "headline": "option"}
    base = entry or {}
    story = None
    if entry is not None:
        facts = {"published": MANIFEST_NAME, "headline": MANIFEST_NAME}
        text = entry["text"]
        try:
            story = read_story(path.parent)
        except IngestError as exc:
            raise ArticleImportError(str(exc)) from None
    timezone = _checked(_parse_timezone, data.timezone or base.get("timezone") or "", "timezone")
    if data.published:
        day, time = _published_option(data.published)
        facts["published"] = "option"
    elif entry is not None:
        day, time = entry["published_date"], entry["published_time"]
    else:
        raise ArticleImportError(
            f"published: a text ({where}) carries no publication date; give it as YYYY-MM-DD[THH:MM]"
        )
    publisher = data.publisher.strip() or base.get("publisher", "")
    if not publisher:
        raise ArticleImportError(f"publisher: no publisher given for {where}")
    headline = data.headline.strip() or base.get("headline", "")
    if not headline:
        first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
        headline, facts["headline"] = first_line, "first line"
    return Article(
        fields={
            "headline": headline[:HEADLINE_MAX],
            "publisher": publisher[:200],
            "url": _checked(_parse_url, data.source_url or base.get("url") or "", "url"),
            "authors": base.get("authors", []),
            "language": base.get("language", "en"),
            "text": text,
            "published_date": day,
            "published_time": time,
            "timezone": timezone,
            "origin": base.get("origin") or f"imported from {where}",
            "notes": base.get("notes", ""),
            **({"slug": entry["slug"]} if entry is not None and not data.slug else {}),
        },
        facts=facts,
        story=story,
    )


def article_read(*, data: ArticleInput, progress: Progress = _no_progress) -> Article:
    """Fetch or open the input and read it into checked Source fields. Writes nothing."""
    path: Path | None = None
    page_url = ""
    if data.url:
        progress(5, f"fetching {data.url}")
        try:
            page = fetching.fetch_page(
                data.url,
                timeout=settings.IMPORT_FETCH_TIMEOUT,
                deadline=settings.IMPORT_FETCH_DEADLINE,
                max_bytes=settings.IMPORT_MAX_BYTES,
                allow_private=settings.IMPORT_ALLOW_PRIVATE_ADDRESSES,
            )
        except fetching.FetchError as exc:
            raise ArticleImportError(str(exc)) from None
        content, where, page_url, is_html = page.content, data.url, page.url, True
    elif data.path:
        path = Path(data.path)
        if not path.is_file():
            raise ArticleImportError(f"{path}: no such file")
        if path.stat().st_size > settings.IMPORT_MAX_BYTES:
            raise ArticleImportError(f"{path}: larger than the {settings.IMPORT_MAX_BYTES} bytes allowed")
        content, where = path.read_bytes(), str(path)
        is_html = path.suffix.lower() in HTML_SUFFIXES
        if not is_html and path.suffix.lower() != ".txt":
            raise ArticleImportError(f"{path}: expected a .txt, .html or .htm file")
    elif data.content is not None:
        content, where = data.content, data.filename or "text"
        if len(content) > settings.IMPORT_MAX_BYTES:
            raise ArticleImportError(f"{where}: larger than the {settings.IMPORT_MAX_BYTES} bytes allowed")
        is_html = not (data.filename == "" or data.filename.lower().endswith(".txt"))
    else:
        raise ArticleImportError("url: give a URL, a file or a text to import")
    progress(20, "reading the article")
    if is_html:
        article = _read_html(content, data=data, where=where, page_url=page_url)
    else:
        article = _read_text(content, data=data, where=where, path=path)
    article.fields["checksum"] = text_checksum(article.fields["text"])
    return article


HEADLINE_WORDS = 6


def article_slug(*, publisher: str, published: dt.date, headline: str) -> str:
    """Publisher, date and at most six words of the headline: short, readable, and rarely taken twice."""
    words = slugify(headline).split("-")[:HEADLINE_WORDS]
    parts = [slugify(publisher)[:40].strip("-"), published.isoformat(), "-".join(w for w in words if w)]
    return "-".join(part for part in parts if part)[: SLUG_MAX - 8].strip("-")


def _unique_slug(base: str, taken: set[str]) -> str:
    base = (slugify(base)[: SLUG_MAX - 8].strip("-")) or "article"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def source_from_article(*, article: Article, slug: str = "") -> Source:
    """A checked, unsaved Source; a duplicate URL or text is refused with one line."""
    fields = dict(article.fields)
    given = slug or fields.pop("slug", "")
    fields.pop("slug", None)
    query = Q(checksum=fields["checksum"])
    if fields["url"]:
        query |= Q(url=fields["url"])
    duplicate = Source.objects.filter(query).only("slug", "url", "checksum").first()
    if duplicate is not None:
        what = "url" if fields["url"] and duplicate.url == fields["url"] else "text"
        raise DuplicateArticle(f"{what}: already imported as source {duplicate.slug!r}")
    if given:
        if Source.objects.filter(slug=given).exists():
            raise ArticleImportError(f"slug: {given!r} is taken by another source")
    else:
        base = article_slug(
            publisher=fields["publisher"], published=fields["published_date"], headline=fields["headline"]
        )
        given = _unique_slug(base, set(Source.objects.filter(slug__startswith=base).values_list("slug", flat=True)))
    source = Source(slug=given, **fields)
    try:
        source.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        problems = "; ".join(f"{name}: {' '.join(msgs)}" for name, msgs in exc.message_dict.items())
        raise ArticleImportError(problems) from None
    return source


def article_import(
    *, data: ArticleInput, dry_run: bool = False, progress: Progress = _no_progress, propose: bool = True
) -> ImportResult:
    """Read, check and store one article, then propose what it says. All or nothing."""
    from intake.services.proposals import proposals_propose  # the reader is heavy; import it when used
    from timeline.extraction import UnreadableText

    story = None
    if data.story:
        story = Story.objects.filter(slug=data.story).first()
        if story is None:
            raise ArticleImportError(f"story: there is no story {data.story!r}")
    article = article_read(data=data, progress=progress)
    with transaction.atomic():
        source = source_from_article(article=article, slug=data.slug)
        source.save()
        if story is None and article.story is not None:
            # The seeds' convention: the manifest names the story its texts belong to.
            story = Story.objects.filter(slug=article.story["slug"]).first() or stories.story_create(**article.story)
        if story is not None:
            stories.story_add(story=story, sources=[source])
        count = 0
        if propose:
            progress(50, "reading statements and event citations")
            try:
                count = proposals_propose(source=source).created
            except UnreadableText as exc:  # rolls the source back too: nothing half-written
                raise ArticleImportError(f"text: {exc}") from None
        if dry_run:
            transaction.set_rollback(True)
    progress(100, f"{'checked' if dry_run else 'imported'} {source.slug} with {count} proposals")
    return ImportResult(source=source, proposals=count, dry_run=dry_run)
