"""TempEval-3 scoring of the date engine against gold TimeML.

Plain Python: nothing here may import Django. Run it as

    python -m timeline.temporal.evaluation DIR [--show-errors] [--narrative] [--limit N]

which reads every TimeML file under DIR (see `timeml.py`), annotates each TEXT with
`timeline.temporal.annotate` against the document's CREATION_TIME, and prints the scores.

How it scores (TempEval-3, UzZaman et al. 2013, task A, with the choices below made explicit):

- Counts are pooled over all files (micro-averaged), never averaged per document.
- Matching is one-to-one inside a document: each gold timex pairs with at most one system timex and
  vice versa. Candidate pairs are the overlapping spans. They are taken greedily, preferring an
  identical span, then the larger overlap, then the closer start; then augmenting paths are
  searched so that the number of pairs is as large as possible (a system span that covers two gold
  spans still counts once).
- Relaxed P = relaxed matches / system timexes, R = relaxed matches / gold timexes,
  F1 = 2PR / (P + R).
- Strict P/R/F1: the same with only identical spans (same start and end) counting as matches.
- Type accuracy = matched pairs whose TIMEX3 type agrees / relaxed matches.
  Type F1 = relaxed F1 x type accuracy.
- Value accuracy = matched pairs whose value is the same string / relaxed matches.
  Value F1 = relaxed F1 x value accuracy, which is what the TempEval-3 scorer reports; since
  matching is one-to-one it equals P = correct values / system timexes, R = correct values / gold
  timexes. One deviation: a gold timex whose value is empty (the TCR corpus leaves most of them
  empty) cannot be judged, so its pairs are left out of the value accuracy; how many is printed.
- Values compare as exact strings (after stripping white space): `1998-01` is not `1998-01-08`.
- Per-type rows: recall and value accuracy are grouped by the gold type, precision by the system type.

`--show-errors` lists every missed gold timex, every spurious system timex, and every matched pair
whose value (or type) differs, with the document, the text, both values and the engine rule, then a
count of wrong values and spurious hits by rule, which is usually where to look first.
A system timex whose `text` is not `doc.text[start:end]` is an engine bug and is listed as "offset".
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Protocol

from timeline.temporal.timeml import GoldTimex, TimeMLDocument, iter_timeml
from timeline.temporal.types import DocType, Reference, Timex

Annotator = Callable[[str, Reference], Sequence[Timex]]


class Span(Protocol):
    start: int
    end: int


# --- matching --------------------------------------------------------------------------------


def _overlap(a: Span, b: Span) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def _preference(g: Span, s: Span) -> tuple[bool, int, int]:
    """Sort key of a candidate pair, best first: identical span, then larger overlap, then closer start."""
    return ((s.start, s.end) != (g.start, g.end), -_overlap(g, s), abs(s.start - g.start))


def match_spans(gold: Sequence[Span], system: Sequence[Span]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, system index) of overlapping spans, as many as possible.

    See the module docstring for the preference order.
    """
    edges: list[list[int]] = [
        sorted((j for j, s in enumerate(system) if _overlap(g, s) > 0), key=lambda j, g=g: _preference(g, system[j]))
        for g in gold
    ]

    gold_to_sys: dict[int, int] = {}
    sys_to_gold: dict[int, int] = {}
    # Greedy pass in global preference order, so the natural pairing wins when there is a choice.
    ranked = sorted(
        ((i, j) for i, cands in enumerate(edges) for j in cands),
        key=lambda p: (*_preference(gold[p[0]], system[p[1]]), p),
    )
    for i, j in ranked:
        if i not in gold_to_sys and j not in sys_to_gold:
            gold_to_sys[i] = j
            sys_to_gold[j] = i

    # Augmenting paths (Kuhn) can only add pairs: an already matched gold stays matched.
    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in sys_to_gold or augment(sys_to_gold[j], seen):
                gold_to_sys[i] = j
                sys_to_gold[j] = i
                return True
        return False

    for i in range(len(gold)):
        if i not in gold_to_sys and edges[i]:
            augment(i, set())
    return sorted(gold_to_sys.items())


# --- scores ----------------------------------------------------------------------------------


def _prf(correct_system: int, correct_gold: int, system: int, gold: int) -> tuple[float, float, float]:
    # Two numerators because per-type rows count a pair under the system's type for precision and
    # under the gold's type for recall; on the totals they are the same number.
    p = correct_system / system if system else 0.0
    r = correct_gold / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass(slots=True)
class Counts:
    """Pooled counts for one slice (all timexes, or one TIMEX3 type)."""

    gold: int = 0
    system: int = 0
    relaxed: int = 0  # matched pairs, counted on the gold side (recall numerator)
    relaxed_system: int = 0  # matched pairs, counted on the system side (precision numerator)
    strict: int = 0
    strict_system: int = 0
    type_correct: int = 0
    value_judged: int = 0  # relaxed matches whose gold value is not empty
    value_correct: int = 0

    @property
    def relaxed_prf(self) -> tuple[float, float, float]:
        return _prf(self.relaxed_system, self.relaxed, self.system, self.gold)

    @property
    def strict_prf(self) -> tuple[float, float, float]:
        return _prf(self.strict_system, self.strict, self.system, self.gold)

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.relaxed if self.relaxed else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.value_judged if self.value_judged else 0.0

    @property
    def value_prf(self) -> tuple[float, float, float]:
        p, r, f = self.relaxed_prf
        acc = self.value_accuracy
        return p * acc, r * acc, f * acc

    @property
    def type_f1(self) -> float:
        return self.relaxed_prf[2] * self.type_accuracy


@dataclass(frozen=True, slots=True)
class EvalError:
    """One disagreement with the gold, for `--show-errors`."""

    kind: str  # missed, spurious, value, type, offset
    doc: str
    start: int
    end: int
    gold_text: str = ""
    system_text: str = ""
    gold_value: str = ""
    system_value: str = ""
    gold_type: str = ""
    system_type: str = ""
    rule: str = ""
    context: str = ""


@dataclass(slots=True)
class Scores:
    """Everything the scorer found: pooled counts, per-type counts and the error list."""

    total: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=dict)
    errors: list[EvalError] = field(default_factory=list)
    documents: int = 0
    seconds: float = 0.0
    characters: int = 0

    def _type(self, name: str) -> Counts:
        return self.by_type.setdefault(name or "?", Counts())

    @property
    def value_unjudged(self) -> int:
        return self.total.relaxed - self.total.value_judged

    def add_document(self, name: str, text: str, gold: Sequence[GoldTimex], system: Sequence[Timex]) -> None:
        """Score one document's system timexes against its gold and pool the counts."""
        self.documents += 1
        self.characters += len(text)
        self.total.gold += len(gold)
        self.total.system += len(system)
        for g in gold:
            self._type(g.type).gold += 1
        for s in system:
            self._type(_type_name(s)).system += 1
            if text[s.start : s.end] != s.text:
                self.errors.append(
                    EvalError(
                        "offset",
                        name,
                        s.start,
                        s.end,
                        gold_text=text[s.start : s.end],
                        system_text=s.text,
                        system_value=s.value,
                        system_type=_type_name(s),
                        rule=s.rule,
                    )
                )
        self._count_strict(gold, system)
        pairs = match_spans(gold, system)
        for i, j in pairs:
            self._count_pair(name, text, gold[i], system[j])
        self._list_unmatched(name, text, gold, system, pairs)

    def _count_strict(self, gold: Sequence[GoldTimex], system: Sequence[Timex]) -> None:
        # Strict matching needs no search: identical spans pair off one for one.
        strict_spans = Counter((g.start, g.end) for g in gold) & Counter((s.start, s.end) for s in system)
        strict_left = Counter(strict_spans)
        for g in gold:
            if strict_left[(g.start, g.end)] > 0:
                strict_left[(g.start, g.end)] -= 1
                self.total.strict += 1
                self._type(g.type).strict += 1
        strict_left = Counter(strict_spans)
        for s in system:
            if strict_left[(s.start, s.end)] > 0:
                strict_left[(s.start, s.end)] -= 1
                self.total.strict_system += 1
                self._type(_type_name(s)).strict_system += 1

    def _count_pair(self, name: str, text: str, g: GoldTimex, s: Timex) -> None:
        t = self.total
        sys_type = _type_name(s)
        gt, st = self._type(g.type), self._type(sys_type)
        for c in (t, gt):
            c.relaxed += 1
        t.relaxed_system += 1
        st.relaxed_system += 1
        if g.type == sys_type:
            t.type_correct += 1
            gt.type_correct += 1
        else:
            self.errors.append(_pair_error("type", name, g, s, _context(text, g.start, g.end)))
        if not g.value:
            return
        for c in (t, gt):
            c.value_judged += 1
        if g.value == (s.value or "").strip():
            t.value_correct += 1
            gt.value_correct += 1
        else:
            self.errors.append(_pair_error("value", name, g, s, _context(text, g.start, g.end)))

    def _list_unmatched(
        self, name: str, text: str, gold: Sequence[GoldTimex], system: Sequence[Timex], pairs: list[tuple[int, int]]
    ) -> None:
        matched_gold = {i for i, _ in pairs}
        matched_sys = {j for _, j in pairs}
        for i, g in enumerate(gold):
            if i not in matched_gold:
                self.errors.append(
                    EvalError(
                        "missed",
                        name,
                        g.start,
                        g.end,
                        gold_text=g.text,
                        gold_value=g.value,
                        gold_type=g.type,
                        context=_context(text, g.start, g.end),
                    )
                )
        for j, s in enumerate(system):
            if j not in matched_sys:
                self.errors.append(
                    EvalError(
                        "spurious",
                        name,
                        s.start,
                        s.end,
                        system_text=s.text,
                        system_value=s.value,
                        system_type=_type_name(s),
                        rule=s.rule,
                        context=_context(text, s.start, s.end),
                    )
                )


def _context(text: str, start: int, end: int) -> str:
    left = text[max(0, start - 40) : start]
    right = text[end : end + 40]
    return " ".join(f"{left}[{text[start:end]}]{right}".split())


def _type_name(t: Timex) -> str:
    return str(t.type).upper()


def _pair_error(kind: str, doc: str, g: GoldTimex, s: Timex, context: str) -> EvalError:
    return EvalError(
        kind,
        doc,
        g.start,
        g.end,
        gold_text=g.text,
        system_text=s.text,
        gold_value=g.value,
        system_value=s.value,
        gold_type=g.type,
        system_type=_type_name(s),
        rule=s.rule,
        context=context,
    )


# --- running ---------------------------------------------------------------------------------


def load_annotator() -> Annotator:
    """The engine's `annotate`, imported late so that the reader and scorer work without it."""
    try:
        from timeline.temporal import annotate
    except ImportError as exc:
        raise RuntimeError(f"the date engine is not importable (timeline.temporal.annotate): {exc}") from exc
    return annotate


def evaluate_documents(
    docs: Iterable[TimeMLDocument], annotate: Annotator, *, doc_type: DocType = DocType.NEWS
) -> Scores:
    """Annotate each document's TEXT against its creation time and score it against its gold."""
    scores = Scores()
    started = time.perf_counter()
    for doc in docs:
        reference = doc.reference(doc_type)  # ValueError naming the document when it has no DCT
        try:
            system = list(annotate(doc.text, reference))
        except Exception as exc:
            # The document name is what one needs to reproduce it; the traceback stays chained.
            raise RuntimeError(f"annotate failed on {doc.name}: {exc!r}") from exc
        scores.add_document(doc.name, doc.text, doc.gold, system)
    scores.seconds = time.perf_counter() - started
    return scores


def evaluate_directory(
    directory: str | Path,
    annotate: Annotator | None = None,
    *,
    doc_type: DocType = DocType.NEWS,
    limit: int | None = None,
) -> Scores:
    """Score the engine (or `annotate`) on the TimeML files under `directory`; `limit` keeps the first N."""
    docs: Iterable[TimeMLDocument] = iter_timeml(directory)
    if limit is not None:
        docs = islice(docs, limit)
    return evaluate_documents(docs, annotate or load_annotator(), doc_type=doc_type)


# --- report ----------------------------------------------------------------------------------

_TYPE_ORDER = ["DATE", "TIME", "DURATION", "SET"]


def format_scores(scores: Scores, *, show_errors: bool = False, title: str = "") -> str:
    """The readable table printed by the command line (and by `manage.py evaluate_dates`)."""
    t = scores.total
    speed = f", {scores.characters / scores.seconds:,.0f} chars/s" if scores.seconds else ""
    lines = [
        f"TempEval-3 timex scores{' for ' + title if title else ''}: {scores.documents} documents, "
        f"{t.gold} gold, {t.system} system timexes ({scores.seconds:.1f} s{speed})",
        "",
        f"{'':<10}{'P':>8}{'R':>8}{'F1':>8}",
    ]
    for label, (p, r, f) in (("strict", t.strict_prf), ("relaxed", t.relaxed_prf), ("value", t.value_prf)):
        lines.append(f"{label:<10}{p:>8.2%}{r:>8.2%}{f:>8.2%}")
    lines.append(f"{'type':<10}{'':>16}{t.type_f1:>8.2%}")
    lines.append("")
    lines.append(f"type accuracy  {t.type_accuracy:.2%} of {t.relaxed} relaxed matches")
    unjudged = scores.value_unjudged
    lines.append(
        f"value accuracy {t.value_accuracy:.2%} of {t.value_judged} relaxed matches"
        + (f" ({unjudged} more left out: empty gold value)" if unjudged else "")
    )
    offsets = sum(1 for e in scores.errors if e.kind == "offset")
    if offsets:
        lines.append(f"WARNING: {offsets} system timexes whose text is not text[start:end] (engine bug)")
    lines += ["", f"{'type':<10}{'gold':>6}{'system':>8}{'rel P':>8}{'rel R':>8}{'rel F1':>8}{'value acc':>11}"]
    names = [n for n in _TYPE_ORDER if n in scores.by_type] + sorted(set(scores.by_type) - set(_TYPE_ORDER))
    for n in names:
        c = scores.by_type[n]
        p, r, f = c.relaxed_prf
        acc = f"{c.value_accuracy:.2%}" if c.value_judged else "-"
        lines.append(f"{n:<10}{c.gold:>6}{c.system:>8}{p:>8.2%}{r:>8.2%}{f:>8.2%}{acc:>11}")
    if show_errors:
        lines += ["", *format_errors(scores.errors)]
    return "\n".join(lines)


def format_errors(errors: Sequence[EvalError]) -> list[str]:
    """The error list grouped by kind, then a tally of wrong values and spurious hits by rule."""
    lines: list[str] = []
    for kind in ("offset", "missed", "spurious", "value", "type"):
        group = [e for e in errors if e.kind == kind]
        if not group:
            continue
        lines.append(f"== {kind} ({len(group)})")
        for e in group:
            if kind == "missed":
                lines.append(f"{e.doc}  {e.gold_text!r}  gold={e.gold_value} {e.gold_type}  | {e.context}")
            elif kind == "spurious":
                lines.append(
                    f"{e.doc}  {e.system_text!r}  system={e.system_value} {e.system_type}"
                    f"  rule={e.rule or '-'}  | {e.context}"
                )
            elif kind == "offset":
                lines.append(
                    f"{e.doc}  [{e.start}:{e.end}] text says {e.system_text!r} but the document has "
                    f"{e.gold_text!r}  rule={e.rule or '-'}"
                )
            else:
                gold, system = (e.gold_value, e.system_value) if kind == "value" else (e.gold_type, e.system_type)
                span = repr(e.gold_text) if e.gold_text == e.system_text else f"{e.gold_text!r} ~ {e.system_text!r}"
                lines.append(f"{e.doc}  {span}  gold={gold}  system={system}  rule={e.rule or '-'}  | {e.context}")
        lines.append("")
    by_rule = Counter((e.kind, e.rule or "-") for e in errors if e.kind in ("value", "spurious"))
    if by_rule:
        lines.append("== wrong values and spurious hits by rule")
        lines += [f"{n:>5}  {kind:<9} {rule}" for (kind, rule), n in by_rule.most_common()]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m timeline.temporal.evaluation",
        description="Score the date engine against the gold TIMEX3s of the TimeML files under DIR (TempEval-3).",
    )
    parser.add_argument("directory", metavar="DIR", type=Path)
    parser.add_argument("--show-errors", action="store_true", help="list missed, spurious and wrong-value timexes")
    parser.add_argument(
        "--narrative", action="store_true", help="anchor relative dates on the narrative, not the creation time"
    )
    parser.add_argument("--limit", type=int, metavar="N", help="score only the first N files (sorted by path)")
    args = parser.parse_args(argv)
    if not args.directory.exists():
        parser.error(f"{args.directory} does not exist")
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    doc_type = DocType.NARRATIVE if args.narrative else DocType.NEWS
    scores = evaluate_directory(args.directory, doc_type=doc_type, limit=args.limit)
    if not scores.documents:
        parser.error(f"no TimeML files under {args.directory}")
    print(format_scores(scores, show_errors=args.show_errors, title=str(args.directory)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
