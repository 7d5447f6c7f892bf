"""Years, decades and centuries: "1990", "fiscal 1989", "the 1990s", "the early '80s", "1947-54", "the 19th
century", "480 BC".
"""

from __future__ import annotations

import re

from .lexicon import (
    spelled_year,
)
from .patterns import (
    ORD_WORD_DAY,
    POINT_MOD,
    SPELLED_YEAR,
    YEAR,
    B,
    E,
)
from .rules import (
    Context,
    Resolution,
    day_number,
    point_mod,
    rule,
    year_number,
)

# "1990", "fiscal 1989", "the end of 1990", "the 1990s", "the early '80s", "mid-1990s"
_YEAR = (
    rf"{B}(?P<x>{POINT_MOD}(?:(?P<the>(?i:the))\s+(?=(?:(?i:early|late|mid)[-\s]+)?(?:\d{{3}}0'?s|['’]?\d0s|(?i:[a-z]+ties))\b))?"
    rf"(?:(?P<prepost>(?i:post|pre))-)?(?:(?P<fiscal>(?i:fiscal(?:\s+year)?|FY|calendar(?:\s+year)?"
    rf"|model\s+year|the\s+year|financial\s+year))\s*)?"
    rf"(?:(?P<era_year>\d{{1,4}})\s*(?P<era2>(?:BC|B\.C\.|BCE|AD|A\.D\.)(?!\w))|(?:AD|A\.D\.)\s+(?P<ad_year>\d{{1,4}})"
    rf"|(?P<year>{YEAR})(?P<decade>'?s)?|(?P<short_decade>['’]\d0s|\d0s)|(?P<short_year>['’]\d\d)(?![\d\w])"
    rf"|(?i:FY)['’]?(?P<fy_short>\d\d)(?![\d\w])"
    rf"|(?P<spelled>(?:(?i:the\s+year\s+))?{SPELLED_YEAR})"
    rf"|(?P<word_decade>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))"
    rf"(?:\s+(?P<era>(?i:AD|A\.D\.|BC|B\.C\.|BCE|CE)))?){E}"
)

_NOT_AFTER_YEAR = re.compile(
    r"\s*(?:%|(?i:percent|per\s*cent|gmt|utc|hrs|hours|local\s+time|people|troops|soldiers|workers|men|women|feet|foot|ft|meters|metres|miles|km"
    r"|kilometers|tons|tonnes|barrels|shares|points|votes|seats|dollars|yen|marks|pounds|euros|cars|jobs|units"
    r"|acres|pages|words|cases|deaths|rounds|patients|employees|students|members|residents|homes|houses|refugees"
    r"|civilians|prisoners|rooms|hours|calories|pounds|ounces|kg|kilograms|square|cubic|yards|rupees|francs"
    r"|boxes|copies|plants|stores|flights|vehicles|tanks|aircraft|planes|ships|guns|rifles|missiles|hectares"
    r"|to\s+\d|-\d|or\s+so\s+(?:people|troops)|times|more|fewer|others|of\s+(?:them|the|these|those|its|their)"
    r"|additional|new|million|billion))\b"
)


_NOT_BEFORE_YEAR = re.compile(
    r"(?i:\b(?:no|number|nos|flight|route|highway|room|article|resolution|section|model|boeing|airbus|"
    r"about|some|nearly|almost|than|over|under|approximately|roughly|least|only|just|all|another|top|"
    r"page|pages|item|chapter|rule|law|code|bill|form|apollo|windows|office|channel|interstate|us|u\.s\.)\.?\s*|[#$£€+])$"
)


_AGE_BEFORE = re.compile(r"(?i:\b(?:his|her|their|my|your|our|early|late|mid)\s*-?)$")
_DEGREES_BEFORE = re.compile(r"(?i:temperature|degree|high|low|reading|wind|chill|thermometer)")
_DECADE_WORDS = {"twen": 2, "thir": 3, "fort": 4, "fift": 5, "sixt": 6, "seve": 7, "eigh": 8, "nine": 9}


def year(m: re.Match[str], ctx: Context) -> Resolution | None:
    mod = point_mod(m)
    if m["short_year"] or m["fy_short"]:
        # "the class of '99", "FY24": the latest such year not far past the anchor
        short = m["short_year"] or f"'{m['fy_short']}"
        return Resolution(f"{year_number(short, ctx.anchor):04d}", why="a two-digit year", mod=mod)
    if m["short_decade"] or m["word_decade"]:
        return _decade_without_century(m, ctx)
    if m["era_year"] or m["ad_year"]:
        y = int(m["era_year"] or m["ad_year"])
        if m["era2"] and m["era2"].upper().startswith("B"):
            return Resolution(f"BC{y:04d}", why="a year before the common era", mod=mod)
        return Resolution(f"{y:04d}", why="a year of the common era", mod=mod)
    if m["spelled"]:
        y = spelled_year(m["spelled"])
        return None if y is None else Resolution(f"{y:04d}", why="a year written in words", mod=mod)
    return _written_year(m, ctx)


def _decade_without_century(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "the '80s", "the sixties": the latest such decade not after the reference year."""
    start = m.start("x")
    if m["short_decade"]:
        if _AGE_BEFORE.search(ctx.text[max(0, start - 8) : start]):
            return None  # "in his 30s" is an age
        if m["short_decade"][0].isdigit() and _DEGREES_BEFORE.search(ctx.text[max(0, start - 40) : start]):
            return None  # "temperatures in the 40s" are degrees
        digit = int(m["short_decade"].strip("'’s")[0])
    else:
        digit = _DECADE_WORDS[m["word_decade"].lower()[:4]]
    decade = ctx.reference.date.year // 100 * 10 + digit
    if decade * 10 > ctx.reference.date.year:
        decade -= 10
    return Resolution(f"{decade:03d}", why="a decade", mod=point_mod(m))


def _written_year(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "1990", "fiscal 1989", "the 1990s", "1600 BC"; not "Flight 1990" nor "2000 troops"."""
    mod = point_mod(m)
    y = int(m["year"])
    guarded = bool(m["fiscal"] or m["mod"] or m["the"] or m["era"])
    if not guarded and _not_a_year(ctx.text, m.start("x"), m.end("x"), y):
        return None
    if m["decade"]:
        if m["the"] is None and not m["mod"] and y % 10:
            return None
        return Resolution(f"{y // 10:03d}", why="a decade", mod=mod)
    if m["era"] and m["era"].upper().startswith("B"):
        return Resolution(f"BC{y:04d}", why="a year before the common era", mod=mod)
    if m["the"] and not (m["fiscal"] or m["mod"]):
        return None  # "the 1990" is a count, not a year
    return Resolution(f"{y:04d}", why="a named year", mod=mod)


def _not_a_year(text: str, start: int, end: int, y: int) -> bool:
    before = text[max(0, start - 14) : start]
    if _NOT_BEFORE_YEAR.search(before) or _NOT_AFTER_YEAR.match(text[end : end + 40]):
        return True
    return y < 1600 and not re.search(r"(?i:\b(?:in|since|of|from|until|by|year)\s*)$", before)


# the second year of a range: "1958-59", "1947-1954"
_YEAR_RANGE_END = r"(?<=(?:1[0-9]|20)\d\d[-–/])(?P<x>(?:1[0-9]|20)?\d\d)(?![\d%])"


def year_range_end(m: re.Match[str], ctx: Context) -> Resolution | None:
    raw = m["x"]
    first = int(ctx.text[m.start("x") - 5 : m.start("x") - 1])
    y = int(raw) if len(raw) == 4 else first // 100 * 100 + int(raw)
    if not first < y <= first + 99:
        return None  # "1990-10" is more likely a month or a count than a range of years
    return Resolution(f"{y:04d}", why=f"the end of a range of years from {first}")


# "the 19th century", "the twenty-first century"
_CENTURY = (
    rf"{B}(?P<x>{POINT_MOD}(?:(?i:the)\s+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ORD_WORD_DAY})[-\s]+(?i:century)"
    rf"(?:\s+(?P<era>BC|B\.C\.|BCE)(?!\w))?){E}"
)


def century(m: re.Match[str], ctx: Context) -> Resolution | None:
    n = day_number(m["ord"])
    if not n or n > 21:
        return None
    if m["era"]:
        return Resolution(f"BC{n - 1:02d}", why="a century before the common era", mod=point_mod(m))
    return Resolution(f"{n - 1:02d}", why="a named century", mod=point_mod(m))


YEAR = rule("year", _YEAR, cues={"year", "spelled_year"}, reach=(50, 24), resolve=year, moves_anchor=True)
YEAR_RANGE_END = rule(
    "year_range_end", _YEAR_RANGE_END, cues={"year"}, reach=(8, 8), resolve=year_range_end, moves_anchor=True
)
CENTURY = rule(
    "century", _CENTURY, cues={"century_word"}, reach=(50, 10), resolve=century, reads_anchor=False, moves_anchor=True
)
