"""An entity's timeline from the events the import found: which take part, their lines, their order.

Plain Python: the service (intake.services.timeline_evaluation) hands over the accepted events as
`FoundEvent`s, each with its citations' trigger offsets, sentences and named actors.

An event is on the entity's timeline when one of its actors (named actor, participant or speaker)
names the entity ("actors"), when one of its sentences does ("words"), or either ("both"). Each event is
one line, all its mentions on it: the import's grouping across articles is the task's coreference.
To them are added the past-tense verbs governing the entity's mentions (intake.timelines.verbs), one
line each, dated by their article's day: the day of the article's first event the reader dated to a
day in the ten days up to publication (Wikinews reports Monday's keynote on Tuesday), else the
publication day. Dated lines are ordered by their date's start, one position per date (events of one
day are simultaneous); undated ones go to position 0.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from intake.timelines.corpus import Document
from intake.timelines.entities import EntityName
from intake.timelines.timelines import Line, Timeline, task_date

MATCHES = ("actors", "both", "words")
ARTICLE_DAY_WINDOW = dt.timedelta(days=10)
# The engine's precisions, as much of the date as the task's YYYY-MM-DD can say.
DATE_PARTS = {"time": 10, "day": 10, "week": 7, "weekend": 10, "month": 7, "quarter": 4, "season": 4, "year": 4}


def known_date(start: dt.date | None, end: dt.date | None, precision: str) -> str:
    """The known part of a date ("2006-03"): a week inside one month is that month, as the gold writes it."""
    if start is None or precision not in DATE_PARTS:
        return ""
    width = DATE_PARTS[precision]
    if precision in ("week", "weekend") and end is not None and end != start:
        width = 7 if (start.year, start.month) == (end.year, end.month) else 4
    return start.isoformat()[:width]


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


def article_days(events: Sequence[FoundEvent], documents: dict[str, Document]) -> dict[str, dt.date]:
    """Each article's day: its earliest-placed event dated to a day shortly before publication, else publication."""
    days: dict[str, tuple[int, dt.date]] = {}
    for event in events:
        if event.start is None or len(event.date) != len("YYYY-MM-DD"):
            continue
        for m in event.mentions:
            document = documents.get(m.doc_id)
            token = document.token_at(m.trigger_start) if document is not None else None
            if token is None or not dt.timedelta(0) <= document.created - event.start <= ARTICLE_DAY_WINDOW:
                continue
            if m.doc_id not in days or token.sentence < days[m.doc_id][0]:
                days[m.doc_id] = (token.sentence, event.start)
    return {doc_id: days[doc_id][1] if doc_id in days else d.created for doc_id, d in documents.items()}


def _start(date: str) -> dt.date:
    return dt.date.fromisoformat((date + "-01-01")[:10] if len(date) == 4 else (date + "-01")[:10])


def entity_timeline(
    *,
    entity: str,
    events: Sequence[FoundEvent],
    documents: dict[str, Document],
    match: str = "actors",
    governed: Sequence[tuple[str, str]] = (),
    days: dict[str, dt.date] | None = None,
) -> Timeline:
    """`governed`: (verb mention, its own date or "") the entity takes part in; undated ones take the article's day."""
    name = EntityName.of(entity)
    chosen = [(e, _mentions(e, documents)) for e in events if takes_part(e, name, match)]
    dated: list[tuple[str, tuple[str, ...]]] = [(e.date, mentions) for e, mentions in chosen if mentions]
    taken = {m for _, mentions in dated for m in mentions}
    days = days if days is not None else article_days(events, documents)
    for mention, date in governed:
        doc_id = mention.split("-", 1)[0]
        if mention not in taken and doc_id in days:
            taken.add(mention)
            dated.append((date or days[doc_id].isoformat(), (mention,)))
    order = sorted({d for d, _ in dated if d}, key=lambda d: (_start(d), len(d)))  # "2006" before "2006-01-01"
    position = {date: n for n, date in enumerate(order, start=1)}
    lines = [Line(order=position.get(date, 0), date=task_date(date), mentions=mentions) for date, mentions in dated]
    return Timeline(entity=entity, lines=sorted(lines, key=lambda line: (line.order, line.mentions)))
