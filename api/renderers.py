"""The timeline's JSON, and its exports: TimelineJS 3 JSON, CSV and iCalendar.

Each export renderer takes serialized timeline entries (the shape of TimelineEntrySerializer) and
turns them into its format, chosen by `?format=` or the Accept header: `render()` a list at once,
or `stream()` batches of entries into chunks of bytes, so that an export of any length is written
in constant memory (the view streams it).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator
from html import escape

import orjson
from django.http import StreamingHttpResponse
from icalendar import Calendar
from icalendar import Event as CalendarEvent
from rest_framework import renderers

from timeline.models import DatedModel

FUZZY_PRECISIONS = {"week", "weekend", "month", "quarter", "season", "year", "decade", "century"}
SEASONS = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "WI": "Winter"}


class FastJSONRenderer(renderers.JSONRenderer):
    """JSONRenderer's output (compact, UTF-8) written by orjson, several times faster on large pages.

    An indented rendering (the browsable API asks for one) or a value orjson does not know goes
    through the stock renderer.
    """

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        if data is None:
            return b""
        if self.get_indent(accepted_media_type or "", renderer_context or {}) is None:
            try:
                out = orjson.dumps(data)
            except TypeError:
                pass
            else:
                # As JSONRenderer does: these two are valid JSON but end a line in JavaScript. A
                # search for each is a fraction of the cost of a replace that finds nothing.
                if b"\xe2\x80\xa8" in out:
                    out = out.replace(b"\xe2\x80\xa8", b"\\u2028")
                if b"\xe2\x80\xa9" in out:
                    out = out.replace(b"\xe2\x80\xa9", b"\\u2029")
                return out
        return super().render(data, accepted_media_type, renderer_context)


class ExportRenderer(renderers.BaseRenderer):
    """A download of the whole filtered timeline rather than one page of the API."""

    charset = "utf-8"
    filename = "timeline"

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        request = (renderer_context or {}).get("request")
        return b"".join(self.stream([data], request=request))

    def stream(self, batches: Iterable[list[dict]], *, request=None) -> Iterator[bytes]:
        raise NotImplementedError


class StreamedExport(StreamingHttpResponse):
    """An export streamed chunk by chunk. `content` gives the whole body at once for callers that
    want it so (test clients, scripts): reading it consumes the stream, once."""

    _body: bytes | None = None

    @property
    def content(self) -> bytes:
        if self._body is None:
            self._body = b"".join(self.streaming_content)
        return self._body

    @property
    def text(self) -> str:
        return self.content.decode(self.charset or "utf-8")


# --- TimelineJS 3 -----------------------------------------------------------------------------


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _ymd(day: dt.date) -> dict:
    return {"year": str(day.year), "month": str(day.month), "day": str(day.day)}


def _ym(day: dt.date) -> dict:
    return {"year": str(day.year), "month": str(day.month)}


def _y(day: dt.date) -> dict:
    return {"year": str(day.year)}


TimelineJSDates = tuple[dict, dict | None, str | None]  # start_date, end_date, display_date


def _on_days(start: dt.date, end: dt.date, date: dict) -> TimelineJSDates:
    return _ymd(start), (_ymd(end) if end != start else None), None


def _at_time(start: dt.date, end: dt.date, date: dict) -> TimelineJSDates:
    display = f"{start:%-d %B %Y} ({date['text']})" if date["text"] else None
    return _ymd(start), (_ymd(end) if end != start else None), display


def _in_week(start: dt.date, end: dt.date, date: dict) -> TimelineJSDates:
    label = "Week" if date["precision"] == "week" else "Weekend"
    return _ymd(start), _ymd(end), f"{label} of {start:%-d %B %Y}"


def _in_season(start: dt.date, end: dt.date, date: dict) -> TimelineJSDates:
    season = SEASONS.get(date["value"][5:7], "Season") if date["value"] else "Season"
    return _ym(start), _ym(end), f"{season} {start.year}"


# Each precision's dates, no more precise than the date itself; a date with no precision is a day's,
# and anything coarser than a decade spans its years.
TIMELINEJS_DATES = {
    "day": _on_days,
    "time": _at_time,
    "week": _in_week,
    "weekend": _in_week,
    "month": lambda start, end, date: (_ym(start), None, f"{start:%B %Y}"),
    "quarter": lambda start, end, date: (_ym(start), _ym(end), f"Q{(start.month - 1) // 3 + 1} {start.year}"),
    "season": _in_season,
    "year": lambda start, end, date: (_y(start), None, str(start.year)),
    "decade": lambda start, end, date: (_y(start), _y(end), f"{start.year}s"),
}


def _years(start: dt.date, end: dt.date, date: dict) -> TimelineJSDates:
    return _y(start), _y(end), f"{start.year}–{end.year}"


def timelinejs_dates(date: dict) -> TimelineJSDates:
    """start_date, end_date and display_date for one date object, no more precise than the date itself."""
    dates = TIMELINEJS_DATES.get(date["precision"] or "day", _years)
    return dates(_day(date["start"]), _day(date["end"]), date)


def _sources_html(entry: dict) -> str:
    credits = []
    for source in entry["sources"]:
        name = escape(f"{source['publisher']}, {source['publication']['date']}")
        if source["url"]:
            credits.append(f'<a href="{escape(source["url"])}">{name}</a>')
        else:
            credits.append(name)
    return f"<p>Sources: {'; '.join(credits)}</p>" if credits else ""


def _disagreement_html(entry: dict) -> str:
    if not entry["sources_disagree"]:
        return ""
    readings = []
    for reading in entry["date_readings"]:
        publishers = ", ".join(source["publisher"] for source in reading["sources"])
        words = "/".join(reading["texts"])
        readings.append(f"{publishers}: {reading['value']}" + (f" ({words})" if words else ""))
    return f"<p>Sources disagree on the date: {escape('; '.join(readings))}</p>"


def timelinejs_slide(entry: dict) -> dict:
    start_date, end_date, display_date = timelinejs_dates(entry["date"])
    body = "".join(
        part
        for part in (
            f"<p>{escape(entry['text'])}</p>" if entry["text"] else "",
            _disagreement_html(entry),
            _sources_html(entry),
        )
        if part
    )
    slide = {
        "start_date": start_date,
        "text": {"headline": escape(entry["title"]), "text": body},
        "group": entry["category"] or (entry["actors"][0]["name"] if entry["actors"] else entry["kind"]),
        "unique_id": entry["unique_id"],
    }
    if end_date:
        slide["end_date"] = end_date
    if display_date:
        slide["display_date"] = display_date
    return slide


def timelinejs_title(count: int, *, title: str = "News timeline") -> dict:
    return {"text": {"headline": escape(title), "text": f"<p>{count} events and statements.</p>"}}


def timelinejs_document(entries: list[dict], *, title: str = "News timeline") -> dict:
    return {
        "title": timelinejs_title(len(entries), title=title),
        "events": [timelinejs_slide(entry) for entry in entries if entry["date"]["start"]],
    }


class TimelineJSRenderer(ExportRenderer):
    """TimelineJS 3 JSON (https://timeline.knightlab.com/docs/json-format.html)."""

    media_type = "application/vnd.timelinejs+json"
    format = "timelinejs"
    filename = "timeline.json"

    def stream(self, batches: Iterable[list[dict]], *, request=None) -> Iterator[bytes]:
        # The slides first and the title last: the title counts the entries, known only at the end.
        yield b'{"events":['
        count, separator = 0, b""
        for entries in batches:
            count += len(entries)
            slides = [orjson.dumps(timelinejs_slide(entry)) for entry in entries if entry["date"]["start"]]
            if slides:
                yield separator + b",".join(slides)
                separator = b","
        yield b'],"title":' + orjson.dumps(timelinejs_title(count)) + b"}"


# --- CSV --------------------------------------------------------------------------------------

CSV_COLUMNS = [
    "unique_id",
    "kind",
    "id",
    "title",
    "text",
    *DatedModel.DATE_PUBLIC_FIELDS,
    "category",
    "actors",
    "sources",
    "source_urls",
    "sources_disagree",
]
# The date object's keys and the CSV columns they fill: `text` fills date_text, and so on.
DATE_KEYS = tuple((name.removeprefix("date_"), name) for name in DatedModel.DATE_PUBLIC_FIELDS)
LIST_SEPARATOR = "; "
# A cell starting with one of these is run as a formula by spreadsheet programs (OWASP, "CSV
# Injection"): such a cell gets a leading apostrophe, which shows it as the text it is.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def csv_row(entry: dict) -> dict:
    """One CSV row, every cell safe to open in a spreadsheet."""
    return {column: neutralise_cell(value) for column, value in _csv_values(entry).items()}


def _csv_values(entry: dict) -> dict:
    date = entry["date"]
    return {
        "unique_id": entry["unique_id"],
        "kind": entry["kind"],
        "id": entry["id"],
        "title": entry["title"],
        "text": entry["text"],
        # An undated row's start, end and anchor are null: an empty cell.
        **{name: date[key] or "" for key, name in DATE_KEYS},
        "category": entry["category"],
        "actors": LIST_SEPARATOR.join(actor["name"] for actor in entry["actors"]),
        "sources": LIST_SEPARATOR.join(source["publisher"] for source in entry["sources"]),
        "source_urls": LIST_SEPARATOR.join(source["url"] for source in entry["sources"] if source["url"]),
        "sources_disagree": "true" if entry["sources_disagree"] else "false",
    }


class CSVRenderer(ExportRenderer):
    """One row per timeline entry; lists joined with "; "; every cell quoted and none a formula."""

    media_type = "text/csv"
    format = "csv"
    filename = "timeline.csv"

    def stream(self, batches: Iterable[list[dict]], *, request=None) -> Iterator[bytes]:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
        writer.writeheader()
        for entries in batches:
            writer.writerows(csv_row(entry) for entry in entries)
            yield out.getvalue().encode(self.charset)
            out.seek(0)
            out.truncate()
        if out.tell():
            yield out.getvalue().encode(self.charset)


# --- iCalendar --------------------------------------------------------------------------------


def calendar_event(entry: dict, *, stamp: dt.datetime, host: str) -> CalendarEvent:
    date = entry["date"]
    event = CalendarEvent()
    event.add("uid", f"{entry['unique_id']}@{host}")
    event.add("dtstamp", stamp)
    event.add("summary", entry["title"])
    # All-day over the interval: DTEND is exclusive, hence the day after the last day covered.
    event.add("dtstart", _day(date["start"]))
    event.add("dtend", _day(date["end"]) + dt.timedelta(days=1))
    lines = [entry["text"]] if entry["text"] else []
    if date["text"]:
        lines.append(f"Date as written: {date['text']} ({date['value']}, {date['precision']}, {date['status']})")
    if entry["sources_disagree"]:
        lines.append(
            "Sources disagree: "
            + "; ".join(
                f"{', '.join(s['publisher'] for s in r['sources'])}: {r['value']}" for r in entry["date_readings"]
            )
        )
    if entry["sources"]:
        lines.append("Sources: " + "; ".join(f"{s['publisher']} {s['url']}".strip() for s in entry["sources"]))
    event.add("description", "\n".join(lines))
    if entry["category"]:
        event.add("categories", [entry["category"]])
    return event


class ICalendarRenderer(ExportRenderer):
    """RFC 5545: one all-day VEVENT per dated entry, spanning its whole interval."""

    media_type = "text/calendar"
    format = "ics"
    filename = "timeline.ics"

    def stream(self, batches: Iterable[list[dict]], *, request=None) -> Iterator[bytes]:
        host = request.get_host().split(":")[0] if request else "timeline"
        calendar = Calendar()
        calendar.add("prodid", "-//News timeline//API//EN")
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", "News timeline")
        # The calendar's own lines, then its events one batch at a time, then its end.
        footer = b"END:VCALENDAR\r\n"
        head = calendar.to_ical()
        yield head.removesuffix(footer)
        stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
        for entries in batches:
            yield b"".join(
                calendar_event(entry, stamp=stamp, host=host).to_ical() for entry in entries if entry["date"]["start"]
            )
        yield footer
