"""Scoring the article reader against a curated timeline (plain Python).

How a proposal is matched to the curated (gold) record, per source document:

- statements: a proposed statement matches a gold statement when they are in the same document, their
  character spans overlap (share at least one character), and the speaker agrees: the proposed speaker's
  name, normalised, equals the gold actor's name or one of its aliases, normalised (`normalise_name`:
  case, a leading "the", punctuation and apostrophes, "U.S." = "US").
- citations: a proposed citation matches a gold citation when they are in the same document and their
  spans overlap. A sentence the curated timeline cites on two events is one gold citation here (the
  question is whether the reader found the sentence), and so is a sentence the reader proposed twice.
- grouping: pairwise, over the citations matched above. A pair of matched citations from DIFFERENT
  documents is "proposed together" when the reader put them on the same group (event key), and
  "together in gold" when the curated timeline puts the sentences they matched on the same event.
  Precision is the share of proposed-together pairs that are together in gold, recall the share of
  gold-together pairs that were proposed together. Pairs inside one document are left out: the
  grouping question is whether several outlets' reports of one happening end up on one event.

Matching is one-to-one: within a document, candidate pairs are taken largest overlap first, and each
proposal and each gold record is used at most once, so one long proposed span cannot claim several gold
records. Precision = matched / proposed, recall = matched / gold, F1 their harmonic mean (0 when both
are 0, and a ratio with an empty denominator is 0).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from pathlib import Path

__all__ = [
    "Score",
    "Span",
    "gold_from_fixture",
    "match_spans",
    "normalise_name",
    "score_citations",
    "score_grouping",
    "score_statements",
]


@dataclass(frozen=True)
class Span:
    """A proposed or gold statement or citation, located in its document."""

    doc: str  # the source slug (seed file stem)
    char_start: int
    char_end: int
    speaker: str = ""  # statements: the speaker's name as proposed (or the gold actor's name)
    group: str = ""  # citations: the event key they are put on (proposed event key, or gold event slug)


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float

    @classmethod
    def from_counts(cls, matched: int, proposed: int, gold: int) -> Score:
        precision = matched / proposed if proposed else 0.0
        recall = matched / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(precision, recall, f1)

    def line(self, name: str) -> str:
        return f"{name} P={self.precision:.2f} R={self.recall:.2f} F1={self.f1:.2f}"


_APOSTROPHES = re.compile(r"[’'`‘]")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_DOTTED = re.compile(r"\b((?:[a-z]\.){2,})")


@lru_cache(maxsize=65536)  # the event matcher asks again for every candidate's actors, on every citation
def normalise_name(name: str) -> str:
    """A name reduced for comparison: "the U.S. Embassy" -> "us embassy", "Russia’s" -> "russias"."""
    text = _APOSTROPHES.sub("", name.lower())
    text = _DOTTED.sub(lambda m: m.group(1).replace(".", ""), text)  # U.S. -> us, U.K. -> uk
    words = _NON_WORD.sub(" ", text).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _overlap(a: Span, b: Span) -> int:
    return min(a.char_end, b.char_end) - max(a.char_start, b.char_start)


def match_spans(
    proposed: Sequence[Span], gold: Sequence[Span], agree: Callable[[Span, Span], bool] = lambda p, g: True
) -> list[tuple[int, int]]:
    """One-to-one matching of overlapping spans in the same document, largest overlap first.

    Returns (index in proposed, index in gold) pairs; `agree` can veto a pair (the speaker test).
    """
    gold_by_doc: dict[str, list[int]] = defaultdict(list)
    for j, g in enumerate(gold):
        gold_by_doc[g.doc].append(j)
    candidates = []
    for i, p in enumerate(proposed):
        for j in gold_by_doc.get(p.doc, ()):
            overlap = _overlap(p, gold[j])
            if overlap > 0 and agree(p, gold[j]):
                candidates.append((-overlap, i, j))
    candidates.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def score_statements(proposed: Sequence[Span], gold: Sequence[Span], aliases: dict[str, list[str]]) -> Score:
    """Same document, overlapping span, same speaker (the gold actor's name or an alias, normalised)."""
    names = {actor: {normalise_name(actor), *(normalise_name(a) for a in alts)} for actor, alts in aliases.items()}

    def same_speaker(p: Span, g: Span) -> bool:
        return normalise_name(p.speaker) in names.get(g.speaker, {normalise_name(g.speaker)})

    matched = match_spans(proposed, gold, same_speaker)
    return Score.from_counts(len(matched), len(proposed), len(gold))


def _units(spans: Iterable[Span]) -> tuple[list[Span], list[frozenset[str]]]:
    """Spans merged by (doc, start, end): one unit per sentence, with every group it was put on."""
    groups: dict[tuple[str, int, int], set[str]] = {}
    for s in spans:
        groups.setdefault((s.doc, s.char_start, s.char_end), set()).add(s.group)
    units = [Span(doc, start, end) for doc, start, end in groups]
    return units, [frozenset(g) for g in groups.values()]


def score_citations(proposed: Sequence[Span], gold: Sequence[Span]) -> Score:
    """Same document, overlapping span; each distinct sentence counted once on each side."""
    p_units, _ = _units(proposed)
    g_units, _ = _units(gold)
    matched = match_spans(p_units, g_units)
    return Score.from_counts(len(matched), len(p_units), len(g_units))


def score_grouping(proposed: Sequence[Span], gold: Sequence[Span]) -> Score:
    """Pairs of matched citations from different documents: put together by the reader vs. by the curator."""
    p_units, p_groups = _units(proposed)
    g_units, g_groups = _units(gold)
    matched = match_spans(p_units, g_units)
    proposed_pairs: set[tuple[int, int]] = set()
    gold_pairs: set[tuple[int, int]] = set()
    for (i1, j1), (i2, j2) in combinations(sorted(matched), 2):
        if p_units[i1].doc == p_units[i2].doc:
            continue
        if p_groups[i1] & p_groups[i2]:
            proposed_pairs.add((i1, i2))
        if g_groups[j1] & g_groups[j2]:
            gold_pairs.add((i1, i2))
    return Score.from_counts(len(proposed_pairs & gold_pairs), len(proposed_pairs), len(gold_pairs))


def gold_from_fixture(path: str | Path) -> tuple[list[Span], list[Span], dict[str, list[str]]]:
    """(gold statements, gold citations, {actor name: aliases}) from fixtures/seed_timeline.json."""
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    statements: list[Span] = []
    citations: list[Span] = []
    aliases: dict[str, list[str]] = {}
    for record in records:
        model, fields = record["model"], record["fields"]
        if model == "timeline.actor":
            aliases[fields["name"]] = list(fields.get("aliases") or ())
        elif model == "timeline.statement":
            statements.append(
                Span(fields["source"][0], fields["char_start"], fields["char_end"], speaker=fields["speaker"][0])
            )
        elif model == "timeline.citation":
            citations.append(
                Span(fields["source"][0], fields["char_start"], fields["char_end"], group=fields["event"][0])
            )
    return statements, citations, aliases
