"""Statements: direct quotes with their speaker, and reported speech, read off the parse.

An *attribution* is a speech verb (lexicon.SPEECH_VERBS) outside quotation marks with a subject the
speaker rules can name (speakers.py), or "according to X". In each sentence (text.py's sentences,
which never break inside a quotation):

- a quotation goes to the attribution of its sentence (rule quote_then_said when the verb follows
  it, said_then_quote when it comes first); a quotation with no attribution of its own continues
  the last speaker's words when it stands alone (a second quote in the sentence, or a paragraph that
  is all quote just after a statement: the wire style for long quotes) - quote_continues;
- a sentence without a quotation gives the words of each attribution's complement clause: "X said
  (that) …", "…, X has said", "X warned that …" (said_that), or the rest of the sentence around
  "according to X" (according_to).

A quote repeated word for word later (a pull quote) is proposed once. A short quoted fragment inside
a sentence ("scare quotes": “sham”) is no statement; the reported clause around it is. The
statement's own date is a date expression outside the words said ("said Monday"), never one inside.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.temporal import Timex

from .actors import Coreference
from .lexicon import ATTRIBUTING_PREPOSITIONS, REMARK_NOUNS, SPEECH_VERBS
from .nlp import Parse, Token, lemma
from .speakers import SpeakerContext, speaker_of
from .text import Quote, Sentence
from .types import Mention, ProposedStatement

_CLAUSE_DEPS = ("ccomp", "xcomp", "parataxis")
_CLAUSE_HEADS = frozenset({"VERB", "AUX", "ADJ"})
_SCARE_QUOTE_WORDS = 4
_BARE_ATTRIBUTION_WORDS = 8  # "Castro declared.", "said Ms. Buckham, a nurse."
_ENDS = re.compile(
    r"[.!?][”’\"')\]]*$|[”’\"]$"
)  # a quoted fragment shorter than this inside a sentence is a scare quote


@dataclass(frozen=True, slots=True)
class Attribution:
    verb: Token
    speaker: Mention
    clause: tuple[int, int] | None  # offsets of the words reported, when the verb has a clause
    rule: str  # said_that or according_to


def _subject(parse: Parse, verb: Token) -> Token | None:
    """The verb's subject; for "…, adding that" or "said and added" the subject of the verb it hangs on."""
    for _ in range(4):
        subjects = parse.children(verb.i, "nsubj")
        if subjects:  # the one nearest before the verb: a misparsed "While X broadcast …" clause has one too
            before = [k for k in subjects if k.i < verb.i]
            return before[-1] if before else subjects[0]
        if verb.dep not in {"advcl", "conj", "xcomp", "pcomp", "prep"} or verb.head == verb.i:
            return None
        verb = parse.head(verb)
    return None


def _clause(parse: Parse, verb: Token) -> tuple[int, int] | None:
    """The words the verb reports: its complement clause, without a leading "that"."""
    comp = next((k for k in parse.children(verb.i, *_CLAUSE_DEPS) if k.pos in _CLAUSE_HEADS), None)
    obj = parse.child(verb.i, "dobj")
    if comp is None and obj is not None:  # "rejected the idea that …", not "announced plans to …"
        comp = next((k for k in parse.children(obj.i, "acl", "ccomp") if _that_clause(parse, k)), None)
    if comp is None and verb.dep == "parataxis":
        head = parse.head(verb)  # "Once the bid was known, he said, the board met": all of it
        return parse.span_text(head.left, head.right)
    if comp is None:
        return None
    first, last = comp.left, comp.right
    cc = parse.child(comp.i, "cc")
    if comp.dep == "xcomp" and cc is not None:
        last = cc.i - 1  # "warned … not to travel to Russia and advised …": the first of the two
    if comp.dep == "xcomp" and obj is not None and obj.i < comp.i:
        first = obj.left  # "warned its citizens not to travel": whom, and what
    if verb.i < first and comp.dep == "xcomp":
        first = min(first, verb.i)
    while first < last and parse.tokens[first].dep in {"mark", "punct"}:
        first += 1
    while last > first and parse.tokens[last].dep in {"punct", "cc"}:
        last -= 1
    return parse.span_text(first, last)


def _according_to(parse: Parse, ctx: SpeakerContext, token: Token, sentence: Sentence) -> Attribution | None:
    to = parse.child(token.i, "prep")
    obj = parse.child(to.i, "pobj") if to is not None else None
    if obj is None:
        return None
    speaker = speaker_of(ctx, obj)
    if speaker is None:
        return None
    phrase_start, phrase_end = parse.tokens[token.left].start, parse.tokens[token.right].end
    before = (sentence.start, phrase_start)
    after = (phrase_end, sentence.end)
    clause = max(
        before, after, key=lambda span: len(sentence.text[span[0] - sentence.start : span[1] - sentence.start].split())
    )
    return Attribution(token, speaker, clause, "according_to")


def _that_clause(parse: Parse, head: Token) -> bool:
    return head.pos in {"VERB", "AUX"} and any(k.lower == "that" for k in parse.children(head.i, "mark"))


def _reported_rule(verb: Token, clause: tuple[int, int] | None) -> str:
    if clause is None or clause[1] <= verb.start:
        return "clause_then_said"  # "…, the US has said."
    return "parenthetical_said" if clause[0] < verb.start else "said_that"


def _overlaps(span: tuple[int, int], others: Sequence[tuple[int, int]]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in others)


def _is_speech_verb(token: Token) -> bool:
    if lemma(token) not in SPEECH_VERBS:
        return False
    if token.tag == "VBN":
        return token.dep not in {"amod", "acl"}  # "has said", not "the alleged plot", "a letter written by"
    return token.pos in {"VERB", "AUX"}


class StatementReader:
    """Reads statements sentence by sentence, keeping what the article said so far."""

    def __init__(self, text: str, parse: Parse, timexes: Sequence[Timex], coref: Coreference, sentences):
        quotes = tuple((q.inner_start, q.inner_end) for s in sentences for q in s.quotes)
        self.text = text
        self.parse = parse
        self.timexes = timexes
        self.coref = coref
        self.ctx = SpeakerContext(parse, coref, quotes)
        self.out: list[ProposedStatement] = []
        self.seen_quotes: set[str] = set()
        self.last_paragraph = -1
        self.next_sentence: Sentence | None = None  # the sentence after the one being read, same paragraph

    # -- attributions -----------------------------------------------------------------------------------

    def attributions(self, sentence: Sentence) -> list[Attribution]:
        found = []
        for token in self.parse.tokens_between(sentence.start, sentence.end):
            if any(q.inner_start <= token.start < q.inner_end for q in sentence.quotes):
                continue
            attribution = self._attribution(token, sentence)
            if attribution is not None:
                found.append(attribution)
        return found

    def _attribution(self, token: Token, sentence: Sentence) -> Attribution | None:
        if token.lower in ATTRIBUTING_PREPOSITIONS:
            return _according_to(self.parse, self.ctx, token, sentence)
        if token.pos == "NOUN" and lemma(token) in REMARK_NOUNS:
            return self._remarks(token)
        if not _is_speech_verb(token) or self.parse.child(token.i, "neg") is not None:
            return None
        subject = _subject(self.parse, token)
        if token.dep == "relcl":
            # "Peskov, who said …" speaks; "the jobs that Northern Rail said would go" reports no words.
            if subject is None or subject.lower not in {"who", "that", "which"}:
                return None
            subject = self.parse.head(token)
        if subject is None or self.ctx.in_quote(subject.start):
            subject = self._inverted_subject(token, sentence)
        if subject is None:
            return None
        speaker = speaker_of(self.ctx, subject)
        if speaker is None:
            return None
        clause = _clause(self.parse, token)
        return Attribution(token, speaker, clause, _reported_rule(token, clause))

    def _inverted_subject(self, verb: Token, sentence: Sentence) -> Token | None:
        """ "“…,” read the alert": the noun after a verb that follows a quotation."""
        if not any(q.end <= verb.start for q in sentence.quotes):
            return None
        after = (k for k in self.parse.children(verb.i, "dobj", "nsubj", "attr", "npadvmod") if k.i > verb.i)
        return next(after, None)

    def _remarks(self, token: Token) -> Attribution | None:
        """ "Blinken's comments on Tuesday that Ukrainians would …": the owner said the clause."""
        owner = self.parse.child(token.i, "poss")
        clause = next(
            (k for k in self.parse.children(token.i, "acl", "ccomp", "relcl") if k.pos in {"VERB", "AUX"}), None
        )
        if owner is None or clause is None or not any(k.lower == "that" for k in self.parse.children(clause.i, "mark")):
            return None
        speaker = speaker_of(self.ctx, owner)
        if speaker is None:
            return None
        first = next(k.i for k in self.parse.children(clause.i, "mark")) + 1
        return Attribution(
            token, speaker, self.parse.span_text(min(first, clause.right), clause.right), "possessive_remarks"
        )

    # -- statements ---------------------------------------------------------------------------------

    def read(self, sentence: Sentence, previous_paragraph_speaker: Mention | None) -> None:
        if not _ENDS.search(sentence.text.rstrip()):
            # Headlines, captions' labels and section names have no final punctuation and quote no one.
            self.coref.note_names_in(sentence.text)
            return
        attributions = self.attributions(sentence)
        quotes = [q for q in sentence.quotes if not self._scare_quote(sentence, q)]
        if quotes:
            self._direct(sentence, quotes, attributions, previous_paragraph_speaker)
        # What an attribution reports outside the quotations: "has warned its citizens not to travel
        # to Russia and advised them to “depart …”".
        spans = [(q.start, q.end) for q in quotes]
        self._reported(sentence, [a for a in attributions if a.clause and not _overlaps(a.clause, spans)])
        self.coref.note_names_in(sentence.text)

    def _scare_quote(self, sentence: Sentence, q: Quote) -> bool:
        words = len(self.text[q.inner_start : q.inner_end].split())
        before = self.text[sentence.start : q.start].rstrip()
        introduced = before.endswith((":", ",")) or not before.strip(" ,;:—–-")
        return words < _SCARE_QUOTE_WORDS and not introduced

    def _direct(self, sentence: Sentence, quotes, attributions, previous: Mention | None) -> None:
        prev_speaker: Mention | None = None
        for k, q in enumerate(quotes):
            speaker, rule = self._quote_speaker(q, attributions)
            if speaker is None:
                speaker, rule = self._continuing(sentence, quotes, k, prev_speaker, previous)
            if speaker is not None:
                self._add_quote(sentence, q, speaker, rule)
                prev_speaker = speaker

    def _quote_speaker(self, q: Quote, attributions: Sequence[Attribution]) -> tuple[Mention | None, str]:
        if not attributions and self.next_sentence is not None:
            # "“Here, no one gives up!” Castro declared.": the attribution is the next, short sentence.
            after = self.next_sentence
            bare = [a for a in self.attributions(after) if a.clause is None]
            if bare and len(after.text.split()) <= _BARE_ATTRIBUTION_WORDS and not after.quotes:
                return bare[0].speaker, "quote_then_said"
        if not attributions:
            return None, ""
        nearest = min(attributions, key=lambda a: min(abs(a.verb.start - q.end), abs(a.verb.start - q.start)))
        rule = "quote_then_said" if nearest.verb.start >= q.end else "said_then_quote"
        return nearest.speaker, rule

    def _continuing(self, sentence: Sentence, quotes, k: int, prev_speaker, previous) -> tuple[Mention | None, str]:
        if k > 0 and prev_speaker is not None:
            return prev_speaker, "quote_continues"
        q = quotes[k]
        if self.text[sentence.start : q.start].strip(" .,;:—–-"):
            return None, ""  # words before the quote: someone else's sentence
        last = self.out[-1].speaker if self.out and self.last_paragraph >= sentence.paragraph - 1 else None
        speaker = last or previous
        return (speaker, "quote_continues") if speaker is not None else (None, "")

    def _add_quote(self, sentence: Sentence, q: Quote, speaker: Mention, rule: str) -> None:
        inner = self.text[q.inner_start : q.inner_end]
        key = re.sub(r"\W+", " ", inner.lower()).strip()
        if key in self.seen_quotes:
            return  # a pull quote: already proposed
        self.seen_quotes.add(key)
        timex = self._timex_outside(sentence, (q.inner_start, q.inner_end))
        conf = {"quote_then_said": 0.9, "said_then_quote": 0.85}.get(rule, 0.6)
        if self._add(q.inner_start, q.inner_end, "direct", speaker, timex, rule, conf):
            self.last_paragraph = sentence.paragraph

    def _reported(self, sentence: Sentence, attributions: Sequence[Attribution]) -> None:
        taken: list[tuple[int, int]] = []
        for a in attributions:
            if a.clause is None or any(s <= a.verb.start < e for s, e in taken):
                continue
            start, end = a.clause
            if len(self.text[start:end].split()) < 3:
                continue
            timex = self._timex_outside(sentence, a.clause)
            conf = {"according_to": 0.7, "clause_then_said": 0.75}.get(a.rule, 0.65)
            if self._add(start, end, "reported", a.speaker, timex, a.rule, conf):
                taken.append(a.clause)
                self.last_paragraph = sentence.paragraph

    def _timex_outside(self, sentence: Sentence, words: tuple[int, int]) -> Timex | None:
        for t in self.timexes:
            inside_sentence = sentence.start <= t.start and t.end <= sentence.end
            in_words = words[0] <= t.start < words[1]
            in_quote = any(q.inner_start <= t.start < q.inner_end for q in sentence.quotes)
            if inside_sentence and not in_words and not in_quote:
                return t
        return None

    def _add(self, start: int, end: int, mode: str, speaker: Mention, timex, rule: str, conf: float) -> bool:
        trailing = " ,;:—–-" if mode == "direct" else " ,;:—–-."
        while end > start and self.text[end - 1] in trailing:
            end -= 1
        while start < end and self.text[start] in " ,;:—–-":
            start += 1
        words = self.text[start:end]
        if len(words.split()) < 2:
            return False
        self.out.append(ProposedStatement(start, end, words, mode, speaker, timex, rule, conf))
        self.ctx.spoke(start, speaker)
        self.coref.speakers.append(speaker)
        self.coref.note(speaker.name, speaker.kind)
        return True


def read_statements(
    text: str, sentences: Sequence[Sentence], timexes: Sequence[Timex], coref: Coreference, parse: Parse
) -> list[ProposedStatement]:
    reader = StatementReader(text, parse, timexes, coref, sentences)
    last_by_paragraph: dict[int, Mention] = {}
    for k, sentence in enumerate(sentences):
        after = sentences[k + 1] if k + 1 < len(sentences) else None
        reader.next_sentence = after if after is not None and after.paragraph == sentence.paragraph else None
        before = len(reader.out)
        reader.read(sentence, last_by_paragraph.get(sentence.paragraph - 1))
        if len(reader.out) > before:
            last_by_paragraph[sentence.paragraph] = reader.out[-1].speaker
    return reader.out
