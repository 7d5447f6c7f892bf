"""`GET /api/v1/{events|statements|sources}/{id}/history`: every change to one record, newest first,
with who made it (null: the system, e.g. automatic date resolution) and each field's value before
and after. Paged like the lists; a fixed number of queries per page."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from api.serializers import ErrorSerializer

HISTORY_TYPES = {"+": "created", "~": "changed", "-": "deleted"}
EXAMPLE = {
    "count": 2,
    "next": None,
    "previous": None,
    "results": [
        {
            "id": 41,
            "date": "2022-10-03T09:12:44.120000Z",
            "type": "changed",
            "user": "editor",
            "reason": "",
            "changes": [
                {"field": "date_value", "old": "2022-09-26", "new": "2022-09-20"},
                {"field": "date_status", "old": "resolved", "new": "manual"},
            ],
        },
        {
            "id": 40,
            "date": "2022-10-01T15:02:10.500000Z",
            "type": "changed",
            "user": None,
            "reason": "automatic date resolution",
            "changes": [{"field": "date_value", "old": "", "new": "2022-09-26"}],
        },
    ],
}


# What anonymous readers are shown for an editor without a full name: not the login name, which
# is half of what guessing a password needs.
ANONYMOUS_EDITOR = "an editor"


class FieldChangeSerializer(serializers.Serializer):
    field = serializers.CharField(help_text="Model field name, e.g. date_value (a relation: source_id).")
    old = serializers.JSONField(allow_null=True, help_text="The value before; null on creation.")
    new = serializers.JSONField(allow_null=True)


class HistoryEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="The history entry's id.")
    date = serializers.DateTimeField(help_text="When the change was saved.")
    type = serializers.ChoiceField(choices=sorted(HISTORY_TYPES.values()))
    user = serializers.CharField(
        allow_null=True,
        help_text=(
            "Who made it: the username for logged-in callers; for anonymous ones the editor's full name, "
            f'or "{ANONYMOUS_EDITOR}". Null for the system.'
        ),
    )
    reason = serializers.CharField(allow_blank=True, help_text='Why, when recorded ("automatic date resolution").')
    changes = FieldChangeSerializer(many=True)


class HistoryPageSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = HistoryEntrySerializer(many=True)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _who(record, *, public: bool) -> str | None:
    if not record.history_user_id:
        return None  # the system
    if public:
        return record.history_user.get_full_name() or ANONYMOUS_EDITOR
    return record.history_user.get_username()


def _entry(record, previous, *, public: bool) -> dict:
    if previous is None:
        changes = [
            {"field": f.attname, "old": None, "new": _plain(getattr(record, f.attname))}
            for f in record.instance_type._meta.concrete_fields
            if f.attname not in ("id",) and getattr(record, f.attname) not in (None, "", [])
        ]
    else:
        delta = record.diff_against(previous)
        changes = [
            {"field": record.instance_type._meta.get_field(c.field).attname, "old": _plain(c.old), "new": _plain(c.new)}
            for c in delta.changes
        ]
    return {
        "id": record.history_id,
        "date": record.history_date,
        "type": HISTORY_TYPES.get(record.history_type, record.history_type),
        "user": _who(record, public=public),
        "reason": record.history_change_reason or "",
        "changes": changes,
    }


class HistoryMixin:
    """Adds the read-only /history action to a record viewset."""

    @extend_schema(
        summary="Every change to this record",
        description=(
            "Newest first: when, who (null: the system, such as automatic date resolution), why when "
            "recorded, and each changed field's value before and after. Paged by `page` and `page_size`."
        ),
        parameters=[
            OpenApiParameter("page", int, description="Page number, from 1.", required=False),
            OpenApiParameter("page_size", int, description="Entries per page (at most 200).", required=False),
        ],
        filters=False,
        request=None,
        examples=[OpenApiExample("An editor's correction of the engine's reading", value=EXAMPLE, response_only=True)],
        responses={
            200: HistoryPageSerializer,
            400: OpenApiResponse(ErrorSerializer, description="A bad page or page_size."),
            404: OpenApiResponse(ErrorSerializer, description="No such record, or a page past the last one."),
            429: OpenApiResponse(ErrorSerializer, description="Too many requests (anonymous clients)."),
        },
    )
    @action(detail=True, methods=["get"], filter_backends=[])
    def history(self, request: Request, pk: str | None = None) -> Response:
        record = self.get_object()
        entries = record.history.select_related("history_user").order_by("-history_id")
        page = self.paginate_queryset(entries)
        older = None
        if page:
            # The entry before this page's last one, to diff against: one query.
            older = entries.filter(history_id__lt=page[-1].history_id).first()
        public = not request.user.is_authenticated
        data = [_entry(rec, page[i + 1] if i + 1 < len(page) else older, public=public) for i, rec in enumerate(page)]
        return self.get_paginated_response(HistoryEntrySerializer(data, many=True).data)
