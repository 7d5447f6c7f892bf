"""Statements: direct quotes with their speaker, and reported speech.

Constructions, in the order they are tried on each sentence (rule names as recorded on proposals):

- quote_then_said:   “…,” the U.S. embassy said Monday.      / “…,” said Peskov.  / “…,” read the alert.
- said_then_quote:   Peskov said: “…”   / The alert also says “…”   / X told reporters that “…”
- quote_continues:   a quote with no attribution of its own that continues the previous speaker's
                     (a second quote in the same sentence or paragraph, or a paragraph that is all quote
                     right after a paragraph with a statement: the wire style for long quotes);
- according_to:      …, according to the Kremlin.   / According to X, …
- said_that:         X said (that) …   / X warned its citizens not to …   / X told Y that …
- clause_then_said:  …, the US has said.

A quote repeated word for word later in the article (a pull quote) is proposed once. Short quoted
fragments inside a sentence ("scare quotes": “sham”, “partial mobilisation”) are not statements; the
reported clause that contains them is. The statement's own date is the date expression in its
attribution ("said Monday", "told reporters on Wednesday"), never one inside the quoted words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from timeline.temporal import Timex

from .actors import TITLE_WORDS, Coreference, resolve_speaker
from .text import Quote, Sentence, word_set
from .types import Mention, ProposedStatement

REPORTING_VERBS = (
    "continued by (?:warning|saying|noting|adding)|said|says|say|told|tells|added|adds|warned|warns|noted|"
    "stated|claimed|announced|announces|insisted|insists|argued|argues|stressed|stresses|urged|urges|advised|"
    "advises|explained|explains|wrote|writes|tweeted|tweets|acknowledged|acknowledges|admitted|admits|"
    "asserted|asserts|confirmed|confirms|denied|denies|rejected|dismissed|cautioned|cautions|recommended|"
    "recommends|suggested|suggests|reported|declared|declares|maintained|maintains|alleged|alleges|"
    "predicted|predicts|conceded|concedes|revealed|reveals|replied|replies|responded|emphasised|emphasized|"
    "emphasises|emphasizes|complained|complains|vowed|promised|contended|observed|remarked|commented|"
    "pledged|signalled|signaled|hinted|indicated|accused|blamed|called on|calls on"
)
# Verbs that only attribute a quote beside them ("read the alert", "one person shouted").
QUOTE_ONLY_VERBS = "read|reads|continued|continues|shouted|shouts|wrote|asked|asks|added|adds|said|says"
_AUX = (
    r"(?:(?:has|have|had|also|further|then|later|previously|earlier|again|would|will|is|was|reportedly|"
    r"repeatedly|separately|publicly|recently|once|already|just|himself|herself|itself|itself|quickly|"
    r"similarly|likewise|too)\s+)*"
)
_VERB_RE = re.compile(rf"\b{_AUX}(?P<verb>{REPORTING_VERBS})\b")
# Who a verb was said to, skipped before the reported clause: "told reporters (that)".
_AUDIENCE = re.compile(
    r"\s*(?:(?:reporters|journalists|the press|the media|lawmakers|parliament|the audience|supporters|"
    r"a (?:news )?(?:conference|briefing)|(?:[A-Z][\w’'.-]*\s*){1,5}|(?:its|his|her|their|the) [a-z]+(?: [a-z]+)?)"
    r"(?=\s+(?:that\b|on\b|in\b|at\b|during\b|[,:]))\s*)?"
)
_FUNCTION = word_set(
    """that which who whom whose and but or if when while after before because since as than to for on at by
    with from into about over under against between during without within through not no is are was were be
    been being has have had do does did will would can could may might must shall should there here this
    these those it they we you i he she him her them us his its our their what where why how also however
    meanwhile so then"""
)
_DETERMINERS = frozenset({"the", "a", "an"})
_REMARKS = re.compile(
    r"(?P<apostrophe>[’']s?)\s+(?:comments?|remarks?|statement|claims?|warning|assertion|announcement|suggestion|"
    r"insistence|argument)\b(?:\s+(?:on|in|at|late|early|earlier|last|this)?\s*[\w,.]+){0,3}?\s+that\b\s*"
)
# Verbs that are speech only with a clause after them: "alleged that …", not "alleged terrorist".
_NEEDS_THAT = word_set(
    """alleged alleges claimed predicted predicts suggested suggests revealed reveals indicated confirmed
    confirms denied denies acknowledged acknowledges admitted admits reported observed hinted accused blamed
    rejected dismissed"""
)
_ENDS = re.compile(r"[.!?][”’\"')\]]*$|[”’\"]$")
# "urged US citizens to “avoid …”": a verb of advice, its addressee, then the quoted advice.
_ADVICE_BEFORE_QUOTE = re.compile(
    r"\b(?P<verb>urged|urges|advised|advises|told|tells|asked|asks|called on|calls on|warned|warns|encouraged)"
    r"\s+(?:[\w’'.-]+\s+){1,4}?(?:not\s+)?to\s*$"
)
_TRAILING_DATE = re.compile(
    r"\s+(?:on|late|early|last|this)\s+(?:[A-Z][a-z]+day|[A-Z][a-z]+ \d{1,2})"
    r"(?:\s+(?:night|morning|afternoon|evening))?\s*$"
)


def _subject_before(text: str, end: int, floor: int) -> tuple[int, str] | None:
    """The noun phrase that ends at `end` (the subject of a verb there): (start offset, phrase)."""
    left = text[floor:end]
    # "Russia, meanwhile, noted": an adverb set off by commas sits between subject and verb.
    left = re.sub(r",\s*[A-Za-z]+\s*,\s*$", " ", left)
    # "A security alert …, dated Tuesday, noted": a participle phrase set off by commas.
    left = re.sub(r",\s+[a-z]+ed\b[^,]{0,40},\s*$", " ", left)
    # "The embassy on Wednesday issued", "Bulgaria and Poland on Tuesday also recommended".
    left = re.sub(_TRAILING_DATE, " ", left)
    # "Vadym Skibitskyi, a representative of ...,  told": skip the apposition back to the name.
    appos = re.search(r"^(?P<np>.*?[A-Za-z])\s*,\s+(?:a|an|the|who|whose|which)\b[^,]{1,90},\s*$", left)
    if appos:
        left = appos.group("np") + " "
    tokens = list(re.finditer(r"\S+", left))
    taken: list[re.Match] = []
    for tok in reversed(tokens):
        word = tok.group()
        if word.endswith((",", ";", ":", "—", "–", "(", ")")) or word in {"—", "–", "-"}:
            break
        lower = word.lower().strip(".")
        if lower in _DETERMINERS:
            taken.insert(0, tok)
            break
        if lower in {"of", "in", "for"}:
            if taken and taken[0].group()[:1].isupper():
                taken.insert(0, tok)
                continue
            break
        if (lower in _FUNCTION and not word.isupper()) or (lower.endswith("ly") and not word[:1].isupper()):
            if lower in {"it", "he", "she", "they"} and not taken:
                taken.insert(0, tok)
            break
        if not re.match(r"^[\w’'.-]+$", word):
            break
        taken.insert(0, tok)
        if len(taken) >= 9:
            return None
    if not taken:
        return None
    words = [t.group() for t in taken]
    if words[0].lower() not in _DETERMINERS and words[0].lower() not in {"it", "he", "she"}:
        # Without a determiner a subject is a name with its titles: a lowercase word that is no title
        # ("FBI put …") ends the phrase.
        keep = 0
        for k in range(len(words) - 1, -1, -1):
            w = words[k]
            if w[:1].islower() and w.lower() not in TITLE_WORDS and w.lower() not in {"of", "in", "for"}:
                keep = k + 1
                break
        if keep >= len(words):
            return None
        taken, words = taken[keep:], words[keep:]
    first = words[0].lower()
    if not (first in _DETERMINERS or words[0][:1].isupper() or first in {"it", "he", "she"} or first in TITLE_WORDS):
        return None  # a bare run of lowercase words is no subject: "fighting-age men try"
    return floor + taken[0].start(), " ".join(words)


def _np_after(text: str) -> str | None:
    """The speaker after an inverted verb: "said Peskov", "read the alert", "said the U.S. embassy in Russia"."""
    m = re.match(
        r"\s*((?:[Tt]he\s+)?(?:[\w’'.-]+\s*){1,8}?)(?=[,.;!?]|\s+(?:on|in|at|as|per|after|before|during|"
        r"late|early|earlier|later|last|this|today|yesterday|tonight|Monday|Tuesday|Wednesday|Thursday|"
        r"Friday|Saturday|Sunday|while|when|adding|saying|noting|told|to)\b|$)",
        text,
    )
    return m.group(1).strip() if m else None


def _clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " ,;:—–-":
        end -= 1
    while start < end and text[start] in " ,;:—–-":
        start += 1
    return start, end


def _timex_between(timexes: Sequence[Timex], start: int, end: int, exclude: Sequence[Quote] = ()) -> Timex | None:
    for t in timexes:
        if t.start >= start and t.end <= end and not any(q.start <= t.start < q.end for q in exclude):
            return t
    return None


class StatementReader:
    """Reads statements sentence by sentence, keeping the coreference state of the article."""

    def __init__(self, text: str, timexes: Sequence[Timex], coref: Coreference):
        self.text = text
        self.timexes = timexes
        self.coref = coref
        self.out: list[ProposedStatement] = []
        self.seen_quotes: set[str] = set()
        self.last_speaker: Mention | None = None
        self.last_paragraph = -1

    def read(self, sentence: Sentence, previous_paragraph_speaker: Mention | None) -> None:
        # Headlines, captions' labels and section names have no final punctuation and quote no one.
        if _ENDS.search(sentence.text.rstrip()):
            found = self._direct(sentence, previous_paragraph_speaker)
            if not found:
                self._reported(sentence)
        self.coref.note_names_in(sentence.text)

    # -- speakers ------------------------------------------------------------------------------------

    def _speaker(self, phrase: str, start: int) -> Mention | None:
        mention = resolve_speaker(phrase, self.coref)
        if mention is None:
            return None
        offset = self.text.find(phrase, start)
        if offset >= 0:
            mention = Mention(mention.name, offset, offset + len(phrase), mention.kind, mention.actor_id)
        return mention

    def _add(self, start: int, end: int, mode: str, speaker: Mention, timex: Timex | None, rule: str, conf: float):
        start, end = _clean_span(self.text, start, end)
        words = self.text[start:end]
        if len(words.split()) < 2:
            return False
        self.out.append(ProposedStatement(start, end, words, mode, speaker, timex, rule, conf))
        self.last_speaker = speaker
        self.coref.speakers.append(speaker)
        self.coref.note(speaker.name, speaker.kind)
        return True

    # -- direct quotes -------------------------------------------------------------------------------

    def _direct(self, sentence: Sentence, previous_paragraph_speaker: Mention | None) -> bool:
        text = self.text
        quotes = list(sentence.quotes)
        found = False
        prev_end = sentence.start
        prev_speaker: Mention | None = None
        for k, q in enumerate(quotes):
            inner = text[q.inner_start : q.inner_end]
            n_words = len(inner.split())
            next_start = quotes[k + 1].start if k + 1 < len(quotes) else sentence.end
            after = text[q.end : next_start]
            before = text[prev_end : q.start]
            key = re.sub(r"\W+", " ", inner.lower()).strip()
            speaker, rule, timex = None, "", None
            # quote_then_said: “…,” NP said  /  “…,” said NP
            if after.strip(" ,;:—–-") and n_words >= 2:
                m = re.match(
                    rf"^[\s,;:—–-]*(?P<np>(?:[\w’'.-]+\s+){{0,8}}?){_AUX}(?P<verb>{REPORTING_VERBS}|{QUOTE_ONLY_VERBS})\b",
                    after,
                )
                if m and m.group("np").strip():
                    speaker = self._speaker(m.group("np").strip(), q.end)
                    rule = "quote_then_said"
                else:
                    m = re.match(rf"^[\s,;:—–-]*(?P<verb>{REPORTING_VERBS}|{QUOTE_ONLY_VERBS})\b", after)
                    if m:
                        np = _np_after(after[m.end() :])
                        if np:
                            speaker = self._speaker(np, q.end + m.end())
                            rule = "quote_then_said"
                if speaker:
                    timex = _timex_between(self.timexes, q.end, next_start)
            # said_then_quote: NP said (that|:|,) “…”
            if speaker is None and n_words >= 2:
                m = re.search(
                    rf"{_AUX}(?P<verb>{REPORTING_VERBS}|saying|adding|noting|writing|telling)\b(?P<aud>\s+(?:reporters|"
                    rf"journalists|the press|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){{0,4}}))?\s*(?:that\s*|:\s*|,\s*)?$",
                    before,
                )
                if m is None:
                    m = _ADVICE_BEFORE_QUOTE.search(before)
                if m:
                    verb_at = prev_end + m.start()
                    subject = _subject_before(text, verb_at, sentence.start)
                    if subject:
                        speaker = self._speaker(subject[1], subject[0])
                    elif m.group("verb").endswith("ing") and prev_speaker is not None:
                        speaker = prev_speaker  # “…,” noting that “…”: the same speaker goes on
                    if speaker:
                        rule = "said_then_quote"
                        timex = _timex_between(self.timexes, sentence.start, q.start, quotes)
            # quote_continues: the previous speaker goes on
            if speaker is None:
                between = text[prev_end : q.start].strip(" ,;:—–-")
                standalone = not before.strip(" ,;:—–-") or between.lower() in {"and", "but", "or", "then"}
                if standalone and k > 0 and prev_speaker is not None:
                    speaker, rule = prev_speaker, "quote_continues"
                elif standalone and k == 0 and self._is_all_quote(sentence, q):
                    candidate = self.last_speaker if self.last_paragraph >= sentence.paragraph - 1 else None
                    candidate = candidate or previous_paragraph_speaker
                    if candidate is not None:
                        speaker, rule = candidate, "quote_continues"
            span, mode = (q.inner_start, q.inner_end), "direct"
            if rule == "quote_then_said" and len(before.strip(" ,;:—–-").split()) >= 2:
                # A fragment quoted inside the speaker's paraphrase: 'Sales were a "moderate
                # disappointment," he said.' The statement is the whole clause, not the fragment.
                span, mode = (prev_end, q.inner_end), "reported"
            if speaker is not None and key not in self.seen_quotes:
                conf = {"quote_then_said": 0.9, "said_then_quote": 0.85}.get(rule, 0.6)
                if self._add(*span, mode, speaker, timex, rule, conf):
                    found = True
                    self.last_paragraph = sentence.paragraph
                self.seen_quotes.add(key)
            elif speaker is not None:
                found = True  # a pull quote: already proposed
            prev_end = q.end
            prev_speaker = speaker or prev_speaker
        return found

    def _is_all_quote(self, sentence: Sentence, q: Quote) -> bool:
        outside = self.text[sentence.start : q.start] + self.text[q.end : sentence.end]
        return len(outside.strip(" .,;:—–-")) == 0

    # -- reported speech -----------------------------------------------------------------------------

    def _reported(self, sentence: Sentence) -> bool:
        text = self.text
        s, e = sentence.start, sentence.end
        body_end = e
        while body_end > s and text[body_end - 1] in '.!?”’"':
            body_end -= 1
        in_quote = [(q.start, q.end) for q in sentence.quotes]

        # according_to
        m = re.search(
            r"\b[Aa]ccording to\s+(?P<np>[^,.;:]+?)(?:,\s*(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+))?"
            r"\s*(?=[,.;:]|$)",
            text[s:body_end],
        )
        if m and len(m.group("np").split()) <= 8:
            phrase = m.group("name") or m.group("np")
            speaker = self._speaker(phrase, s + m.start())
            if speaker:
                if m.start() <= 1:  # "According to X, …"
                    cs, ce = s + m.end(), body_end
                else:
                    cs, ce = s, s + m.start()
                    comma = text.rfind(",", s, ce)
                    if comma > s and ce - comma <= 3:
                        ce = comma
                timex = None
                return self._add(cs, ce, "reported", speaker, timex, "according_to", 0.7)

        # possessive_remarks: "X’s comments on Tuesday that …"
        m = _REMARKS.search(text, s, body_end)
        if m and not any(a <= m.start() < b for a, b in in_quote):
            subject = _subject_before(text, m.start("apostrophe"), s)
            speaker = self._speaker(subject[1], subject[0]) if subject else None
            if speaker is not None:
                timex = _timex_between(self.timexes, m.start(), m.end())
                return self._add(m.end(), body_end, "reported", speaker, timex, "possessive_remarks", 0.6)

        for m in _VERB_RE.finditer(text, s, body_end):
            if any(a <= m.start() < b for a, b in in_quote):
                continue
            verb_at = m.start()
            before = text[s:verb_at]
            if re.search(r"\b(?:to|who|which|that|not)\s+$", before) or re.search(r"\b(?:been|being|be)\s+$", before):
                continue
            subject = _subject_before(text, verb_at, s)
            if subject is None:
                continue
            if re.search(r"\b(?:that|which|who|whom)\s+$", text[s : subject[0]]):
                continue  # "the 8,000 employees that Unisys said would be laid off": a relative clause
            speaker = self._speaker(subject[1], subject[0])
            if speaker is None:
                continue
            after_verb = text[m.end() : body_end]
            parenthesis = re.match(r"\s*,", after_verb) and not re.match(
                r"\s*,\s*(?:adding|noting|saying)\b", after_verb
            )
            if parenthesis and re.search(r",\s*$", text[s : subject[0]]):
                # "Once he saw the bid, he said, he sought approval …": the attribution is a parenthesis.
                return self._add(s, body_end, "reported", speaker, None, "parenthetical_said", 0.6)
            rest_start = m.end()
            aud = _AUDIENCE.match(text, rest_start, body_end)
            if aud is not None and not aud.group().strip():
                aud = None
            if m.group("verb") in {"told", "tells"} and aud:
                rest_start = aud.end()
            adding = re.match(r"\s*,\s*(?:adding|noting|saying)\b(?:\s+that\b)?\s*", text[rest_start:body_end])
            if adding and re.search(r",\s*$", text[s : subject[0]]):
                # "…, the alert said, adding that …": two statements by one speaker.
                self._add(s, subject[0], "reported", speaker, None, "clause_then_said", 0.75)
                return self._add(rest_start + adding.end(), body_end, "reported", speaker, None, "said_that", 0.65)
            # "X’s comments on Tuesday that …": the date between verb and clause is the statement's.
            dated = re.match(r"\s*(?:on|in|at|late|early)?\s*", text[rest_start:body_end])
            t = _timex_between(self.timexes, rest_start, body_end)
            if (
                dated
                and t
                and t.start == rest_start + dated.end()
                and re.match(r"\s*(?:,\s*)?that\b", text[t.end : body_end])
            ):
                rest_start = t.end
            that = re.match(r"\s*(?:,\s*)?that\b\s*", text[rest_start:body_end])
            if that:
                rest_start += that.end()
            elif m.group("verb") in _NEEDS_THAT:
                # "alleged terrorist", "confirmed cases": not speech without a clause; "rejected the idea
                # that …" has one after a short object.
                later = re.match(r"(?:\s+[\w’'-]+){1,3}?\s+that\b\s*", text[rest_start:body_end])
                if not later:
                    continue
                rest_start += later.end()
            elif m.group("verb") in {"told", "tells"} and not aud:
                # "told hundreds of students …": whom, not what, unless a "that" follows.
                later = re.search(r"\bthat\b\s*", text[rest_start : min(body_end, rest_start + 100)])
                if not later:
                    continue
                rest_start += later.end()
            rest = text[rest_start:body_end]
            timex = _timex_between(self.timexes, s, subject[0]) or _timex_between(self.timexes, m.start(), rest_start)
            if len(rest.split()) <= 3 and re.search(r",\s*$", text[s : subject[0]]):
                # clause_then_said: "…, the US has said."
                return self._add(s, subject[0], "reported", speaker, timex, "clause_then_said", 0.75)
            if len(rest.split()) < 3:
                continue
            if not that and re.match(
                r"\s*(?:in|at|on|during|to|after|before|from|with|by|outside|while)\s+(?:a|an|the|his|her|its|their|[A-Z])\b",
                rest,
            ):
                # "said at a news conference …": the words are elsewhere, unless a "that" follows.
                later = re.search(r"\bthat\b\s*", rest[:120])
                if not later:
                    continue
                rest_start += later.end()
            lead = re.match(r"\s*(?:on|in|at|during|late|early)?\s*", rest)
            t = _timex_between(self.timexes, rest_start, body_end)
            if t and t.start == rest_start + (lead.end() if lead else 0):
                timex = timex or t  # "said Tuesday that …"
            return self._add(rest_start, body_end, "reported", speaker, timex, "said_that", 0.65)
        return False


def read_statements(
    text: str, sentences: Sequence[Sentence], timexes: Sequence[Timex], coref: Coreference
) -> list[ProposedStatement]:
    reader = StatementReader(text, timexes, coref)
    last_by_paragraph: dict[int, Mention] = {}
    for sentence in sentences:
        previous = last_by_paragraph.get(sentence.paragraph - 1)
        before = len(reader.out)
        reader.read(sentence, previous)
        if len(reader.out) > before:
            last_by_paragraph[sentence.paragraph] = reader.out[-1].speaker
    return reader.out
