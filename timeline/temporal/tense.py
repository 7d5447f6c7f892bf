"""Which way a bare "Tuesday" or "June 22" points: the tense of the clause around it.

No parser is at hand, so the nearest tense marker in the same sentence decides: a future marker
("will", "is scheduled to", "next") makes it the coming one, a past one ("said", "was", any "-ed"
verb) the one before; with neither, the caller falls back to its own default.
"""

from __future__ import annotations

import functools
import re
from enum import Enum


class Tense(Enum):
    PAST = "past"
    FUTURE = "future"


# "agreed to buy the unit in February": a commitment points ahead of the time it was made, so it makes
# a date after it future; a date before it ("In March, the company agreed to buy ...") is when it was made.
_COMMIT_WORDS = (
    "(?:decided|agreed|vowed|promised|pledged|threatened|voted|offered|planned) to [a-z]+|planned (?:for|an?)"
)
# "could not be reached Tuesday" is past (see _PAST_WORDS); "could come Tuesday" looks ahead.
_UNREACHED = "(?:reached|located|contacted|found)"
# "is expected", "are due": after a present "is", words that make the clause look ahead.
_AHEAD_AFTER_IS = "(?:going|expected|scheduled|due|set|slated|planning|likely|to)"
_FUTURE_WORDS = (
    "will|'ll|wo|shall|going to|gonna|plans? to|wants? to|seeks? to|planning|scheduled|expected|expects?|due|would"
    "|upcoming|until|till|intends?|set (?:to|for)|is to|are to|likely to|poised to|about to|ready to"
    # a plan or a start named ahead of it: "the plan calls for completion in June", "starting in June"
    "|calls? for|starting|beginning"
    "|hopes?|hoping|aims?"
    f"|should|must|might|could(?! have| not| never|n.t| be {_UNREACHED})"
    "|may|tomorrow|ahead|is slated|effective|(?:to )?be [a-z]+|to be"
)
# "The Tokyo market re-opens on Monday": a timetable verb in the present tense announces what is to come.
_SCHEDULE_WORDS = (
    "(?:re-?)?opens|closes|resumes|reconvenes|convenes|expires|kicks off|takes effect|goes on trial"
    "|faces|hosts|meets|visits|travels|heads|departs|arrives|returns|begins|starts|ends|plays"
    # the same verbs with a plural subject ("He and Arafat meet Monday"), but not "to meet", "did not meet"
    # (only verbs that are seldom nouns: "a visit Monday", "the store was open Monday" are no schedule)
    "|(?<!to )(?<!did )(?<!not )(?<!n't )(?:meet|resume|reconvene|convene|depart|take effect)"
)
_PAST_WORDS = (
    # "could not be reached Tuesday": a reporter's attempt to reach someone is made before writing
    f"could(?:n't| not| never) be {_UNREACHED}|could be (?:located|contacted)"
    "|used to(?: be [a-z]+| [a-z]+)?"
    # "last" after a modal or "to" is the verb ("could last into the spring"), not "last year"
    "|(?<!could )(?<!will )(?<!would )(?<!to )(?<!may )(?<!might )(?<!should )(?<!can )last"
    "|was|were|had|did|didn't|ago|said|says|told|came|went|began|begun|took|made|gave|saw|met|won"
    "|lost|left|led|held|sent|spent|fell|rose|paid|sold|bought|brought|thought|found|got|struck|ran"
    "|wrote|spoke|broke|chose|drove|flew|fought|knew|meant|stood|taught|threw|became|fled|shot|hit"
    "|killed|been|yesterday|earlier|previously|came|arrived|kept|felt|heard|let|lay|quit|sank|slid"
    # a capitalised "-ed" word is a name ("Ellen Heed", "Ahmed"), not a past verb
    "|swept|swore|tore|withdrew|overtook|upheld|(?-i:[a-z]+ed)"
)
# Past participles after "is"/"be" ("is expected", "be held") speak of the future, not the past.
_PRESENT_WORDS = (
    # "the case is heard in May": a passive in the present tense is no past, whatever its participle
    f"(?:is|are|am) (?!{_AHEAD_AFTER_IS}|not)[a-z]+"
    f"|(?:is|are|am)(?! {_AHEAD_AFTER_IS}(?![a-z]))"
    # "it's", "there's" are "is"; after a name "'s" is a possessive ("Milton Roy's line"), no verb at all
    "|remains|continues|(?:it|he|she|that|there|what|who|here|where)'s|says|has|have|payable|been [a-z]+|being [a-z]+"
)
_MARKER = re.compile(
    rf"\b(?:(?P<commit>{_COMMIT_WORDS})|(?P<future>{_FUTURE_WORDS}|{_SCHEDULE_WORDS})|(?P<present>{_PRESENT_WORDS})"
    rf"|(?P<past>{_PAST_WORDS}))\b",
    re.IGNORECASE,
)
# "-ed" after a determiner is an adjective ("the reduced dividend"), not a past verb; after "that" it is as
# often a verb ("repairs that started in May"), and an irregular past ("that began") always is.
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|our|this)\s+)$", re.IGNORECASE)
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
        # adjectives that only look like past verbs: "preferred shares", "an unnamed official"
        "preferred",
        "unsecured",
        "diversified",
        "embattled",
        "beleaguered",
        "unspecified",
        "unidentified",
        "unnamed",
        "undisclosed",
        "untouched",
        "unrelated",
        "unresolved",
        "unscathed",
        "unharmed",
        "alleged",
        "so-called",
        "unprecedented",
        "unexpected",
        "sophisticated",
    }
)
# "at 4 a.m. EDT Thursday", "on Oct. 23 at ...": a period after an abbreviation ends no sentence.
_SENTENCE_END = re.compile(
    r"[.!?](?<![ap]\.m\.)(?<!Mr\.)(?<!Mrs\.)(?<!Ms\.)(?<!Dr\.)(?<!St\.)(?<!Gen\.)(?<!Sen\.)(?<!Rep\.)(?<!Gov\.)"
    r"(?<!Jan\.)(?<!Feb\.)(?<!Aug\.)(?<!Sept\.)(?<!Oct\.)(?<!Nov\.)(?<!Dec\.)\s+(?=[A-Z\"'“‘])|\n"
)
# A marker after the date counts only inside the date's own clause ("on Tuesday that they would ...").
_CLAUSE_END = re.compile(r"[,;:—–(]|\s(?:that|which|who|when|while|but|and|as)\s", re.IGNORECASE)
_WINDOW = 160
_OPENING_UNTIL = re.compile(r"[\s\"'“‘`]*(?i:up\s+)?(?i:until|till)\s+")


def tense_at(text: str, start: int, end: int, within: int | None = None) -> Tense | None:
    """The tense of the clause holding text[start:end], read from the nearest marker in its sentence.

    A present-tense marker nearer than any other ("is payable Jan. 2") means no tense; `within`
    ignores markers further away than that many characters.
    """
    left_from = max(0, start - _WINDOW)
    left = text[left_from:start]
    ends = list(_SENTENCE_END.finditer(left))
    if ends:
        left = left[ends[-1].end() :]
    right = text[end : end + _WINDOW]
    stop = _SENTENCE_END.search(right)
    if stop:
        right = right[: stop.start()]
    stop = _CLAUSE_END.search(right)
    # "In January, the company said ...": a date that opens its sentence takes the verb after the comma.
    if stop and len(left.strip()) > 12:
        right = right[: stop.start()]
    # "Until Thursday, they had not called him a suspect": an opening "until" gives way to the main verb.
    if _OPENING_UNTIL.fullmatch(left):
        return _nearest_marker("", right, within) or _nearest_marker(left, right, within)
    return _nearest_marker(left, right, within)


# Keyed on the clause around the date, not the whole text, so the cache never holds whole articles.
@functools.lru_cache(maxsize=4096)
def _nearest_marker(left: str, right: str, within: int | None) -> Tense | None:
    best: tuple[int, Tense | None] | None = None
    for m in _MARKER.finditer(left):
        if m.group("past") and _DETERMINER_BEFORE.search(left, max(0, m.start() - 8), m.start()):
            continue
        tense = _tense_of(m)
        if tense is not None or m.group("present"):
            best = (len(left) - m.end(), tense)
    for m in _MARKER.finditer(right):
        tense = Tense.PAST if m.group("commit") else _tense_of(m)
        if tense is not None or m.group("present"):
            distance = m.start() + 15  # a marker after the date counts for a little less
            if best is None or distance < best[0]:
                best = (distance, tense)
            break
    if best is None or (within is not None and best[0] > within):
        return None
    return best[1]


def _tense_of(m: re.Match[str]) -> Tense | None:
    if m.group("future") or m.group("commit"):
        return Tense.FUTURE
    if m.group("present"):
        return None
    word = m.group("past").lower()
    if word in _NOT_PAST_ED:
        return Tense.PAST if word in ("led", "fled") else None
    return Tense.PAST
