"""The timeline's read path: payloads from `.values()` rows, keyset seeks, bounded date ranges, streamed
exports, and spreadsheet-safe CSV."""

import csv
import datetime as dt
import io
import tracemalloc

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from api.serializers import EventSerializer, TimelineEntrySerializer
from tests.factories import ActorFactory, CitationFactory, EventFactory, SourceFactory, StatementFactory, resolved_dates
from timeline import paging, readings, selectors
from timeline.models import Event, Statement
from timeline.rows import plain

pytestmark = pytest.mark.django_db

D = dt.date
SEPTEMBER = D(2022, 9, 1)


def build(rows: int, *, start: dt.date = SEPTEMBER) -> None:
    """`rows` events (two actors, two citations that sometimes disagree) and `rows` statements."""
    shared = ActorFactory()
    for i in range(rows):
        day = start + dt.timedelta(days=i)
        event = EventFactory(**resolved_dates(day))
        event.actors.set([shared, ActorFactory()])
        CitationFactory(event=event, source=SourceFactory(), **resolved_dates(day))
        CitationFactory(event=event, source=SourceFactory(), **resolved_dates(day + dt.timedelta(days=i % 2)))
        StatementFactory(event=event if i % 3 else None, speaker=shared, **resolved_dates(day))


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def varied():
    """Rows that exercise every branch of a payload."""
    cnn = SourceFactory(publisher="CNN", published_time=dt.time(14, 30), timezone="America/New_York")
    post = SourceFactory(publisher="New York Post", url="")
    alert = EventFactory(title="Alert\u2028line", category="diplomacy", **resolved_dates(D(2022, 9, 27)))
    alert.actors.set([ActorFactory(name="Zed"), ActorFactory(name="Abe")])
    CitationFactory(event=alert, source=cnn, date_text="Tuesday", **resolved_dates(D(2022, 9, 27)))
    CitationFactory(event=alert, source=post, date_text="Wednesday", **resolved_dates(D(2022, 9, 28)))
    CitationFactory(event=alert, source=cnn, char_start=1, date_text="Tuesday night", **resolved_dates(D(2022, 9, 27)))
    CitationFactory(event=alert, source=post, char_start=2)  # undated: contradicts nothing
    EventFactory(title="Month", **resolved_dates(D(2022, 9, 1), D(2022, 9, 30), value="2022-09", precision="month"))
    StatementFactory(source=cnn, event=alert, text="x" * 300, **resolved_dates(D(2022, 9, 27)))
    StatementFactory(source=post, **resolved_dates(D(2022, 9, 27)))
    EventFactory(title="Undated")


def test_the_json_is_byte_for_byte_what_the_serializers_give(client, varied):
    response = client.get("/api/v1/timeline", {"page_size": 200})
    entries, _ = paging.timeline_page(events=selectors.event_list(), statements=selectors.statement_list(), limit=200)
    expected = {"next": None, "previous": None, "results": TimelineEntrySerializer(entries, many=True).data}
    assert response.content == JSONRenderer().render(expected)
    assert "\\u2028" in response.content.decode()  # escaped as DRF's renderer does


def test_each_page_by_cursor_is_what_the_serializers_give_for_that_page(client):
    build(12)
    url, seen = "/api/v1/timeline?page_size=5", []
    while url:
        page = client.get(url).json()
        seen += page["results"]
        url = page["next"]
    entries, _ = paging.timeline_page(events=selectors.event_list(), statements=selectors.statement_list(), limit=100)
    assert seen == TimelineEntrySerializer(entries, many=True).data


# Queries, whatever the number of rows (streamed bodies are read inside the count):
EXPECTED = {
    # unfiltered: both kinds' rows merged in one statement, the events' actors, their citations with sources
    "/api/v1/timeline": 3,
    # filtered: events, statements (each compiled with its filters), actors, citations
    "/api/v1/timeline?start=2022-09-05&end=2023-12-31": 4,  # the longest span is a subquery, not a query
    "/api/v1/timeline?cursor=YXwyMDIyLTA5LTAzfDF8MHwx": 3,
    # where the export ends (one query on the sort keys), then one batch of three
    "/api/v1/timeline?format=csv": 4,
    "/api/v1/timeline?format=ics": 4,
    "/api/v1/timeline?format=timelinejs": 4,
}


@pytest.mark.parametrize("url", list(EXPECTED))
def test_ten_rows_and_a_hundred_cost_the_same_queries_streamed_bodies_included(client, url):
    counts = []
    for rows, start in ((10, D(2022, 9, 1)), (90, D(2022, 9, 11))):  # 10, then 100 in all
        build(rows, start=start)
        separator = "&" if "?" in url else "?"
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"{url}{separator}page_size=200")
            assert response.status_code == 200
            content = body(response)
        assert content
        counts.append(len(queries))
    assert counts == [EXPECTED[url]] * 2


@pytest.mark.parametrize("export", ["csv", "ics", "timelinejs"])
def test_exports_are_streamed_in_batches_and_say_the_same_as_one_batch(client, monkeypatch, export):
    build(12)
    whole = body(client.get("/api/v1/timeline", {"format": export}))

    limits = []
    original = paging.timeline_rows

    def recording(**kwargs):
        limits.append(kwargs["limit"])
        return original(**kwargs)

    monkeypatch.setattr("api.views.EXPORT_BATCH_ROWS", 5)
    monkeypatch.setattr("timeline.paging.timeline_rows", recording)
    response = client.get("/api/v1/timeline", {"format": export})
    assert response.streaming
    chunks = list(response.streaming_content)
    assert limits == [5] * 5  # 24 rows: five batches, never more than five rows read at once
    streamed = b"".join(chunks)
    if export == "ics":  # DTSTAMP is the time of the request
        strip = lambda text: [line for line in text.split(b"\r\n") if not line.startswith(b"DTSTAMP")]  # noqa: E731
        assert strip(streamed) == strip(whole)
    else:
        assert streamed == whole


def peak_memory_of_export(client, export: str) -> tuple[int, int]:
    tracemalloc.start()
    try:
        response = client.get("/api/v1/timeline", {"format": export})
        size = sum(len(chunk) for chunk in response.streaming_content)  # read and let go, as a socket does
        return tracemalloc.get_traced_memory()[1], size
    finally:
        tracemalloc.stop()


def test_an_export_ten_times_longer_needs_no_more_memory(client, monkeypatch):
    monkeypatch.setattr("api.views.EXPORT_BATCH_ROWS", 20)
    build(20)
    small_peak, small_size = peak_memory_of_export(client, "csv")
    build(180, start=D(2022, 9, 21))
    big_peak, big_size = peak_memory_of_export(client, "csv")
    assert big_size > 8 * small_size
    assert big_peak < 1.5 * small_peak


def test_an_export_continues_by_link_across_batches(client, monkeypatch):
    build(6)
    monkeypatch.setattr("api.views.EXPORT_MAX_ROWS", 5)
    monkeypatch.setattr("api.views.EXPORT_BATCH_ROWS", 2)
    ids, url = [], "/api/v1/timeline?format=csv"
    while url:
        response = client.get(url)
        ids += [row["unique_id"] for row in csv.DictReader(io.StringIO(body(response).decode()))]
        url = response.get("Link", "").split(";")[0].strip("<>") or None
    everything = [entry["unique_id"] for entry in client.get("/api/v1/timeline", {"page_size": 200}).json()["results"]]
    assert ids == everything and len(ids) == 12


def test_an_export_does_not_page_backwards(client):
    build(3)
    previous = client.get(client.get("/api/v1/timeline", {"page_size": 2}).json()["next"]).json()["previous"]
    response = client.get(previous + "&format=csv")
    assert response.status_code == 400
    assert "cursor" in response.json()["errors"]


# --- CSV cells a spreadsheet would run -------------------------------------------------------


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_csv_cell_that_a_spreadsheet_would_run_as_a_formula_is_shown_as_text(client, start):
    formula = f'{start}HYPERLINK("http://attacker.example","click")'
    EventFactory(title=formula, description=formula, category=formula, **resolved_dates(D(2022, 9, 27)))
    StatementFactory(speaker=ActorFactory(name=formula), **resolved_dates(D(2022, 9, 28)))

    text = body(client.get("/api/v1/timeline", {"format": "csv"})).decode()
    event, statement = csv.DictReader(io.StringIO(text))
    for cell in (event["title"], event["text"], event["category"], statement["actors"], statement["title"]):
        assert cell.startswith("'" + start), cell
        assert cell[1:].startswith(formula[:5])
    assert text.splitlines()[1].startswith('"')  # every cell quoted


def test_ordinary_csv_cells_are_left_as_they_are(client):
    EventFactory(title="Embassy alert: leave now", description="1 + 1 = 2", **resolved_dates(D(2022, 9, 27)))
    (row,) = csv.DictReader(io.StringIO(body(client.get("/api/v1/timeline", {"format": "csv"})).decode()))
    assert (row["title"], row["text"], row["date_start"]) == ("Embassy alert: leave now", "1 + 1 = 2", "2022-09-27")


# --- Seeks and bounded scans -----------------------------------------------------------------


def event_query(url: str):
    from django.test import RequestFactory
    from rest_framework.request import Request

    from api.pagination import TimelineCursorPagination

    request = Request(RequestFactory().get(url))
    qs = plain(selectors.timeline_events(filters=request.query_params))
    cursor = TimelineCursorPagination().decode_cursor(request)
    if cursor:
        qs = qs.filter(paging.keyset(cursor[1], "event", reverse=False))
    return qs.filter(date_start__isnull=False).order_by("date_start", "date_precision_rank", "id").values("id")[:101]


DEEP = "/api/v1/timeline?cursor=YXwyMDIyLTA5LTMwfDF8MHw1MA=="  # after (2022-09-30, day, event 50)
RANGE = "/api/v1/timeline?start=2022-10-10&end=2022-10-12"


def test_a_long_interval_still_matches_a_date_range_that_starts_long_after_it(client):
    build(5)
    year = EventFactory(title="Year", **resolved_dates(D(2022, 1, 1), D(2022, 12, 31), value="2022", precision="year"))
    titles = [row["title"] for row in client.get("/api/v1/timeline", {"start": "2022-12-30"}).json()["results"]]
    assert titles == [year.title]
    Event.objects.filter(pk=year.pk).update(date_end=D(2022, 12, 29))
    assert client.get("/api/v1/timeline", {"start": "2022-12-30"}).json()["results"] == []


def test_the_longest_span_is_kept_by_the_database_on_every_write():
    event = EventFactory(**resolved_dates(D(2022, 9, 1), D(2022, 9, 30), value="2022-09", precision="month"))
    Event.objects.filter(pk=event.pk).update(date_end=D(2022, 10, 5))  # no save(), no signal
    assert Event.objects.values_list("date_span_days", flat=True).get(pk=event.pk) == 34
    assert Statement.objects.filter(date_span_days__isnull=False).count() == 0


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query planner only")
def test_sqlite_seeks_the_chrono_index_for_a_cursor_and_bounds_a_date_range():
    build(60)
    with connection.cursor() as cursor:
        for url in (DEEP, RANGE):
            sql, params = event_query(url).query.sql_with_params()
            plan = " ".join(row[-1] for row in cursor.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall())
            assert "SEARCH timeline_event USING" in plan and "SCAN timeline_event" not in plan, plan
    # A seek on the row value's leading columns; the rest of the comparison is checked in the index.
    assert "timeline_event_chrono ((date_start,date_precision_rank" in plan_of(DEEP)
    assert "date_start>? AND date_start<?" in plan_of(RANGE)


def plan_of(url: str) -> str:
    sql, params = event_query(url).query.sql_with_params()
    with connection.cursor() as cursor:
        return " ".join(row[-1] for row in cursor.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's query planner only")
def test_postgresql_seeks_by_row_value_and_bounds_a_date_range_on_both_sides():
    build(60)
    with connection.cursor() as cursor:
        # A table this small would be read whole and sorted; plan it as for a large one, as the
        # bench's EXPLAIN at a million rows shows.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("SET LOCAL enable_incremental_sort = off")
        cursor.execute("ANALYZE timeline_event")  # the same statistics whatever ran before
        deep = event_query(DEEP).explain()
        ranged = event_query(RANGE).explain()
    seek = [line for line in deep.splitlines() if "Index Cond" in line]
    assert seek and "ROW(date_start, date_precision_rank, id) > ROW(" in seek[0], deep
    bounds = [line for line in ranged.splitlines() if "Index Cond" in line and "date_start >=" in line]
    assert bounds and "date_start <=" in bounds[0], ranged


# --- The lists --------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/api/v1/events", "/api/v1/statements", "/api/v1/sources", "/api/v1/actors"])
def test_every_list_renders_the_bytes_drfs_own_renderer_would(client, varied, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.content == JSONRenderer().render(response.data)


def test_the_event_serializer_reads_each_events_date_readings_once(varied, monkeypatch):
    # The list reads rows (tests/api/test_list_read_path.py); the serializer still answers retrieve and writes.
    calls = []
    original = readings.date_readings
    monkeypatch.setattr("timeline.readings.date_readings", lambda citations: calls.append(1) or original(citations))
    request = Request(APIRequestFactory().get("/api/v1/events"))
    events = EventSerializer(selectors.event_list(), many=True, context={"request": request}).data
    assert len(calls) == len(events) == 3


@pytest.mark.parametrize("kind", ["event", "statement"])
def test_an_export_of_one_kind_holds_only_that_kind(client, monkeypatch, kind):
    build(4)
    monkeypatch.setattr("api.views.EXPORT_MAX_ROWS", 3)
    response = client.get("/api/v1/timeline", {"format": "csv", "kind": kind, "publisher": "example news"})
    rows = list(csv.DictReader(io.StringIO(body(response).decode())))
    assert [row["kind"] for row in rows] == [kind] * 3
    assert "Link" in response
