"""The date engine: find temporal expressions in English text and resolve them to TIMEX3 values.

    annotate(text, Reference(date(2022, 9, 28)))        # every timex, sorted, non-overlapping
    resolve_expression("on Tuesday night", reference)    # one editor-recorded expression → 2022-09-27TNI

Plain Python (no Django). The grammar (`grammar.py`) finds expressions with precompiled regexes run
only around cue words; one resolver per rule (`resolve.py`) turns each into a value, counting from
the reference date in news and from the last date mentioned in narrative text; `calendar.py` turns
values into inclusive date intervals; `tense.py` decides which way a bare "Tuesday" points.

Conventions: these follow the TimeML TIMEX3 guidelines that the TempEval-3 corpora use, which a
reader may not expect.

- Extents leave out prepositions: "on Tuesday" is annotated as "Tuesday", "in September" as
  "September"; determiners and modifiers stay in ("last week", "the third quarter", "about two years").
- Modifiers do not move the value, they go to `mod`: "earlier this month" is 2022-09 with mod START,
  "late yesterday" is yesterday with mod END, "more than four hours" is PT4H with mod MORE_THAN.
- A bare weekday in news is the latest one on or before the publication date ("said Tuesday"), unless
  the clause is in the future ("will meet on Tuesday" → the next one); the publication day's own
  weekday is that day; "this Saturday" is the Saturday of the reference's ISO week. A bare month
  is the latest such month, unless a future verb or "by/until" points ahead and the month is at most
  two months away. A day and month without a year ("June 22") take the verb's tense when it is close
  by, else the nearest such date; after a deadline word ("extended to Nov. 16", "effective June 1")
  or before "deadline" ("the Jan. 14 deadline") the coming one. "the day before last Tuesday"
  counts from the day it names.
- "last December" is the December before the reference month (2022-12 in February 2023); "last week"
  is the ISO week before the reference's (2022-W38 on 2022-09-28); weeks are ISO weeks, Monday-Sunday.
- "the past week", "the last two months" are durations (P1W, P2M), not dates.
- Parts of the day are TIME values: "Tuesday night" → 2022-09-27TNI (also TMO, TAF, TEV); their
  interval is that day, with precision `time`. "tonight" → the reference day's TNI, "last night" →
  the day before's TNI.
- Decades and centuries are written with their leading digits: "the 1990s" → 199, "the 19th century"
  → 18 (the 1800s); their intervals are 1990-01-01..1999-12-31 and 1800-01-01..1899-12-31.
- Half years ("the first half of 2022" → 2022-H1) cover their six months; the precision list has no
  half year, so they report precision `quarter`, the nearest finer one.
- Seasons use the meteorological northern-hemisphere months: spring March-May, summer June-August,
  fall September-November, winter December of the value's year to the end of February of the next
  (so 2022-WI is 2022-12-01..2023-02-28).
- Quarters: "the third quarter" without a year is the reference year's, unless that quarter has not
  begun yet and the clause is not in the future (then last year's: "the fourth quarter" in January).
  "the quarter", "the latest quarter", "a year ago" in earnings reports mean the quarter just ended
  (and the same quarter a year before), because financial news reports on closed quarters.
- News annotation (TimeBank) reads "three days later" and "a week after the vote" as durations
  (P3D, P1W); "three days ago" and "a year earlier" are dates. In narrative text all of them are dates.
- "now", "currently" → PRESENT_REF; "recently", "the past" → PAST_REF; "the future", "the near
  future" → FUTURE_REF. These have no interval. Durations and sets (P9Y, XXXX-WXX-1, P1W for
  "weekly") have no interval either.
- Clock times take the reference date unless a day is named beside them ("9 a.m. Tuesday",
  "at 10:35 a.m. (0735 GMT) Friday", "from 9 a.m. to 5 p.m. Thursday"); the time zone written after
  a time goes to `extra["timezone"]`, the value stays in local time.
- "three hours ago" is a TIME counted from `Reference.time` when the publication time is known, and
  just the publication day otherwise.
- Narrative text (`DocType.NARRATIVE`, WikiWars): relative dates ("in March", "two days later", "the
  following year") count from the last date read off the text itself ("June 22, 1941", "1942");
  relative dates do not move that anchor, nor does a bare year more than 25 years away from it ("the
  largest battle since 1813" in a history of 1920). "former" is PAST_REF there, as TIMEX2 annotates it.
- Years before the common era are written BC0490 (BC0480-08 for August 480 BC, BC03 for the 4th
  century BC) and have no interval, since Python dates start at year 1; a narrative set BC counts
  "the following year" down (491 BC → BC0490).
- Ranges: "1947-54" gives 1947 and 1954; "from May 15 to August 16, 1988" gives both days in 1988.
- Not annotated: the modal "may", the verb "march", "Sun" as a name, bare numbers, ordinals, ages
  ("a 6-year-old"), rates ("$2 million a year"), "the fall of ...", "Now," opening a sentence, and
  "today" or "tomorrow" naming an era ("today's youth", "the people of tomorrow").
"""

from __future__ import annotations

from .engine import absolute_date, annotate_text, date_range, vague_reference
from .types import DocType, Precision, Reference, Timex, TimexType, build_reference

__all__ = [
    "DocType",
    "Precision",
    "Reference",
    "Timex",
    "TimexType",
    "annotate",
    "build_reference",
    "resolve_expression",
]


def annotate(text: str, reference: Reference) -> list[Timex]:
    """Every temporal expression in `text`, sorted by start and non-overlapping, resolved against `reference`."""
    return annotate_text(text, reference)


def resolve_expression(expression: str, reference: Reference, *, context: str | None = None) -> Timex | None:
    """Resolve one date expression an editor recorded, using its sentence for tense when given.

    With a `context` that contains the expression, the context is annotated and the timex that
    overlaps the expression is returned (offsets relative to the context); otherwise the expression
    is annotated alone. Never raises: odd input gives None.
    """
    try:
        if not isinstance(expression, str) or not expression.strip():
            return None
        if context and isinstance(context, str):
            at = context.find(expression)
            if at < 0:
                at = context.lower().find(expression.lower())
            if at >= 0:
                end = at + len(expression)
                hits = [t for t in annotate_text(context, reference) if t.start < end and at < t.end]
                if hits:
                    return date_range(context, hits) or max(hits, key=lambda t: min(t.end, end) - max(t.start, at))
        hits = annotate_text(expression, reference)
        if not hits:
            return vague_reference(expression) or absolute_date(expression)
        return date_range(expression, hits) or max(hits, key=lambda t: t.end - t.start)
    except Exception:  # an editor's odd string must never break the caller; there is simply no date
        return None
