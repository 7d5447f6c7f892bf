"""Writes to the timeline's records (sources, actors, events with their citations, statements).

Each function validates with `full_clean()` before saving and runs in one transaction, so a bad
nested citation leaves the event as it was. Callers (the API, the admin, scripts) pass plain,
already-parsed values; validation errors come back as django.core.exceptions.ValidationError
keyed by field name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

from timeline.models import Actor, Citation, DatedModel, Event, Source, Statement, text_checksum
from timeline.services.dating import RESULT_FIELDS, VALUE_FIELDS, date_apply_editor_change, date_resolve_after_edit
from timeline.services.provenance import passage_locate
from timeline.services.stories import events_follow_citations

# The editor's wording plus everything an automatic run would write.
DATE_FIELDS = ("date_text", *RESULT_FIELDS)
SOURCE_FIELDS = (
    "slug",
    "headline",
    "publisher",
    "url",
    "authors",
    "language",
    "text",
    "origin",
    "notes",
    "published_date",
    "published_time",
    "timezone",
)
ACTOR_FIELDS = ("name", "kind", "aliases", "description")
EVENT_FIELDS = ("slug", "title", "description", "location", "category", *DATE_FIELDS)
STATEMENT_FIELDS = ("text", "mode", "speaker", "source", "event", "char_start", "char_end", *DATE_FIELDS)


@dataclass(frozen=True)
class CitationInput:
    """One citation as an event write gives it. With an id it changes that citation of the event, and
    what it leaves out (None) stays as it was; without, it adds one. The passage may be given as the
    sentence, the offsets, or both (see services.provenance)."""

    source: Source | None = None
    sentence: str | None = None
    char_start: int | None = None
    char_end: int | None = None
    dates: Mapping[str, Any] = field(default_factory=dict)
    id: int | None = None


def _assign(instance: models.Model, data: Mapping[str, Any], allowed: Iterable[str]) -> None:
    unknown = set(data) - set(allowed)
    if unknown:
        raise ValidationError({name: "This field cannot be written." for name in sorted(unknown)})
    for name, value in data.items():
        setattr(instance, name, value)


def _assign_dates(instance: DatedModel, dates: Mapping[str, Any], allowed: Iterable[str] = DATE_FIELDS) -> None:
    """Write date fields as an editor does: a date given by hand becomes manual, so that automatic
    runs (resolve_dates) leave it alone, unless the writer set the status too. New words with no
    value (date_text alone) clear the old reading and go back to unresolved, for the engine to read:
    the words and the value never disagree."""
    changed = {name for name in dates if name in DATE_FIELDS and getattr(instance, name) != dates[name]}
    _assign(instance, dates, allowed)
    # A value given equal to the old one is still given: the words are not left for the engine.
    changed |= VALUE_FIELDS & set(dates) if "date_text" in changed else set()
    if "date_text" in changed or instance.date_value or instance.date_start:
        date_apply_editor_change(obj=instance, changed=changed)


def _forget_stale_passage(row: Citation | Statement, words_field: str, given: set[str]) -> None:
    """Before a write changes part of a passage, forget the parts it makes stale, for _place to find
    again: new offsets without words mean the words at those offsets; new words (or another source)
    without offsets mean the offsets of those words."""
    offsets = {"char_start", "char_end"}
    if given & offsets:
        if words_field not in given:
            setattr(row, words_field, None)
        elif not offsets <= given:
            for name in offsets - given:
                setattr(row, name, None)
    elif words_field in given or "source" in given:
        row.char_start = row.char_end = None


def _place(row: Citation | Statement, words_field: str) -> None:
    """Check the row's words against its source text at its offsets, finding what is missing."""
    passage = passage_locate(
        text=row.source.text,
        words=getattr(row, words_field),
        char_start=row.char_start,
        char_end=row.char_end,
        words_field=words_field,
    )
    setattr(row, words_field, passage.words)
    row.char_start, row.char_end = passage.char_start, passage.char_end


# --- Sources ----------------------------------------------------------------------------------


@transaction.atomic
def source_create(
    *,
    slug: str,
    headline: str,
    publisher: str,
    text: str,
    published_date: dt.date,
    url: str = "",
    authors: list[str] | None = None,
    language: str = "en",
    published_time: dt.time | None = None,
    timezone: str = "UTC",
    origin: str = "",
    notes: str = "",
) -> Source:
    source = Source(
        slug=slug,
        headline=headline,
        publisher=publisher,
        text=text,
        checksum=text_checksum(text),
        published_date=published_date,
        url=url,
        authors=authors or [],
        language=language,
        published_time=published_time,
        timezone=timezone,
        origin=origin,
        notes=notes,
    )
    source.full_clean()
    source.save()
    return source


@transaction.atomic
def source_update(*, source: Source, data: Mapping[str, Any]) -> Source:
    if "text" in data and data["text"] != source.text and (source.citations.exists() or source.statements.exists()):
        # Citations and statements point into the text by offset; a new text would misplace them all.
        raise ValidationError(
            {"text": "This source has citations or statements pointing into its text; change those first."}
        )
    _assign(source, data, SOURCE_FIELDS)
    source.checksum = text_checksum(source.text)
    source.full_clean()
    source.save()
    return source


# --- Actors -----------------------------------------------------------------------------------


@transaction.atomic
def actor_create(*, name: str, kind: str, aliases: list[str] | None = None, description: str = "") -> Actor:
    actor = Actor(name=name, kind=kind, aliases=aliases or [], description=description)
    actor.full_clean()
    actor.save()
    return actor


@transaction.atomic
def actor_update(*, actor: Actor, data: Mapping[str, Any]) -> Actor:
    _assign(actor, data, ACTOR_FIELDS)
    actor.full_clean()
    actor.save()
    return actor


# --- Events and their citations ---------------------------------------------------------------


def _write_citations(event: Event, citations: Iterable[CitationInput], *, replace: bool) -> None:
    existing = {citation.pk: citation for citation in event.citations.all()} if replace else {}
    kept: set[int] = set()
    pending: list[tuple[int, Citation]] = []
    for index, item in enumerate(citations):
        if item.id is not None:
            if item.id not in existing:
                raise ValidationError({"citations": f"Citation {index}: id {item.id} is not a citation of this event."})
            citation = existing[item.id]
            kept.add(item.id)
        elif item.source is None:
            raise ValidationError({"citations": f"Citation {index}: source_id: This field is required."})
        else:
            citation = Citation(event=event)
        given = {name for name in ("source", "sentence", "char_start", "char_end") if getattr(item, name) is not None}
        _forget_stale_passage(citation, "sentence", given)
        for name in given:
            setattr(citation, name, getattr(item, name))
        _assign_dates(citation, item.dates)
        pending.append((index, citation))
    # Delete the dropped ones first, so a replacement may reuse their (source, offset).
    Citation.objects.filter(pk__in=set(existing) - kept).delete()
    for index, citation in pending:
        try:
            _place(citation, "sentence")
            citation.full_clean()
        except ValidationError as error:
            raise ValidationError({"citations": _prefixed(error, f"Citation {index}")}) from error
        citation.save()
        date_resolve_after_edit(row=citation)
    # The event belongs to the stories its citing sources are in.
    events_follow_citations(citations=[citation for _, citation in pending])


def _prefixed(error: ValidationError, prefix: str) -> list[str]:
    if hasattr(error, "error_dict"):
        return [
            f"{prefix}: {name}: {message}" if name != "__all__" else f"{prefix}: {message}"
            for name, messages in error.message_dict.items()
            for message in messages
        ]
    return [f"{prefix}: {message}" for message in error.messages]


@transaction.atomic
def event_create(
    *,
    slug: str,
    title: str,
    description: str = "",
    location: str = "",
    category: str = "",
    dates: Mapping[str, Any] | None = None,
    actors: Iterable[Actor] = (),
    citations: Iterable[CitationInput] = (),
) -> Event:
    event = Event(slug=slug, title=title, description=description, location=location, category=category)
    _assign_dates(event, dates or {})
    event.full_clean()
    event.save()
    event.actors.set(actors)
    _write_citations(event, citations, replace=False)
    return event


@transaction.atomic
def event_update(
    *,
    event: Event,
    data: Mapping[str, Any],
    actors: Iterable[Actor] | None = None,
    citations: Iterable[CitationInput] | None = None,
) -> Event:
    """Update an event. Given `actors` or `citations` replace the event's; None leaves them as they are.

    Citations given with an id are updated in place, those without are added, the rest are deleted.
    """
    _assign_dates(event, data, EVENT_FIELDS)
    event.full_clean()
    event.save()
    if actors is not None:
        event.actors.set(actors)
    if citations is not None:
        _write_citations(event, citations, replace=True)
    return event


# --- Statements -------------------------------------------------------------------------------


@transaction.atomic
def statement_create(
    *,
    mode: str,
    speaker: Actor,
    source: Source,
    text: str | None = None,
    char_start: int | None = None,
    char_end: int | None = None,
    event: Event | None = None,
    dates: Mapping[str, Any] | None = None,
) -> Statement:
    statement = Statement(
        text=text, mode=mode, speaker=speaker, source=source, event=event, char_start=char_start, char_end=char_end
    )
    _assign_dates(statement, dates or {})
    _place(statement, "text")
    statement.full_clean()
    statement.save()
    date_resolve_after_edit(row=statement)
    return statement


@transaction.atomic
def statement_update(*, statement: Statement, data: Mapping[str, Any]) -> Statement:
    _forget_stale_passage(statement, "text", set(data))
    _assign_dates(statement, data, STATEMENT_FIELDS)
    _place(statement, "text")
    statement.full_clean()
    statement.save()
    date_resolve_after_edit(row=statement)
    return statement


# --- Deleting ---------------------------------------------------------------------------------


@transaction.atomic
def record_delete(*, record: Source | Actor | Event | Statement) -> None:
    """Delete one record. Raises ProtectedError when others still need it (an actor who speaks)."""
    record.delete()
