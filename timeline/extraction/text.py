"""Splitting article text into paragraphs, quotations and sentences, keeping exact offsets.

News copy mixes straight and curly quotes, single-quote house styles (‘…’ in British papers), quotes
that run over several sentences and, by wire convention, over several paragraphs (a paragraph that
opens a quote without closing it continues into the next). Sentences never break inside a quotation,
so a multi-sentence quote stays with its attribution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Paragraph", "Quote", "Sentence", "content_words", "paragraphs", "split_article", "stem", "word_set"]


def word_set(text: str) -> frozenset[str]:
    """A lexicon written as whitespace-separated words."""
    return frozenset(text.split())


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # the opening mark
    end: int  # just after the closing mark (or the paragraph's end when the quote runs on)
    inner_start: int
    inner_end: int
    closed: bool = True


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int  # index of its paragraph
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    text: str


def paragraphs(text: str) -> list[Paragraph]:
    """Non-blank lines: news text as extracted from pages has one paragraph per line."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        raw = m.group()
        lead = len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        if stripped:
            start = m.start() + lead
            out.append(Paragraph(start, start + len(stripped), stripped))
    return out


# Opening mark -> closing mark. The doubled marks are the typewriter style of older wire copy
# (``…'' and ''…''), still found in archives such as the TimeBank corpus.
_MARKS = (("``", "''"), ("''", "''"), ("“", "”"), ("‘", "’"), ("«", "»"), ('"', '"'))
_WORD_CHAR = re.compile(r"\w")


_OPEN = re.compile(r"``|''|[“‘«\"]")
_CLOSE_FOR = dict(_MARKS)


def _close_at(text: str, j: int, end: int, close: str) -> int:
    """Where the closing mark of a quote opened before `j` stands, or -1."""
    while True:
        j = text.find(close, j, end)
        if j == -1:
            return -1
        # ’ inside a word (Russia’s, don’t) is an apostrophe, not the end of a ‘…’ quote.
        inside_word = j + 1 < end and _WORD_CHAR.match(text[j + 1]) and _WORD_CHAR.match(text[j - 1])
        if not (close == "’" and inside_word):
            return j
        j += 1


def _find_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Quotations in text[start:end]: “…”, "…", ‘…’, ``…'' (an apostrophe inside a word closes nothing)."""
    quotes = []
    i = start
    while True:
        m = _OPEN.search(text, i, end)
        if m is None:
            break
        open_ = m.group()
        if open_ == "‘" and m.start() > start and _WORD_CHAR.match(text[m.start() - 1]):
            i = m.end()  # a mis-encoded apostrophe inside a word
            continue
        close = _CLOSE_FOR[open_]
        j = _close_at(text, m.end(), end, close)
        if j == -1:
            # Unclosed: by wire convention the quote runs on to the paragraph's end.
            inner = text[m.end() : end].rstrip()
            quotes.append(Quote(m.start(), end, m.end(), m.end() + len(inner), closed=False))
            break
        quotes.append(Quote(m.start(), j + len(close), m.end(), j))
        i = j + len(close)
    return quotes


# Abbreviations whose full stop does not end a sentence.
_ABBREVIATIONS = word_set(
    "mr mrs ms dr prof st sen rep gov gen lt col sgt capt cmdr adm maj jr sr inc co corp ltd no vs etc "
    "jan feb mar apr aug sep sept oct nov dec mt ft rev pres supt fig"
)
# A full stop, then space; or a stop glued to the next sentence after a word ("difference.All"),
# which pages' text extraction leaves where two blocks met.
_BOUNDARY = re.compile(r"[.!?]+(?:''|[”’\"')\]])*(?=\s+)|(?<=[a-z]{3}[.!?])(?=[A-Z][a-z])")


def _is_abbreviation(text: str, dot: int) -> bool:
    m = re.search(r"([A-Za-z.]+)$", text[:dot])
    if not m:
        return False
    word = m.group(1)
    if "." in word.strip("."):  # U.S., U.K., a.m.
        return True
    if len(word) == 1 and word.isupper():  # an initial: "John F. Kennedy"
        return True
    return word.lower() in _ABBREVIATIONS


def _sentences_in(text: str, para: Paragraph, index: int, quotes: list[Quote]) -> list[Sentence]:
    out = []
    begin = para.start
    for m in _BOUNDARY.finditer(text, para.start, para.end):
        cut = m.end()
        if any(q.start < m.start() and m.end() < q.end for q in quotes):
            continue  # never inside a quotation; a stop just before the closing mark ends the sentence
        nxt = re.match(r"\s*(\S)", text[cut : para.end])
        if not nxt:
            continue
        first = nxt.group(1)
        if not (first.isupper() or first.isdigit() or first in "“‘\"`'(–—-=•"):
            continue
        if text[m.start()] == "." and _is_abbreviation(text, m.start()) and m.end() - m.start() == 1:
            continue
        out.append(cut)
    ends = [*out, para.end]
    sentences = []
    for end in ends:
        chunk = text[begin:end]
        lead = len(chunk) - len(chunk.lstrip(" \t-–—=•*"))
        s, e = begin + lead, begin + len(chunk.rstrip())
        if e > s:
            qs = tuple(q for q in quotes if q.start >= s and q.start < e)
            sentences.append(Sentence(s, e, text[s:e], index, qs))
        begin = end
    return sentences


def split_article(text: str) -> list[Sentence]:
    """Every sentence of the article, in order, with the quotations that open in it."""
    out: list[Sentence] = []
    for index, para in enumerate(paragraphs(text)):
        quotes = _find_quotes(text, para.start, para.end)
        out.extend(_sentences_in(text, para, index, quotes))
    return out


_STOPWORDS = word_set(
    """a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having
    he her here hers herself him himself his how i if in into is it its itself just me more most my no nor not
    now of off on once only or other our ours out over own same she should so some such than that the their
    theirs them then there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours said says say told tell according added also
    would could may might must shall one two three four five six seven eight nine ten many much several
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december today yesterday tomorrow week weeks month months year years
    day days last next earlier later ago since week's night morning evening afternoon mr ms mrs dr amid
    like still even well another already new first second third time times part via per country countries
    people including comes come given way thing things whose following follow followed"""
)
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*[A-Za-z]|[A-Za-z]")


def stem(word: str) -> str:
    """A crude, stable suffix stripper: enough to let "arrested"/"arrests"/"arrest" meet."""
    w = word.lower().replace("’", "").replace("'", "")
    if w.endswith("s") and len(w) > 4 and not w.endswith("ss"):
        w = w[:-1]
    for suffix in ("isation", "ization", "ation", "ment", "ing", "ed", "es", "er", "ly"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


def content_words(text: str) -> frozenset[str]:
    """Stemmed content words of a sentence: no function words, dates or numbers."""
    out = set()
    for m in _WORD.finditer(text):
        w = re.sub(r"[’']s?$", "", m.group().lower())  # "week’s" is "week"
        if len(w) < 3 or w in _STOPWORDS:
            continue
        out.add(stem(w))
    return frozenset(out)
