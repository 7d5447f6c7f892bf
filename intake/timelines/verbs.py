"""The past-tense verbs that govern an entity's mention: the events the reader's one-per-sentence
citations leave out ("Jobs founded NeXT, bought Pixar and returned to Apple").

In each sentence naming the entity, every past-tense verb (Penn tag VBD) on the dependency path from
the entity's word up to the sentence's root is an event the entity takes part in, directly or as
the content of a report ("Apple said the iPod sold ..."). For a person, "he"/"she" as a subject or a
possessive counts as a mention too in an article that has named them already: news articles name a
person once and then say "he". A verb that a date expression depends on ("founded NeXT in 1985")
takes that date, read by the project's date engine against the publication date; the others are
left for the caller to date. Plain Python; the parse is the reader's (timeline.extraction.nlp).
"""

from __future__ import annotations

from collections.abc import Sequence

from intake.timelines.build import known_date
from intake.timelines.corpus import Document
from intake.timelines.entities import EntityName
from timeline import temporal
from timeline.extraction.lexicon import SPEECH_VERBS
from timeline.extraction.nlp import Parse, lemma, parse_many

PAST = frozenset({"VBD"})
VERB_TAGS = frozenset({"VBD", "VBN", "VBZ", "VBP", "VBG", "VB"})  # the verbs a date expression may date
PRONOUNS = frozenset({"he", "she", "his", "her"})
PRONOUN_ROLES = frozenset({"nsubj", "nsubjpass", "poss"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
MAX_DEPTH = 40  # a dependency path is never longer than this; guards a malformed parse


def parse_documents(documents: Sequence[Document]) -> list[Parse]:
    return parse_many([d.text for d in documents])


def verb_dates(document: Document, parsed: Parse) -> dict[int, str]:
    """Token index of a verb -> the known part of the date expression that depends on it (the first one)."""
    dates: dict[int, str] = {}
    starts = {token.start: token.i for token in parsed.tokens}
    reference = temporal.build_reference(document.created)
    for timex in temporal.annotate(document.text, reference):
        date = known_date(timex.start_date, timex.end_date, str(timex.precision or ""))
        index = starts.get(timex.start)
        if not date or index is None:
            continue
        for _ in range(MAX_DEPTH):
            token = parsed.tokens[index]
            if token.tag in VERB_TAGS:
                dates.setdefault(index, date)
                break
            if token.head == index:
                break
            index = token.head
    return dates


def _path_verbs(parsed: Parse, start: int) -> list[int]:
    found, index, below = [], start, start
    for _ in range(MAX_DEPTH):
        token = parsed.tokens[index]
        if index != start and token.tag in PAST:
            # "Apple said the iPhone 4 ...": the saying is Apple's event, not the phone's; a speech verb
            # is the entity's only when the entity (or its "he") is its subject.
            speaker = parsed.tokens[below].dep in SUBJECTS and parsed.tokens[below].head == index
            if lemma(token) not in SPEECH_VERBS or speaker:
                found.append(index)
        if token.head == index:
            break
        below, index = index, token.head
    return found


def is_person(entity: str, documents: Sequence[Document], parses: Sequence[Parse]) -> bool | None:
    """Whether the parser's named-entity labels on the entity's namings say PERSON more often than not;
    None when it labels none of them. "General Motors" is two capitalised words too, and no "he"."""
    name = EntityName.of(entity, person=False)
    people = others = 0
    for document, parsed in zip(documents, parses, strict=True):
        for start, end in name.heads(document.text):
            for found in parsed.entities:
                if found.start < end and start < found.end:
                    people += found.label == "PERSON"
                    others += found.label != "PERSON"
    return None if people + others == 0 else people > others


def governing_verbs(*, entity: str, documents: Sequence[Document], parses: Sequence[Parse]) -> list[tuple[str, str]]:
    """The past-tense verbs governing `entity`, in text order: (DOCID-SENTENCE-WORD, its date or "")."""
    name = EntityName.of(entity, person=is_person(entity, documents, parses))
    found: dict[str, str] = {}
    for document, parsed in zip(documents, parses, strict=True):
        dates = verb_dates(document, parsed)
        by_sentence: dict[int, list[int]] = {}
        for token in parsed.tokens:
            cat = document.token_at(token.start)
            if cat is not None:
                by_sentence.setdefault(cat.sentence, []).append(token.i)
        named_before = name.found_in(document.headline)
        for sentence in sorted(by_sentence):
            indices = by_sentence[sentence]
            offset = parsed.tokens[indices[0]].start
            spans = name.heads(parsed.text[offset : parsed.tokens[indices[-1]].end])
            named = bool(spans)
            # Every token of the naming's last word: spaCy reads "3G" as "3" and "G".
            heads = [i for i in indices if any(a <= parsed.tokens[i].start - offset < b for a, b in spans)]
            if name.person and named_before:
                heads += [
                    i for i in indices if parsed.tokens[i].lower in PRONOUNS and parsed.tokens[i].dep in PRONOUN_ROLES
                ]
            named_before = named_before or named
            for head in heads:
                for verb in _path_verbs(parsed, head):
                    cat = document.token_at(parsed.tokens[verb].start)
                    if cat is not None:
                        found.setdefault(document.mention(cat), dates.get(verb, ""))
    return list(found.items())
