"""The timeline's records as `.values()` rows, for callers that only need the values (the API's JSON
and exports): read with SQL written once from the models' tables and columns, without building
model instances, which costs more than the SQL on a page of 100 rows.

Each function takes the filtered QuerySets the filtersets build (timeline.filters), so every filter
applies, and keeps the list's order and a bounded number of queries.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet, TextField
from django.db.models.functions import Cast

from timeline.models import Actor, Citation, DatedModel, Event, Source, Statement

# The date columns the payloads show.
DATE_FIELDS = DatedModel.DATE_PUBLIC_FIELDS

# A source as the payloads show it, fetched through a join: `<prefix>id`, `<prefix>slug`, ...
SOURCE_BRIEF_FIELDS = ("id", "slug", "headline", "publisher", "url", "published_date", "published_time", "timezone")
EVENT_ROW_FIELDS = ("id", "title", "description", "category", *DATE_FIELDS, "date_precision_rank")
STATEMENT_ROW_FIELDS = (
    "id",
    "text",
    "event_id",
    "event__category",
    "speaker_id",
    "speaker__name",
    "speaker__kind",
    *(f"source__{name}" for name in SOURCE_BRIEF_FIELDS),
    *DATE_FIELDS,
    "date_precision_rank",
)
CITATION_ROW_FIELDS = (
    "id",
    "event_id",
    "sentence",
    "char_start",
    "char_end",
    *DATE_FIELDS,
    *(f"source__{name}" for name in SOURCE_BRIEF_FIELDS),
)

# What EventSerializer and StatementSerializer show of the record itself (an event's actors and
# citations come from event_children).
EVENT_LIST_FIELDS = ("id", "slug", "title", "description", "location", "category", *DATE_FIELDS)
STATEMENT_LIST_FIELDS = (
    "id",
    "text",
    "mode",
    "speaker_id",
    "speaker__name",
    "speaker__kind",
    *(f"source__{name}" for name in SOURCE_BRIEF_FIELDS),
    "event_id",
    "event__slug",
    "event__title",
    "char_start",
    "char_end",
    *DATE_FIELDS,
)


# Dates and times in the rows read here. SQLite stores them as ISO text, which its driver parses in
# Python for every value (Django asks it to) only for the payload to print them back: there they
# are read as the text they are. ISO text sorts and compares as the dates do.
TEMPORAL_FIELDS = frozenset(
    {"date_start", "date_end", "date_anchor", "source__published_date", "source__published_time"}
)


def read_values(qs: QuerySet, fields: Sequence[str]) -> list[dict]:
    """`list(qs.values(*fields))` at a fraction of the cost: rows as the database driver gives them,
    without Django's per-value converters (which cost more than the query on a page of rows).
    Dates and times are date and time objects on PostgreSQL, ISO strings on SQLite."""
    names = list(fields)
    if connections[qs.db].vendor == "sqlite":
        temporal = [name for name in names if name in TEMPORAL_FIELDS]
        names = [name for name in names if name not in TEMPORAL_FIELDS] + temporal
        aliases = {f"{name}_text": Cast(name, TextField()) for name in temporal}
        qs = qs.annotate(**aliases).values_list(*names[: len(names) - len(temporal)], *aliases)
    else:
        qs = qs.values_list(*names)
    try:
        sql, params = qs.query.sql_with_params()
    except EmptyResultSet:
        return []
    with connections[qs.db].cursor() as cursor:
        cursor.execute(sql, params)
        # A DISTINCT query (some filters add one) also selects its ORDER BY columns, after these.
        return [dict(zip(names, row, strict=False)) for row in cursor.fetchall()]


def iso(value: dt.date | dt.time | str | None) -> str | None:
    """A date or time from rows read by this module, as ISO text."""
    return value if value is None or isinstance(value, str) else value.isoformat()


def plain(qs: QuerySet) -> QuerySet:
    # The list selectors prefetch and join for instances; rows read their related values themselves.
    return qs.prefetch_related(None).select_related(None)


def event_list_rows(qs: QuerySet[Event]) -> list[dict]:
    """Events from event_list() (filtered, sliced to a page) as `.values()` rows, in its order: one query."""
    return read_values(plain(qs), EVENT_LIST_FIELDS)


def statement_list_rows(qs: QuerySet[Statement]) -> list[dict]:
    """Statements from statement_list() (filtered, sliced to a page) as `.values()` rows joined to their
    speaker, source and event, in its order: one query."""
    return read_values(plain(qs), STATEMENT_LIST_FIELDS)


def _column(table_alias: str, model, name: str, vendor: str) -> str:
    """`alias.column` for a model field, as text on SQLite when it is a date or time (see read_values)."""
    field = model._meta.get_field(name)
    column = f'{table_alias}."{field.column}"'
    if vendor == "sqlite" and field.get_internal_type() in {"DateField", "TimeField"}:
        return f"CAST({column} AS text)"
    return column


Aliased = tuple[str, type]  # a table alias in a statement and the model whose table it names


def resolve_field(name: str, table: Aliased, related: dict[str, Aliased]) -> tuple[str, type, str]:
    """A `.values()` field name as (table alias, model, field name): `prefix__name` from the alias that
    `related` maps the prefix to, the rest from `table`."""
    prefix = next((prefix for prefix in related if name.startswith(prefix)), None)
    alias, model = table if prefix is None else related[prefix]
    return alias, model, name.removeprefix(prefix or "")


def select_columns(vendor: str, fields: Sequence[str], table: Aliased, related: dict[str, Aliased]) -> list[str]:
    """The select list of `.values()` field names (see resolve_field)."""
    columns = []
    for name in fields:
        alias, model, field_name = resolve_field(name, table, related)
        columns.append(_column(alias, model, field_name, vendor))
    return columns


@functools.cache
def _children_sql(vendor: str) -> tuple[str, str]:
    """The two statements event_children runs, less their `IN (...)` list: written once per database
    vendor from the models' tables and columns. The ORM would build and compile the same SQL on every
    request, which on a page of rows costs more than running it."""
    links = Event.actors.through._meta
    actor = Actor._meta.db_table
    actors = (
        f'SELECT l."{links.get_field("event").column}", a."id", a."name", a."kind" '
        f'FROM "{links.db_table}" l JOIN "{actor}" a ON a."id" = l."{links.get_field("actor").column}" '
        f'WHERE l."{links.get_field("event").column}" IN ({{}}) ORDER BY a."name", a."id"'
    )
    columns = select_columns(vendor, CITATION_ROW_FIELDS, ("c", Citation), {"source__": ("s", Source)})
    citations = (
        f'SELECT {", ".join(columns)} FROM "{Citation._meta.db_table}" c '
        f'JOIN "{Source._meta.db_table}" s ON s."id" = c."source_id" '
        f'WHERE c."event_id" IN ({{}}) ORDER BY s."published_date", c."source_id", c."char_start", c."id"'
    )
    return actors, citations


def event_children(event_ids: list[int], *, using: str = "default") -> tuple[dict[int, list], dict[int, list]]:
    """The actors (by name) and the citations (by source publication date, source, offset) of events,
    as rows grouped by event id: two queries, whatever the number of events."""
    actors: dict[int, list[dict]] = {pk: [] for pk in event_ids}
    citations: dict[int, list[dict]] = {pk: [] for pk in event_ids}
    if not event_ids:
        return actors, citations
    connection = connections[using]
    actors_sql, citations_sql = _children_sql(connection.vendor)
    marks = ", ".join(["%s"] * len(event_ids))
    with connection.cursor() as cursor:
        cursor.execute(actors_sql.format(marks), event_ids)
        for event_id, pk, name, kind in cursor.fetchall():
            actors[event_id].append({"id": pk, "name": name, "kind": kind})
        cursor.execute(citations_sql.format(marks), event_ids)
        names = CITATION_ROW_FIELDS
        for row in cursor.fetchall():
            row = dict(zip(names, row, strict=True))
            citations[row["event_id"]].append(row)
    return actors, citations
