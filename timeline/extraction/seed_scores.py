"""Score the article reader on the seed articles against their curated timeline (plain Python).

    python -m timeline.extraction.seed_scores [--show-errors] [--seeds DIR] [--fixture PATH]

Reads the seed texts and their publication facts (seeds/manifest.json), runs `extract()` over the
articles in publication order, and puts each citation on an event with `match_event()` against the
events built so far (as an import that accepted every proposal would: an event's date is its first
citation's, its actors, content words and sentences those of all its citations). Speakers proposed in
earlier articles are known actors for the later ones. Then it prints

    statements P=.. R=.. F1=..
    citations P=.. R=.. F1=..
    grouping P=.. R=.. F1=..

scored as scoring.py describes (same document and overlapping span; statements also the same speaker;
grouping pairwise over matched citations from different documents).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from timeline.temporal import Reference

from . import extract, match_antecedent, match_event
from .scoring import Span, gold_from_fixture, match_spans, score_citations, score_grouping, score_statements
from .types import EventCandidate, Extraction, KnownActor, ProposedCitation

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class _Event:
    key: str
    title: str
    date_start: dt.date | None
    date_end: dt.date | None
    actor_names: set[str] = field(default_factory=set)
    keywords: set[str] = field(default_factory=set)
    sentences: list[str] = field(default_factory=list)
    speaker_names: set[str] = field(default_factory=set)
    core: set[str] = field(default_factory=set)

    def candidate(self) -> EventCandidate:
        return EventCandidate(
            key=self.key,
            title=self.title,
            date_start=self.date_start,
            date_end=self.date_end,
            actor_names=tuple(sorted(self.actor_names)),
            keywords=frozenset(self.keywords),
            sentences=tuple(self.sentences),
            speaker_names=tuple(sorted(self.speaker_names)),
            core=frozenset(self.core),
        )

    def add(self, citation: ProposedCitation) -> None:
        if self.date_start is None and citation.timex is not None and citation.timex.start_date is not None:
            self.date_start, self.date_end = citation.timex.start_date, citation.timex.end_date
        self.actor_names.update(a.name for a in citation.actors)
        self.keywords.update(citation.keywords)
        self.sentences.append(citation.sentence)
        self.speaker_names.update(s.name for s in citation.speakers)
        self.core.update(citation.core)


@dataclass
class Run:
    """What the reader proposed over the seeds, as scoring spans, plus the events it built."""

    statements: list[Span]
    citations: list[Span]
    events: dict[str, _Event]
    texts: dict[str, str]


def load_sources(seeds: Path) -> list[tuple[str, str, Reference]]:
    """(slug, text, publication reference) for each seed, in publication order."""
    manifest = json.loads((seeds / "manifest.json").read_text(encoding="utf-8"))
    out = []
    for source in manifest["sources"]:
        time = dt.time.fromisoformat(source["published_time"]) if source.get("published_time") else None
        reference = Reference(
            date=dt.date.fromisoformat(source["published_date"]), time=time, timezone=source.get("timezone")
        )
        text = (seeds / source["file"]).read_text(encoding="utf-8")
        out.append((Path(source["file"]).stem, text, reference))
    out.sort(key=lambda s: (s[2].date, s[2].time or dt.time(0), s[0]))
    return out


def run(sources: Sequence[tuple[str, str, Reference]]) -> Run:
    known: dict[str, KnownActor] = {}
    events: dict[str, _Event] = {}
    statements: list[Span] = []
    citations: list[Span] = []
    placed: list[tuple[str, ProposedCitation, str]] = []
    texts = {}
    for slug, text, reference in sources:
        texts[slug] = text
        extraction: Extraction = extract(text, reference, known_actors=tuple(known.values()))
        for st in extraction.statements:
            statements.append(Span(slug, st.char_start, st.char_end, speaker=st.speaker.name))
            if st.speaker.name not in known:
                known[st.speaker.name] = KnownActor(len(known) + 1, st.speaker.name, (), st.speaker.kind)
        for citation in extraction.citations:
            match = match_event(citation, [e.candidate() for e in events.values()])
            if match is None:
                key = f"proposal:{len(events) + 1}"
                t = citation.timex
                events[key] = _Event(key, citation.title, t.start_date if t else None, t.end_date if t else None)
            else:
                key = match.key
            events[key].add(citation)
            citations.append(Span(slug, citation.char_start, citation.char_end, group=key))
            placed.append((slug, citation, key))
    # Once every event is formed: the sentences that name an earlier happening support its event too.
    candidates = {k: e.candidate() for k, e in events.items()}
    for slug, citation, key in placed:
        match = match_antecedent(citation, [c for k, c in candidates.items() if k != key])
        if match is not None:
            citations.append(Span(slug, citation.char_start, citation.char_end, group=match.key))
    return Run(statements, citations, events, texts)


def _snippet(texts: dict[str, str], span: Span, width: int = 110) -> str:
    words = " ".join(texts[span.doc][span.char_start : span.char_end].split())
    return words if len(words) <= width else words[: width - 1] + "…"


def _errors(result: Run, gold_statements, gold_citations, aliases) -> list[str]:
    from .scoring import normalise_name

    names = {a: {normalise_name(a), *(normalise_name(x) for x in al)} for a, al in aliases.items()}
    lines = []
    pairs = match_spans(
        result.statements,
        gold_statements,
        lambda p, g: normalise_name(p.speaker) in names.get(g.speaker, {normalise_name(g.speaker)}),
    )
    mp, mg = {i for i, _ in pairs}, {j for _, j in pairs}
    lines.append("-- statements proposed, not in the timeline (or another speaker):")
    for i, s in enumerate(result.statements):
        if i not in mp:
            lines.append(f"  + {s.doc[:3]} {s.char_start} [{s.speaker}] {_snippet(result.texts, s)}")
    lines.append("-- statements in the timeline, missed:")
    for j, s in enumerate(gold_statements):
        if j not in mg:
            lines.append(f"  - {s.doc[:3]} {s.char_start} [{s.speaker}] {_snippet(result.texts, s)}")
    p_units = sorted({(s.doc, s.char_start, s.char_end) for s in result.citations})
    g_units = sorted({(s.doc, s.char_start, s.char_end) for s in gold_citations})
    pairs = match_spans([Span(*u) for u in p_units], [Span(*u) for u in g_units])
    mp, mg = {i for i, _ in pairs}, {j for _, j in pairs}
    lines.append("-- citations proposed, not in the timeline:")
    lines += [f"  + {u[0][:3]} {u[1]} {_snippet(result.texts, Span(*u))}" for i, u in enumerate(p_units) if i not in mp]
    lines.append("-- citations in the timeline, missed:")
    lines += [f"  - {u[0][:3]} {u[1]} {_snippet(result.texts, Span(*u))}" for j, u in enumerate(g_units) if j not in mg]
    lines.append("-- events with citations from several articles:")
    for key, event in result.events.items():
        members = [s for s in result.citations if s.group == key]
        if len({s.doc for s in members}) > 1:
            lines.append(f"  {key} {event.title}")
            lines += [f"      {s.doc[:3]} {_snippet(result.texts, s, 90)}" for s in members]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--fixture", type=Path, default=ROOT / "fixtures" / "seed_timeline.json")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args(argv)
    try:
        sources = load_sources(args.seeds)
        gold_statements, gold_citations, aliases = gold_from_fixture(args.fixture)
    except (OSError, ValueError, KeyError) as exc:
        print(f"evaluation: cannot read the seeds or the fixture: {exc}", file=sys.stderr)
        return 2
    result = run(sources)
    print(score_statements(result.statements, gold_statements, aliases).line("statements"))
    print(score_citations(result.citations, gold_citations).line("citations"))
    print(score_grouping(result.citations, gold_citations).line("grouping"))
    if args.show_errors:
        print("\n".join(_errors(result, gold_statements, gold_citations, aliases)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
