"""The review desk's writes: accept (with an editor's corrections), reject, undo, and bulk accept.

Every decision names the version of the proposal the editor saw. The claim is one conditional UPDATE
in the decision's own transaction (state still pending, version unchanged -> version + 1), so of two
editors deciding the same proposal the second changes nothing and gets a `DecisionConflict` that
names the first one's decision. Records are written by proposals.py's accept, with their history;
undo removes them through the timeline's services, which keep history too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from intake.models import Proposal, ProposalKind, ProposalState
from intake.services import proposals
from timeline.models import Actor, ActorKind, Citation, DateStatus, Event, Source, Statement
from timeline.services.dating import event_date_derive, read_expression
from timeline.services.records import actor_create, record_delete

SPEAKER_MAX = Actor._meta.get_field("name").max_length
TITLE_MAX = Proposal._meta.get_field("event_title").max_length
DATE_MAX = Proposal._meta.get_field("date_text").max_length
# Where a sentence ends: its stop (and a closing quote), then a space; or a line break.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n+")


class DecisionConflict(Exception):
    """Someone else decided (or changed) the proposal since the editor saw it; nothing was written."""

    def __init__(self, proposal: Proposal):
        self.proposal = proposal
        super().__init__(conflict_message(proposal))


def conflict_message(proposal: Proposal) -> str:
    if proposal.state == ProposalState.PENDING:
        return "This proposal was changed by another editor meanwhile (edited, or a decision undone): look again."
    who = proposal.reviewed_by.get_username() if proposal.reviewed_by else "someone"
    when = timezone.localtime(proposal.reviewed_at).strftime("%H:%M:%S") if proposal.reviewed_at else "earlier"
    return f"Already {proposal.state} by {who} at {when}; your decision was not recorded."


@dataclass(frozen=True)
class Corrections:
    """What an editor changes before accepting; None leaves a field as proposed."""

    words: str | None = None
    speaker_id: int | None = None
    speaker_name: str | None = None  # a new actor (or one known by this name or alias)
    mode: str | None = None
    event_title: str | None = None
    event_id: int | None = None
    date_text: str | None = None


def _claim(proposal_id: int, *, version: int | None, state: str = ProposalState.PENDING) -> None:
    """Take the proposal for this decision, or raise DecisionConflict. One UPDATE (and a read when lost)."""
    match = {"pk": proposal_id, "state": state}
    if version is not None:
        match["version"] = version
    if not Proposal.objects.filter(**match).update(version=F("version") + 1):
        current = Proposal.objects.select_related("reviewed_by").filter(pk=proposal_id).first()
        if current is None:
            raise ValidationError({"proposal": "There is no such proposal."})
        raise DecisionConflict(current)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The offsets of the sentence (or sentences) around text[start:end]."""
    left = 0
    for stop in SENTENCE_END.finditer(text, max(0, start - 2000), start):
        left = stop.end()
    after = SENTENCE_END.search(text, end)
    return left, (after.start() if after else len(text))


def _locate_words(proposal: Proposal, words: str) -> tuple[int, int]:
    text = proposal.source.text
    words = words.strip()
    left, right = sentence_bounds(text, proposal.char_start, proposal.char_end)
    sentence = text[left:right]
    found = [m.start() for m in re.finditer(re.escape(words), sentence)] if words else []
    if not found:
        raise ValidationError({"words": "These words are not in the sentence; copy them from it."})
    # Several occurrences: the one that overlaps the proposal's own words.
    overlapping = (i for i in found if left + i < proposal.char_end and left + i + len(words) > proposal.char_start)
    offset = next(overlapping, found[0])
    return left + offset, left + offset + len(words)


def _speaker_changes(proposal: Proposal, fix: Corrections, errors: dict) -> dict:
    if fix.speaker_id is not None:
        actor = Actor.objects.filter(pk=fix.speaker_id).only("pk", "name").first()
        if actor is None:
            errors["speaker_id"] = "There is no such actor."
            return {}
        return {"speaker": actor, "speaker_name": actor.name}
    if fix.speaker_name is not None:
        name = fix.speaker_name.strip()
        if not name:
            errors["speaker_name"] = "Name the speaker, or pick an actor."
        elif len(name) > SPEAKER_MAX:
            errors["speaker_name"] = f"At most {SPEAKER_MAX} characters (this has {len(name)})."
        elif name != proposal.speaker_name or proposal.speaker_id is not None:
            return {"speaker": None, "speaker_name": name}
    return {}


def _event_changes(proposal: Proposal, fix: Corrections, errors: dict) -> dict:
    changes = {}
    if fix.event_id is not None:
        event = Event.objects.filter(pk=fix.event_id).only("pk", "title").first()
        if event is None:
            errors["event_id"] = "There is no such event."
        else:
            changes["event"] = event
    if fix.event_title is not None and fix.event_title.strip() != proposal.event_title:
        title = fix.event_title.strip()
        if not title:
            errors["event_title"] = "Give the event a title."
        elif len(title) > TITLE_MAX:
            errors["event_title"] = f"At most {TITLE_MAX} characters (this has {len(title)})."
        else:
            changes["event_title"] = title
    return changes


def _date_changes(proposal: Proposal, fix: Corrections, errors: dict) -> dict:
    if fix.date_text is None or fix.date_text.strip() == proposal.date_text:
        return {}
    words = fix.date_text.strip()
    if len(words) > DATE_MAX:
        errors["date_text"] = f"At most {DATE_MAX} characters (this has {len(words)})."
        return {}
    if words:
        reading = read_expression(words, proposal.source, proposal.text)
        if reading.status == DateStatus.UNRESOLVABLE:
            errors["date_text"] = f"The date engine cannot read {words[:60]!r}; try a date such as 27 September 2022."
            return {}
    return {"date_text": words}


def corrections_check(proposal: Proposal, fix: Corrections) -> dict:
    """The proposal_update changes these corrections make; a ValidationError naming every bad field."""
    errors: dict[str, str] = {}
    changes: dict = {}
    if fix.words is not None and fix.words.strip() != proposal.text:
        try:
            changes["char_start"], changes["char_end"] = _locate_words(proposal, fix.words)
        except ValidationError as exc:
            errors.update({k: v[0] for k, v in exc.message_dict.items()})
    if proposal.kind == ProposalKind.STATEMENT:
        changes |= _speaker_changes(proposal, fix, errors)
        if fix.mode is not None and fix.mode != proposal.mode:
            if fix.mode not in ("direct", "reported"):
                errors["mode"] = "Choose direct or reported."
            changes["mode"] = fix.mode
    else:
        changes |= _event_changes(proposal, fix, errors)
    changes |= _date_changes(proposal, fix, errors)
    if errors:
        raise ValidationError(errors)
    return changes


def _speaker_for(name: str, kind: str) -> tuple[Actor, bool]:
    """The actor called `name` (by name or alias, any case), or a new one: (actor, created)."""
    lowered = name.strip().casefold()
    if not lowered:
        raise ValidationError({"speaker_name": "A statement needs a speaker."})
    for actor in Actor.objects.only("pk", "name", "aliases", "kind"):
        if actor.name.casefold() == lowered or any(a.casefold() == lowered for a in actor.aliases or ()):
            return actor, False
    kind = kind if kind in ActorKind.values else ActorKind.ORGANISATION
    return actor_create(name=name.strip()[:SPEAKER_MAX], kind=kind), True


def review_accept(
    *, proposal_id: int, user, version: int | None = None, corrections: Corrections | None = None
) -> Proposal:
    """Accept one proposal as the editor saw it (`version`), with their corrections. All or nothing."""
    with transaction.atomic():
        _claim(proposal_id, version=version)
        proposal = Proposal.objects.select_related("source", "speaker", "event").get(pk=proposal_id)
        undo: dict = {"speaker_id": proposal.speaker_id}
        changes = corrections_check(proposal, corrections or Corrections())
        if "date_text" in changes and proposal.date_text:
            proposal.engine_date = {
                "text": proposal.date_text,
                "value": proposal.date_value,
                "explanation": proposal.date_explanation,
            }
        if changes:
            proposals.proposal_update(proposal=proposal, **changes)
        written: dict = {"undo": undo}
        if proposal.kind == ProposalKind.STATEMENT and proposal.speaker is None:
            # Naming the speaker is accepting's work, not a correction: one UPDATE, without the edit's checks.
            written["speaker"], created = _speaker_for(proposal.speaker_name, proposal.speaker_kind)
            if created:
                undo["actor"] = written["speaker"].pk
        Proposal.objects.filter(pk=proposal_id).update(**written)
        return proposals.proposal_accept(proposal=proposal, user=user)


def review_reject(*, proposal_id: int, user, version: int | None = None) -> Proposal:
    with transaction.atomic():
        _claim(proposal_id, version=version)
        proposal = Proposal(pk=proposal_id)
        return proposals.proposal_reject(proposal=proposal, user=user)


def last_decision(*, user, source: Source | None = None) -> Proposal | None:
    """The user's latest accept or reject still standing (in one source, when given)."""
    decided = Proposal.objects.filter(reviewed_by=user).exclude(state=ProposalState.PENDING)
    if source is not None:
        decided = decided.filter(source=source)
    return decided.order_by("-reviewed_at", "-pk").first()


def _remove_citation(proposal: Proposal) -> None:
    also = Citation.objects.select_related("event").filter(pk=proposal.undo.get("also_citation")).first()
    if also is not None:  # the sentence cited on the event its antecedent names too
        also.delete()
        event_date_derive(event=also.event)
    citation = Citation.objects.select_related("event").filter(pk=proposal.citation_id).first()
    if citation is None:
        return
    event = citation.event
    citation.delete()
    # An event the acceptance made (not one the reader matched) goes when its last citation goes.
    if event.pk != proposal.event_id and not Citation.objects.filter(event=event).exists():
        record_delete(record=event)
    else:
        event_date_derive(event=event)
        event.actors.remove(*proposal.undo.get("actors", ()))
    # The participants accepting made into actors go too, unless something else names them since.
    for actor in Actor.objects.filter(pk__in=proposal.undo.get("actors", ())):
        if not actor.events.exists() and not actor.statements.exists():
            record_delete(record=actor)


def _remove_statement(proposal: Proposal) -> None:
    statement = Statement.objects.filter(pk=proposal.statement_id).first()
    if statement is not None:
        record_delete(record=statement)
    created = proposal.undo.get("actor")
    if created and not Statement.objects.filter(speaker_id=created).exists():
        actor = Actor.objects.filter(pk=created).first()
        if actor is not None:
            record_delete(record=actor)


def review_undo(*, user, source: Source | None = None) -> Proposal | None:
    """Undo the user's last decision: remove what accepting wrote, and put the proposal back in the queue.

    Corrections made on the way stay on the proposal, so accepting it again keeps them. None: nothing
    to undo.
    """
    proposal = last_decision(user=user, source=source)
    if proposal is None:
        return None
    with transaction.atomic():
        _claim(proposal.pk, version=proposal.version, state=proposal.state)
        proposal.refresh_from_db()
        if proposal.state == ProposalState.ACCEPTED:
            if proposal.kind == ProposalKind.STATEMENT:
                _remove_statement(proposal)
            else:
                _remove_citation(proposal)
        proposal.refresh_from_db(fields=["statement", "citation", "speaker"])
        proposal.state = ProposalState.PENDING
        proposal.reviewed_by = proposal.reviewed_at = proposal.statement = proposal.citation = None
        if "speaker_id" in proposal.undo:
            before = proposal.undo["speaker_id"]
            proposal.speaker_id = before if before and Actor.objects.filter(pk=before).exists() else None
        proposal.undo = {}
        proposal.save()
    return proposal
