"""The merged timeline: events and statements in one order, paged by a position (a keyset), not an
offset, so pages stay stable while rows are added.

One paging and merge (`_page`) serves both read paths: `timeline_page`, entries holding model
instances (the pages), and `timeline_rows`, `.values()` rows (the API's JSON and exports).
"""

from __future__ import annotations

import datetime as dt
import functools
import heapq
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Literal

from django.db import connections
from django.db.models import BooleanField, Expression, F, IntegerField, QuerySet, Value

from timeline.models import Actor, Citation, Event, Source, Statement
from timeline.readings import DateReading, date_readings, readings_disagree
from timeline.rows import (
    EVENT_ROW_FIELDS,
    STATEMENT_ROW_FIELDS,
    plain,
    read_values,
    resolve_field,
    select_columns,
)

# The timeline orders rows of equal start and precision events first, then statements.
KIND_RANK = {"event": 0, "statement": 1}
Kind = Literal["event", "statement"]
# The timeline's order within one kind, forward and backward: the chrono index's columns.
ORDER = ("date_start", "date_precision_rank", "id")
REVERSE_ORDER = tuple(f"-{name}" for name in ORDER)


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
        return statement_title(self.record.speaker.name, self.record.text)

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


def statement_title(speaker: str, text: str, length: int = 120) -> str:
    """A statement's title on the timeline: who said it, and its words shortened to `length`."""
    words = text if len(text) <= length else text[: length - 1].rstrip() + "…"
    return f"{speaker}: {words}"


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


def keyset(position: TimelinePosition, kind: Kind, *, reverse: bool) -> RowCompare:
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


def _seek(qs: QuerySet, kind: Kind, position: TimelinePosition | None, *, reverse: bool) -> QuerySet:
    """One kind's dated rows after (or, reversed, before) the position. Rows with no date are not on
    the timeline: it has nowhere to put them."""
    qs = qs.filter(date_start__isnull=False)
    return qs if position is None else qs.filter(keyset(position, kind, reverse=reverse))


def _kind_page(qs: QuerySet, kind: Kind, position: TimelinePosition | None, *, reverse: bool, limit: int) -> QuerySet:
    """One kind's `limit + 1` rows from the position in timeline order (the one extra tells whether more
    follow): a bounded seek on its chrono index."""
    return _seek(qs, kind, position, reverse=reverse).order_by(*(REVERSE_ORDER if reverse else ORDER))[: limit + 1]


def _page(streams: Iterable[list], *, key: Callable, reverse: bool, limit: int) -> tuple[list, bool]:
    """The one paging and merge of both read paths: streams each in timeline order (reversed when
    paging backward), merged; the first `limit` in reading order, and whether more lie beyond."""
    merged = list(heapq.merge(*streams, key=key, reverse=reverse))
    page = merged[:limit]
    if reverse:
        page.reverse()
    return page, len(merged) > limit


def _direction(after: TimelinePosition | None, before: TimelinePosition | None) -> tuple[bool, TimelinePosition | None]:
    """Whether the page runs backward (`before` given), and the position it starts from."""
    return (True, before) if before is not None else (False, after)


def timeline_page(
    *,
    events: QuerySet[Event],
    statements: QuerySet[Statement],
    after: TimelinePosition | None = None,
    before: TimelinePosition | None = None,
    limit: int,
) -> tuple[list[TimelineEntry], bool]:
    """Up to `limit` entries after `after` (or just before `before`), and whether more lie beyond.

    Each kind is fetched with its own bounded, ordered query (and the list selectors' prefetches) and
    the two are merged here, so the number of queries does not depend on the number of rows.
    """
    reverse, position = _direction(after, before)
    streams = []
    for kind, qs in (("event", events), ("statement", statements)):
        if "precision_rank" not in qs.query.annotations:
            qs = qs.annotate(precision_rank=F("date_precision_rank"))
        rows = _kind_page(qs, kind, position, reverse=reverse, limit=limit)
        streams.append([TimelineEntry(kind=kind, record=row) for row in rows])
    return _page(streams, key=attrgetter("sort_key"), reverse=reverse, limit=limit)


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

    Unfiltered, it is one statement (merged_page_sql) that returns `limit + 1` rows at most, the one
    extra only to tell whether there is more. Filtered, the filtersets' QuerySets are compiled by the
    ORM, one query per kind, each a seek on the chrono index reading `limit + 1` rows, merged here.
    """
    reverse, position = _direction(after, before)
    if _unfiltered(events) and _unfiltered(statements) and events.db == statements.db:
        keysets: dict[Kind, RowCompare | None] = {
            kind: None if position is None else keyset(position, kind, reverse=reverse)
            for kind in ("event", "statement")
        }
        streams = [_merged_page_rows(events.db, keysets, reverse=reverse, limit=limit + 1)]
    else:
        streams = []
        for kind, qs in (("event", events), ("statement", statements)):
            rows = read_values(_kind_page(plain(qs), kind, position, reverse=reverse, limit=limit), ROW_FIELDS[kind])
            for row in rows:
                row["kind"] = kind
            streams.append(rows)
    return _page(streams, key=row_sort_key, reverse=reverse, limit=limit)


def row_sort_key(row: dict) -> tuple:
    """A row's place in timeline order, as TimelineEntry.sort_key gives it for an instance."""
    return (row["date_start"], row["date_precision_rank"], KIND_RANK[row["kind"]], row["id"])


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
    _alias, owner, field_name = resolve_field(name, ("t", model), _PAGE_JOINS[kind][1])
    return f"CAST(NULL AS {owner._meta.get_field(field_name).cast_db_type(connection)})"


def _kind_page_sql(connection, kind: Kind, reverse: bool, keyset: KeysetShape) -> str:
    """One kind's rows from a position in timeline order: a seek on its chrono index, `LIMIT %s` rows,
    every column of _MERGED_FIELDS (f0, f1, ...), NULL where the kind has no such field."""
    model = Event if kind == "event" else Statement
    joins, related = _PAGE_JOINS[kind]
    columns = select_columns(connection.vendor, ROW_FIELDS[kind], ("t", model), related)
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
def merged_page_sql(using: str, reverse: bool, event_keyset: KeysetShape, statement_keyset: KeysetShape) -> str:
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


def keyset_params(kind: Kind, keyset: RowCompare | None, connection) -> tuple[KeysetShape, list]:
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
    event_shape, event_params = keyset_params("event", keysets["event"], connection)
    statement_shape, statement_params = keyset_params("statement", keysets["statement"], connection)
    sql = merged_page_sql(using, reverse, event_shape, statement_shape)
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


def timeline_position_at(
    *, events: QuerySet[Event], statements: QuerySet[Statement], after: TimelinePosition | None, offset: int
) -> tuple[TimelinePosition | None, bool]:
    """The position of the `offset`-th row (1-based) after `after`, and whether any row follows it.

    One query: both kinds' sort keys merged in SQL (UNION ALL of two index-ordered scans), so that an
    export can name its continuation before it streams a single row.
    """
    parts = []
    for kind, qs in (("event", events), ("statement", statements)):
        parts.append(
            _seek(plain(qs), kind, after, reverse=False)
            .order_by()
            .annotate(kind_rank=Value(KIND_RANK[kind], output_field=IntegerField()))
            .values_list("date_start", "date_precision_rank", "kind_rank", "id")
        )
    union = parts[0].union(parts[1], all=True).order_by("date_start", "date_precision_rank", "kind_rank", "id")
    found = list(union[offset - 1 : offset + 1])
    if not found:
        return None, False
    return TimelinePosition(*found[0]), len(found) > 1


def undated_entries(*, events: QuerySet[Event], statements: QuerySet[Statement], limit: int) -> list[TimelineEntry]:
    """Up to `limit + 1` of each kind's rows with no date (which have no place in the timeline's order),
    events first: the caller shows `limit` and tells whether there are more."""
    undated_events = list(events.filter(date_start__isnull=True)[: limit + 1])
    undated_statements = list(statements.filter(date_start__isnull=True)[: limit + 1])
    return [TimelineEntry("event", e) for e in undated_events] + [
        TimelineEntry("statement", s) for s in undated_statements
    ]
