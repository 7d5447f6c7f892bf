"""The task's temporal awareness measure (UzZaman and Allen, 2011) over entity timelines, and simpler scores.

A timeline is read as a graph of temporal relations between mentions (`DOCID-SENTENCE-WORD`) and dates:

- the mentions of one line are one event: SIMULTANEOUS;
- lines with one ORDER (other than 0) are SIMULTANEOUS; every event at ORDER n is BEFORE every event
  at the next ORDER used (consecutive positions);
- an event with a date (not XXXX-XX-XX) is anchored to it: IS_INCLUDED in the date's node, whatever
  its ORDER. Dates are nodes as written (known part only: "2006-01" and "2006-01-XX" are one node)
  and are not ordered among themselves; SIMULTANEOUS would not do for anchoring, as a day holds
  events the timeline orders (positions 9, 10 and 11 of Steve Jobs's all fall on 2005-06-06).

Events at ORDER 0 take part only through their line and their date. The closure follows from three
facts: SIMULTANEOUS is an equivalence (classes), BEFORE is transitive through classes, and an event is
in every date its class is in. The reduced graph is canonical: each class as a chain of its sorted
members, the transitive reduction of BEFORE between classes (one relation between the classes' first
members), and one anchoring per class and date. Then

    P = |reduced(sys) ∩ closure(gold)| / |reduced(sys)|,  R = |reduced(gold) ∩ closure(sys)| / |reduced(gold)|

summed over the timelines before dividing (micro-average), F1 their harmonic mean, in percent.

Plain Python, no Django import.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from intake.timelines.timelines import Timeline, normal_date

SIMULTANEOUS, BEFORE, INCLUDED = "SIMULTANEOUS", "BEFORE", "IS_INCLUDED"
Relation = tuple[str, str, str]  # (a, relation, b); SIMULTANEOUS with a < b


def _date_node(date: str) -> str:
    return f"date:{date}"


@dataclass
class Graph:
    """A timeline's relations, closed: classes of simultaneous mentions, BEFORE between classes, anchors."""

    cls: dict[str, int] = field(default_factory=dict)  # mention -> class
    members: dict[int, list[str]] = field(default_factory=dict)
    after: dict[int, set[int]] = field(default_factory=dict)  # class -> classes directly after it (stated)
    dates: dict[int, set[str]] = field(default_factory=dict)  # class -> date nodes
    reach: dict[int, set[int]] = field(default_factory=dict)  # class -> every class after it (closure)

    def holds(self, relation: Relation) -> bool:
        a, kind, b = relation
        if kind == INCLUDED:
            return a in self.cls and b in self.dates.get(self.cls[a], ())
        if a not in self.cls or b not in self.cls:
            return False
        ca, cb = self.cls[a], self.cls[b]
        if kind == SIMULTANEOUS:
            return ca == cb
        return cb in self.reach.get(ca, ())

    def reduced(self) -> list[Relation]:
        relations: list[Relation] = []
        first = {c: min(m) for c, m in self.members.items()}
        for members in self.members.values():
            ordered = sorted(members)
            relations += [(x, SIMULTANEOUS, y) for x, y in itertools.pairwise(ordered)]
        for c, following in self.after.items():
            # An edge c -> d stays unless d is also reached through another class after c.
            for d in following:
                if not any(d in self.reach.get(o, ()) for o in following if o != d):
                    relations.append((first[c], BEFORE, first[d]))
        for c, dates in self.dates.items():
            relations += [(first[c], INCLUDED, date) for date in sorted(dates)]
        return relations


class _Classes:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, items: Iterable[str]) -> None:
        items = list(items)
        for other in items[1:]:
            self.parent[self.find(other)] = self.find(items[0])


def _closed(reach_from: dict[int, set[int]], nodes: Iterable[int]) -> dict[int, set[int]]:
    reach: dict[int, set[int]] = {}
    for start in nodes:
        seen: set[int] = set()
        stack = list(reach_from.get(start, ()))
        while stack:
            node = stack.pop()
            if node not in seen:
                seen.add(node)
                stack.extend(reach_from.get(node, ()))
        reach[start] = seen
    return reach


def _classes(timeline: Timeline) -> tuple[_Classes, dict[int, list[str]]]:
    """Mentions made one class per line and per position; the mentions at each position (not 0)."""
    classes = _Classes()
    by_order: dict[int, list[str]] = defaultdict(list)
    for line in timeline.lines:
        if not line.mentions:
            continue
        classes.union(line.mentions)
        if line.order != 0:
            by_order[line.order].extend(line.mentions)
    for mentions in by_order.values():
        classes.union(mentions)
    return classes, by_order


def timeline_graph(timeline: Timeline) -> Graph:
    classes, by_order = _classes(timeline)
    roots = sorted({classes.find(m) for line in timeline.lines for m in line.mentions})
    number = {root: i for i, root in enumerate(roots)}
    graph = Graph()
    for line in timeline.lines:
        date = normal_date(line.date)
        for mention in line.mentions:
            c = number[classes.find(mention)]
            graph.cls[mention] = c
            members = graph.members.setdefault(c, [])
            if mention not in members:
                members.append(mention)
            if date:
                graph.dates.setdefault(c, set()).add(_date_node(date))
    for earlier, later in itertools.pairwise(sorted(by_order)):
        c, d = graph.cls[by_order[earlier][0]], graph.cls[by_order[later][0]]
        if c != d:
            graph.after.setdefault(c, set()).add(d)
    graph.reach = _closed(graph.after, graph.members)
    return graph


@dataclass
class Counts:
    """Numerators and denominators, summed over timelines (micro-average)."""

    p_hit: int = 0
    p_all: int = 0
    r_hit: int = 0
    r_all: int = 0

    def add(self, other: Counts) -> None:
        self.p_hit += other.p_hit
        self.p_all += other.p_all
        self.r_hit += other.r_hit
        self.r_all += other.r_all

    @property
    def precision(self) -> float:
        return 100.0 * self.p_hit / self.p_all if self.p_all else 0.0

    @property
    def recall(self) -> float:
        return 100.0 * self.r_hit / self.r_all if self.r_all else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, name: str) -> str:
        return f"{name} P={self.precision:.2f} R={self.recall:.2f} F1={self.f1:.2f}"


def awareness(system: Timeline, gold: Timeline) -> Counts:
    sys_graph, gold_graph = timeline_graph(system), timeline_graph(gold)
    sys_reduced, gold_reduced = sys_graph.reduced(), gold_graph.reduced()
    return Counts(
        p_hit=sum(gold_graph.holds(r) for r in sys_reduced),
        p_all=len(sys_reduced),
        r_hit=sum(sys_graph.holds(r) for r in gold_reduced),
        r_all=len(gold_reduced),
    )


def _set_counts(found: set, gold: set) -> Counts:
    hit = len(found & gold)
    return Counts(p_hit=hit, p_all=len(found), r_hit=hit, r_all=len(gold))


def _mentions(timeline: Timeline) -> dict[str, str]:
    """Each mention with its line's date (known part)."""
    return {m: normal_date(line.date) for line in timeline.lines for m in line.mentions}


def _sentence(mention: str) -> str:
    # The word may hold hyphens itself ("16900-2-pre-orders"); a malformed mention is its own sentence.
    parts = mention.split("-", 2)
    return "-".join(parts[:2]) if len(parts) == 3 else mention


@dataclass
class Scores:
    awareness: Counts = field(default_factory=Counts)
    mentions: Counts = field(default_factory=Counts)
    sentences: Counts = field(default_factory=Counts)
    dated_found: int = 0  # found gold mentions whose line has the gold date
    found: int = 0  # found gold mentions
    timelines: int = 0

    @property
    def date_share(self) -> float:
        return 100.0 * self.dated_found / self.found if self.found else 0.0

    def lines(self) -> list[str]:
        """What the command prints, the awareness line last."""
        return [
            f"timelines scored: {self.timelines}",
            self.mentions.line("mentions"),
            self.sentences.line("sentences"),
            f"dates: {self.dated_found} of {self.found} found gold mentions have the gold date "
            f"({self.date_share:.2f}%)",
            self.awareness.line("awareness"),
        ]


def score(pairs: Iterable[tuple[Timeline, Timeline]]) -> Scores:
    """Score (system, gold) timeline pairs; every count is summed before dividing."""
    scores = Scores()
    for system, gold in pairs:
        scores.timelines += 1
        scores.awareness.add(awareness(system, gold))
        found, wanted = _mentions(system), _mentions(gold)
        scores.mentions.add(_set_counts(set(found), set(wanted)))
        scores.sentences.add(_set_counts({_sentence(m) for m in found}, {_sentence(m) for m in wanted}))
        hits = set(found) & set(wanted)
        scores.found += len(hits)
        scores.dated_found += sum(found[m] == wanted[m] for m in hits)
    return scores
