"""The date engine's reading of a text, for callers outside the timeline (the API, the pages): they
go through here rather than to timeline.temporal, which knows no model and no request."""

from __future__ import annotations

import datetime as dt

from timeline import temporal
from timeline.models import Source
from timeline.services.dating import reference_for
from timeline.temporal.serialize import timex_to_dict
from timeline.temporal.types import Timex


def dates_annotate(*, text: str, reference_date: dt.date, timezone: str | None) -> list[dict]:
    """Every date expression in `text`, resolved against `reference_date` in `timezone`, in text order:
    the JSON the annotate_dates command prints."""
    reference = temporal.build_reference(reference_date, timezone=timezone)
    return [timex_to_dict(timex) for timex in temporal.annotate(text, reference)]


def source_dates(*, source: Source) -> list[Timex]:
    """Every date expression in a source's text, resolved against its publication context."""
    return temporal.annotate(source.text, reference_for(source))
