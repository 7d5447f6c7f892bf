"""Calendar arithmetic on TIMEX3 values: shifting dates by units and reading a value's interval.

Seasons follow the meteorological convention of the northern hemisphere: spring is March-May,
summer June-August, fall September-November, and winter December of the value's year through the
end of February of the next year (so `2022-WI` is 2022-12-01..2023-02-28).
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt
import re

from .types import Precision

SEASON_MONTHS: dict[str, tuple[int, int]] = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, _cal.monthrange(year, month)[1]))


def shift(day: dt.date, amount: int, unit: str) -> dt.date:
    """Move a date by a count of TIMEX3 units (D, W, M, Q, Y, DE, CE)."""
    if unit == "D":
        return day + dt.timedelta(days=amount)
    if unit in ("W", "WE"):
        return day + dt.timedelta(weeks=amount)
    if unit == "FN":
        return day + dt.timedelta(weeks=2 * amount)
    if unit == "M":
        return add_months(day, amount)
    if unit == "Q":
        return add_months(day, 3 * amount)
    if unit == "Y":
        return add_months(day, 12 * amount)
    if unit == "DE":
        return add_months(day, 120 * amount)
    if unit == "CE":
        return add_months(day, 1200 * amount)
    return day


def week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def season_of(day: dt.date) -> tuple[int, str]:
    """The (value year, code) of the season a date falls in; January is in the previous year's winter."""
    if day.month in (12, 1, 2):
        return (day.year if day.month == 12 else day.year - 1, "WI")
    for code, (first, last) in SEASON_MONTHS.items():
        if first <= day.month <= last:
            return day.year, code
    raise AssertionError(day)


def season_start(year: int, code: str) -> dt.date:
    return dt.date(year, SEASON_MONTHS[code][0], 1)


def value_at(day: dt.date, unit: str) -> str:
    """The TIMEX3 value naming the unit-sized period that holds `day` ("2022-W38", "2022-Q3" ...)."""
    if unit == "D":
        return day.isoformat()
    if unit == "W":
        return week_value(day)
    if unit == "WE":
        return week_value(day) + "-WE"
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "Q":
        return f"{day.year:04d}-Q{quarter_of(day)}"
    if unit == "Y":
        return f"{day.year:04d}"
    if unit == "DE":
        return f"{day.year // 10:03d}"
    if unit == "CE":
        return f"{day.year // 100:02d}"
    return day.isoformat()


def last_day(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, _cal.monthrange(year, month)[1])


_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})(-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})(?:XX)?$")


def interval(value: str) -> tuple[dt.date, dt.date, Precision] | None:
    """The inclusive calendar interval a TIMEX3 DATE/TIME value covers, with its precision.

    None for durations, sets, *_REF values and values with unknown parts ("XXXX-09").
    """
    try:
        return _interval(value)
    except (ValueError, OverflowError):  # a value at the edge of the calendar (year 0 or 10000)
        return None


def _day(m: re.Match[str]) -> tuple[dt.date, dt.date, Precision]:
    day = dt.date(int(m[1]), int(m[2]), int(m[3]))
    return day, day, Precision.TIME if m[4] else Precision.DAY


def _month(m: re.Match[str]) -> tuple[dt.date, dt.date, Precision]:
    year, month = int(m[1]), int(m[2])
    return dt.date(year, month, 1), last_day(year, month), Precision.MONTH


def _week(m: re.Match[str]) -> tuple[dt.date, dt.date, Precision]:
    monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
    if m[3]:
        return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), Precision.WEEKEND
    return monday, monday + dt.timedelta(days=6), Precision.WEEK


def _quarter(m: re.Match[str]) -> tuple[dt.date, dt.date, Precision]:
    year, q = int(m[1]), int(m[2])
    return dt.date(year, 3 * q - 2, 1), last_day(year, 3 * q), Precision.QUARTER


def _half(m: re.Match[str]) -> tuple[dt.date, dt.date, Precision]:
    year, h = int(m[1]), int(m[2])
    # A half year has no precision of its own; quarter is the nearest finer one the models know.
    return dt.date(year, 6 * h - 5, 1), last_day(year, 6 * h), Precision.QUARTER


def _season(m: re.Match[str]) -> tuple[dt.date, dt.date, Precision]:
    year, code = int(m[1]), m[2]
    first, last = SEASON_MONTHS[code]
    end_year, end_month = (year + 1, last - 12) if last > 12 else (year, last)
    return dt.date(year, first, 1), last_day(end_year, end_month), Precision.SEASON


def _year(m: re.Match[str]) -> tuple[dt.date, dt.date, Precision]:
    year = int(m[1])
    return dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR


def _decade(m: re.Match[str]) -> tuple[dt.date, dt.date, Precision]:
    start = int(m[1]) * 10
    return dt.date(max(start, 1), 1, 1), dt.date(start + 9, 12, 31), Precision.DECADE


def _century(m: re.Match[str]) -> tuple[dt.date, dt.date, Precision]:
    start = int(m[1]) * 100
    return dt.date(max(start, 1), 1, 1), dt.date(start + 99, 12, 31), Precision.CENTURY


_SHAPES = (
    (_DAY, _day),
    (_MONTH, _month),
    (_WEEK, _week),
    (_QUARTER, _quarter),
    (_HALF, _half),
    (_SEASON, _season),
    (_YEAR, _year),
    (_DECADE, _decade),
    (_CENTURY, _century),
)


def _interval(value: str) -> tuple[dt.date, dt.date, Precision] | None:
    for shape, read in _SHAPES:
        if m := shape.match(value):
            return read(m)
    return None
