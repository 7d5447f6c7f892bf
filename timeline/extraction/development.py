"""The reader's development set: 22 TempEval-3 training articles labelled by hand (devset/labels.json).

    python -m timeline.extraction.development [--data DIR] [--show-errors]

The labels hold no article text: each article is read from DIR (default ../shared/data/te3-train
beside the repository) when scored, and the set is skipped, with one line saying why, when the folder
is absent. Each label is tied to its text by an anchor, the verbatim opening words.

Matching, one to one per document (scoring.match_spans, largest overlap first):

- statements: a proposal matches a labelled passage (from its anchor to the end of the anchor's
  sentence) when their spans overlap and the proposed speaker's name contains one of the labelled
  names or is contained in one (normalised: case, "the", punctuation);
- events: a proposed citation matches a labelled event when it overlaps the event's sentence. Of
  those matched, "dated right" counts the ones whose date agrees: the proposed interval overlaps the
  labelled one, or for a label "<=DAY" (undated, on or before publication) the proposal is undated or
  ends on or before that day.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from timeline.temporal.timeml import read_timeml

from . import extract_many
from .scoring import Score, Span, match_spans, normalise_name
from .text import split_article
from .types import Extraction, ProposedCitation

ROOT = Path(__file__).resolve().parents[2]
LABELS = Path(__file__).resolve().parent / "devset" / "labels.json"
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "te3-train"


class DevsetMissing(Exception):
    """The corpus folder is not there: the development set cannot be scored."""


@dataclass
class Document:
    id: str
    text: str
    published: dt.date
    statements: list[Span] = field(default_factory=list)
    events: list[tuple[Span, str]] = field(default_factory=list)  # the sentence, the labelled date


def _passage(text: str, anchor: str, doc: str) -> tuple[int, int]:
    start = text.find(anchor)
    if start < 0:
        raise ValueError(f"{doc}: anchor {anchor!r} is not in the text")
    sentence = next((s for s in split_article(text) if s.start <= start < s.end), None)
    return start, max(start + len(anchor), sentence.end if sentence else 0)


def _sentence(text: str, anchor: str, doc: str) -> tuple[int, int]:
    start = text.find(anchor)
    if start < 0:
        raise ValueError(f"{doc}: anchor {anchor!r} is not in the text")
    found = [s for s in split_article(text) if s.start < start + len(anchor) and start < s.end]
    return found[0].start, found[-1].end


def load(data: Path = DEFAULT_DATA, labels: Path = LABELS) -> list[Document]:
    """The labelled documents with their text, or DevsetMissing when `data` is not there."""
    if not data.is_dir():
        raise DevsetMissing(f"development set skipped: no corpus folder at {data}")
    out = []
    for entry in json.loads(labels.read_text(encoding="utf-8"))["documents"]:
        tml = read_timeml(data / entry["path"])
        doc = Document(entry["id"], tml.text, tml.dct)
        starts = sorted(doc.text.find(st["anchor"]) for st in entry["statements"])
        for st in entry["statements"]:
            start, end = _passage(doc.text, st["anchor"], doc.id)
            end = min([end, *(s for s in starts if s > start)])  # up to the next labelled passage
            doc.statements.append(Span(doc.id, start, end, speaker="|".join(st["speakers"])))
        for ev in entry["events"]:
            start, end = _sentence(doc.text, ev["anchor"], doc.id)
            doc.events.append((Span(doc.id, start, end), ev["date"]))
        out.append(doc)
    return out


def same_speaker(proposed: Span, gold: Span) -> bool:
    name = normalise_name(proposed.speaker)
    names = [normalise_name(n) for n in gold.speaker.split("|")]
    return bool(name) and any(n and (n in name or name in n) for n in names)


def _gold_interval(label: str) -> tuple[dt.date, dt.date]:
    if label.startswith("<="):
        day = dt.date.fromisoformat(label[2:])
        return dt.date.min, day
    parts = label.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if parts[1].startswith("Q"):
        q = int(parts[1][1])
        end = dt.date(year + (q == 4), 1 if q == 4 else 3 * q + 1, 1) - dt.timedelta(days=1)
        return dt.date(year, 3 * q - 2, 1), end
    month = int(parts[1])
    if len(parts) == 2:
        end = dt.date(year + (month == 12), 1 if month == 12 else month + 1, 1) - dt.timedelta(days=1)
        return dt.date(year, month, 1), end
    day = dt.date.fromisoformat(label)
    return day, day


def dated_right(citation: ProposedCitation, label: str) -> bool:
    t = citation.timex
    lo, hi = _gold_interval(label)
    if t is None or t.start_date is None or t.end_date is None:
        return label.startswith("<=")
    return t.start_date <= hi and lo <= t.end_date


@dataclass
class Result:
    statements: Score
    events: Score
    dated_right: int
    matched_events: int
    leads: int  # articles whose first labelled event was proposed
    documents: int
    words: int
    unmatched: int  # proposals (statements and events) that match no label
    errors: list[str]

    def lines(self) -> list[str]:
        per_500 = 500 * self.unmatched / self.words if self.words else 0.0
        return [
            self.statements.line("devset statements"),
            self.events.line("devset events"),
            f"devset events dated right {self.dated_right}/{self.matched_events}; lead event proposed for "
            f"{self.leads}/{self.documents} articles; {per_500:.1f} unmatched proposals per 500 words",
        ]


def _snippet(text: str, start: int, end: int, width: int = 100) -> str:
    words = " ".join(text[start:end].split())
    return words if len(words) <= width else words[: width - 1] + "…"


def score(documents: Sequence[Document], extractions: Sequence[Extraction]) -> Result:
    proposed_st, gold_st, errors = [], [], []
    counts = {"events_p": 0, "events_g": 0, "events_m": 0, "dated": 0, "leads": 0, "unmatched": 0}
    for doc, found in zip(documents, extractions, strict=True):
        props = [Span(doc.id, s.char_start, s.char_end, speaker=s.speaker.name) for s in found.statements]
        pairs = match_spans(props, doc.statements, same_speaker)
        proposed_st += props
        gold_st += doc.statements
        errors += _statement_errors(doc, props, pairs)
        cites = [Span(doc.id, c.char_start, c.char_end) for c in found.citations]
        gold = [span for span, _ in doc.events]
        epairs = match_spans(cites, gold)
        counts["events_p"] += len(cites)
        counts["events_g"] += len(gold)
        counts["events_m"] += len(epairs)
        counts["dated"] += sum(dated_right(found.citations[i], doc.events[j][1]) for i, j in epairs)
        counts["leads"] += any(j == 0 for _, j in epairs)
        counts["unmatched"] += len(props) - len(pairs) + len(cites) - len(epairs)
        errors += _event_errors(doc, found, cites, epairs)
    return Result(
        statements=Score.from_counts(
            len(match_spans(proposed_st, gold_st, same_speaker)), len(proposed_st), len(gold_st)
        ),
        events=Score.from_counts(counts["events_m"], counts["events_p"], counts["events_g"]),
        dated_right=counts["dated"],
        matched_events=counts["events_m"],
        leads=counts["leads"],
        documents=len(documents),
        words=sum(len(d.text.split()) for d in documents),
        unmatched=counts["unmatched"],
        errors=errors,
    )


def _statement_errors(doc: Document, props: list[Span], pairs) -> list[str]:
    mp, mg = {i for i, _ in pairs}, {j for _, j in pairs}
    out = [
        f"  + {doc.id} [{p.speaker}] {_snippet(doc.text, p.char_start, p.char_end)}"
        for i, p in enumerate(props)
        if i not in mp
    ]
    out += [
        f"  - {doc.id} [{g.speaker}] {_snippet(doc.text, g.char_start, g.char_end)}"
        for j, g in enumerate(doc.statements)
        if j not in mg
    ]
    return out


def _event_errors(doc: Document, found: Extraction, cites: list[Span], pairs) -> list[str]:
    mp, mg = {i for i, _ in pairs}, {j for _, j in pairs}
    out = [
        f"  E+ {doc.id} {c.rule} [{c.title}] {_snippet(doc.text, c.char_start, c.char_end, 70)}"
        for i, c in enumerate(found.citations)
        if i not in mp
    ]
    out += [
        f"  E- {doc.id} {label} {_snippet(doc.text, g.char_start, g.char_end, 70)}"
        for j, (g, label) in enumerate(doc.events)
        if j not in mg
    ]
    for i, j in pairs:
        c, label = found.citations[i], doc.events[j][1]
        if not dated_right(c, label):
            out.append(f"  E~ {doc.id} {label} read {c.timex.value if c.timex else 'undated'} [{c.title}]")
    return out


def evaluate(data: Path = DEFAULT_DATA) -> Result:
    """Read and score the development set (raises DevsetMissing when the corpus is absent)."""
    from timeline.temporal import build_reference

    documents = load(data)
    extractions = extract_many([(d.text, build_reference(d.published)) for d in documents])
    return score(documents, extractions)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args(argv)
    try:
        result = evaluate(args.data)
    except DevsetMissing as exc:
        print(exc)
        return 0
    print("\n".join(result.lines()))
    if args.show_errors:
        print("\n".join(result.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
