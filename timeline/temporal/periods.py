"""Periods and quarters: "last week", "this year", "the current quarter", "the third quarter", "Q3 2022",
"year-earlier", "year-end".
"""

from __future__ import annotations

import datetime as dt
import re

from . import calendar as cal
from .lexicon import (
    RELATION_SHIFT,
    month_number,
)
from .patterns import (
    MONTH,
    POINT_MOD,
    YEAR,
    B,
    E,
)
from .rules import (
    Context,
    Resolution,
    last_completed_quarter,
    norm,
    point_mod,
    rule,
    sentence_start,
    speaks_of_quarters,
)
from .tense import Tense
from .types import TimexType

# "last week", "this month", "next year", "earlier this week", "the weekend", "the current quarter"
_CALENDAR_PERIOD = (
    rf"{B}(?P<x>{POINT_MOD}(?P<rel>(?i:this\s+year's|last\s+year's|next\s+year's|this\s+past|the\s+current"
    rf"|the\s+coming|the\s+latest|the\s+most\s+recent|the\s+year-earlier|the\s+year-ago|the\s+comparable"
    rf"|the\s+corresponding|the\s+fiscal|this\s+fiscal|last\s+fiscal|next\s+fiscal|last|this|next|current"
    rf"|coming|its|their|year-earlier|year-ago|fiscal|the\s+full|the\s+entire|the\s+whole|full"
    rf"|the\s+(?P<ryear>{YEAR})|the))[-\s]+"
    rf"(?P<unit>(?i:week|weekend|month|year|quarter|period|decade|century|fiscal\s+year|financial\s+year"
    rf"|nine\s+months|six\s+months|half|first\s+half|second\s+half))"
    rf"(?:\s+(?P<ago>(?i:a\s+year\s+(?:ago|earlier)|last\s+year|of\s+last\s+year)))?){E}(?!-)"
    rf"(?P<ended>\s+(?i:ended|ending|to\s+date)(?:\s+(?P<endmonth>{MONTH})(?![a-z]))?)?"
)


# How the relation words this rule captures move a period; the possessive years ("last year's
# profit") count like "last", and "the", "its" or "the latest" name the period the anchor is in.
_PERIOD_SHIFT: dict[str, int] = {
    **RELATION_SHIFT,
    "last year's": -1,
    "this year's": 0,
    "next year's": 1,
    "the": 0,
    "its": 0,
    "their": 0,
    "the latest": 0,
    "the most recent": 0,
}
_YEAR_AGO = frozenset({"year-earlier", "the year-earlier", "year-ago", "the year-ago"})
# "the year-ago quarter", "the comparable period", "last year's quarter": the same quarter a year before
_YEAR_BACK = _YEAR_AGO | {"the comparable", "the corresponding", "last year's"}
_FISCAL = frozenset({"fiscal", "the fiscal", "this fiscal", "last fiscal", "next fiscal"})
_WHOLE = frozenset({"full", "the full", "the entire", "the whole"})
_YEAR_UNITS = frozenset({"year", "fiscal year", "financial year"})
_UNITS = {"week": "W", "weekend": "WE", "month": "M", "year": "Y", "decade": "DE", "century": "CE"}


def calendar_period(m: re.Match[str], ctx: Context) -> Resolution | None:
    rel = norm(m["rel"])
    unit_raw = norm(m["unit"])
    if m["ended"] and unit_raw in _YEAR_UNITS:
        # "the year ended June 30" names a twelve-month span, not the calendar year
        return Resolution("P1Y", TimexType.DURATION, why="a fiscal year ending on a given day")
    if unit_raw in ("nine months", "six months"):
        if rel not in ("the", "the latest", "the year-earlier", "the comparable", "the corresponding"):
            return None
        return Resolution(f"P{9 if unit_raw.startswith('nine') else 6}M", TimexType.DURATION, why="a span of months")
    if unit_raw in ("half", "first half", "second half"):
        return _half_year(m, rel, unit_raw, ctx.anchor)
    if "fiscal" in unit_raw or "financial" in unit_raw or rel in _FISCAL:
        return _fiscal_period(m, rel, unit_raw, ctx.anchor)
    if m["ryear"]:
        return _period_of_named_year(m, unit_raw, ctx.anchor)
    if rel in _WHOLE:
        if unit_raw != "year":
            return None
        return Resolution(
            f"{ctx.anchor.year:04d}", why="the whole of the anchor's year", mod=point_mod(m), anchor=ctx.anchor
        )
    if unit_raw in ("quarter", "period"):
        return _quarter(m, ctx, rel, unit_raw)
    return _calendar_unit(m, ctx, rel, unit_raw)


def _half_year(m: re.Match[str], rel: str, unit_raw: str, anchor: dt.date) -> Resolution | None:
    if unit_raw == "half":
        return None
    year = anchor.year + {"last": -1, "last year's": -1, "next": 1, "next year's": 1}.get(rel, 0)
    return Resolution(f"{year}-H{1 if unit_raw == 'first half' else 2}", why="a half of the year", mod=point_mod(m))


def _fiscal_period(m: re.Match[str], rel: str, unit_raw: str, anchor: dt.date) -> Resolution | None:
    if unit_raw not in ("quarter", *_YEAR_UNITS):
        return None
    shift = -1 if "last" in rel else 1 if "next" in rel else 0
    unit = "Q" if unit_raw == "quarter" else "Y"
    value = cal.value_at(cal.shift(anchor, shift, unit), unit)
    return Resolution(value, why="the fiscal period of the anchor", mod=point_mod(m))


def _period_of_named_year(m: re.Match[str], unit_raw: str, anchor: dt.date) -> Resolution | None:
    """ "the 1989 quarter", "the 1988 year" """
    if unit_raw in ("quarter", "period"):
        q = last_completed_quarter(anchor)
        return Resolution(
            f"{m['ryear']}-Q{cal.quarter_of(q)}", why="the same quarter of a named year", mod=point_mod(m)
        )
    if unit_raw == "year":
        return Resolution(m["ryear"], why="a named year", mod=point_mod(m))
    return None


def _quarter(m: re.Match[str], ctx: Context, rel: str, unit_raw: str) -> Resolution | None:
    anchor = ctx.anchor
    year_back = rel in _YEAR_BACK or bool(m["ago"])
    if m["endmonth"] and not year_back:
        # "the quarter ended July 31" is May to July, mostly the second calendar quarter: the quarter of
        # its middle month, in the latest year whose month-end is not after the anchor ("the quarter
        # ending March 31" in a clause that looks ahead: the next one).
        end_month = month_number(m["endmonth"])
        month_end = cal.last_day(anchor.year, end_month)
        year = anchor.year if month_end <= anchor else anchor.year - 1
        if "ending" in m["ended"].lower() and ctx.tense(m) is Tense.FUTURE:
            year = anchor.year if month_end > anchor else anchor.year + 1
        middle = cal.add_months(dt.date(year, end_month, 1), -1)
        return Resolution(cal.value_at(middle, "Q"), why="the quarter that ends in the month named", mod=point_mod(m))
    if unit_raw == "period" and not (year_back or rel in ("the latest", "the most recent")):
        return None
    # "last year's quarter" is the quarter just ended, a year back, like "the year-ago quarter"
    shift = (
        None
        if rel in ("last year's", "the", "its", "their", "the latest", "the most recent")
        else _PERIOD_SHIFT.get(rel)
    )
    if shift == 0:
        q = anchor
    elif shift == -1:
        q = cal.add_months(dt.date(anchor.year, anchor.month, 1), -3)
    elif shift == 1:
        q = cal.add_months(anchor, 3)
    else:
        q = last_completed_quarter(anchor)
    if year_back:
        q = cal.add_months(q, -12)
    return Resolution(cal.value_at(q, "Q"), why="the quarter financial news speaks of", mod=point_mod(m), anchor=anchor)


def _calendar_unit(m: re.Match[str], ctx: Context, rel: str, unit_raw: str) -> Resolution | None:
    """ "last week", "this month", "the weekend", "the year-earlier year" """
    unit = _UNITS[unit_raw]
    if m["unit"][0].isupper() and m["rel"][0].isupper() and not sentence_start(ctx.text, m.start("x")):
        return None  # "This Week With David Brinkley" is a programme
    if rel in _YEAR_AGO:
        if unit != "Y":
            return None
        shift = -1
    else:
        shift = _PERIOD_SHIFT.get(rel)
    # "the decade" alone is mostly a length ("over the decade"); "the end of the decade" is a date
    if shift is None or (rel in ("the", "its", "their") and unit in ("DE", "CE") and not m["mod"]):
        return None
    anchor = ctx.anchor
    if unit == "WE":
        # "the weekend" in a report written on a weekday: the one just past unless the clause looks ahead.
        if rel in ("the", "this") and anchor.isoweekday() < 6 and ctx.tense(m) is not Tense.FUTURE:
            shift = -1
        d = cal.shift(anchor, shift, "W")
        return Resolution(
            cal.value_at(d, "WE"), why="a weekend counted from the anchor's week", mod=point_mod(m), anchor=anchor
        )
    d = cal.shift(anchor, shift, unit)
    words = {-1: "the one before the anchor's", 0: "the anchor's own", 1: "the one after the anchor's"}[shift]
    value = cal.value_at(d, unit)
    return Resolution(
        value, why=f"{words} {unit_raw}", mod=point_mod(m), anchor=anchor, interval=_rest_of(m, value, anchor, shift)
    )


def _rest_of(m: re.Match[str], value: str, anchor: dt.date, shift: int) -> tuple[dt.date, dt.date] | None:
    """ "later this year" is what is left of the year after the anchor, "earlier this year" what came
    before it; the value stays the year (with mod END or START, as TimeML writes it)."""
    word = norm(m["mod"])
    span = cal.interval(value)
    if shift != 0 or word not in ("later", "earlier") or span is None:
        return None
    first, last = span[0], span[1]
    if word == "later":
        return min(anchor + dt.timedelta(days=1), last), last
    return first, max(anchor - dt.timedelta(days=1), first)


# "the third quarter", "third-quarter", "the fiscal first quarter of 1990", "the second half", "Q3 2022"
_ORDINAL_QUARTER = (
    rf"{B}(?P<x>{POINT_MOD}(?:(?P<det>(?i:the|this|last|next|its|their|this\s+year's|last\s+year's|next\s+year's"
    rf"|the\s+year-earlier|the\s+year-ago|the\s+same))\s+)?(?:(?P<year>{YEAR})\s+)?(?:(?i:fiscal)[-\s]+)?"
    rf"(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th|final|last))[-\s]+(?P<qh>(?i:quarter|half))"
    rf"(?:\s+(?:(?i:of)\s+)?(?:(?i:fiscal\s+)?(?P<year2>{YEAR})|(?P<rel2>(?i:this|last|next))\s+year"
    rf"|(?P<the_year>(?i:the\s+year))))?"
    rf"|(?P<q>Q[1-4])(?:\s+(?P<year3>{YEAR}))?|(?P<hq>H[12])\s+(?P<year4>{YEAR})){E}"
)

_QUARTER_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def ordinal_quarter(m: re.Match[str], ctx: Context) -> Resolution | None:
    anchor = ctx.anchor
    mod = point_mod(m)
    if m["q"]:
        year = int(m["year3"]) if m["year3"] else anchor.year
        return Resolution(f"{year}-{m['q']}", why="a named quarter", mod=mod)
    if m["hq"]:
        return Resolution(f"{m['year4']}-{m['hq']}", why="a named half year", mod=mod)
    ord_raw = norm(m["ord"])
    kind = norm(m["qh"])
    n = _QUARTER_ORD.get(ord_raw, 4 if kind == "quarter" else 2)
    det = norm(m["det"])
    letter = "Q" if kind == "quarter" else "H"
    months = 3 if kind == "quarter" else 6
    explicit = m["year"] or m["year2"]
    if explicit:
        year = int(explicit)
        why = f"{kind} of a named year"
    elif m["rel2"] or det in (
        "last",
        "next",
        "last year's",
        "next year's",
        "the year-earlier",
        "the year-ago",
        "this year's",
    ):
        rel = norm(m["rel2"]) or det
        year = anchor.year + (-1 if "last" in rel or "year-" in rel else 1 if "next" in rel else 0)
        why = f"{kind} of the year {rel.split()[0]}"
    else:
        year = anchor.year
        start = dt.date(year, months * (n - 1) + 1, 1)
        tense = ctx.tense(m)
        if start > anchor and tense is not Tense.FUTURE:
            year -= 1
            why = f"the latest {kind} of that name (it has not begun in the anchor's year)"
        else:
            why = f"the {kind} of the anchor's year"
    return Resolution(f"{year}-{letter}{n}", why=why, mod=mod, anchor=anchor)


# "year-earlier results", "year-ago profit": the comparable period a year before
_YEAR_AGO_ADJ = rf"{B}(?P<x>(?i:year-(?:earlier|ago)|a\s+year-(?:earlier|ago))){E}(?!-)"


def year_ago_adj(m: re.Match[str], ctx: Context) -> Resolution | None:
    if speaks_of_quarters(ctx, m):
        q = cal.add_months(last_completed_quarter(ctx.reference.date), -12)
        return Resolution(cal.value_at(q, "Q"), why="the same quarter a year before", anchor=ctx.reference.date)
    return Resolution(
        f"{ctx.reference.date.year - 1:04d}", why="the year before the anchor's", anchor=ctx.reference.date
    )


# "year-end", "by year's end", "around year end"
_YEAR_END = (
    rf"{B}(?P<x>(?:(?P<approx>(?i:around|about))\s+)?(?:(?P<rel>(?i:this|last|next|the))[-\s]+)?"
    rf"(?i:year(?:-|\s+|'s\s+)end)){E}"
)


def year_end(m: re.Match[str], ctx: Context) -> Resolution | None:
    rel = norm(m["rel"])
    year = ctx.anchor.year + (-1 if rel == "last" else 1 if rel == "next" else 0)
    return Resolution(f"{year:04d}", why="the end of the anchor's year", mod="END", anchor=ctx.anchor)


CALENDAR_PERIOD = rule("calendar_period", _CALENDAR_PERIOD, cues={"unit"}, reach=(50, 30), resolve=calendar_period)
ORDINAL_QUARTER = rule(
    "ordinal_quarter",
    _ORDINAL_QUARTER,
    cues={"quarter_word", "quarter"},
    reach=(55, 36),
    resolve=ordinal_quarter,
    moves_anchor=True,
)
YEAR_AGO_ADJ = rule("year_ago_adj", _YEAR_AGO_ADJ, cues={"year_word"}, reach=(8, 12), resolve=year_ago_adj)
YEAR_END = rule("year_end", _YEAR_END, cues={"year_word"}, reach=(20, 12), resolve=year_end)
