"""The timeline's page statements: an unfiltered page is read with SQL written once per shape, and must
give exactly the rows, in the order, that the ORM's statement for a filtered QuerySet gives."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ActorFactory, CitationFactory, EventFactory, SourceFactory, StatementFactory, resolved_dates
from timeline import paging
from timeline.models import Event, Statement
from timeline.paging import TimelinePosition

pytestmark = pytest.mark.django_db

D = dt.date


@pytest.fixture
def crowded():
    """Ties everywhere: events and statements on the same days, at day, month and year precision,
    statements with and without an event, and undated rows, which are not on the timeline."""
    speaker = ActorFactory()
    for i in range(12):
        day = D(2022, 9, 1 + i // 3)
        if i % 4 == 3:
            dates = resolved_dates(D(2022, 9, 1), D(2022, 9, 30), value="2022-09", precision="month")
        elif i % 5 == 4:
            dates = resolved_dates(D(2022, 1, 1), D(2022, 12, 31), value="2022", precision="year")
        else:
            dates = resolved_dates(day)
        event = EventFactory(category="diplomacy" if i % 2 else "", **dates)
        CitationFactory(event=event, source=SourceFactory(), **dates)
        StatementFactory(event=event if i % 3 else None, speaker=speaker, **dates)
    EventFactory(title="Undated")
    StatementFactory(speaker=speaker)


def every_position() -> list[TimelinePosition]:
    rows, _ = paging.timeline_rows(events=Event.objects.all(), statements=Statement.objects.all(), limit=1000)
    return [TimelinePosition(*paging.row_sort_key(row)) for row in rows]


def both_ways(position, *, reverse: bool, limit: int):
    """The page from the statements written once (unfiltered QuerySets) and from the ORM (a filter
    that keeps every row), at one position."""
    side = {"before": position} if reverse else {"after": position}
    fast = paging.timeline_rows(events=Event.objects.all(), statements=Statement.objects.all(), limit=limit, **side)
    orm = paging.timeline_rows(
        events=Event.objects.filter(pk__gt=0), statements=Statement.objects.filter(pk__gt=0), limit=limit, **side
    )
    return fast, orm


def test_an_unfiltered_page_is_the_orms_page_at_every_position_both_ways(crowded):
    positions = every_position()
    assert len(positions) == 24  # the undated event and statement are left out
    for position in [None, *positions]:
        for reverse in (False, True):
            if reverse and position is None:
                continue
            for limit in (1, 5):
                fast, orm = both_ways(position, reverse=reverse, limit=limit)
                assert fast == orm, (position, reverse, limit)
    # And the rows are the ones read: statements carry their speaker, source and event's category.
    statement = next(row for row in both_ways(None, reverse=False, limit=30)[0][0] if row["kind"] == "statement")
    assert statement["speaker__name"] and statement["source__slug"]


def test_an_unfiltered_page_is_one_query_that_returns_only_the_page_and_one_more_row(crowded):
    position = every_position()[7]
    with CaptureQueriesContext(connection) as queries:
        rows, more = paging.timeline_rows(
            events=Event.objects.all(), statements=Statement.objects.all(), after=position, limit=4
        )
    assert len(queries) == 1 and "UNION ALL" in queries[0]["sql"]
    assert len(rows) == 4 and more
    # The merge happens in the database: five rows leave it (the page and one more), not ten.
    with connection.cursor() as cursor:
        event_shape, event_params = paging.keyset_params(
            "event", paging.keyset(position, "event", reverse=False), connection
        )
        statement_shape, statement_params = paging.keyset_params(
            "statement", paging.keyset(position, "statement", reverse=False), connection
        )
        cursor.execute(
            paging.merged_page_sql(connection.alias, False, event_shape, statement_shape),
            [*event_params, 5, *statement_params, 5, 5],
        )
        assert len(cursor.fetchall()) == 5


def page_plan(*, reverse: bool) -> str:
    operator = "<" if reverse else ">"
    shapes = (
        (("date_start", "date_precision_rank", "id"), operator),
        (("date_start", "date_precision_rank"), operator),
    )
    sql = paging.merged_page_sql(connection.alias, reverse, *shapes)
    day = D(2022, 9, 2).isoformat() if connection.vendor == "sqlite" else D(2022, 9, 2)
    params = [day, 0, 5, 10, day, 0, 10, 10]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + ("QUERY PLAN " if connection.vendor == "sqlite" else "") + sql, params)
        return "\n".join(str(row[-1] if connection.vendor == "sqlite" else row[0]) for row in cursor.fetchall())


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query planner only")
def test_on_sqlite_the_page_statement_seeks_both_chrono_indexes(crowded):
    for reverse in (False, True):
        plan = page_plan(reverse=reverse)
        for kind in ("event", "statement"):
            seek = [line for line in plan.splitlines() if f"SEARCH t USING INDEX timeline_{kind}_chrono (" in line]
            assert seek and "(date_start,date_precision_rank)" in seek[0], plan
        assert "SCAN t" not in plan, plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's query planner only")
def test_on_postgresql_the_page_statement_seeks_both_chrono_indexes_by_row_value(crowded):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # plan as for a large table, as the bench shows
        cursor.execute("SET LOCAL enable_sort = off")
        # Nor a partial sort over another index on date_start: on a few rows, and with statistics other
        # tests left, the planner may prefer it, where a large table leaves only the chrono index.
        cursor.execute("SET LOCAL enable_incremental_sort = off")
        cursor.execute("ANALYZE timeline_event")
        cursor.execute("ANALYZE timeline_statement")
    plan = page_plan(reverse=False)
    seeks = [
        line for line in plan.splitlines() if "Index Cond" in line and "ROW(date_start, date_precision_rank" in line
    ]
    assert len(seeks) == 2, plan
