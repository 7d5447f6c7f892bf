"""Sets and clock times: "every Monday", "daily", "twice a year", "its first annual loss", "at 3 p.m.",
"10:35 a.m. EST", "noon"."""

from __future__ import annotations

import re

from .lexicon import (
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    month_number,
    number_value,
    unit_code,
    weekday_number,
)
from .patterns import (
    AMPM,
    MONTH_FULL,
    NUM,
    POD,
    TZ,
    UNIT,
    UNIT_SG,
    WEEKDAY,
    B,
    E,
    zone_after,
)
from .rules import (
    Context,
    Resolution,
    norm,
    rule,
    sentence_start,
)
from .spans import count, duration_value
from .types import TimexType

# "every Monday", "each July", "daily", "annually", "twice a year", "on Mondays"
_SET = (
    rf"{B}(?P<x>(?P<every>(?i:every|each|per))\s+(?:(?i:other)\s+)?(?:(?P<wd>{WEEKDAY})(?:\s+(?P<pod>{POD}))?"
    rf"|(?P<mon>{MONTH_FULL})|(?P<num>{NUM})[-\s]+(?P<unit2>{UNIT})|(?P<unit>{UNIT_SG}|{POD}|(?i:weekday|summer|winter"
    rf"|spring|fall|autumn|season)))"
    rf"|(?P<adv>(?i:daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|bi-weekly"
    rf"|semiannually|semi-annually|bimonthly|bi-monthly))"
    rf"){E}"
)

_ADVERB_SETS = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "biweekly": "P2W",
    "bi-weekly": "P2W",
    "monthly": "P1M",
    "bimonthly": "P2M",
    "bi-monthly": "P2M",
    "quarterly": "P3M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "semiannually": "P6M",
    "semi-annually": "P6M",
    "hourly": "PT1H",
}


def set_(m: re.Match[str], ctx: Context) -> Resolution | None:
    if m["adv"]:
        return Resolution(_ADVERB_SETS[m["adv"].lower()], TimexType.SET, why="a recurrence")
    if m["wd"]:
        wd = weekday_number(m["wd"])
        pod = PARTS_OF_DAY.get(norm(m["pod"])) if m["pod"] else None
        return Resolution(f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else ""), TimexType.SET, why="every such weekday")
    if m["mon"]:
        return Resolution(f"XXXX-{month_number(m['mon']):02d}", TimexType.SET, why="every such month")
    if m["unit2"]:
        unit = unit_code(m["unit2"])
        _, n = count(m["num"])
        return Resolution(duration_value(n, unit), TimexType.SET, why="a recurrence")
    word = norm(m["unit"])
    if word in PARTS_OF_DAY:
        return Resolution(f"XXXX-XX-XXT{PARTS_OF_DAY[word]}", TimexType.SET, why="every such part of the day")
    if word in SEASONS:
        return Resolution(f"XXXX-{SEASONS[word]}", TimexType.SET, why="every such season")
    if word == "weekday":
        return Resolution("XXXX-WXX-X", TimexType.SET, why="every weekday")
    if word == "season":
        # "each season" in news is a sports, fashion or television season, which comes round once a year
        return Resolution("P1Y", TimexType.SET, why="every season, a yearly one")
    unit = unit_code(word)
    return Resolution(duration_value(1, unit), TimexType.SET, why="a recurrence")


# "twice a year", "$5 million a year", "40 percent a month"
_RATE = rf"(?:\b(?i:once|twice|thrice|times|percent)|%)\s+(?P<x>(?i:a|an)\s+(?P<unit>{UNIT_SG})){E}"


def rate(m: re.Match[str], ctx: Context) -> Resolution | None:
    unit = unit_code(m["unit"])
    return Resolution(duration_value(1, unit), TimexType.SET, why="a rate per unit of time")


# "twice a year", "three times a week", "once per month": TimeML's SET with the count as `freq` ("2X").
_FREQUENCY = (
    rf"{B}(?P<x>(?:(?P<word>(?i:once|twice|thrice))|(?P<num>{NUM})\s+(?i:times))\s+(?i:a|an|per|each|every)\s+"
    rf"(?P<unit>{UNIT_SG})){E}"
)
_TIMES_WORDS = {"once": 1, "twice": 2, "thrice": 3}


def frequency(m: re.Match[str], ctx: Context) -> Resolution | None:
    times = _TIMES_WORDS[m["word"].lower()] if m["word"] else number_value(norm(m["num"]))
    if times is None or times != int(times) or times < 1:
        return None
    unit = unit_code(m["unit"])
    value = duration_value(1, unit)
    return Resolution(value, TimexType.SET, why=f"{int(times)} times per unit", extra={"freq": f"{int(times)}X"})


# "its first annual loss", "the 25th annual parade": an ordinal counts the years of something yearly. A bare
# "annual" ("the annual meeting", "an annual rate") TimeBank leaves unannotated, and so does the engine.
_ORDINAL_ANNUAL = (
    rf"\b(?:(?i:{'|'.join(ORDINALS)})|\d+(?i:st|nd|rd|th)|(?i:consecutive|straight))[-\s]+(?P<x>(?i:annual)){E}"
)


def ordinal_annual(m: re.Match[str], ctx: Context) -> Resolution:
    return Resolution("P1Y", TimexType.SET, why="a yearly event, counted")


# "at 3 p.m.", "10:35 a.m. EST", "09:00 GMT", "noon", "midnight", "4 in the morning"
_ZONE, _ZONE2, _ZONE3 = zone_after("tz"), zone_after("tz2", space=r"\s*"), zone_after("tz3")
_CLOCK = (
    rf"{B}(?P<x>(?:(?P<approx>(?i:about|around|approximately|roughly|shortly\s+after|shortly\s+before|just\s+after"
    rf"|just\s+before))\s+)?(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>{AMPM}){_ZONE}?"
    rf"|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?::[0-5]\d)?(?:{_ZONE2}|\s*(?i:hrs|hours|h))?"
    rf"|(?P<word>(?i:noon|midnight|midday|mid-?day)){_ZONE3}?"
    rf"|(?P<h5>[01]\d|2[0-3])(?P<mi5>[0-5]\d)\s*(?:(?P<tz5>{TZ})|(?i:local\s+time))"
    rf"|(?P<h3>\d{{1,2}}|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s+(?i:o'clock)"
    rf"(?:\s+(?i:in\s+the)\s+(?P<pod3>{POD}))?"
    rf"|(?P<h4>\d{{1,2}}|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s+(?i:in\s+the)\s+"
    rf"(?P<pod4>(?i:morning|afternoon|evening)))){E}"
)


def _hour(raw: str) -> int | None:
    n = number_value(raw)
    return int(n) if n is not None else None


def clock(m: re.Match[str], ctx: Context) -> Resolution | None:
    g = m.groupdict()
    if g["word"]:
        if g["word"][0].isupper() and not sentence_start(ctx.text, m.start("x")):
            return None  # "High Noon" is a title
        if ctx.text[max(0, m.start("x") - 5) : m.start("x")].lower() == "high ":
            return None
        hhmm = "24:00" if g["word"].lower() == "midnight" else "12:00"
    else:
        read = _hour_and_minute(g, m["x"])
        if read is None:
            return None
        h, mi = read
        if not 0 <= h <= 24:
            return None
        hhmm = f"{h:02d}:{mi:02d}"
    anchor = ctx.anchor
    mod = "APPROX" if g["approx"] and g["approx"].lower() in ("about", "around", "approximately", "roughly") else None
    tz = next((g[k] for k in _ZONE_GROUPS if g[k]), None)
    extra = {"timezone": tz} if tz else {}
    return Resolution(
        f"{anchor.isoformat()}T{hhmm}{utc_offset(tz)}",
        TimexType.TIME,
        why="a clock time on the anchor day",
        mod=mod,
        anchor=anchor,
        extra=extra,
    )


_ZONE_GROUPS = ("tz", "tz_b", "tz2", "tz2_b", "tz3", "tz3_b", "tz5")
_OFFSET = re.compile(r"(?:GMT|UTC)([+-])(\d{1,2}):?(\d\d)?")


def utc_offset(zone: str | None) -> str:
    """The zone as the TIMEX3 guidelines write it in a value (ISO 8601): "Z" for UTC, "+08" for GMT+8,
    "+0530" for UTC+5:30. A regional name ("EST", "CET") says nothing of daylight saving on its own,
    and news annotation keeps such times local: those stay out of the value (and in `extra`)."""
    if not zone:
        return ""
    z = "".join(zone.split()).upper().replace("−", "-").replace("–", "-")
    if z in ("UTC", "GMT", "Z"):
        return "Z"
    m = _OFFSET.fullmatch(z)
    if m is None:
        return ""
    minutes = m[3] if m[3] and m[3] != "00" else ""
    return f"{m[1]}{int(m[2]):02d}{minutes}"


def _hour_and_minute(g: dict[str, str | None], surface: str) -> tuple[int, int] | None:
    """(hour, minute) of a written clock time; None when the numbers are no time."""
    if g["h"] is not None:
        h = int(g["h"])
        if h > 12 or h == 0:
            return None
        return (h % 12) + (12 if g["ampm"].lower().startswith("p") else 0), int(g["mi"] or 0)
    if g["h2"] is not None:
        if not (g["tz2"] or g["tz2_b"] or ":" in surface):
            return None
        return int(g["h2"]), int(g["mi2"])
    if g["h5"] is not None:
        return int(g["h5"]), int(g["mi5"])
    # "ten o'clock in the evening", "4 in the morning"
    h = _hour(g["h3"] or g["h4"]) or 0
    pod = g["pod3"] if g["h3"] is not None else g["pod4"]
    if pod and pod.lower() != "morning" and h < 12:
        h += 12
    return h, 0


# "won the marathon in 2:08:31", "a time of 1:59:40.2": after "in" or "a time of", hours, minutes and
# seconds are how long something took, not a time of day.
_CLOCK_DURATION = (
    r"\b(?i:in|time\s+of)\s+(?P<x>(?P<h>\d{1,2}):(?P<mi>[0-5]\d):(?P<s>[0-5]\d(?:\.\d+)?))(?![\d:]|\s*[aApP]\.?[mM]\b)"
)


def clock_duration(m: re.Match[str], ctx: Context) -> Resolution:
    h, mi, sec = int(m["h"]), int(m["mi"]), m["s"].lstrip("0") or "0"
    parts = (f"{h}H" if h else "") + (f"{mi}M" if mi else "") + (f"{sec}S" if sec != "0" else "")
    return Resolution(f"PT{parts or '0S'}", TimexType.DURATION, why="hours, minutes and seconds taken")


SET = rule("set", _SET, cues={"set"}, reach=(8, 40), resolve=set_, reads_anchor=False)
RATE = rule("rate", _RATE, cues={"rate_word"}, reach=(20, 10), resolve=rate, reads_anchor=False)
FREQUENCY = rule("frequency", _FREQUENCY, cues={"rate_word"}, reach=(24, 24), resolve=frequency, reads_anchor=False)
ORDINAL_ANNUAL = rule(
    "ordinal_annual", _ORDINAL_ANNUAL, cues={"annual"}, reach=(24, 8), resolve=ordinal_annual, reads_anchor=False
)
CLOCK_DURATION = rule(
    "clock_duration", _CLOCK_DURATION, cues={"clock_number"}, reach=(12, 12), resolve=clock_duration, reads_anchor=False
)
CLOCK = rule("clock", _CLOCK, cues={"clock", "clock_number"}, reach=(30, 36), resolve=clock, moves_anchor=True)
