"""Actors that name the same person or body: finding likely duplicates and merging them.

Nothing is merged without an editor: `actor_duplicates` only offers pairs (the admin's "likely
duplicates" page), and `actors_merge` runs when an editor confirms one. A merge keeps one actor, moves
the other's statements and events to it, keeps its name and aliases as aliases, and deletes it, all
in one transaction with the edit history of every record it changes. Apps above the timeline that
point at actors (intake's proposals) repoint theirs on the `actors_merged` signal, sent inside the
same transaction before the duplicate goes.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import django.dispatch
from django.core.exceptions import ValidationError
from django.db import transaction

from timeline.extraction.actors import COUNTRIES
from timeline.extraction.scoring import normalise_name
from timeline.models import Actor, Event, Statement

# Sent with keep= (the actor kept) and merged_ids= (the ids about to be deleted), inside the merge's
# transaction: a receiver that fails undoes the whole merge.
actors_merged = django.dispatch.Signal()

# Words that do not tell two names apart: titles, articles, company suffixes.
_NOISE = frozenset(
    {"the", "mr", "mrs", "ms", "dr", "sir", "inc", "corp", "co", "ltd", "plc", "llc", "company", "corporation"}
)
_WORD = re.compile(r"[\w]+", re.UNICODE)
_SEAT = re.compile(r" (?:in|at) .*$")
# Past this many actors sharing one surname key, the key says nothing (a common name).
_CROWDED = 5


def _plain(name: str) -> str:
    folded = normalise_name(unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode())
    return " ".join(w for w in _WORD.findall(folded) if w not in _NOISE)


@dataclass(frozen=True)
class DuplicatePair:
    """Two actors that likely name the same one, and why."""

    first: Actor
    second: Actor
    reason: str


def _seatless(key: str) -> str:
    """A body's plain name without its seat: "us embassy in moscow" -> "us embassy"."""
    return _SEAT.sub("", key)


def _by_name(actors: list[Actor]) -> tuple[dict, dict, dict]:
    """The actors by (kind, plain name or alias), persons of two or more words by surname, and bodies by
    (kind, name without its seat) when that keeps two words or more."""
    by_plain: dict[tuple[str, str], list[Actor]] = defaultdict(list)
    by_surname: dict[str, list[Actor]] = defaultdict(list)
    by_seatless: dict[tuple[str, str], list[Actor]] = defaultdict(list)
    for actor in actors:
        for name in (actor.name, *(actor.aliases or ())):
            key = _plain(name)
            if key and actor not in by_plain[actor.kind, key]:
                by_plain[actor.kind, key].append(actor)
        words = _plain(actor.name).split()
        if actor.kind == "person" and len(words) > 1:
            by_surname[words[-1]].append(actor)
        seatless = _seatless(_plain(actor.name))
        if actor.kind != "person" and seatless != _plain(actor.name) and len(seatless.split()) > 1:
            by_seatless[actor.kind, seatless].append(actor)
    return by_plain, by_surname, by_seatless


def actor_duplicates(*, limit: int = 200) -> list[DuplicatePair]:
    """Pairs of actors that likely are one: of one kind, the same name once titles, case, accents and
    punctuation are set aside ("Mr. Netanyahu" and "netanyahu"), or a name that is another's alias; a
    single name (not a country's) that is a person's surname ("Netanyahu", "Benjamin Netanyahu"),
    whatever kind the reader guessed for it; a body named with two seats ("U.S. embassy in Russia",
    "US embassy in Moscow"). One query, whatever the number of actors; at most `limit` pairs."""
    actors = list(Actor.objects.only("pk", "name", "kind", "aliases").order_by("name", "pk"))
    by_plain, by_surname, by_seatless = _by_name(actors)
    pairs: dict[tuple[int, int], DuplicatePair] = {}

    def offer(a: Actor, b: Actor, reason: str) -> None:
        first, second = sorted((a, b), key=lambda x: x.pk)
        pairs.setdefault((first.pk, second.pk), DuplicatePair(first, second, reason))

    for (_kind, key), same in by_plain.items():
        for other in same[1:]:
            offer(same[0], other, f"the same name once titles, case and punctuation are set aside ({key!r})")
    for (_kind, key), same in by_seatless.items():
        for other in same[1:]:
            offer(same[0], other, f"the same body in other places ({key!r})")
    for actor in actors:
        words = _plain(actor.name).split()
        if len(words) != 1 or words[0] in COUNTRIES:
            continue
        fuller = by_surname.get(words[0], [])
        for full in fuller if len(fuller) <= _CROWDED else ():
            if full.pk != actor.pk:
                offer(actor, full, f"{actor.name!r} is {full.name!r}'s surname")
    return sorted(pairs.values(), key=lambda p: (p.first.name.casefold(), p.second.name.casefold()))[:limit]


def actors_merge(*, keep: Actor, duplicates: Sequence[Actor], user=None) -> Actor:
    """Merge `duplicates` into `keep`: their statements and event roles become keep's, their names and
    aliases keep's aliases; then they are deleted. All or nothing, with history."""
    duplicates = [d for d in duplicates if d.pk != keep.pk]
    if not duplicates:
        raise ValidationError({"duplicates": "Name at least one other actor to merge into this one."})
    merged_ids = [d.pk for d in duplicates]
    with transaction.atomic():
        keep = Actor.objects.select_for_update().get(pk=keep.pk)
        statements = list(Statement.objects.filter(speaker_id__in=merged_ids))
        for statement in statements:
            statement.speaker = keep
        Statement.objects.bulk_update(statements, ["speaker"])
        Statement.history.bulk_history_create(statements, default_user=user, default_change_reason="actors merged")

        through = Event.actors.through
        event_ids = set(through.objects.filter(actor_id__in=merged_ids).values_list("event_id", flat=True))
        through.objects.bulk_create([through(event_id=e, actor_id=keep.pk) for e in event_ids], ignore_conflicts=True)
        through.objects.filter(actor_id__in=merged_ids).delete()

        known = {keep.name.casefold(), *(a.casefold() for a in keep.aliases or ())}
        aliases = list(keep.aliases or ())
        for duplicate in duplicates:
            for name in (duplicate.name, *(duplicate.aliases or ())):
                if name.casefold() not in known:
                    known.add(name.casefold())
                    aliases.append(name)
        keep.aliases = aliases
        keep.full_clean()
        keep._history_user = user
        keep.save()

        actors_merged.send(sender=Actor, keep=keep, merged_ids=merged_ids)
        for duplicate in Actor.objects.filter(pk__in=merged_ids):
            duplicate._history_user = user
            duplicate.delete()
    return keep
