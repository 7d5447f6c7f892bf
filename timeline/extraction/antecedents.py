"""Antecedents: the other happenings a sentence names besides its own.

News dates and explains one happening by another: "The last such warning was in September after
president Vladimir Putin ordered a partial mobilisation", "tens of thousands have left the country
following last week's speech", "The mobilisation has triggered protests in dozens of cities". Each
such sentence is evidence for two events: its own, and the one it came after (or brought about). The
reader proposes the sentence's own happening as its citation and names the other as an antecedent,
which grouping puts on the event that reports it, when there is one; the citation then supports both.

Three shapes are read from the parse, each only when the phrase names a happening (a verb in a past
tense, or an event noun: "speech", "mobilisation", "invasion"), never a stretch of time ("after two
years", "following the week"):

- a clause opened by "after" or "following": "after Putin ordered a partial mobilisation";
- an event noun after "after", "following" or "since": "following the Kremlin's partial
  mobilisation", "since its invasion of Ukraine";
- what the sentence's happening brought about: "has triggered protests", "sparked a strike".

None is read where the happening it is tied to may not have happened ("dual nationals may be drafted
following the mobilisation", "did not leave after the speech"): such a sentence weighs a
possibility; it does not place one happening after another. Advice still does ("should leave
following the mobilisation"): it was given because of what came before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .lexicon import EVENT_NOUNS, QUANTITY_NOUNS, TIME_NOUNS
from .nlp import Parse, Token, lemma
from .types import Antecedent, Mention, Trigger

_AFTER = frozenset({"after", "following"})
_SINCE = frozenset({"since"})
_CAUSING = frozenset({"trigger", "spark", "prompt", "provoke", "cause", "fuel", "unleash", "ignite"})
# Deverbal endings: "mobilisation", "announcement", "closure", "arrival", "discovery".
_EVENT_SUFFIX = re.compile(r"(?:[st]ion|ment|ure|val|sal|ery)s?$")
_PAST_TAGS = frozenset({"VBD", "VBN"})
# A possibility, not an instruction: "may be drafted following …" weighs a chance, while "should leave
# following …" is advice given because of what came before.
_POSSIBLE = frozenset({"may", "might", "could"})


def is_event_noun(t: Token) -> bool:
    """A common noun that names a happening ("speech", "mobilisation"), not a thing or a stretch of time."""
    if t.pos != "NOUN" or lemma(t) in TIME_NOUNS:
        return False
    return lemma(t) in EVENT_NOUNS or bool(_EVENT_SUFFIX.search(t.lower))


_Found = tuple[Token, int, int, str, Token]
# (event word, first and last token of its phrase, relation, the verb or noun the phrase is tied to)


def _clause(parse: Parse, t: Token) -> _Found | None:
    """ "after Putin ordered …": the past-tense verb of a clause that "after" or "following" opens."""
    if t.lower not in _AFTER or t.dep != "mark":
        return None
    verb = parse.head(t)
    if verb.pos != "VERB" or verb.tag not in _PAST_TAGS:
        return None
    return verb, verb.left, verb.right, "before", parse.head(verb)


def _noun(parse: Parse, t: Token) -> _Found | None:
    """ "following the Kremlin's partial mobilisation", "since its invasion": the event noun it governs."""
    if t.lower not in _AFTER | _SINCE or t.dep not in {"prep", "mark"}:
        return None
    noun = parse.child(t.i, "pobj", "dobj")
    if noun is None or not is_event_noun(noun):
        return None
    return noun, t.i, noun.right, "before", parse.head(t)


def _result(parse: Parse, t: Token) -> _Found | None:
    """ "has triggered protests in dozens of cities": the event noun a causing verb brought about."""
    if t.pos != "VERB" or lemma(t) not in _CAUSING:
        return None
    noun = parse.child(t.i, "dobj")
    if noun is None or not is_event_noun(noun):
        return None
    return noun, t.i, t.right, "after", t


def _unsure(parse: Parse, t: Token) -> bool:
    """ "may be drafted", "could spark", "did not leave": a happening the clause does not report."""
    return parse.child(t.i, "neg") is not None or any(k.lower in _POSSIBLE for k in parse.children(t.i, "aux"))


def event_words(parse: Parse, word: Token, keywords: Callable[[str], frozenset[str]]) -> frozenset[str]:
    """The content words of a happening: its word and the common nouns it is done to or by ("ordered a
    partial mobilisation" -> order, mobil; "mobilization, announced by Putin" -> announc, mobil), not
    a count ("dozens of demonstrators blocked a road" -> block, road)."""
    words = [word, *parse.children(word.i, "dobj", "nsubjpass", "nsubj")]
    if word.dep == "acl":
        words.append(parse.head(word))
    words = [w for w in words if w.pos in {"VERB", "NOUN"} and lemma(w) not in QUANTITY_NOUNS]
    return keywords(" ".join(w.text.lower() for w in words))


def read_antecedents(
    parse: Parse,
    tokens: Iterable[Token],
    own: Token,
    keywords: Callable[[str], frozenset[str]],
    actors: Iterable[Mention],
) -> tuple[Antecedent, ...]:
    """The antecedents named in `tokens` (a sentence) whose own happening is `own`, each with
    the content words and the actors of its phrase; none whose phrase holds `own` itself."""
    actors = tuple(actors)
    out = []
    for t in tokens:
        found = _clause(parse, t) or _noun(parse, t) or _result(parse, t)
        if found is None:
            continue
        word, left, right, relation, tied = found
        if left <= own.i <= right or _unsure(parse, tied):
            continue  # the sentence's own happening, or one that may not have happened
        while right > left and parse.tokens[right].pos == "PUNCT":
            right -= 1
        start, end = parse.tokens[left].start, parse.tokens[right].end
        phrase = parse.text[start:end]
        out.append(
            Antecedent(
                text=phrase,
                char_start=start,
                char_end=end,
                trigger=Trigger(word.text, word.start, word.end),
                relation=relation,
                core=event_words(parse, word, keywords),
                keywords=keywords(phrase),
                actors=tuple(m for m in actors if start <= m.char_start < end),
            )
        )
    return tuple(out)
