"""What the pages say about dates and disagreement, in words a reader uses.

Plain functions of already-fetched rows: labels as precise as their dates, the sentence that says
where sources disagree, the chart's bins, and the marked-up text of a source. Nothing here queries.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from timeline.models import intervals_agree
from timeline.readings import DateReading, readings_disagree
from timeline.temporal.calendar import quarter_of

PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}


def _day(day: dt.date, *, weekday: bool = True, year: bool = True) -> str:
    text = f"{day.day} {day:%b}" + (f" {day.year}" if year else "")
    return f"{day:%A}, {text}" if weekday else text


def _time_label(value: str, start: dt.date, end: dt.date, year: bool) -> str:
    part = value.rpartition("T")[2] if "T" in value else ""
    if part in PARTS_OF_DAY:
        return f"{start:%A} {PARTS_OF_DAY[part]}, {_day(start, weekday=False, year=year)}"
    if part[:2].isdigit():
        return f"{_day(start, year=year)}, {part[:5]}"
    return _day(start, year=year)


def _days_label(value: str, start: dt.date, end: dt.date, year: bool) -> str:
    if start == end:
        return _day(start, year=year)
    if start.year == end.year and start.month == end.month:
        return f"{start.day}–{_day(end, weekday=False, year=year)}"
    return f"{_day(start, weekday=False)} – {_day(end, weekday=False)}"


def _season_label(value: str, start: dt.date, end: dt.date, year: bool) -> str:
    season = SEASONS.get(value[5:7], "season")
    return f"{season.capitalize()} {start.year}"


def _interval_label(value: str, start: dt.date, end: dt.date, year: bool) -> str:
    # No precision recorded: say the interval as it is.
    return _day(start) if start == end else f"{_day(start, weekday=False)} – {_day(end, weekday=False)}"


# Each precision's label, from (value, start, end, year): only day and time labels may drop the year.
DATE_LABELS = {
    "time": _time_label,
    "day": _days_label,
    "week": lambda value, start, end, year: f"week of {_day(start, weekday=False)}",
    "weekend": lambda value, start, end, year: f"weekend of {_day(start, weekday=False)}",
    "month": lambda value, start, end, year: f"{start:%B %Y}",
    "quarter": lambda value, start, end, year: f"Q{quarter_of(start)} {start.year}",
    "season": _season_label,
    "year": lambda value, start, end, year: str(start.year),
    "decade": lambda value, start, end, year: f"the {start.year}s",
    "century": lambda value, start, end, year: f"{start.year}–{end.year}",
}


def date_label(value: str, start: dt.date | None, end: dt.date | None, precision: str, *, year: bool = True) -> str:
    """A date in words, as precise as it is: "Tuesday night, 27 Sep 2022", "week of 19 Sep 2022",
    "September 2022". `year=False` drops the year from day and time labels (for a sentence that
    already names it). Empty when there is no interval to name."""
    if start is None or end is None:
        return ""
    return DATE_LABELS.get(precision, _interval_label)(value, start, end, year)


def record_label(record) -> str:
    """The label of any dated row (event, statement, citation)."""
    return date_label(record.date_value, record.date_start, record.date_end, record.date_precision)


def reading_label(reading: DateReading) -> str:
    return date_label(reading.value, reading.start, reading.end, reading.precision)


def _names(publishers: Sequence[str]) -> str:
    if len(publishers) <= 2:
        return " and ".join(publishers)
    return ", ".join(publishers[:-1]) + " and " + publishers[-1]


def disagreement_sentence(event, readings: list[DateReading]) -> str:
    """Where the sources disagree, said plainly; empty when they do not.

    "4 sources agree on Tuesday night, 27 Sep 2022; New York Post says Wednesday, 28 Sep 2022 (“Wednesday”)."
    The sources whose reading agrees with the event's date are counted; each dissenting reading is
    named with its publishers and their words.
    """
    if not readings_disagree(readings):
        return ""
    dated = [r for r in readings if r.start is not None]
    if event.date_start is None:
        parts = [_says(r) for r in dated]
        return "Sources disagree: " + "; ".join(parts) + "."
    agreeing: list = []
    dissenting: list[DateReading] = []
    for reading in dated:
        if intervals_agree(reading.start, reading.end, event.date_start, event.date_end):
            agreeing.extend(s for s in reading.sources if s not in agreeing)
        else:
            dissenting.append(reading)
    label = record_label(event)
    if len(agreeing) == 1:
        head = f"{agreeing[0].publisher} says {label}"
    else:
        head = f"{len(agreeing)} sources agree on {label}"
    return "; ".join([head, *(_says(r) for r in dissenting)]) + "."


def _says(reading: DateReading) -> str:
    publishers = list(dict.fromkeys(source.publisher for source in reading.sources))
    verb = "says" if len(publishers) == 1 else "say"
    words = " / ".join(f"“{text}”" for text in reading.texts)
    return f"{_names(publishers)} {verb} {reading_label(reading)}" + (f" ({words})" if words else "")


# --- The chart of entries over time -------------------------------------------------------------


@dataclass
class Bar:
    label: str
    start: dt.date
    end: dt.date
    count: int
    x: float = 0
    y: float = 0
    width: float = 0
    height: float = 0
    centre: float = 0
    tick: bool = False


@dataclass
class Chart:
    bars: list[Bar] = field(default_factory=list)
    unit: str = "month"
    total: int = 0
    width: int = 720
    margin: int = 40  # room for the first and last labels, centred under their bars
    height: int = 160
    plot_height: int = 120
    peak: int = 0

    @property
    def view_width(self) -> int:
        return self.width + 2 * self.margin


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def chart_of(month_counts: Iterable[tuple[dt.date, int]], *, max_months: int = 48) -> Chart:
    """Bars of entries per month (or per year when the span is long), with empty bins kept so the
    horizontal axis is time. `month_counts` are (first day of a month, count) pairs in any order."""
    counts: dict[dt.date, int] = {}
    for month, n in month_counts:
        if month is None:
            continue
        if isinstance(month, dt.datetime):
            month = month.date()
        key = month.replace(day=1)
        counts[key] = counts.get(key, 0) + n
    chart = Chart()
    if not counts:
        return chart
    first, last = min(counts), max(counts)
    span = (last.year - first.year) * 12 + last.month - first.month + 1
    if span > max_months:
        chart.unit = "year"
        years: dict[int, int] = {}
        for month, n in counts.items():
            years[month.year] = years.get(month.year, 0) + n
        # A very long span (centuries) would draw thousands of empty bins: keep only the years that have entries.
        span_years = last.year - first.year + 1
        keys = range(first.year, last.year + 1) if span_years <= 200 else sorted(years)
        for year in keys:
            chart.bars.append(Bar(str(year), dt.date(year, 1, 1), dt.date(year, 12, 31), years.get(year, 0)))
    else:
        month = first
        while month <= last:
            chart.bars.append(Bar(f"{month:%b %Y}", month, _month_end(month), counts.get(month, 0)))
            month = _month_end(month) + dt.timedelta(days=1)
    chart.total = sum(bar.count for bar in chart.bars)
    chart.peak = max(bar.count for bar in chart.bars)
    slot = chart.width / len(chart.bars)
    every = max(1, round(len(chart.bars) / 8))
    for i, bar in enumerate(chart.bars):
        bar.width = max(slot * 0.8, 1)
        bar.x = chart.margin + i * slot + (slot - bar.width) / 2
        bar.centre = bar.x + bar.width / 2
        bar.height = chart.plot_height * bar.count / chart.peak if chart.peak else 0
        bar.y = chart.plot_height - bar.height
        bar.tick = i % every == 0
    return chart


# --- A source's text, marked --------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """A stretch of a source's text to mark: a citation, a statement or a date expression."""

    start: int
    end: int
    kind: str  # "citation", "statement", "date" or "proposal" (awaiting review)
    anchor: str = ""  # the id of the mark's first piece, for links into the text
    title: str = ""  # a tooltip: what the mark is
    href: str = ""  # where its entry is, shown as a small link after the span


ORDER = {"proposal": 0, "citation": 1, "statement": 2, "date": 3}


def marked_text(text: str, spans: Iterable[Span]) -> SafeString:
    """The text with every span in <mark> elements, escaped piece by piece.

    Spans may overlap (a date inside a quote inside a cited sentence), so the text is cut at every
    span boundary and each piece is wrapped in the marks of every span over it, outermost first:
    the elements always nest. Only this function writes tags; every character of the text goes
    through escape().
    """
    spans = sorted(
        (s for s in spans if 0 <= s.start < s.end <= len(text)),
        key=lambda s: (s.start, -s.end, ORDER[s.kind]),
    )
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    opened: set[Span] = set()
    for left, right in itertools.pairwise(cuts):
        over = [s for s in spans if s.start <= left and right <= s.end]
        piece = escape(text[left:right])
        for span in reversed(over):
            attrs = [f'class="mark-{span.kind}"']
            if span not in opened:
                opened.add(span)
                if span.anchor:
                    attrs.append(f'id="{escape(span.anchor)}"')
            if span.title:
                attrs.append(f'title="{escape(span.title)}"')
            piece = f"<mark {' '.join(attrs)}>{piece}</mark>"
        out.append(piece)
        for span in spans:
            if span.end == right and span.href:
                out.append(
                    f'<a class="to-entry" href="{escape(span.href)}" title="{escape(span.title)}">'
                    f'<span aria-hidden="true">↗</span><span class="visually-hidden">'
                    f"{escape(span.title)} on the timeline</span></a>"
                )
    # Safe: every piece of text above went through escape(); only this function's own tags are raw.
    return mark_safe("".join(out))


def sentence_with_date(sentence: str, date_text: str) -> SafeString:
    """A citation's sentence with its date expression marked, escaped on both sides of it."""
    at = sentence.find(date_text) if date_text else -1
    if at < 0:
        return escape(sentence)
    end = at + len(date_text)
    return marked_text(sentence, [Span(at, end, "date")])
