"""How the sources read an event's date, and the one rule for when they disagree.

The timeline page, the serializers and the API's row payloads all say "sources disagree" and
"agrees with the event" through the functions here, which apply timeline.models.intervals_agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from timeline.models import Citation, Event, Source, intervals_agree

Interval = tuple[dt.date | None, dt.date | None]  # (start, end), both None when undated


@dataclass
class DateReading:
    """One way the sources date an event, and which citations read it so."""

    value: str
    start: dt.date | None
    end: dt.date | None
    precision: str
    texts: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    citation_ids: list[int] = field(default_factory=list)


def dates_agree(a_start, a_end, b_start, b_end) -> bool | None:
    """Whether two dates agree (one interval lies within the other); None when either is undated.

    Dates and times may be date objects or ISO text (rows read on SQLite): ISO text compares as the
    dates do."""
    if a_start is None or b_start is None:
        return None
    return intervals_agree(a_start, a_end, b_start, b_end)


def intervals_disagree(intervals: Sequence[Interval]) -> bool:
    """Sources disagree when two of their readings do not agree ("Tuesday" and "Wednesday").

    "Tuesday night" and "Tuesday" are different values but do not disagree: one lies within the other.
    An undated reading (a duration, "now") contradicts nothing."""
    return any(
        dates_agree(a_start, a_end, b_start, b_end) is False
        for i, (a_start, a_end) in enumerate(intervals)
        for b_start, b_end in intervals[i + 1 :]
    )


def date_readings(citations: Iterable[Citation]) -> list[DateReading]:
    """The distinct date readings of an event's citations, in the order the citations come."""
    readings: dict[tuple, DateReading] = {}
    for citation in citations:
        if citation.date_start is None:
            continue
        key = (citation.date_value, citation.date_start, citation.date_end)
        reading = readings.setdefault(
            key,
            DateReading(
                value=citation.date_value,
                start=citation.date_start,
                end=citation.date_end,
                precision=citation.date_precision,
            ),
        )
        if citation.date_text and citation.date_text not in reading.texts:
            reading.texts.append(citation.date_text)
        if citation.source not in reading.sources:
            reading.sources.append(citation.source)
        reading.citation_ids.append(citation.pk)
    return list(readings.values())


def readings_disagree(readings: list[DateReading]) -> bool:
    """Whether the readings disagree (intervals_disagree)."""
    return intervals_disagree([(reading.start, reading.end) for reading in readings])


def citation_agrees_with_event(citation: Citation, event: Event) -> bool | None:
    """Whether the citation's reading agrees with the event's date; None when either has no date."""
    return dates_agree(citation.date_start, citation.date_end, event.date_start, event.date_end)
