"""Holidays and seasons: "Christmas", "Thanksgiving Day", "Easter week", "last summer", "the winter of 1941"."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from dateutil.easter import easter

from . import calendar as cal
from .lexicon import (
    POINT_MODS,
    RELATION_SHIFT,
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
    NOT_A_DATE,
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


# Relations that name a season of their own even in a narrative ("next summer").
_FROM_PUBLICATION = frozenset({"last", "next", "this past", "this coming"})


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
    if tail and rel not in (*_FROM_PUBLICATION, "this"):
        return Resolution(f"{tail.group(1)}-{code}", why="the year written at the end of the range", mod=mod)
    after = ctx.text[m.end("x") : m.end("x") + 12]
    if rel in ("the", "a") and re.match(r"\s+(?:in|by|from|to)\s", after):
        return None  # "the fall in prices" is a drop, not autumn
    if m["season"][0].isupper() and re.match(r"\s+[A-Z]", after) and not sentence_start(ctx.text, m.start("x")):
        return None  # "the Winter Olympics", "Spring Festival": a name
    if ctx.narrative and rel not in _FROM_PUBLICATION:
        if ctx.bc_year is not None:
            return Resolution(f"BC{ctx.bc_year:04d}-{code}", why="the season in the year BC last mentioned", mod=mod)
        return Resolution(f"{ctx.anchor.year}-{code}", why="the season in the year of the date last mentioned", mod=mod)
    return _season_from_anchor(m, ctx, code, rel, mod)


def _season_from_anchor(m: re.Match[str], ctx: Context, code: str, rel: str, mod: str | None) -> Resolution:
    """ "last summer", "this winter", "the fall": the season counted from the anchor's own season."""
    anchor = ctx.anchor
    cur_year, cur_code = cal.season_of(anchor)
    this_start = cal.season_start(anchor.year if not (code == "WI" and anchor.month <= 2) else anchor.year - 1, code)
    cur_start = cal.season_start(cur_year, cur_code)
    past = this_start if this_start <= cur_start else cal.season_start(this_start.year - 1, code)
    future = this_start if this_start >= cur_start else cal.season_start(this_start.year + 1, code)
    shift = RELATION_SHIFT.get(rel)
    if shift == -1:
        chosen = past if past < cur_start else cal.season_start(past.year - 1, code)
    elif shift == 1:
        chosen = future if future > cur_start else cal.season_start(future.year + 1, code)
    elif shift == 0:
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
    rf"|Boxing\s+Day|Good\s+Friday|Christmas\s+week|Thanksgiving\s+week|Election\s+Day|Black\s+Friday|Cyber\s+Monday)(?:,?\s+(?P<year>{YEAR}))?){E}"
)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = cal.last_day(year, month)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


# Each holiday's date in a given year, tried in order on the normalised name ("christmas eve" before "christmas").
_HOLIDAYS: tuple[tuple[re.Pattern[str], Callable[[int], dt.date]], ...] = tuple(
    (re.compile(pattern), day)
    for pattern, day in (
        (r"christmas eve", lambda y: dt.date(y, 12, 24)),
        (r"christmas", lambda y: dt.date(y, 12, 25)),
        (r"new year.*eve$", lambda y: dt.date(y, 12, 31)),
        (r"new year", lambda y: dt.date(y, 1, 1)),
        (r"thanksgiving", lambda y: _nth_weekday(y, 11, 4, 4)),
        # the shopping days after Thanksgiving
        (r"black friday$", lambda y: _nth_weekday(y, 11, 4, 4) + dt.timedelta(days=1)),
        (r"cyber monday$", lambda y: _nth_weekday(y, 11, 4, 4) + dt.timedelta(days=4)),
        (r"easter monday", lambda y: easter(y) + dt.timedelta(days=1)),
        (r"good friday", lambda y: easter(y) - dt.timedelta(days=2)),
        (r"easter", easter),
        (r"halloween$", lambda y: dt.date(y, 10, 31)),
        (r"independence day$", lambda y: dt.date(y, 7, 4)),
        (r"valentine", lambda y: dt.date(y, 2, 14)),
        # US federal elections: the Tuesday after the first Monday of November
        (r"election day$", lambda y: _nth_weekday(y, 11, 1, 1) + dt.timedelta(days=1)),
        (r"labor day$", lambda y: _nth_weekday(y, 9, 1, 1)),
        (r"memorial day$", lambda y: _nth_weekday(y, 5, 1, -1)),
        (r"veterans day$", lambda y: dt.date(y, 11, 11)),
        (r"boxing day$", lambda y: dt.date(y, 12, 26)),
    )
)


def _holiday_date(name: str, year: int) -> dt.date:
    name = re.sub(r"^x-?mas", "christmas", name)
    for pattern, day in _HOLIDAYS:
        if pattern.match(name):
            return day(year)
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


# Days news names after what happened on them, once: "since Black Monday", "after 9/11", "VE Day". Each is
# that one date, never a weekday near publication; a name several days share ("Bloody Sunday") is no date,
# and is blocked so that it does not read as last Sunday either.
_NAMED_DAYS: tuple[tuple[str, dt.date | None], ...] = (
    (r"Black\s+Monday", dt.date(1987, 10, 19)),  # the stock market crash
    (r"Black\s+Tuesday", dt.date(1929, 10, 29)),
    (r"Black\s+Thursday", dt.date(1929, 10, 24)),
    (r"Black\s+Wednesday", dt.date(1992, 9, 16)),  # sterling leaves the ERM
    (r"9/11", dt.date(2001, 9, 11)),
    (r"V-?E\s+(?i:day)", dt.date(1945, 5, 8)),
    (r"V-?J\s+(?i:day)", dt.date(1945, 8, 15)),
    (r"D-(?i:day)", dt.date(1944, 6, 6)),
    (r"Bloody\s+(?:Sunday|Monday|Friday|Saturday)", None),
)
_NAMED_DAY_PATTERNS = tuple((re.compile(pattern), day) for pattern, day in _NAMED_DAYS)
# (the lookahead on the first letters lets the regex skip most positions at once)
_NAMED_DAY = rf"(?=[BVD9])(?<![\w/\-])(?P<x>{'|'.join(f'(?:{pattern})' for pattern, _ in _NAMED_DAYS)})(?![\w/]|-\d)"


def named_day(m: re.Match[str], ctx: Context) -> Resolution:
    day = next(day for pattern, day in _NAMED_DAY_PATTERNS if pattern.fullmatch(m["x"]))
    if day is None:
        return NOT_A_DATE
    return Resolution(day.isoformat(), why=f"the day named {' '.join(m['x'].split())}")


NAMED_DAY = rule(
    "named_day",
    _NAMED_DAY,
    cues={"weekday", "numeric", "named_day"},
    reach=(8, 8),
    resolve=named_day,
    reads_anchor=False,
)
