"""Pagination: page numbers with a capped page size on lists; a cursor on the timeline."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from collections.abc import Callable
from dataclasses import astuple

from django.db.models import QuerySet
from rest_framework import pagination
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from timeline.paging import KIND_RANK, TimelineEntry, TimelinePosition, row_sort_key, timeline_rows
from timeline.rows import iso


def positive_int_param(request: Request, name: str) -> int | None:
    """A query parameter that must be a whole number of at least 1, or absent: anything else is a 400."""
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return None
    if not raw.isdigit() or len(raw) > 18 or int(raw) < 1:
        raise ValidationError({name: ["A whole number of at least 1 is required."]})
    return int(raw)


class ReadPages:
    """A QuerySet as Django's Paginator sees it, whose pages are read by `read` (a sliced QuerySet to a
    list): the Paginator counts and slices the QuerySet as before, and only the page is read."""

    def __init__(self, queryset: QuerySet, read: Callable[[QuerySet], list]) -> None:
        self.queryset = queryset
        self.read = read

    @property
    def ordered(self) -> bool:
        return self.queryset.ordered

    def count(self) -> int:
        return self.queryset.count()

    def __getitem__(self, index: slice) -> list:
        return self.read(self.queryset[index])


class PageNumberPagination(pagination.PageNumberPagination):
    """Page numbers; `page=-1` or `page_size=x` is a 400 naming the parameter, a page past the end a 404."""

    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request: Request) -> int:
        size = positive_int_param(request, self.page_size_query_param)
        return self.page_size if size is None else min(size, self.max_page_size)

    def paginate_queryset(self, queryset, request: Request, view=None):
        positive_int_param(request, self.page_query_param)
        return super().paginate_queryset(queryset, request, view)

    def paginate_read(self, queryset: QuerySet, request: Request, read: Callable[[QuerySet], list]) -> list:
        """paginate_queryset (the same page, count and links), with the page read by `read` from its slice
        of the QuerySet: `.values()` rows and payloads built from them rather than model instances."""
        return self.paginate_queryset(ReadPages(queryset, read), request)

    def get_schema_operation_parameters(self, view) -> list[dict]:
        return [
            {
                "name": self.page_query_param,
                "required": False,
                "in": "query",
                "description": "Page number, from 1. A page past the last one is a 404.",
                "schema": {"type": "integer", "minimum": 1},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Rows per page, {self.page_size} by default; more than {self.max_page_size} "
                f"gives {self.max_page_size}.",
                "schema": {"type": "integer", "minimum": 1},
            },
        ]


class TimelineCursorPagination(pagination.BasePagination):
    """Keyset pagination over (date start, precision rank, kind, id).

    A cursor names the last row seen, not an offset, so pages stay stable while rows are added.
    """

    cursor_query_param = "cursor"
    page_size_query_param = "page_size"
    page_size = 50
    max_page_size = 200
    kind_ranks = frozenset(KIND_RANK.values())  # what a cursor's row may be: an event or a statement

    def get_page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        try:
            size = int(raw) if raw else self.page_size
        except ValueError:
            raise ValidationError({self.page_size_query_param: ["A whole number is required."]}) from None
        if size < 1:
            raise ValidationError({self.page_size_query_param: ["Must be at least 1."]})
        return min(size, self.max_page_size)

    def decode_cursor(self, request: Request) -> tuple[str, TimelinePosition] | None:
        raw = request.query_params.get(self.cursor_query_param)
        if not raw:
            return None
        try:
            direction, day, rank, kind, pk = base64.urlsafe_b64decode(raw.encode("ascii")).decode("ascii").split("|")
            if direction not in ("a", "b") or int(kind) not in self.kind_ranks:
                raise ValueError(direction)
            return direction, TimelinePosition(dt.date.fromisoformat(day), int(rank), int(kind), int(pk))
        except (ValueError, UnicodeError, binascii.Error):
            raise ValidationError({self.cursor_query_param: ["Invalid cursor."]}) from None

    @staticmethod
    def encode_cursor(direction: str, entry: TimelineEntry | dict | TimelinePosition) -> str:
        """The cursor of an entry, of a `.values()` row from timeline_rows, or of a position."""
        if isinstance(entry, TimelineEntry):
            day, rank, kind, pk = entry.sort_key
        elif isinstance(entry, TimelinePosition):
            day, rank, kind, pk = entry.date_start, entry.precision_rank, entry.kind_rank, entry.id
        else:
            day, rank, kind, pk = row_sort_key(entry)
        raw = f"{direction}|{iso(day)}|{rank}|{kind}|{pk}"
        return base64.urlsafe_b64encode(raw.encode("ascii")).decode("ascii")

    def paginate_rows(self, events, statements, request: Request) -> list[dict]:
        """One page of `.values()` rows (timeline.paging.timeline_rows) at the request's cursor, and the
        state get_next_link() and get_previous_link() read."""
        self.request = request
        limit = self.get_page_size(request)
        direction, position = self.decode_cursor(request) or ("a", None)
        rows, has_more = timeline_rows(
            events=events,
            statements=statements,
            after=position if direction == "a" else None,
            before=position if direction == "b" else None,
            limit=limit,
        )
        if direction == "a":
            self.has_next, self.has_previous = has_more, position is not None
        else:
            self.has_next, self.has_previous = True, has_more
        self.entries = rows
        return rows

    def start_position(self, request: Request) -> TimelinePosition | None:
        """Where an export starts: after the cursor's row (exports only page forward)."""
        self.request = request
        direction, position = self.decode_cursor(request) or ("a", None)
        if direction == "b":
            raise ValidationError({self.cursor_query_param: ["Exports continue forward only: use a next link."]})
        return position

    def link_after(self, position: TimelinePosition) -> str:
        return self._link("a", position)

    def _link(self, direction: str, entry: TimelineEntry | dict | TimelinePosition | None) -> str | None:
        url = self.request.build_absolute_uri()
        if entry is None:
            return remove_query_param(url, self.cursor_query_param)
        return replace_query_param(url, self.cursor_query_param, self.encode_cursor(direction, entry))

    def get_next_link(self) -> str | None:
        if not self.has_next or not self.entries:
            return None
        return self._link("a", self.entries[-1])

    def get_previous_link(self) -> str | None:
        if not self.has_previous:
            return None
        if not self.entries:
            return self._link("a", None)
        return self._link("b", self.entries[0])

    def get_paginated_response(self, data) -> Response:
        return Response({"next": self.get_next_link(), "previous": self.get_previous_link(), "results": data})

    def get_paginated_response_schema(self, schema: dict) -> dict:
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {
                "next": {
                    "type": "string",
                    "nullable": True,
                    "format": "uri",
                    "description": "The following page, or null on the last page.",
                    "example": "https://timeline.example.org/api/v1/timeline?cursor=YXwyMDIyLTA5LTI3fDJ8MHw0Mg%3D%3D",
                },
                "previous": {
                    "type": "string",
                    "nullable": True,
                    "format": "uri",
                    "description": "The preceding page, or null on the first page.",
                    "example": None,
                },
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view) -> list[dict]:
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "Opaque position from a `next` or `previous` link.",
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Rows per page, {self.page_size} by default; more than {self.max_page_size} "
                f"gives {self.max_page_size}.",
                "schema": {"type": "integer", "minimum": 1},
            },
        ]


class MixedCursorPagination(TimelineCursorPagination):
    """The timeline's cursor pages with a third stream merged in (an actor's pending proposals), whose
    entries sort after the rows of their date and precision: a cursor may name one of them too."""

    extra_rank = 2
    kind_ranks = frozenset({*KIND_RANK.values(), extra_rank})

    def paginate_mixed(self, events, statements, request: Request, extra: Callable[..., list]) -> list:
        """One page of rows and `extra(after=, before=, limit=)` items (dated model instances) merged in
        timeline order: rows as `.values()` dicts, items as they are."""
        self.request = request
        limit = self.get_page_size(request)
        direction, position = self.decode_cursor(request) or ("a", None)
        after, before = (position, None) if direction == "a" else (None, position)
        rows, rows_more = timeline_rows(events=events, statements=statements, after=after, before=before, limit=limit)
        keyed = [(TimelinePosition(*row_sort_key(row)), row) for row in rows]
        keyed += [
            (TimelinePosition(item.date_start, item.date_precision_rank, self.extra_rank, item.pk), item)
            for item in extra(after=after, before=before, limit=limit + 1)
        ]
        keyed.sort(key=lambda pair: (iso(pair[0].date_start), *astuple(pair[0])[1:]))
        has_more = rows_more or len(keyed) > limit
        page = keyed[-limit:] if direction == "b" else keyed[:limit]
        if direction == "a":
            self.has_next, self.has_previous = has_more, position is not None
        else:
            self.has_next, self.has_previous = True, has_more
        self.entries = [key for key, _item in page]
        return [item for _key, item in page]
