"""Event citations: sentences that report something happening, with the date expression that dates it.

A sentence is proposed when it has a date expression the engine reads as a calendar interval (a DATE
or TIME: "on Tuesday", "last December", "Monday morning") outside any quotation, or a duration that
reaches back from publication ("within the last week", "over the past week"), which news uses to date
a count ("50,000 crossed within the last week"). Durations that are not anchored ("nine years"), sets
("every day") and vague references ("recently", "now") date nothing and make no citation.

Page furniture is skipped: photo captions and credits ("(Photo by …)", "pictured", "Getty Images"),
calls to subscribe, donate, comment or get in touch, lines without final punctuation (headlines,
section labels) and a sentence repeated word for word (captions printed twice).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from timeline.temporal import Timex, TimexType

from .actors import COUNTRIES, TITLE_WORDS, Coreference, is_demonym, names_in
from .text import Sentence, content_words, stem
from .types import Mention, ProposedCitation

_CAPTION = re.compile(
    r"\((?:photo|picture|image|credit|pictured)s?\b|\bpictured\b|\bphoto(?:graph)? shows\b|\bgetty images\b|"
    r"\bvia getty\b|\bap photo\b|\bfile photo\b|/\s*(?:afp|reuters|ap|getty)\b|\(\s*(?:ap|afp|reuters)\s*\)",
    re.IGNORECASE,
)
_FURNITURE = re.compile(
    r"\b(?:subscribe|subscription|newsletter|sign up|get in touch|email us|emailing us|follow us|click here|"
    r"bookmark|commenting forum|read more|more stories|advertisement|contributed (?:to )?(?:this )?reporting|"
    r"all rights reserved|copyright|your support|donation|donate|cookie|privacy policy|terms of use|"
    r"share this|related:|more:|watch:|listen:)",
    re.IGNORECASE,
)
_ENDS = re.compile(r"[.!?][”’\"')\]]*$|[”’\"]$")
_BACKWARD_DURATION = re.compile(r"\b(?:last|past|previous|preceding)\b", re.IGNORECASE)
_LEADING_ADVERBIAL = re.compile(r"^(?:[A-Z][^,]{0,40}?,\s+)(?=[a-zA-Z])")


def is_furniture(sentence: str) -> bool:
    """Captions, credits, calls to action and headline-like lines: not reports of a happening."""
    if len(re.findall(r"[A-Za-z]+", sentence)) < 4:
        return True
    if _CAPTION.search(sentence) or _FURNITURE.search(sentence):
        return True
    return not _ENDS.search(sentence.rstrip())


def dating_timex(sentence: Sentence, timexes: Sequence[Timex]) -> Timex | None:
    """The first date expression in the sentence, outside quotations, that can date a happening."""
    backward = None
    for t in timexes:
        if t.start < sentence.start or t.end > sentence.end:
            continue
        if any(q.start <= t.start < q.end for q in sentence.quotes):
            continue
        if t.type in (TimexType.DATE, TimexType.TIME) and t.start_date is not None:
            return t
        if t.type == TimexType.DURATION and backward is None and _BACKWARD_DURATION.search(t.text):
            backward = t
    return backward


def event_keywords(sentence: str) -> frozenset[str]:
    """Content words that say what happened. Left out: places and nationalities ("Russia", "Ukrainian"),
    which say where and which, in a story about one country, every sentence has; and the names and titles
    of the people and bodies named, which the citation's actors carry (counting them twice would let a
    name alone match two different happenings of one person)."""
    left_out = set()
    for m in re.finditer(r"\b[A-Z][\w’'-]*", sentence):
        word = m.group()
        if word.lower() in COUNTRIES or is_demonym(word):
            left_out.add(stem(word))
    for name, _ in names_in(sentence):
        left_out.update(stem(w) for w in re.findall(r"[A-Za-z][\w’'-]*", name))
    left_out.update(stem(w) for w in TITLE_WORDS)
    return content_words(sentence) - left_out


def make_title(sentence: str, timex: Timex | None, offset: int) -> str:
    """A short event title from the sentence: no leading "Last December,", at most about fourteen words."""
    text = sentence
    if timex is not None:
        start, end = timex.start - offset, timex.end - offset
        if start >= 0 and end <= len(text):
            text = text[:start] + text[end:]
            text = re.sub(r"\b(?:on|in|at|during|since|over|within)\s+(?=[,.]|$)", "", text)
            text = re.sub(r"\s+(?=[,.])", "", text)
            text = re.sub(r"\s{2,}", " ", text)
    text = text.strip(' “”"‘’')
    m = _LEADING_ADVERBIAL.match(text)
    if m and len(m.group().split()) <= 5:
        text = text[m.end() :]
    words = text.split()
    if len(words) > 14:
        cut = " ".join(words[:14])
        comma = cut.rfind(",")
        text = cut[:comma] if comma > 40 else cut + "…"
    text = text.rstrip(" .,;:—–-")
    return text[:1].upper() + text[1:]


def read_citations(
    text: str, sentences: Sequence[Sentence], timexes: Sequence[Timex], coref: Coreference
) -> list[ProposedCitation]:
    out = []
    seen: set[str] = set()
    for sentence in sentences:
        key = re.sub(r"\W+", " ", sentence.text.lower()).strip()
        repeated = key in seen
        seen.add(key)
        if repeated or is_furniture(sentence.text):
            continue
        timex = dating_timex(sentence, timexes)
        if timex is None:
            continue
        actors = []
        for name, kind in names_in(sentence.text):
            at = sentence.text.find(name)
            known = coref.link(name)
            start = sentence.start + at if at >= 0 else sentence.start
            end = start + len(name) if at >= 0 else sentence.start
            actors.append(
                Mention(known.name if known else name, start, end, kind=kind, actor_id=known.id if known else None)
            )
        unique = {a.name: a for a in actors}
        confidence = 0.75 if timex.type != TimexType.DURATION else 0.5
        if timex.precision is not None and timex.precision.value in {"time", "day"}:
            confidence += 0.1
        out.append(
            ProposedCitation(
                char_start=sentence.start,
                char_end=sentence.end,
                sentence=sentence.text,
                timex=timex,
                title=make_title(sentence.text, timex, sentence.start),
                actors=tuple(unique.values()),
                keywords=event_keywords(sentence.text),
                rule="dated_sentence" if timex.type != TimexType.DURATION else "backward_duration",
                confidence=round(confidence, 2),
            )
        )
    return out
