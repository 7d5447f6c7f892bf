"""Accept every pending proposal of an article above a confidence, in a constant number of queries.

The one-at-a-time path (proposals.proposals_accept) checks and saves each record on its own, a few
queries per proposal. Here each step runs once for the whole batch: the actors read once, new
speakers, events, statements and citations each one bulk insert with one bulk insert of their history
rows, the proposals one bulk update; then the source's dates are resolved once, as accept does. The
result is the same records as accepting them one by one in text order.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from intake.models import Proposal, ProposalKind, ProposalState
from intake.services.proposals import (
    EVENT_SLUG_MAX,
    _check_offsets,
    antecedent_citation,
    participant_names,
    proposals_link_named,
)
from timeline.models import Actor, ActorKind, Citation, Event, Source, Statement
from timeline.services import stories
from timeline.services.dating import dates_resolve

NO_CHECK = ["speaker", "source", "event"]  # foreign keys are checked by the database, not one query each


class _Actors:
    """Every actor by name and alias (any case), read once; new speakers made together."""

    def __init__(self) -> None:
        self.by_name: dict[str, int] = {}
        for pk, name, aliases in Actor.objects.values_list("pk", "name", "aliases"):
            for known in (name, *(aliases or ())):
                self.by_name.setdefault(known.casefold(), pk)
        self.new: dict[str, Actor] = {}

    def speaker(self, name: str, kind: str) -> Actor | int:
        key = name.strip().casefold()
        if not key:
            raise ValidationError({"speaker_name": "A statement needs a speaker."})
        if key in self.by_name:
            return self.by_name[key]
        if key not in self.new:
            actor = Actor(name=name.strip()[:200], kind=kind if kind in ActorKind.values else ActorKind.ORGANISATION)
            actor.clean_fields()
            self.new[key] = actor
        return self.new[key]

    def save_new(self, user) -> None:
        if self.new:
            created = Actor.objects.bulk_create(self.new.values())
            Actor.history.bulk_history_create(created, default_user=user)
            proposals_link_named(actors=created)  # bulk_create sends no post_save
            for key, actor in self.new.items():
                self.by_name[key] = actor.pk
            self.new = {}

    def participants(self, rows: list[Proposal]) -> list[tuple[Proposal, list[Actor]]]:
        """The named participants of the events accepted that are no actor yet, made (saved by save_new)
        with the proposal that introduced each, which notes them for undo once they have ids."""
        introduced = []
        for proposal in rows:
            made = [
                self.speaker(name, kind)
                for name, kind in participant_names(proposal.actors)
                if name.casefold() not in self.by_name and name.casefold() not in self.new
            ]
            if made:
                introduced.append((proposal, made))
        return introduced

    def ids(self, mentions: list[dict]) -> set[int]:
        found = {m["actor_id"] for m in mentions if m.get("actor_id")}
        found |= {self.by_name[m["name"].casefold()] for m in mentions if m.get("name", "").casefold() in self.by_name}
        return found


def _unique_slugs(titles: list[str]) -> list[str]:
    bases = [slugify(t)[: EVENT_SLUG_MAX - 8].strip("-") or "event" for t in titles]
    starts = Q()
    for base in set(bases):
        starts |= Q(slug__startswith=base)
    taken = set(Event.objects.filter(starts).values_list("slug", flat=True)) if bases else set()
    slugs = []
    for base in bases:
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        slugs.append(slug)
    return slugs


def _group_events(heads: set[int], batch: set[int]) -> dict[int, int]:
    """The event each group head's citations already landed on (the head's or a member's). One query."""
    landed: dict[int, int] = {}
    accepted = Proposal.objects.filter(
        Q(pk__in=heads) | Q(same_event_as_id__in=heads), state=ProposalState.ACCEPTED, citation__isnull=False
    ).exclude(pk__in=batch)
    for pk, head, event in accepted.values_list("pk", "same_event_as_id", "citation__event_id"):
        landed.setdefault(head or pk, event)
    return landed


def _events_for(citing: list[Proposal], user) -> dict[int, int]:
    """The event id each citation proposal goes on: matched, its group's, or a new one (created here)."""
    heads = {p.same_event_as_id or p.pk for p in citing if not p.event_id}
    landed = _group_events(heads, {p.pk for p in citing})
    new: dict[int, Event] = {}  # by group head
    chosen: dict[int, int | Event] = {}
    for proposal in citing:
        head = proposal.same_event_as_id or proposal.pk
        if proposal.event_id:
            chosen[proposal.pk] = proposal.event_id
        elif head in landed:
            chosen[proposal.pk] = landed[head]
        else:
            if head not in new:
                lead = proposal.same_event_as or proposal
                new[head] = Event(title=(lead.event_title or lead.text).strip()[:300])
            chosen[proposal.pk] = new[head]
    events = list(new.values())
    for event, slug in zip(events, _unique_slugs([e.title for e in events]), strict=True):
        event.slug = slug
        event.clean_fields()
    if events:
        Event.objects.bulk_create(events)
        Event.history.bulk_history_create(events, default_user=user)
    return {pk: (e.pk if isinstance(e, Event) else e) for pk, e in chosen.items()}


def _also_citations(
    citing: list[Proposal], made: list[Citation], events: dict[int, int], taken: set
) -> list[tuple[Proposal, Citation]]:
    """The sentences cited on the events their antecedents name too (Proposal.also_*), where that event
    is a record: an existing one, or the one its group landed on before or in this batch; each with its
    proposal. At most one query."""
    heads = {p.also_same_event_as_id for p in citing if p.also_same_event_as_id and not p.also_event_id}
    landed = _group_events(heads, {p.pk for p in citing}) if heads else {}
    for proposal in citing:
        landed.setdefault(proposal.same_event_as_id or proposal.pk, events[proposal.pk])
    taken = taken | {(c.event_id, c.char_start) for c in made}
    out = []
    for proposal, own in zip(citing, made, strict=True):
        event = proposal.also_event_id or landed.get(proposal.also_same_event_as_id)
        if event is None or event == own.event_id or (event, own.char_start) in taken:
            continue
        taken.add((event, own.char_start))
        citation = antecedent_citation(own, event)
        citation.clean_fields(exclude=NO_CHECK)
        out.append((proposal, citation))
    return out


def _statements(rows: list[Proposal], source: Source, actors: _Actors) -> list[Statement]:
    taken = set(Statement.objects.filter(source=source).values_list("char_start", flat=True))
    made = []
    for proposal in rows:
        if proposal.char_start in taken:
            raise ValidationError({"char_start": f"The source already has a statement at {proposal.char_start}."})
        speaker = proposal.speaker_id or actors.speaker(proposal.speaker_name, proposal.speaker_kind)
        made.append(
            Statement(
                text=proposal.text,
                mode=proposal.mode or "reported",
                source=source,
                char_start=proposal.char_start,
                char_end=proposal.char_end,
                date_text=proposal.date_text,
            )
        )
        proposal._speaker = speaker  # an id, or an Actor saved with the other new speakers
        proposal.undo = {"speaker_id": proposal.speaker_id}
    return made


def _citations(rows: list[Proposal], source: Source, events: dict[int, int], taken: set) -> list[Citation]:
    made = []
    for proposal in rows:
        if (events[proposal.pk], proposal.char_start) in taken:
            raise ValidationError({"char_start": "The event already cites this source at this offset."})
        citation = Citation(
            event_id=events[proposal.pk],
            source=source,
            sentence=proposal.text,
            char_start=proposal.char_start,
            char_end=proposal.char_end,
            date_text=proposal.date_text,
        )
        citation.clean_fields(exclude=NO_CHECK)
        made.append(citation)
    return made


def _save_statements(rows: list[Proposal], made: list[Statement], user) -> None:
    for proposal, statement in zip(rows, made, strict=True):
        speaker = proposal._speaker
        statement.speaker_id = speaker if isinstance(speaker, int) else speaker.pk
        statement.clean_fields(exclude=NO_CHECK)
        proposal.speaker_id, proposal.statement = statement.speaker_id, statement
        if not isinstance(speaker, int):
            proposal.undo["actor"] = speaker.pk  # undo removes a speaker this accept made
    if made:
        Statement.objects.bulk_create(made)
        Statement.history.bulk_history_create(made, default_user=user)


def _link_actors(rows: list[Proposal], made: list[Citation], actors: _Actors) -> None:
    through = Event.actors.through
    links = {(c.event_id, a) for p, c in zip(rows, made, strict=True) for a in actors.ids(p.actors)}
    through.objects.bulk_create([through(event_id=e, actor_id=a) for e, a in sorted(links)], ignore_conflicts=True)


def proposals_accept_above(*, source: Source, min_confidence: float, user=None) -> list[Proposal]:
    """Accept the source's pending proposals whose confidence is at least `min_confidence`. All or nothing.

    About thirty queries whatever the number of proposals (pinned in tests/intake/test_review.py).
    """
    reviewer = user if getattr(user, "pk", None) else None
    with transaction.atomic():
        rows = list(
            Proposal.objects.select_for_update(of=("self",))
            .pending()
            .filter(source=source, confidence__gte=min_confidence)
            .select_related("same_event_as")
            .order_by("char_start", "kind")
        )
        if not rows:
            return []
        for proposal in rows:
            _check_offsets(proposal, source.text)
        said = [p for p in rows if p.kind == ProposalKind.STATEMENT]
        citing = [p for p in rows if p.kind == ProposalKind.CITATION]
        actors = _Actors()
        statements = _statements(said, source, actors)
        introduced = actors.participants(citing)
        actors.save_new(reviewer)
        for proposal, made in introduced:
            proposal.undo = {**proposal.undo, "actors": [actor.pk for actor in made]}
        _save_statements(said, statements, reviewer)
        events = _events_for(citing, reviewer)
        taken = set(Citation.objects.filter(source=source).values_list("event_id", "char_start"))
        citations = _citations(citing, source, events, taken)
        Citation.objects.bulk_create(citations)
        linked = _also_citations(citing, citations, events, taken)
        also = [citation for _, citation in linked]
        if also:
            Citation.objects.bulk_create(also)
        for proposal, citation in linked:
            proposal.undo = {**proposal.undo, "also_citation": citation.pk}
        Citation.history.bulk_history_create(citations + also, default_user=reviewer)
        _link_actors(citing, citations, actors)
        for proposal, citation in zip(citing, citations, strict=True):
            proposal.citation = citation
        now = timezone.now()
        for proposal in rows:
            proposal.state, proposal.reviewed_by, proposal.reviewed_at = ProposalState.ACCEPTED, reviewer, now
            proposal.version += 1
        fields = ["state", "reviewed_by", "reviewed_at", "statement", "citation", "speaker", "version", "undo"]
        Proposal.objects.bulk_update(rows, fields)
        stories.events_follow_citations(citations=[c.pk for c in citations + also])
        dates_resolve(source_id=source.pk)
    return rows
