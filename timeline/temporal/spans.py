"""Spans: durations ("nine years", "the past two weeks") and offsets from the anchor ("three days ago",
"a year earlier", "ten days hence").
"""

from __future__ import annotations

import datetime as dt
import re

from . import calendar as cal
from .lexicon import (
    NUMBER_WORD_RE,
    number_value,
    unit_code,
)
from .patterns import (
    AMOUNT_MOD,
    COUNT,
    NUM,
    UNIT,
    B,
    E,
)
from .rules import (
    Context,
    Resolution,
    amount_mod,
    last_completed_quarter,
    norm,
    rule,
    speaks_of_quarters,
)
from .types import TimexType

_DURATION_CODES = {
    "S": ("PT", "S"),
    "MIN": ("PT", "M"),
    "H": ("PT", "H"),
    "D": ("P", "D"),
    "W": ("P", "W"),
    "M": ("P", "M"),
    "Q": ("P", "Q"),
    "Y": ("P", "Y"),
}


# Larger units are written in years; a fraction is written in the next unit down.
_SCALE = {"DE": ("Y", 10), "CE": ("Y", 100), "ML": ("Y", 1000), "FN": ("W", 2), "WE": ("D", 2)}


_FRACTION = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}


_VAGUE_CODES = {"DE": "DE", "CE": "CE", "ML": "ML", "FN": "W", "WE": "WE"}


def duration_value(n: float | None, unit: str) -> str:
    if n is None:
        code = _VAGUE_CODES.get(unit, unit)
        if code == "MIN":
            return "PTXM"
        if code in ("H", "S"):
            return f"PTX{code}"
        return f"PX{code}" if code not in ("DE", "CE", "ML") else f"PX{ {'DE': 'E', 'CE': 'C', 'ML': 'L'}[code] }"
    if unit in _SCALE:
        unit, factor = _SCALE[unit]
        n *= factor
    whole = int(n)
    frac = n - whole
    prefix, letter = _DURATION_CODES[unit]
    if frac and unit in _FRACTION:
        small, per = _FRACTION[unit]
        sprefix, sletter = _DURATION_CODES[small]
        rest = round(frac * per)
        if prefix == "P" and sprefix == "PT":
            return f"P{whole}{letter}T{rest}{sletter}" if whole else f"PT{rest}{sletter}"
        return f"{prefix}{whole}{letter}{rest}{sletter}" if whole else f"{sprefix}{rest}{sletter}"
    return f"{prefix}{whole}{letter}"


def count(raw: str | None) -> tuple[bool, float | None]:
    """(written?, value) of a count; value None when vague ("several", "12 to 18")."""
    if not raw:
        return False, None
    raw_n = norm(raw)
    if re.search(r"\s(?:to|or)\s", raw_n):
        return True, None
    return True, number_value(raw_n)


# "three days ago", "a year earlier", "ten days hence", "six months later"
_OFFSET = (
    rf"{B}(?P<x>{AMOUNT_MOD}(?:(?P<num>{COUNT})[-\s]+)?(?P<unit>{UNIT})(?P<half>\s+(?i:and\s+a\s+half))?"
    rf"(?P<approx>\s+(?i:or\s+so|or\s+(?:two|three|more)))?"
    rf"\s+(?P<dir>(?i:ago|earlier|later|hence|back|before|after|previously|since|on))){E}"
)
# Not "eight years from now": TimeML annotates a duration anchored on a time ("two weeks from today") as
# the duration (P8Y) and the time it counts from (PRESENT_REF), two expressions, and so does the engine;
# `resolve_expression` reads the pair back as the date it points to.


_BACK = frozenset({"ago", "earlier", "before", "back", "previously"})


def offset(m: re.Match[str], ctx: Context) -> Resolution | None:
    unit = unit_code(m["unit"])
    direction = norm(m["dir"])
    written, n = count(m["num"])
    if m["half"] and n is not None:
        n += 0.5
    if not written and not m["unit"].lower().endswith("s"):
        return None  # "year ago" without a count is no expression; "years later" is a vague one
    if _not_an_offset(m, ctx, direction):
        return None
    if direction in ("later", "after", "before") and not ctx.narrative:
        # News annotation (TimeBank) reads "three days later" as the length of the gap.
        return Resolution(duration_value(n, unit), TimexType.DURATION, why="a gap after an event", mod=amount_mod(m))
    back = direction in _BACK
    mod = "APPROX" if m["approx"] else amount_mod(m)  # "a week or so ago"
    if mod in ("LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"):
        # "more than a year ago" is before the date a year back; "less than a year ago" after it
        mod = {"LESS_THAN": "AFTER" if back else "BEFORE", "MORE_THAN": "BEFORE" if back else "AFTER"}.get(
            mod, "APPROX"
        )
    if n is None:
        value = "PAST_REF" if back else "FUTURE_REF"
        return Resolution(value, why="a vague distance from the anchor", mod=mod, anchor=ctx.anchor)
    if unit in ("H", "MIN", "S"):
        return _hours_from_publication(ctx, unit, -n if back else n, mod)
    return _offset_date(m, ctx, unit, n, back, mod)


def _not_an_offset(m: re.Match[str], ctx: Context, direction: str) -> bool:
    if direction in ("since", "on"):
        return True
    if re.match(r"\s+(?i:than|that)\b", ctx.text[m.end("x") : m.end("x") + 6]):
        return True  # "a year earlier than planned" compares; the duration alone is the timex
    followed = re.match(r"\s*[\w$]", ctx.text[m.end("x") : m.end("x") + 3])
    # "two days before the vote" in news: the duration alone is the timex
    return bool(direction in ("before", "after") and followed and not ctx.narrative)


def _hours_from_publication(ctx: Context, unit: str, n: float, mod: str | None) -> Resolution:
    """ "three hours ago": a time of day when the publication time is known, else the anchor day."""
    anchor = ctx.anchor
    clock = ctx.reference.time
    if clock is None or ctx.narrative:
        return Resolution(anchor.isoformat(), why="a distance in hours from the anchor day", mod=mod, anchor=anchor)
    moment = dt.datetime.combine(anchor, clock) + dt.timedelta(seconds={"H": 3600, "MIN": 60, "S": 1}[unit] * n)
    return Resolution(
        moment.strftime("%Y-%m-%dT%H:%M"),
        TimexType.TIME,
        why=f"counted from the publication time {clock.strftime('%H:%M')}",
        mod=mod,
        anchor=anchor,
    )


def _offset_date(m: re.Match[str], ctx: Context, unit: str, n: float, back: bool, mod: str | None) -> Resolution:
    anchor = ctx.anchor
    if unit in ("WE", "FN"):
        unit, n = ("W", n * (2 if unit == "FN" else 1))
    if ctx.narrative and ctx.bc_year is not None and unit in ("Y", "DE"):
        years = round(n * (10 if unit == "DE" else 1))
        bc = ctx.bc_year + years if back else ctx.bc_year - years
        if bc > 0:
            value = f"BC{bc:04d}" if unit == "Y" else f"BC{bc // 10:03d}"
            return Resolution(value, why="years counted from a year before the common era", mod=mod)
    if unit == "Y" and n == 1 and speaks_of_quarters(ctx, m):
        # "profit rose from $5 million a year earlier": the comparison is between quarters.
        q = cal.add_months(last_completed_quarter(ctx.reference.date), -12)
        return Resolution(cal.value_at(q, "Q"), why="the same quarter a year before", mod=mod, anchor=anchor)
    sign = -1 if back else 1
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months:
        d = cal.add_months(anchor, sign * round(n * months))
    else:
        d = anchor + dt.timedelta(days=sign * round({"D": 1, "W": 7}[unit] * n))
    value_unit = unit if unit in ("D", "W", "M", "Q", "Y", "DE", "CE") else "D"
    word = "before" if back else "after"
    return Resolution(
        cal.value_at(d, value_unit),
        why=f"{norm(m['num'])} {norm(m['unit'])} {word} the anchor",
        mod=mod,
        anchor=anchor,
    )


# "nine years", "the past two weeks", "24 hours", "an eight-month war", "the first nine months", "weeks"
_DURATION = (
    rf"{B}(?P<x>{AMOUNT_MOD}(?:(?P<the>(?i:the|each\s+of\s+the|all))\s+(?![\w.]+-\w))?(?:(?P<rel>(?i:past|last|next|first"
    rf"|previous|coming|following|final|latest|remaining|initial|preceding|prior|recent|ensuing|same))\s+)?"
    # "12 to 18 months" is one vague length, but after "between" each number is one (see _RANGE_START)
    rf"(?:(?P<num>(?<![Bb]etween\s)(?:\d+\s+to\s+\d+|(?i:{NUMBER_WORD_RE})\s+(?:to|or)\s+(?i:{NUMBER_WORD_RE}))"
    rf"|{COUNT})[-\s]+)?"
    rf"(?:(?i:more|additional|extra|straight|consecutive|full|trading|business|calendar|long|short)[-\s]+)?"
    rf"(?P<unit>{UNIT})(?P<suffix>(?i:[-\s]long|[-\s]old|-plus))?(?P<half>\s+(?i:and\s+a\s+half))?){E}"
)


def duration(m: re.Match[str], ctx: Context) -> Resolution | None:
    unit_raw = m["unit"].lower()
    unit = unit_code(unit_raw)
    written, n = count(m["num"])
    rel = norm(m["rel"])
    plural = unit_raw.endswith("s") and not unit_raw.endswith("ss")
    if not written:
        if plural and rel == "recent" and unit == "Y":
            return Resolution("PAST_REF", why="recent years: an unspecified time before the anchor")
        is_length, n = _uncounted(m, rel, unit_raw, plural)
        if not is_length:
            return None
    elif n is None and m["num"] and norm(m["num"]) in ("a", "an"):
        n = 1
    if m["half"] and n is not None:
        n += 0.5  # "a minute and a half"
    if _miscounted(m, rel, written, n, plural, unit) or _not_a_duration(m, ctx, unit, n):
        return None
    return Resolution(duration_value(n, unit), TimexType.DURATION, why="a length of time", mod=amount_mod(m))


# "the following day", "last week": the anaphoric and calendar rules read these
_POINT_RELATIONS = frozenset(
    {"first", "same", "previous", "preceding", "prior", "following", "ensuing", "final", "initial", "next"}
)


def _uncounted(m: re.Match[str], rel: str, unit_raw: str, plural: bool) -> tuple[bool, float | None]:
    """(a length at all?, its count) of a unit written without a number: "the past year", "a month-long", "weeks"."""
    if plural:
        return not (unit_raw in ("nights", "seconds", "hours", "minutes") and not rel), None
    if m["suffix"]:
        return True, 1
    if not rel or rel in _POINT_RELATIONS or (rel in ("last", "latest", "recent") and not m["the"]):
        return False, None
    return True, 1


def _miscounted(m: re.Match[str], rel: str, written: bool, n: float | None, plural: bool, unit: str) -> bool:
    """ "the a day", "zero days", a bare "weekend": counts no length is read from."""
    if m["the"] and not rel and written and n == 1 and not plural and norm(m["num"]) in ("a", "an"):
        return True
    return (written and n == 0) or (unit == "WE" and n == 1 and not written)


_AGE = re.compile(r"(?i:[-\s]+old\b)")


_PER_UNIT_BEFORE = re.compile(
    r"(?:\d|million|billion|thousand|hundred|cents?|dollars?|percent|%|times)\s*$", re.IGNORECASE
)


def _not_a_duration(m: re.Match[str], ctx: Context, unit: str, n: float | None) -> bool:
    """Ages ("a 6-year-old"), rates ("$2 million a year"), fractions ("three-quarters") and years
    read as counts ("the 1988 quarter") look like durations but are not annotated as such."""
    text = ctx.text
    end = m.end("x")
    suffix = norm(m["suffix"])
    if suffix.endswith("old") or _AGE.match(text, end):
        return True
    num = norm(m["num"])
    if num in ("a", "an") and not m["rel"]:
        if _PER_UNIT_BEFORE.search(text, max(0, m.start("x") - 20), m.start("x")):
            return True
        if unit in ("S", "MIN") and not m["half"]:
            return True  # "a second group", "a minute's silence"
    if unit == "Q" and text[max(0, m.start("unit") - 1) : m.start("unit")] == "-":
        return True
    if unit == "Q" and re.match(r"\s+of\s+(?:its|the|a|an|his|her|their|our|all)\b", text[end : end + 12]):
        return True
    # "the 1988 quarter" names a year; "1000 hours" (plural) is a count
    return bool(n is not None and 1000 <= n <= 2100 and re.fullmatch(r"\d{4}", num) and not m["unit"].endswith("s"))


OFFSET = rule("offset", _OFFSET, cues={"unit"}, reach=(50, 16), resolve=offset)
DURATION = rule("duration", _DURATION, cues={"unit"}, reach=(60, 14), resolve=duration, reads_anchor=False)


# "between 12 and 18 months", "between two to six days": the first half of a range takes the unit written
# after the second.
_RANGE_START = (
    rf"\b(?i:between)\s+(?P<x>(?P<num>{NUM}))\s+(?i:and|to)\s+{NUM}[-\s]+(?P<unit>{UNIT})"
    rf"(?!\s+(?i:ago|earlier|later|before|after|old|of\s+age)\b)(?![-\w])"
)


def range_start(m: re.Match[str], ctx: Context) -> Resolution | None:
    _, n = count(m["num"])
    if n is None or n == 0:
        return None
    unit = unit_code(m["unit"])
    return Resolution(duration_value(n, unit), TimexType.DURATION, why=f"the first half of a range of {m['unit']}")


RANGE_START = rule(
    "range_start", _RANGE_START, cues={"between"}, reach=(0, 80), resolve=range_start, reads_anchor=False
)
