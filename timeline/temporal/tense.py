"""Which way a bare "Tuesday" or "June 22" points: the tense of the clause around it.

No parser is at hand, so the nearest tense marker in the same sentence decides: a future marker
("will", "is scheduled to", "next") makes it the coming one, a past one ("said", "was", any "-ed"
verb) the one before; with neither, the caller falls back to its own default.
"""

from __future__ import annotations

import re
from enum import Enum


class Tense(Enum):
    PAST = "past"
    FUTURE = "future"


_FUTURE_WORDS = (
    "will|'ll|wo|shall|going to|gonna|plans?|planned|planning|scheduled|expected|expects?|due|would"
    "|upcoming|until|till|intends?|set to|is to|are to|hopes?|hoping|aims?|should|must|could|might|can"
    "|may|tomorrow|next|ahead|begins?|starts?|opens?|closes?|ends?|meets?|takes? place|is slated"
)
_PAST_WORDS = (
    "was|were|had|did|didn't|ago|last|said|says|told|came|went|began|begun|took|made|gave|saw|met|won"
    "|lost|left|led|held|sent|spent|fell|rose|paid|sold|bought|brought|thought|found|got|struck|ran"
    "|wrote|spoke|broke|chose|drove|flew|fought|knew|meant|stood|taught|threw|became|fled|shot|hit"
    "|killed|been|yesterday|earlier|previously|came|arrived|kept|felt|heard|let|lay|quit|sank|slid"
    "|swept|swore|tore|withdrew|overtook|upheld|[a-z]+ed"
)
# Past participles after "is"/"be" ("is expected", "be held") speak of the future, not the past.
_MARKER = re.compile(
    rf"\b(?:(?P<future>{_FUTURE_WORDS})|(?P<past>{_PAST_WORDS}))\b",
    re.IGNORECASE,
)
_NOT_PAST_ED = frozenset(
    {
        "expected",
        "scheduled",
        "planned",
        "proposed",
        "needed",
        "based",
        "related",
        "owned",
        "united",
        "limited",
        "red",
        "bed",
        "need",
        "feed",
        "speed",
        "seed",
        "hundred",
        "indeed",
        "shed",
        "wed",
        "led",
        "fled",
        "bred",
        "called",
    }
)
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"'“‘])|\n")
_WINDOW = 160


def tense_at(text: str, start: int, end: int) -> Tense | None:
    """The tense of the clause holding text[start:end], read from the nearest marker in its sentence."""
    left_from = max(0, start - _WINDOW)
    left = text[left_from:start]
    ends = list(_SENTENCE_END.finditer(left))
    if ends:
        left = left[ends[-1].end() :]
    right = text[end : end + _WINDOW]
    stop = _SENTENCE_END.search(right)
    if stop:
        right = right[: stop.start()]

    best: tuple[int, Tense] | None = None
    for m in _MARKER.finditer(left):
        tense = _tense_of(m)
        if tense is not None:
            best = (len(left) - m.end(), tense)
    for m in _MARKER.finditer(right):
        tense = _tense_of(m)
        if tense is not None:
            distance = m.start() + 8  # a marker after the date counts for a little less
            if best is None or distance < best[0]:
                best = (distance, tense)
            break
    return best[1] if best else None


def _tense_of(m: re.Match[str]) -> Tense | None:
    if m.group("future"):
        return Tense.FUTURE
    word = m.group("past").lower()
    if word in _NOT_PAST_ED:
        return Tense.PAST if word in ("led", "fled") else None
    return Tense.PAST
