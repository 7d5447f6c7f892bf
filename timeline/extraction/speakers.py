"""Who speaks: the subject of a speech verb, read off the parse, as the name a record would hold.

One rule per shape of subject, tried in the order of SPEAKER_RULES (the first whose test holds
decides, and may decide "no one"):

- pronoun:      "he said", "she told", "it said", "they said": the nearest compatible named speaker
                before (a person for he/she, an institution for it and they);
- apposition:   "Her attorney, Lenard Leeds, said": the name in the apposition (and "the attorney"
                stands for Leeds from then on);
- entity:       "the Centers for Disease Control and Prevention said": the whole entity span, never a
                word of it; a lone surname ("Ortiz") is the full name given earlier;
- modified:     "Mr Erdogan's office said", "CDC officials said", "BBC forecasters said": the phrase
                from the name to its head noun;
- document:     "the alert said": the institution that issued it, the last one that spoke;
- role:         "the lawyer said": the person named in that role earlier, else the last person who
                spoke, else the role itself;
- organisation: "the company said": the institution named last with that head word, else the phrase;
- group:        "The activists said": a group named by a common noun; bare "officials", "sources",
                "witnesses" are anonymous and name no one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .actors import TITLE_WORDS, Coreference, guess_kind
from .lexicon import (
    ANONYMOUS_NOUNS,
    DOCUMENT_NOUNS,
    GENERIC_ORGANISATION_NOUNS,
    ORGANISATION_NOUNS,
    PERSON_ROLES,
    ROLE_SYNONYMS,
)
from .nlp import Entity, Parse, Token, lemma
from .types import Mention

_KIND_OF_LABEL = {"PERSON": "person", "ORG": "organisation", "GPE": "country", "NORP": "", "FAC": "organisation"}
_SPEAKING_LABELS = frozenset(_KIND_OF_LABEL)
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sir",
        "dame",
        "lord",
        "lady",
        "president",
        "sen",
        "rep",
        "gov",
        "gen",
        "adm",
        "lt",
        "col",
        "sgt",
        "capt",
    ]
)
_MODIFIERS = frozenset({"compound", "poss", "amod", "nmod"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass
class SpeakerContext:
    """What the article said so far, for pronouns and descriptions."""

    parse: Parse
    coref: Coreference
    quotes: tuple[tuple[int, int], ...] = ()  # quoted words: names there are not the article's
    roles: dict[str, Mention] = field(default_factory=dict)
    spoken: list[Mention] = field(default_factory=list)
    spoken_at: list[tuple[int, Mention]] = field(default_factory=list)  # (where the words start, speaker)

    def in_quote(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self.quotes)

    def mention(self, name: str, kind: str, start: int, end: int) -> Mention:
        name = _clean(name)
        if kind not in {"person", "country", ""}:
            name = self.coref.earlier_form(name) or name  # "the embassy" after "the US embassy in Moscow"
        known = self.coref.link(name)
        if known:
            return Mention(known.name, start, end, known.kind or kind, known.id)
        return Mention(name, start, end, kind)

    def last_spoken(self, before: int, test: Callable[[Mention], bool]) -> Mention | None:
        for m in reversed(self.spoken):
            if m.char_start < before and test(m):
                return m
        return None

    def nearest_person(self, before: int) -> Mention | None:
        """Who "he" or "she" is: the later of the last person who spoke and the last person who was the
        subject of a clause (outside quotes) before `before`; else the last person named at all."""
        spoke_at, speaker = -1, None
        for at, m in reversed(self.spoken_at):
            if at < before and m.kind == "person":
                spoke_at, speaker = at, m
                break
        people = [
            e for e in self.parse.entities if e.end <= before and e.label == "PERSON" and not self.in_quote(e.start)
        ]
        subjects = [e for e in people if self.is_subject(e)]
        named = subjects[-1] if subjects else None
        if named is not None and named.start > spoke_at:
            return self.mention(self.full_name(named.text, named.start), "person", named.start, named.end)
        if speaker is not None or not people:
            return speaker
        last = people[-1]
        return self.mention(self.full_name(last.text, last.start), "person", last.start, last.end)

    def is_subject(self, ent: Entity) -> bool:
        for t in self.parse.tokens[ent.first : ent.last]:
            head = self.parse.tokens[t.head]
            if t.dep in _SUBJECT_DEPS or (t.dep in {"appos", "compound"} and head.dep in _SUBJECT_DEPS):
                return True
        return False

    def spoke(self, at: int, speaker: Mention) -> None:
        self.spoken.append(speaker)
        self.spoken_at.append((at, speaker))

    def named_before(self, head: Token) -> str | None:
        """An institution named earlier with this head word: "the border guard" -> "Finland's border guard"."""
        word = head.lower
        for ent in reversed(self.parse.entities):
            if ent.end <= head.start and ent.label == "ORG" and word in ent.text.lower().split():
                return ent.text
        return None

    def nearest_organisation(self, before: int) -> Mention | None:
        """The last institution that spoke, or else the last one named outside quotes, before `before`."""
        spoke = self.last_spoken(before, lambda m: m.kind in {"organisation", "government_body"})
        if spoke is not None:
            return spoke
        for ent in reversed(self.parse.entities):
            if ent.end <= before and ent.label == "ORG" and not self.in_quote(ent.start):
                return self.mention(_entity_name_text(self.parse, ent), "organisation", ent.start, ent.end)
        return None

    def full_name(self, name: str, before: int) -> str:
        """ "Ortiz" -> "Lena Ortiz" when she was named in full earlier; "Climber Ana Ruiz" -> "Ana Ruiz"."""
        words = _clean(name).split()
        while len(words) > 2 and words[0].lower().strip(".") in PERSON_ROLES | TITLE_WORDS:
            words = words[1:]
        name = " ".join(words)
        if " " in name:
            return name
        for ent in reversed(self.parse.entities):
            if ent.start < before and ent.label == "PERSON" and ent.text.split()[-1] == name and " " in ent.text:
                return _clean(ent.text)
        return self.coref.person_by_surname(name) or name


def _clean(name: str) -> str:
    name = re.sub(r"^(?:the|The|THE)\s+", "", name.strip(" ,.;:"))
    return re.sub(r"\s*[’']s?$", "", name).strip()


def _subject_np(ctx: SpeakerContext, token: Token) -> tuple[int, int]:
    """Offsets of the subject's words up to its head and a place after it ("embassy in Moscow"): no
    relative clause, no determiner, no title."""
    first = token.i
    for k in ctx.parse.children(token.i, *_MODIFIERS, "det", "case"):
        if k.i < first and k.dep != "det" and k.lower not in _TITLES:
            first = min(first, ctx.parse.tokens[k.i].left)
    while ctx.parse.tokens[first].lower in _TITLES | {"the", "a", "an"} and first < token.i:
        first += 1
    return ctx.parse.tokens[first].start, _place_after(ctx, token, token.end)


def _place_after(ctx: SpeakerContext, last: Token, end: int) -> int:
    for prep in ctx.parse.children(last.i, "prep"):
        obj = ctx.parse.child(prep.i, "pobj")
        named = obj is not None and obj.ent >= 0 and ctx.parse.entities[obj.ent].label in {"GPE", "ORG", "LOC"}
        if prep.lower in {"in", "of"} and named:
            end = max(end, ctx.parse.tokens[obj.right].end)
    return end


def _entity_name_text(parse: Parse, ent: Entity) -> str:
    return parse.text[ent.start : ent.end]


def _entity_name(ctx: SpeakerContext, ent: Entity) -> str:
    """The entity, with an attached "in Moscow"/"of Justice" when the parse puts it on its last word."""
    end = _place_after(ctx, ctx.parse.tokens[ent.last - 1], ent.end) if ent.label == "ORG" else ent.end
    return ctx.parse.text[ent.start : end]


# -- the rules --------------------------------------------------------------------------------------


def _pronoun(ctx: SpeakerContext, t: Token) -> Mention | None:
    if t.lower in {"he", "she"}:
        return ctx.nearest_person(t.start)
    institution = ctx.last_spoken(t.start, lambda m: m.kind not in {"person", ""})
    if t.lower == "they":
        return _plural_subject_before(ctx, t) or institution or ctx.last_spoken(t.start, lambda m: m.kind == "")
    name = institution.name if institution else ctx.coref.last_speaking_organisation() or ctx.coref.last_organisation()
    return ctx.mention(name, guess_kind(name) or "organisation", t.start, t.end) if name else None


def _plural_subject_before(ctx: SpeakerContext, t: Token) -> Mention | None:
    """ "Elian's relatives have fought to keep the boy. … they have said": the last plural subject."""
    for k in range(t.i - 1, max(-1, t.i - 80), -1):
        earlier = ctx.parse.tokens[k]
        if earlier.dep == "nsubj" and earlier.tag in {"NNS", "NNPS"} and not ctx.in_quote(earlier.start):
            return _group(ctx, earlier) or _named(ctx, earlier)
    return None


def _apposition(ctx: SpeakerContext, t: Token) -> Mention | None:
    appos = next((k for k in ctx.parse.children(t.i, "appos") if k.ent >= 0 or k.pos == "PROPN"), None)
    if appos is None:
        return None
    inner = _named(ctx, appos)
    if inner is not None and lemma(t) in PERSON_ROLES:
        ctx.roles[role_key(t)] = inner
    return inner


def _named(ctx: SpeakerContext, t: Token) -> Mention | None:
    ent = ctx.parse.entity(t)
    if ent is not None and ent.label in _SPEAKING_LABELS:
        kind = _KIND_OF_LABEL[ent.label]
        name = _entity_name(ctx, ent)
        if kind == "person":
            name = ctx.full_name(name, ent.start)
        elif kind == "organisation":
            name = ctx.coref.earlier_form(_clean(name)) or name
            kind = guess_kind(_clean(name)) or kind
        return ctx.mention(name, kind, ent.start, ent.end)
    if t.pos == "PROPN":
        start, end = _subject_np(ctx, t)
        name = ctx.parse.text[start:end]
        kind = guess_kind(_clean(name)) or ("person" if " " in name.strip() else "")
        return ctx.mention(ctx.full_name(name, start), kind, start, end)
    return None


def _entity(ctx: SpeakerContext, t: Token) -> Mention | None:
    found = _named(ctx, t)
    if found is not None and found.kind == "person":
        role = next((k for k in ctx.parse.children(t.i, "compound") if lemma(k) in PERSON_ROLES), None)
        if role is not None:
            ctx.roles[role_key(role)] = found
    return found


def _modified(ctx: SpeakerContext, t: Token) -> Mention | None:
    named = [k for k in ctx.parse.children(t.i, *_MODIFIERS) if _names_someone(ctx, k)]
    if not named or t.pos not in {"NOUN", "PROPN"}:
        return None
    if lemma(t) in DOCUMENT_NOUNS:
        return _named(ctx, named[0]) if t.tag == "NN" else None  # "the Embassy alert": its issuer
    start, end = _subject_np(ctx, t)
    name = ctx.parse.text[start:end]
    singular_role = lemma(t) in PERSON_ROLES and t.tag == "NN"
    kind = "organisation" if lemma(t) in ORGANISATION_NOUNS else ("person" if singular_role else "")
    return ctx.mention(name, guess_kind(_clean(name)) or kind, start, end)


def _names_someone(ctx: SpeakerContext, t: Token) -> bool:
    """A name of a person, an institution or a place; not a nationality ("Russian media")."""
    ent = ctx.parse.entity(t)
    if ent is not None:
        return ent.label in {"PERSON", "ORG", "GPE", "FAC"}
    return t.pos == "PROPN"


def _issuer(ctx: SpeakerContext, t: Token) -> Mention | None:
    """ "the statement released by the embassy": the embassy."""
    for acl in ctx.parse.children(t.i, "acl"):
        agent = ctx.parse.child(acl.i, "agent")
        obj = ctx.parse.child(agent.i, "pobj") if agent is not None else None
        if obj is not None:
            return speaker_of(ctx, obj)
    return None


def _document(ctx: SpeakerContext, t: Token) -> Mention | None:
    if t.tag != "NN":
        return None  # "reports said": no one in particular
    issuer = _issuer(ctx, t)
    if issuer is not None:
        return issuer
    issuer = ctx.last_spoken(t.start, lambda m: m.kind not in {"person", "", "country"})
    name = issuer.name if issuer else ctx.coref.last_speaking_organisation(countries=False)
    name = name or ctx.coref.last_organisation()
    return ctx.mention(name, guess_kind(name) or "organisation", t.start, t.end) if name else None


def role_key(token: Token) -> str:
    word = lemma(token)
    return ROLE_SYNONYMS.get(word, word)


def _role(ctx: SpeakerContext, t: Token) -> Mention | None:
    known = ctx.roles.get(role_key(t))
    if known is not None:
        return known
    start, end = _subject_np(ctx, t)
    return ctx.mention(ctx.parse.text[start:end], "person", start, end)


def _organisation(ctx: SpeakerContext, t: Token) -> Mention | None:
    """ "the company said", "the computer maker said": the institution the article named last."""
    start, end = _subject_np(ctx, t)
    phrase = _clean(ctx.parse.text[start:end])
    name = ctx.coref.last_organisation(lemma(t)) or ctx.coref.earlier_form(phrase) or ctx.named_before(t)
    if name is not None:
        return ctx.mention(name, guess_kind(_clean(name)) or "organisation", t.start, t.end)
    owned = ctx.parse.child(t.i, "poss") is not None  # "the country's border guard" names its own
    generic = lemma(t) in GENERIC_ORGANISATION_NOUNS  # "the company", not "the embassy"
    earlier = ctx.nearest_organisation(t.start) if generic and not owned else None
    if earlier is not None:
        return earlier
    return ctx.mention(ctx.parse.text[start:end], "organisation", start, end)


def _spokesperson(ctx: SpeakerContext, t: Token) -> Mention | None:
    """ "A spokesman said": the voice of the institution the article is about."""
    return ctx.nearest_organisation(t.start)


def _group(ctx: SpeakerContext, t: Token) -> Mention | None:
    """ "The activists", "BBC forecasters": named by a determiner or a name; "officials", "Western
    leaders", "local authorities" name no one."""
    # "the activists", "their lawyers", "the boy's relatives": people the article has in view
    definite = any(k.lower == "the" or k.dep == "poss" for k in ctx.parse.children(t.i, "det", "poss"))
    named = any(_names_someone(ctx, k) for k in ctx.parse.children(t.i, *_MODIFIERS))
    anonymous = lemma(t) in ANONYMOUS_NOUNS or t.lower in ANONYMOUS_NOUNS
    if not named and (anonymous or not definite):
        return None
    start, end = _subject_np(ctx, t)
    return ctx.mention(ctx.parse.text[start:end], "", start, end)


def _described(ctx: SpeakerContext, t: Token) -> Mention | None:
    """ "the gunman said": someone the article described before; the description is the name."""
    if ctx.parse.child(t.i, "det") is None or lemma(t) in ANONYMOUS_NOUNS:
        return None
    start, end = _subject_np(ctx, t)
    return ctx.mention(ctx.parse.text[start:end], "", start, end)


@dataclass(frozen=True, slots=True)
class SpeakerRule:
    name: str
    applies: Callable[[Token], bool]
    resolve: Callable[[SpeakerContext, Token], Mention | None]


SPEAKER_RULES = (
    SpeakerRule("pronoun", lambda t: t.pos == "PRON" and t.lower in {"he", "she", "it", "they"}, _pronoun),
    SpeakerRule("other_pronoun", lambda t: t.pos == "PRON", lambda ctx, t: None),
    SpeakerRule("apposition", lambda t: True, _apposition),
    SpeakerRule("entity", lambda t: t.ent >= 0 or t.pos == "PROPN", _entity),
    SpeakerRule("modified", lambda t: True, _modified),
    SpeakerRule("document", lambda t: lemma(t) in DOCUMENT_NOUNS, _document),
    SpeakerRule("spokesperson", lambda t: role_key(t) == "spokesman" and t.tag == "NN", _spokesperson),
    SpeakerRule("role", lambda t: lemma(t) in PERSON_ROLES and t.tag == "NN", _role),
    SpeakerRule("organisation", lambda t: lemma(t) in ORGANISATION_NOUNS, _organisation),
    SpeakerRule("group", lambda t: t.pos == "NOUN" and t.tag == "NNS", _group),
    SpeakerRule("described", lambda t: t.pos == "NOUN" and t.tag == "NN", _described),
)
# Rules whose test holding settles the question even when they find no one.
_FINAL = frozenset({"pronoun", "other_pronoun", "document", "spokesperson", "role", "organisation", "group"})


def speaker_of(ctx: SpeakerContext, subject: Token) -> Mention | None:
    """The speaker the subject token names, or None (anonymous, or nothing to resolve it to)."""
    ent = ctx.parse.entity(subject)
    if ent is not None and ent.label not in _SPEAKING_LABELS:
        return None  # a date, a number, a sum of money
    for rule in SPEAKER_RULES:
        if not rule.applies(subject):
            continue
        found = rule.resolve(ctx, subject)
        if found is not None or rule.name in _FINAL:
            return found
    return None
