"""Serializers of dates: the date object every payload carries, and the date engine's own reading of
a text (POST /dates/annotate)."""

from __future__ import annotations

import functools
from typing import Any
from zoneinfo import available_timezones

from django.conf import settings
from rest_framework import serializers

from api.strict import StrictTypesMixin
from timeline.models import DATED_STATUSES, DatePrecision, DateStatus


@functools.cache
def known_timezones() -> frozenset[str]:
    # available_timezones() walks the tz database on disk (about 9 ms) on every call.
    return frozenset(available_timezones())


class DateSerializer(StrictTypesMixin, serializers.Serializer):
    """A date as every payload carries it: the words, their TIMEX3 value, the interval it covers, and how it
    was read. `start` and `end` are inclusive; a month-precision date covers the whole month."""

    text = serializers.CharField(
        source="date_text", max_length=200, required=False, allow_blank=True, help_text="The expression as written."
    )
    value = serializers.CharField(
        source="date_value",
        max_length=64,
        required=False,
        allow_blank=True,
        help_text="TIMEX3 value, e.g. 2022-09-27, 2022-09, 2022-W38, 2022-09-27TNI.",
    )
    start = serializers.DateField(
        source="date_start", required=False, allow_null=True, help_text="First day covered (inclusive)."
    )
    end = serializers.DateField(
        source="date_end", required=False, allow_null=True, help_text="Last day covered (inclusive)."
    )
    precision = serializers.ChoiceField(
        source="date_precision",
        choices=DatePrecision.choices,
        required=False,
        allow_blank=True,
        help_text="How fine the interval is.",
    )
    status = serializers.ChoiceField(
        source="date_status",
        choices=DateStatus.choices,
        required=False,
        help_text="How the date was obtained; `ambiguous` means the sources disagree.",
    )
    anchor = serializers.DateField(
        source="date_anchor",
        required=False,
        allow_null=True,
        help_text="The date a relative expression was resolved against (usually the publication date).",
    )
    explanation = serializers.CharField(
        source="date_explanation", max_length=300, required=False, allow_blank=True, help_text="How it was dated."
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        start, end = attrs.get("date_start"), attrs.get("date_end")
        if (start is None) != (end is None) and ("date_start" in attrs or "date_end" in attrs):
            raise serializers.ValidationError(
                {"start" if start is None else "end": "Give both start and end, or neither."}
            )
        if start and end and end < start:
            raise serializers.ValidationError({"end": "The end comes before the start."})
        if attrs.get("date_status") in DATED_STATUSES:
            missing = [name for name, key in (("value", "date_value"), ("start", "date_start")) if not attrs.get(key)]
            if missing:
                raise serializers.ValidationError(
                    {name: f"Required when status is {attrs['date_status']}." for name in missing}
                )
        return attrs


def date_field(**kwargs) -> DateSerializer:
    """A record's `date` object: its date columns (date_text, date_value, ...) nested as one field."""
    return DateSerializer(source="*", **kwargs)


# --- The date engine ----------------------------------------------------------------------------


class AnnotateRequestSerializer(StrictTypesMixin, serializers.Serializer):
    text = serializers.CharField(
        trim_whitespace=False,
        help_text="Up to ANNOTATE_MAX_CHARS characters (100,000 by default).",
    )
    reference_date = serializers.DateField(help_text="What relative expressions resolve against, e.g. publication day.")
    timezone = serializers.CharField(required=False, allow_null=True, help_text="IANA name, e.g. Europe/London.")

    def validate_text(self, value: str) -> str:
        limit = settings.ANNOTATE_MAX_CHARS
        if len(value) > limit:
            raise serializers.ValidationError(f"Too long: {len(value)} characters, the limit is {limit}.")
        return value

    def validate_timezone(self, value: str | None) -> str | None:
        if value and value not in known_timezones():
            raise serializers.ValidationError(f"Unknown IANA time zone {value!r}.")
        return value or None


class TimexSerializer(serializers.Serializer):
    start = serializers.IntegerField(help_text="Offset of the expression in the text (Python str index).")
    end = serializers.IntegerField()
    text = serializers.CharField()
    type = serializers.ChoiceField(choices=["DATE", "TIME", "DURATION", "SET"])
    value = serializers.CharField(help_text="TIMEX3 value.")
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)
    precision = serializers.ChoiceField(choices=DatePrecision.choices, allow_null=True)
    rule = serializers.CharField(allow_blank=True)
    mod = serializers.CharField(allow_null=True)
    explanation = serializers.CharField(allow_blank=True)
    anchor = serializers.DateField(allow_null=True)
