"""The annotator: run the grammar over a text, keep the longest non-overlapping matches, resolve them.

Resolution runs in text order so that a narrative text can anchor each relative expression on the
date mentioned last, and so that "that day" can point back in any text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from . import calendar as cal
from .absolute import parse_absolute_date
from .cues import cue_spans
from .patterns import JOIN
from .registry import RULE_ORDER, RULES
from .rules import Context, Resolution, Rule
from .types import DocType, Precision, Reference, Timex, TimexType


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]


def _candidates(text: str) -> list[_Candidate]:
    hits = cue_spans(text)
    if not hits:
        return []
    found = []
    n = len(text)
    present = hits.keys()
    spans_of: dict[frozenset[str], list[tuple[int, int]]] = {}
    for rule in RULES:
        cues = rule.cues
        if cues.isdisjoint(present):
            continue
        spans = spans_of.get(cues)
        if spans is None:
            spans = spans_of[cues] = sorted(span for cue_name in cues for span in hits.get(cue_name, ()))
        before, after = rule.reach
        for lo, hi in _windows(spans, text, n, before, after):
            for m in rule.pattern.finditer(text, lo, hi):
                start, end = m.span("x")
                if end > start:
                    found.append(_Candidate(start, end, rule, m))
    return found


def _windows(spans: list[tuple[int, int]], text: str, n: int, before: int, after: int) -> list[tuple[int, int]]:
    """Merged stretches of text around the cue spans, ending on whitespace so no word is cut."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        lo = max(0, s - before)
        hi = min(n, e + after)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    result = []
    for lo, hi in out:
        while hi < n and not text[hi].isspace():
            hi += 1
        result.append((lo, hi))
    return result


def _select(cands: list[_Candidate], text: str, reference: Reference) -> list[tuple[_Candidate, Resolution]]:
    """Longest match wins; a match its rule rejects leaves room for a shorter one of another rule."""
    ordered = sorted(cands, key=lambda c: (-(c.end - c.start), c.start, RULE_ORDER[c.rule.name]))
    taken: list[tuple[_Candidate, Resolution]] = []
    occupied = bytearray(len(text) + 1)
    probe = Context(text, reference)
    for c in ordered:
        if any(occupied[c.start : c.end]):
            continue
        resolution = _resolve(c, probe)
        if resolution is None:
            continue
        occupied[c.start : c.end] = b"\x01" * (c.end - c.start)
        if resolution.value:
            taken.append((c, resolution))
    taken.sort(key=lambda pair: pair[0].start)
    return taken


_JOIN_TIME_DATE = re.compile(rf"{JOIN}(?:(?i:on)\s+)?$")
# Rules whose timex names one calendar day, which a clock time beside it takes.
_SAME_DAY_RULES = frozenset(r.name for r in RULES if r.names_a_day)


def annotate_text(text: str, reference: Reference) -> list[Timex]:
    if not text:
        return []
    chosen = _select(_candidates(text), text, reference)
    ctx = Context(text, reference)
    out: list[Timex] = []
    for cand, first in chosen:
        # Re-resolve in text order: the anchor may have moved since the probe pass.
        resolution = _resolve(cand, ctx) if cand.rule.reads_anchor else first
        if resolution is None or not resolution.value:
            continue
        timex = _build(text, cand, resolution, reference)
        out.append(timex)
        if cand.rule.moves_anchor and _BC_YEAR.match(timex.value):
            ctx.bc_year = int(timex.value[2:6])  # a story before the common era: count in years BC
            continue
        if timex.start_date is not None and cand.rule.moves_anchor and not _digression(ctx, timex):
            ctx.bc_year = None
        if timex.start_date is not None and timex.type in (TimexType.DATE, TimexType.TIME):
            if _digression(ctx, timex) or not cand.rule.moves_anchor:
                continue
            ctx.last_date = timex.start_date
            if timex.precision in (Precision.DAY, Precision.TIME):
                ctx.last_day = timex.start_date
    return _date_the_clock_times(text, _merge_clock_with_day(text, _merge_day_before(text, out)))


_BC_YEAR = re.compile(r"BC\d{4}")


def _digression(ctx: Context, timex: Timex) -> bool:
    """A bare year far from the story's dates ("the largest battle since 1813" in a 1920 narrative)
    is a side remark: it does not become the anchor of the relative dates that follow."""
    if ctx.last_date is None or timex.precision not in (Precision.YEAR, Precision.DECADE, Precision.CENTURY):
        return False
    return abs(timex.start_date.year - ctx.last_date.year) > 25


def _resolve(cand: _Candidate, ctx: Context) -> Resolution | None:
    try:
        return cand.rule.resolve(cand.match, ctx)
    except (ValueError, OverflowError):
        return None  # the date arithmetic left the calendar (year 0 or 10000): no resolution


def _build(text: str, cand: _Candidate, resolution: Resolution, reference: Reference) -> Timex:
    span = cal.interval(resolution.value) if resolution.type in (TimexType.DATE, TimexType.TIME) else None
    start_date, end_date, precision = span if span else (None, None, None)
    if resolution.interval is not None and span:
        start_date, end_date = resolution.interval
    if resolution.type is TimexType.TIME and precision is not None and resolution.value[10:11] == "T":
        precision = Precision.TIME
    surface = text[cand.start : cand.end]
    return Timex(
        start=cand.start,
        end=cand.end,
        text=surface,
        type=resolution.type,
        value=resolution.value,
        start_date=start_date,
        end_date=end_date,
        precision=precision,
        rule=cand.rule.name,
        mod=resolution.mod,
        explanation=_explain(surface, resolution, reference),
        anchor=resolution.anchor,
        extra=dict(resolution.extra),
    )


def _explain(surface: str, resolution: Resolution, reference: Reference) -> str:
    flat = " ".join(surface.split())
    if resolution.anchor is None:
        where = ""
    elif reference.doc_type == DocType.NARRATIVE or resolution.anchor != reference.date:
        where = f" after a mention of {resolution.anchor.isoformat()}"
    else:
        where = f" in an article of {reference.date.isoformat()}"
    why = f": {resolution.why}" if resolution.why else ""
    return f"'{flat}'{where}{why} → {resolution.value}"


_DAY_BEFORE = re.compile(r"(?i:the\s+)?day\s+(?P<ba>before|after)\s+$")


def _merge_day_before(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "the day before last Tuesday's hearing" counts from the day named, not from the one mentioned last."""
    out: list[Timex] = []
    for t in timexes:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.rule == "anaphoric"
            and t.rule in _SAME_DAY_RULES
            and t.precision is Precision.DAY
            and t.start_date is not None
            and (m := _DAY_BEFORE.fullmatch(text, prev.start, t.start)) is not None
        ):
            day = t.start_date + dt.timedelta(days=-1 if m["ba"].lower() == "before" else 1)
            surface = text[prev.start : t.end]
            out[-1] = replace(
                prev,
                end=t.end,
                text=surface,
                value=day.isoformat(),
                start_date=day,
                end_date=day,
                precision=Precision.DAY,
                anchor=t.start_date,
                explanation=f"'{' '.join(surface.split())}': the day {m['ba'].lower()} {t.text} → {day.isoformat()}",
            )
            continue
        out.append(t)
    return out


def _merge_clock_with_day(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "9 a.m. Tuesday" is one TIME expression; a clock time beside a day takes that day's date."""
    out: list[Timex] = []
    i = 0
    while i < len(timexes):
        t = timexes[i]
        nxt = timexes[i + 1] if i + 1 < len(timexes) else None
        if (
            t.rule == "clock"
            and nxt is not None
            and nxt.rule in _SAME_DAY_RULES
            and nxt.start_date is not None
            and _JOIN_TIME_DATE.fullmatch(text[t.end : nxt.start]) is not None
        ):
            day = nxt.start_date
            clock_part = t.value.split("T", 1)[1]
            value = f"{day.isoformat()}T{clock_part}"
            out.append(
                Timex(
                    start=t.start,
                    end=nxt.end,
                    text=text[t.start : nxt.end],
                    type=TimexType.TIME,
                    value=value,
                    start_date=day,
                    end_date=day,
                    precision=t.precision,
                    rule="clock_with_day",
                    mod=t.mod,
                    explanation=f"'{' '.join(text[t.start : nxt.end].split())}': the time on {nxt.text} → {value}",
                    anchor=nxt.anchor,
                    extra=t.extra,
                )
            )
            i += 2
            continue
        out.append(t)
        i += 1
    return out


_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")
_CLOCK_DAY_RULES = _SAME_DAY_RULES | {"clock_with_day"}
_CLOCK_LINK = re.compile(r"\s*(?:\(|[-–]|(?i:to|and|until|till|through))\s*")


def _date_the_clock_times(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "at 10:35 a.m. (0735 GMT) Friday": a clock time takes the date of a day named in its sentence."""
    out = list(timexes)
    for i, t in enumerate(out):
        if t.rule != "clock":
            continue
        best: Timex | None = None
        best_gap = 80
        for other in timexes:
            # a dated clock time counts too: "from 9 a.m. to 5 p.m. Tuesday", "4 in the morning (4 a.m. Thursday)"
            if other.rule not in _CLOCK_DAY_RULES or other.start_date is None or other.precision is None:
                continue
            if other.precision not in (Precision.DAY, Precision.TIME):
                continue
            lo, hi = (other.end, t.start) if other.end <= t.start else (t.end, other.start)
            gap = hi - lo
            # another clock time lends its day only across a range or a restatement, not "11 pm, so 6 am tmrw"
            if other.rule == "clock_with_day" and _CLOCK_LINK.fullmatch(text, lo, hi) is None:
                continue
            if 0 <= gap < best_gap and not _SENTENCE_BREAK.search(text, lo, hi):
                best, best_gap = other, gap
        if best is not None and best.start_date != t.start_date:
            value = f"{best.start_date.isoformat()}T{t.value.split('T', 1)[1]}"
            out[i] = replace(
                t,
                value=value,
                start_date=best.start_date,
                end_date=best.start_date,
                anchor=best.start_date,
                explanation=f"'{t.text}': the clock time on the day named beside it ({best.text}) → {value}",
            )
    return out


# Words an editor may record as "the date" that running text does not annotate on their own
# (TimeBank leaves "earlier" and "recent" unmarked in most sentences).
_VAGUE_WORDS = re.compile(
    r"(?i)^\s*(?:(?P<past>earlier|recent|previously|before|formerly|once|(?:just\s+)?(?:hours|days|weeks|moments)\s+"
    r"(?:before|earlier|ago))|(?P<future>soon|later|shortly|(?:just\s+)?(?:hours|days)\s+later|in\s+the\s+future))\s*$"
)


def vague_reference(expression: str) -> Timex | None:
    """PAST_REF or FUTURE_REF for a lone vague word such as "earlier" or "soon"; None for anything else."""
    m = _VAGUE_WORDS.match(expression)
    if m is None:
        return None
    value = "PAST_REF" if m.group("past") else "FUTURE_REF"
    side = "before" if value == "PAST_REF" else "after"
    start = len(expression) - len(expression.lstrip())
    end = len(expression.rstrip())
    return Timex(
        start=start,
        end=end,
        text=expression[start:end],
        type=TimexType.DATE,
        value=value,
        rule="vague_reference",
        explanation=f"'{expression.strip()}': an unspecified time {side} the reference → {value}",
    )


def absolute_date(expression: str) -> Timex | None:
    """A lone expression in a date format the grammar does not know ("28-Sep-2022"), read by dateparser."""
    day = parse_absolute_date(expression)
    if day is None:
        return None
    start = len(expression) - len(expression.lstrip())
    end = len(expression.rstrip())
    value = day.isoformat()
    return Timex(
        start=start,
        end=end,
        text=expression[start:end],
        type=TimexType.DATE,
        value=value,
        start_date=day,
        end_date=day,
        precision=Precision.DAY,
        rule="absolute_date",
        explanation=f"'{expression.strip()}': a full date, read by dateparser → {value}",
    )


_RANGE_LINK = re.compile(r"\s*(?:[-–—/]|(?i:to|and|through|thru|until|till))\s*")
_COARSENESS = {p: i for i, p in enumerate(Precision)}


def date_range(text: str, timexes: list[Timex]) -> Timex | None:
    """ "from 2009 to 2011", "between 2014 and 2016" recorded as one expression: one timex for the
    whole span, its value an ISO 8601 interval (2009/2011), from the first date's start to the second's end.

    Running text keeps the two dates apart, as TimeML does; an editor's single expression needs one reading.
    """
    dated = [t for t in timexes if t.type is TimexType.DATE and t.start_date is not None and t.precision is not None]
    if len(dated) != 2:
        return None
    first, last = sorted(dated, key=lambda t: t.start)
    if _RANGE_LINK.fullmatch(text, first.end, last.start) is None or last.end_date < first.start_date:
        return None
    precision = max(first.precision, last.precision, key=_COARSENESS.__getitem__)
    value = f"{first.value}/{last.value}"
    surface = text[first.start : last.end]
    return Timex(
        start=first.start,
        end=last.end,
        text=surface,
        type=TimexType.DATE,
        value=value,
        start_date=first.start_date,
        end_date=last.end_date,
        precision=precision,
        rule="date_range",
        explanation=f"'{' '.join(surface.split())}': from {first.value} to {last.value} → {value}",
        anchor=first.anchor,
    )


_FROM = re.compile(r"\s+(?i:from)\s+")
_WHOLE_DURATION = re.compile(r"P(\d+)([DWMY])")


def anchored_duration(text: str, timexes: list[Timex], reference: Reference) -> Timex | None:
    """ "two weeks from now" recorded as one expression: the date the duration reaches from its anchor.

    Running text keeps the duration (P2W) and its anchor (PRESENT_REF, "today") apart, as TimeML does;
    an editor's single expression needs the date they point to.
    """
    if len(timexes) != 2:
        return None
    span, anchor = sorted(timexes, key=lambda t: t.start)
    m = _WHOLE_DURATION.fullmatch(span.value)
    if span.type is not TimexType.DURATION or m is None or _FROM.fullmatch(text, span.end, anchor.start) is None:
        return None
    if anchor.value == "PRESENT_REF":
        base = reference.date
    elif anchor.precision is Precision.DAY and anchor.start_date is not None:
        base = anchor.start_date
    else:
        return None
    unit = m[2]
    value = cal.value_at(cal.shift(base, int(m[1]), unit), unit)
    interval = cal.interval(value)
    if interval is None:
        return None
    surface = text[span.start : anchor.end]
    return Timex(
        start=span.start,
        end=anchor.end,
        text=surface,
        type=TimexType.DATE,
        value=value,
        start_date=interval[0],
        end_date=interval[1],
        precision=interval[2],
        rule="anchored_duration",
        explanation=f"'{' '.join(surface.split())}': {span.value} after {base.isoformat()} → {value}",
        anchor=base,
    )
