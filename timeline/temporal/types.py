"""The date engine's public value types. Plain Python: nothing here may import Django."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class TimexType(StrEnum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class Precision(StrEnum):
    """How fine a resolved date is. The Django models mirror these values (tests check they match)."""

    TIME = "time"  # a time of day, or a part of the day ("Tuesday night")
    DAY = "day"
    WEEK = "week"
    WEEKEND = "weekend"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"


class DocType(StrEnum):
    NEWS = "news"  # relative expressions anchor on the publication date
    NARRATIVE = "narrative"  # relative expressions anchor on the last date mentioned


@dataclass(frozen=True, slots=True)
class Reference:
    """What a text's relative dates are resolved against: its publication context."""

    date: dt.date
    time: dt.time | None = None
    timezone: str | None = None  # an IANA name such as "Europe/London"; None when unknown
    doc_type: DocType = DocType.NEWS


def build_reference(
    published: dt.date, *, time: dt.time | None = None, timezone: str | None = None, narrative: bool = False
) -> Reference:
    """The one way callers (the API, the commands, the services) make a `Reference`.

    An empty time zone (a blank model field, an omitted form value) is no zone; `narrative` anchors
    relative dates on the dates the text mentions instead of its publication date.
    """
    return Reference(
        date=published,
        time=time,
        timezone=timezone or None,
        doc_type=DocType.NARRATIVE if narrative else DocType.NEWS,
    )


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression found in a text, with its TIMEX3 reading.

    `start`/`end` are Python str indices into the text as given (text[start:end] == self.text).
    `start_date`/`end_date` are the inclusive calendar interval the value covers, when it has one
    (durations, sets and most *_REF values have none); `precision` says how fine that interval is.
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    precision: Precision | None = None
    rule: str = ""
    mod: str | None = None  # TIMEX3 mod: BEFORE, AFTER, START, MID, END, APPROX, ...
    explanation: str = ""
    anchor: dt.date | None = None  # the date a relative expression was computed from
    extra: dict = field(default_factory=dict, compare=False)
