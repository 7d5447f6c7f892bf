"""The article reader: article text + publication context -> proposed statements and dated event
citations, and the matcher that puts a new citation on an existing event.

Plain Python (no Django): the services store what it finds. Public interface (see types.py):

    extract(text, reference, *, known_actors=()) -> Extraction
    match_event(citation, candidates) -> EventMatch | None
"""

from __future__ import annotations

from collections.abc import Sequence

from timeline.temporal import Reference

from .types import (
    EventCandidate,
    EventMatch,
    Extraction,
    KnownActor,
    Mention,
    ProposedCitation,
    ProposedStatement,
)

__all__ = [
    "EventCandidate",
    "EventMatch",
    "Extraction",
    "KnownActor",
    "Mention",
    "ProposedCitation",
    "ProposedStatement",
    "extract",
    "match_event",
]


def extract(text: str, reference: Reference, *, known_actors: Sequence[KnownActor] = ()) -> Extraction:
    """Everything the article proposes, in text order."""
    raise NotImplementedError  # being written (issue 9)


def match_event(citation: ProposedCitation, candidates: Sequence[EventCandidate]) -> EventMatch | None:
    """The candidate event that reports the same happening as `citation`, or None for a new event."""
    raise NotImplementedError  # being written (issue 9)
