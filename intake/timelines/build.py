"""An entity's timeline from the events the import found: which take part, their lines, their order.

Plain Python: the service (intake.services.timeline_evaluation) hands over the accepted events as
`FoundEvent`s, each with its citations' trigger offsets, sentences and named actors.

An event is on the entity's timeline when one of its actors (named actor, participant or speaker)
names the entity ("actors"), when one of its sentences does ("words"), or either ("both"). Each event is
one line, all its mentions on it: the import's grouping across articles is the task's coreference.
Dated events are ordered by their date's start, one position per date; undated ones go to position 0.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from intake.timelines.corpus import Document
from intake.timelines.entities import EntityName
from intake.timelines.timelines import Line, Timeline, task_date

MATCHES = ("both", "actors", "words")


@dataclass(frozen=True, slots=True)
class FoundMention:
    doc_id: str
    trigger_start: int  # offset of the event's word in the document's text
    sentence: str
    names: tuple[str, ...] = ()  # the actors the reader named for it


@dataclass(frozen=True, slots=True)
class FoundEvent:
    key: int
    date: str  # the known part, "2006-03-28", "2006-03", "2006", or "" when not dated
    start: dt.date | None
    mentions: tuple[FoundMention, ...]


def takes_part(event: FoundEvent, entity: EntityName, match: str) -> bool:
    by_actor = any(entity.found_in(name) for m in event.mentions for name in m.names)
    by_words = any(entity.found_in(m.sentence) for m in event.mentions)
    return {"actors": by_actor, "words": by_words}.get(match, by_actor or by_words)


def _mentions(event: FoundEvent, documents: dict[str, Document]) -> tuple[str, ...]:
    found = []
    for m in event.mentions:
        document = documents.get(m.doc_id)
        token = document.token_at(m.trigger_start) if document is not None else None
        if token is not None and document.mention(token) not in found:
            found.append(document.mention(token))
    return tuple(found)


def entity_timeline(
    *, entity: str, events: Sequence[FoundEvent], documents: dict[str, Document], match: str = "both"
) -> Timeline:
    name = EntityName.of(entity)
    chosen = [(e, _mentions(e, documents)) for e in events if takes_part(e, name, match)]
    chosen = [(e, mentions) for e, mentions in chosen if mentions]
    dated = sorted({(e.start, e.date) for e, _ in chosen if e.date and e.start})
    position = {key: n for n, key in enumerate(dated, start=1)}
    lines = [
        Line(
            order=position.get((e.start, e.date), 0) if e.date and e.start else 0,
            date=task_date(e.date),
            mentions=mentions,
        )
        for e, mentions in chosen
    ]
    return Timeline(entity=entity, lines=sorted(lines, key=lambda line: (line.order, line.mentions)))
