"""The timeline's page statements: an unfiltered page is read with SQL written once per shape, and must
give exactly the rows, in the order, that the ORM's statement for a filtered QuerySet gives."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ActorFactory, CitationFactory, EventFactory, SourceFactory, StatementFactory, resolved_dates
from timeline import selectors
from timeline.models import Event, Statement
from timeline.selectors import TimelinePosition

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
    rows, _ = selectors.timeline_rows(events=Event.objects.all(), statements=Statement.objects.all(), limit=1000)
    return [TimelinePosition(*selectors.row_sort_key(row)) for row in rows]


def both_ways(position, *, reverse: bool, limit: int):
    """The page from the statements written once (unfiltered QuerySets) and from the ORM (a filter
    that keeps every row), at one position."""
    side = {"before": position} if reverse else {"after": position}
    fast = selectors.timeline_rows(events=Event.objects.all(), statements=Statement.objects.all(), limit=limit, **side)
    orm = selectors.timeline_rows(
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


def test_the_written_statements_are_the_only_queries_for_the_rows(crowded):
    position = every_position()[7]
    with CaptureQueriesContext(connection) as queries:
        selectors.timeline_rows(
            events=Event.objects.all(), statements=Statement.objects.all(), after=position, limit=10
        )
    assert len(queries) == 2
    assert all("LIMIT" in query["sql"] and "_chrono" not in query["sql"] for query in queries)


def page_plan(kind: str, *, reverse: bool) -> str:
    sql = selectors._page_sql(connection.vendor, kind, reverse, (("date_start", "date_precision_rank", "id"), ">"))
    params = [D(2022, 9, 2).isoformat() if connection.vendor == "sqlite" else D(2022, 9, 2), 0, 5, 10]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + ("QUERY PLAN " if connection.vendor == "sqlite" else "") + sql, params)
        return "\n".join(str(row[-1] if connection.vendor == "sqlite" else row[0]) for row in cursor.fetchall())


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query planner only")
@pytest.mark.parametrize("kind", ["event", "statement"])
def test_on_sqlite_a_written_page_statement_seeks_the_chrono_index_and_does_not_sort(crowded, kind):
    for reverse in (False, True):
        plan = page_plan(kind, reverse=reverse)
        assert f"timeline_{kind}_chrono ((date_start,date_precision_rank)" in plan, plan
        assert "TEMP B-TREE" not in plan, plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's query planner only")
@pytest.mark.parametrize("kind", ["event", "statement"])
def test_on_postgresql_a_written_page_statement_seeks_by_row_value(crowded, kind):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # plan as for a large table, as the bench shows
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute(f"ANALYZE timeline_{kind}")
    plan = page_plan(kind, reverse=False)
    seek = [line for line in plan.splitlines() if "Index Cond" in line]
    assert seek and "ROW(date_start, date_precision_rank, id) > ROW(" in seek[0], plan
