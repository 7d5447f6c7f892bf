"""The grammar: every rule, in order of precedence.

Each family module defines its rules (pattern, cues, reach, resolver, anchor flags) beside their
resolvers; this is the one list the engine runs. When two rules match the same stretch of text from
the same place, the one listed first is tried first; a longer match always wins over a shorter one.
"""

from __future__ import annotations

from . import anaphora, clock, days, holidays, months, periods, spans, years
from .cues import CUE_NAMES
from .rules import Rule

RULES: tuple[Rule, ...] = (
    days.MONTH_DAY,
    days.DAY_RANGE_END,
    months.WEEK_OF,
    months.MONTH_YEAR,
    months.MONTH,
    days.NUMERIC_DATE,
    days.WEEKDAY,
    days.DEICTIC,
    periods.CALENDAR_PERIOD,
    periods.ORDINAL_QUARTER,
    years.YEAR,
    years.YEAR_RANGE_END,
    periods.YEAR_AGO_ADJ,
    periods.YEAR_END,
    years.CENTURY,
    spans.OFFSET,
    spans.DURATION,
    spans.RANGE_START,
    clock.SET,
    clock.FREQUENCY,
    clock.RATE,
    clock.ORDINAL_ANNUAL,
    clock.CLOCK_DURATION,
    clock.CLOCK,
    holidays.SEASON,
    anaphora.REFERENCE,
    holidays.NAMED_DAY,
    holidays.HOLIDAY,
    anaphora.ANAPHORIC,
    anaphora.NARRATED_DAY,
)

RULE_ORDER: dict[str, int] = {r.name: i for i, r in enumerate(RULES)}
assert len(RULE_ORDER) == len(RULES), "rule names are unique"
assert all(r.cues <= CUE_NAMES for r in RULES), "every cue a rule names is one the tokeniser gives"
