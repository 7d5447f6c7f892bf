"""Days: dates to the day ("Sept. 27, 2022", "9/28/2022"), weekdays ("last Friday", "Tuesday night")
and the days around the reference ("yesterday", "tonight").
"""

from __future__ import annotations

import datetime as dt
import re

from .absolute import parse_numeric_date
from .lexicon import (
    PARTS_OF_DAY,
    POINT_MODS,
    RELATION_SHIFT,
    month_number,
    weekday_number,
)
from .patterns import (
    B_RANGE,
    DAY,
    JOIN,
    MONTH,
    ORD_WORD_DAY,
    POD,
    POINT_MOD,
    WEEKDAY,
    WEEKDAY_ABBR,
    YEAR,
    B,
    E,
)
from .rules import (
    NOT_A_DATE,
    Context,
    Resolution,
    choose,
    day_number,
    norm,
    point_mod,
    rule,
    safe_date,
    year_number,
)
from .tense import Tense, tense_at
from .types import TimexType

# "Tuesday, Sept. 27, 2022", "Sept. 27", "27 September 2022", "the 27th of September", "March eighth"
_MONTH_DAY = (
    rf"{B_RANGE}(?P<x>(?:(?i:(?:the\s+)?(?:early\s+|late\s+)?(?P<podof>morning|afternoon|evening|night)(?:\s+hours)?"
    rf"\s+of)\s+)?{POINT_MOD}"
    rf"(?:(?:(?i:this\s+coming|this\s+past|this|next|last)\s+)?(?P<wd>{WEEKDAY}|{WEEKDAY_ABBR}){JOIN}(?:the\s+)?)?"
    rf"(?:(?:(?P<mdrel>(?i:last|next|this\s+past|this\s+coming))\s+)?(?P<mon>{MONTH})\s+(?:the\s+)?(?P<day>{DAY}|{ORD_WORD_DAY})"
    rf"|(?:(?i:the)\s+)?(?P<day2>{DAY})(?:\s+of)?\s+(?P<mon2>{MONTH}))"
    rf"(?:{JOIN}(?P<year>{YEAR}|'\d\d(?!\d))|\s+(?P<yrel>(?i:last|this|next))\s+(?i:year))?){E}"
)

_RANGE_YEAR = re.compile(
    r"\s*(?:-|–|to|and|through|until|till)\s*(?:[A-Z][a-z]+\.?\s+)?\d{1,2}(?:st|nd|rd|th)?(?:\s+[A-Z][a-z]+\.?)?,?\s+"
    r"((?:1[0-9]|20)\d\d)(?!\d)"
)


_DEADLINE_BEFORE = re.compile(
    r"\b(?i:by|to|until|till|through|before|around|effective|record|payable|due|expires?|deadline\s+(?:of|is)"
    r"|from|starting|beginning)\s+$"
)


# "the Jan. 14 deadline": the date names the deadline itself, whatever the verb of the sentence.
_DEADLINE_AFTER = re.compile(r"(?:'s|’s)?\s+(?i:deadline|target date|cutoff|cut-off)\b")


def month_day(m: re.Match[str], ctx: Context) -> Resolution | None:
    reading = _month_day(m, ctx)
    if reading is None or not reading.value or not m["podof"]:
        return reading
    # "the night of May 13": the part of that day
    code = PARTS_OF_DAY[m["podof"].lower()]
    return Resolution(
        f"{reading.value}T{code}", TimexType.TIME, why=reading.why, mod=reading.mod, anchor=reading.anchor
    )


def _month_day(m: re.Match[str], ctx: Context) -> Resolution | None:
    g = m.groupdict()
    month = month_number(g["mon"] or g["mon2"])
    day = day_number(g["day"] or g["day2"])
    if day is None or day > 31:
        return NOT_A_DATE
    written = _year_of_day(m, ctx)
    if written is None:
        return _day_from_anchor(m, ctx, month, day)
    year, why, anchor = written
    d = safe_date(year, month, day)
    if d is None:
        return NOT_A_DATE
    return Resolution(d.isoformat(), why=why, mod=point_mod(m), anchor=anchor)


def _year_of_day(m: re.Match[str], ctx: Context) -> tuple[int, str, dt.date | None] | None:
    """(year, why, anchor) when the text settles the year of a day and month; None when the anchor must."""
    if m["year"]:
        return year_number(m["year"], ctx.anchor), "a full date", None
    if m["yrel"]:
        rel = m["yrel"].lower()
        return ctx.anchor.year + RELATION_SHIFT[rel], f"a day of {rel} year", ctx.anchor
    # "from May 15 to August 16, 1988": the year written at the end of a range covers its start too.
    ahead = _RANGE_YEAR.match(ctx.text, m.end("x"))
    if ahead:
        return int(ahead.group(1)), "the year written at the end of the range", None
    if ctx.narrative:
        return ctx.anchor.year, f"the year of the date last mentioned ({ctx.anchor.year})", ctx.anchor
    return None


_NEAREST_FIRST = (0, -1, 1, -2, 2, -3, 3, -4, 4)


def _day_from_anchor(m: re.Match[str], ctx: Context, month: int, day: int) -> Resolution | None:
    """ "June 22" in news: the occurrence the tense, a deadline word or a relation word points to."""
    anchor = ctx.anchor
    mod = point_mod(m)
    if (month, day) == (2, 29) and not m["mdrel"]:
        # A day of leap years only: the article's own year when it has one, else the nearest leap year's.
        leap = next(d for k in _NEAREST_FIRST if (d := safe_date(anchor.year + k, 2, 29)) is not None)
        return Resolution(leap.isoformat(), why="the leap day of the nearest leap year", mod=mod, anchor=anchor)
    candidates = [safe_date(anchor.year + k, month, day) for k in (-1, 0, 1)]
    past = max((c for c in candidates if c and c <= anchor), default=None)
    future = min((c for c in candidates if c and c >= anchor), default=None)
    if past is None or future is None:
        return NOT_A_DATE
    shift = RELATION_SHIFT.get(norm(m["mdrel"]))
    if shift == -1:
        chosen = past if past < anchor else safe_date(anchor.year - 1, month, day) or past
        return Resolution(chosen.isoformat(), why="the last such day before the anchor", mod=mod, anchor=anchor)
    if shift == 1:
        chosen = future if future > anchor else safe_date(anchor.year + 1, month, day) or future
        return Resolution(chosen.isoformat(), why="the next such day after the anchor", mod=mod, anchor=anchor)
    chosen, how = choose(past, future, anchor, _tense_of_day(m, ctx, past, future), "nearest")
    return Resolution(chosen.isoformat(), why=f"{how} such day", mod=mod, anchor=anchor)


def _tense_of_day(m: re.Match[str], ctx: Context, past: dt.date, future: dt.date) -> Tense | None:
    anchor = ctx.anchor
    # Only a verb close by decides; otherwise the nearest occurrence is meant. A deadline word right
    # before the date ("extended to Nov. 16", "payable Dec. 14", "by Oct. 31") names a date of its own
    # that the verb's tense says nothing about.
    deadline = _DEADLINE_BEFORE.search(ctx.text, max(0, m.start("x") - 24), m.start("x")) or _DEADLINE_AFTER.match(
        ctx.text, m.end("x")
    )
    tense = None if deadline else ctx.tense(m, within=50)
    if deadline and (future - anchor).days <= 250 and (anchor - past).days > 45:
        tense = Tense.FUTURE  # deadlines and start dates are announced ahead of them
    # A weekday written beside the date settles which year is meant.
    wd = weekday_number(m["wd"]) if m["wd"] else None
    if wd and past.isoweekday() == wd and future.isoweekday() != wd:
        return Tense.PAST
    if wd and future.isoweekday() == wd and past.isoweekday() != wd:
        return Tense.FUTURE
    return tense


# the second day of a range: "Sept. 27-28", "January 25-29, 1905"
# "April 24 and 25", "May 3 to 5"; not "June 4 and 5,000 people", "May 3 to 5 percent", "and 6 others"
_DAY_RANGE_END = (
    rf"{B}(?P<mon>{MONTH})\s+{DAY}(?:\s*[-–]\s*|\s+(?i:and|to|through|or)\s+)"
    rf"(?P<x>(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])(?![,.]\d)"
    rf"(?!\s*(?:%|-|(?i:percent|per|people|persons|members|men|women|children|years?|months?|days?|weeks?|hours?"
    rf"|minutes?|million|billion|thousand|hundred|times|of|others?|more|additional|dead|killed|injured|wounded)\b))"
    rf"(?:,?\s+(?P<year>{YEAR}))?)"
)

_RANGE_SEPARATOR = re.compile(r"(?:\s*[-–]\s*|\s+(?i:and|to|through|or)\s+)$")


def day_range_end(m: re.Match[str], ctx: Context) -> Resolution | None:
    month = month_number(m["mon"])
    day = int(m["day"])
    if m["year"]:
        year = int(m["year"])
    elif ctx.narrative:
        year = ctx.anchor.year
    else:
        anchor = ctx.anchor
        candidates = [c for k in (-1, 0, 1) if (c := safe_date(anchor.year + k, month, day))]
        past = max((c for c in candidates if c <= anchor), default=None)
        future = min((c for c in candidates if c >= anchor), default=None)
        if past is None or future is None:
            return NOT_A_DATE
        # read the tense around the range's first day, as that day's own rule did, so both ends share a year
        sep = _RANGE_SEPARATOR.search(ctx.text, m.start("mon"), m.start("x"))
        tense = tense_at(ctx.text, m.start("mon"), sep.start() if sep else m.end("x"), within=50)
        year = choose(past, future, anchor, tense, "nearest")[0].year
    d = safe_date(year, month, day)
    if d is None:
        return NOT_A_DATE
    return Resolution(d.isoformat(), why="the last day of a range of days", anchor=ctx.anchor)


# ISO and numeric dates: "2022-09-28", "9/28/2022", "28.09.2022"
_NUMERIC_DATE = (
    r"(?<![\w/.\-])(?P<x>(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)(?:T(?P<isotime>[0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?)(?P<isozone>Z|[+-][0-2]\d:?[0-5]\d)?)?"
    r"|(?P<num>[0-3]?\d[/.][0-3]?\d[/.](?:(?:19|20)\d\d|\d\d)))(?![\w/]|\.\d)"
)


def numeric_date(m: re.Match[str], ctx: Context) -> Resolution | None:
    if m["iso"]:
        try:
            d = dt.date.fromisoformat(m["iso"])
        except ValueError:
            return None
        if m["isotime"]:
            zone = {"timezone": m["isozone"]} if m["isozone"] else {}
            return Resolution(
                f"{d.isoformat()}T{m['isotime'][:5]}", TimexType.TIME, why="an ISO date and time", extra=zone
            )
        return Resolution(d.isoformat(), why="an ISO date")
    d = parse_numeric_date(m["num"])
    if d is None:
        return None
    return Resolution(d.isoformat(), why="a numeric date")


# "Tuesday", "last Friday", "Tuesday night", "late Monday", "this coming Sunday"
_WEEKDAY = (
    rf"(?:\b(?P<prep>(?i:on|by|until|till|since|from|before|after|through))\s+)?"
    rf"{B}(?P<x>(?:(?P<rel>(?i:last|this|next|this\s+coming|this\s+past|coming|past|the\s+following"
    rf"|the\s+previous|the\s+preceding|the\s+next))\s+)?(?:(?P<mod>(?i:early|late|earlier|later))\s+"
    rf"|(?P<overnight>(?i:overnight))\s+)?"
    rf"(?:(?P<wd>{WEEKDAY})(?P<plural>s)?|(?P<wdabbr>(?i:mon|tues?|wed|thu|thurs?|fri|sat|sun))\.?)"
    rf"(?:\s+(?P<pod>{POD})(?P<pod_plural>s)?)?){E}"
)


def _weekday_dates(anchor: dt.date, weekday: int) -> tuple[dt.date, dt.date]:
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    return anchor - dt.timedelta(days=back), anchor + dt.timedelta(days=ahead)


_SHARED_PLURAL = re.compile(
    r"\s+(?:and|or|&)\s+(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:s\b|\s+(?P<pod>(?i:morning|afternoon|evening|night))s\b)"
)


def weekday(m: re.Match[str], ctx: Context) -> Resolution | None:
    if m["wdabbr"]:
        # "Sat", "Sun", "Wed" are words and names too: only "this sat", "next Fri." or "on Sun." date them.
        abbr = m["wdabbr"]
        if not (m["rel"] or (m["prep"] and abbr[0].isupper() and m["x"].endswith("."))):
            return None
    wd = weekday_number(m["wd"] or m["wdabbr"])
    # "overnight Tuesday": the night of that day
    pod = PARTS_OF_DAY.get(norm(m["pod"] or m["overnight"])) or None
    # "on Monday and Tuesday nights": the plural after the pair makes both of them recurring
    shared = None if (m["pod"] or m["plural"] or m["rel"]) else _SHARED_PLURAL.match(ctx.text, m.end("x"))
    if shared:
        pod = PARTS_OF_DAY.get(norm(shared["pod"])) if shared["pod"] else None
    if m["plural"] or m["pod_plural"] or shared:
        if m["rel"]:
            return None
        value = f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else "")
        return Resolution(value, TimexType.SET, why="a recurring weekday")
    chosen, how = _weekday_from_anchor(m, ctx, wd)
    value = chosen.isoformat() + (f"T{pod}" if pod else "")
    mod = POINT_MODS.get(norm(m["mod"])) if m["mod"] else None
    return Resolution(value, TimexType.TIME if pod else TimexType.DATE, why=how, mod=mod, anchor=ctx.anchor)


def _weekday_from_anchor(m: re.Match[str], ctx: Context, wd: int) -> tuple[dt.date, str]:
    anchor = ctx.anchor
    past, future = _weekday_dates(anchor, wd)
    rel = norm(m["rel"])
    shift = RELATION_SHIFT.get(rel)
    if rel in ("the previous", "the preceding") and _mentioned_before(ctx.text, m.start("x"), m["wd"]):
        # "up 2% on Friday and 4.5% from the previous Friday": the week before the Friday just named
        return past - dt.timedelta(days=7), "the week before the one just named"
    if shift == -1:
        return (past if past < anchor else past - dt.timedelta(days=7)), "the one before the anchor"
    if shift == 1:
        return (future if future > anchor else future + dt.timedelta(days=7)), "the one after the anchor"
    if shift == 0:
        return anchor + dt.timedelta(days=wd - anchor.isoweekday()), "the one in the anchor's week"
    # "Wednesday's ruling" names an event already reported, whatever the clause's tense.
    possessive = ctx.text.startswith(("'s", "’s"), m.end("x"))
    chosen, how = choose(past, future, anchor, Tense.PAST if possessive else ctx.tense(m), "past")
    return chosen, f"{how} {(m['wd'] or m['wdabbr']).capitalize()}"


def _mentioned_before(text: str, at: int, word: str | None) -> bool:
    """Whether the same weekday is named, bare, in the text shortly before `at`."""
    if not word:
        return False
    before = text[max(0, at - 300) : at]
    return re.search(rf"(?<!previous )(?<!preceding )\b{word}\b", before, re.IGNORECASE) is not None


# "today", "yesterday afternoon", "tonight", "this morning", "last night", "earlier today"
_DEICTIC = (
    rf"{B}(?P<x>(?:(?P<mod>(?i:early|late|earlier|later))\s+)?(?:(?P<word>(?i:today|yesterday|tomorrow|tonight|tonite|2nite|2day|tmrw?|2morrow|yday))"
    rf"(?:\s+(?P<pod>{POD}))?|(?P<this>(?i:this|last|tomorrow|yesterday))\s+(?P<pod2>{POD})"
    rf"|(?i:the\s+day\s+(?P<ba>before|after)\s+(?P<word2>yesterday|tomorrow))"
    rf"|(?i:(?P<overnight>overnight))"
    rf"|(?i:mid[-\s]?(?P<midpod>morning|afternoon|evening))(?:\s+(?P<word3>(?i:today|yesterday|tomorrow)))?)){E}"
)

_DEICTIC_SHIFT = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1}


# informal spellings of the same words
_DEICTIC_SPELLING = {
    "tonite": "tonight",
    "2nite": "tonight",
    "2day": "today",
    "tmr": "tomorrow",
    "tmrw": "tomorrow",
    "2morrow": "tomorrow",
    "yday": "yesterday",
}


# "today's youth", "the people of tomorrow": an era, not a day (TimeBank leaves these unannotated).
_GENERIC_AFTER_TODAY = re.compile(
    r"(?:'s|’s)\s+(?i:world|youth|society|generation|children|kids|young|economy|technology|personal|families"
    r"|parents|students|culture)\b"
)


_TITLE_BEFORE = re.compile(r"\b[A-Z]{2,}\s+$")


_OF_TOMORROW = re.compile(
    r"(?i:\bthe\s+(?!(?:end|close|start|beginning|rest|remainder|morning|afternoon|evening|night|middle|course"
    r"|events?|results?|news)\s)[a-z]+\s+of\s+)$"
)


def deictic(m: re.Match[str], ctx: Context) -> Resolution | None:
    if _names_no_day(m, ctx):
        return None
    anchor = ctx.anchor
    if m["midpod"]:
        word = norm(m["word3"]) or "today"
        d = anchor + dt.timedelta(days=_DEICTIC_SHIFT[word])
        code = PARTS_OF_DAY[m["midpod"].lower()]
        return Resolution(
            f"{d.isoformat()}T{code}", TimexType.TIME, why="the middle of a part of the day", mod="MID", anchor=anchor
        )
    if m["overnight"]:
        return Resolution(f"{anchor.isoformat()}TNI", TimexType.TIME, why="the night of the anchor", anchor=anchor)
    if m["word2"]:
        shift = -2 if m["word2"].lower() == "yesterday" else 2
        d = anchor + dt.timedelta(days=shift)
        return Resolution(d.isoformat(), why=f"{abs(shift)} days from the anchor", anchor=anchor)
    word = norm(m["word"] or m["this"])
    word = _DEICTIC_SPELLING.get(word, word)
    pod_raw = "night" if word == "tonight" else norm(m["pod"] or m["pod2"])
    if word == "last" and pod_raw != "night":
        return None  # "last morning" is not said; "last evening" is rare enough to skip
    d = anchor + dt.timedelta(days=_DEICTIC_SHIFT[word])
    mod = POINT_MODS.get(norm(m["mod"])) if m["mod"] else None
    if pod_raw:
        code = PARTS_OF_DAY[pod_raw]
        return Resolution(f"{d.isoformat()}T{code}", TimexType.TIME, why=f"{word} {pod_raw}", mod=mod, anchor=anchor)
    return Resolution(d.isoformat(), why=f"{word}, counted from the anchor", mod=mod, anchor=anchor)


def _names_no_day(m: re.Match[str], ctx: Context) -> bool:
    """ "USA Today", "today's youth", "the people of tomorrow": the word, but no day."""
    word = norm(m["word"])
    start = m.start("x")
    if m["word"] == "Today" and not m["mod"] and _TITLE_BEFORE.search(ctx.text, max(0, start - 12), start):
        return True  # a title after an acronym
    if m["pod"] or word not in ("today", "tomorrow"):
        return False
    if word == "today" and _GENERIC_AFTER_TODAY.match(ctx.text, m.end("x")):
        return True
    possessive = ctx.text.startswith(("'s", "’s"), m.end("x"))
    return not possessive and _OF_TOMORROW.search(ctx.text, max(0, start - 30), start) is not None


MONTH_DAY = rule(
    "month_day", _MONTH_DAY, cues={"month"}, reach=(70, 24), resolve=month_day, moves_anchor=True, names_a_day=True
)
DAY_RANGE_END = rule(
    "day_range_end", _DAY_RANGE_END, cues={"month"}, reach=(4, 30), resolve=day_range_end, moves_anchor=True
)
NUMERIC_DATE = rule(
    "numeric_date",
    _NUMERIC_DATE,
    cues={"numeric"},
    reach=(4, 16),
    resolve=numeric_date,
    reads_anchor=False,
    moves_anchor=True,
    names_a_day=True,
)
WEEKDAY = rule(
    "weekday", _WEEKDAY, cues={"weekday"}, reach=(40, 24), resolve=weekday, moves_anchor=True, names_a_day=True
)
DEICTIC = rule(
    "deictic", _DEICTIC, cues={"deictic", "pod"}, reach=(30, 24), resolve=deictic, moves_anchor=True, names_a_day=True
)
