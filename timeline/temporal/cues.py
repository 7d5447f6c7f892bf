"""Cues: the words a rule's matches must contain, found in one pass over the text.

The text is split into lower-cased tokens once; each token names the cues it carries ("friday" the
cue `weekday`, "1990" the cue `year`), and each rule then runs its pattern only in windows around its
own cues. That keeps the grammar fast on long articles, where most of the text holds no date at all.
"""

from __future__ import annotations

import re

_CUE_WORDS: dict[str, tuple[str, ...]] = {
    "month": (
        "jan january feb febr february mar march apr april may jun june jul july aug august sep sept september"
        " oct october nov november dec december",
    ),
    "weekday": (
        "mon monday mondays tue tues tuesday tuesdays wed wednesday wednesdays thu thur thurs thursday thursdays"
        " fri friday fridays sat saturday saturdays sun sunday sundays",
    ),
    "unit": (
        "second seconds minute minutes hour hours day days night nights week weeks weekend weekends fortnight"
        " fortnights month months quarter quarters half period year years decade decades century centuries"
        " millennium millennia",
    ),
    "pod": ("morning mornings afternoon afternoons evening evenings night nights midmorning midafternoon",),
    # informal spellings ("tmrw", "2nite") are common in posts and unambiguous
    "deictic": ("today yesterday tomorrow tonight overnight tonite 2nite 2day tmr tmrw 2morrow yday",),
    "spelled_year": (
        "nineteen eighteen thousand twenties thirties forties fifties sixties seventies eighties nineties",
    ),
    "clock": ("noon midnight midday mid o'clock clock",),
    "season": ("spring summer fall autumn winter",),
    "reference": (
        "now current currently present presently recent recently lately past future term ahead formerly former",
    ),
    "set": (
        "every each per daily weekly monthly annually yearly hourly nightly biweekly bi bimonthly semiannually semi",
    ),
    "holiday": (
        "christmas xmas x-mas thanksgiving easter halloween independence valentine labor memorial veterans boxing new"
        " election",
    ),
    # "the day" of a market report; "between" opening a range ("between 12 and 18 months")
    "day_word": ("day",),
    "annual": ("annual",),
    "between": ("between",),
    # days named after an event: "VE Day", "D-Day" (the Black Mondays and 9/11 carry weekday and number cues)
    "named_day": ("ve v-e vj v-j d-day",),
    "century_word": ("century centuries",),
    "quarter_word": ("quarter quarters half",),
    "year_word": ("year years",),
    "rate_word": ("once twice thrice times percent",),
    "these": ("these",),
}


def _trie(words: list[str]) -> str:
    """A regex matching exactly `words`, factored by shared prefixes so the engine barely backtracks."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


_CUE_OF_WORD: dict[str, frozenset[str]] = {}
for _cue, _lines in _CUE_WORDS.items():
    for _word in " ".join(_lines).split():
        _CUE_OF_WORD[_word] = _CUE_OF_WORD.get(_word, frozenset()) | {_cue}
# One pass over the lower-cased text finds every cue word ("friday's" counts as "friday"), every
# number with what is glued to it ("1990s", "6pm") and quarter names ("q3").
_TOKEN = re.compile(
    rf"\b(?P<word>{_trie(sorted(_CUE_OF_WORD))})(?:'s)?\b|(?P<number>\d+[a-z]*)|\b(?P<quarter>[qh][1-4])\b"
)
# What may follow a number for it to start a clock time or a numeric date ("3 p", "10:35", "9/28").
_CLOCK_AFTER = re.compile(
    r"\s?[ap]\.?\s?m\b|[:.]\d\d|\s+(?:in\s+the|o'clock)|\s*(?:gmt|utc|z|hrs|hours|local\s+time)\b"
)
_NUMERIC_AFTER = re.compile(r"[/.\-]\d")
_ERA_AFTER = re.compile(r"\s*(?:bc|b\.c\.|bce|ad|a\.d\.)(?!\w)")
# Cues the tokeniser gives to numbers rather than words.
NUMBER_CUES = frozenset({"year", "clock_number", "numeric", "quarter"})
CUE_NAMES = frozenset(_CUE_WORDS) | NUMBER_CUES


def cue_spans(text: str) -> dict[str, list[tuple[int, int]]]:
    """Where each cue occurs: one tokenising pass over the lower-cased text."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lower-cased; keep offsets exact
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    hits: dict[str, list[tuple[int, int]]] = {}
    for tok in _TOKEN.finditer(lowered):
        word = tok.group("word")
        if word is not None:
            for cue in _CUE_OF_WORD[word]:
                hits.setdefault(cue, []).append(tok.span())
            continue
        if tok.group("quarter") is not None:
            hits.setdefault("quarter", []).append(tok.span())
            continue
        number = tok.group("number")
        span = tok.span()
        end = span[1]
        if (
            (len(number) == 4 and number.isdigit())
            or number.endswith("0s")
            or lowered[span[0] - 1 : span[0]] in ("'", "’")
            or lowered.endswith("fy", 0, span[0])
        ):
            hits.setdefault("year", []).append(span)
        if _ERA_AFTER.match(lowered, end) or lowered.endswith(("ad ", "a.d. "), 0, span[0]):
            hits.setdefault("year", []).append(span)
        if _CLOCK_AFTER.match(lowered, end) or number.endswith(("am", "pm")):
            hits.setdefault("clock_number", []).append(span)
        if _NUMERIC_AFTER.match(lowered, end):
            hits.setdefault("numeric", []).append(span)
    return hits
