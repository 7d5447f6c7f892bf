"""The grammar: one precompiled regex per construction, each naming the rule that resolves it.

Every pattern captures the expression's extent in the group `x`; words around it that only help to
decide (a preposition before "May", the "on" before a weekday) sit outside `x`. Extents follow the
TimeML TIMEX3 guidelines: determiners and modifiers such as "the", "last", "early", "about" belong
to the expression, prepositions ("on", "in", "at") do not.

Month and weekday names are matched case-sensitively where the lower-case word means something else
("may", "march", "sun"); everything else is case-insensitive through scoped `(?i:...)` groups.
"""

from __future__ import annotations

import re

from .lexicon import NUMBER_WORD_RE

_B = r"(?<![\w$£€#/\-])(?=[\w'’‘“\"(])"  # left edge: not inside a word, a number or an amount
_E = r"(?!\w)(?!['’][a-rt-zA-RT-Z])"  # right edge; a possessive "'s" may follow ("Friday's")

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
AMPM = r"(?:[aApP]\.\s?[mM]\.|[aApP][mM]\b\.?|[aApP]\.[mM](?![\w.]))"

# Modifiers TIMEX3 keeps inside the expression and records as `mod`.
_DIGIT_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TENS = rf"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s]{_DIGIT_WORD})?"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
# "nineteen ninety-six", "two thousand", "two thousand and one": years as they are read aloud
SPELLED_YEAR = (
    rf"(?i:(?:nineteen|eighteen)[-\s]+(?:hundred(?:\s+and)?\s+)?(?:{_TENS}|{_TEENS})"
    rf"|two\s+thousand(?:\s+and\s+(?:{_DIGIT_WORD}|ten))?)"
)

POINT_MOD = (
    r"(?:(?P<mod>(?i:(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn|first\s+half|second\s+half"
    r"|latter\s+part|early\s+part|first\s+part|last\s+part|rest|remainder|dawn)\s+of(?:\s+the)?"
    r"|early|late|mid|earlier|later|the\s+early|the\s+late|the\s+mid))[-\s]+(?:(?i:in)\s+)?)?"
)
AMOUNT_MOD = (
    r"(?:(?P<amod>(?i:about|around|approximately|roughly|nearly|almost|some|more\s+than|less\s+than|over|under"
    r"|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|fewer\s+than|just\s+over|just\s+under|just"
    r"|only|barely|within|well\s+over|a\s+little\s+over|a\s+little\s+more\s+than|close\s+to|upwards\s+of"
    r"|the\s+better\s+part\s+of|a\s+good\s+part\s+of))\s+)?"
)

# The second member of a range may follow a hyphen or slash: "August/September 1956", "12-14 July".
_B_RANGE = rf"(?:(?<=[A-Za-z0-9][-–/])|{_B})"

_RULES: list[tuple[str, str]] = [
    # "Tuesday, Sept. 27, 2022", "Sept. 27", "27 September 2022", "the 27th of September", "March eighth"
    (
        "month_day",
        rf"{_B_RANGE}(?P<x>(?:(?i:(?:the\s+)?(?:early\s+|late\s+)?(?P<podof>morning|afternoon|evening|night)(?:\s+hours)?"
        rf"\s+of)\s+)?{POINT_MOD}"
        rf"(?:(?:(?i:this\s+coming|this\s+past|this|next|last)\s+)?(?P<wd>{WEEKDAY}|{WEEKDAY_ABBR}),?\s+(?:the\s+)?)?"
        rf"(?:(?:(?P<mdrel>(?i:last|next|this\s+past|this\s+coming))\s+)?(?P<mon>{MONTH})\s+(?:the\s+)?(?P<day>{DAY}|{ORD_WORD_DAY})"
        rf"|(?:(?i:the)\s+)?(?P<day2>{DAY})(?:\s+of)?\s+(?P<mon2>{MONTH}))"
        rf"(?:(?:\s*,\s*|\s+)(?P<year>{YEAR}|'\d\d(?!\d))|\s+(?P<yrel>(?i:last|this|next))\s+(?i:year))?){_E}",
    ),
    # the second day of a range: "Sept. 27-28", "January 25-29, 1905"
    (
        "day_range_end",
        # "April 24 and 25", "May 3 to 5"; not "June 4 and 5,000 people", "May 3 to 5 percent", "and 6 others"
        rf"{_B}(?P<mon>{MONTH})\s+{DAY}(?:\s*[-–]\s*|\s+(?i:and|to|through|or)\s+)"
        rf"(?P<x>(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])(?![,.]\d)"
        rf"(?!\s*(?:%|-|(?i:percent|per|people|persons|members|men|women|children|years?|months?|days?|weeks?|hours?"
        rf"|minutes?|million|billion|thousand|hundred|times|of|others?|more|additional|dead|killed|injured|wounded)\b))"
        rf"(?:,?\s+(?P<year>{YEAR}))?)",
    ),
    # "the week of March 6", "the first week of March", "the last week of June 2022"
    (
        "week_of",
        rf"{_B}(?P<x>(?i:the\s+)?(?:(?P<ord>(?i:first|second|third|fourth|last|final))\s+)?(?i:week)\s+(?i:of)\s+"
        rf"(?:(?P<mon>{MONTH})\s+(?P<day>{DAY})|(?P<mon2>{MONTH_FULL}|{MONTH_ABBR}))(?:,?\s+(?P<year>{YEAR}))?){_E}",
    ),
    # "September 2022", "Sept. of 1998", "January this year", "July last year"
    (
        "month_year",
        rf"{_B_RANGE}(?P<x>{POINT_MOD}(?P<mon>{MONTH})(?:\s+of|,)?\s+(?:(?P<year>{YEAR}|'\d\d(?!\d))"
        rf"|(?P<rel>(?i:this|last|next))\s+year|(?P<spelled>{SPELLED_YEAR})|(?P<bcyear>\d{{1,4}})\s*(?:BC|B\.C\.|BCE)(?!\w))){_E}",
    ),
    # "in September", "last December", "early June", "mid-November"
    (
        "month",
        rf"(?:\b(?P<prep>(?i:in|since|until|till|by|from|through|to|during|of|before|after|between|and|or|for"
        rf"|into|throughout|around|like|that|on|each|every|as|the))\s+)?"
        rf"{_B}(?P<x>{POINT_MOD}(?:(?P<rel>(?i:last|this|next|this\s+past|this\s+coming|the\s+coming|past|coming))\s+)?"
        rf"(?P<mon>{MONTH_FULL}|(?:Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.)){_E}",
    ),
    # ISO and numeric dates: "2022-09-28", "9/28/2022", "28.09.2022"
    (
        "numeric_date",
        r"(?<![\w/.\-])(?P<x>(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)(?:T(?P<isotime>[0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?)(?P<isozone>Z|[+-][0-2]\d:?[0-5]\d)?)?"
        r"|(?P<num>[0-3]?\d[/.][0-3]?\d[/.](?:(?:19|20)\d\d|\d\d)))(?![\w/]|\.\d)",
    ),
    # "Tuesday", "last Friday", "Tuesday night", "late Monday", "this coming Sunday"
    (
        "weekday",
        rf"(?:\b(?P<prep>(?i:on|by|until|till|since|from|before|after|through))\s+)?"
        rf"{_B}(?P<x>(?:(?P<rel>(?i:last|this|next|this\s+coming|this\s+past|coming|past|the\s+following"
        rf"|the\s+previous|the\s+preceding|the\s+next))\s+)?(?:(?P<mod>(?i:early|late|earlier|later))\s+)?"
        rf"(?:(?P<wd>{WEEKDAY})(?P<plural>s)?|(?P<wdabbr>(?i:mon|tues?|wed|thu|thurs?|fri|sat|sun))\.?)"
        rf"(?:\s+(?P<pod>{POD})(?P<pod_plural>s)?)?){_E}",
    ),
    # "today", "yesterday afternoon", "tonight", "this morning", "last night", "earlier today"
    (
        "deictic",
        rf"{_B}(?P<x>(?:(?P<mod>(?i:early|late|earlier|later))\s+)?(?:(?P<word>(?i:today|yesterday|tomorrow|tonight|tonite|2nite|2day|tmrw?|2morrow|yday))"
        rf"(?:\s+(?P<pod>{POD}))?|(?P<this>(?i:this|last|tomorrow|yesterday))\s+(?P<pod2>{POD})"
        rf"|(?i:the\s+day\s+(?P<ba>before|after)\s+(?P<word2>yesterday|tomorrow))"
        rf"|(?i:(?P<overnight>overnight))"
        rf"|(?i:mid[-\s]?(?P<midpod>morning|afternoon|evening))(?:\s+(?P<word3>(?i:today|yesterday|tomorrow)))?)){_E}",
    ),
    # "last week", "this month", "next year", "earlier this week", "the weekend", "the current quarter"
    (
        "calendar_period",
        rf"{_B}(?P<x>{POINT_MOD}(?P<rel>(?i:this\s+year's|last\s+year's|next\s+year's|this\s+past|the\s+current"
        rf"|the\s+coming|the\s+latest|the\s+most\s+recent|the\s+year-earlier|the\s+year-ago|the\s+comparable"
        rf"|the\s+corresponding|the\s+fiscal|this\s+fiscal|last\s+fiscal|next\s+fiscal|last|this|next|current"
        rf"|coming|its|their|year-earlier|year-ago|fiscal|the\s+full|the\s+entire|the\s+whole|full"
        rf"|the\s+(?P<ryear>{YEAR})|the))[-\s]+"
        rf"(?P<unit>(?i:week|weekend|month|year|quarter|period|decade|century|fiscal\s+year|financial\s+year"
        rf"|nine\s+months|six\s+months|half|first\s+half|second\s+half))"
        rf"(?:\s+(?P<ago>(?i:a\s+year\s+(?:ago|earlier)|last\s+year|of\s+last\s+year)))?){_E}(?!-)"
        rf"(?P<ended>\s+(?i:ended|ending|to\s+date)(?:\s+(?P<endmonth>{MONTH})(?![a-z]))?)?",
    ),
    # "the third quarter", "third-quarter", "the fiscal first quarter of 1990", "the second half", "Q3 2022"
    (
        "ordinal_quarter",
        rf"{_B}(?P<x>{POINT_MOD}(?:(?P<det>(?i:the|this|last|next|its|their|this\s+year's|last\s+year's|next\s+year's"
        rf"|the\s+year-earlier|the\s+year-ago|the\s+same))\s+)?(?:(?P<year>{YEAR})\s+)?(?:(?i:fiscal)[-\s]+)?"
        rf"(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th|final|last))[-\s]+(?P<qh>(?i:quarter|half))"
        rf"(?:\s+(?:(?i:of)\s+)?(?:(?i:fiscal\s+)?(?P<year2>{YEAR})|(?P<rel2>(?i:this|last|next))\s+year"
        rf"|(?P<the_year>(?i:the\s+year))))?"
        rf"|(?P<q>Q[1-4])(?:\s+(?P<year3>{YEAR}))?|(?P<hq>H[12])\s+(?P<year4>{YEAR})){_E}",
    ),
    # "1990", "fiscal 1989", "the end of 1990", "the 1990s", "the early '80s", "mid-1990s"
    (
        "year",
        rf"{_B}(?P<x>{POINT_MOD}(?:(?P<the>(?i:the))\s+(?=(?:(?i:early|late|mid)[-\s]+)?(?:\d{{3}}0'?s|['’]?\d0s|(?i:[a-z]+ties))\b))?"
        rf"(?:(?P<prepost>(?i:post|pre))-)?(?:(?P<fiscal>(?i:fiscal(?:\s+year)?|FY|calendar(?:\s+year)?"
        rf"|model\s+year|the\s+year|financial\s+year))\s*)?"
        rf"(?:(?P<era_year>\d{{1,4}})\s*(?P<era2>(?:BC|B\.C\.|BCE|AD|A\.D\.)(?!\w))|(?:AD|A\.D\.)\s+(?P<ad_year>\d{{1,4}})"
        rf"|(?P<year>{YEAR})(?P<decade>'?s)?|(?P<short_decade>['’]\d0s|\d0s)|(?P<short_year>['’]\d\d)(?![\d\w])"
        rf"|(?P<spelled>(?:(?i:the\s+year\s+))?{SPELLED_YEAR})"
        rf"|(?P<word_decade>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))"
        rf"(?:\s+(?P<era>(?i:AD|A\.D\.|BC|B\.C\.|BCE|CE)))?){_E}",
    ),
    # the second year of a range: "1958-59", "1947-1954"
    (
        "year_range_end",
        r"(?<=(?:1[0-9]|20)\d\d[-–])(?P<x>(?:1[0-9]|20)?\d\d)(?![\d%])",
    ),
    # "year-earlier results", "year-ago profit": the comparable period a year before
    (
        "year_ago_adj",
        rf"{_B}(?P<x>(?i:year-(?:earlier|ago)|a\s+year-(?:earlier|ago))){_E}(?!-)",
    ),
    # "year-end", "by year's end", "around year end"
    (
        "year_end",
        rf"{_B}(?P<x>(?:(?P<approx>(?i:around|about))\s+)?(?:(?P<rel>(?i:this|last|next|the))[-\s]+)?"
        rf"(?i:year(?:-|\s+|'s\s+)end)){_E}",
    ),
    # "the 19th century", "the twenty-first century"
    (
        "century",
        rf"{_B}(?P<x>{POINT_MOD}(?:(?i:the)\s+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ORD_WORD_DAY})[-\s]+(?i:century)(?:\s+(?P<era>BC|B\.C\.|BCE)(?!\w))?){_E}",
    ),
    # "three days ago", "a year earlier", "two weeks from now", "six months later"
    (
        "offset",
        rf"{_B}(?P<x>{AMOUNT_MOD}(?:(?P<num>{COUNT})[-\s]+)?(?P<unit>{UNIT})(?P<half>\s+(?i:and\s+a\s+half))?"
        rf"(?P<approx>\s+(?i:or\s+so|or\s+(?:two|three|more)))?"
        rf"\s+(?P<dir>(?i:ago|earlier|later|from\s+now"
        rf"|hence|back|before|after|previously|since|on))){_E}",
    ),
    # "nine years", "the past two weeks", "24 hours", "an eight-month war", "the first nine months", "weeks"
    (
        "duration",
        rf"{_B}(?P<x>{AMOUNT_MOD}(?:(?P<the>(?i:the|each\s+of\s+the|all))\s+(?![\w.]+-\w))?(?:(?P<rel>(?i:past|last|next|first"
        rf"|previous|coming|following|final|latest|remaining|initial|preceding|prior|recent|ensuing|same))\s+)?"
        rf"(?:(?P<num>{COUNT}|\d+\s+to\s+\d+|(?i:{NUMBER_WORD_RE})\s+(?:to|or)\s+(?i:{NUMBER_WORD_RE}))[-\s]+)?"
        rf"(?:(?i:more|additional|extra|straight|consecutive|full|trading|business|calendar|long|short)[-\s]+)?"
        rf"(?P<unit>{UNIT})(?P<suffix>(?i:[-\s]long|[-\s]old|-plus))?(?P<half>\s+(?i:and\s+a\s+half))?){_E}",
    ),
    # "every Monday", "each July", "daily", "annually", "twice a year", "on Mondays"
    (
        "set",
        rf"{_B}(?P<x>(?P<every>(?i:every|each|per))\s+(?:(?i:other)\s+)?(?:(?P<wd>{WEEKDAY})(?:\s+(?P<pod>{POD}))?"
        rf"|(?P<mon>{MONTH_FULL})|(?P<num>{NUM})[-\s]+(?P<unit2>{UNIT})|(?P<unit>{UNIT_SG}|{POD}|(?i:weekday|summer|winter"
        rf"|spring|fall|autumn)))"
        rf"|(?P<adv>(?i:daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|bi-weekly"
        rf"|semiannually|semi-annually|bimonthly|bi-monthly))"
        rf"){_E}",
    ),
    # "twice a year", "$5 million a year", "40 percent a month"
    (
        "rate",
        rf"(?:\b(?i:once|twice|thrice|times|percent)|%)\s+(?P<x>(?i:a|an)\s+(?P<unit>{UNIT_SG})){_E}",
    ),
    # "at 3 p.m.", "10:35 a.m. EST", "09:00 GMT", "noon", "midnight", "4 in the morning"
    (
        "clock",
        rf"{_B}(?P<x>(?:(?P<approx>(?i:about|around|approximately|roughly|shortly\s+after|shortly\s+before|just\s+after"
        rf"|just\s+before))\s+)?(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>{AMPM})(?:\s+(?P<tz>{TZ}))?"
        rf"|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?::[0-5]\d)?(?:\s*(?P<tz2>{TZ}|(?i:hrs|hours|h)))?"
        rf"|(?P<word>(?i:noon|midnight|midday|mid-?day))(?:\s+(?P<tz3>{TZ}))?"
        rf"|(?P<h5>[01]\d|2[0-3])(?P<mi5>[0-5]\d)\s*(?:(?P<tz5>{TZ})|(?i:local\s+time))"
        rf"|(?P<h3>\d{{1,2}}|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s+(?i:o'clock)"
        rf"(?:\s+(?i:in\s+the)\s+(?P<pod3>{POD}))?"
        rf"|(?P<h4>\d{{1,2}}|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s+(?i:in\s+the)\s+"
        rf"(?P<pod4>(?i:morning|afternoon|evening)))){_E}",
    ),
    # "the summer", "last fall", "spring 2022", "the winter of 1941"
    (
        "season",
        rf"(?:\b(?P<prep>(?i:in|since|until|till|by|during|through|throughout|for|over|before|after))\s+)?"
        rf"{_B_RANGE}(?P<x>{POINT_MOD}(?:(?P<rel>(?i:last|this|next|this\s+past|this\s+coming|the\s+coming|the\s+past|the"
        rf"|that|early|late|mid))[-\s]+)?(?P<season>(?i:spring|summer|fall|autumn|winter))"
        rf"(?:\s+(?:(?i:of)\s+)?(?:(?P<bcyear>\d{{1,4}})\s*(?:BC|B\.C\.|BCE)(?!\w)|(?P<year>{YEAR})|(?P<spelled>{SPELLED_YEAR})))?){_E}(?!\s+(?i:of)\s+(?!\d))",
    ),
    # "now", "currently", "recently", "the past", "the near future"
    (
        "reference",
        rf"{_B}(?P<x>(?P<present>(?i:now|right\s+now|currently|presently|at\s+present|nowadays|these\s+days"
        rf"|the\s+present))"
        rf"|(?P<past>(?i:recently|lately|the\s+past|the\s+recent\s+past|formerly|former|the\s+old\s+days"
        rf"|in\s+recent\s+times))"
        rf"|(?P<future>(?i:the\s+(?:near\s+|distant\s+|foreseeable\s+|not-too-distant\s+|not\s+too\s+distant\s+)?future"
        rf"|the\s+near[-\s]term|the\s+short\s+term|the\s+years\s+ahead"
        rf"|the\s+days\s+ahead|the\s+weeks\s+ahead|the\s+months\s+ahead))){_E}",
    ),
    # "Christmas", "New Year's Day", "Thanksgiving Day", "Easter week"
    (
        "holiday",
        rf"{_B}(?P<x>(?:(?P<rel>(?i:last|this|next|this\s+past|this\s+coming))\s+)?(?P<hol>(?:Christmas|X-?mas|(?i:xmas))(?:\s+Day|\s+Eve)?"
        rf"|New\s+Year'?s?(?:\s+Day|\s+Eve)|New\s+Year's|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday|\s+Monday|\s+week)?"
        rf"|Halloween|Independence\s+Day|Valentine's\s+Day|Labor\s+Day|Memorial\s+Day|Veterans\s+Day"
        rf"|Boxing\s+Day|Good\s+Friday|Christmas\s+week|Thanksgiving\s+week|Election\s+Day)(?:,?\s+(?P<year>{YEAR}))?){_E}",
    ),
    # "that day", "the same year", "the following week", "the day before", "that morning"
    (
        "anaphoric",
        rf"{_B}(?P<x>(?P<rel>(?i:that|the\s+same|the\s+following|the\s+previous|the\s+preceding|the\s+prior"
        rf"|the\s+next|later\s+that|earlier\s+that|by\s+that))\s+(?P<unit>(?i:day|week|weekend|month|year|morning"
        rf"|afternoon|evening|night|quarter|summer|winter|spring|fall|autumn|decade)|(?P<mon>{MONTH_FULL}))"
        rf"|(?i:the\s+(?P<baunit>day|week|month|year)\s+(?P<ba>before|after))(?!\s+(?i:yesterday|tomorrow))){_E}",
    ),
]

RULES: list[tuple[str, re.Pattern[str]]] = [(name, re.compile(pattern)) for name, pattern in _RULES]
RULE_ORDER: dict[str, int] = {name: i for i, (name, _) in enumerate(_RULES)}

# Cues: the words every match of a rule must contain. The text is split into lower-cased tokens once;
# each token names the cues it carries, and each rule then runs only in windows around its own cues.
# That keeps the grammar fast on long articles, where most of the text holds no date at all.
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


CUE_OF_WORD: dict[str, frozenset[str]] = {}
for _cue, _lines in _CUE_WORDS.items():
    for _word in " ".join(_lines).split():
        CUE_OF_WORD[_word] = CUE_OF_WORD.get(_word, frozenset()) | {_cue}
# One pass over the lower-cased text finds every cue word ("friday's" counts as "friday"), every
# number with what is glued to it ("1990s", "6pm") and quarter names ("q3").
TOKEN = re.compile(
    rf"\b(?P<word>{_trie(sorted(CUE_OF_WORD))})(?:'s)?\b|(?P<number>\d+[a-z]*)|\b(?P<quarter>[qh][1-4])\b"
)
# What may follow a number for it to start a clock time or a numeric date ("3 p", "10:35", "9/28").
CLOCK_AFTER = re.compile(r"\s?[ap]\.?\s?m\b|[:.]\d\d|\s+(?:in\s+the|o'clock)|\s*(?:gmt|utc|z|hrs|hours|local\s+time)\b")
NUMERIC_AFTER = re.compile(r"[/.\-]\d")
ERA_AFTER = re.compile(r"\s*(?:bc|b\.c\.|bce|ad|a\.d\.)(?!\w)")

RULE_CUES: dict[str, frozenset[str]] = {
    "month_day": frozenset({"month"}),
    "month_year": frozenset({"month"}),
    "day_range_end": frozenset({"month"}),
    "week_of": frozenset({"month"}),
    "month": frozenset({"month"}),
    "numeric_date": frozenset({"numeric"}),
    "weekday": frozenset({"weekday"}),
    "deictic": frozenset({"deictic", "pod"}),
    "calendar_period": frozenset({"unit"}),
    "ordinal_quarter": frozenset({"quarter_word", "quarter"}),
    "year": frozenset({"year", "spelled_year"}),
    "year_range_end": frozenset({"year"}),
    "year_ago_adj": frozenset({"year_word"}),
    "year_end": frozenset({"year_word"}),
    "century": frozenset({"century_word"}),
    "offset": frozenset({"unit"}),
    "duration": frozenset({"unit"}),
    "set": frozenset({"set"}),
    "rate": frozenset({"rate_word"}),
    "clock": frozenset({"clock", "clock_number"}),
    "season": frozenset({"season"}),
    "reference": frozenset({"reference", "these"}),
    "holiday": frozenset({"holiday", "weekday"}),
    "anaphoric": frozenset({"unit", "pod", "season", "month"}),
}
assert set(RULE_CUES) == set(RULE_ORDER), "every rule needs its cues"

# How far a match may reach before and after its cue ("the very end of the ..." / "... of fiscal 1990").
CUE_REACH: dict[str, tuple[int, int]] = {
    "month_day": (70, 24),
    "month_year": (40, 36),
    "day_range_end": (4, 30),
    "week_of": (40, 24),
    "month": (45, 8),
    "numeric_date": (4, 16),
    "weekday": (40, 24),
    "deictic": (30, 24),
    "calendar_period": (50, 30),
    "ordinal_quarter": (55, 36),
    "year": (50, 24),
    "year_range_end": (8, 8),
    "year_ago_adj": (8, 12),
    "year_end": (20, 12),
    "century": (50, 10),
    "offset": (50, 16),
    "duration": (60, 14),
    "set": (8, 40),
    "rate": (20, 10),
    "clock": (30, 36),
    "season": (50, 36),
    "reference": (30, 40),
    "holiday": (25, 30),
    "anaphoric": (30, 16),
}
assert set(CUE_REACH) == set(RULE_ORDER), "every rule needs its reach"
