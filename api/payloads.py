"""The read payloads of the timeline and of the events and statements lists, built from `.values()`
rows (timeline.paging.timeline_rows, timeline.rows.event_list_rows and statement_list_rows).

Each entry is exactly what TimelineEntrySerializer (EventSerializer, StatementSerializer) gives for
the same record (the tests compare the two), without building model instances or walking serializer
fields: on a page of 100 entries that was most of a request's time. The serializers stay the definition
of the shape (and of the OpenAPI schema) and handle every write.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from django.db.models import QuerySet
from rest_framework.request import Request
from rest_framework.reverse import reverse

from timeline import paging
from timeline.models import DatedModel, Event, Statement
from timeline.paging import TimelinePosition, statement_title
from timeline.readings import dates_agree, intervals_disagree
from timeline.rows import event_children, event_list_rows, iso, statement_list_rows

# A date object's keys and the row's columns they come from: `text` from date_text, and so on.
DATE_KEYS = tuple((name.removeprefix("date_"), name) for name in DatedModel.DATE_PUBLIC_FIELDS)


def date_payload(row: Mapping) -> dict:
    # iso() leaves text as it is: only the dates (date objects on PostgreSQL) change.
    return {key: iso(row[name]) for key, name in DATE_KEYS}


def source_brief(get: Callable[[str], object]) -> dict:
    """SourceBriefSerializer's payload, each field read by `get(name)` (from a joined row or a Source)."""
    return {
        "id": get("id"),
        "slug": get("slug"),
        "headline": get("headline"),
        "publisher": get("publisher"),
        "url": get("url"),
        "publication": {
            "date": iso(get("published_date")),
            "time": iso(get("published_time")),
            "timezone": get("timezone"),
        },
    }


class SourceBriefs:
    """Brief source payloads read off joined rows (`source__id`, ...), one dict per source per page."""

    def __init__(self) -> None:
        self._seen: dict[int, dict] = {}

    def __call__(self, row: Mapping) -> dict:
        pk = row["source__id"]
        brief = self._seen.get(pk)
        if brief is None:
            brief = self._seen[pk] = source_brief(lambda name: row[f"source__{name}"])
        return brief


def readings_payload(citations: list[Mapping], briefs: SourceBriefs) -> tuple[list[dict], bool]:
    """The event's date readings (readings.date_readings, on rows) and whether they disagree: once."""
    readings: dict[tuple, dict] = {}
    sources_of: dict[tuple, set[int]] = {}
    for citation in citations:
        start = citation["date_start"]
        if start is None:
            continue
        end = citation["date_end"]
        key = (citation["date_value"], start, end)
        reading = readings.get(key)
        if reading is None:
            reading = readings[key] = {
                "value": citation["date_value"],
                "start": iso(start),
                "end": iso(end),
                "precision": citation["date_precision"],
                "texts": [],
                "sources": [],
                "citation_ids": [],
            }
            sources_of[key] = set()
        text = citation["date_text"]
        if text and text not in reading["texts"]:
            reading["texts"].append(text)
        source_id = citation["source__id"]
        if source_id not in sources_of[key]:
            sources_of[key].add(source_id)
            reading["sources"].append(briefs(citation))
        reading["citation_ids"].append(citation["id"])
    disagree = intervals_disagree([(start, end) for _value, start, end in readings])
    return list(readings.values()), disagree


def citation_payloads(citations: list[Mapping], briefs: SourceBriefs, start, end) -> list[dict]:
    """An event's citations as CitationSerializer gives them, for an event dated [start, end]."""
    return [
        {
            "id": citation["id"],
            "source": briefs(citation),
            "sentence": citation["sentence"],
            "char_start": citation["char_start"],
            "char_end": citation["char_end"],
            "date": date_payload(citation),
            "agrees_with_event": dates_agree(citation["date_start"], citation["date_end"], start, end),
        }
        for citation in citations
    ]


def speaker_payload(row: Mapping) -> dict:
    return {"id": row["speaker_id"], "name": row["speaker__name"], "kind": row["speaker__kind"]}


def event_entry(row: Mapping, actors: list[dict], citations: list[Mapping], briefs: SourceBriefs) -> dict:
    citation_list = citation_payloads(citations, briefs, row["date_start"], row["date_end"])
    sources: list[dict] = []
    seen: set[int] = set()
    for citation in citation_list:
        brief = citation["source"]
        if brief["id"] not in seen:
            seen.add(brief["id"])
            sources.append(brief)
    readings, disagree = readings_payload(citations, briefs)
    pk = row["id"]
    return {
        "kind": "event",
        "id": pk,
        "unique_id": f"event-{pk}",
        "title": row["title"],
        "text": row["description"],
        "date": date_payload(row),
        "category": row["category"],
        "actors": actors,
        "sources": sources,
        "citations": citation_list,
        "sources_disagree": disagree,
        "date_readings": readings,
        "event_id": pk,
    }


def statement_entry(row: Mapping, briefs: SourceBriefs) -> dict:
    pk = row["id"]
    text = row["text"]
    return {
        "kind": "statement",
        "id": pk,
        "unique_id": f"statement-{pk}",
        "title": statement_title(row["speaker__name"], text),
        "text": text,
        "date": date_payload(row),
        "category": row["event__category"] or "",
        "actors": [speaker_payload(row)],
        "sources": [briefs(row)],
        "citations": [],
        "sources_disagree": False,
        "date_readings": [],
        "event_id": row["event_id"],
    }


def timeline_entries(rows: list[dict]) -> list[dict]:
    """Timeline payloads for rows from paging.timeline_rows: two more queries (the events' actors
    and citations), only for the rows given."""
    actors, citations = event_children([row["id"] for row in rows if row["kind"] == "event"])
    briefs = SourceBriefs()
    return [
        event_entry(row, actors[row["id"]], citations[row["id"]], briefs)
        if row["kind"] == "event"
        else statement_entry(row, briefs)
        for row in rows
    ]


def timeline_batches(
    *,
    events: QuerySet[Event],
    statements: QuerySet[Statement],
    after: TimelinePosition | None,
    total: int | None,
    batch_size: int,
) -> Iterator[list[dict]]:
    """The timeline from `after` on, `total` entries at most (all when None), in batches of entries.

    Each batch is one keyset page (four queries) continuing from the last row of the one before, so
    only one batch is in memory at a time whatever the number of rows, and rows added meanwhile
    neither repeat nor shift the export.
    """
    left = total
    while left is None or left > 0:
        limit = batch_size if left is None else min(batch_size, left)
        batch, has_more = paging.timeline_rows(events=events, statements=statements, after=after, limit=limit)
        if not batch:
            return
        yield timeline_entries(batch)
        if not has_more:
            return
        after = TimelinePosition(*paging.row_sort_key(batch[-1]))
        if left is not None:
            left -= len(batch)


# --- The events and statements lists ----------------------------------------------------------


class DetailURLs:
    """Each record's `api_url` on a page: what HyperlinkedIdentityField gives (the detail route, absolute
    on the request's host), reversed once per page rather than once per record."""

    MARKER = "PK"  # matches the route's `[^/.]+` and needs no quoting

    def __init__(self, request: Request, view_name: str) -> None:
        url = reverse(view_name, kwargs={"pk": self.MARKER}, request=request)
        self._head, _, self._tail = url.rpartition(self.MARKER)

    def __call__(self, pk: int) -> str:
        return f"{self._head}{pk}{self._tail}"


def event_payload(row: Mapping, actors: list[dict], citations: list[Mapping], briefs: SourceBriefs, url) -> dict:
    readings, disagree = readings_payload(citations, briefs)
    pk = row["id"]
    return {
        "id": pk,
        "api_url": url(pk),
        "slug": row["slug"],
        "title": row["title"],
        "description": row["description"],
        "location": row["location"],
        "category": row["category"],
        "date": date_payload(row),
        "actors": actors,
        "citations": citation_payloads(citations, briefs, row["date_start"], row["date_end"]),
        "sources_disagree": disagree,
        "date_readings": readings,
    }


def statement_payload(row: Mapping, briefs: SourceBriefs, url) -> dict:
    pk, event_id = row["id"], row["event_id"]
    event = None if event_id is None else {"id": event_id, "slug": row["event__slug"], "title": row["event__title"]}
    return {
        "id": pk,
        "api_url": url(pk),
        "text": row["text"],
        "mode": row["mode"],
        "speaker": speaker_payload(row),
        "source": briefs(row),
        "event": event,
        "char_start": row["char_start"],
        "char_end": row["char_end"],
        "date": date_payload(row),
    }


def event_list_payloads(page: QuerySet[Event], request: Request) -> list[dict]:
    """EventSerializer's payloads for a page of events (a sliced QuerySet): three queries, the events,
    their actors and their citations joined to their sources."""
    events = event_list_rows(page)
    actors, citations = event_children([row["id"] for row in events], using=page.db)
    briefs, url = SourceBriefs(), DetailURLs(request, "api:event-detail")
    return [event_payload(row, actors[row["id"]], citations[row["id"]], briefs, url) for row in events]


def statement_list_payloads(page: QuerySet[Statement], request: Request) -> list[dict]:
    """StatementSerializer's payloads for a page of statements (a sliced QuerySet): one query, the
    statements joined to their speakers, sources and events."""
    briefs, url = SourceBriefs(), DetailURLs(request, "api:statement-detail")
    return [statement_payload(row, briefs, url) for row in statement_list_rows(page)]


def proposal_entries(proposals: list) -> list[dict]:
    """Pending proposals (intake.selectors.actor_pending_proposals) as timeline entries of kind
    "proposal": what the reader found and no editor has decided yet, in the timeline's shape."""
    entries = []
    for proposal in proposals:
        source = proposal.source
        brief = source_brief(lambda name, source=source: getattr(source, name))
        if proposal.kind == "statement":
            speaker = proposal.speaker.name if proposal.speaker else proposal.speaker_name
            title = statement_title(speaker, proposal.text)
        else:
            title = proposal.event_title or proposal.text
        entries.append(
            {
                "kind": "proposal",
                "id": proposal.pk,
                "unique_id": f"proposal-{proposal.pk}",
                "title": title,
                "text": proposal.text,
                "date": {key: iso(getattr(proposal, name)) for key, name in DATE_KEYS},
                "category": "",
                "actors": [{"id": a.pk, "name": a.name, "kind": a.kind} for a in proposal.linked_actors.all()],
                "sources": [brief],
                "citations": [],
                "sources_disagree": False,
                "date_readings": [],
                "event_id": proposal.event_id,
            }
        )
    return entries
