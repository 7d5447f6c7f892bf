"""The simple baseline the task's figures are set beside: in each sentence naming the entity, the first
verb in the past tense (Penn tag VBD), dated by the article's publication date, one line per mention,
one position per publication date. No Django; the parse is the reader's (timeline.extraction.nlp).
"""

from __future__ import annotations

from collections.abc import Sequence

from intake.timelines.corpus import Document
from intake.timelines.entities import EntityName
from intake.timelines.timelines import Line, Timeline
from timeline.extraction.nlp import parse_many


def first_past_verbs(documents: Sequence[Document]) -> dict[tuple[str, int], str]:
    """(doc id, sentence) -> the mention of the sentence's first past-tense verb, for every sentence with one."""
    found: dict[tuple[str, int], str] = {}
    for document, parsed in zip(documents, parse_many([d.text for d in documents]), strict=True):
        for token in parsed.tokens:
            if token.tag != "VBD":
                continue
            cat = document.token_at(token.start)
            if cat is not None:
                found.setdefault((document.doc_id, cat.sentence), document.mention(cat))
    return found


def baseline_timelines(*, entities: Sequence[str], documents: Sequence[Document]) -> list[Timeline]:
    verbs = first_past_verbs(documents)
    days = sorted({d.created for d in documents})
    position = {day: n for n, day in enumerate(days, start=1)}
    timelines = []
    for entity in entities:
        name = EntityName.of(entity)
        lines = []
        for document in documents:
            sentences = sorted({t.sentence for t in document.tokens})
            for sentence in sentences:
                mention = verbs.get((document.doc_id, sentence))
                text = " ".join(t.text for t in document.sentence_tokens(sentence))
                if mention and name.found_in(text):
                    day = document.created
                    lines.append(Line(order=position[day], date=day.isoformat(), mentions=(mention,)))
        timelines.append(Timeline(entity=entity, lines=lines))
    return timelines
