"""Months: "in September", "last December", "September 2022", and the weeks of a month ("the week of
March 6", "the first week of March").
"""

from __future__ import annotations

import datetime as dt
import re

from . import calendar as cal
from .lexicon import (
    ORDINALS,
    RELATION_SHIFT,
    month_number,
    spelled_year,
)
from .patterns import (
    B_RANGE,
    DAY,
    MONTH,
    MONTH_ABBR,
    MONTH_FULL,
    POINT_MOD,
    SPELLED_YEAR,
    YEAR,
    B,
    E,
)
from .rules import (
    NOT_A_DATE,
    RANGE_TAIL_YEAR,
    Context,
    Resolution,
    choose,
    norm,
    point_mod,
    rule,
    safe_date,
    year_number,
)
from .tense import Tense

# "the week of March 6", "the first week of March", "the last week of June 2022"
_WEEK_OF = (
    rf"{B}(?P<x>(?i:the\s+)?(?:(?P<ord>(?i:first|second|third|fourth|last|final))\s+)?(?i:week)\s+(?i:of)\s+"
    rf"(?:(?P<mon>{MONTH})\s+(?P<day>{DAY})|(?P<mon2>{MONTH_FULL}|{MONTH_ABBR}))(?:,?\s+(?P<year>{YEAR}))?){E}"
)


def _nth_thursday(year: int, month: int, n: int) -> dt.date:
    """The n-th Thursday of a month (n = -1: the last). A week belongs to the month that holds its
    Thursday, as ISO 8601 gives a week to the year that holds its Thursday: then "the last week of
    March" is the last week with most of its days in March, not the one holding March 31 on a Monday."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(4 - first.isoweekday()) % 7 + 7 * (n - 1))
    last = cal.last_day(year, month)
    return last - dt.timedelta(days=(last.isoweekday() - 4) % 7)


def week_of(m: re.Match[str], ctx: Context) -> Resolution | None:
    month = month_number(m["mon"] or m["mon2"])
    anchor = ctx.anchor
    if m["year"]:
        year = int(m["year"])
    elif ctx.narrative:
        year = anchor.year
    else:
        first = dt.date(anchor.year, month, 1)
        year = (
            anchor.year - 1
            if (first - anchor).days > 183
            else anchor.year + 1
            if (anchor - first).days > 213
            else anchor.year
        )
    if m["day"]:
        d = safe_date(year, month, int(re.match(r"\d+", m["day"]).group()))
        if d is None:
            return NOT_A_DATE
        why = "the week holding that day"
    else:
        ordinal = norm(m["ord"]) or "first"
        d = _nth_thursday(year, month, ORDINALS[ordinal])
        why = f"the {ordinal} week of the month (the ISO week with most of its days in it)"
    return Resolution(cal.value_at(d, "W"), why=why, anchor=anchor)


# "September 2022", "Sept. of 1998", "January this year", "July last year"
_MONTH_YEAR = (
    rf"{B_RANGE}(?P<x>{POINT_MOD}(?P<mon>{MONTH})(?:\s+of|,)?\s+(?:(?P<year>{YEAR}|'\d\d(?!\d))"
    rf"|(?P<rel>(?i:this|last|next))\s+year|(?P<spelled>{SPELLED_YEAR})|(?P<bcyear>\d{{1,4}})\s*(?:BC|B\.C\.|BCE)(?!\w))){E}"
)


def month_year(m: re.Match[str], ctx: Context) -> Resolution | None:
    month = month_number(m["mon"])
    if m["bcyear"]:
        return Resolution(
            f"BC{int(m['bcyear']):04d}-{month:02d}", why="a month of a year before the common era", mod=point_mod(m)
        )
    if m["year"] or m["spelled"]:
        year = year_number(m["year"], ctx.anchor) if m["year"] else spelled_year(m["spelled"])
        if year is None:
            return None
        why = "a month of a named year"
    else:
        year = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
        why = f"{m['rel'].lower()} year's month"
    return Resolution(f"{year:04d}-{month:02d}", why=why, mod=point_mod(m))


# "in September", "last December", "early June", "mid-November"
_MONTH = (
    rf"(?:\b(?P<prep>(?i:in|since|until|till|by|from|through|to|during|of|before|after|between|and|or|for"
    rf"|into|throughout|around|like|that|on|each|every|as|the))\s+)?"
    rf"{B}(?P<x>{POINT_MOD}(?:(?P<rel>(?i:last|this|next|this\s+past|this\s+coming|the\s+coming|past|coming))\s+)?"
    rf"(?P<mon>{MONTH_FULL}|(?:Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.)){E}"
)

_BARE_MONTH_NEEDS_CONTEXT = frozenset({"May", "March", "MAY", "MARCH"})


def month(m: re.Match[str], ctx: Context) -> Resolution | None:
    rel = norm(m["rel"])
    mod = point_mod(m)
    if not (m["prep"] or rel or mod) and _bare_word(m, ctx):
        return None
    month_no = month_number(m["mon"])
    tail = None if rel else RANGE_TAIL_YEAR.match(ctx.text, m.end("x"))
    if tail:
        return Resolution(f"{tail.group(1)}-{month_no:02d}", why="the year written at the end of the range", mod=mod)
    if ctx.narrative and not rel:
        if ctx.bc_year is not None:
            return Resolution(f"BC{ctx.bc_year:04d}-{month_no:02d}", why="in the year BC last mentioned", mod=mod)
        year = ctx.anchor.year
        return Resolution(f"{year:04d}-{month_no:02d}", why="in the year of the date last mentioned", mod=mod)
    chosen, how = _month_from_anchor(m, ctx, month_no, rel)
    return Resolution(f"{chosen.year:04d}-{chosen.month:02d}", why=how, mod=mod, anchor=ctx.anchor)


def _bare_word(m: re.Match[str], ctx: Context) -> bool:
    """A month name with nothing around it that makes it one: "May" the modal, "June Carter"."""
    if m["mon"] in _BARE_MONTH_NEEDS_CONTEXT:
        return True
    # "June Carter", "August Wilson": a capitalised word right after is likely a surname.
    after = ctx.text[m.end("x") : m.end("x") + 2]
    return len(after) == 2 and after[0] == " " and after[1].isupper()


def _month_from_anchor(m: re.Match[str], ctx: Context, month_no: int, rel: str) -> tuple[dt.date, str]:
    anchor = ctx.anchor
    name = m["mon"].rstrip(".")
    this_year = dt.date(anchor.year, month_no, 1)
    anchor_month = dt.date(anchor.year, anchor.month, 1)
    past = this_year if this_year <= anchor_month else dt.date(anchor.year - 1, month_no, 1)
    future = this_year if this_year >= anchor_month else dt.date(anchor.year + 1, month_no, 1)
    shift = RELATION_SHIFT.get(rel)
    if shift == -1:
        chosen = past if past < anchor_month else dt.date(anchor.year - 1, month_no, 1)
        return chosen, f"the {name} before the reference month"
    if shift == 1:
        chosen = future if future > anchor_month else dt.date(anchor.year + 1, month_no, 1)
        return chosen, f"the {name} after the reference month"
    if shift == 0:
        return this_year, "the month of the reference year"
    tense = ctx.tense(m, within=60)
    # "by February" points ahead, but "this year through August" in October is the August gone:
    # a deadline is set at most a few months out, as for days ("extended to Nov. 16").
    if tense is None and norm(m["prep"]) in ("by", "until", "till", "through") and (future - anchor).days <= 250:
        tense = Tense.FUTURE
    if tense is None:
        # Without a verb to go by, a month name in news is a past one unless it is just ahead.
        tense = Tense.FUTURE if cal.add_months(anchor_month, 2) >= future else Tense.PAST
    chosen, how = choose(past, future, anchor_month, tense, "past")
    return chosen, f"{how} {name}"


WEEK_OF = rule("week_of", _WEEK_OF, cues={"month"}, reach=(40, 24), resolve=week_of)
MONTH_YEAR = rule("month_year", _MONTH_YEAR, cues={"month"}, reach=(40, 36), resolve=month_year, moves_anchor=True)
MONTH = rule("month", _MONTH, cues={"month"}, reach=(45, 8), resolve=month, moves_anchor=True)
