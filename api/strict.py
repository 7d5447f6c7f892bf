"""JSON types held to what the schema says.

DRF coerces: a CharField takes 0 as "0", an IntegerField takes "7" and 7.0. A client that sends the
wrong JSON type has a bug, and the schema promises a string or an integer, so the API refuses it
with a 400 naming the field, instead of storing a guess.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rest_framework import serializers
from rest_framework.relations import ManyRelatedField, PrimaryKeyRelatedField


def _expected(field: serializers.Field) -> tuple[type, str] | None:
    if isinstance(field, serializers.CharField | serializers.ChoiceField):
        return str, "a string"
    if isinstance(field, serializers.BooleanField):
        return bool, "true or false"
    if isinstance(field, serializers.IntegerField | PrimaryKeyRelatedField):
        return int, "a whole number"
    return None


def _matches(value: Any, expected: type) -> bool:
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, expected)


class StrictTypesMixin:
    """Refuse JSON values of the wrong type for string, integer, boolean and id fields."""

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, Mapping):
            errors: dict[str, list[str]] = {}
            for field in self._writable_fields:
                if field.field_name not in data or data[field.field_name] is None:
                    continue
                value = data[field.field_name]
                if isinstance(field, ManyRelatedField):
                    expected = (int, "a list of whole numbers")
                    ok = isinstance(value, list) and all(_matches(v, int) for v in value)
                else:
                    expected = _expected(field)
                    ok = expected is None or _matches(value, expected[0])
                if not ok:
                    errors[field.field_name] = [f"Must be {expected[1]}."]
            if errors:
                raise serializers.ValidationError(errors)
        return super().to_internal_value(data)
