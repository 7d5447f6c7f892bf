"""One JSON error shape for the whole API: `{"detail": "...", "errors": {"field": ["..."]}}`.

`detail` is always a sentence a person can read; `errors` appears on validation failures (bad
bodies and bad query parameters alike) and names every field or parameter at fault.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.db.models import ProtectedError, UniqueConstraint
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "payload_too_large"


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The record is still in use."
    default_code = "conflict"


def _from_django(error: DjangoValidationError) -> exceptions.ValidationError:
    """Service-layer validation errors, keyed the way DRF keys them."""
    if hasattr(error, "error_dict"):
        detail = {
            (api_settings.NON_FIELD_ERRORS_KEY if name == NON_FIELD_ERRORS else name): messages
            for name, messages in error.message_dict.items()
        }
        return exceptions.ValidationError(detail)
    return exceptions.ValidationError({api_settings.NON_FIELD_ERRORS_KEY: error.messages})


def _api_name(model, name: str) -> str:
    # Relations are written as `<name>_id` in the API's bodies.
    return f"{name}_id" if model._meta.get_field(name).is_relation else name


def _unique_fields(error: IntegrityError) -> list[str] | None:
    """The API fields of the unique constraint a concurrent writer broke, read off the database's
    message (PostgreSQL names the constraint, SQLite lists the columns); None for anything else."""
    from timeline.models import Actor, Citation, Event, Source, Statement

    message = str(error)
    for model in (Source, Actor, Event, Statement, Citation):
        meta = model._meta
        candidates = [
            (constraint.name % {"app_label": meta.app_label, "class": meta.model_name}, constraint.fields)
            for constraint in meta.constraints
            if isinstance(constraint, UniqueConstraint) and constraint.fields
        ] + [(f"{meta.db_table}_{f.column}_key", (f.name,)) for f in meta.fields if f.unique and not f.primary_key]
        for name, fields in candidates:
            columns = ", ".join(f"{meta.db_table}.{meta.get_field(f).column}" for f in fields)
            if f'"{name}"' in message or message.rstrip().endswith(columns):
                if model is Citation:  # citations are written nested in their event
                    return ["citations"]
                return [_api_name(model, f) for f in fields]
    return None


def _summary(errors) -> str:
    if isinstance(errors, dict):
        names = [name for name in errors if name != api_settings.NON_FIELD_ERRORS_KEY]
        if names:
            return f"Invalid input: {', '.join(names)}."
        messages = errors.get(api_settings.NON_FIELD_ERRORS_KEY) or []
        if messages:
            return f"Invalid input: {messages[0]}"
    if isinstance(errors, list) and errors and isinstance(errors[0], str):
        return f"Invalid input: {errors[0]}"
    return "Invalid input."


def _payload_too_large(exc: RequestDataTooBig) -> exceptions.APIException:
    # Raised by Django while DRF reads the body; left alone it would be an HTML 400.
    return PayloadTooLarge(
        f"The request body is larger than the server accepts ({settings.DATA_UPLOAD_MAX_MEMORY_SIZE} bytes)."
    )


def _still_referenced(exc: ProtectedError) -> exceptions.APIException:
    names = sorted({str(obj._meta.verbose_name_plural) for obj in exc.protected_objects})
    return Conflict(f"Cannot delete: still referenced by {', '.join(names)}.")


def _raced(exc: IntegrityError) -> exceptions.APIException | None:
    # Two writers raced past the service's uniqueness check; the database kept one of them.
    fields = _unique_fields(exc)
    if fields is None:
        return None
    conflict = exceptions.ValidationError({name: ["Another request has just written this value."] for name in fields})
    conflict.status_code = status.HTTP_409_CONFLICT
    return conflict


def _not_found(exc: Http404) -> exceptions.APIException:
    return exceptions.NotFound("Not found.")


# Errors raised below DRF, and the API error each becomes (None: not the API's to answer). The first
# match wins: a ProtectedError is also an IntegrityError.
TRANSLATIONS = (
    (DjangoValidationError, _from_django),
    (RequestDataTooBig, _payload_too_large),
    (ProtectedError, _still_referenced),
    (IntegrityError, _raced),
    (Http404, _not_found),
)


def _translated(exc: Exception) -> Exception | None:
    for kind, translate in TRANSLATIONS:
        if isinstance(exc, kind):
            return translate(exc)
    return exc


def _body(exc: Exception, data) -> dict:
    """The one error shape: a sentence in `detail`, and on validation failures the fields in `errors`."""
    if isinstance(exc, exceptions.ValidationError):
        errors = data if isinstance(data, dict) else {api_settings.NON_FIELD_ERRORS_KEY: data}
        return {"detail": _summary(errors), "errors": errors}
    if isinstance(data, dict) and "detail" in data:
        return {"detail": data["detail"]}
    return {"detail": "Request failed.", "errors": data}


def exception_handler(exc, context):
    exc = _translated(exc)
    if exc is None:
        return None
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    response.data = _body(exc, response.data)
    return response
