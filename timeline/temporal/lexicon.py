"""Words of the date grammar and their TIMEX3 meaning: months, weekdays, numbers, units, parts of day.

Kept apart from the grammar so that the regexes and the resolver read the same tables.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "febr": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 1,
    "tuesday": 2,
    "wednesday": 3,
    "thursday": 4,
    "friday": 5,
    "saturday": 6,
    "sunday": 7,
    # Abbreviations only ever reach the grammar with a following period and date ("Tue., Sept. 27").
    "mon": 1,
    "tue": 2,
    "tues": 2,
    "wed": 3,
    "thu": 4,
    "thur": 4,
    "thurs": 4,
    "fri": 5,
    "sat": 6,
    "sun": 7,
}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "tonight": "NI",
    "midday": "12:00",
    "noon": "12:00",
    "midnight": "24:00",
}

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

UNITS: dict[str, str] = {
    "second": "S",
    "minute": "MIN",
    "hour": "H",
    "day": "D",
    "night": "D",
    "week": "W",
    "weekend": "WE",
    "fortnight": "FN",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
    "centurie": "CE",
    "millennium": "ML",
    "millennia": "ML",
    "millenia": "ML",
}

ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "last": -1,
    "final": -1,
}

_UNITS_WORDS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS_WORDS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}

# "several", "a few" and their kin give an unknown count: TIMEX3 writes it as X (PXY).
VAGUE_COUNTS = frozenset({"several", "a few", "few", "some", "many", "a number of"})

NUMBER_WORD_RE = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|a\s+hundred|one\s+hundred|hundred|a\s+dozen|dozen|a\s+thousand|thousand)"
)

# Modifiers TIMEX3 keeps inside the expression and records as `mod`: of a point ("the end of", "early")
# and of an amount ("about", "more than").
POINT_MODS: dict[str, str] = {
    "end": "END",
    "close": "END",
    "latter part": "END",
    "last part": "END",
    "rest": "END",
    "remainder": "END",
    "late": "END",
    "later": "END",
    "beginning": "START",
    "start": "START",
    "early part": "START",
    "first part": "START",
    "dawn": "START",
    "early": "START",
    "earlier": "START",
    "first half": "START",
    "second half": "END",
    "middle": "MID",
    "mid": "MID",
    "turn": "APPROX",
}

AMOUNT_MODS: dict[str, str] = {
    "about": "APPROX",
    "around": "APPROX",
    "approximately": "APPROX",
    "roughly": "APPROX",
    "some": "APPROX",
    "close to": "APPROX",
    "the better part of": "APPROX",
    "a good part of": "APPROX",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "just under": "LESS_THAN",
    "under": "LESS_THAN",
    "less than": "LESS_THAN",
    "fewer than": "LESS_THAN",
    "barely": "LESS_THAN",
    "within": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "just over": "MORE_THAN",
    "well over": "MORE_THAN",
    "a little over": "MORE_THAN",
    "a little more than": "MORE_THAN",
    "upwards of": "MORE_THAN",
    "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE",
}


# Relation words and which way they move from the anchor, in units of the expression they precede:
# "last week" is one week back, "this coming Friday" the next one. Each rule's grammar captures its
# own subset of them; resolvers read the shift here rather than spelling the words again.
RELATION_SHIFT: dict[str, int] = {
    "last": -1,
    "past": -1,
    "this past": -1,
    "the past": -1,
    "previous": -1,
    "the previous": -1,
    "the preceding": -1,
    "the prior": -1,
    "this": 0,
    "current": 0,
    "the current": 0,
    "next": 1,
    "coming": 1,
    "the coming": 1,
    "this coming": 1,
    "the following": 1,
    "the next": 1,
}

# Words that point back to a time the text has just named ("that day", "the following year").
ANAPHORIC_SHIFT: dict[str, int] = {
    "that": 0,
    "the same": 0,
    "by that": 0,
    "later that": 0,
    "earlier that": 0,
    "the following": 1,
    "the next": 1,
    "the previous": -1,
    "the preceding": -1,
    "the prior": -1,
}


_HALF = re.compile(r"(\d+)?\s*(?:1/2|½|and\s+a\s+half)$")


def number_value(words: str) -> float | None:
    """Read a count written in digits or words ("24", "twenty four", "2 1/2", "a"); None when vague."""
    w = " ".join(words.lower().replace("-", " ").split())
    if not w or w in VAGUE_COUNTS:
        return None
    if w in ("a", "an", "one", "a single", "single"):
        return 1
    if w in ("a couple", "couple", "a pair of", "a couple of", "couple of"):
        return 2
    half = _HALF.search(w)
    if half:
        head = w[: half.start()].strip()
        base = number_value(head) if head else (int(half.group(1)) if half.group(1) else 0)
        return (base or 0) + 0.5
    try:
        return float(w.replace(",", ""))
    except ValueError:
        return _number_words(w.split())


_SCALES = {"dozen": 12, "hundred": 100}


def _number_words(tokens: list[str]) -> int | None:
    """ "two hundred and fifty" → 250; None when a word is not a number."""
    total = 0
    current = 0
    for token in tokens:
        if token in ("a", "and"):
            current = current or (1 if token == "a" else 0)
        elif token in _UNITS_WORDS or token in _TENS_WORDS:
            current += _UNITS_WORDS[token] if token in _UNITS_WORDS else _TENS_WORDS[token]
        elif token in _SCALES:
            current = (current or 1) * _SCALES[token]
        elif token == "thousand":
            total += (current or 1) * 1000
            current = 0
        elif token.isdigit():
            current += int(token)
        else:
            return None
    return total + current


def month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip(".").rstrip())


def weekday_number(word: str) -> int | None:
    """ISO weekday (Monday 1) of "Tuesday", "Tues." or the plural "Tuesdays"."""
    w = word.lower().rstrip(".")
    if w in WEEKDAYS:
        return WEEKDAYS[w]
    return WEEKDAYS.get(w[:-1]) if w.endswith("s") else None


def unit_code(word: str) -> str | None:
    """TIMEX3 unit code of "years", "month-long", "centuries" ... (MIN for minutes, DE for decades)."""
    w = word.lower()
    if w in UNITS:
        return UNITS[w]
    if w.endswith("ies"):
        return UNITS.get(w[:-3] + "y")
    if w.endswith("s"):
        return UNITS.get(w[:-1])
    return None


def spelled_year(raw: str) -> int | None:
    """1996 from "nineteen ninety-six", 2000 from "the year two thousand"."""
    words = raw.lower().replace("-", " ").split()
    if words[:2] == ["the", "year"]:
        words = words[2:]
    if words[:2] == ["two", "thousand"]:
        rest = number_value(" ".join(w for w in words[2:] if w != "and")) if len(words) > 2 else 0
        return 2000 + int(rest or 0)
    head = {"nineteen": 19, "eighteen": 18}.get(words[0])
    rest = number_value(" ".join(w for w in words[1:] if w not in ("hundred", "and")))
    if head is None or rest is None or rest >= 100:
        return None
    return head * 100 + int(rest)
