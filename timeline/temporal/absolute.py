"""Absolute dates in numeric and odd formats ("9/28/2022", "28-Sep-2022"), read by dateparser.

dateparser is slow to set up and slow per call, so one English-only parser is built lazily, reused,
and its answers are cached; the grammar decides what to hand it, so it never scans text itself.
"""

from __future__ import annotations

import datetime as dt
import functools

_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
}


@functools.cache
def _parser():  # dateparser's DateDataParser has no public type to name here
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings=_SETTINGS)


@functools.lru_cache(maxsize=4096)
def parse_numeric_date(text: str) -> dt.date | None:
    """The date a numeric date string names, month first as in US English; None when it names none."""
    parts = text.replace(".", "/").split("/")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        a, b, year = (int(p) for p in parts)
        if len(parts[2]) == 2:
            year += 1900 if year > 50 else 2000
        # Unambiguous cases need no parser: a first number above 12 must be the day.
        month, day = (b, a) if a > 12 else (a, b)
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    try:
        data = _parser().get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input; an unreadable date is no date
        return None
    return data.date_obj.date() if data and data.date_obj else None


@functools.lru_cache(maxsize=4096)
def parse_absolute_date(text: str) -> dt.date | None:
    """A full date (day, month and year) in any format dateparser knows; None for anything less.

    Only for a lone expression the grammar could not read ("28-Sep-2022"): running text never comes here.
    """
    if not any(c.isdigit() for c in text) or len(text) > 40:
        return None
    try:
        data = _parser().get_date_data(text.strip())
    except Exception:  # dateparser raises assorted errors on odd input; an unreadable date is no date
        return None
    return data.date_obj.date() if data and data.date_obj else None
