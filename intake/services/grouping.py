"""Grouping that ignores import order: the reader's proposed events re-formed as if every article had
come at once.

The reader matches each new citation against the events and proposed events already there, so what
it proposes depends on which article came first: the February articles imported before the September
ones would split the September alert in two. After each import, `proposals_regroup` takes the pending
citation proposals that an editor has not touched, whose dates lie near the new article's (a date
window read through the date index, never the whole table), and matches them again in one canonical
order: by publication (date, time, then the text's checksum and the offset), against the accepted
events of that window and the groups formed so far. The same articles give the same groups whatever
the order they came in. Accepted records and an editor's edits are never regrouped.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict

from django.db import transaction
from django.db.models import Prefetch, Q

from intake.models import Proposal, ProposalKind, ProposalState
from timeline import extraction
from timeline.models import Actor, Citation, Event, Source
from timeline.temporal import Timex
from timeline.temporal.types import TimexType

# Proposals dated this near the new article's dates are regrouped with it: wider than any agreement
# the matcher allows (intervals overlapping, or two days apart), so a group never straddles the edge.
WINDOW = dt.timedelta(days=31)
# The window grows until it holds every proposal dated near one it holds (so that the groups depend on
# the proposals, not on which article came last), up to this many proposals, the nearest kept.
MAX_POOL = 50
# A candidate event is described by this many of its citations' sentences.
CANDIDATE_SENTENCES = 20
# Passes that move each proposal to the group that fits it best once all groups are formed.
REFINE_PASSES = 2
# Rounds of widening the pool by the dates of what it took in.
MAX_STEPS = 20


def _canonical(p: Proposal) -> tuple:
    source = p.source
    # Nothing the order of arrival sets (such as the id): the same proposals sort the same way.
    return (source.published_date, source.published_time or dt.time(0), source.checksum, p.char_start, p.char_end)


def as_citation(p: Proposal) -> extraction.ProposedCitation:
    """A stored citation proposal as the matcher reads a fresh one."""
    timex = None
    if p.date_start is not None and p.date_end is not None:
        timex = Timex(
            start=p.char_start,
            end=p.char_end,
            text=p.date_text,
            type=TimexType.DATE,
            value=p.date_value,
            start_date=p.date_start,
            end_date=p.date_end,
        )
    mentions = [m for m in p.actors if isinstance(m, dict) and m.get("name")]
    return extraction.ProposedCitation(
        antecedents=tuple(a for a in map(_antecedent, p.antecedents or ()) if a is not None),
        core=frozenset(p.event_words or ()),
        char_start=p.char_start,
        char_end=p.char_end,
        sentence=p.text,
        timex=timex,
        title=p.event_title,
        actors=tuple(_mention(m) for m in mentions),
        keywords=frozenset(p.keywords or ()),
        speakers=tuple(_mention(m) for m in mentions if m.get("speaker")),
        participants=tuple(_mention(m) for m in mentions if m.get("participant")),
    )


def _mention(m: dict) -> extraction.Mention:
    """A stored mention ({name, kind, …}) as the matcher reads one: its name and kind, no offsets."""
    return extraction.Mention(name=m["name"], char_start=0, char_end=0, kind=m.get("kind", ""))


def _antecedent(a) -> extraction.Antecedent | None:
    """A stored antecedent (Proposal.antecedents) as the reader made it; None for one that is malformed."""
    try:
        actors = tuple(_mention(m) for m in a.get("actors", ()) if isinstance(m, dict) and m.get("name"))
        return extraction.Antecedent(
            text=str(a["text"]),
            char_start=int(a["char_start"]),
            char_end=int(a["char_end"]),
            trigger=extraction.Trigger(str(a["trigger"]), 0, 0),
            relation=str(a.get("relation", "before")),
            core=frozenset(map(str, a.get("core", ()))),
            keywords=frozenset(map(str, a.get("keywords", ()))),
            actors=actors,
        )
    except (AttributeError, KeyError, TypeError, ValueError):
        return None


def event_candidates(*, window: tuple[dt.date, dt.date]) -> list[extraction.EventCandidate]:
    """Accepted events dated within `window` (read through the date index): what a proposal may be put
    on. Four queries."""
    keywords: dict[int, set[str]] = defaultdict(set)
    core: dict[int, set[str]] = defaultdict(set)
    speakers: dict[int, set[str]] = defaultdict(set)
    events = Event.objects.filter(date_start__lte=window[1], date_end__gte=window[0])
    accepted = Proposal.objects.filter(
        kind=ProposalKind.CITATION, state=ProposalState.ACCEPTED, citation__event__in=events
    ).values_list("citation__event_id", "keywords", "actors", "event_words")
    for event_id, words, actors, happening in accepted:
        keywords[event_id].update(words or ())
        core[event_id].update(happening or ())
        speakers[event_id].update(a.get("name", "") for a in actors or () if a.get("speaker"))
    events = events.only("pk", "title", "date_start", "date_end").prefetch_related(
        Prefetch("citations", queryset=Citation.objects.only("event_id", "sentence").order_by("pk")),
        Prefetch("actors", queryset=Actor.objects.only("name")),
    )
    return [
        extraction.EventCandidate(
            key=f"event:{event.pk}",
            title=event.title,
            date_start=event.date_start,
            date_end=event.date_end,
            actor_names=tuple(actor.name for actor in event.actors.all()),
            keywords=frozenset(keywords.get(event.pk, ())),
            sentences=tuple(c.sentence for c in event.citations.all()[:CANDIDATE_SENTENCES]),
            speaker_names=tuple(sorted(speakers.get(event.pk, ()))),
            core=frozenset(core.get(event.pk, ())),
        )
        for event in events
    ]


def _candidate(members: list[Proposal], key: str) -> extraction.EventCandidate:
    """A proposed event as its citations describe it: the first one's title and dates, everyone's names
    and words."""
    head = members[0]
    mentions = [a for m in members for a in m.actors if isinstance(a, dict) and a.get("name")]
    return extraction.EventCandidate(
        key=key,
        title=head.event_title,
        date_start=head.date_start,
        date_end=head.date_end,
        actor_names=tuple(sorted({a["name"] for a in mentions})),
        keywords=frozenset().union(*(frozenset(m.keywords or ()) for m in members)),
        sentences=tuple(m.text for m in members[:CANDIDATE_SENTENCES]),
        speaker_names=tuple(sorted({a["name"] for a in mentions if a.get("speaker")})),
        core=frozenset().union(*(frozenset(m.event_words or ()) for m in members)),
    )


def _reach(p: Proposal) -> tuple[dt.date, dt.date]:
    """The days a proposal may share a happening within: its dates (an undated one: its publication day,
    as it happened "on or before" it), widened by the window."""
    start = p.date_start or p.source.published_date
    end = p.date_end or start
    return start - WINDOW, end + WINDOW


def _merged(spans: list[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    out: list[tuple[dt.date, dt.date]] = []
    for low, high in sorted(spans):
        if out and low <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], high))
        else:
            out.append((low, high))
    return out


def _within(spans: list[tuple[dt.date, dt.date]]) -> Q:
    """Proposals whose reach (_reach) meets one of the spans: the test _components applies, as a query
    on the date index."""
    near = Q(pk__in=[])
    for low, high in spans:
        low, high = low - WINDOW, high + WINDOW
        near |= Q(date_start__lte=high, date_end__gte=low) | Q(
            date_start__isnull=True, source__published_date__range=(low, high)
        )
    return near


def _pool(source: Source) -> tuple[list[Proposal], list[tuple[dt.date, dt.date]]]:
    """The pending citation proposals no editor has touched that the source's are linked to, directly or
    through others, by dates within the window of each other: whole connected groups of dates, so that
    whichever article of them came last, the same proposals are regrouped (MAX_POOL at most, the
    nearest to the source's first). In canonical order, with the spans of days they cover."""
    untouched = Proposal.objects.pending().filter(kind=ProposalKind.CITATION, version=0).select_related("source")
    rows = {p.pk: p for p in untouched.filter(source=source)}
    spans = _merged(
        [_reach(p) for p in rows.values()] or [(source.published_date - WINDOW, source.published_date + WINDOW)]
    )
    for _ in range(MAX_STEPS):
        found = {p.pk: p for p in untouched.filter(_within(spans)).order_by("date_start", "pk")[: MAX_POOL + 1]}
        grown = _merged(spans + [_reach(p) for p in found.values()])
        if found.keys() <= rows.keys() and grown == spans:
            break
        rows |= found
        spans = grown
        if len(rows) > MAX_POOL:
            break
    if len(rows) > MAX_POOL:
        # Too many to regroup at once: the source's own and the nearest to them.
        days = [p.date_start or p.source.published_date for p in rows.values() if p.source_id == source.pk]
        middle = min(days or [source.published_date])

        def distance(p: Proposal) -> tuple:
            return (p.source_id != source.pk, abs(((p.date_start or p.source.published_date) - middle).days), p.pk)

        rows = {p.pk: p for p in sorted(rows.values(), key=distance)[:MAX_POOL]}
    return sorted(rows.values(), key=_canonical), spans


class _Groups:
    """Group labels, their members (indexes into the pool) and their candidates, kept as members move."""

    def __init__(self, pool: list[Proposal]) -> None:
        self.pool = pool
        self.label: dict[int, str | int] = {}
        self.members: dict[int, list[int]] = {}
        self._candidates: dict[int, extraction.EventCandidate] = {}
        self._fresh = itertools.count(len(pool))

    def candidate(self, name: int, without: int) -> extraction.EventCandidate | None:
        """Group `name` as a candidate event, without proposal `without` (None when that leaves no one);
        kept until its members change."""
        members = [i for i in self.members[name] if i != without]
        if not members:
            return None
        if len(members) < len(self.members[name]):
            return _candidate([self.pool[i] for i in members], f"g:{name}")
        if name not in self._candidates:
            self._candidates[name] = _candidate([self.pool[i] for i in members], f"g:{name}")
        return self._candidates[name]

    def candidates_for(self, i: int) -> list[extraction.EventCandidate]:
        """Every group as it would stand without proposal i."""
        found = (self.candidate(name, without=i) for name in sorted(self.members))
        return [c for c in found if c is not None]

    def move(self, i: int, where: str | int | None) -> bool:
        """Put i at `where` (an event key, a group label, or None: a group of its own). Whether it moved."""
        current = self.label.get(i)
        if where is None:
            alone = isinstance(current, int) and self.members.get(current) == [i]
            where = current if alone else (i if current is None else next(self._fresh))
        if current == where:
            return False
        if isinstance(current, int):
            self.members[current].remove(i)
            self._candidates.pop(current, None)
            if not self.members[current]:
                del self.members[current]
        self.label[i] = where
        if isinstance(where, int):
            self.members.setdefault(where, []).append(i)
            self.members[where].sort()
            self._candidates.pop(where, None)
        return True


def _assign(pool: list[Proposal], accepted: list) -> tuple[_Groups, dict[int, object]]:
    """Where each proposal goes: an accepted event or a group, with the match that put it there. A greedy
    pass in canonical order, then passes that take each proposal out and put it where it now fits best
    among the groups the whole pool formed (not only those before it), until nothing moves."""
    citations = [as_citation(p) for p in pool]
    groups = _Groups(pool)
    found: dict[int, object] = {}
    for _ in range(1 + REFINE_PASSES):
        moved = False
        # The words' weights (how many events share each) once a pass, over the groups as the pass finds
        # them: the matcher would count them again for every proposal, most of a regroup's time.
        weights = extraction.matching_weights(accepted + groups.candidates_for(-1))
        default = max(weights.values(), default=1.0)
        for i in range(len(pool)):
            candidates = accepted + groups.candidates_for(i)
            match = extraction.match_event(citations[i], candidates, weights=weights, default=default)
            where = None if match is None else match.key
            if where is not None and where.startswith("g:"):
                where = int(where[2:])
            moved |= groups.move(i, where)
            found[i] = match
        if not moved:
            break
    return groups, found


def _components(pool: list[Proposal]) -> list[list[Proposal]]:
    """The pool split where no proposal's dates come within the window of another's: each part is grouped
    on its own, so that its groups do not depend on what else was regrouped with it."""
    parts: dict[tuple, list[Proposal]] = {}
    spans = _merged([_reach(p) for p in pool])
    for proposal in pool:  # in canonical order, kept within each part
        low, high = _reach(proposal)
        span = next(s for s in spans if s[0] <= low and high <= s[1])
        parts.setdefault(span, []).append(proposal)
    return [parts[span] for span in sorted(parts)]


def _also(part: list[Proposal], groups: _Groups, accepted: list) -> dict[int, tuple]:
    """{index: (event id, head id, reasons)} for the proposals whose antecedent names the happening an
    event or another proposed event reports (extraction.match_antecedent), once the part is grouped.
    The candidates and the words' weights are counted once for the part."""
    heads = {f"g:{name}": part[members[0]].pk for name, members in groups.members.items()}
    candidates = accepted + [groups.candidate(name, without=-1) for name in sorted(groups.members)]
    weights = extraction.matching_weights(candidates)
    default = max(weights.values(), default=1.0)
    links: dict[int, tuple] = {}
    for i, proposal in enumerate(part):
        if not proposal.antecedents:
            continue
        label = groups.label[i]
        own = label if isinstance(label, str) else f"g:{label}"
        others = [c for c in candidates if c.key != own]
        match = extraction.match_antecedent(as_citation(proposal), others, weights, default)
        if match is None:
            continue
        if match.key in heads:
            links[i] = (None, heads[match.key], list(match.reasons))
        else:
            links[i] = (int(match.key.partition(":")[2]), None, list(match.reasons))
    return links


def _placed(part: list[Proposal], accepted: list) -> dict[int, tuple]:
    """Each proposal's (event id, head id, score, reasons, also event id, also head id) once the part is
    grouped."""
    groups, found = _assign(part, accepted)
    new: dict[int, tuple] = {}
    for i, where in groups.label.items():
        if isinstance(where, str):
            new[part[i].pk] = (int(where.partition(":")[2]), None, found[i].score, list(found[i].reasons))
    for members in groups.members.values():
        head = part[members[0]]
        new[head.pk] = (None, None, None, [])
        for i in members[1:]:
            match = found[i]
            reasons = list(match.reasons) if match else ["reported like the others of its group"]
            new[part[i].pk] = (None, head.pk, match.score if match else None, reasons)
    links = _also(part, groups, accepted)
    for i, proposal in enumerate(part):
        also_event, also_head, reasons = links.get(i, (None, None, []))
        event, head, score, own_reasons = new[proposal.pk]
        new[proposal.pk] = (event, head, score, own_reasons + [f"also: {r}" for r in reasons], also_event, also_head)
    return new


# What grouping sets on a proposal, in the order _placed gives it.
_PLACED = ("event_id", "same_event_as_id", "match_score", "match_reasons", "also_event_id", "also_same_event_as_id")


def proposals_regroup(*, source: Source) -> int:
    """Re-form the groups of the pending proposals that may share a happening with `source`'s; the number
    of proposals whose grouping changed. The same proposals give the same groups whatever the order they
    came in; a second run changes nothing."""
    with transaction.atomic():
        pool, spans = _pool(source)
        if not pool:
            return 0
        accepted = event_candidates(window=(spans[0][0], spans[-1][1]))
        new: dict[int, tuple] = {}
        for part in _components(pool):
            new |= _placed(part, accepted)
        changed = []
        for proposal in pool:
            old = tuple(getattr(proposal, name) for name in _PLACED)
            if new[proposal.pk] != old:
                for name, value in zip(_PLACED, new[proposal.pk], strict=True):
                    setattr(proposal, name, value)
                changed.append(proposal)
        Proposal.objects.bulk_update(changed, [name.removesuffix("_id") for name in _PLACED])
    return len(changed)
