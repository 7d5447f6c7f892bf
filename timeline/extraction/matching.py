"""Putting a new citation on the event it reports, or on none (a new event).

How a citation is matched to a candidate event, and why:

1. Same wire copy. Agencies' copy is carried word for word (or nearly: a spelling, an added clause) by
   many outlets, so a citation whose sentence shares at least 60% of its words with a sentence already
   on the event (Jaccard over word sets), with at least eight words in common, reports the same
   happening whatever the dates say: the outlets may have dated it differently, and that is a reading
   to keep, not a reason to split the event.
2. Dates must not exclude it. Both dated: the intervals overlap or one lies within the other ("on
   Tuesday" inside "in September") - they agree; or they are at most two days apart - near, since
   outlets in different time zones or at different hours date one happening "Tuesday" and "Wednesday"
   (the disagreement a reviewer should see on one event, not two events). Further apart: never the
   same happening. A side without a date neither helps nor excludes.
3. What happened and who: the shared content words (stemmed, no function words or dates) measured
   against the smaller of the two word sets, and the shared actors. Dates alone never match - a week
   holds many happenings - so at least two shared content words are required, and three when neither
   side's date can help.

The score is 0.35 x date agreement (1 within, 0.8 overlapping, 0.6 near, 0.3 undated; scaled down for
intervals coarser than a week, which say less) + 0.4 x content-word overlap + 0.25 x shared actors (two
or more count fully); the best candidate at 0.45 or more is the match. Reasons say which tests held.

A sentence's antecedents ("after Putin ordered a partial mobilisation", antecedents.py) are matched
apart, once its own event is known (`match_antecedent`): to the event whose own happening shares a
word with the antecedent's (the trigger and its nouns, `core`, not any word one of its sentences
mentions), in an order the dates allow give or take a day; the best by content-word overlap and
shared actors. The sentence then supports that event too.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from functools import lru_cache

from .actors import COUNTRIES
from .citations import event_keywords
from .scoring import normalise_name
from .types import Antecedent, EventCandidate, EventMatch, ProposedCitation

WIRE_JACCARD = 0.6
WIRE_MIN_SHARED = 8
NEAR_DAYS = 1
MIN_OVERLAP = 0.3
MIN_OVERLAP_UNDATED = 0.5
_WORD = re.compile(r"[a-z0-9]+")


# Cached, like the helpers below: every citation is compared with every candidate's sentences and names.
@lru_cache(maxsize=65536)
def _words(sentence: str) -> frozenset[str]:
    return frozenset(_WORD.findall(sentence.lower().replace("’", "").replace("'", "")))


def same_wire_copy(a: str, b: str) -> bool:
    """Near-identical sentences: most words shared, and enough of them not to be a coincidence."""
    wa, wb = _words(a), _words(b)
    shared = len(wa & wb)
    return shared >= WIRE_MIN_SHARED and shared / len(wa | wb) >= WIRE_JACCARD


@lru_cache(maxsize=65536)
def actor_key(name: str) -> str:
    """An institution without its seat: "U.S. Embassy in Moscow" and "US embassy in Russia" -> "us embassy"."""
    return re.sub(r" (?:in|of|at) .*$", "", normalise_name(name))


def _day_precise(interval: tuple[dt.date, dt.date] | None) -> bool:
    return interval is not None and interval[0] == interval[1]


def _interval(citation: ProposedCitation) -> tuple[dt.date, dt.date] | None:
    t = citation.timex
    if t is None or t.start_date is None or t.end_date is None:
        return None
    return t.start_date, t.end_date


def date_agreement(a: tuple[dt.date, dt.date] | None, b: tuple[dt.date, dt.date] | None) -> tuple[float, str]:
    """(score, reason); score < 0 means the dates exclude the same happening."""
    if a is None or b is None:
        return 0.3, ""
    (a0, a1), (b0, b1) = a, b
    width = max((min(a1 - a0, b1 - b0)).days + 1, 1)
    scale = 1.0 if width <= 7 else 0.7
    if (a0 >= b0 and a1 <= b1) or (b0 >= a0 and b1 <= a1):
        return 1.0 * scale, "dates agree"
    if a0 <= b1 and b0 <= a1:
        return 0.8 * scale, "dates overlap"
    gap = (b0 - a1).days if b0 > a1 else (a0 - b1).days
    if gap <= NEAR_DAYS:
        return 0.6, f"dates {gap} day{'s' if gap > 1 else ''} apart"
    return -1.0, "dates disagree"


def weights_of(candidates: Sequence[EventCandidate]) -> dict[str, float]:
    """Inverse event frequency: a word most events share ("russia" in a story about Russia) says little."""
    df: dict[str, int] = {}
    for candidate in candidates:
        for word in candidate.keywords:
            df[word] = df.get(word, 0) + 1
    n = len(candidates)
    return {word: math.log(1 + n / (1 + count)) for word, count in df.items()}


def _default_weight(weights: dict[str, float]) -> float:
    """A word no event has yet is as telling as the rarest."""
    return max(weights.values(), default=1.0)


def _weighted_overlap(a: frozenset[str], b: frozenset[str], weights: dict[str, float], default: float) -> float:
    def mass(words: frozenset[str]) -> float:
        return sum(weights.get(w, default) for w in words)

    smaller = min(mass(a), mass(b))
    return mass(a & b) / smaller if smaller else 0.0


def _shared_actors(citation: ProposedCitation, candidate: EventCandidate) -> set[str]:
    # Countries are the setting of a story more often than its actors: they do not make two reports one.
    ours = {actor_key(a.name) for a in citation.actors} - COUNTRIES
    theirs = {actor_key(n) for n in candidate.actor_names} - COUNTRIES
    shared = ours & theirs
    # A surname alone ("Putin") is the full name another report gives ("Vladimir Putin").
    shared |= {a for a in ours if " " not in a and any(t.endswith(" " + a) for t in theirs)}
    shared |= {t for t in theirs if " " not in t and any(a.endswith(" " + t) for a in ours)}
    return shared


def _other_speakers(citation: ProposedCitation, candidate: EventCandidate) -> bool:
    ours = {actor_key(s.name) for s in citation.speakers}
    theirs = {actor_key(n) for n in candidate.speaker_names}
    return bool(ours and theirs and not ours & theirs)


def _words_suffice(date_reason: str, day_precise: bool, actors: set[str], words: set[str], overlap: float) -> bool:
    """Whether the shared words (and actors) make two sentences one happening, given how the dates agree."""
    if day_precise and date_reason == "dates agree" and actors:
        return True  # one actor's doings on one day: the same happening even in other words
    if date_reason in {"dates agree", "dates overlap"}:
        return len(words) >= 2 and overlap >= MIN_OVERLAP
    if actors and len(words) >= 2 and overlap >= MIN_OVERLAP:
        return True  # near or no dates, but the same actors doing the same things
    # near dates (a day apart) or a side undated: the words must say more
    return len(words) >= 3 and overlap >= (MIN_OVERLAP if date_reason else MIN_OVERLAP_UNDATED)


def _reasons(date_reason: str, shared_words: set[str], shared_actors: set[str]) -> tuple[str, ...]:
    reasons = [r for r in (date_reason,) if r]
    if shared_words:
        reasons.append(f"{len(shared_words)} shared content words ({', '.join(sorted(shared_words)[:5])})")
    if shared_actors:
        reasons.append(f"{len(shared_actors)} shared actor{'s' if len(shared_actors) > 1 else ''}")
    return tuple(reasons)


def score_candidate(
    citation: ProposedCitation,
    candidate: EventCandidate,
    weights: dict[str, float] | None = None,
    *,
    default: float | None = None,
) -> EventMatch | None:
    """How well `candidate` fits `citation`, with the reasons; None when it cannot be the same happening.

    `default` is the weight of a word no event has yet, the largest of `weights` unless the caller, who
    scores many candidates with the same weights, worked it out once."""
    other_speakers = _other_speakers(citation, candidate)
    if not other_speakers and any(same_wire_copy(citation.sentence, s) for s in candidate.sentences):
        return EventMatch(candidate.key, 0.95, ("same wire copy",))
    weights = weights or {}
    if default is None:
        default = _default_weight(weights)
    interval = None
    if candidate.date_start is not None and candidate.date_end is not None:
        interval = (candidate.date_start, candidate.date_end)
    citation_interval = _interval(citation)
    dates, date_reason = date_agreement(citation_interval, interval)
    if dates < 0:
        return None
    day_precise = _day_precise(citation_interval) and _day_precise(interval)
    if day_precise and other_speakers:
        return None  # on one day, different people speaking: different statements, different events
    shared_actors = _shared_actors(citation, candidate)
    # Single link: the closest of the event's sentences, so that a big event's vocabulary does not
    # attract everything; the event's own keywords stand in when it has no sentences.
    pools = [event_keywords(s) for s in candidate.sentences] or [candidate.keywords]
    overlap, best_pool = max(
        ((_weighted_overlap(citation.keywords, p, weights, default), p) for p in pools), key=lambda s: s[0]
    )
    shared_words = set(citation.keywords & best_pool)
    if not _words_suffice(date_reason, day_precise, shared_actors, shared_words, overlap):
        return None
    score = 0.35 * dates + 0.4 * min(1.0, overlap * 2) + 0.25 * min(1.0, len(shared_actors) / 2)
    return EventMatch(candidate.key, round(min(score, 0.94), 3), _reasons(date_reason, shared_words, shared_actors))


def match_event(
    citation: ProposedCitation,
    candidates: Sequence[EventCandidate],
    weights: dict[str, float] | None = None,
    default: float | None = None,
) -> EventMatch | None:
    weights = weights_of(candidates) if weights is None else weights
    default = _default_weight(weights) if default is None else default
    best = None
    for candidate in candidates:
        match = score_candidate(citation, candidate, weights, default=default)
        if match is not None and (best is None or match.score > best.score):
            best = match
    return best


def _in_order(antecedent: Antecedent, citation: ProposedCitation, candidate: EventCandidate) -> bool:
    """The candidate's dates allow it to come before the citation's happening (or after it, for what the
    happening brought about), give or take a day; an undated side allows anything."""
    own = _interval(citation)
    if own is None or candidate.date_start is None or candidate.date_end is None:
        return True
    # A day's slack either way, as for two reports of one happening (date_agreement: outlets in other
    # time zones date it a day apart).
    slack = dt.timedelta(days=NEAR_DAYS)
    if antecedent.relation == "after":
        return candidate.date_end + slack >= own[0]
    return candidate.date_start - slack <= own[1]


def score_antecedent(
    antecedent: Antecedent,
    citation: ProposedCitation,
    candidate: EventCandidate,
    weights: dict[str, float],
    default: float,
) -> EventMatch | None:
    """How well `candidate` is the happening `antecedent` names, or None.

    A phrase is short ("after Putin ordered a partial mobilisation"), so it matches only an event whose
    own happening shares a word with the antecedent's happening or its object (the events' `core`:
    "announced" or "mobilization" in "the mobilization, announced by Putin": what the event is, not what
    one of its sentences mentions in passing), in an order the dates allow; the score is the content
    words' overlap and the shared actors."""
    if not _in_order(antecedent, citation, candidate):
        return None
    if not antecedent.core & candidate.core:
        return None
    phrase = ProposedCitation(
        char_start=antecedent.char_start,
        char_end=antecedent.char_end,
        sentence=antecedent.text,
        timex=None,
        title="",
        actors=antecedent.actors,
        keywords=antecedent.keywords,
    )
    actors = _shared_actors(phrase, candidate)
    pools = [event_keywords(s) for s in (candidate.title, *candidate.sentences)]
    overlap, pool = max(
        ((_weighted_overlap(antecedent.keywords, p, weights, default), p) for p in pools), key=lambda b: b[0]
    )
    shared = set(antecedent.keywords & pool)
    score = 0.6 * min(1.0, overlap * 1.5) + 0.4 * min(1.0, len(actors) / 2)
    reasons = (f"named as what came {antecedent.relation}: {antecedent.text!r}", *_reasons("", shared, actors))
    return EventMatch(candidate.key, round(min(score, 0.94), 3), reasons)


def match_antecedent(
    citation: ProposedCitation,
    candidates: Sequence[EventCandidate],
    weights: dict[str, float] | None = None,
    default: float | None = None,
) -> EventMatch | None:
    """The event that one of the citation's antecedents names (the best fitting), besides its own."""
    if not citation.antecedents:
        return None
    weights = weights_of(candidates) if weights is None else weights
    default = _default_weight(weights) if default is None else default
    best = None
    for antecedent in citation.antecedents:
        for candidate in candidates:
            match = score_antecedent(antecedent, citation, candidate, weights, default)
            if match is not None and (best is None or match.score > best.score):
                best = match
    return best
