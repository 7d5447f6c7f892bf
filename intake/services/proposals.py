"""Proposals: what the article reader finds in a source, stored apart from the timeline until reviewed.

`proposals_propose` reads a source and stores each proposed statement and event citation once:
source, kind and offsets identify a proposal, so reading again adds only what is new and never
touches what was accepted or rejected. A citation is put on an existing event, or grouped with
another source's proposed new event, when the reader's matcher says it reports the same happening.

`proposal_accept` turns a proposal into records (statement and speaker, or citation and event),
then resolves their dates with the dating service, and records who accepted it. Accepted and
rejected proposals are final: accepting twice is refused, and nothing here edits an accepted record.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from intake.models import Proposal, ProposalKind, ProposalState
from intake.services.grouping import proposals_regroup
from timeline import extraction
from timeline.models import Actor, ActorKind, Citation, DateStatus, Event, Source, Statement
from timeline.services import stories
from timeline.services.dating import dates_resolve, reference_for
from timeline.temporal import Timex

EVENT_SLUG_MAX = Event._meta.get_field("slug").max_length
# At most this many of an event's citation sentences are handed to the matcher (wire copy check).
CANDIDATE_SENTENCES = 20


@dataclass
class ProposeReport:
    created: int = 0
    already: int = 0  # proposed before (pending, accepted or rejected): left as they are
    misplaced: int = 0  # the reader's offsets did not point at its words: dropped


def _date_fields(timex: Timex | None, source: Source) -> dict:
    """The proposal's date as the reader's engine read it, in the DatedModel fields."""
    if timex is None:
        return {}
    dated = bool(timex.value) and timex.start_date is not None
    return {
        "date_text": timex.text[:200],
        "date_value": timex.value[:64] if dated else "",
        "date_type": str(timex.type)[:10],
        "date_start": timex.start_date if dated else None,
        "date_end": timex.end_date if dated else None,
        "date_precision": str(timex.precision) if dated and timex.precision else "",
        "date_status": DateStatus.RESOLVED if dated else DateStatus.UNRESOLVABLE,
        "date_anchor": timex.anchor or source.published_date,
        "date_rule": timex.rule[:64],
        "date_explanation": (timex.explanation or f"{timex.text!r} read as {timex.value}")[:300],
    }


def known_actors() -> list[extraction.KnownActor]:
    """Actors in the database, then speakers named by pending proposals (negative ids: not records yet),
    so that "the embassy" in a later article can be read as the embassy an earlier one named."""
    known = [
        extraction.KnownActor(id=pk, name=name, aliases=tuple(aliases or ()), kind=kind)
        for pk, name, aliases, kind in Actor.objects.values_list("pk", "name", "aliases", "kind")
    ]
    names = {actor.name.casefold() for actor in known}
    pending = (
        Proposal.objects.pending()
        .filter(kind=ProposalKind.STATEMENT, speaker__isnull=True)
        .values_list("speaker_name", "speaker_kind")
        .distinct()
        .order_by("speaker_name")
    )
    for index, (name, kind) in enumerate(pending, start=1):
        if name and name.casefold() not in names:
            names.add(name.casefold())
            known.append(extraction.KnownActor(id=-index, name=name, kind=kind))
    return known


def _mention(mention: extraction.Mention, *, speaker: bool = False) -> dict:
    # Negative ids are speakers of pending proposals (see known_actors), not records.
    actor_id = mention.actor_id if mention.actor_id and mention.actor_id > 0 else None
    found = {"name": mention.name, "kind": mention.kind, "actor_id": actor_id}
    return {**found, "speaker": True} if speaker else found


def _event_actors(found: extraction.ProposedCitation, speaker_names: set[str]) -> list[dict]:
    """The sentence's named actors, then the event's participants (its subject and objects) not among them."""
    actors = [_mention(m, speaker=m.name in speaker_names) for m in found.actors]
    names = {a["name"] for a in actors}
    for m in found.participants:
        if m.name in names:
            next(a for a in actors if a["name"] == m.name)["participant"] = True
        else:
            names.add(m.name)
            actors.append({**_mention(m), "participant": True})
    return actors


def _antecedent(a: extraction.Antecedent) -> dict:
    return {
        "text": a.text[:300],
        "char_start": a.char_start,
        "char_end": a.char_end,
        "trigger": a.trigger.text[:100],
        "relation": a.relation,
        "core": sorted(a.core),
        "keywords": sorted(a.keywords),
        "actors": [_mention(m) for m in a.actors],
    }


def _event_fields(found: extraction.ProposedCitation, source: Source) -> dict:
    """The trigger and its words, whether it happened, the other happenings the sentence names, and how
    an undated event is dated (on or before publication)."""
    fields = {
        "factuality": found.factuality[:10],
        "event_words": sorted(found.core),
        "antecedents": [_antecedent(a) for a in found.antecedents],
    }
    if found.trigger is not None:
        fields |= {
            "trigger": found.trigger.text[:100],
            "trigger_start": found.trigger.char_start,
            "trigger_end": found.trigger.char_end,
        }
    if found.timex is None and found.date_note:
        fields |= {"date_explanation": found.date_note[:300], "date_rule": found.rule[:64]}
        fields["date_anchor"] = source.published_date
    return fields


class _Fresh:
    """What a source already has proposed: a proposal is stored once per kind and offsets, and only
    where its words are the source text at those offsets."""

    def __init__(self, source: Source, report: ProposeReport) -> None:
        self.text = source.text
        self.report = report
        self.seen = set(Proposal.objects.filter(source=source).values_list("kind", "char_start", "char_end"))
        self.created: list[Proposal] = []

    def __call__(self, kind: str, start: int, end: int, words: str) -> bool:
        if (kind, start, end) in self.seen:
            self.report.already += 1
            return False
        if not (0 <= start < end <= len(self.text)) or self.text[start:end] != words:
            self.report.misplaced += 1
            return False
        self.seen.add((kind, start, end))
        return True


def proposals_propose(*, source: Source) -> ProposeReport:
    """Read `source` and store what it proposes that was never proposed before. Idempotent."""
    report = ProposeReport()
    result = extraction.extract(source.text, reference_for(source), known_actors=known_actors())
    fresh = _Fresh(source, report)
    with transaction.atomic():
        _propose_statements(source, result.statements, fresh, report)
        _propose_citations(source, result.citations, fresh, report)
        proposals_link_actors(proposals=fresh.created)
        # The events they report, with the proposals near them, as if every article had come at once.
        proposals_regroup(source=source)
    return report


def proposals_link_actors(*, proposals: list[Proposal]) -> None:
    """Link each proposal to the known actors it names (its speaker, and the `actors` with an id), so an
    actor's timeline finds them. One query for the actors that exist, one insert."""
    wanted = {p.pk: {p.speaker_id} | {a.get("actor_id") for a in p.actors if isinstance(a, dict)} for p in proposals}
    known = set(Actor.objects.filter(pk__in=set().union(*wanted.values()) - {None}).values_list("pk", flat=True))
    through = Proposal.linked_actors.through
    links = [through(proposal_id=pk, actor_id=i) for pk, ids in wanted.items() for i in sorted(ids & known)]
    through.objects.bulk_create(links, ignore_conflicts=True)


def proposals_link_named(*, actors: list[Actor]) -> None:
    """Pending proposals that name one of these actors (by name or alias, any case) without knowing it,
    because it was made or renamed after they were read, are linked to it: its timeline shows them. One
    query and one insert, whatever the number of actors."""
    by_name: dict[str, set[int]] = defaultdict(set)
    for actor in actors:
        for name in (actor.name, *(actor.aliases or ())):
            if name.strip():
                by_name[name.strip().casefold()].add(actor.pk)
    if not by_name:
        return
    wanted = Q()
    for name in by_name:
        wanted |= Q(speaker_name__iexact=name) | Q(actors__icontains=name)
    through = Proposal.linked_actors.through
    links = []
    for proposal in Proposal.objects.pending().filter(wanted).only("pk", "speaker_name", "actors"):
        named = {proposal.speaker_name.casefold()}
        named |= {str(m.get("name", "")).casefold() for m in proposal.actors if isinstance(m, dict)}
        ids = set().union(*(by_name.get(name, set()) for name in named))
        links += [through(proposal_id=proposal.pk, actor_id=pk) for pk in sorted(ids)]
    if links:
        through.objects.bulk_create(links, ignore_conflicts=True)


def _propose_statements(source: Source, statements, fresh: _Fresh, report: ProposeReport) -> None:
    actor_ids = set(Actor.objects.values_list("pk", flat=True)) if statements else set()
    made: list[Proposal] = []
    for found in statements:
        if not fresh(ProposalKind.STATEMENT, found.char_start, found.char_end, found.text):
            continue
        speaker = found.speaker
        proposal = Proposal(
            source=source,
            kind=ProposalKind.STATEMENT,
            char_start=found.char_start,
            char_end=found.char_end,
            text=found.text,
            rule=found.rule[:64],
            confidence=found.confidence,
            mode=found.mode,
            speaker_name=speaker.name[:200],
            speaker_kind=speaker.kind if speaker.kind in ActorKind.values else "",
            speaker_id=speaker.actor_id if speaker.actor_id in actor_ids else None,
            actors=[_mention(speaker)],
            **_date_fields(found.timex, source),
        )
        made.append(proposal)
    # One INSERT for the article's statements (no statement refers to another, unlike citations, which
    # are saved one by one so that the next can join the event the last one proposed); PostgreSQL and
    # SQLite >= 3.35 hand back their ids, which proposals_link_actors needs.
    Proposal.objects.bulk_create(made)
    fresh.created += made
    report.created += len(made)


def _propose_citations(source: Source, citations, fresh: _Fresh, report: ProposeReport) -> None:
    # Which event each one reports is for proposals_regroup, once they are all stored: one INSERT.
    made = [
        _citation_proposal(source, found)
        for found in citations
        if fresh(ProposalKind.CITATION, found.char_start, found.char_end, found.sentence)
    ]
    Proposal.objects.bulk_create(made)
    fresh.created += made
    report.created += len(made)


def _citation_proposal(source: Source, found) -> Proposal:
    """A citation proposal, not yet on any event (proposals_regroup puts it on one)."""
    speaker_names = {m.name for m in found.speakers}
    proposal = Proposal(
        source=source,
        kind=ProposalKind.CITATION,
        char_start=found.char_start,
        char_end=found.char_end,
        text=found.sentence,
        rule=found.rule[:64],
        confidence=found.confidence,
        event_title=found.title[:300],
        actors=_event_actors(found, speaker_names),
        keywords=sorted(found.keywords),
        **_date_fields(found.timex, source),
        **_event_fields(found, source),
    )
    return proposal


# --- review ------------------------------------------------------------------------------------


def _check_pending(proposal: Proposal) -> None:
    if proposal.state != ProposalState.PENDING:
        raise ValidationError({"state": f"This proposal was already {proposal.state}."})


def _check_offsets(proposal: Proposal, text: str) -> None:
    if not (0 <= proposal.char_start < proposal.char_end <= len(text)):
        raise ValidationError({"char_start": "The offsets fall outside the source text."})
    if text[proposal.char_start : proposal.char_end] != proposal.text:
        found = text[proposal.char_start : proposal.char_end][:80]
        raise ValidationError({"char_start": f"The source text at these offsets reads {found!r}, not the words."})


def _actor_named(name: str, kind: str) -> Actor:
    """The actor called `name` (by name or alias, any case), or a new one."""
    name = name.strip()
    if not name:
        raise ValidationError({"speaker_name": "A statement needs a speaker."})
    lowered = name.casefold()
    for actor in Actor.objects.only("pk", "name", "aliases", "kind"):
        if actor.name.casefold() == lowered or any(a.casefold() == lowered for a in actor.aliases or ()):
            return actor
    actor = Actor(name=name[:200], kind=kind if kind in ActorKind.values else ActorKind.ORGANISATION)
    actor.full_clean()
    actor.save()
    return actor


def _unique_event_slug(title: str) -> str:
    base = slugify(title)[: EVENT_SLUG_MAX - 8].strip("-") or "event"
    taken = set(Event.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _group_event(root: Proposal, *, user) -> Event | None:
    """The event of the group `root` heads: its accepted citation's, or a grouped one's; else accept root."""
    root.refresh_from_db()  # it may have been accepted a moment ago, in the same batch
    if root.state == ProposalState.ACCEPTED and root.citation_id:
        return Citation.objects.select_related("event").get(pk=root.citation_id).event
    accepted = root.grouped.filter(state=ProposalState.ACCEPTED, citation__isnull=False).select_related(
        "citation__event"
    )
    for other in accepted[:1]:
        return other.citation.event
    if root.state == ProposalState.PENDING:
        _accept(root, user=user)
        return root.citation.event
    return None


def _antecedent_event(proposal: Proposal) -> Event | None:
    """The event the sentence's antecedent is on (Proposal.also_*), if it is a record yet: an event, or
    the one an accepted citation of that group made. Nothing is accepted on the way."""
    if proposal.also_event_id:
        return Event.objects.filter(pk=proposal.also_event_id).first()
    head = proposal.also_same_event_as_id
    if not head:
        return None
    accepted = Proposal.objects.filter(Q(pk=head) | Q(same_event_as_id=head), state=ProposalState.ACCEPTED)
    citation = accepted.filter(citation__isnull=False).select_related("citation__event").order_by("pk").first()
    return citation.citation.event if citation is not None else None


def _cite_antecedent(proposal: Proposal, own: Citation) -> Citation | None:
    """The same sentence cited on the event its antecedent names too, when that event exists and does
    not cite it yet; the citation made."""
    event = _antecedent_event(proposal)
    if event is None or event.pk == own.event_id:
        return None
    if Citation.objects.filter(event=event, source=own.source, char_start=own.char_start).exists():
        return None
    record = antecedent_citation(own, event.pk)
    record.full_clean(validate_constraints=False)
    record.save()
    return record


def antecedent_citation(own: Citation, event_id: int) -> Citation:
    """The sentence of citation `own` as a citation of the event its antecedent names (unsaved)."""
    return Citation(
        event_id=event_id,
        source_id=own.source_id,
        sentence=own.sentence,
        char_start=own.char_start,
        char_end=own.char_end,
        date_text="",  # the sentence's date is its own happening's, not the one it came after
    )


def _event_for(proposal: Proposal, *, user) -> Event:
    if proposal.event_id:
        return proposal.event
    if proposal.same_event_as_id:
        event = _group_event(proposal.same_event_as, user=user)
        if event is not None:
            return event
    title = (proposal.event_title or proposal.text).strip()[:300]
    event = Event(slug=_unique_event_slug(title), title=title)
    event.full_clean()
    event.save()
    return event


# Lower-case words a proper name may hold ("Bank of England", "Ludwig van Beethoven").
NAME_PARTICLES = frozenset(
    {"of", "the", "for", "and", "in", "on", "de", "del", "la", "le", "van", "von", "der", "al", "bin", "da"}
)


def is_proper_name(name: str) -> bool:
    """Whether a mention names someone ("Recep Tayyip Erdogan", "the Bank of England") rather than
    describing them ("Israel's prime minister", "officials"): every word capitalised but particles,
    the first one included once a leading "the" is set aside."""
    words = name.split()
    if words and words[0].casefold() == "the":
        words = words[1:]
    if not words or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w in NAME_PARTICLES for w in words)


def participant_names(mentions: Iterable[dict]) -> list[tuple[str, str]]:
    """The named participants of an event (subject and objects) that are no known actor yet, as
    (name, kind): the actors accepting it creates."""
    return [
        (m["name"].strip()[:200], m["kind"])
        for m in mentions
        if isinstance(m, dict)
        and m.get("participant")
        and not m.get("actor_id")
        and m.get("kind") in ActorKind.values
        and is_proper_name(m.get("name", ""))
    ]


def _link_actors(event: Event, proposal: Proposal) -> list[int]:
    """Link the event to the actors the proposal names, creating its named participants that are no
    actor yet. The ids of the actors created (undo removes them)."""
    ids = {m.get("actor_id") for m in proposal.actors if m.get("actor_id")}
    names = {m.get("name", "").casefold() for m in proposal.actors if not m.get("actor_id") and m.get("name")}
    by_name: dict[str, int] = {}
    for pk, name, aliases in Actor.objects.values_list("pk", "name", "aliases") if names else ():
        for known in (name, *(aliases or ())):
            by_name.setdefault(known.casefold(), pk)
    ids |= {by_name[name] for name in names if name in by_name}
    created = []
    for name, kind in participant_names(proposal.actors):
        if name.casefold() not in by_name:
            actor = Actor(name=name, kind=kind)
            actor.full_clean()
            actor.save()
            by_name[name.casefold()] = actor.pk
            created.append(actor.pk)
            ids.add(actor.pk)
    existing = set(Actor.objects.filter(pk__in=ids).values_list("pk", flat=True))
    if existing:
        event.actors.add(*existing)
    return created


def _accept(proposal: Proposal, *, user) -> None:
    _check_pending(proposal)
    source = proposal.source
    _check_offsets(proposal, source.text)
    if proposal.kind == ProposalKind.STATEMENT:
        speaker = proposal.speaker or _actor_named(proposal.speaker_name, proposal.speaker_kind)
        if Statement.objects.filter(source=source, char_start=proposal.char_start).exists():
            raise ValidationError({"char_start": "The source already has a statement starting at this offset."})
        record = Statement(
            text=proposal.text,
            mode=proposal.mode or "reported",
            speaker=speaker,
            source=source,
            char_start=proposal.char_start,
            char_end=proposal.char_end,
            date_text=proposal.date_text,
        )
        record.full_clean(validate_constraints=False)
        record.save()
        proposal.statement, proposal.speaker = record, speaker
    else:
        event = _event_for(proposal, user=user)
        if Citation.objects.filter(event=event, source=source, char_start=proposal.char_start).exists():
            raise ValidationError({"char_start": "The event already cites this source at this offset."})
        record = Citation(
            event=event,
            source=source,
            sentence=proposal.text,
            char_start=proposal.char_start,
            char_end=proposal.char_end,
            date_text=proposal.date_text,
        )
        record.full_clean(validate_constraints=False)
        record.save()
        created = _link_actors(event, proposal)
        if created:
            proposal.undo = {**proposal.undo, "actors": created}
        also = _cite_antecedent(proposal, record)
        if also is not None:
            proposal.undo = {**proposal.undo, "also_citation": also.pk}
        proposal.citation = record
    proposal.state = ProposalState.ACCEPTED
    proposal.reviewed_by = user if getattr(user, "pk", None) else None
    proposal.reviewed_at = timezone.now()
    proposal.save()


def proposals_accept(*, proposals: Iterable[Proposal], user=None) -> list[Proposal]:
    """Accept proposals (in text order), create their records, and resolve the dates of their sources.

    All or nothing: one proposal that cannot be accepted leaves every one of them pending.
    """
    ids = [p.pk for p in proposals]
    with transaction.atomic():
        rows = list(
            Proposal.objects.select_for_update(of=("self",))
            .filter(pk__in=ids)
            .select_related("source", "event", "speaker", "same_event_as")
            .order_by("source__published_date", "source_id", "char_start", "kind")
        )
        for proposal in rows:
            if proposal.state == ProposalState.PENDING:
                proposal.refresh_from_db(fields=["state", "citation"])
                if proposal.state != ProposalState.PENDING:
                    continue  # the head of a group, accepted a moment ago with one of its members
            _accept(proposal, user=user)
        # An event joins the stories of the sources that cite it.
        also = [p.undo["also_citation"] for p in rows if p.citation_id and p.undo.get("also_citation")]
        stories.events_follow_citations(citations=[p.citation_id for p in rows if p.citation_id] + also)
        for source_id in sorted({p.source_id for p in rows}):
            dates_resolve(source_id=source_id)
    return rows


def proposal_accept(*, proposal: Proposal, user=None) -> Proposal:
    return proposals_accept(proposals=[proposal], user=user)[0]


def proposals_reject(*, proposals: Iterable[Proposal], user=None) -> int:
    """Reject pending proposals; a reading of the article again will not propose them."""
    ids = [p.pk for p in proposals]
    with transaction.atomic():
        done = Proposal.objects.filter(pk__in=ids)
        not_pending = done.exclude(state=ProposalState.PENDING).first()
        if not_pending is not None:
            raise ValidationError({"state": f"Proposal {not_pending.pk} was already {not_pending.state}."})
        return done.update(
            state=ProposalState.REJECTED,
            reviewed_by=user if getattr(user, "pk", None) else None,
            reviewed_at=timezone.now(),
        )


def proposal_reject(*, proposal: Proposal, user=None) -> Proposal:
    proposals_reject(proposals=[proposal], user=user)
    proposal.refresh_from_db()
    return proposal


EDITABLE = ("char_start", "char_end", "mode", "speaker_name", "speaker", "event", "event_title", "date_text")


def proposal_update(*, proposal: Proposal, **changes) -> Proposal:
    """Edit a pending proposal before accepting it. New offsets take the words found there."""
    _check_pending(proposal)
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError({name: "This field cannot be edited." for name in sorted(unknown)})
    for name, value in changes.items():
        setattr(proposal, name, value)
    if {"char_start", "char_end"} & set(changes):
        text = proposal.source.text
        if not (0 <= proposal.char_start < proposal.char_end <= len(text)):
            raise ValidationError({"char_start": "The offsets fall outside the source text."})
        proposal.text = text[proposal.char_start : proposal.char_end]
    if "date_text" in changes:
        # The engine reads the new words when the proposal is accepted.
        for name in ("date_value", "date_type", "date_precision", "date_rule", "date_explanation"):
            setattr(proposal, name, "")
        proposal.date_start = proposal.date_end = proposal.date_anchor = None
        proposal.date_status = DateStatus.UNRESOLVED
    if proposal.kind == ProposalKind.STATEMENT and proposal.mode not in ("direct", "reported"):
        raise ValidationError({"mode": "Choose direct or reported."})
    if "event" in changes and proposal.event is not None:
        proposal.same_event_as = None
    proposal.full_clean(exclude=["source", "speaker", "event", "same_event_as", "reviewed_by"])
    proposal.version += 1  # a decision made on what the editor saw before this edit is refused (services/review.py)
    proposal.save()
    return proposal
