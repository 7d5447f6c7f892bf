"""Anaphora and vague references: "that day", "the following year", "the day before", "now",
"recently", "the near future".
"""

from __future__ import annotations

import datetime as dt
import re

from . import calendar as cal
from .lexicon import (
    ANAPHORIC_SHIFT,
    PARTS_OF_DAY,
    SEASONS,
    month_number,
    unit_code,
)
from .patterns import (
    MONTH_FULL,
    B,
    E,
)
from .rules import (
    Context,
    Resolution,
    norm,
    rule,
    sentence_start,
)
from .types import TimexType

# "now", "currently", "recently", "the past", "the near future"
_REFERENCE = (
    rf"{B}(?P<x>(?P<present>(?i:now|right\s+now|currently|presently|at\s+present|nowadays|these\s+days"
    rf"|the\s+present))"
    rf"|(?P<past>(?i:recently|lately|the\s+past|the\s+recent\s+past|formerly|former|the\s+old\s+days"
    rf"|in\s+recent\s+times))"
    rf"|(?P<future>(?i:the\s+(?:near\s+|distant\s+|foreseeable\s+|not-too-distant\s+|not\s+too\s+distant\s+)?future"
    rf"|the\s+near[-\s]term|the\s+short\s+term|the\s+years\s+ahead"
    rf"|the\s+days\s+ahead|the\s+weeks\s+ahead|the\s+months\s+ahead))){E}"
)


def reference(m: re.Match[str], ctx: Context) -> Resolution | None:
    if m["present"]:
        if (
            norm(m["present"]) == "now"
            and sentence_start(ctx.text, m.start("x"))
            and ctx.text.startswith(",", m.end("x"))
        ):
            return None  # "Now, ..." opening a sentence is a discourse marker, not a time
        return Resolution("PRESENT_REF", why="the time of writing")
    if m["past"]:
        if norm(m["past"]) == "former" and not ctx.narrative:
            return None  # TIMEX2 (WikiWars) marks "former"; TimeML news annotation does not
        return Resolution("PAST_REF", why="an unspecified time before the time of writing")
    return Resolution("FUTURE_REF", why="an unspecified time after the time of writing")


# "that day", "the same year", "the following week", "the day before", "that morning", "the year previous",
# "the same month a year ago", "the week before last"
_ANAPHORIC = (
    rf"{B}(?P<x>(?P<rel>(?i:that|the\s+same|the\s+following|the\s+previous|the\s+preceding|the\s+prior"
    rf"|the\s+next|later\s+that|earlier\s+that|by\s+that))\s+(?P<unit>(?i:day|week|weekend|month|year|morning"
    rf"|afternoon|evening|night|quarter|summer|winter|spring|fall|autumn|decade)|(?P<mon>{MONTH_FULL}))"
    rf"(?:\s+(?P<year_back>(?i:a\s+year\s+(?:ago|earlier|before)|(?:of\s+)?(?:last|the\s+(?:previous|prior))\s+year"
    rf"|the\s+year\s+before)))?"
    rf"|(?i:the\s+(?P<baunit>day|week|month|year)\s+(?P<ba>before|after|previous|prior|earlier))"
    rf"(?:\s+(?P<before_last>(?i:last))(?=\s*(?:[.,;:!?)\"”]|$)))?(?!\s+(?i:yesterday|tomorrow))){E}"
)

_DAY_SIZED = frozenset({"day", "morning", "afternoon", "evening", "night"})


# a lower-case word after "the day before" starts an event ("authorities issued", "the plunge"); "last"
# starts a date, and a conjunction, preposition or pronoun leaves "the day before" standing alone
_EVENT_AFTER = re.compile(
    r"\s+(?!(?:last|this|next|and|or|but|when|while|as|at|in|on|to|from|with|by|for|he|she|they|it|we|i)\b)[a-z]"
)


# "the day before", "the year previous": relation words after the unit
_POSTPOSED_SHIFT = {"before": -1, "previous": -1, "prior": -1, "earlier": -1, "after": 1}


def _before_or_after(m: re.Match[str], ctx: Context, base: dt.date, ba_unit: str) -> Resolution | None:
    """ "the day before", "the year after": one unit from the date last mentioned."""
    # "the day before authorities issued a warrant": counted from an event news gives no date for; a
    # narrative has just dated its events ("The day after the battle" follows "8 August 1918").
    if not ctx.narrative and _EVENT_AFTER.match(ctx.text, m.end("x")):
        return None
    unit = unit_code(ba_unit)
    if m["before_last"]:
        # "the week before last": two weeks back from the anchor, whatever was mentioned last
        if m["ba"].lower() != "before":
            return None
        d = cal.shift(ctx.anchor, -2, unit)
        return Resolution(cal.value_at(d, unit), why=f"the {ba_unit} before the last one", anchor=ctx.anchor)
    d = cal.shift(base, _POSTPOSED_SHIFT[m["ba"].lower()], unit)
    why = f"the {ba_unit} {m['ba'].lower()} the date last mentioned"
    return Resolution(cal.value_at(d, unit), why=why, anchor=base)


def _anaphoric_month(m: re.Match[str], rel: str, shift: int, base: dt.date) -> Resolution | None:
    """ "closed in March 2020 and reopened the following September": the first September after it."""
    month_no = month_number(m["mon"])
    if rel in ("the next", "later that", "earlier that", "by that"):
        return None
    year = base.year
    if shift > 0 and month_no <= base.month:
        year += 1
    elif shift < 0 and month_no >= base.month:
        year -= 1
    return Resolution(f"{year:04d}-{month_no:02d}", why=f"{rel} {m['mon']}, from the date last mentioned", anchor=base)


def anaphoric(m: re.Match[str], ctx: Context) -> Resolution | None:
    ba_unit = norm(m["baunit"])
    base = ctx.mentioned(to_the_day=ba_unit == "day" or norm(m["unit"]) in _DAY_SIZED)
    if m["ba"]:
        return _before_or_after(m, ctx, base, ba_unit)
    if m["year_back"]:
        # "sales fell from the same month a year ago": that month, a year before the date it points back to
        base = cal.shift(base, -1, "Y")
    rel = norm(m["rel"])
    shift = ANAPHORIC_SHIFT[rel]
    mod = {"later that": "END", "earlier that": "START"}.get(rel)
    if m["mon"]:
        return _anaphoric_month(m, rel, shift, base)
    word = norm(m["unit"])
    if word in PARTS_OF_DAY:
        d = base + dt.timedelta(days=shift)
        return Resolution(
            f"{d.isoformat()}T{PARTS_OF_DAY[word]}", TimexType.TIME, why=f"{rel} {word}", mod=mod, anchor=base
        )
    if ctx.narrative and ctx.bc_year is not None and word in ("year", "decade"):
        # Years before the common era count down: the year after 491 BC is 490 BC.
        if word == "year":
            return Resolution(f"BC{ctx.bc_year - shift:04d}", why=f"{rel} year, counted in years BC", mod=mod)
        return Resolution(f"BC{(ctx.bc_year - 10 * shift) // 10:03d}", why=f"{rel} decade, counted BC", mod=mod)
    if word in SEASONS:
        return Resolution(f"{base.year + shift}-{SEASONS[word]}", why=f"{rel} {word}", mod=mod, anchor=base)
    unit = unit_code(word)
    d = cal.shift(base, shift, unit)
    return Resolution(
        cal.value_at(d, unit),
        why=f"{rel} {word}, from the date last mentioned",
        mod=mod,
        anchor=base,
    )


REFERENCE = rule(
    "reference", _REFERENCE, cues={"reference", "these"}, reach=(30, 40), resolve=reference, reads_anchor=False
)
ANAPHORIC = rule("anaphoric", _ANAPHORIC, cues={"unit", "pod", "season", "month"}, reach=(30, 30), resolve=anaphoric)


# "shares rose 3% to end the day at 7,114", "down 12 points on the day", "he started the day third": in
# market and sports reports "the day" is the one being narrated. Only after the words that make it a
# trading or playing day: TimeBank leaves "later in the day" and "during the day" unannotated as often as not,
# and "the day when ...", "heroes of the day", "the day before" are no such report.
_NARRATED_DAY = (
    r"(?:\b(?i:end|ends|ended|ending|close|closes|closed|closing|finish|finishes|finished|finishing|start|starts"
    r"|started|starting|begin|begins|began|beginning|open|opens|opened|opening|(?:for|on)(?=\s+the\s+day\s*[.,;]))"
    r"\s+)(?P<x>(?i:the\s+day))(?!\s+(?i:before|after|when|that|of|in\s+which|on\s+which))(?!\w)"
)


def narrated_day(m: re.Match[str], ctx: Context) -> Resolution:
    """The last day the text named, else the publication day."""
    day = ctx.mentioned(to_the_day=True)
    return Resolution(day.isoformat(), why="the day the report narrates", anchor=day)


NARRATED_DAY = rule("narrated_day", _NARRATED_DAY, cues={"day_word"}, reach=(20, 4), resolve=narrated_day)
