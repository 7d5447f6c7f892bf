"""What every rule is made of, and what its resolver may use.

A `Rule` is one record: its name, its pattern, the cues it runs around and how far its matches
reach from them, its resolver, and how it stands to the anchor (whether its value counts from the
anchor, and whether a date it reads becomes the anchor of the relative dates after it). The family
modules (days, months, periods, spans, clock, anaphora, holidays) each define their rules beside
their resolvers; `registry.py` lists them in order.

A resolver turns a match into a `Resolution` (value, type, mod and the reason in words) or None when
the match is not a temporal expression after all ("May" as a modal, "the fall of Rome").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from . import calendar as cal
from .lexicon import AMOUNT_MODS, ORDINALS, POINT_MODS
from .tense import Tense, tense_at
from .types import DocType, Reference, TimexType


@dataclass(frozen=True, slots=True)
class Resolution:
    """A resolver's answer for one match, before it becomes a `Timex`."""

    value: str
    type: TimexType = TimexType.DATE
    why: str = ""
    mod: str | None = None
    anchor: dt.date | None = None
    extra: dict = field(default_factory=dict)
    # the dates covered, when narrower than the value's own ("later this year": the anchor to December 31)
    interval: tuple[dt.date, dt.date] | None = None


# A match that looks like a date but names none ("February 30"): it blocks shorter readings of its words.
NOT_A_DATE = Resolution("")


@dataclass(slots=True)
class Context:
    """What a resolver may look at: the text, the reference and the dates mentioned so far."""

    text: str
    reference: Reference
    last_date: dt.date | None = None  # the last date mentioned in the text (narrative anchor)
    last_day: dt.date | None = None  # the last date mentioned to the day
    bc_year: int | None = None  # set while a narrative's last date was before the common era (480 BC)

    @property
    def narrative(self) -> bool:
        return self.reference.doc_type == DocType.NARRATIVE

    @property
    def anchor(self) -> dt.date:
        """The date relative expressions count from: the publication date, or in narrative text the
        last date mentioned."""
        if self.narrative and self.last_date is not None:
            return self.last_date
        return self.reference.date

    def mentioned(self, to_the_day: bool = False) -> dt.date:
        """The date an anaphoric "that day" / "the following year" points back to."""
        last = self.last_day if to_the_day else self.last_date
        return last if last is not None else self.reference.date

    def tense(self, m: re.Match[str], within: int | None = None) -> Tense | None:
        return tense_at(self.text, m.start("x"), m.end("x"), within)


Resolver = Callable[[re.Match[str], Context], Resolution | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """One construction of the grammar, with everything the engine needs to know about it."""

    name: str
    pattern: re.Pattern[str]  # the extent is the group `x`; words around it only help to decide
    cues: frozenset[str]  # every match holds one of these cues (see cues.py)
    reach: tuple[int, int]  # how many characters a match may reach before and after its cue
    resolve: Resolver
    # False when the value never counts from the anchor (an ISO date, "every Monday"): the first
    # resolution stands, and the rule need not run again in text order.
    reads_anchor: bool = True
    # True when a date it reads off the text becomes the narrative anchor for what follows; relative
    # dates ("the previous year", "two days later") point away from the story's timeline without moving it.
    moves_anchor: bool = False
    # True when it names one calendar day, which a clock time beside it takes ("9 a.m. Tuesday").
    names_a_day: bool = False


def rule(
    name: str,
    pattern: str,
    *,
    cues: set[str],
    reach: tuple[int, int],
    resolve: Resolver,
    reads_anchor: bool = True,
    moves_anchor: bool = False,
    names_a_day: bool = False,
) -> Rule:
    return Rule(name, re.compile(pattern), frozenset(cues), reach, resolve, reads_anchor, moves_anchor, names_a_day)


def norm(s: str | None) -> str:
    return " ".join(s.lower().split()) if s else ""


def point_mod(m: re.Match[str]) -> str | None:
    raw = norm(m.groupdict().get("mod"))
    if not raw:
        return None
    raw = raw.removeprefix("the ").removesuffix(" the").removesuffix(" of").removeprefix("very ")
    return POINT_MODS.get(raw)


def amount_mod(m: re.Match[str]) -> str | None:
    return AMOUNT_MODS.get(norm(m.groupdict().get("amod")))


def choose(past: dt.date, future: dt.date, anchor: dt.date, tense: Tense | None, default: str) -> tuple[dt.date, str]:
    """Pick the occurrence on or before the anchor or the one on or after it, by tense."""
    if past == future:
        return past, "the anchor's own"
    if tense is Tense.FUTURE:
        return future, "the next (future tense)"
    if tense is Tense.PAST:
        return past, "the latest (past tense)"
    if default == "nearest":
        # Reports look back more often than ahead: a tie, or nearly one, goes to the past.
        if (anchor - past).days <= (future - anchor).days + 30:
            return past, "the nearest"
        return future, "the nearest"
    if default == "future":
        return future, "the next"
    return past, "the latest"


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def day_number(raw: str) -> int | None:
    raw = raw.lower().rstrip(".")
    digits = re.match(r"\d+", raw)
    if digits:
        return int(digits.group())
    parts = raw.replace("-", " ").split()
    total = 0
    for p in parts:
        if p == "twenty":
            total += 20
        elif p == "thirty":
            total += 30
        elif p in ORDINALS:
            total += ORDINALS[p]
        else:
            return None
    return total or None


def year_number(raw: str, anchor: dt.date) -> int:
    if raw.startswith(("'", "’")):
        two = int(raw[1:])
        year = anchor.year // 100 * 100 + two
        return year - 100 if year > anchor.year + 20 else year
    return int(raw)


def sentence_start(text: str, at: int) -> bool:
    before = text[max(0, at - 12) : at].rstrip(" \"'“‘`")
    return not before or before[-1] in ".!?\n"


def last_completed_quarter(d: dt.date) -> dt.date:
    """Financial news speaks of "the quarter" just ended until well into the next one."""
    start = dt.date(d.year, 3 * (cal.quarter_of(d) - 1) + 1, 1)
    if (d - start).days < 60:
        return cal.add_months(start, -3)
    return start


# Quarterly results, not "a quarter of the population" or "the French Quarter".
_QUARTER_TALK = re.compile(
    r"(?i:\b(?:first|second|third|fourth|latest|current|fiscal|year-earlier|year-ago|the)[-\s]+quarter\b"
    r"|\bquarterly\b|\bthree months\b)"
)


def speaks_of_quarters(ctx: Context, m: re.Match[str]) -> bool:
    """Whether the text just before a "year ago" compares quarterly results."""
    start = m.start("x")
    window = ctx.text[max(0, start - 800) : start]
    return bool(_QUARTER_TALK.search(window)) and not ctx.narrative


# "August/September 1956", "the spring and summer of 1979": the year at the end covers the first member.
RANGE_TAIL_YEAR = re.compile(
    r"\s*(?:-|–|/|and|to|or|through|until|till)\s*(?:(?:early|late|mid)[-\s]+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|fall|autumn|winter)[a-z]*\.?"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s+(?:of\s+)?((?:1[0-9]|20)\d\d)(?!\d)",
    re.IGNORECASE,
)
