"""Holidays and seasons: "Christmas", "Thanksgiving Day", "Easter week", "last summer", "the winter of 1941"."""

from __future__ import annotations

import datetime as dt
import re

from dateutil.easter import easter

from . import calendar as cal
from .lexicon import (
    POINT_MODS,
    SEASONS,
    spelled_year,
)
from .patterns import (
    B_RANGE,
    POINT_MOD,
    SPELLED_YEAR,
    YEAR,
    B,
    E,
)
from .rules import (
    RANGE_TAIL_YEAR,
    Context,
    Resolution,
    choose,
    norm,
    point_mod,
    rule,
    sentence_start,
)
from .tense import Tense

# "the summer", "last fall", "spring 2022", "the winter of 1941"
_SEASON = (
    rf"(?:\b(?P<prep>(?i:in|since|until|till|by|during|through|throughout|for|over|before|after))\s+)?"
    rf"{B_RANGE}(?P<x>{POINT_MOD}(?:(?P<rel>(?i:last|this|next|this\s+past|this\s+coming|the\s+coming|the\s+past|the"
    rf"|that|early|late|mid))[-\s]+)?(?P<season>(?i:spring|summer|fall|autumn|winter))"
    rf"(?:\s+(?:(?i:of)\s+)?(?:(?P<bcyear>\d{{1,4}})\s*(?:BC|B\.C\.|BCE)(?!\w)|(?P<year>{YEAR})|(?P<spelled>{SPELLED_YEAR})))?){E}(?!\s+(?i:of)\s+(?!\d))"
)


def season(m: re.Match[str], ctx: Context) -> Resolution | None:
    code = SEASONS[m["season"].lower()]
    rel = norm(m["rel"])
    mod = point_mod(m) or POINT_MODS.get(rel)
    if m["bcyear"]:
        return Resolution(f"BC{int(m['bcyear']):04d}-{code}", why="a season of a year before the common era", mod=mod)
    if m["year"] or m["spelled"]:
        year = m["year"] or spelled_year(m["spelled"])
        if year is None:
            return None
        return Resolution(f"{year}-{code}", why="a season of a named year", mod=mod)
    tail = RANGE_TAIL_YEAR.match(ctx.text, m.end("x"))
    if not (rel or m["prep"] or m["mod"] or tail):
        return None
    if tail and rel not in ("last", "next", "this past", "this coming", "this"):
        return Resolution(f"{tail.group(1)}-{code}", why="the year written at the end of the range", mod=mod)
    after = ctx.text[m.end("x") : m.end("x") + 12]
    if rel in ("the", "a") and re.match(r"\s+(?:in|by|from|to)\s", after):
        return None  # "the fall in prices" is a drop, not autumn
    if m["season"][0].isupper() and re.match(r"\s+[A-Z]", after) and not sentence_start(ctx.text, m.start("x")):
        return None  # "the Winter Olympics", "Spring Festival": a name
    anchor = ctx.anchor
    if ctx.narrative and ctx.bc_year is not None and rel not in ("last", "next", "this past", "this coming"):
        return Resolution(f"BC{ctx.bc_year:04d}-{code}", why="the season in the year BC last mentioned", mod=mod)
    if ctx.narrative and rel not in ("last", "next", "this past", "this coming"):
        return Resolution(f"{anchor.year}-{code}", why="the season in the year of the date last mentioned", mod=mod)
    cur_year, cur_code = cal.season_of(anchor)
    this_start = cal.season_start(anchor.year if not (code == "WI" and anchor.month <= 2) else anchor.year - 1, code)
    cur_start = cal.season_start(cur_year, cur_code)
    past = this_start if this_start <= cur_start else cal.season_start(this_start.year - 1, code)
    future = this_start if this_start >= cur_start else cal.season_start(this_start.year + 1, code)
    if rel in ("last", "this past", "the past"):
        chosen = past if past < cur_start else cal.season_start(past.year - 1, code)
    elif rel in ("next", "this coming", "the coming"):
        chosen = future if future > cur_start else cal.season_start(future.year + 1, code)
    elif rel == "this":
        chosen = this_start
    else:
        chosen, _ = choose(past, future, cur_start, ctx.tense(m), "nearest")
    return Resolution(
        f"{chosen.year}-{code}",
        why=f"{rel or 'the'} {m['season'].lower()} counted from the anchor",
        mod=mod,
        anchor=anchor,
    )


# "Christmas", "New Year's Day", "Thanksgiving Day", "Easter week"
_HOLIDAY = (
    rf"{B}(?P<x>(?:(?P<rel>(?i:last|this|next|this\s+past|this\s+coming))\s+)?(?P<hol>(?:Christmas|X-?mas|(?i:xmas))(?:\s+Day|\s+Eve)?"
    rf"|New\s+Year'?s?(?:\s+Day|\s+Eve)|New\s+Year's|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday|\s+Monday|\s+week)?"
    rf"|Halloween|Independence\s+Day|Valentine's\s+Day|Labor\s+Day|Memorial\s+Day|Veterans\s+Day"
    rf"|Boxing\s+Day|Good\s+Friday|Christmas\s+week|Thanksgiving\s+week|Election\s+Day)(?:,?\s+(?P<year>{YEAR}))?){E}"
)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = cal.last_day(year, month)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def _holiday_date(name: str, year: int) -> dt.date:
    name = re.sub(r"^x-?mas", "christmas", name)
    if name.startswith("christmas eve"):
        return dt.date(year, 12, 24)
    if name.startswith("christmas"):
        return dt.date(year, 12, 25)
    if name.startswith("new year") and name.endswith("eve"):
        return dt.date(year, 12, 31)
    if name.startswith("new year"):
        return dt.date(year, 1, 1)
    if name.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 4, 4)
    if name.startswith("easter monday"):
        return easter(year) + dt.timedelta(days=1)
    if name.startswith("good friday"):
        return easter(year) - dt.timedelta(days=2)
    if name.startswith("easter"):
        return easter(year)
    if name == "halloween":
        return dt.date(year, 10, 31)
    if name == "independence day":
        return dt.date(year, 7, 4)
    if name.startswith("valentine"):
        return dt.date(year, 2, 14)
    if name == "election day":
        # US federal elections: the Tuesday after the first Monday of November
        return _nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)
    if name == "labor day":
        return _nth_weekday(year, 9, 1, 1)
    if name == "memorial day":
        return _nth_weekday(year, 5, 1, -1)
    if name == "veterans day":
        return dt.date(year, 11, 11)
    if name == "boxing day":
        return dt.date(year, 12, 26)
    raise KeyError(name)


def holiday(m: re.Match[str], ctx: Context) -> Resolution | None:
    name = norm(m["hol"])
    week = name.endswith(" week")
    base = name.removesuffix(" week")
    anchor = ctx.anchor
    if m["year"]:
        d = _holiday_date(base, int(m["year"]))
        how = "a holiday of a named year"
    else:
        # "as Easter week began" on its Monday: a holiday week the anchor falls in is that week, not last year's.
        def first_day(d: dt.date) -> dt.date:
            return d - dt.timedelta(days=d.isoweekday() - 1) if week else d

        def last_day(d: dt.date) -> dt.date:
            return first_day(d) + dt.timedelta(days=6) if week else d

        past = _holiday_date(base, anchor.year)
        if first_day(past) > anchor:
            past = _holiday_date(base, anchor.year - 1)
        future = _holiday_date(base, anchor.year)
        if last_day(future) < anchor:
            future = _holiday_date(base, anchor.year + 1)
        rel = norm(m["rel"])
        tense = (
            Tense.PAST
            if rel in ("last", "this past")
            else Tense.FUTURE
            if rel in ("next", "this coming")
            else ctx.tense(m)
        )
        d, how = choose(past, future, anchor, tense, "nearest")
        how = f"{how} {base.title()}"
    value = cal.value_at(d, "W") if week else d.isoformat()
    return Resolution(value, why=how, anchor=anchor)


SEASON = rule("season", _SEASON, cues={"season"}, reach=(50, 36), resolve=season, moves_anchor=True)
HOLIDAY = rule("holiday", _HOLIDAY, cues={"holiday", "weekday"}, reach=(25, 30), resolve=holiday, moves_anchor=True)
