"""The article reader's value types: what it proposes, tied to exact offsets in the article text.

Plain Python: nothing here may import Django. Offsets are Python str indices into the article text
as given, and every `text`/`sentence` field equals `article[char_start:char_end]`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from timeline.temporal import Timex


@dataclass(frozen=True, slots=True)
class KnownActor:
    """An actor already in the database, which a speaker or a mention may be linked to."""

    id: int
    name: str
    aliases: tuple[str, ...] = ()
    kind: str = ""


@dataclass(frozen=True, slots=True)
class Mention:
    """A named speaker or actor in the text, linked to a known actor when one matches."""

    name: str  # the name as a record would hold it ("U.S. Embassy in Moscow"), not "the embassy said"
    char_start: int  # where the mention stands in the article
    char_end: int
    kind: str = ""  # person, organisation, government_body or country (a guess for new actors)
    actor_id: int | None = None  # the KnownActor it matched, if any


@dataclass(frozen=True, slots=True)
class ProposedStatement:
    """A quote or a claim attributed to a speaker."""

    char_start: int
    char_end: int
    text: str  # the words: the quote without its quotation marks, or the reported clause
    mode: str  # "direct" or "reported"
    speaker: Mention
    timex: Timex | None = None  # the statement's own date expression ("said Monday"), offsets into the article
    rule: str = ""  # which pattern produced it, e.g. "quote_then_said"
    confidence: float = 0.0  # 0..1


@dataclass(frozen=True, slots=True)
class Trigger:
    """The event's word in the text: a verb ("apologised") or an event noun ("raid")."""

    text: str
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class Antecedent:
    """An earlier happening a sentence names besides its own: the one its own came after or from
    ("after Putin ordered a partial mobilisation", "following last week's speech", "has triggered
    protests"). The sentence supports that event too, so its citation may be put on both."""

    text: str  # the phrase that names it
    char_start: int  # offsets into the article
    char_end: int
    trigger: Trigger  # its event word ("ordered", "speech", "protests")
    relation: str = "before"  # the sentence's happening came after it; "after": it brought it about
    core: frozenset[str] = frozenset()  # the content words of the happening: its word and its object
    keywords: frozenset[str] = frozenset()
    actors: tuple[Mention, ...] = ()  # the actors named in the phrase


@dataclass(frozen=True, slots=True)
class ProposedCitation:
    """A sentence that reports something happening, with the date expression that dates it."""

    char_start: int
    char_end: int
    sentence: str
    timex: Timex | None  # offsets into the article; None for a happening the sentence does not date
    title: str  # a proposed event title, made from the sentence
    actors: tuple[Mention, ...] = ()
    keywords: frozenset[str] = frozenset()  # content words (lemmas) used to match events
    rule: str = ""
    confidence: float = 0.0
    speakers: tuple[Mention, ...] = ()  # who speaks in the sentence (its statements' speakers), if anyone
    trigger: Trigger | None = None
    participants: tuple[Mention, ...] = ()  # the event's subject and objects, as named in the text
    factuality: str = "happened"  # or "expected": planned or forecast, with the date the text gives
    date_note: str = ""  # how an undated event is dated ("on or before the publication day"), if so
    antecedents: tuple[Antecedent, ...] = ()  # other happenings the sentence names (Antecedent)
    core: frozenset[str] = frozenset()  # the content words of its own happening (antecedents.event_words)


@dataclass(frozen=True, slots=True)
class Extraction:
    statements: tuple[ProposedStatement, ...] = ()
    citations: tuple[ProposedCitation, ...] = ()


@dataclass(frozen=True, slots=True)
class EventCandidate:
    """An event a new citation may belong to: an accepted event or one proposed earlier."""

    key: str  # opaque to the matcher, e.g. "event:12" or "proposal:7"
    title: str
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    actor_names: tuple[str, ...] = ()
    keywords: frozenset[str] = frozenset()
    sentences: tuple[str, ...] = ()  # its citations' sentences, to recognise the same wire copy
    speaker_names: tuple[str, ...] = ()  # who speaks in its citations' sentences (ProposedCitation.speakers)
    core: frozenset[str] = frozenset()  # the content words of its happening, from its citations' core


@dataclass(frozen=True, slots=True)
class EventMatch:
    key: str
    score: float  # 0..1
    reasons: tuple[str, ...] = field(default=())  # e.g. ("dates agree", "same wire copy", "2 shared actors")
