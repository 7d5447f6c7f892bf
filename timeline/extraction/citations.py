"""Event citations: sentences that report something happening, with the date expression that dates it.

A sentence is proposed when it has a date expression the engine reads as a calendar interval (a DATE
or TIME: "on Tuesday", "last December", "Monday morning") outside any quotation, or a duration that
reaches back from publication ("within the last week", "over the past week"), which news uses to date
a count ("50,000 crossed within the last week"). Durations that are not anchored ("nine years") and
sets ("every day") date nothing and make no citation. A sentence placed only relative to now or to
another happening ("Police earlier fired …", "just hours before", "is currently held") is proposed
without a date (rule relative_time, low confidence): the happening belongs on the timeline, bounded
by its publication, even though no date can be read (vague references such as PRESENT_REF stay on it
as the engine read them). Dates inside quotations are the speaker's, not the sentence's.

Page furniture is skipped: photo captions and credits ("(Photo by …)", "pictured", "Getty Images"),
calls to subscribe, donate, comment or get in touch, lines without final punctuation (headlines,
section labels) and a sentence repeated word for word (captions printed twice).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from timeline.temporal import Reference, Timex, TimexType

from .actors import COUNTRIES, TITLE_WORDS, Coreference, is_demonym, names_in
from .antecedents import event_words, is_event_noun, read_antecedents
from .events import (
    EXPECTED,
    HAPPENED,
    PAST,
    EventReading,
    factuality,
    interrupted,
    is_figure,
    is_perfect,
    participants,
    title,
    trigger_for,
    when_dated,
    within_a_week,
)
from .lexicon import (
    ACCOUNT_NOUNS,
    DOCUMENT_NOUNS,
    EXPECTATION_VERBS,
    FIGURE_VERBS,
    PEOPLE_NOUNS,
    PERIOD_NOUNS,
    PERSON_ROLES,
    REMARK_NOUNS,
    RESULT_NOUNS,
    SPEECH_VERBS,
    STATE_VERBS,
)
from .nlp import Parse, lemma
from .speakers import SpeakerContext, speaker_of
from .text import Sentence, content_words, stem, word_set
from .types import Mention, ProposedCitation, Trigger

_CAPTION = re.compile(
    r"\((?:photo|picture|image|credit|pictured)s?\b|\bpictured\b|\bphoto(?:graph)? shows\b|\bgetty images\b|"
    r"\bvia getty\b|\bap photo\b|\bfile photo\b|/\s*(?:afp|reuters|ap|getty)\b|\(\s*(?:ap|afp|reuters)\s*\)",
    re.IGNORECASE,
)
_FURNITURE = re.compile(
    r"\b(?:subscribe|subscription|newsletter|sign up|get in touch|email us|emailing us|follow us|click here|"
    r"bookmark|commenting forum|read more|more stories|advertisement|contributed (?:to )?(?:this )?reporting|"
    r"all rights reserved|copyright|your support|donation|donate|cookie|privacy policy|terms of use|"
    r"share this|related:|more:|watch:|listen:|(?:available|reached) (?:for|to) comment|declined to comment|"
    r"did not (?:immediately )?(?:respond|return) (?:to )?(?:a |phone |requests?|calls?|messages?))",
    re.IGNORECASE,
)
_ENDS = re.compile(r"[.!?][”’\"')\]]*$|[”’\"]$")
_BACKWARD_DURATION = re.compile(r"\b(?:last|past|previous|preceding)\b", re.IGNORECASE)


# A wire story's dateline before its lead: "THE HAGUE, Netherlands (AP)_ The World Court …".
_DATELINE = re.compile(r"^\s*[A-Z][A-Z.'’ -]+(?:,\s*[A-Z][\w.' -]+)?\s*\((?:AP|AFP|Reuters|UPI)\)\s*(?:_+|—|–|--?)?\s*")


def is_furniture(sentence: str) -> bool:
    """Captions, credits, calls to action and headline-like lines: not reports of a happening. A wire
    dateline is the agency's mark on its lead, not a photo credit."""
    sentence = _DATELINE.sub("", sentence)
    if len(re.findall(r"[A-Za-z]+", sentence)) < 4:
        return True
    if _CAPTION.search(sentence) or _FURNITURE.search(sentence):
        return True
    return not _ENDS.search(sentence.rstrip())


# A figure compared with an earlier one: "from $6 million a year ago", "compared with 1988", "than last year".
_COMPARISON = re.compile(
    r"(?:\bfrom|\bcompared (?:with|to)|(?<!more )(?<!less )(?<!fewer )\bthan|\bversus)\s+[$€£]?\d[^;]{0,60}$",
    re.IGNORECASE,
)
_COMPARED_DATE = re.compile(
    r"\b(?:from|than|compared (?:with|to)|versus)\s+$", re.IGNORECASE
)  # "from last year's $2.3 billion"
_EARLIER_PERIOD = re.compile(r"\b(?:ago|earlier|before|previous|prior|last)\b|year-ago", re.IGNORECASE)


def _dates_nothing(sentence: Sentence, t: Timex) -> bool:
    """A date expression that is no date of the sentence's happening: inside a quotation (the
    speaker's), the period a figure is compared with, a bound or a maturity, a clock time with no day."""
    if t.start < sentence.start or t.end > sentence.end:
        return True
    if any(q.start <= t.start < q.end for q in sentence.quotes):
        return True
    before = sentence.text[: t.start - sentence.start]
    if _EARLIER_PERIOD.search(t.text) and (_COMPARISON.search(before) or _COMPARED_DATE.search(before)):
        return True  # "up from $6 million a year ago": the date of the figure compared with, not of the news
    if re.search(r"\b(?:since|until|till|due)\s+$", before, re.IGNORECASE):
        return True  # "ruled from London since 1972", "extended the offer until Nov. 9", "notes due 2009"
    if t.type == TimexType.TIME and _BARE_TIME.fullmatch(t.text.strip()):
        return True  # "was shot at 10 p.m.": the day is the story's, not the publication's
    return bool(re.search(r"\byear-(?:ago|earlier)\b", t.text, re.IGNORECASE))  # "the year-ago results"


def dating_timex(sentence: Sentence, timexes: Sequence[Timex]) -> Timex | None:
    """The date expression that dates the sentence's happening: the first one outside quotations that
    reads as an interval, preferring one outside a ", which …," clause (which describes something else:
    "the talks, which are to end by May, …"); else a duration reaching back from publication."""
    backward = None
    aside = None
    for t in timexes:
        if _dates_nothing(sentence, t):
            continue
        if t.type in (TimexType.DATE, TimexType.TIME) and t.start_date is not None:
            if _RELATIVE_CLAUSE.search(sentence.text[: t.start - sentence.start]):
                aside = aside or t
                continue
            return t
        if t.type == TimexType.DURATION and backward is None and _BACKWARD_DURATION.search(t.text):
            backward = t
    return aside or backward


# A clock time with no day: the engine can only put it on the publication day.
_BARE_TIME = re.compile(
    r"(?:at\s+)?(?:\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m\.?|p\.?m\.?|o'clock)|noon|midnight)", re.IGNORECASE
)

# Inside a non-restrictive relative clause that is still open where the date stands.
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whose|where)\b[^,]*$")


_TITLE_STEMS = frozenset(stem(w) for w in TITLE_WORDS)


@lru_cache(maxsize=16384)
def event_keywords(sentence: str) -> frozenset[str]:
    """Content words that say what happened (cached: the matcher asks again for every candidate).

    Left out: places and nationalities ("Russia", "Ukrainian"), which say where and which, in a story
    about one country, every sentence has; and the names and titles of the people and bodies named,
    which the citation's actors carry (counting them twice would let a name alone match two different
    happenings of one person)."""
    left_out = set()
    for m in re.finditer(r"\b[A-Z][\w’'-]*", sentence):
        word = m.group()
        if word.lower() in COUNTRIES or is_demonym(word):
            left_out.add(stem(word))
    for name, _ in names_in(sentence):
        left_out.update(stem(w) for w in re.findall(r"[A-Za-z][\w’'-]*", name))
    # A capitalised word inside the sentence (not its first) is a name or part of one.
    for m in re.finditer(r"(?<=[a-z,;:] )[A-Z][a-z’'-]+", sentence):
        left_out.add(stem(re.sub(r"[’']s$", "", m.group())))
    left_out |= _TITLE_STEMS
    return content_words(sentence) - left_out


# A happening placed relative to now or to another happening, with no calendar date: "earlier",
# "recently", "currently", "just hours before", "ahead of". Not "since then", "since the
# announcement": like "for nine years" that is a stretch of time (here one opened by another
# happening), over which a count or a state is reported ("1,000 have been arrested since …").
_RELATIVE = re.compile(
    r"(?<!-)\b(?:earlier|recently|recent(?! (?:years|decades|times|history))|currently|"
    r"just (?:hours|days|minutes|weeks) (?:before|after|earlier|later)|"
    r"(?:hours|days|weeks) (?:before|after|later|earlier)|ahead of|on the eve of|in the run-up to)\b",
    re.IGNORECASE,
)


def relative_cue(sentence: Sentence) -> re.Match | None:
    """The first relative-time cue outside quotations, if any."""
    for m in _RELATIVE.finditer(sentence.text):
        at = sentence.start + m.start()
        if not any(q.start <= at < q.end for q in sentence.quotes):
            return m
    return None


_OPENERS = word_set(
    """in on at as after before since during following earlier later last this meanwhile moreover however also
    separately speaking pressed with amid despite when while once by until from within over"""
)
_TITLE_WORDS = 14


def make_title(sentence: str, timex: Timex | None, offset: int) -> str:
    """A short event title from the sentence: the date expression (with its preposition), an opening
    adverbial ("Last December,", "In a statement,") and appositions (", a former minister,") taken out,
    quotation marks dropped, at most about fourteen words."""
    text = sentence
    if timex is not None:
        start, end = timex.start - offset, timex.end - offset
        if start >= 0 and end <= len(text):
            preposition = r"(?:\b(?:on|in|at|during|since|over|within|by|from|until|as of|through|throughout)\s+)?$"
            after = text[end:]
            owned = re.match(r"[’']s\b", after)  # "in Monday's blast" -> "in blast"
            before = text[:start] if owned else re.sub(preposition, "", text[:start])
            text = before + (after[owned.end() :].lstrip() if owned else after)
    text = re.sub(r"``|''|[“”\"]", "", text)
    text = re.sub(r"^\s*[’']s\s+", "", text)  # what "This quarter's loss" leaves
    # An opening adverbial clause or phrase ends at the first comma: "Also today, …", "In a letter to …, …".
    first = re.match(r"([A-Za-z]+)\b[^,]{0,80},\s+(?=\S)", text)
    if first and first.group(1).lower() in _OPENERS:
        text = text[first.end() :]
    elif re.match(r"^\s*[,;]", text):
        text = text.lstrip(" ,;")
    # Appositions after a name (", a former minister,") and what the date's removal left (", dated ,").
    text = re.sub(r"(\b[A-Z][\w.’'-]*),\s+(?:a|an|the|who|whose)\b[^,]{1,80},(?=\s)", r"\1", text)
    text = re.sub(r",\s+[a-z]+\s*(?=,)", "", text)
    text = re.sub(r"\s+(?=[,.;:])", "", text)
    text = re.sub(r"\s{2,}", " ", text).strip(" ‘’'")
    words = text.split()
    if len(words) > _TITLE_WORDS:
        cut = " ".join(words[:_TITLE_WORDS])
        comma = cut.rfind(",")
        text = cut[:comma] if comma > 40 else cut + "…"
    text = text.rstrip(" .,;:—–-")
    return text[:1].upper() + text[1:]


# A text of fewer sentences is a note, not a news story with a lead.
_LEAD_MIN_SENTENCES = 3


@dataclass
class _Article:
    text: str
    parse: Parse
    timexes: Sequence[Timex]
    coref: Coreference
    published: dt.date
    speakers: SpeakerContext


def _relative_timex(sentence: Sentence, timexes: Sequence[Timex]) -> tuple[Timex | None, str, float] | None:
    """A sentence placed only relative to now or another happening: (its vague timex, rule, confidence)."""
    if relative_cue(sentence) is None:
        return None
    vague = next(
        (
            t
            for t in timexes
            if sentence.start <= t.start < sentence.end and t.start_date is None and t.type == TimexType.DATE
        ),
        None,
    )
    return vague, "relative_time", 0.4


def _dates_a_thing(sentence: Sentence, article: _Article, timex: Timex) -> bool:
    """The lead's date belongs to something the sentence mentions, not to its main clause: a noun ("the
    2010 raid", "a fourth-quarter charge") or a clause that describes one ("the men who launched the
    revolution 40 years ago")."""
    trigger = _event_word(article, sentence, timex)
    if trigger is None:
        return True  # "… in a move expected to result in a fourth-quarter charge": a date for no verb
    coarse = timex.precision is not None and timex.precision.value not in {"day", "time"}
    if trigger.dep in {"ccomp", "ROOT"} and coarse and is_figure(article.parse, trigger):
        # "Norton said net income for the third quarter fell 6%", "Delta's earnings soared 33% in the
        # fiscal first quarter": the quarter is the figure's; the report came on or before publication
        return True
    if trigger.dep == "advcl" and interrupted(article.parse, article.parse.head(trigger)) is trigger:
        return False  # "was heating soup last fall when he was gunned down": the date is the shooting's
    if trigger.dep == "xcomp" and within_a_week(timex):
        return False  # "plans to redeem on Nov. 16": the plan's own date ("expects to report a
        # third-quarter loss": the quarter is the loss's)
    return trigger.pos == "NOUN" or trigger.dep not in {"ROOT", "ccomp", "conj"}


_RECENT_DAYS = 7
# Prepositions that place a happening inside or just after another: what was done in, at, during or
# following it took place then.
_WITHIN = frozenset({"in", "at", "during", "amid", "following", "after"})
_AFTER = frozenset({"following", "after"})


def _event_word(article: _Article, sentence: Sentence, timex: Timex | None):
    """trigger_for, except that a verb's object dated in the days before publication ("attended a
    Sunday night memorial service", "issued a warrant Monday") is dated with the verb: the attending
    and the issuing happened then. An older date stays the noun's ("condemned the 2010 raid")."""
    trigger = trigger_for(article.parse, sentence.start, sentence.end, timex)
    if trigger is None or trigger.pos != "NOUN" or timex is None:
        return trigger
    preposition = article.parse.head(trigger)
    if trigger.dep == "pobj" and preposition.lower in _WITHIN:
        verb = article.parse.head(preposition)
        # "after a flat second quarter" is no date for what came after it; "following last week's
        # speech" is near enough.
        if verb.pos == "VERB" and (within_a_week(timex) or preposition.lower not in _AFTER):
            return verb  # "Spitzer attacked him in Sunday's debate"
        return trigger
    if trigger.dep != "dobj":
        return trigger
    verb = article.parse.head(trigger)
    day = timex.precision is not None and timex.precision.value in {"day", "time"}
    recent = timex.start_date is not None and 0 <= (article.published - timex.start_date).days <= _RECENT_DAYS
    return verb if day and recent and verb.pos == "VERB" else trigger


def _of_a_thing(sentence: Sentence, article: _Article, timex: Timex) -> bool:
    """A date that only tells which thing ("Kopp's 1987 Chevrolet Cavalier", "the 1991 settlement"):
    it names a noun that is no happening."""
    token = article.parse.token_at(timex.start)
    if token is None or token.dep not in {"nummod", "compound", "amod"}:
        return False
    thing = article.parse.head(token)
    inside = timex.start <= thing.start < timex.end
    return not inside and thing.pos in {"NOUN", "PROPN"} and not is_event_noun(thing)


def _dating(sentence: Sentence, article: _Article, lead: bool) -> tuple[Timex | None, str, float] | None:
    timex = dating_timex(sentence, article.timexes)
    if timex is not None and _of_a_thing(sentence, article, timex):
        # "Kopp's 1987 Chevrolet Cavalier was discovered last month": the next date is the sentence's
        later = [t for t in article.timexes if t.start > timex.start]
        timex = dating_timex(sentence, later) or timex
    if timex is not None and lead and _dates_a_thing(sentence, article, timex):
        # "has apologised for the 2010 raid": 2010 is the raid's; "Nashua, rumored a takeover target
        # for six months, said …": the six months are the rumour's
        return None, "lead_event", 0.7
    if timex is not None and timex.type == TimexType.DURATION:
        return timex, "backward_duration", 0.5
    if timex is not None:
        precise = timex.precision is not None and timex.precision.value in {"time", "day"}
        return timex, "dated_sentence", 0.85 if precise else 0.75
    if lead:
        return None, "lead_event", 0.7
    return _relative_timex(sentence, article.timexes) or (None, "perfect_undated", 0.5)


def _actors(sentence: Sentence, coref: Coreference) -> tuple[Mention, ...]:
    actors = {}
    for name, kind in names_in(sentence.text):
        at = sentence.text.find(name)
        known = coref.link(name)
        start = sentence.start + at if at >= 0 else sentence.start
        end = start + len(name) if at >= 0 else sentence.start
        actors.setdefault(
            known.name if known else name,
            Mention(known.name if known else name, start, end, kind=kind, actor_id=known.id if known else None),
        )
    return tuple(actors.values())


def _trigger(sentence: Sentence, article: _Article, timex: Timex | None, lead: bool = False):
    """(trigger, verdict): the event word and whether it happened. A speech verb whose reported
    clause is no happening ("has announced it will call up") is itself the event."""
    parse = article.parse
    trigger = _event_word(article, sentence, timex)
    if trigger is None:
        return None, ""
    when = when_dated(timex, article.published)
    verdict = factuality(parse, trigger, when=when)
    speaker_verb = parse.head(trigger)
    # "has announced it will call up reservists", and a lead's "said management would recommend today":
    # the announcing is the news.
    announced = lemma(speaker_verb) in SPEECH_VERBS and ((timex is None and is_perfect(parse, speaker_verb)) or lead)
    if verdict not in {HAPPENED, EXPECTED} and trigger.dep == "ccomp" and announced:
        return speaker_verb, factuality(parse, speaker_verb, when=when)
    return trigger, verdict


def _reading(sentence: Sentence, article: _Article, timex: Timex | None, lead: bool = False) -> EventReading | None:
    """The sentence's event as the parse reads it, or None when it reports no happening."""
    trigger, verdict = _trigger(sentence, article, timex, lead)
    if trigger is None or verdict not in {HAPPENED, EXPECTED}:
        return None
    skip = set()
    if timex is not None:
        skip = {t.i for t in article.parse.tokens_between(timex.start, timex.end)}
    dateline = _DATELINE.match(sentence.text)
    if dateline:  # "CANBERRA, Australia (AP)_": the agency's mark, no part of the title
        skip |= {t.i for t in article.parse.tokens_between(sentence.start, sentence.start + dateline.end())}
    people = participants(article.parse, trigger, lambda t: speaker_of(article.speakers, t))
    subject = article.parse.child(trigger.i, "nsubj", "nsubjpass")
    who = _pronoun_subject(article, sentence, subject) if subject is not None and subject.pos == "PRON" else None
    heading = title(article.parse, trigger, skip, who, tuple((q.inner_start, q.inner_end) for q in sentence.quotes))
    return EventReading(trigger, verdict, heading or "", people)


def _pronoun_subject(article: _Article, sentence: Sentence, pronoun):
    """Who "he" or "she" doing something is: the named subject of the sentence's main clause before it
    ("Slepian was shot shortly after he and his wife returned"), else as for a speaker."""
    parse = article.parse
    if pronoun.lower in {"he", "she"}:
        root = next((t for t in parse.tokens_between(sentence.start, pronoun.start) if t.dep == "ROOT"), None)
        named = parse.child(root.i, "nsubj", "nsubjpass") if root is not None else None
        if named is not None and named.pos == "PROPN" and named.start < pronoun.start:
            ctx = article.speakers
            entity = parse.entity(named)
            if entity is not None:
                name, start = entity.text, entity.start
            else:  # "Ana Ruiz" the model did not take for a name: the proper nouns before the head
                words = [t for t in parse.tokens[named.left : named.i + 1] if t.pos == "PROPN"]
                name, start = " ".join(t.text for t in words), words[0].start
            return ctx.mention(ctx.full_name(name, start), "person", start, start + len(name))
        salient = _salient_person(article, pronoun)
        if salient is not None:
            return salient
    if pronoun.lower == "they":
        group = _acting_group(article, pronoun)
        if group is not None:
            return group
    return speaker_of(article.speakers, pronoun)


def _acting_group(article: _Article, pronoun):
    """Who "they" who do something are: the last plural noun before that names people who can act
    ("authorities", "investigators"; not "the first DNA tests")."""
    parse = article.parse
    for k in range(pronoun.i - 1, max(-1, pronoun.i - 80), -1):
        t = parse.tokens[k]
        # "Kopp has eluded authorities since they …" (the lemma tables leave "authorities" as it is)
        acting = t.tag == "NNS" and (lemma(t) in _ACTING_NOUNS or t.lower in _ACTING_NOUNS)
        if acting and t.dep in {"nsubj", "nsubjpass", "dobj", "pobj"} and not article.speakers.in_quote(t.start):
            return speaker_of(article.speakers, t) or Mention(_join_words(parse, t), t.start, t.end, "")
    return None


def _join_words(parse: Parse, head) -> str:
    words = [w.text for w in parse.tokens[head.left : head.i + 1] if w.pos in {"ADJ", "NOUN", "PROPN"}]
    return " ".join(words) or head.text


_ACTING_NOUNS = (
    PEOPLE_NOUNS
    | PERSON_ROLES
    | word_set(
        """authority authorities investigator police agent prosecutor rebel soldier troop worker lawmaker voter
    negotiator protester demonstrator militant guerrilla relative diplomat analyst trader investor"""
    )
)


def _salient_person(article: _Article, pronoun):
    """Who "he" or "she" who does something most likely is: of the people named in the three sentences
    before, the one the article has named most so far (the story's subject, not the spokesman quoted
    on it); the latest on a tie."""
    parse, ctx = article.parse, article.speakers
    starts = [s.start for s in parse.sentences if s.start <= pronoun.start]
    window = starts[-4] if len(starts) >= 4 else 0
    people = [e for e in parse.entities if e.label == "PERSON" and e.end <= pronoun.start and not ctx.in_quote(e.start)]
    near = [e for e in people if e.start >= window]
    if not near:
        return None
    before = parse.text[: pronoun.start]

    def mentions(e) -> int:  # the surname as a word so far, named by the model or not ("Jobs, aged 55,")
        surname = e.text.split()[-1].removesuffix("'s").removesuffix("’s")
        return len(re.findall(rf"\b{re.escape(surname)}\b", before))

    best = max(near, key=lambda e: (mentions(e), e.start))
    return ctx.mention(ctx.full_name(best.text, best.start), "person", best.start, best.end)


def _counted_or_named(parse: Parse, subject) -> bool:
    """ "The Kremlin", "Four regions", "More than 1,000 Russians", "hundreds of thousands": a subject the
    news reports a happening of, not a generality ("Women have become …")."""
    if subject.ent >= 0 and parse.entities[subject.ent].label in {"ORG", "GPE", "NORP", "PERSON"}:
        return True
    return any(t.pos == "NUM" for t in parse.tokens[subject.left : subject.i + 1])


def _just_happened(sentence: Sentence, article: _Article, trigger) -> bool:
    """An undated main clause in the present perfect, outside quotations: "have fled", "has held"."""
    quoted = any(q.inner_start <= trigger.start < q.inner_end for q in sentence.quotes)
    subject = article.parse.child(trigger.i, "nsubj", "nsubjpass")
    named = subject is not None and _counted_or_named(article.parse, subject)
    if lemma(trigger) in SPEECH_VERBS:
        return False  # "has said": a statement, read as one
    main = trigger.dep == "ROOT"  # not a clause someone reports ("stressed that they have arrested")
    if any(p.lower in {"since", "for"} for p in article.parse.children(trigger.i, "prep")):
        return False  # "has been ruled from London since 1972": a state over a stretch of time
    if any(
        a.lower in {"long", "always", "often", "repeatedly", "traditionally"}
        for a in article.parse.children(trigger.i, "advmod")
    ):
        return False  # "has long monitored such groups": a habit, not news
    return main and named and not quoted and is_perfect(article.parse, trigger) and lemma(trigger) not in STATE_VERBS


_UNDATED = frozenset({"lead_event", "perfect_undated"})
_NOTES = {
    "lead_event": "The article's lead, {trigger!r}, gives no date: it happened on or before {day}, the day it was "
    "published",
    "perfect_undated": "{trigger!r} (present perfect) gives no date: it happened on or before {day}, the day it was "
    "published",
}


def _period_figure(rule: str, timex: Timex | None, parse: Parse, trigger) -> bool:
    """A figure for a quarter or a year ("loan originations dropped to $663 million in the third
    quarter") is a result to report, not a happening to put on a timeline; a day's move is news."""
    coarse = timex is not None and timex.precision is not None and timex.precision.value not in {"day", "time"}
    subject = parse.child(trigger.i, "nsubj")
    account = subject is not None and lemma(subject) in ACCOUNT_NOUNS and lemma(trigger) in FIGURE_VERBS
    if rule == "dated_sentence" and coarse and (is_figure(parse, trigger) or account):
        return True  # "Sales increased in the quarter" (the amount the parse hung elsewhere)
    # "For the nine months, Du Pont earned $2 billion", "posted lower earnings for the quarter" (but
    # "Crossland reported a third-quarter loss" is the reporting, news).
    if _for_a_period(parse, trigger) and is_figure(parse, trigger, results=True):
        return True
    # "Revenue declined to $85.7 million", "assets fell to $2.46 billion": an account's figure moving,
    # or a company saying so ("the computer maker said net jumped to $87 million") after its lead
    said = parse.child(trigger.i, "ccomp") if lemma(trigger) in SPEECH_VERBS else None
    moving = said if said is not None else trigger
    subject = parse.child(moving.i, "nsubj")
    return subject is not None and lemma(subject) in ACCOUNT_NOUNS and is_figure(parse, moving)


def _for_a_period(parse: Parse, trigger) -> bool:
    """ "For the nine months, Du Pont earned $2 billion", "posted lower earnings for the quarter": a
    result given for a stretch of account, on the verb or on its object."""
    heads = [trigger, *parse.children(trigger.i, "dobj")]
    preps = [p for h in heads for p in parse.children(h.i, "prep") if p.lower in {"for", "in", "during", "over"}]
    return any(lemma(o) in PERIOD_NOUNS for p in preps for o in parse.children(p.i, "pobj"))


def _dated_thing(rule: str, parse: Parse, trigger) -> bool:
    """A date on the subject of a state ("this quarter's results included a gain", "Tuesday's loss
    includes charges") dates the thing the sentence describes, not a happening it reports."""
    if rule != "dated_sentence" or trigger.pos not in {"NOUN", "PROPN"} or trigger.dep not in {"nsubj", "nsubjpass"}:
        return False
    head = parse.tokens[trigger.head]
    return head.pos in {"VERB", "AUX"} and lemma(head) in STATE_VERBS


def _describes_a_thing(parse: Parse, trigger) -> bool:
    """ "products introduced in April", "the year ended Sept. 30", "the list, which began in 1950": a
    clause with no subject of its own (or a relative pronoun for one) that describes a noun dates the
    thing, unless the thing then does something ("the warrant issued Monday charged Kopp")."""
    if trigger.dep not in {"acl", "relcl"}:
        return False
    subject = parse.child(trigger.i, "nsubj", "nsubjpass")
    if subject is not None and subject.tag not in {"WDT", "WP", "IN"}:
        return False  # "the cape where the Granma landed", "reports that he was spotted"
    thing = parse.head(trigger)
    verb = parse.head(thing)
    if lemma(thing) in DOCUMENT_NOUNS | REMARK_NOUNS:
        return False  # "the advisory released in September": its issuing is the news
    if thing.dep == "pobj" and verb.lower == "with":
        return False  # "with the latest warning issued in May": a clause in all but name
    acting = thing.dep in {"nsubj", "nsubjpass"} and verb.pos in {"VERB", "AUX"}
    return not (acting and lemma(verb) not in STATE_VERBS)


_BACKGROUND_DAYS = 31


def _untitled(parse: Parse, reading: EventReading) -> bool:
    """An embedded clause the parse can name no one doing ("to allow shareholders time to review a
    supplement mailed Friday", "a message read on television"): a description or a fragment. A main
    clause without a nameable subject ("Last weekend saw …", "it added earlier today") stays, under
    a title cut from the sentence."""
    trigger = reading.trigger
    if reading.title:
        return False
    if trigger.pos == "NOUN":
        return True  # a bare noun no title can be made of ("the close of business", "this year's campaign")
    if trigger.dep == "ccomp" and lemma(parse.head(trigger)) in SPEECH_VERBS:
        return False
    return trigger.dep in {"relcl", "acl", "xcomp", "ccomp", "pcomp", "advcl"}


def _background(parse: Parse, reading: EventReading, timex: Timex | None, published: dt.date) -> bool:
    """ "a breach of the 1991 settlement", "costs from its 1988 recapitalization": a noun dated over a
    month before is background in passing (what was done in it, "were stopped in the 2019 blockade",
    is dated through its verb: _event_word); "following last week's speech" is recent news."""
    trigger = reading.trigger
    if trigger.pos != "NOUN":
        return False
    if trigger.dep == "pobj" and parse.head(parse.head(trigger)).pos in {"NOUN", "PROPN"}:
        return True  # "the handling of Wednesday's meeting", "the front of Friday's edition": in passing
    ended = timex.end_date if timex is not None else None
    return ended is not None and (published - ended).days > _BACKGROUND_DAYS


def _reported_forecast(article: _Article, trigger) -> bool:
    """ "Gerstner said the companies will concentrate on their core businesses", "Cuba predicted the
    exiles will proceed": a view of the future with no date for it is a statement (read as one), not
    a happening on the saying's date. A plan with its date ("the bridge will reopen in May, the
    board said") is news and stays."""
    parse = article.parse
    if lemma(trigger) not in _OPINION_VERBS:
        return False  # "warned that they should leave", "announced it will call up": acts, news
    for clause in parse.children(trigger.i, "ccomp", "xcomp"):
        future = any(k.lower in {"will", "'ll", "shall"} for k in parse.children(clause.i, "aux"))
        if not (future or lemma(clause) in EXPECTATION_VERBS):
            continue
        first, last = parse.tokens[clause.left], parse.tokens[clause.right]
        if not any(first.start <= t.start < last.end and t.start_date is not None for t in article.timexes):
            return True
    return False


# Speech verbs that give a view rather than perform an act (warn, announce, order, urge do).
_OPINION_VERBS = frozenset({"say", "tell", "add", "predict", "forecast", "expect", "estimate", "believe", "think"})


def _placed_state(sentence: Sentence, reading: EventReading) -> bool:
    """A state placed against now or another happening: "results were way ahead of expectations",
    "the store currently sells music tracks" (a simple present is a habit, "is currently held" news)."""
    if lemma(reading.trigger) == "be":
        return True
    cue = relative_cue(sentence)
    return cue is not None and cue.group().lower() == "currently" and reading.trigger.tag in {"VBZ", "VBP"}


def _relative_reading(sentence: Sentence, article: _Article) -> EventReading | None:
    """A present tense placed by "just hours before", "recent": the news' present, a happening."""
    trigger = trigger_for(article.parse, sentence.start, sentence.end, None)
    if trigger is None or trigger.tag not in {"VBZ", "VBP"} or lemma(trigger) in STATE_VERBS:
        return None
    if factuality(article.parse, trigger, when=PAST) != HAPPENED:
        return None
    return EventReading(trigger, HAPPENED, title(article.parse, trigger, set()) or "", ())


def _count_aside(rule: str, parse: Parse, trigger, timex: Timex | None = None) -> bool:
    """A duration reaching back ("over the past 20 years") dates a count or a trend the sentence
    reports in its main clause ("50,000 have crossed within the last week"); in a clause inside it
    ("the jobs he has held over the past 20 years") it describes something, no happening."""
    if rule != "backward_duration":
        return False
    main = trigger.dep == "ROOT" or (trigger.dep == "ccomp" and lemma(parse.head(trigger)) in SPEECH_VERBS)
    return not main or _in_a_clause_below(parse, timex, trigger)


def _in_a_clause_below(parse: Parse, timex: Timex | None, trigger) -> bool:
    """ "she frowned even though he has been in Bethesda for the last week": the duration is in a
    clause of its own below the verb (a copula the walk up passes), not the verb's."""
    token = parse.token_at(timex.start) if timex is not None else None
    if token is None:
        return False
    for up in parse.ancestors(token):
        if up.i == trigger.i:
            return False
        if up.dep in {"advcl", "relcl", "acl", "ccomp", "xcomp"}:
            return True
    return False


def _dated_verb(trigger) -> bool:
    """ "a letter, dated Feb. 4": the date of a document, no happening."""
    return lemma(trigger) == "date"


def _copula(parse: Parse, trigger) -> bool:
    """ "the company's stock was down 25 cents", "profit is likely to be 4.7 billion francs", "it's
    turning out to be a bad week": a state, not a happening ("there was an explosion on Friday", "the
    vote was on Tuesday" are)."""
    be = parse.child(trigger.i, "xcomp")  # "turning out to be", "seems to be"
    if be is not None and lemma(be) == "be" and lemma(trigger) in {"turn", "seem", "appear", "prove", "remain"}:
        trigger = be
    if lemma(trigger) != "be" or parse.child(trigger.i, "expl") is not None:
        return False
    # "The last such warning was in September", "the vote was on Tuesday": a happening's date.
    subject = parse.child(trigger.i, "nsubj")
    return subject is None or not (is_event_noun(subject) or lemma(subject) in REMARK_NOUNS)


# A share price in the day's trading: "closed unchanged Friday at $29 a share in composite trading".
_SHARE_PRICE = re.compile(
    r"\b(?:a|per) share\b|\bapiece\b|\bcomposite trading\b|\btrading (?:on|in) the\b", re.IGNORECASE
)
_PRICE_VERBS = word_set("close finish end open trade stand")
_MOVE = re.compile(r"\b(?:up|down|rose|fell|gained|lost|jumped|dropped|slid|climbed)\b", re.IGNORECASE)


def _share_price(parse: Parse, trigger) -> bool:
    """A stock's price at a trading day's close with no move: market data, not a happening of the
    story. A move ("shares fell 50 cents on Friday", "closed at $46.50, down $2.25") is the market's
    answer to the news, and stays."""
    if lemma(trigger) not in _PRICE_VERBS:
        return False
    sentence = next((s for s in parse.sentences if s.first <= trigger.i < s.last), None)
    text = parse.text[sentence.start : sentence.end] if sentence is not None else ""
    return bool(_SHARE_PRICE.search(text)) and not _MOVE.search(text)


def _forecast_figure(parse: Parse, reading: EventReading, *, lead: bool = False) -> bool:
    """ "Westinghouse expects operating margins of more than 10% next year", "Capital expenditure in
    1990 will rise slightly": a forecast of an account's figures, no happening to expect."""
    if reading.factuality != EXPECTED:
        return False
    trigger = reading.trigger
    subject = parse.child(trigger.i, "nsubj", "nsubjpass")
    if subject is not None and lemma(subject) in ACCOUNT_NOUNS:
        return True
    guessed = parse.child(trigger.i, "dobj")
    if guessed is not None and lemma(guessed) in RESULT_NOUNS and not lead:
        # "several steelmakers will report losses through the third quarter of 1990" (a lead warning
        # of its own loss, "Hadson said it expects to report a loss", is news)
        return True
    return guessed is not None and lemma(trigger) in _FORECAST_VERBS and lemma(guessed) in ACCOUNT_NOUNS | _GROWTH_NOUNS


_FORECAST_VERBS = word_set("expect forecast project estimate predict anticipate see")
_GROWTH_NOUNS = word_set("margin margins growth increase decline gain gains rise")


def _career(rule: str, timex: Timex | None) -> bool:
    """ "over the past 20 years, he has built his company": a stretch longer than a year dates a career
    or a trend, not news ("within the last week, 50,000 crossed" is)."""
    if rule != "backward_duration" or timex is None:
        return False
    found = re.fullmatch(r"P(\d+(?:\.\d+)?)([YM])", timex.value or "")
    return found is not None and float(found.group(1)) > (1 if found.group(2) == "Y" else 12)


# What a sentence other than the lead may say that reads as a happening but is none, each as
# (article, rule, timex, reading) -> True when it is no event to propose.
_NOT_NEWS: tuple[Callable[[_Article, str, Timex | None, EventReading], bool], ...] = (
    lambda a, rule, timex, r: _period_figure(rule, timex, a.parse, r.trigger),
    lambda a, rule, timex, r: _count_aside(rule, a.parse, r.trigger, timex),
    lambda a, rule, timex, r: _dated_thing(rule, a.parse, r.trigger),
    lambda a, rule, timex, r: _untitled(a.parse, r),
    lambda a, rule, timex, r: _background(a.parse, r, timex, a.published),
    lambda a, rule, timex, r: _describes_a_thing(a.parse, r.trigger),
    lambda a, rule, timex, r: _reported_forecast(a, r.trigger),
    lambda a, rule, timex, r: _copula(a.parse, r.trigger) or _dated_verb(r.trigger),
    lambda a, rule, timex, r: r.trigger.pos == "NOUN" and not is_event_noun(r.trigger),
    lambda a, rule, timex, r: _forecast_figure(a.parse, r),
    lambda a, rule, timex, r: _share_price(a.parse, r.trigger),
    lambda a, rule, timex, r: _career(rule, timex),
)


def _date_note(rule: str, reading: EventReading, published: dt.date) -> str:
    note = _NOTES.get(rule, "")
    return note.format(trigger=reading.trigger.text, day=published.isoformat()) if note else ""


def _citation(sentence: Sentence, article: _Article, lead: bool) -> ProposedCitation | None:
    dating = _dating(sentence, article, lead)
    if dating is None:
        return None
    timex, rule, confidence = dating
    reading = _reading(sentence, article, timex, lead=lead)
    if reading is None and rule == "relative_time":
        reading = _relative_reading(sentence, article)  # "This comes just hours before …"
    if reading is not None and rule == "relative_time" and _placed_state(sentence, reading):
        return None
    if reading is None or (rule in _UNDATED and reading.factuality != HAPPENED):
        return None
    if rule == "perfect_undated" and not _just_happened(sentence, article, reading.trigger):
        return None
    if not lead and any(test(article, rule, timex, reading) for test in _NOT_NEWS):
        return None
    if lead and (
        _copula(article.parse, reading.trigger)
        or _dated_verb(reading.trigger)
        or _forecast_figure(article.parse, reading, lead=True)
    ):
        return None  # a feature's opening ("It's turning out to be a bad week for Asia"): no happening
    if reading.factuality == EXPECTED:
        rule, confidence = "expected_event", round(confidence - 0.2, 2)
    trigger = reading.trigger
    named = _actors(sentence, article.coref)
    keywords = event_keywords(sentence.text)
    tokens = article.parse.tokens_between(sentence.start, sentence.end)
    antecedents = read_antecedents(article.parse, tokens, trigger, event_keywords, named)
    # Who is named only in an antecedent ("after Putin ordered …") took part in that happening, not in
    # the sentence's own: counted as its actor, he would merge a warning with the mobilisation.
    aside = {m.name for a in antecedents for m in a.actors} - {m.name for m in reading.participants}
    actors = tuple(m for m in named if m.name not in aside)
    return ProposedCitation(
        char_start=sentence.start,
        char_end=sentence.end,
        sentence=sentence.text,
        timex=timex,
        title=reading.title or make_title(sentence.text, timex, sentence.start),
        actors=actors,
        keywords=keywords,
        rule=rule,
        confidence=confidence,
        trigger=Trigger(trigger.text, trigger.start, trigger.end),
        participants=reading.participants,
        factuality=reading.factuality,
        date_note=_date_note(rule, reading, article.published),
        antecedents=antecedents,
        core=event_words(article.parse, trigger, event_keywords),
    )


def read_citations(
    text: str,
    sentences: Sequence[Sentence],
    timexes: Sequence[Timex],
    coref: Coreference,
    parse: Parse,
    reference: Reference,
) -> list[ProposedCitation]:
    """The sentences that report a happening (or an expected one), in text order; the article's lead
    (its first sentence of news) even when it gives no date."""
    quotes = tuple((q.inner_start, q.inner_end) for s in sentences for q in s.quotes)
    article = _Article(text, parse, timexes, coref, reference.date, SpeakerContext(parse, coref, quotes))
    out = []
    seen: set[str] = set()
    lead = len(sentences) >= _LEAD_MIN_SENTENCES
    for sentence in sentences:
        key = re.sub(r"\W+", " ", sentence.text.lower()).strip()
        repeated = key in seen
        seen.add(key)
        if repeated or is_furniture(sentence.text):
            continue
        found = _citation(sentence, article, lead)
        lead = False
        if found is not None:
            out.append(found)
    return out
