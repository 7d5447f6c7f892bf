"""Reads that compose more than one QuerySet method: what the API lists, and the merged timeline.

Everything here returns QuerySets or plain values built from already-fetched rows, so that a list
costs the same number of queries at 10 rows as at 100.
"""

from __future__ import annotations

import datetime as dt
import functools
import heapq
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import BooleanField, Expression, F, IntegerField, Prefetch, QuerySet, TextField, Value
from django.db.models.functions import Cast

from timeline.filters import TimelineEventFilterSet, TimelineStatementFilterSet, apply_filters
from timeline.models import Actor, Citation, Event, Source, Statement, intervals_agree

# The timeline orders rows of equal start and precision events first, then statements.
KIND_RANK = {"event": 0, "statement": 1}
Kind = Literal["event", "statement"]


def precision_rank_expression() -> F:
    """The stored precision rank (finest first, blank last), which the chrono index covers."""
    return F("date_precision_rank")


def chronological(qs: QuerySet) -> QuerySet:
    """Date start, then precision (finest first), then id; rows with no date last."""
    return qs.annotate(precision_rank=precision_rank_expression()).order_by(
        F("date_start").asc(nulls_last=True), "precision_rank", "id"
    )


def source_list() -> QuerySet[Source]:
    return Source.objects.order_by("-published_date", "slug", "id")


def actor_list() -> QuerySet[Actor]:
    return Actor.objects.order_by("name", "id")


def event_list() -> QuerySet[Event]:
    """Events with what their payload shows: actors, and every citation with its source."""
    citations = Citation.objects.select_related("source").order_by("source__published_date", "source_id", "char_start")
    return chronological(
        Event.objects.prefetch_related(
            Prefetch("actors", queryset=Actor.objects.order_by("name")),
            Prefetch("citations", queryset=citations),
        )
    )


def statement_list() -> QuerySet[Statement]:
    return chronological(Statement.objects.select_related("speaker", "source", "event"))


def timeline_events(*, filters: Mapping | None = None) -> QuerySet[Event]:
    """The timeline's events, narrowed by its query parameters (timeline.filters; InvalidFilters if unusable)."""
    return apply_filters(TimelineEventFilterSet, filters, event_list())


def timeline_statements(*, filters: Mapping | None = None) -> QuerySet[Statement]:
    """The timeline's statements, narrowed by its query parameters (timeline.filters)."""
    return apply_filters(TimelineStatementFilterSet, filters, statement_list())


# --- Where sources disagree -------------------------------------------------------------------


@dataclass
class DateReading:
    """One way the sources date an event, and which citations read it so."""

    value: str
    start: dt.date | None
    end: dt.date | None
    precision: str
    texts: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    citation_ids: list[int] = field(default_factory=list)


def _agree(a_start, a_end, b_start, b_end) -> bool:
    # An undated reading (a duration, "now") contradicts nothing.
    if a_start is None or b_start is None:
        return True
    return intervals_agree(a_start, a_end, b_start, b_end)


def date_readings(citations: Iterable[Citation]) -> list[DateReading]:
    """The distinct date readings of an event's citations, in the order the citations come."""
    readings: dict[tuple, DateReading] = {}
    for citation in citations:
        if citation.date_start is None:
            continue
        key = (citation.date_value, citation.date_start, citation.date_end)
        reading = readings.setdefault(
            key,
            DateReading(
                value=citation.date_value,
                start=citation.date_start,
                end=citation.date_end,
                precision=citation.date_precision,
            ),
        )
        if citation.date_text and citation.date_text not in reading.texts:
            reading.texts.append(citation.date_text)
        if citation.source not in reading.sources:
            reading.sources.append(citation.source)
        reading.citation_ids.append(citation.pk)
    return list(readings.values())


def readings_disagree(readings: list[DateReading]) -> bool:
    """Sources disagree when two of their readings do not agree ("Tuesday" and "Wednesday").

    "Tuesday night" and "Tuesday" are different values but do not disagree: one lies within the other.
    """
    return any(not _agree(a.start, a.end, b.start, b.end) for i, a in enumerate(readings) for b in readings[i + 1 :])


def citation_agrees_with_event(citation: Citation, event: Event) -> bool | None:
    """Whether the citation's reading agrees with the event's date; None when either has no date."""
    if citation.date_start is None or event.date_start is None:
        return None
    return _agree(citation.date_start, citation.date_end, event.date_start, event.date_end)


# --- The timeline -----------------------------------------------------------------------------


@dataclass
class TimelineEntry:
    """An event or a statement, as one row of the merged timeline."""

    kind: Kind
    record: Event | Statement

    @property
    def id(self) -> int:
        return self.record.pk

    @property
    def unique_id(self) -> str:
        return f"{self.kind}-{self.record.pk}"

    @property
    def sort_key(self) -> tuple:
        return (self.record.date_start, self.record.precision_rank, KIND_RANK[self.kind], self.record.pk)

    @property
    def title(self) -> str:
        if self.kind == "event":
            return self.record.title
        return f"{self.record.speaker.name}: {_shorten(self.record.text, 120)}"

    @property
    def text(self) -> str:
        return self.record.description if self.kind == "event" else self.record.text

    @property
    def category(self) -> str:
        if self.kind == "event":
            return self.record.category
        return self.record.event.category if self.record.event else ""

    @property
    def actors(self) -> list[Actor]:
        if self.kind == "event":
            return list(self.record.actors.all())
        return [self.record.speaker]

    @property
    def sources(self) -> list[Source]:
        if self.kind == "statement":
            return [self.record.source]
        seen: list[Source] = []
        for citation in self.record.citations.all():
            if citation.source not in seen:
                seen.append(citation.source)
        return seen

    @property
    def citations(self) -> list[Citation]:
        return list(self.record.citations.all()) if self.kind == "event" else []

    @property
    def date_readings(self) -> list[DateReading]:
        return date_readings(self.citations)

    @property
    def sources_disagree(self) -> bool:
        return readings_disagree(self.date_readings)

    @property
    def event_id(self) -> int | None:
        return self.record.pk if self.kind == "event" else self.record.event_id


def _shorten(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


@dataclass(frozen=True)
class TimelinePosition:
    """A point in timeline order: the sort key of the last row a client has seen."""

    date_start: dt.date
    precision_rank: int
    kind_rank: int
    id: int


class RowCompare(Expression):
    """`(a, b, c) > (%s, %s, %s)`: one row-value comparison, which PostgreSQL and SQLite (3.15+) both
    turn into a single index range seek on a matching index. The same condition written as OR'ed
    comparisons is only a filter: the index is walked from its start and every earlier row read."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, columns: Sequence[str], operator: str, values: Sequence) -> None:
        super().__init__()
        if operator not in ("<", "<=", ">", ">="):
            raise ValueError(operator)
        self.columns = [F(name) for name in columns]
        self.operator = operator
        self.values = list(values)

    def get_source_expressions(self) -> list:
        return self.columns

    def set_source_expressions(self, exprs) -> None:
        self.columns = list(exprs)

    def as_sql(self, compiler, connection):
        sql, params = [], []
        for column in self.columns:
            part, part_params = compiler.compile(column)
            sql.append(part)
            params.extend(part_params)
        for column, value in zip(self.columns, self.values, strict=True):
            params.append(column.output_field.get_db_prep_value(value, connection))
        placeholders = ", ".join(["%s"] * len(self.values))
        return f"({', '.join(sql)}) {self.operator} ({placeholders})", params


def _keyset(position: TimelinePosition, kind: Kind, *, reverse: bool) -> RowCompare:
    """Rows of one kind strictly after (or, reversed, before) the position in timeline order.

    Within one model the kind is constant, so the 4-part comparison reduces to a 3- or 2-part one.
    """
    d, r = position.date_start, position.precision_rank
    kind_rank = KIND_RANK[kind]
    strictly = "<" if reverse else ">"
    if kind_rank == position.kind_rank:
        return RowCompare(("date_start", "date_precision_rank", "id"), strictly, (d, r, position.id))
    if (kind_rank > position.kind_rank) != reverse:
        # This kind sorts after the position's kind at equal (date, rank): equal rows are past it too.
        return RowCompare(("date_start", "date_precision_rank"), strictly + "=", (d, r))
    return RowCompare(("date_start", "date_precision_rank"), strictly, (d, r))


def timeline_page(
    *,
    events: QuerySet[Event],
    statements: QuerySet[Statement],
    after: TimelinePosition | None = None,
    before: TimelinePosition | None = None,
    limit: int,
) -> tuple[list[TimelineEntry], bool]:
    """Up to `limit` entries after `after` (or just before `before`), and whether more lie beyond.

    Each kind is fetched with its own bounded, ordered query and the two are merged here, so the
    number of queries does not depend on the number of rows. Rows with no date are not on the
    timeline: it has nowhere to put them.
    """
    reverse = before is not None
    sources: list[list[TimelineEntry]] = []
    for kind, qs in (("event", events), ("statement", statements)):
        qs = qs.filter(date_start__isnull=False)
        if "precision_rank" not in qs.query.annotations:
            qs = qs.annotate(precision_rank=precision_rank_expression())
        position = before if reverse else after
        if position is not None:
            qs = qs.filter(_keyset(position, kind, reverse=reverse))
        order = ("-date_start", "-precision_rank", "-id") if reverse else ("date_start", "precision_rank", "id")
        rows = list(qs.order_by(*order)[: limit + 1])
        sources.append([TimelineEntry(kind=kind, record=row) for row in rows])
    merged = list(heapq.merge(*sources, key=lambda entry: entry.sort_key, reverse=reverse))
    has_more = len(merged) > limit
    page = merged[:limit]
    if reverse:
        page.reverse()
    return page, has_more


# --- The timeline as plain rows: the API's read path ------------------------------------------
#
# The functions above build model instances, which costs more than the SQL on a page of 100 rows.
# These read the same rows with `.values()`, for callers that only need the values (the API's JSON
# and exports). Each takes the filtered QuerySets the API's filtersets build, so every filter
# applies, and keeps the same order and the same bounded number of queries.

DATE_FIELDS = (
    "date_text",
    "date_value",
    "date_start",
    "date_end",
    "date_precision",
    "date_status",
    "date_anchor",
    "date_explanation",
)
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


def row_sort_key(row: dict) -> tuple:
    """A row's place in timeline order, as TimelineEntry.sort_key gives it for an instance."""
    return (row["date_start"], row["date_precision_rank"], KIND_RANK[row["kind"]], row["id"])


# Dates and times in the rows below. SQLite stores them as ISO text, which its driver parses in
# Python for every value (Django asks it to) only for the payload to print them back: there they
# are read as the text they are. ISO text sorts and compares as the dates do.
TEMPORAL_FIELDS = frozenset(
    {"date_start", "date_end", "date_anchor", "source__published_date", "source__published_time"}
)


def _values(qs: QuerySet, fields: Sequence[str]) -> list[dict]:
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


def _plain(qs: QuerySet) -> QuerySet:
    # The list selectors prefetch and join for instances; rows read their related values themselves.
    return qs.prefetch_related(None).select_related(None)


def event_list_rows(qs: QuerySet[Event]) -> list[dict]:
    """Events from event_list() (filtered, sliced to a page) as `.values()` rows, in its order: one query."""
    return _values(_plain(qs), EVENT_LIST_FIELDS)


def statement_list_rows(qs: QuerySet[Statement]) -> list[dict]:
    """Statements from statement_list() (filtered, sliced to a page) as `.values()` rows joined to their
    speaker, source and event, in its order: one query."""
    return _values(_plain(qs), STATEMENT_LIST_FIELDS)


def _unfiltered(qs: QuerySet) -> bool:
    """Whether a QuerySet reads every row of its model: no filter, no DISTINCT, no slice, no UNION."""
    query = qs.query
    return not query.where and not query.distinct and not query.extra and not query.is_sliced and not query.combinator


ROW_FIELDS: dict[str, tuple[str, ...]] = {"event": EVENT_ROW_FIELDS, "statement": STATEMENT_ROW_FIELDS}
# The merged page's columns: each kind's fields, the ones they share once; a kind's missing ones are NULL.
_MERGED_FIELDS = ("kind_rank", *dict.fromkeys(EVENT_ROW_FIELDS + STATEMENT_ROW_FIELDS))
# Where each kind's fields sit in a merged row.
_MERGED_POSITIONS = {
    kind: [(name, _MERGED_FIELDS.index(name)) for name in fields] for kind, fields in ROW_FIELDS.items()
}
# The joins each kind's rows need, and the related fields they give: `prefix__name` from `alias`.
_PAGE_JOINS = {
    "event": ("", {}),
    "statement": (
        ' JOIN "{source}" s ON s."id" = t."source_id" LEFT JOIN "{event}" e ON e."id" = t."event_id"'
        ' JOIN "{actor}" a ON a."id" = t."speaker_id"',
        {"source__": ("s", Source), "event__": ("e", Event), "speaker__": ("a", Actor)},
    ),
}
KeysetShape = tuple[tuple[str, ...], str] | None  # a RowCompare's columns and operator


def _null(connection, name: str) -> str:
    """NULL for a field the other kind has, typed as that field: PostgreSQL types a bare NULL in a
    subquery as text, which a UNION cannot match with a number or a date."""
    if connection.vendor == "sqlite":
        return "NULL"
    kind = "event" if name in EVENT_ROW_FIELDS else "statement"
    model = Event if kind == "event" else Statement
    _alias, owner, field_name = _resolve(name, ("t", model), _PAGE_JOINS[kind][1])
    return f"CAST(NULL AS {owner._meta.get_field(field_name).cast_db_type(connection)})"


def _kind_page_sql(connection, kind: Kind, reverse: bool, keyset: KeysetShape) -> str:
    """One kind's rows from a position in timeline order: a seek on its chrono index, `LIMIT %s` rows,
    every column of _MERGED_FIELDS (f0, f1, ...), NULL where the kind has no such field."""
    model = Event if kind == "event" else Statement
    joins, related = _PAGE_JOINS[kind]
    columns = _columns(connection.vendor, ROW_FIELDS[kind], ("t", model), related)
    own = dict(zip(ROW_FIELDS[kind], columns, strict=True))
    own["kind_rank"] = str(KIND_RANK[kind])
    select = ", ".join(f"{own.get(name) or _null(connection, name)} AS f{i}" for i, name in enumerate(_MERGED_FIELDS))
    tables = {"source": Source._meta.db_table, "event": Event._meta.db_table, "actor": Actor._meta.db_table}
    where = 't."date_start" IS NOT NULL'
    if keyset is not None:
        names, operator = keyset
        row = ", ".join(f't."{model._meta.get_field(name).column}"' for name in names)
        where += f" AND ({row}) {operator} ({', '.join(['%s'] * len(names))})"
    direction = " DESC" if reverse else ""
    order = ", ".join(
        f't."{model._meta.get_field(name).column}"{direction}' for name in ("date_start", "date_precision_rank", "id")
    )
    return (
        f'SELECT {select} FROM "{model._meta.db_table}" t{joins.format(**tables)} '
        f"WHERE {where} ORDER BY {order} LIMIT %s"
    )


@functools.cache
def _merged_page_sql(using: str, reverse: bool, event_keyset: KeysetShape, statement_keyset: KeysetShape) -> str:
    """timeline_rows' page on unfiltered QuerySets as one statement: each kind's seek, merged in timeline
    order, so that only the rows of the page (and one to tell whether more follow) leave the database.

    Written once per shape from the models' tables and columns: building and compiling the same SQL
    through the ORM on every request cost more than running it."""
    field = {name: f"f{i}" for i, name in enumerate(_MERGED_FIELDS)}
    direction = " DESC" if reverse else ""
    order = ", ".join(f"{field[name]}{direction}" for name in ("date_start", "date_precision_rank", "kind_rank", "id"))
    events = _kind_page_sql(connections[using], "event", reverse, event_keyset)
    statements = _kind_page_sql(connections[using], "statement", reverse, statement_keyset)
    return f"SELECT * FROM ({events}) ev UNION ALL SELECT * FROM ({statements}) st ORDER BY {order} LIMIT %s"


def _keyset_params(kind: Kind, keyset: RowCompare | None, connection) -> tuple[KeysetShape, list]:
    if keyset is None:
        return None, []
    model = Event if kind == "event" else Statement
    names = tuple(column.name for column in keyset.columns)
    values = [
        model._meta.get_field(name).get_db_prep_value(value, connection)
        for name, value in zip(names, keyset.values, strict=True)
    ]
    return (names, keyset.operator), values


def _merged_page_rows(using: str, keysets: dict[Kind, RowCompare | None], *, reverse: bool, limit: int) -> list[dict]:
    """Up to `limit` rows of both kinds from the position, in timeline order (reversed when `reverse`)."""
    connection = connections[using]
    event_shape, event_params = _keyset_params("event", keysets["event"], connection)
    statement_shape, statement_params = _keyset_params("statement", keysets["statement"], connection)
    sql = _merged_page_sql(using, reverse, event_shape, statement_shape)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*event_params, limit, *statement_params, limit, limit])
        found = cursor.fetchall()
    rows = []
    for found_row in found:
        kind = "event" if found_row[0] == KIND_RANK["event"] else "statement"
        row = {name: found_row[i] for name, i in _MERGED_POSITIONS[kind]}
        row["kind"] = kind
        rows.append(row)
    return rows


def timeline_rows(
    *,
    events: QuerySet[Event],
    statements: QuerySet[Statement],
    after: TimelinePosition | None = None,
    before: TimelinePosition | None = None,
    limit: int,
) -> tuple[list[dict], bool]:
    """timeline_page as `.values()` rows, each with its "kind": up to `limit` rows after `after` (or
    just before `before`), and whether more lie beyond.

    Unfiltered, it is one statement (_merged_page_sql) that returns `limit + 1` rows at most, the one
    extra only to tell whether there is more. Filtered, the filtersets' QuerySets are compiled by the
    ORM, one query per kind, each a seek on the chrono index reading `limit + 1` rows, merged here.
    """
    reverse = before is not None
    position = before if reverse else after
    keysets: dict[Kind, RowCompare | None] = {
        kind: None if position is None else _keyset(position, kind, reverse=reverse) for kind in ("event", "statement")
    }
    if _unfiltered(events) and _unfiltered(statements) and events.db == statements.db:
        merged = _merged_page_rows(events.db, keysets, reverse=reverse, limit=limit + 1)
    else:
        order = (
            ("-date_start", "-date_precision_rank", "-id") if reverse else ("date_start", "date_precision_rank", "id")
        )
        streams = []
        for kind, qs in (("event", events), ("statement", statements)):
            qs = _plain(qs).filter(date_start__isnull=False)
            if keysets[kind] is not None:
                qs = qs.filter(keysets[kind])
            rows = _values(qs.order_by(*order)[: limit + 1], ROW_FIELDS[kind])
            for row in rows:
                row["kind"] = kind
            streams.append(rows)
        merged = list(heapq.merge(*streams, key=row_sort_key, reverse=reverse))
    has_more = len(merged) > limit
    page = merged[:limit]
    if reverse:
        page.reverse()
    return page, has_more


def timeline_position_at(
    *, events: QuerySet[Event], statements: QuerySet[Statement], after: TimelinePosition | None, offset: int
) -> tuple[TimelinePosition | None, bool]:
    """The position of the `offset`-th row (1-based) after `after`, and whether any row follows it.

    One query: both kinds' sort keys merged in SQL (UNION ALL of two index-ordered scans), so that an
    export can name its continuation before it streams a single row.
    """
    parts = []
    for kind, qs in (("event", events), ("statement", statements)):
        qs = _plain(qs).filter(date_start__isnull=False)
        if after is not None:
            qs = qs.filter(_keyset(after, kind, reverse=False))
        parts.append(
            qs.order_by()
            .annotate(kind_rank=Value(KIND_RANK[kind], output_field=IntegerField()))
            .values_list("date_start", "date_precision_rank", "kind_rank", "id")
        )
    union = parts[0].union(parts[1], all=True).order_by("date_start", "date_precision_rank", "kind_rank", "id")
    found = list(union[offset - 1 : offset + 1])
    if not found:
        return None, False
    return TimelinePosition(*found[0]), len(found) > 1


def _column(table_alias: str, model, name: str, vendor: str) -> str:
    """`alias.column` for a model field, as text on SQLite when it is a date or time (see _values)."""
    field = model._meta.get_field(name)
    column = f'{table_alias}."{field.column}"'
    if vendor == "sqlite" and field.get_internal_type() in {"DateField", "TimeField"}:
        return f"CAST({column} AS text)"
    return column


Aliased = tuple[str, type]  # a table alias in a statement and the model whose table it names


def _resolve(name: str, table: Aliased, related: dict[str, Aliased]) -> tuple[str, type, str]:
    """A `.values()` field name as (table alias, model, field name): `prefix__name` from the alias that
    `related` maps the prefix to, the rest from `table`."""
    prefix = next((prefix for prefix in related if name.startswith(prefix)), None)
    alias, model = table if prefix is None else related[prefix]
    return alias, model, name.removeprefix(prefix or "")


def _columns(vendor: str, fields: Sequence[str], table: Aliased, related: dict[str, Aliased]) -> list[str]:
    """The select list of `.values()` field names (see _resolve)."""
    columns = []
    for name in fields:
        alias, model, field_name = _resolve(name, table, related)
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
    columns = _columns(vendor, CITATION_ROW_FIELDS, ("c", Citation), {"source__": ("s", Source)})
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
