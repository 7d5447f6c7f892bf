"""The article reader: article text + publication context -> proposed statements and dated event
citations, and the matcher that puts a new citation on an existing event.

Plain Python (no Django): the services store what it finds. Public interface (see types.py):

    extract(text, reference, *, known_actors=()) -> Extraction
    match_event(citation, candidates) -> EventMatch | None
    match_antecedent(citation, candidates) -> EventMatch | None  (the other event it names, if any)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from timeline import temporal
from timeline.temporal import Reference

from .actors import Coreference
from .citations import read_citations
from .guard import UnreadableText, check_readable
from .matching import match_antecedent, score_candidate
from .matching import match_event as _match_event
from .matching import weights_of as matching_weights
from .nlp import Parse, parse, parse_many
from .statements import read_statements
from .text import split_article
from .types import (
    Antecedent,
    EventCandidate,
    EventMatch,
    Extraction,
    KnownActor,
    Mention,
    ProposedCitation,
    ProposedStatement,
    Trigger,
)

__all__ = [
    "Antecedent",
    "EventCandidate",
    "EventMatch",
    "Extraction",
    "KnownActor",
    "Mention",
    "ProposedCitation",
    "ProposedStatement",
    "Trigger",
    "UnreadableText",
    "extract",
    "extract_many",
    "match_antecedent",
    "match_event",
    "matching_weights",
    "score_candidate",
]


def extract(
    text: str, reference: Reference, *, known_actors: Sequence[KnownActor] = (), parsed: Parse | None = None
) -> Extraction:
    """Everything the article proposes, in text order.

    Dates come from the date engine run once over the whole text against `reference`; speakers and
    actors are linked to `known_actors` by name or alias (see actors.py for the coreference rules).
    `parsed` is the article's parse when the caller made it already (`extract_many` does, in batches).
    Raises UnreadableText (a ValueError, one line) for a text the reader cannot take.
    """
    check_readable(text)
    parsed = parsed if parsed is not None else parse(text)
    timexes = temporal.annotate(text, reference)
    sentences = split_article(text)
    statements = read_statements(text, sentences, timexes, Coreference(known=tuple(known_actors)), parsed)
    citations = read_citations(text, sentences, timexes, Coreference(known=tuple(known_actors)), parsed, reference)
    return Extraction(statements=tuple(statements), citations=tuple(_with_speakers(citations, statements)))


def extract_many(articles: Sequence[tuple[str, Reference]]) -> list[Extraction]:
    """`extract` for many articles, parsed together through the pipeline's batches."""
    for text, _ in articles:
        check_readable(text)
    parses = parse_many([text for text, _ in articles])
    return [extract(text, ref, parsed=p) for (text, ref), p in zip(articles, parses, strict=True)]


def _with_speakers(citations: Sequence[ProposedCitation], statements: Sequence[ProposedStatement]):
    """Each citation with the speakers of the statements made in its sentence, who are its actors too."""
    out = []
    for citation in citations:
        speakers = {}
        for st in statements:
            inside = citation.char_start <= st.char_start < citation.char_end
            attributed_here = citation.char_start <= st.speaker.char_start < citation.char_end
            if inside or attributed_here:
                speakers.setdefault(st.speaker.name, st.speaker)
        if not speakers:
            out.append(citation)
            continue
        actors = {a.name: a for a in citation.actors}
        for name, mention in speakers.items():
            actors.setdefault(name, mention)
        out.append(replace(citation, speakers=tuple(speakers.values()), actors=tuple(actors.values())))
    return out


def match_event(
    citation: ProposedCitation,
    candidates: Sequence[EventCandidate],
    *,
    weights: dict[str, float] | None = None,
    default: float | None = None,
) -> EventMatch | None:
    """The candidate event that reports the same happening as `citation`, or None for a new event.

    Same wire copy (near-identical sentence) matches outright; otherwise the dates must agree or be at
    most two days apart, and content words (and actors) must be shared. See matching.py for the scores.
    `weights` (matching_weights of a wider set of events, and `default`, their largest, for a word none
    has) are counted from `candidates` when not given.
    """
    return _match_event(citation, candidates, weights, default)
