"""Regex building blocks the rules' patterns share: word edges, month and weekday names, numbers,
units, and the modifiers TIMEX3 keeps inside an expression.

Month and weekday names are matched case-sensitively where the lower-case word means something else
("may", "march", "sun"); everything else is case-insensitive through scoped `(?i:...)` groups.
"""

from __future__ import annotations

from .lexicon import NUMBER_WORD_RE

B = r"(?<![\w$£€#/\-])(?=[\w'’‘“\"(])"  # left edge: not inside a word, a number or an amount
E = r"(?!\w)(?!['’][a-rt-zA-RT-Z])"  # right edge; a possessive "'s" may follow ("Friday's")

MONTH_FULL = r"(?:(?i:january|february|april|june|july|august|september|october|november|december)|March|May|MARCH|MAY)"
MONTH_ABBR = (
    r"(?:(?:Jan|Feb|Febr|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
    r"|(?i:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.)"
)
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR})"
WEEKDAY = r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
WEEKDAY_ABBR = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
ORD_WORD_DAY = (
    r"(?:(?:twenty|thirty)?-?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
    r"|nineteenth|twentieth|thirtieth)"
)
YEAR = r"(?:1[0-9]\d\d|20\d\d)(?![\d%])(?!,\d)(?!\.\d)"
NUM = (
    rf"(?:\d+(?:[.,]\d+)?(?:\s+1/2)?|\d+\s*½"
    rf"|(?i:{NUMBER_WORD_RE})(?:[-\s]+(?i:hundred|thousand))?(?:\s+and\s+a\s+half)?)"
)
COUNT = rf"(?:{NUM}|(?i:a|an|one|several|a\s+few|few|a\s+couple\s+of|couple\s+of|a\s+couple|many|a\s+number\s+of))"
UNIT = (
    r"(?i:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?"
    r"|years?|decades?|century|centuries|millenni(?:um|a))"
)
UNIT_SG = r"(?i:second|minute|hour|day|week|weekend|fortnight|month|quarter|year|decade|century)"
POD = r"(?i:morning|afternoon|evening|night)"
TZ = r"(?:[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|EET|EEST|MSK|JST|IST|AEST|AEDT|Z)"
# A zone written as an offset from UTC: "GMT+8", "UTC -05:00", "GMT +5:30"
UTC_OFFSET = r"(?:GMT|UTC)\s*[+\-−–]\s*\d{1,2}(?::?\d\d)?(?!\d)"
ZONE = rf"(?:{UTC_OFFSET}|{TZ})"


def zone_after(name: str, space: str = r"\s+") -> str:
    """A zone after a clock time, bare ("10 a.m. EST") or in brackets ("6:40 p.m. (GMT +8)")."""
    return rf"(?:{space}(?P<{name}>{ZONE})|\s*\(\s*(?P<{name}_b>{ZONE})\s*\))"


AMPM = r"(?:[aApP]\.\s?[mM]\.|[aApP][mM]\b\.?|[aApP]\.[mM](?![\w.]))"

_DIGIT_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TENS = rf"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s]{_DIGIT_WORD})?"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
# "nineteen ninety-six", "two thousand", "two thousand and one": years as they are read aloud
SPELLED_YEAR = (
    rf"(?i:(?:nineteen|eighteen)[-\s]+(?:hundred(?:\s+and)?\s+)?(?:{_TENS}|{_TEENS})"
    rf"|two\s+thousand(?:\s+and\s+(?:{_DIGIT_WORD}|ten))?)"
)

# Modifiers TIMEX3 keeps inside the expression and records as `mod` (see lexicon.POINT_MODS, AMOUNT_MODS).
POINT_MOD = (
    r"(?:(?P<mod>(?i:(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn|first\s+half|second\s+half"
    r"|latter\s+part|early\s+part|first\s+part|last\s+part|rest|remainder|dawn)\s+of(?:\s+the)?"
    r"|early|late|mid|end(?=-)|earlier|later|the\s+early|the\s+late|the\s+mid))[-\s]+(?:(?i:in)\s+)?)?"
)
AMOUNT_MOD = (
    r"(?:(?P<amod>(?i:about|around|approximately|roughly|nearly|almost|some|more\s+than|less\s+than|over(?!\s+the\b)|under"
    r"|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|fewer\s+than|just\s+over|just\s+under|just"
    r"|only|barely|within|well\s+over|a\s+little\s+over|a\s+little\s+more\s+than|close\s+to|upwards\s+of"
    r"|the\s+better\s+part\s+of|a\s+good\s+part\s+of))\s+)?"
)

# Between the parts of one expression: a line break ends it ("... until Friday" as a headline, then the
# dateline "September 18, 2008" on the next line), unless a comma says the line goes on.
JOIN = r"(?:\s*,\s*|[^\S\n]+)"

# The second member of a range may follow a hyphen or slash: "August/September 1956", "12-14 July".
B_RANGE = rf"(?:(?<=[A-Za-z0-9][-–/])|{B})"
