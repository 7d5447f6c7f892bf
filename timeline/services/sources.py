"""Ingesting articles: a folder of UTF-8 texts plus a manifest of their publication facts.

Everything is read and checked before anything is written, so bad input leaves the database as
it was; the writes happen in one transaction. Re-running on the same folder changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from timeline.models import Source, Story, text_checksum
from timeline.services import records, stories

MANIFEST_NAME = "manifest.json"
TEXT_SUFFIX = ".txt"
REQUIRED_KEYS = ("file", "headline", "publisher", "published_date")
STORY_KEYS = ("slug", "title", "description")
# What a manifest entry sets on its Source (the slug is the file stem, the checksum is computed).
SOURCE_FIELDS = (*(name for name in records.SOURCE_FIELDS if name != "slug"), "checksum")


class IngestError(Exception):
    """Bad input. The message is one line that names the file at fault."""


@dataclass
class IngestReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    story: str = ""  # the manifest's story slug, if it names one
    story_created: bool = False
    joined_story: int = 0  # sources newly put in the story

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.story_created or self.joined_story)

    def summary(self) -> str:
        text = f"{len(self.created)} created, {len(self.updated)} updated, {len(self.unchanged)} unchanged"
        if self.story:
            new = "new " if self.story_created else ""
            text += f"; {self.joined_story} joined the {new}story {self.story}"
        return text


def _parse_date(raw: object, where: str) -> dt.date:
    if not isinstance(raw, str):
        raise IngestError(f"{where}: published_date must be a YYYY-MM-DD string, not {raw!r}")
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise IngestError(f"{where}: invalid published_date {raw!r} (expected YYYY-MM-DD)") from None


def _parse_time(raw: object, where: str) -> dt.time | None:
    if raw in (None, ""):
        return None
    if not isinstance(raw, str):
        raise IngestError(f"{where}: published_time must be an HH:MM[:SS] string or null, not {raw!r}")
    try:
        parsed = dt.time.fromisoformat(raw)
    except ValueError:
        raise IngestError(f"{where}: invalid published_time {raw!r} (expected HH:MM[:SS])") from None
    if parsed.tzinfo is not None:
        raise IngestError(f"{where}: published_time {raw!r} carries an offset; give the zone in 'timezone'")
    return parsed


def _parse_timezone(raw: object, where: str) -> str:
    if raw in (None, ""):
        return "UTC"
    try:
        ZoneInfo(str(raw))
    except (ZoneInfoNotFoundError, ValueError):
        raise IngestError(f"{where}: unknown time zone {raw!r} (expected an IANA name such as Europe/London)") from None
    return str(raw)


def _parse_url(raw: object, where: str) -> str:
    if raw is None:
        return ""
    if not isinstance(raw, str):
        raise IngestError(f"{where}: url must be a string")
    url = raw.strip()
    if url:
        try:
            URLValidator()(url)
        except ValidationError:
            raise IngestError(f"{where}: invalid url {url!r}") from None
    return url


def _read_manifest_data(directory: Path) -> dict:
    path = directory / MANIFEST_NAME
    if not path.is_file():
        raise IngestError(f"{path}: manifest not found")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise IngestError(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise IngestError(f"{path}: invalid JSON at line {exc.lineno}: {exc.msg}") from None
    if not isinstance(data, dict):
        raise IngestError(f"{path}: expected an object with a 'sources' list of objects")
    return data


def _read_manifest(directory: Path) -> list[dict]:
    entries = _read_manifest_data(directory).get("sources")
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise IngestError(f"{directory / MANIFEST_NAME}: expected an object with a 'sources' list of objects")
    return entries


def read_story(directory: Path) -> dict | None:
    """The manifest's optional `story` ({slug, title, description}) that its sources belong to."""
    where = Path(directory) / MANIFEST_NAME
    entry = _read_manifest_data(Path(directory)).get("story")
    if entry is None:
        return None
    if not isinstance(entry, dict) or not all(isinstance(entry.get(key, ""), str) for key in STORY_KEYS):
        raise IngestError(f"{where}: 'story' must be an object with string slug, title and description")
    story = Story(**{key: entry.get(key, "").strip() for key in STORY_KEYS})
    try:
        story.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        problems = "; ".join(f"{name}: {' '.join(msgs)}" for name, msgs in exc.message_dict.items())
        raise IngestError(f"{where}: story: {problems}") from None
    return {key: getattr(story, key) for key in STORY_KEYS}


def read_sources(directory: Path) -> list[dict]:
    """Read and check a folder of texts and its manifest; return one dict of Source fields per text."""
    directory = Path(directory)
    if not directory.is_dir():
        raise IngestError(f"{directory}: not a directory")
    entries = _read_manifest(directory)
    texts = {p.name: p for p in directory.iterdir() if p.is_file() and p.suffix == TEXT_SUFFIX}
    seen = _Seen()
    rows = [_source_row(directory, index, entry, texts, seen) for index, entry in enumerate(entries)]
    unlisted = sorted(set(texts) - seen.files)
    if unlisted:
        raise IngestError(f"{directory / unlisted[0]}: text file has no entry in {MANIFEST_NAME}")
    return rows


@dataclass
class _Seen:
    """What earlier manifest entries of the folder gave: a file, url or text given twice is an error."""

    files: set[str] = field(default_factory=set)
    urls: dict[str, str] = field(default_factory=dict)
    checksums: dict[str, str] = field(default_factory=dict)

    def claim(self, kind: str, value: str, name: str, where: str, message: str) -> None:
        taken = getattr(self, kind)
        if value in taken:
            raise IngestError(f"{where}: {message.format(other=taken[value])}")
        taken[value] = name


def _source_row(directory: Path, index: int, entry: dict, texts: dict[str, Path], seen: _Seen) -> dict:
    """One manifest entry and its text file, checked, as Source fields."""
    name = entry.get("file")
    where = f"{directory / MANIFEST_NAME} entry {index + 1}" if not name else f"{directory / str(name)}"
    missing = [key for key in REQUIRED_KEYS if not entry.get(key)]
    if missing:
        raise IngestError(f"{where}: manifest entry lacks {', '.join(missing)}")
    if name in seen.files:
        raise IngestError(f"{where}: listed twice in the manifest")
    seen.files.add(name)
    text = _read_text(texts.get(name), where)
    url = _parse_url(entry.get("url"), where)
    if url:
        seen.claim("urls", url, name, where, f"duplicate url {url!r}, also given for {{other}}")
    checksum = text_checksum(text)
    seen.claim("checksums", checksum, name, where, "same text as {other}")
    authors = entry.get("authors") or []
    if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
        raise IngestError(f"{where}: authors must be a list of names")
    return {
        "slug": Path(name).stem,
        "headline": str(entry["headline"]).strip(),
        "publisher": str(entry["publisher"]).strip(),
        "url": url,
        "authors": authors,
        "language": str(entry.get("language") or "en"),
        "text": text,
        "checksum": checksum,
        "origin": str(entry.get("origin") or ""),
        "notes": str(entry.get("notes") or ""),
        "published_date": _parse_date(entry.get("published_date"), where),
        "published_time": _parse_time(entry.get("published_time"), where),
        "timezone": _parse_timezone(entry.get("timezone"), where),
    }


def _read_text(path: Path | None, where: str) -> str:
    if path is None:
        raise IngestError(f"{where}: listed in the manifest but there is no such text file")
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise IngestError(f"{where}: not UTF-8 text (invalid byte at offset {exc.start})") from None
    if not text.strip():
        raise IngestError(f"{where}: the text is empty")
    return text


def _check(source: Source, directory: Path) -> None:
    try:
        source.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        problems = "; ".join(f"{name}: {' '.join(msgs)}" for name, msgs in exc.message_dict.items())
        raise IngestError(f"{Path(directory) / (source.slug + TEXT_SUFFIX)}: {problems}") from None


def sources_ingest(*, directory: Path, dry_run: bool = False) -> IngestReport:
    """Create or update one Source per text in `directory`. Idempotent; all or nothing."""
    rows = read_sources(directory)
    story_fields = read_story(directory)
    report = IngestReport(story=story_fields["slug"] if story_fields else "")
    by_slug = {row["slug"]: row for row in rows}

    with transaction.atomic():
        existing = {
            source.slug: source
            for source in Source.objects.filter(slug__in=by_slug).annotate(
                n_cited=Count("citations", distinct=True) + Count("statements", distinct=True)
            )
        }
        _refuse_conflicts(rows, by_slug, directory)
        to_create: list[Source] = []
        to_update: list[Source] = []
        for slug, row in by_slug.items():
            source = existing.get(slug)
            if source is None:
                source = Source(slug=slug, **{name: row[name] for name in SOURCE_FIELDS})
                _check(source, directory)
                to_create.append(source)
                report.created.append(slug)
            elif _update(source, row, directory):
                to_update.append(source)
                report.updated.append(slug)
            else:
                report.unchanged.append(slug)

        if not dry_run:
            Source.objects.bulk_create(to_create)
            if to_update:
                Source.objects.bulk_update(to_update, [*SOURCE_FIELDS, "updated_at"])
        if story_fields:
            _join_story(story_fields, [*existing.values(), *to_create], report, dry_run=dry_run)
    return report


def _refuse_conflicts(rows: list[dict], by_slug: dict, directory: Path) -> None:
    """Another source (other slug) already holding a url or a text of this batch is a conflict."""
    urls = [row["url"] for row in rows if row["url"]]
    for other in Source.objects.filter(url__in=urls).exclude(slug__in=by_slug).only("slug", "url"):
        name = next(row["slug"] for row in rows if row["url"] == other.url)
        where = Path(directory) / (name + TEXT_SUFFIX)
        raise IngestError(f"{where}: url {other.url!r} belongs to source {other.slug}")
    checksums = [row["checksum"] for row in rows]
    for other in Source.objects.filter(checksum__in=checksums).exclude(slug__in=by_slug).only("slug", "checksum"):
        name = next(row["slug"] for row in rows if row["checksum"] == other.checksum)
        raise IngestError(f"{Path(directory) / (name + TEXT_SUFFIX)}: same text as existing source {other.slug}")


def _update(source: Source, row: dict, directory: Path) -> bool:
    """Set the manifest's values on an existing source; say whether any changed."""
    changed = [name for name in SOURCE_FIELDS if getattr(source, name) != row[name]]
    if not changed:
        return False
    if "checksum" in changed and source.n_cited:
        # Citations and statements point into the text by offset; a new text would break them.
        raise IngestError(
            f"{Path(directory) / (source.slug + TEXT_SUFFIX)}: text differs from the stored source, "
            f"which has {source.n_cited} citations/statements pointing into it; refusing to change it"
        )
    for name in changed:
        setattr(source, name, row[name])
    source.updated_at = timezone.now()
    _check(source, directory)
    return True


def _join_story(fields: dict, sources: list[Source], report: IngestReport, *, dry_run: bool) -> None:
    """Put the sources in the manifest's story, creating it if need be. An existing story keeps its
    title and description (an editor may have changed them), and a source already in it is left alone."""
    story = Story.objects.filter(slug=fields["slug"]).first()
    report.story_created = story is None
    if dry_run:
        present = set() if story is None else set(story.sources.values_list("pk", flat=True))
        report.joined_story = len([s for s in sources if s.pk is None or s.pk not in present])
        return
    if story is None:
        story = stories.story_create(**fields)
    report.joined_story = len(stories.story_add(story=story, sources=sources).sources)
