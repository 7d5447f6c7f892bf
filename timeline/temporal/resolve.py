"""From a grammar match to a TIMEX3 value: one resolver per rule, all reading the same context.

A resolver returns a `Reading` (value, type, mod and the reason in words) or None when the match is
not a temporal expression after all ("May" as a modal, "the fall of Rome", "2000 troops").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from dateutil.easter import easter

from . import calendar as cal
from .absolute import parse_numeric_date
from .lexicon import ORDINALS, PARTS_OF_DAY, SEASONS, month_number, number_value, unit_code, weekday_number
from .tense import Tense, tense_at
from .types import DocType, Reference, TimexType


@dataclass(frozen=True, slots=True)
class Reading:
    value: str
    type: TimexType = TimexType.DATE
    why: str = ""
    mod: str | None = None
    anchor: dt.date | None = None
    extra: dict = field(default_factory=dict)


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


Resolver = Callable[[re.Match[str], Context], Reading | None]

# A match that looks like a date but names none ("February 30"): it blocks shorter readings of its words.
NOT_A_DATE = Reading("")

_MOD_WORDS: dict[str, str] = {
    "end": "END",
    "close": "END",
    "latter part": "END",
    "last part": "END",
    "rest": "END",
    "remainder": "END",
    "late": "END",
    "later": "END",
    "beginning": "START",
    "start": "START",
    "early part": "START",
    "first part": "START",
    "dawn": "START",
    "early": "START",
    "earlier": "START",
    "first half": "START",
    "second half": "END",
    "middle": "MID",
    "mid": "MID",
    "turn": "APPROX",
}

_AMOUNT_MODS: dict[str, str] = {
    "about": "APPROX",
    "around": "APPROX",
    "approximately": "APPROX",
    "roughly": "APPROX",
    "some": "APPROX",
    "close to": "APPROX",
    "the better part of": "APPROX",
    "a good part of": "APPROX",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "just under": "LESS_THAN",
    "under": "LESS_THAN",
    "less than": "LESS_THAN",
    "fewer than": "LESS_THAN",
    "barely": "LESS_THAN",
    "within": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "just over": "MORE_THAN",
    "well over": "MORE_THAN",
    "a little over": "MORE_THAN",
    "a little more than": "MORE_THAN",
    "upwards of": "MORE_THAN",
    "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE",
}


def _norm(s: str | None) -> str:
    return " ".join(s.lower().split()) if s else ""


def point_mod(m: re.Match[str]) -> str | None:
    raw = _norm(m.groupdict().get("mod"))
    if not raw:
        return None
    raw = raw.removeprefix("the ").removesuffix(" the").removesuffix(" of").removeprefix("very ")
    return _MOD_WORDS.get(raw)


def amount_mod(m: re.Match[str]) -> str | None:
    return _AMOUNT_MODS.get(_norm(m.groupdict().get("amod")))


# ---------------------------------------------------------------------------------------------
# Choosing among the occurrences of a recurring date ("June 22", "Tuesday", "December")


def _choose(past: dt.date, future: dt.date, anchor: dt.date, tense: Tense | None, default: str) -> tuple[dt.date, str]:
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


def _weekday_dates(anchor: dt.date, weekday: int) -> tuple[dt.date, dt.date]:
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    return anchor - dt.timedelta(days=back), anchor + dt.timedelta(days=ahead)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# Rules


def _day_number(raw: str) -> int | None:
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


def _year_number(raw: str, anchor: dt.date) -> int:
    if raw.startswith(("'", "’")):
        two = int(raw[1:])
        year = anchor.year // 100 * 100 + two
        return year - 100 if year > anchor.year + 20 else year
    return int(raw)


# "August/September 1956", "the spring and summer of 1979": the year at the end covers the first member.
_RANGE_TAIL_YEAR = re.compile(
    r"\s*(?:-|–|/|and|to|or|through|until|till)\s*(?:(?:early|late|mid)[-\s]+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|fall|autumn|winter)[a-z]*\.?"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s+(?:of\s+)?((?:1[0-9]|20)\d\d)(?!\d)",
    re.IGNORECASE,
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


def month_day(m: re.Match[str], ctx: Context) -> Reading | None:
    reading = _month_day(m, ctx)
    if reading is None or not reading.value or not m["podof"]:
        return reading
    # "the night of May 13": the part of that day
    code = PARTS_OF_DAY[m["podof"].lower()]
    return Reading(f"{reading.value}T{code}", TimexType.TIME, why=reading.why, mod=reading.mod, anchor=reading.anchor)


def _month_day(m: re.Match[str], ctx: Context) -> Reading | None:
    g = m.groupdict()
    mon_raw = g["mon"] or g["mon2"]
    month = month_number(mon_raw)
    day = _day_number(g["day"] or g["day2"])
    if month is None or day is None or day > 31:
        return NOT_A_DATE
    mod = point_mod(m)
    if g["year"]:
        year = _year_number(g["year"], ctx.anchor)
        d = _safe_date(year, month, day)
        if d is None:
            return NOT_A_DATE
        return Reading(d.isoformat(), why="a full date", mod=mod)
    if g["yrel"]:
        year = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[g["yrel"].lower()]
        d = _safe_date(year, month, day)
        if d is None:
            return NOT_A_DATE
        return Reading(d.isoformat(), why=f"a day of {g['yrel'].lower()} year", mod=mod, anchor=ctx.anchor)
    # "from May 15 to August 16, 1988": the year written at the end of a range covers its start too.
    ahead = _RANGE_YEAR.match(ctx.text, m.end("x"))
    if ahead:
        d = _safe_date(int(ahead.group(1)), month, day)
        if d is None:
            return NOT_A_DATE
        return Reading(d.isoformat(), why="the year written at the end of the range", mod=mod)
    anchor = ctx.anchor
    if ctx.narrative:
        d = _safe_date(anchor.year, month, day)
        if d is None:
            return NOT_A_DATE
        return Reading(
            d.isoformat(), why=f"the year of the date last mentioned ({anchor.year})", mod=mod, anchor=anchor
        )
    candidates = [_safe_date(anchor.year + k, month, day) for k in (-1, 0, 1)]
    past = max((c for c in candidates if c and c <= anchor), default=None)
    future = min((c for c in candidates if c and c >= anchor), default=None)
    if past is None or future is None:
        return NOT_A_DATE
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
    if g["wd"]:
        wd = weekday_number(g["wd"])
        if wd and past.isoweekday() == wd and future.isoweekday() != wd:
            tense = Tense.PAST
        elif wd and future.isoweekday() == wd and past.isoweekday() != wd:
            tense = Tense.FUTURE
    rel = _norm(g["mdrel"])
    if rel in ("last", "this past"):
        chosen = past if past < anchor else _safe_date(anchor.year - 1, month, day) or past
        return Reading(chosen.isoformat(), why="the last such day before the anchor", mod=mod, anchor=anchor)
    if rel in ("next", "this coming"):
        chosen = future if future > anchor else _safe_date(anchor.year + 1, month, day) or future
        return Reading(chosen.isoformat(), why="the next such day after the anchor", mod=mod, anchor=anchor)
    chosen, how = _choose(past, future, anchor, tense, "nearest")
    return Reading(chosen.isoformat(), why=f"{how} such day", mod=mod, anchor=anchor)


_RANGE_SEPARATOR = re.compile(r"(?:\s*[-–]\s*|\s+(?i:and|to|through|or)\s+)$")


def day_range_end(m: re.Match[str], ctx: Context) -> Reading | None:
    month = month_number(m["mon"])
    day = int(m["day"])
    if month is None:
        return None
    if m["year"]:
        year = int(m["year"])
    elif ctx.narrative:
        year = ctx.anchor.year
    else:
        anchor = ctx.anchor
        candidates = [c for k in (-1, 0, 1) if (c := _safe_date(anchor.year + k, month, day))]
        past = max((c for c in candidates if c <= anchor), default=None)
        future = min((c for c in candidates if c >= anchor), default=None)
        if past is None or future is None:
            return NOT_A_DATE
        # read the tense around the range's first day, as that day's own rule did, so both ends share a year
        sep = _RANGE_SEPARATOR.search(ctx.text, m.start("mon"), m.start("x"))
        tense = tense_at(ctx.text, m.start("mon"), sep.start() if sep else m.end("x"), within=50)
        year = _choose(past, future, anchor, tense, "nearest")[0].year
    d = _safe_date(year, month, day)
    if d is None:
        return NOT_A_DATE
    return Reading(d.isoformat(), why="the last day of a range of days", anchor=ctx.anchor)


def week_of(m: re.Match[str], ctx: Context) -> Reading | None:
    month = month_number(m["mon"] or m["mon2"])
    if month is None:
        return None
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
        d = _safe_date(year, month, int(re.match(r"\d+", m["day"]).group()))
        if d is None:
            return NOT_A_DATE
        why = "the week holding that day"
    else:
        ordinal = _norm(m["ord"]) or "first"
        last = cal.last_day(year, month)
        # the ISO week holding the month's first day (or 8th, 15th, 22nd), or its last day for "the last week"
        offsets = {"first": 0, "second": 1, "third": 2, "fourth": 3}
        d = last if ordinal in ("last", "final") else dt.date(year, month, 1 + 7 * offsets[ordinal])
        why = f"the {ordinal} week of the month"
    return Reading(cal.value_at(d, "W"), why=why, anchor=anchor)


def month_year(m: re.Match[str], ctx: Context) -> Reading | None:
    month = month_number(m["mon"])
    if month is None:
        return None
    if m["bcyear"]:
        return Reading(
            f"BC{int(m['bcyear']):04d}-{month:02d}", why="a month of a year before the common era", mod=point_mod(m)
        )
    if m["year"] or m["spelled"]:
        year = _year_number(m["year"], ctx.anchor) if m["year"] else spelled_year(m["spelled"])
        if year is None:
            return None
        why = "a month of a named year"
    else:
        year = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
        why = f"{m['rel'].lower()} year's month"
    return Reading(f"{year:04d}-{month:02d}", why=why, mod=point_mod(m))


_BARE_MONTH_NEEDS_CONTEXT = frozenset({"May", "March", "MAY", "MARCH"})


def month(m: re.Match[str], ctx: Context) -> Reading | None:
    mon_raw = m["mon"]
    rel = _norm(m["rel"])
    mod = point_mod(m)
    if mon_raw in _BARE_MONTH_NEEDS_CONTEXT and not (m["prep"] or rel or mod):
        return None
    if not (m["prep"] or rel or mod):
        # "June Carter", "August Wilson": a capitalised word right after is likely a surname.
        after = ctx.text[m.end("x") : m.end("x") + 2]
        if len(after) == 2 and after[0] == " " and after[1].isupper():
            return None
    month_no = month_number(mon_raw)
    if month_no is None:
        return None
    anchor = ctx.anchor
    tail = None if rel else _RANGE_TAIL_YEAR.match(ctx.text, m.end("x"))
    if tail:
        return Reading(f"{tail.group(1)}-{month_no:02d}", why="the year written at the end of the range", mod=mod)
    if ctx.narrative and not rel and ctx.bc_year is not None:
        return Reading(f"BC{ctx.bc_year:04d}-{month_no:02d}", why="in the year BC last mentioned", mod=mod)
    if ctx.narrative and not rel:
        return Reading(f"{anchor.year:04d}-{month_no:02d}", why="in the year of the date last mentioned", mod=mod)
    this_year = dt.date(anchor.year, month_no, 1)
    anchor_month = dt.date(anchor.year, anchor.month, 1)
    past = this_year if this_year <= anchor_month else dt.date(anchor.year - 1, month_no, 1)
    future = this_year if this_year >= anchor_month else dt.date(anchor.year + 1, month_no, 1)
    if rel in ("last", "this past", "past"):
        chosen = past if past < anchor_month else dt.date(anchor.year - 1, month_no, 1)
        how = f"the {mon_raw.rstrip('.')} before the reference month"
    elif rel in ("next", "this coming", "the coming", "coming"):
        chosen = future if future > anchor_month else dt.date(anchor.year + 1, month_no, 1)
        how = f"the {mon_raw.rstrip('.')} after the reference month"
    elif rel == "this":
        chosen, how = this_year, "the month of the reference year"
    else:
        tense = ctx.tense(m, within=60)
        # "by February" points ahead, but "this year through August" in October is the August gone:
        # a deadline is set at most a few months out, as for days ("extended to Nov. 16").
        if tense is None and _norm(m["prep"]) in ("by", "until", "till", "through") and (future - anchor).days <= 250:
            tense = Tense.FUTURE
        if tense is None:
            # Without a verb to go by, a month name in news is a past one unless it is just ahead.
            tense = Tense.FUTURE if cal.add_months(anchor_month, 2) >= future else Tense.PAST
        chosen, how = _choose(past, future, anchor_month, tense, "past")
        how = f"{how} {mon_raw.rstrip('.')}"
    return Reading(f"{chosen.year:04d}-{chosen.month:02d}", why=how, mod=mod, anchor=anchor)


def numeric_date(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["iso"]:
        try:
            d = dt.date.fromisoformat(m["iso"])
        except ValueError:
            return None
        if m["isotime"]:
            zone = {"timezone": m["isozone"]} if m["isozone"] else {}
            return Reading(
                f"{d.isoformat()}T{m['isotime'][:5]}", TimexType.TIME, why="an ISO date and time", extra=zone
            )
        return Reading(d.isoformat(), why="an ISO date")
    d = parse_numeric_date(m["num"])
    if d is None:
        return None
    return Reading(d.isoformat(), why="a numeric date")


_SHARED_PLURAL = re.compile(
    r"\s+(?:and|or|&)\s+(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:s\b|\s+(?P<pod>(?i:morning|afternoon|evening|night))s\b)"
)


def weekday(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["wdabbr"]:
        # "Sat", "Sun", "Wed" are words and names too: only "this sat", "next Fri." or "on Sun." date them.
        abbr = m["wdabbr"]
        if not (m["rel"] or (m["prep"] and abbr[0].isupper() and m["x"].endswith("."))):
            return None
    wd = weekday_number(m["wd"] or m["wdabbr"])
    if wd is None:
        return None
    pod = PARTS_OF_DAY.get(_norm(m["pod"])) if m["pod"] else None
    # "on Monday and Tuesday nights": the plural after the pair makes both of them recurring
    shared = None if (m["pod"] or m["plural"] or m["rel"]) else _SHARED_PLURAL.match(ctx.text, m.end("x"))
    if shared:
        pod = PARTS_OF_DAY.get(_norm(shared["pod"])) if shared["pod"] else None
    if m["plural"] or m["pod_plural"] or shared:
        if m["rel"]:
            return None
        value = f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else "")
        return Reading(value, TimexType.SET, why="a recurring weekday")
    anchor = ctx.anchor
    past, future = _weekday_dates(anchor, wd)
    rel = _norm(m["rel"])
    if rel in ("the previous", "the preceding") and _mentioned_before(ctx.text, m.start("x"), m["wd"]):
        # "up 2% on Friday and 4.5% from the previous Friday": the week before the Friday just named
        chosen = past - dt.timedelta(days=7)
        how = "the week before the one just named"
    elif rel in ("last", "this past", "past", "the previous", "the preceding"):
        chosen = past if past < anchor else past - dt.timedelta(days=7)
        how = "the one before the anchor"
    elif rel in ("next", "this coming", "coming", "the following", "the next"):
        chosen = future if future > anchor else future + dt.timedelta(days=7)
        how = "the one after the anchor"
    elif rel == "this":
        chosen = anchor + dt.timedelta(days=wd - anchor.isoweekday())
        how = "the one in the anchor's week"
    else:
        # "Wednesday's ruling" names an event already reported, whatever the clause's tense.
        possessive = ctx.text.startswith(("'s", "’s"), m.end("x"))
        tense = Tense.PAST if possessive else ctx.tense(m)
        chosen, how = _choose(past, future, anchor, tense, "past")
        how = f"{how} {(m['wd'] or m['wdabbr']).capitalize()}"
    value = chosen.isoformat()
    kind = TimexType.DATE
    if pod:
        value += f"T{pod}"
        kind = TimexType.TIME
    mod = _MOD_WORDS.get(_norm(m["mod"])) if m["mod"] else None
    return Reading(value, kind, why=how, mod=mod, anchor=anchor)


def _mentioned_before(text: str, at: int, word: str | None) -> bool:
    """Whether the same weekday is named, bare, in the text shortly before `at`."""
    if not word:
        return False
    before = text[max(0, at - 300) : at]
    return re.search(rf"(?<!previous )(?<!preceding )\b{word}\b", before, re.IGNORECASE) is not None


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


def deictic(m: re.Match[str], ctx: Context) -> Reading | None:
    word_raw = _norm(m["word"])
    start = m.start("x")
    if m["word"] == "Today" and not m["mod"] and _TITLE_BEFORE.search(ctx.text, max(0, start - 12), start):
        return None  # "USA Today", "VOA Today": a title after an acronym
    if not m["pod"] and word_raw in ("today", "tomorrow"):
        if word_raw == "today" and _GENERIC_AFTER_TODAY.match(ctx.text, m.end("x")):
            return None
        possessive = ctx.text.startswith(("'s", "’s"), m.end("x"))
        if not possessive and _OF_TOMORROW.search(ctx.text, max(0, m.start("x") - 30), m.start("x")):
            return None
    anchor = ctx.anchor
    mod = _MOD_WORDS.get(_norm(m["mod"])) if m["mod"] else None
    if m["midpod"]:
        word = _norm(m["word3"]) or "today"
        d = anchor + dt.timedelta(days=_DEICTIC_SHIFT[word])
        code = PARTS_OF_DAY[m["midpod"].lower()]
        return Reading(
            f"{d.isoformat()}T{code}", TimexType.TIME, why="the middle of a part of the day", mod="MID", anchor=anchor
        )
    if m["overnight"]:
        return Reading(f"{anchor.isoformat()}TNI", TimexType.TIME, why="the night of the anchor", anchor=anchor)
    if m["word2"]:
        shift = -2 if m["word2"].lower() == "yesterday" else 2
        d = anchor + dt.timedelta(days=shift)
        return Reading(d.isoformat(), why=f"{abs(shift)} days from the anchor", anchor=anchor)
    word = _norm(m["word"] or m["this"])
    word = _DEICTIC_SPELLING.get(word, word)
    pod_raw = _norm(m["pod"] or m["pod2"])
    d = anchor + dt.timedelta(days=_DEICTIC_SHIFT[word])
    if word == "tonight":
        pod_raw = "night"
    if word == "last" and pod_raw != "night":
        return None  # "last morning" is not said; "last evening" is rare enough to skip
    if pod_raw:
        code = PARTS_OF_DAY[pod_raw]
        return Reading(f"{d.isoformat()}T{code}", TimexType.TIME, why=f"{word} {pod_raw}", mod=mod, anchor=anchor)
    return Reading(d.isoformat(), why=f"{word}, counted from the anchor", mod=mod, anchor=anchor)


def _last_completed_quarter(d: dt.date) -> dt.date:
    """Financial news speaks of "the quarter" just ended until well into the next one."""
    start = dt.date(d.year, 3 * (cal.quarter_of(d) - 1) + 1, 1)
    if (d - start).days < 60:
        return cal.add_months(start, -3)
    return start


def calendar_period(m: re.Match[str], ctx: Context) -> Reading | None:
    rel = _norm(m["rel"])
    unit_raw = _norm(m["unit"])
    mod = point_mod(m)
    ago = _norm(m["ago"])
    anchor = ctx.anchor
    if m["ended"] and unit_raw in ("year", "fiscal year", "financial year"):
        # "the year ended June 30" names a twelve-month span, not the calendar year
        return Reading("P1Y", TimexType.DURATION, why="a fiscal year ending on a given day")
    if unit_raw in ("nine months", "six months"):
        if rel in ("the", "the latest", "the year-earlier", "the same", "the comparable", "the corresponding"):
            months = 9 if unit_raw.startswith("nine") else 6
            return Reading(f"P{months}M", TimexType.DURATION, why="a span of months")
        return None
    if unit_raw in ("half", "first half", "second half"):
        if unit_raw == "half":
            return None
        half = 1 if unit_raw == "first half" else 2
        year = anchor.year + (-1 if rel in ("last", "last year's") else 1 if rel in ("next", "next year's") else 0)
        return Reading(f"{year}-H{half}", why="a half of the year", mod=mod)
    if (
        "fiscal" in unit_raw
        or "financial" in unit_raw
        or rel in ("the fiscal", "this fiscal", "fiscal", "last fiscal", "next fiscal")
    ):
        if unit_raw not in ("year", "fiscal year", "financial year", "quarter"):
            return None
        shift = -1 if "last" in rel else 1 if "next" in rel else 0
        unit = "Q" if unit_raw == "quarter" else "Y"
        return Reading(
            cal.value_at(cal.shift(anchor, shift, unit), unit), why="the fiscal period of the anchor", mod=mod
        )
    if m["ryear"]:
        if unit_raw in ("quarter", "period"):
            q = _last_completed_quarter(anchor)
            return Reading(f"{m['ryear']}-Q{cal.quarter_of(q)}", why="the same quarter of a named year", mod=mod)
        if unit_raw == "year":
            return Reading(m["ryear"], why="a named year", mod=mod)
        return None
    if rel in ("the full", "the entire", "the whole", "full"):
        if unit_raw != "year":
            return None
        return Reading(f"{anchor.year:04d}", why="the whole of the anchor's year", mod=mod, anchor=anchor)
    year_back = rel in (
        "a year earlier",
        "the year-earlier",
        "the year-ago",
        "year-earlier",
        "year-ago",
        "the comparable",
        "the corresponding",
        "last year's",
    ) or bool(ago)
    if unit_raw in ("quarter", "period") and m["endmonth"] and not year_back:
        # "the quarter ended July 31" is May to July, mostly the second calendar quarter: the quarter of
        # its middle month, in the latest year whose month-end is not after the anchor ("the quarter
        # ending March 31" in a clause that looks ahead: the next one).
        end_month = month_number(m["endmonth"])
        if end_month is not None:
            month_end = cal.last_day(anchor.year, end_month)
            year = anchor.year if month_end <= anchor else anchor.year - 1
            if "ending" in m["ended"].lower() and ctx.tense(m) is Tense.FUTURE:
                year = anchor.year if month_end > anchor else anchor.year + 1
            middle = cal.add_months(dt.date(year, end_month, 1), -1)
            return Reading(cal.value_at(middle, "Q"), why="the quarter that ends in the month named", mod=mod)
    if unit_raw in ("quarter", "period"):
        if unit_raw == "period" and not (year_back or rel in ("the latest", "the most recent", "the same")):
            return None
        if rel in ("this", "the current", "current", "this year's"):
            q = anchor
        elif rel in ("last", "the previous", "the prior", "previous", "this past"):
            q = cal.add_months(dt.date(anchor.year, anchor.month, 1), -3)
        elif rel in ("next", "the coming", "the following", "coming", "next year's"):
            q = cal.add_months(anchor, 3)
        else:
            q = _last_completed_quarter(anchor)
        if year_back:
            q = cal.add_months(q, -12)
        return Reading(cal.value_at(q, "Q"), why="the quarter financial news speaks of", mod=mod, anchor=anchor)
    unit = {"week": "W", "weekend": "WE", "month": "M", "year": "Y", "decade": "DE", "century": "CE"}[unit_raw]
    if m["unit"][0].isupper() and m["rel"][0].isupper() and not _sentence_start(ctx.text, m.start("x")):
        return None  # "This Week With David Brinkley" is a programme
    if rel in ("last", "the previous", "the prior", "previous", "this past", "last year's"):
        shift = -1
    elif rel in ("next", "the coming", "the following", "coming", "next year's"):
        shift = 1
    elif rel in ("a year earlier", "year-earlier", "the year-earlier", "the year-ago", "year-ago"):
        if unit != "Y":
            return None
        shift = -1
    elif rel in (
        "this",
        "the current",
        "current",
        "the",
        "its",
        "their",
        "the latest",
        "the most recent",
        "this year's",
    ):
        shift = 0
    else:
        return None
    if rel in ("the", "its", "their") and unit in ("DE", "CE"):
        return None
    if unit == "WE":
        # "the weekend" in a report written on a weekday: the one just past unless the clause looks ahead.
        if rel in ("the", "this") and shift == 0 and anchor.isoweekday() < 6 and ctx.tense(m) is not Tense.FUTURE:
            shift = -1
        d = cal.shift(anchor, shift, "W")
        return Reading(cal.value_at(d, "WE"), why="a weekend counted from the anchor's week", mod=mod, anchor=anchor)
    d = cal.shift(anchor, shift, unit)
    words = {-1: "the one before the anchor's", 0: "the anchor's own", 1: "the one after the anchor's"}[shift]
    return Reading(cal.value_at(d, unit), why=f"{words} {unit_raw}", mod=mod, anchor=anchor)


_QUARTER_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def ordinal_quarter(m: re.Match[str], ctx: Context) -> Reading | None:
    anchor = ctx.anchor
    mod = point_mod(m)
    if m["q"]:
        year = int(m["year3"]) if m["year3"] else anchor.year
        return Reading(f"{year}-{m['q']}", why="a named quarter", mod=mod)
    if m["hq"]:
        return Reading(f"{m['year4']}-{m['hq']}", why="a named half year", mod=mod)
    ord_raw = _norm(m["ord"])
    kind = _norm(m["qh"])
    n = _QUARTER_ORD.get(ord_raw, 4 if kind == "quarter" else 2)
    det = _norm(m["det"])
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
        rel = _norm(m["rel2"]) or det
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
    return Reading(f"{year}-{letter}{n}", why=why, mod=mod, anchor=anchor)


_NOT_AFTER_YEAR = re.compile(
    r"\s*(?:%|(?i:percent|per\s*cent|gmt|utc|hrs|hours|local\s+time|people|troops|soldiers|workers|men|women|feet|foot|ft|meters|metres|miles|km"
    r"|kilometers|tons|tonnes|barrels|shares|points|votes|seats|dollars|yen|marks|pounds|euros|cars|jobs|units"
    r"|acres|pages|words|cases|deaths|rounds|patients|employees|students|members|residents|homes|houses|refugees"
    r"|civilians|prisoners|rooms|hours|calories|pounds|ounces|kg|kilograms|square|cubic|yards|rupees|francs"
    r"|boxes|copies|plants|stores|flights|vehicles|tanks|aircraft|planes|ships|guns|rifles|missiles|hectares"
    r"|to\s+\d|-\d|or\s+so\s+(?:people|troops)|times|more|fewer|others|of\s+(?:them|the|these|those|its|their)"
    r"|additional|new|million|billion))\b"
)
_NOT_BEFORE_YEAR = re.compile(
    r"(?i:\b(?:no|number|nos|flight|route|highway|room|article|resolution|section|model|boeing|airbus|"
    r"about|some|nearly|almost|than|over|under|approximately|roughly|least|only|just|all|another|top|"
    r"page|pages|item|chapter|rule|law|code|bill|form|apollo|windows|office|channel|interstate|us|u\.s\.)\.?\s*|[#$£€+])$"
)


def year(m: re.Match[str], ctx: Context) -> Reading | None:
    mod = point_mod(m)
    if m["short_decade"] and re.search(
        r"(?i:\b(?:his|her|their|my|your|our|early|late|mid)\s*-?)$", ctx.text[max(0, m.start("x") - 8) : m.start("x")]
    ):
        return None  # "in his 30s" is an age
    if (
        m["short_decade"]
        and m["short_decade"][0].isdigit()
        and re.search(
            r"(?i:temperature|degree|high|low|reading|wind|chill|thermometer)",
            ctx.text[max(0, m.start("x") - 40) : m.start("x")],
        )
    ):
        return None  # "temperatures in the 40s" are degrees
    if m["short_year"]:
        # "the class of '99": the latest such year not far past the anchor
        return Reading(f"{_year_number(m['short_year'], ctx.anchor):04d}", why="a two-digit year", mod=mod)
    if m["short_decade"]:
        digit = int(m["short_decade"].strip("'’s")[0])
        century = ctx.reference.date.year // 100
        decade = century * 10 + digit
        if decade * 10 > ctx.reference.date.year:
            decade -= 10
        return Reading(f"{decade:03d}", why="a decade", mod=mod)
    if m["era_year"] or m["ad_year"]:
        y = int(m["era_year"] or m["ad_year"])
        if m["era2"] and m["era2"].upper().startswith("B"):
            return Reading(f"BC{y:04d}", why="a year before the common era", mod=mod)
        return Reading(f"{y:04d}", why="a year of the common era", mod=mod)
    if m["word_decade"]:
        tens = {"twen": 2, "thir": 3, "fort": 4, "fift": 5, "sixt": 6, "seve": 7, "eigh": 8, "nine": 9}
        digit = tens[m["word_decade"].lower()[:4]]
        century = ctx.reference.date.year // 100
        decade = century * 10 + digit
        if decade * 10 > ctx.reference.date.year:
            decade -= 10
        return Reading(f"{decade:03d}", why="a decade", mod=mod)
    if m["spelled"]:
        y = spelled_year(m["spelled"])
        if y is None:
            return None
        return Reading(f"{y:04d}", why="a year written in words", mod=mod)
    y = int(m["year"])
    before = ctx.text[max(0, m.start("x") - 14) : m.start("x")]
    after = ctx.text[m.end("x") : m.end("x") + 40]
    guarded = bool(m["fiscal"] or m["mod"] or m["the"] or m["era"])
    if not guarded:
        if _NOT_BEFORE_YEAR.search(before) or _NOT_AFTER_YEAR.match(after):
            return None
        if y < 1600 and not re.search(r"(?i:\b(?:in|since|of|from|until|by|year)\s*)$", before):
            return None
    if m["decade"]:
        if m["the"] is None and not m["mod"] and y % 10:
            return None
        return Reading(f"{y // 10:03d}", why="a decade", mod=mod)
    if m["era"] and m["era"].upper().startswith("B"):
        return Reading(f"BC{y:04d}", why="a year before the common era", mod=mod)
    if m["the"] and not (m["fiscal"] or m["mod"]):
        return None  # "the 1990" is a count, not a year
    return Reading(f"{y:04d}", why="a named year", mod=mod)


def spelled_year(raw: str) -> int | None:
    """1996 from "nineteen ninety-six", 2000 from "the year two thousand"."""
    words = raw.lower().replace("-", " ").split()
    if words[:2] == ["the", "year"]:
        words = words[2:]
    if words[:2] == ["two", "thousand"]:
        rest = number_value(" ".join(w for w in words[2:] if w != "and")) if len(words) > 2 else 0
        return 2000 + int(rest or 0)
    head = {"nineteen": 19, "eighteen": 18}.get(words[0])
    rest = number_value(" ".join(w for w in words[1:] if w not in ("hundred", "and")))
    if head is None or rest is None or rest >= 100:
        return None
    return head * 100 + int(rest)


def year_ago_adj(m: re.Match[str], ctx: Context) -> Reading | None:
    if _speaks_of_quarters(ctx, m):
        q = cal.add_months(_last_completed_quarter(ctx.reference.date), -12)
        return Reading(cal.value_at(q, "Q"), why="the same quarter a year before", anchor=ctx.reference.date)
    return Reading(f"{ctx.reference.date.year - 1:04d}", why="the year before the anchor's", anchor=ctx.reference.date)


def year_range_end(m: re.Match[str], ctx: Context) -> Reading | None:
    raw = m["x"]
    first = int(ctx.text[m.start("x") - 5 : m.start("x") - 1])
    y = int(raw) if len(raw) == 4 else first // 100 * 100 + int(raw)
    if not first < y <= first + 99:
        return None  # "1990-10" is more likely a month or a count than a range of years
    return Reading(f"{y:04d}", why=f"the end of a range of years from {first}")


def year_end(m: re.Match[str], ctx: Context) -> Reading | None:
    rel = _norm(m["rel"])
    year = ctx.anchor.year + (-1 if rel == "last" else 1 if rel == "next" else 0)
    return Reading(f"{year:04d}", why="the end of the anchor's year", mod="END", anchor=ctx.anchor)


def century(m: re.Match[str], ctx: Context) -> Reading | None:
    n = _day_number(m["ord"])
    if not n or n > 21:
        return None
    if m["era"]:
        return Reading(f"BC{n - 1:02d}", why="a century before the common era", mod=point_mod(m))
    return Reading(f"{n - 1:02d}", why="a named century", mod=point_mod(m))


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


def _count(raw: str | None) -> tuple[bool, float | None]:
    """(written?, value) of a count; value None when vague ("several", "12 to 18")."""
    if not raw:
        return False, None
    raw_n = _norm(raw)
    if re.search(r"\s(?:to|or)\s", raw_n):
        return True, None
    return True, number_value(raw_n)


def offset(m: re.Match[str], ctx: Context) -> Reading | None:
    unit = unit_code(m["unit"])
    if unit is None:
        return None
    direction = _norm(m["dir"])
    written, n = _count(m["num"])
    if m["half"] and n is not None:
        n += 0.5
    if not written and not m["unit"].lower().endswith("s"):
        return None  # "year ago" without a count is no expression; "years later" is a vague one
    back = direction in ("ago", "earlier", "before", "back", "previously")
    if direction in ("since", "on"):
        return None
    followed = re.match(r"\s*[\w$]", ctx.text[m.end("x") : m.end("x") + 3])
    if re.match(r"\s+(?i:than|that)\b", ctx.text[m.end("x") : m.end("x") + 6]):
        return None  # "a year earlier than planned" compares; the duration alone is the timex
    if direction in ("before", "after") and followed and not ctx.narrative:
        return None  # "two days before the vote" in news: the duration alone is the timex
    if direction in ("later", "after", "before") and not ctx.narrative:
        # News annotation (TimeBank) reads "three days later" as the length of the gap.
        return Reading(duration_value(n, unit), TimexType.DURATION, why="a gap after an event", mod=amount_mod(m))
    anchor = ctx.anchor
    mod = "APPROX" if m["approx"] else amount_mod(m)  # "a week or so ago"
    if mod in ("LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"):
        mod = {"LESS_THAN": "AFTER" if back else "BEFORE", "MORE_THAN": "BEFORE" if back else "AFTER"}.get(
            mod, "APPROX"
        )
    if n is None:
        return Reading(
            "PAST_REF" if back else "FUTURE_REF", why="a vague distance from the anchor", mod=mod, anchor=anchor
        )
    sign = -1 if back else 1
    if unit in ("H", "MIN", "S"):
        clock = ctx.reference.time
        if clock is None or ctx.narrative:
            return Reading(anchor.isoformat(), why="a distance in hours from the anchor day", mod=mod, anchor=anchor)
        # With a publication time, "three hours ago" is a time of day, possibly on the day before.
        seconds = {"H": 3600, "MIN": 60, "S": 1}[unit] * n * sign
        moment = dt.datetime.combine(anchor, clock) + dt.timedelta(seconds=seconds)
        return Reading(
            moment.strftime("%Y-%m-%dT%H:%M"),
            TimexType.TIME,
            why=f"counted from the publication time {clock.strftime('%H:%M')}",
            mod=mod,
            anchor=anchor,
        )
    if unit in ("WE", "FN"):
        unit, n = ("W", n * (2 if unit == "FN" else 1))
    if ctx.narrative and ctx.bc_year is not None and unit in ("Y", "DE"):
        years = round(n * (10 if unit == "DE" else 1))
        bc = ctx.bc_year + years if back else ctx.bc_year - years
        if bc > 0:
            value = f"BC{bc:04d}" if unit == "Y" else f"BC{bc // 10:03d}"
            return Reading(value, why="years counted from a year before the common era", mod=mod)
    if unit == "Y" and n == 1 and _speaks_of_quarters(ctx, m):
        # "profit rose from $5 million a year earlier": the comparison is between quarters.
        q = cal.add_months(_last_completed_quarter(ctx.reference.date), -12)
        return Reading(cal.value_at(q, "Q"), why="the same quarter a year before", mod=mod, anchor=anchor)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months:
        d = cal.add_months(anchor, sign * round(n * months))
    else:
        days = {"D": 1, "W": 7}[unit] * n
        d = anchor + dt.timedelta(days=sign * round(days))
    value_unit = unit if unit in ("D", "W", "M", "Q", "Y", "DE", "CE") else "D"
    word = "before" if back else "after"
    return Reading(
        cal.value_at(d, value_unit),
        why=f"{_norm(m['num'])} {_norm(m['unit'])} {word} the anchor",
        mod=mod,
        anchor=anchor,
    )


# Quarterly results, not "a quarter of the population" or "the French Quarter".
_QUARTER_TALK = re.compile(
    r"(?i:\b(?:first|second|third|fourth|latest|current|fiscal|year-earlier|year-ago|the)[-\s]+quarter\b"
    r"|\bquarterly\b|\bthree months\b)"
)


def _speaks_of_quarters(ctx: Context, m: re.Match[str]) -> bool:
    """Whether the text just before a "year ago" compares quarterly results."""
    start = m.start("x")
    window = ctx.text[max(0, start - 800) : start]
    return bool(_QUARTER_TALK.search(window)) and not ctx.narrative


def duration(m: re.Match[str], ctx: Context) -> Reading | None:
    unit_raw = m["unit"].lower()
    unit = unit_code(unit_raw)
    if unit is None:
        return None
    written, n = _count(m["num"])
    rel = _norm(m["rel"])
    plural = unit_raw.endswith("s") and not unit_raw.endswith("ss")
    mod = amount_mod(m)
    if not written:
        if m["suffix"] and not plural:
            n = 1
        elif rel and not plural:
            if (
                rel
                in (
                    "first",
                    "same",
                    "previous",
                    "preceding",
                    "prior",
                    "following",
                    "ensuing",
                    "final",
                    "initial",
                )
                or rel == "next"
                or (rel in ("last", "latest", "recent") and not m["the"])
            ):
                return None  # "the following day", "last week": the anaphoric and calendar rules read these
            n = 1
        elif plural:
            if rel == "recent" and unit == "Y":
                return Reading("PAST_REF", why="recent years: an unspecified time before the anchor")
            if unit_raw in ("nights", "seconds", "hours", "minutes") and not rel:
                return None
            n = None
        else:
            return None
    elif n is None and m["num"] and _norm(m["num"]) in ("a", "an"):
        n = 1
    if m["half"] and n is not None:
        n += 0.5  # "a minute and a half"
    if m["the"] and not rel and written and n == 1 and not plural and _norm(m["num"]) in ("a", "an"):
        return None
    if written and n == 0:
        return None
    if unit == "WE" and n == 1 and not written:
        return None
    if _not_a_duration(m, ctx, unit, n):
        return None
    value = duration_value(n, unit)
    return Reading(value, TimexType.DURATION, why="a length of time", mod=mod)


_AGE = re.compile(r"(?i:[-\s]+old\b)")
_PER_UNIT_BEFORE = re.compile(
    r"(?:\d|million|billion|thousand|hundred|cents?|dollars?|percent|%|times)\s*$", re.IGNORECASE
)


def _not_a_duration(m: re.Match[str], ctx: Context, unit: str, n: float | None) -> bool:
    """Ages ("a 6-year-old"), rates ("$2 million a year"), fractions ("three-quarters") and years
    read as counts ("the 1988 quarter") look like durations but are not annotated as such."""
    text = ctx.text
    end = m.end("x")
    suffix = _norm(m["suffix"])
    if suffix.endswith("old") or _AGE.match(text, end):
        return True
    num = _norm(m["num"])
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


_ADVERB_SETS = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "biweekly": "P2W",
    "bi-weekly": "P2W",
    "monthly": "P1M",
    "bimonthly": "P2M",
    "bi-monthly": "P2M",
    "quarterly": "P3M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "semiannually": "P6M",
    "semi-annually": "P6M",
    "hourly": "PT1H",
}


def set_(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["adv"]:
        return Reading(_ADVERB_SETS[m["adv"].lower()], TimexType.SET, why="a recurrence")
    if m["wd"]:
        wd = weekday_number(m["wd"])
        pod = PARTS_OF_DAY.get(_norm(m["pod"])) if m["pod"] else None
        return Reading(f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else ""), TimexType.SET, why="every such weekday")
    if m["mon"]:
        return Reading(f"XXXX-{month_number(m['mon']):02d}", TimexType.SET, why="every such month")
    if m["unit2"]:
        unit = unit_code(m["unit2"])
        if unit is None:
            return None
        _, n = _count(m["num"])
        return Reading(duration_value(n, unit), TimexType.SET, why="a recurrence")
    word = _norm(m["unit"])
    if word in PARTS_OF_DAY:
        return Reading(f"XXXX-XX-XXT{PARTS_OF_DAY[word]}", TimexType.SET, why="every such part of the day")
    if word in SEASONS:
        return Reading(f"XXXX-{SEASONS[word]}", TimexType.SET, why="every such season")
    if word == "weekday":
        return Reading("XXXX-WXX-X", TimexType.SET, why="every weekday")
    unit = unit_code(word)
    if unit is None:
        return None
    return Reading(duration_value(1, unit), TimexType.SET, why="a recurrence")


def rate(m: re.Match[str], ctx: Context) -> Reading | None:
    unit = unit_code(m["unit"])
    if unit is None:
        return None
    return Reading(duration_value(1, unit), TimexType.SET, why="a rate per unit of time")


def _hour(raw: str) -> int | None:
    n = number_value(raw)
    return int(n) if n is not None else None


def _sentence_start(text: str, at: int) -> bool:
    before = text[max(0, at - 12) : at].rstrip(" \"'“‘`")
    return not before or before[-1] in ".!?\n"


def clock(m: re.Match[str], ctx: Context) -> Reading | None:
    g = m.groupdict()
    tz = g["tz"] or g["tz2"] or g["tz3"]
    if g["word"]:
        if g["word"][0].isupper() and not _sentence_start(ctx.text, m.start("x")):
            return None  # "High Noon" is a title
        if ctx.text[max(0, m.start("x") - 5) : m.start("x")].lower() == "high ":
            return None
        hhmm = "24:00" if g["word"].lower() == "midnight" else "12:00"
    else:
        if g["h"] is not None:
            h, mi = int(g["h"]), int(g["mi"] or 0)
            pm = g["ampm"].lower().startswith("p")
            if h > 12 or h == 0:
                return None
            h = (h % 12) + (12 if pm else 0)
        elif g["h2"] is not None:
            h, mi = int(g["h2"]), int(g["mi2"])
            if not (tz or ":" in m["x"]):
                return None
            if tz and tz.lower() in ("h", "hrs", "hours"):
                tz = None
        elif g["h5"] is not None:
            h, mi = int(g["h5"]), int(g["mi5"])
            tz = g["tz5"]
        elif g["h3"] is not None:
            h, mi = _hour(g["h3"]) or 0, 0
            if g["pod3"] and g["pod3"].lower() != "morning" and h < 12:
                h += 12
        else:
            h, mi = _hour(g["h4"]) or 0, 0
            if g["pod4"].lower() != "morning" and h < 12:
                h += 12
        if not 0 <= h <= 24:
            return None
        hhmm = f"{h:02d}:{mi:02d}"
    anchor = ctx.anchor
    mod = "APPROX" if g["approx"] and g["approx"].lower() in ("about", "around", "approximately", "roughly") else None
    extra = {"timezone": tz} if tz else {}
    return Reading(
        f"{anchor.isoformat()}T{hhmm}",
        TimexType.TIME,
        why="a clock time on the anchor day",
        mod=mod,
        anchor=anchor,
        extra=extra,
    )


def season(m: re.Match[str], ctx: Context) -> Reading | None:
    code = SEASONS[m["season"].lower()]
    rel = _norm(m["rel"])
    mod = point_mod(m) or _MOD_WORDS.get(rel)
    if m["bcyear"]:
        return Reading(f"BC{int(m['bcyear']):04d}-{code}", why="a season of a year before the common era", mod=mod)
    if m["year"] or m["spelled"]:
        year = m["year"] or spelled_year(m["spelled"])
        if year is None:
            return None
        return Reading(f"{year}-{code}", why="a season of a named year", mod=mod)
    tail = _RANGE_TAIL_YEAR.match(ctx.text, m.end("x"))
    if not (rel or m["prep"] or m["mod"] or tail):
        return None
    if tail and rel not in ("last", "next", "this past", "this coming", "this"):
        return Reading(f"{tail.group(1)}-{code}", why="the year written at the end of the range", mod=mod)
    after = ctx.text[m.end("x") : m.end("x") + 12]
    if rel in ("the", "a") and re.match(r"\s+(?:in|by|from|to)\s", after):
        return None  # "the fall in prices" is a drop, not autumn
    if m["season"][0].isupper() and re.match(r"\s+[A-Z]", after) and not _sentence_start(ctx.text, m.start("x")):
        return None  # "the Winter Olympics", "Spring Festival": a name
    anchor = ctx.anchor
    if ctx.narrative and ctx.bc_year is not None and rel not in ("last", "next", "this past", "this coming"):
        return Reading(f"BC{ctx.bc_year:04d}-{code}", why="the season in the year BC last mentioned", mod=mod)
    if ctx.narrative and rel not in ("last", "next", "this past", "this coming"):
        return Reading(f"{anchor.year}-{code}", why="the season in the year of the date last mentioned", mod=mod)
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
        chosen, _ = _choose(past, future, cur_start, ctx.tense(m), "nearest")
    return Reading(
        f"{chosen.year}-{code}",
        why=f"{rel or 'the'} {m['season'].lower()} counted from the anchor",
        mod=mod,
        anchor=anchor,
    )


def reference(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["present"]:
        if (
            _norm(m["present"]) == "now"
            and _sentence_start(ctx.text, m.start("x"))
            and ctx.text.startswith(",", m.end("x"))
        ):
            return None  # "Now, ..." opening a sentence is a discourse marker, not a time
        return Reading("PRESENT_REF", why="the time of writing")
    if m["past"]:
        if _norm(m["past"]) == "former" and not ctx.narrative:
            return None  # TIMEX2 (WikiWars) marks "former"; TimeML news annotation does not
        return Reading("PAST_REF", why="an unspecified time before the time of writing")
    return Reading("FUTURE_REF", why="an unspecified time after the time of writing")


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


def holiday(m: re.Match[str], ctx: Context) -> Reading | None:
    name = _norm(m["hol"])
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
        rel = _norm(m["rel"])
        tense = (
            Tense.PAST
            if rel in ("last", "this past")
            else Tense.FUTURE
            if rel in ("next", "this coming")
            else ctx.tense(m)
        )
        d, how = _choose(past, future, anchor, tense, "nearest")
        how = f"{how} {base.title()}"
    value = cal.value_at(d, "W") if week else d.isoformat()
    return Reading(value, why=how, anchor=anchor)


_ANAPHORIC_SHIFT = {
    "that": 0,
    "the same": 0,
    "by that": 0,
    "later that": 0,
    "earlier that": 0,
    "the following": 1,
    "the next": 1,
    "the previous": -1,
    "the preceding": -1,
    "the prior": -1,
}


_DAY_SIZED = frozenset({"day", "morning", "afternoon", "evening", "night"})
# a lower-case word after "the day before" starts an event ("authorities issued", "the plunge"); "last"
# starts a date, and a conjunction, preposition or pronoun leaves "the day before" standing alone
_EVENT_AFTER = re.compile(
    r"\s+(?!(?:last|this|next|and|or|but|when|while|as|at|in|on|to|from|with|by|for|he|she|they|it|we|i)\b)[a-z]"
)


def anaphoric(m: re.Match[str], ctx: Context) -> Reading | None:
    ba_unit = _norm(m["baunit"])
    base = ctx.mentioned(to_the_day=ba_unit == "day" or _norm(m["unit"]) in _DAY_SIZED)
    if m["ba"]:
        # "the day before authorities issued a warrant": counted from an event news gives no date for; a
        # narrative has just dated its events ("The day after the battle" follows "8 August 1918").
        if not ctx.narrative and _EVENT_AFTER.match(ctx.text, m.end("x")):
            return None
        unit = unit_code(ba_unit)
        d = cal.shift(base, -1 if m["ba"].lower() == "before" else 1, unit)
        why = f"the {ba_unit} {m['ba'].lower()} the date last mentioned"
        return Reading(cal.value_at(d, unit), why=why, anchor=base)
    rel = _norm(m["rel"])
    shift = _ANAPHORIC_SHIFT[rel]
    mod = {"later that": "END", "earlier that": "START"}.get(rel)
    if m["mon"]:
        # "closed in March 2020 and reopened the following September": the first September after it
        month_no = month_number(m["mon"])
        if month_no is None or rel in ("the next", "later that", "earlier that", "by that"):
            return None
        year = base.year
        if shift > 0 and month_no <= base.month:
            year += 1
        elif shift < 0 and month_no >= base.month:
            year -= 1
        return Reading(f"{year:04d}-{month_no:02d}", why=f"{rel} {m['mon']}, from the date last mentioned", anchor=base)
    word = _norm(m["unit"])
    if word in PARTS_OF_DAY:
        d = base + dt.timedelta(days=shift)
        return Reading(
            f"{d.isoformat()}T{PARTS_OF_DAY[word]}", TimexType.TIME, why=f"{rel} {word}", mod=mod, anchor=base
        )
    if ctx.narrative and ctx.bc_year is not None and word in ("year", "decade"):
        # Years before the common era count down: the year after 491 BC is 490 BC.
        if word == "year":
            return Reading(f"BC{ctx.bc_year - shift:04d}", why=f"{rel} year, counted in years BC", mod=mod)
        return Reading(f"BC{(ctx.bc_year - 10 * shift) // 10:03d}", why=f"{rel} decade, counted BC", mod=mod)
    if word in SEASONS:
        return Reading(f"{base.year + shift}-{SEASONS[word]}", why=f"{rel} {word}", mod=mod, anchor=base)
    unit = unit_code(word)
    if unit is None:
        return None
    d = cal.shift(base, shift, unit)
    return Reading(
        cal.value_at(d, unit),
        why=f"{rel} {word}, from the date last mentioned",
        mod=mod,
        anchor=base,
    )


RESOLVERS: dict[str, Resolver] = {
    "month_day": month_day,
    "month_year": month_year,
    "day_range_end": day_range_end,
    "week_of": week_of,
    "month": month,
    "numeric_date": numeric_date,
    "weekday": weekday,
    "deictic": deictic,
    "calendar_period": calendar_period,
    "ordinal_quarter": ordinal_quarter,
    "year": year,
    "century": century,
    "year_end": year_end,
    "year_range_end": year_range_end,
    "year_ago_adj": year_ago_adj,
    "offset": offset,
    "duration": duration,
    "set": set_,
    "rate": rate,
    "clock": clock,
    "season": season,
    "reference": reference,
    "holiday": holiday,
    "anaphoric": anaphoric,
}
