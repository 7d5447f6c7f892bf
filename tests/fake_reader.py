"""A small deterministic stand-in for the article reader, for tests of what the services do with its
proposals (storage, idempotence, grouping, review), independent of how well the reader reads.

It proposes each sentence with " said" as a reported statement of the U.S. Embassy in Moscow, and
each other sentence with a date the engine can place as an event citation; a citation matches a
candidate whose dates agree and that shares two content words with it.
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from timeline import extraction, temporal
from timeline.extraction import EventMatch, Mention, ProposedCitation, ProposedStatement

SPEAKER = "U.S. Embassy in Moscow"
SENTENCE = re.compile(r"[^.!?\n]+[.!?]+\"?")
WORD = re.compile(r"[A-Za-z]{5,}")


def words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in WORD.findall(text))


def extract(text, reference, *, known_actors=()):
    statements, citations = [], []
    embassy = next((a.id for a in known_actors if a.name == SPEAKER), None)
    for match in SENTENCE.finditer(text):
        raw = match.group()
        start = match.start() + len(raw) - len(raw.lstrip())
        sentence = raw.strip()
        end = start + len(sentence)
        timexes = [t for t in temporal.annotate(sentence, reference) if t.start_date]
        timex = (
            dataclasses.replace(timexes[0], start=timexes[0].start + start, end=timexes[0].end + start)
            if timexes
            else None
        )
        if " said" in sentence:
            speaker = Mention(name=SPEAKER, char_start=start, char_end=end, kind="government_body", actor_id=embassy)
            statements.append(
                ProposedStatement(
                    start, end, sentence, "reported", speaker, timex=timex, rule="fake_said", confidence=0.9
                )
            )
        elif timex is not None:
            citations.append(
                ProposedCitation(
                    start,
                    end,
                    sentence,
                    timex,
                    title=sentence[:60],
                    keywords=words(sentence),
                    rule="fake_dated",
                    confidence=0.8,
                )
            )
    return extraction.Extraction(statements=tuple(statements), citations=tuple(citations))


def match_event(citation, candidates, *, weights=None, default=None):
    for candidate in candidates:
        shared = citation.keywords & (candidate.keywords or words(" ".join(candidate.sentences)))
        dated = candidate.date_start is not None and citation.timex is not None
        if dated and candidate.date_start.year == citation.timex.start_date.year and len(shared) >= 2:
            return EventMatch(key=candidate.key, score=0.9, reasons=("dates agree", f"{len(shared)} shared words"))
    return None


@pytest.fixture
def fake_reader(monkeypatch):
    monkeypatch.setattr(extraction, "extract", extract)
    monkeypatch.setattr(extraction, "match_event", match_event)
