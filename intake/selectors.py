"""Reads for the review desk: the queue of articles with pending proposals, and one article's desk.

A fixed number of queries each, whatever the number of proposals: the queue is one annotated query,
a desk four (the proposals with their speaker and event, the counts, the candidate events, the
editor's last decision).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from intake.models import Proposal, ProposalKind, ProposalState
from timeline.models import Event, Source
from timeline.paging import RowCompare, TimelinePosition

QUEUE_LIMIT = 200
CANDIDATES = 5


def review_queue(*, story: str = "", kind: str = "", min_confidence: float | None = None) -> QuerySet[Source]:
    """Sources with pending proposals (as filtered), newest first, each with `pending`, `pending_statements`
    and `pending_citations` counts. One query."""
    wanted = Q(proposals__state=ProposalState.PENDING)
    if kind:
        wanted &= Q(proposals__kind=kind)
    if min_confidence is not None:
        wanted &= Q(proposals__confidence__gte=min_confidence)
    sources = Source.objects.all()
    if story:
        sources = sources.filter(stories__slug=story)
    return (
        sources.annotate(
            pending=Count("proposals", filter=wanted),
            pending_statements=Count("proposals", filter=wanted & Q(proposals__kind=ProposalKind.STATEMENT)),
            pending_citations=Count("proposals", filter=wanted & Q(proposals__kind=ProposalKind.CITATION)),
        )
        .filter(pending__gt=0)
        .only("pk", "slug", "headline", "publisher", "published_date", "created_at")
        .order_by("-published_date", "-created_at", "-pk")[:QUEUE_LIMIT]
    )


@dataclass
class Segment:
    """A run of the article's text; `proposal` is set when it is a pending proposal's words."""

    text: str
    proposal: Proposal | None = None


@dataclass
class Desk:
    source: Source
    pending: list[Proposal]
    current: Proposal | None
    accepted: int
    rejected: int
    segments: list[Segment] = field(default_factory=list)
    candidates: list[tuple[Event, list[str]]] = field(default_factory=list)
    last_decision: Proposal | None = None

    def neighbour(self, step: int) -> Proposal | None:
        """The pending proposal `step` places after the current one (wrapping round), or None."""
        if self.current is None or len(self.pending) < 2:
            return None
        index = self.pending.index(self.current)
        return self.pending[(index + step) % len(self.pending)]

    @property
    def position(self) -> int:
        return self.pending.index(self.current) + 1 if self.current is not None else 0


def text_segments(text: str, pending: list[Proposal]) -> list[Segment]:
    """The text cut at the proposals' edges; an overlapping proposal's words start where the last one's end."""
    segments, at = [], 0
    for proposal in sorted(pending, key=lambda p: (p.char_start, p.char_end)):
        start = max(proposal.char_start, at)
        if proposal.char_end <= start:
            continue
        if start > at:
            segments.append(Segment(text[at:start]))
        segments.append(Segment(text[start : proposal.char_end], proposal))
        at = proposal.char_end
    if at < len(text):
        segments.append(Segment(text[at:]))
    return segments


def candidate_events(proposal: Proposal) -> list[tuple[Event, list[str]]]:
    """The events a citation may belong to: the matched one with the matcher's reasons, then events whose
    dates overlap the proposal's. One query."""
    if proposal.kind != ProposalKind.CITATION:
        return []
    found: list[tuple[Event, list[str]]] = []
    if proposal.event is not None:
        found.append((proposal.event, list(proposal.match_reasons) or ["matched by the reader"]))
    if proposal.date_start is not None:
        overlapping = (
            Event.objects.filter(date_start__lte=proposal.date_end, date_end__gte=proposal.date_start)
            .exclude(pk=proposal.event_id)
            .only("pk", "title", "slug", "date_start", "date_end")
            .order_by("date_start", "pk")[:CANDIDATES]
        )
        found += [(event, ["its dates overlap this date"]) for event in overlapping]
    return found


def review_desk(*, source: Source, current_id: int | None = None, user=None) -> Desk:
    """One article's desk: its pending proposals in text order, the current one, counts and candidates."""
    pending = list(
        Proposal.objects.pending()
        .filter(source=source)
        .select_related("speaker", "event", "also_event", "same_event_as__source")
        .order_by("char_start", "kind")
    )
    counts = dict(
        Proposal.objects.filter(source=source)
        .exclude(state=ProposalState.PENDING)
        .values_list("state")
        .annotate(n=Count("pk"))
        .values_list("state", "n")
    )
    current = next((p for p in pending if p.pk == current_id), pending[0] if pending else None)
    desk = Desk(
        source=source,
        pending=pending,
        current=current,
        accepted=counts.get(ProposalState.ACCEPTED, 0),
        rejected=counts.get(ProposalState.REJECTED, 0),
        segments=text_segments(source.text, pending),
        candidates=candidate_events(current) if current is not None else [],
    )
    if user is not None:
        decided = Proposal.objects.filter(source=source, reviewed_by=user).exclude(state=ProposalState.PENDING)
        desk.last_decision = decided.order_by("-reviewed_at", "-pk").only("pk", "state", "text").first()
    return desk


def next_pending(*, source: Source, after: int) -> int | None:
    """The id of the pending proposal after text offset `after` (wrapping round), for the next card."""
    pending = Proposal.objects.pending().filter(source=source).order_by("char_start", "kind")
    following = pending.filter(char_start__gt=after).values_list("pk", flat=True).first()
    return following or pending.values_list("pk", flat=True).first()


def pending_proposals(source: Source) -> QuerySet[Proposal]:
    """What the reader proposed from `source` and no editor has reviewed yet, in text order."""
    return Proposal.objects.pending().filter(source=source).order_by("char_start", "id")


# Pending proposals sort after the events and statements of the same date and precision (their kind
# ranks are 0 and 1, timeline.paging.KIND_RANK).
PROPOSAL_RANK = 2


def _proposal_keyset(position: TimelinePosition, *, reverse: bool) -> RowCompare:
    """Proposals strictly after (or, reversed, before) a position in timeline order."""
    strictly = "<" if reverse else ">"
    d, r = position.date_start, position.precision_rank
    if position.kind_rank == PROPOSAL_RANK:
        return RowCompare(("date_start", "date_precision_rank", "id"), strictly, (d, r, position.id))
    # A row of an earlier kind: proposals of its date and precision come after it.
    return RowCompare(("date_start", "date_precision_rank"), strictly if reverse else ">=", (d, r))


def actor_pending_proposals(
    *, actor_id: int, after: TimelinePosition | None = None, before: TimelinePosition | None = None, limit: int
) -> list[Proposal]:
    """Up to `limit` dated pending proposals naming the actor (as speaker, or among the actors they link)
    from a position in timeline order (just before `before`, nearest first, when given). One query,
    and one for their actors."""
    linked = Proposal.linked_actors.through.objects.filter(actor_id=actor_id).values("proposal_id")
    proposals = Proposal.objects.pending().filter(Q(speaker_id=actor_id) | Q(pk__in=linked), date_start__isnull=False)
    position = before or after
    if position is not None:
        proposals = proposals.filter(_proposal_keyset(position, reverse=before is not None))
    order = ("date_start", "date_precision_rank", "pk")
    if before is not None:
        order = tuple(f"-{name}" for name in order)
    return list(
        proposals.select_related("source", "speaker").prefetch_related("linked_actors").order_by(*order)[:limit]
    )
