"""Events read off the parse: the trigger word, whether the text says it happened, who took part, and a
who-did-what title.

- trigger: the verb (or event noun) the sentence's date expression belongs to, found by walking up
  the parse from the date; a speech verb whose date it is ("warned on Tuesday") is the event of
  speaking; with no date, the sentence's main verb, or the reported clause's verb when the main verb
  is a speech verb ("Bombs exploded …, witnesses said": the exploding);
- factuality (FACTUALITY_RULES, one record per construction): negated, conditional, modal and
  hypothetical clauses, infinitives and generic present tense are no happening; "will"/"is to"/
  "plans to" with a date in the future is an expected event; the rest happened;
- participants: the subject and the object, as the entities (or noun phrases) they are;
- title: subject, verb in the present tense, object and the first phrases after it, with no article
  words and no date: "Netanyahu apologises to Turkey for raid".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from timeline.temporal import Timex

from .lexicon import (
    CONDITIONAL_MARKS,
    EXPECTATION_VERBS,
    FIGURE_VERBS,
    HEDGES,
    MODALS,
    PEOPLE_NOUNS,
    RESULT_NOUNS,
    SPEECH_VERBS,
    STATE_VERBS,
)
from .nlp import Parse, Token, lemma
from .types import Mention

HAPPENED = "happened"
EXPECTED = "expected"
_VERBAL = frozenset({"VERB", "AUX"})
_SUBJECTS = ("nsubj", "nsubjpass")
_OBJECTS = ("dobj", "attr", "oprd")
_DROP_IN_TITLE = frozenset({"det", "punct", "relcl", "acl", "appos", "advcl", "cc", "conj", "mark", "aux"})
_TITLE_TOKENS = 6
_COORDINATION = frozenset({"cc", "conj"})


@dataclass(frozen=True, slots=True)
class EventReading:
    trigger: Token
    factuality: str  # HAPPENED or EXPECTED
    title: str
    participants: tuple[Mention, ...]


def interrupted(parse: Parse, verb: Token | None) -> Token | None:
    """ "Slepian was heating soup in his kitchen when he was gunned down": what happened is the
    when-clause that broke into the progressive, not the progressive."""
    if verb is None or verb.tag != "VBG":
        return verb
    if not any(a.lower in {"was", "were", "been"} for a in parse.children(verb.i, "aux")):
        return verb
    for clause in parse.children(verb.i, "advcl"):
        if clause.i > verb.i and any(w.lower == "when" for w in parse.children(clause.i, "advmod", "mark")):
            return clause
    return verb


_AT_ONCE = frozenset({"shortly", "just", "moments", "minutes", "soon", "immediately"})


def _same_moment(parse: Parse, clause: Token) -> bool:
    """A clause placing the main happening at its own moment: "shortly after he returned", "when he
    returned", "as he stood": its date is the main clause's too."""
    if clause.dep != "advcl" or parse.head(clause).pos != "VERB":
        return False
    opener = [w.lower for w in parse.children(clause.i, "mark", "advmod")]
    if "when" in opener or "as" in opener:
        return True
    return bool({"after", "before"} & set(opener)) and bool(_AT_ONCE & set(opener))


_QUOTE_MARKS = frozenset({"“", '"', "``", "‘", "'"})


def _quoted_clause(parse: Parse, clause: Token) -> bool:
    """A clause that opens just after a quotation mark: someone's words, not the reporter's."""
    first = clause.left
    while first < clause.i and parse.tokens[first].pos == "PUNCT" and parse.tokens[first].text not in _QUOTE_MARKS:
        first += 1
    return parse.tokens[first].text in _QUOTE_MARKS or (first > 0 and parse.tokens[first - 1].text in _QUOTE_MARKS)


def trigger_for(parse: Parse, start: int, end: int, timex: Timex | None) -> Token | None:
    """The event word of text[start:end]: the verb its date belongs to, else its main verb."""
    if timex is not None:
        token = parse.token_at(timex.start)
        if token is not None:
            return interrupted(parse, _verb_above(parse, token, timex))
    roots = [t for t in parse.tokens_between(start, end) if t.head == t.i and t.pos in _VERBAL]
    if not roots:
        return None
    root = interrupted(parse, roots[0])
    if lemma(root) in SPEECH_VERBS:
        # What was said: the clause after the verb when there are two ("Nashua, rumored a target, said
        # that a Dutch company has sought approval": the parse makes "rumored" a clause of "said" too).
        comps = parse.children(root.i, "ccomp")
        comp = next((c for c in comps if c.i > root.i), comps[0] if comps else None)
        if comp is not None and is_figure(parse, comp):
            return root  # "Reed said net income slipped 5%": the reporting is the news, the figure its content
        if comp is not None and _quoted_clause(parse, comp):
            return root  # "“The offensive is progressing,” said Schwarzkopf": the saying is what happened
        return comp if comp is not None and comp.pos in _VERBAL else root  # "announced terms": the announcing
    return root


def within_a_week(timex: Timex) -> bool:
    """A date as fine as a week or finer: near enough to date what follows it ("following last week's
    speech"), unlike a quarter or a year."""
    return timex.precision is not None and timex.precision.value in {"week", "weekend", "day", "time"}


# Verbs that report a period's result: "reported a third-quarter loss" happened when reported.
_REPORTING_RESULTS = frozenset({"report", "post", "announce", "record", "book", "show", "say", "disclose", "release"})
# Prepositions whose object dates something else than the verb: a cause ("due to its third-quarter
# loss", "amid a December slump") or the end of a term ("loans through January", "frozen until 2012").
_CAUSE_HEADS = frozenset({"due", "owing", "thanks", "because"})
_TERM_ENDS = frozenset({"through", "thru", "until", "till", "amid", "amidst", "despite"})


def _cause_or_term(parse: Parse, prep: Token) -> bool:
    if prep.lower in _TERM_ENDS or prep.lower in _CAUSE_HEADS:
        return True  # "through January"; "due to", "because of" parsed with "due", "because" as the preposition
    return prep.lower in {"to", "of"} and parse.head(prep).lower in _CAUSE_HEADS


def _season_of(parse: Parse, up: Token, token: Token, timex: Timex) -> Token | None:
    """ "the low levels of the early summer": a stretch of time a noun belongs to ("of the …") dates
    that noun, not the verb above it."""
    coarse = timex.precision is not None and timex.precision.value not in {"day", "time"}
    if not (coarse and up.lower == "of" and up.dep == "prep" and token.dep == "pobj"):
        return None
    if not timex.text.lower().startswith("the "):
        return None
    owner = parse.head(up)
    return owner if owner.pos == "NOUN" and not (timex.start <= owner.start < timex.end) else None


def _dated_verb_of(parse: Parse, up: Token, *, since: bool, term: bool, result: bool) -> Token | None:
    """The verb the walk up from a date reached, or the one it stands for, or None (the date is not its)."""
    perfect = any(a in {"has", "have", "had", "'ve"} for a in _aux(parse, up))
    if result and lemma(up) not in _REPORTING_RESULTS and not is_figure(parse, up):
        return None  # "the decline is attributed to a third-quarter earnings report": not then
    if term and up.tag in {"VBD", "VBN"}:
        return None  # "cut the dividend due to its third-quarter loss", "extended loans through January"
    if up.dep == "advcl" and lemma(up) == "ask" and lemma(parse.head(up)) in SPEECH_VERBS:
        return parse.head(up)  # "Holder said when asked Thursday": the saying, that moment
    if _same_moment(parse, up):
        return parse.head(up)  # "was shot shortly after he returned home on Friday": shot then
    if up.dep == "acl" and lemma(up) == "date":
        # "A security alert, dated Tuesday, noted that …": the document's date is its saying's
        thing = parse.head(up)
        return parse.head(thing) if thing.dep in {"nsubj", "nsubjpass"} else up
    return None if since and perfect else up  # "have been downloaded since its launch in 2003"


def _verb_above(parse: Parse, token: Token, timex: Timex) -> Token | None:
    """The verb a date belongs to; or the noun it dates ("the 2010 raid": the raid, not the sentence).

    Not a noun of the date itself ("Wednesday evening": the evening is the date), and not a result
    for a period of account ("a third-quarter loss", "the company's quarterly performance"): the
    verb that reports it ("reported a third-quarter loss") is the happening."""
    date_ent = token.ent
    period = timex.precision is not None and timex.precision.value == "quarter"
    fine = within_a_week(timex)
    since = term = result = False
    for up in parse.ancestors(token):
        if up.pos in _VERBAL:
            return _dated_verb_of(parse, up, since=since, term=term, result=result)
        since = since or (up.lower == "since" and up.dep == "prep")
        if up.lower in {"after", "following"} and up.dep == "prep" and not fine:
            return None  # "after a flat second quarter, the company attributed …": no date for what came after
        # A cause's date, or the end of a term, on a verb of the past: not when it happened ("set up the
        # programme to run through June" is the plan's end, ahead).
        term = term or (up.dep == "prep" and _cause_or_term(parse, up) and not fine)
        inside_date = (date_ent >= 0 and up.ent == date_ent) or timex.start <= up.start < timex.end
        owner = None if inside_date else _season_of(parse, up, token, timex)
        if owner is not None:
            return owner
        dating = token.dep in {"compound", "nummod", "amod", "poss", "npadvmod"}
        if up.pos == "NOUN" and not inside_date and dating and not period:
            return up
        result = result or (up.pos == "NOUN" and not inside_date and dating and period)
        token = up
    return None


# -- factuality ---------------------------------------------------------------------------------------


def _aux(parse: Parse, t: Token) -> list[str]:
    return [k.lower for k in parse.children(t.i, "aux", "auxpass")]


FUTURE, PAST, UNDATED = "future", "past", ""


def _negated(parse: Parse, t: Token, when: str) -> str | None:
    """ "did not sign", and "gave no reason", "no charges were filed", "nobody was hurt"."""
    if parse.child(t.i, "neg") is not None:
        return "negated"
    if any(a.lower == "never" or parse.child(a.i, "neg") is not None for a in parse.children(t.i, "advmod")):
        return "negated"  # "never before has NATO reached out"
    for k in parse.children(t.i, *_SUBJECTS, "dobj", "attr"):
        nobody = k.lower in {"nobody", "nothing", "none"}
        if nobody or any(d.lower == "no" for d in parse.children(k.i, "det")):
            return "negated"
    return None


def is_figure(parse: Parse, t: Token, *, results: bool = False) -> bool:
    """ "Net income rose 51% in the third quarter": a figure moving, the result of a period; with
    `results`, also a result named without its amount ("posted lower earnings")."""
    if lemma(t) not in FIGURE_VERBS:
        return False
    objects = [*parse.children(t.i, "dobj", "npadvmod", "attr")]
    objects += [o for p in parse.children(t.i, "prep") for o in parse.children(p.i, "pobj")]
    amounts = {"MONEY", "PERCENT", "CARDINAL", "QUANTITY"}
    if any(o.ent >= 0 and parse.entities[o.ent].label in amounts for o in objects):
        return True
    return results and any(lemma(o) in RESULT_NOUNS for o in parse.children(t.i, "dobj"))


def _hedged(parse: Parse, t: Token, when: str) -> str | None:
    return "hedged" if any(k.lower in HEDGES for k in parse.children(t.i, "advmod")) else None


def _conditional(parse: Parse, t: Token, when: str) -> str | None:
    marks = [k.lower for k in parse.children(t.i, "mark")]
    for up in [t, *parse.ancestors(t)]:
        if up.dep == "advcl" and any(k.lower in CONDITIONAL_MARKS for k in parse.children(up.i, "mark")):
            return "conditional"
    return "conditional" if any(m in CONDITIONAL_MARKS for m in marks) else None


def _modal(parse: Parse, t: Token, when: str) -> str | None:
    aux = _aux(parse, t)
    if "will" in aux or "'ll" in aux or "shall" in aux:
        return EXPECTED if when == FUTURE and lemma(t) not in STATE_VERBS else "future"
    return "modal" if any(a in MODALS for a in aux) else None


def _infinitive(parse: Parse, t: Token, when: str) -> str | None:
    if "to" not in _aux(parse, t) and t.tag != "VB":
        return None
    head = parse.head(t)
    if head.i != t.i and parse.child(head.i, "neg") is not None:
        return "negated"  # "did not plan to remove him on Thursday"
    if head.i != t.i and "had" in _aux(parse, head):
        return "past plan"  # "had been set to expire Nov. 6": it was, and then was not
    if when == FUTURE and head.i != t.i and lemma(head) in EXPECTATION_VERBS | {"be"}:
        return EXPECTED  # "plans to visit in May", "is to sign on Friday", "is expected to open"
    if when == FUTURE and lemma(t) in EXPECTATION_VERBS:
        return EXPECTED
    return "infinitive"


def _past_for_future(parse: Parse, t: Token, when: str) -> str | None:
    """ "had been talking about a visit slated for next week": a past tense whose date lies ahead
    dates something else (the visit), not the clause's happening."""
    return "past tense, later date" if when == FUTURE and _PAST_AUX & set(_aux(parse, t)) else None


_PAST_AUX = frozenset({"had", "was", "were", "did", "'d"})


def _tense(parse: Parse, t: Token, when: str) -> str | None:
    if when == FUTURE and lemma(t) in EXPECTATION_VERBS:
        return EXPECTED  # "is slated for release on June 24", "was scheduled for next week"
    if t.tag in {"VBZ", "VBP"} and not _aux(parse, t):
        if when == FUTURE and lemma(t) not in STATE_VERBS:
            return EXPECTED  # "the talks begin on Monday"
        if when == PAST and lemma(t) not in STATE_VERBS:
            return HAPPENED  # a caption's or a headline's present: "Blinken speaks … on September 27"
        return "generic"
    if lemma(t) in STATE_VERBS and t.tag in {"VBZ", "VBP", "VB", "VBG"}:
        return "state"
    if lemma(t) == "be" and any(_is_person(parse, k) for k in parse.children(t.i, *_SUBJECTS)):
        return "state"  # "family members were outside the home": where people were, not a happening
    if lemma(t) in STATE_VERBS and parse.child(t.i, "attr", "acomp", "dobj") is not None:
        return "state"  # "Net sales for the quarter were $14 million": a figure; not "was in September"
    if lemma(t) in STATE_VERBS - _EVENTFUL_STATES:
        return "state"  # "accounted for 58% of sales last year", "appeared to be deteriorating"
    return None


def _is_person(parse: Parse, t: Token) -> bool:
    entity = parse.entity(t)
    return (entity is not None and entity.label == "PERSON") or lemma(t) in PEOPLE_NOUNS or t.lower in {"he", "she"}


# State verbs that can report a happening in the past: "the meeting was on Tuesday", "they had talks
# on Monday", "fighting continued on Sunday".
_EVENTFUL_STATES = frozenset({"be", "have", "continue"})


@dataclass(frozen=True, slots=True)
class FactualityRule:
    name: str
    test: Callable[[Parse, Token, str], str | None]  # a verdict, or None when the rule says nothing


FACTUALITY_RULES = (
    FactualityRule("negated", _negated),
    FactualityRule("hedged", _hedged),
    FactualityRule("conditional", _conditional),
    FactualityRule("modal", _modal),
    FactualityRule("past tense, later date", _past_for_future),
    FactualityRule("infinitive", _infinitive),
    FactualityRule("tense", _tense),
)


def factuality(parse: Parse, trigger: Token, *, when: str) -> str:
    """HAPPENED, EXPECTED, or the reason the clause reports no happening ("negated", "modal", ...).

    `when`: FUTURE when the clause's date lies after the publication day, PAST when on or before it,
    UNDATED without a date.
    """
    for rule in FACTUALITY_RULES:
        verdict = rule.test(parse, trigger, when)
        if verdict is not None:
            return verdict
    return EXPECTED if when == FUTURE and trigger.tag in {"VBG"} else HAPPENED


def when_dated(timex: Timex | None, published: dt.date) -> str:
    if timex is None or timex.start_date is None:
        return UNDATED
    return FUTURE if timex.start_date > published else PAST


def is_perfect(parse: Parse, t: Token) -> bool:
    """ "have fled", "has been arrested": the present perfect, news' way of saying it just happened."""
    return t.tag == "VBN" and any(a in {"has", "have", "'ve"} for a in _aux(parse, t))


# -- participants and title ---------------------------------------------------------------------------


def _phrase_tokens(
    parse: Parse, head: Token, skip: set[int], limit: int = _TITLE_TOKENS, keep: frozenset[str] = frozenset()
) -> list[Token]:
    """The phrase under `head` without articles, clauses, appositions, dates and punctuation (`keep`
    names dependencies to keep all the same: a subject's "and Poland")."""
    out = []
    stack = [head]
    while stack:
        t = stack.pop()
        dropped = t.dep in _DROP_IN_TITLE - keep and t.tag != "HYPH"  # keep the hyphen of "so-called"
        dropped = dropped or t.tag in {"WP$", "WDT", "WP"}  # "whose sales hit …", "which they signed": no pronoun
        if t.i in skip or (t.i != head.i and dropped):
            continue
        out.append(t)
        stack.extend(parse.children(t.i))
    kept = {t.i for t in out}
    # A preposition whose object was the date ("protest on [Sunday]") goes with it.
    out = [t for t in out if t.dep != "prep" or t.i == head.i or any(k.i in kept for k in parse.children(t.i))]
    out.sort(key=lambda t: t.i)
    if len(out) > limit:
        out = [t for t in out if _core(parse, head, t)]
    return _whole_words(parse, out)


def _whole_words(parse: Parse, tokens: list[Token]) -> list[Token]:
    """With the other parts of a hyphenated word the parse split apart: "co-founder", "pre-orders"."""
    kept = {t.i for t in tokens}
    for t in list(tokens):
        for step in (1, -1):
            k, glued = t.i, []
            while 0 <= k + 2 * step < len(parse.tokens) and parse.tokens[k + step].text == "-":
                hyphen, part = parse.tokens[k + step], parse.tokens[k + 2 * step]
                touching = (
                    (hyphen.start, part.start) == (parse.tokens[k].end, hyphen.end)
                    if step == 1
                    else (hyphen.end, part.end) == (parse.tokens[k].start, hyphen.start)
                )
                if not touching:
                    break
                glued += [hyphen.i, part.i]
                k += 2 * step
            kept.update(glued)
    return [parse.tokens[i] for i in sorted(kept)]


_CORE_DEPS = frozenset({"compound", "poss", "case", "pobj"})
_CORE_MODIFIERS = frozenset({"compound", "amod", "nummod"})


def _core(parse: Parse, head: Token, t: Token) -> bool:
    """The head, its name parts and object, and the object's modifiers: "for the deaths of nine
    Turkish activists in a 2010 raid" -> "for deaths"."""
    if t.i == head.i or (t.head == head.i and t.dep in _CORE_DEPS):
        return True
    if t.head == head.i and t.dep == "nummod" and head.lower in {"%", "percent"}:
        return True  # "purchased 93%": the number is the amount
    parent = parse.head(t)
    if parent.head == head.i and parent.dep == "pobj" and t.dep in _CORE_MODIFIERS:
        return True
    # "a 50% share": the number of an amount that qualifies the head ("%" under "share", "50" under "%")
    amount = parent.lower in {"%", "percent"} and parent.head == head.i
    return t.dep == "nummod" and amount


def _join(tokens: list[Token]) -> str:
    words: list[str] = []
    glue = False
    previous_end = -1
    for t in tokens:
        text = t.text.strip()
        if not text or text == "_":
            continue  # a non-breaking space the tokenizer kept, a wire story's underscore dash
        if t.pos == "ADP" and text.istitle():
            text = text.lower()  # "In composite trading, shares rose" -> "shares rise in composite trading"
        hyphen = t.tag == "HYPH" or (text == "-" and t.start == previous_end)
        if words and (glue or hyphen or text in {"'s", "’s", "'", "n't"} or text.startswith("'")):
            words[-1] += text
        else:
            words.append(text)
        glue = hyphen or t.tag == "$"  # "$ 38.875" -> "$38.875"
        previous_end = t.end
    return " ".join(words)


def present_tense(verb: Token, *, plural: bool = False) -> str:
    """ "apologised" -> "apologises" ("apologise" after a plural subject), "went" -> "goes"."""
    base = lemma(verb)
    if base == verb.lower and verb.tag in {"VBD", "VBN"} and base.endswith("ed"):
        return verb.lower  # a past form the lemmatizer did not know ("reemerged"): left as it is
    if base == "be":
        return "are" if plural else "is"
    if plural:
        return base
    if base == "have":
        return "has"
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        return base + "es"
    if base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"


def participants(parse: Parse, trigger: Token, mention: Callable[[Token], Mention | None]) -> tuple[Mention, ...]:
    found = []
    for dep in (*_SUBJECTS, *_OBJECTS, "dative"):
        for k in parse.children(trigger.i, dep):
            m = mention(k)
            if m is not None and all(m.name != f.name for f in found):
                found.append(m)
    for prep in parse.children(trigger.i, "prep", "agent"):
        obj = parse.child(prep.i, "pobj")
        m = mention(obj) if obj is not None and obj.ent >= 0 else None
        if m is not None and all(m.name != f.name for f in found):
            found.append(m)
    return tuple(found)


def _gist(parse: Parse, clause: Token, skip: set[int]) -> str:
    """What a speech verb reports, in short: "Kremlin will inform", "citizens leave Russia"."""
    parts = [_join(_phrase_tokens(parse, k, skip, limit=4)) for k in parse.children(clause.i, *_SUBJECTS)]
    parts += [k.text for k in parse.children(clause.i, "aux", "auxpass", "neg") if k.lower not in {"to", "that"}]
    parts.append(_join(_whole_words(parse, [clause])))  # "re-examine", not "re"
    objects = [_join(_phrase_tokens(parse, k, skip, limit=4)) for k in parse.children(clause.i, *_OBJECTS, "acomp")]
    if not objects and lemma(clause) == "be":  # "six people were in custody", "the operation was over"
        objects = [_join(_phrase_tokens(parse, k, skip, limit=3)) for k in parse.children(clause.i, "prep")[:1]]
        objects = objects or [k.text for k in parse.children(clause.i, "advmod", "prt")[:1]]
    if not objects:  # "he wants Cuban diplomats to meet his son": what is wanted, one level down
        for k in parse.children(clause.i, "ccomp", "xcomp")[:1]:
            who = [_join(_phrase_tokens(parse, s, skip, limit=3)) for s in parse.children(k.i, *_SUBJECTS)]
            aux = [a.text for a in parse.children(k.i, "aux", "neg")]  # "to", "would", "not"
            what = [_join(_phrase_tokens(parse, o, skip, limit=3)) for o in parse.children(k.i, "dobj")[:1]]
            objects = [*who, *aux, _join(_whole_words(parse, [k])), *what]
    return " ".join(p for p in (*parts, *objects) if p)


_QUOTE_WORDS = 8


def _quoted(parse: Parse, clause: Token, quotes: tuple[tuple[int, int], ...]) -> str | None:
    """What a speaker said in quotation marks, as its first words: 'Clark says “We've gotten to the
    point where we know…”', never a first person cut to a gist ("Clark says We've gotten")."""
    for start, end in quotes:
        if start <= clause.start < end:
            words = [t for t in parse.tokens_between(start, end) if t.pos != "PUNCT"]
            more = "…" if len(words) > _QUOTE_WORDS else ""
            return "“" + _join(words[:_QUOTE_WORDS]) + more + "”"
    return None


def _that_clause(parse: Parse, trigger: Token) -> Token | None:
    """The clause a verb of knowing or finding takes as its object ("disclosed that …", "reviewing
    whether …"), after the verb."""
    return next((k for k in parse.children(trigger.i, "ccomp") if k.i > trigger.i), None)


_ASKING_FOR = frozenset({"call", "press", "push", "appeal", "ask", "plead", "lobby", "campaign", "petition", "arrange"})


def _misparsed_that_clause(parse: Parse, trigger: Token) -> list[Token]:
    """ "announced Monday in an internal memo that he would be on leave": the parse hung what was said
    on the memo as a relative clause; its "that" is a complementizer (the clause has its own subject)."""
    for prep in parse.children(trigger.i, "prep"):
        for noun in parse.children(prep.i, "pobj"):
            for clause in parse.children(noun.i, "relcl"):
                that = any(m.lower == "that" for m in parse.children(clause.i, "mark"))
                if that and parse.child(clause.i, "nsubj", "nsubjpass") is not None:
                    return [clause]
    return []


def _called_for(parse: Parse, trigger: Token, skip: set[int]) -> list[str]:
    """ "called for Vacco to revive the unit": the clause "for" opens after a verb of asking, as one
    phrase."""
    if lemma(trigger) not in _ASKING_FOR:
        return []
    for k in parse.children(trigger.i, "advcl"):
        if k.i > trigger.i and any(m.lower == "for" for m in parse.children(k.i, "mark")):
            who = [_join(_phrase_tokens(parse, w, skip, limit=3)) for w in parse.children(k.i, *_SUBJECTS)]
            to = ["to"] if any(a.lower == "to" for a in parse.children(k.i, "aux")) else []
            what = [_join(_phrase_tokens(parse, o, skip, limit=4)) for o in parse.children(k.i, "dobj")[:1]]
            return [" ".join(["for", *who, *to, k.text, *what])]
    return []


def _plural(parse: Parse, subject: Token) -> bool:
    """A subject that takes a plural verb: "police", "they", "Bulgaria and Poland"."""
    coordinated = parse.child(subject.i, "conj") is not None
    return subject.tag in {"NNS", "NNPS"} or subject.lower in {"they", "we"} or coordinated


def _shared_object(parse: Parse, trigger: Token, skip: set[int]) -> list[str]:
    """ "interviewed and released one of two men": the next verb, with the object the two share."""
    if lemma(trigger) in SPEECH_VERBS or parse.child(trigger.i, "ccomp", "xcomp") is not None:
        return []
    subject = _subject_of(parse, trigger)
    plural = subject is not None and _plural(parse, subject)
    for verb in parse.children(trigger.i, "conj")[:1]:
        objects = parse.children(verb.i, "dobj")[:1]
        if any(d.lower == "no" for o in objects for d in parse.children(o.i, "det")):
            return []  # "has reached no agreement": not an object the two verbs share
        shared = [_join(_phrase_tokens(parse, o, skip, limit=4)) for o in objects]
        # "interviewed and released": side by side, not a verb further on the parse hung here
        if verb.pos == "VERB" and shared and parse.child(verb.i, "nsubj") is None and verb.i <= trigger.i + 3:
            return ["and", present_tense(verb, plural=plural), *shared]
    return []


_PARTICLES = frozenset({"apart", "through", "away", "off", "out", "down", "up", "over", "back"})


def _objects(parse: Parse, trigger: Token, skip: set[int]) -> tuple[list[str], set[int]]:
    """The verb's objects as phrases, and the tokens they took."""
    words: list[str] = []
    used: set[int] = set()
    for obj in parse.children(trigger.i, *_OBJECTS, "dative"):
        if obj.i in used:
            continue  # a part of a hyphenated word the parse made an object of its own ("re-designs")
        if obj.tag in {"WDT", "WP"}:  # "a treaty, which the presidents signed": the treaty
            obj = parse.head(trigger) if trigger.dep == "relcl" else None
            if obj is None or obj.pos not in {"NOUN", "PROPN"}:
                continue
        phrase = _phrase_tokens(parse, obj, skip)
        used.update(t.i for t in phrase)
        words.append(_join(phrase))
    return words, used


def _predicate(parse: Parse, trigger: Token, skip: set[int], quotes: tuple[tuple[int, int], ...] = ()) -> list[str]:
    """The verb's particle, objects and first two phrases; for a speech verb, what it reports."""
    # the particle of a phrasal verb: "blew apart", "fell through" (the parse may call it an adverb)
    words = [
        k.text
        for k in parse.children(trigger.i, "prt", "advmod")
        if k.dep == "prt" or (k.lower in _PARTICLES and k.i == trigger.i + 1)
    ]
    objects, used = _objects(parse, trigger, skip)
    words += objects
    shared = [] if used else _shared_object(parse, trigger, skip)
    if shared:
        return words + shared
    if lemma(trigger) in SPEECH_VERBS:
        reported = parse.children(trigger.i, "ccomp", "xcomp")[:1] or _misparsed_that_clause(parse, trigger)
        words += [_quoted(parse, k, quotes) or _gist(parse, k, skip) for k in reported]
    elif not used and (clause := _that_clause(parse, trigger)) is not None:
        # "disclosed that Kuwait's government has asked …", "is reviewing whether …": what, in short
        mark = parse.child(clause.i, "mark")
        opener = mark.lower if mark is not None and mark.lower != "that" else ""
        words.append(f"{opener} {_gist(parse, clause, skip)}".strip())
    else:
        for k in parse.children(trigger.i, "xcomp")[:1]:  # "agreed to sell its candy businesses"
            objects = [_join(_phrase_tokens(parse, o, skip, limit=4)) for o in parse.children(k.i, "dobj")[:1]]
            particle = [p.text for p in parse.children(k.i, "prt")]  # "chose to step down"
            to = "to" if parse.child(k.i, "aux") is not None else ""
            words.append(" ".join([to, k.text, *particle, *objects]).strip())
        words += _called_for(parse, trigger, skip)
    for prep in parse.children(trigger.i, "prep", "agent")[:2]:
        phrase = _phrase_tokens(parse, prep, skip, limit=5)
        if len(phrase) > 1:
            words.append(_join(phrase))
    return words


def _subject_of(parse: Parse, trigger: Token) -> Token | None:
    """The clause's subject; for "the programme to run through June" the noun the clause hangs on,
    for "urged citizens to leave" the object of the verb above."""
    subjects = parse.children(trigger.i, *_SUBJECTS)
    if subjects:  # of two (a misparse: "The co-founder … Steve Jobs has died"), the one with a name
        return next((k for k in subjects if k.pos == "PROPN"), subjects[0])
    head = parse.head(trigger)
    if trigger.dep == "acl" and head.pos in {"NOUN", "PROPN"}:
        return head
    if trigger.dep == "pcomp" and head.dep == "prep":
        head = parse.head(head)  # "After touring the capital, Freeh flew …": Freeh toured
        preposition = parse.head(trigger)
        if preposition.lower in {"from", "into"} and parse.child(head.i, "dobj") is not None:
            return parse.child(head.i, "dobj")  # "barred him from working": he would have worked
    elif trigger.dep in {"xcomp", "advcl"} and "to" in _aux(parse, trigger) and parse.child(head.i, "dobj"):
        return parse.child(head.i, "dobj")  # "urged citizens to leave", "set up a programme to run"
    elif trigger.dep not in {"xcomp", "advcl", "conj"}:
        return None
    # "Construction is set to begin", "Rescued by fishermen, Elian has …", "said it hired … and
    # reported …": the subject of the verb the clause hangs on.
    if head.pos not in _VERBAL or head.i == trigger.i:
        return None
    found = next(iter(parse.children(head.i, *_SUBJECTS)), None)
    if found is None and trigger.dep == "conj" and head.dep == "xcomp":
        # "Coleco failed to come up with a winner and filed …": the parse hung "filed" on "come"
        found = next(iter(parse.children(parse.head(head).i, *_SUBJECTS)), None)
    return found


_NAMED = frozenset({"ORG", "PERSON", "GPE", "NORP"})


def _subject_name(parse: Parse, subject: Token, skip: set[int]) -> str:
    """The subject's phrase; the whole name when the parse split it ("First of America Bank Corp.",
    whose "First" it took for an adverb)."""
    phrase = _phrase_tokens(parse, subject, skip, keep=_COORDINATION)
    entity = parse.entity(subject)
    if entity is not None and entity.label in _NAMED:
        inside = all(entity.first <= t.i < entity.last or t.pos == "DET" for t in phrase)
        if inside and len(phrase) < entity.last - entity.first:
            return entity.text[4:] if entity.text.lower().startswith("the ") else entity.text
    return _join(phrase)


def _reporter(parse: Parse, pronoun: Token) -> Token | None:
    """ "RJR Nabisco said it agreed …": "it" in what a speech verb reports is the one who reports it."""
    if pronoun.lower not in {"it", "they", "we"}:
        return None
    verb = parse.head(pronoun)
    for _ in range(3):  # "said it hired … and reported …": up through the coordination
        if verb.dep != "conj":
            break
        verb = parse.head(verb)
    speech = parse.head(verb)
    if verb.dep != "ccomp" or lemma(speech) not in SPEECH_VERBS:
        return None
    subject = parse.child(speech.i, "nsubj")
    if subject is None and speech.i > 0:  # "First of America Bank Corp. said": a name the parse left loose
        before = parse.tokens[speech.i - 1]
        entity = parse.entity(before)
        subject = before if entity is not None and entity.label in _NAMED else None
    return subject if subject is not None and subject.pos != "PRON" else None


def _owner(parse: Parse, subject: Token, trigger: Token) -> str | None:
    """Whose thing "its" or "their" in the subject is, when a speech verb's subject says it ("Sotheby's
    said its net loss narrowed")."""
    mine = parse.child(subject.i, "poss")
    if mine is None or mine.lower not in {"its", "their"} or trigger.dep != "ccomp":
        return None
    speech = parse.head(trigger)
    speaker = parse.child(speech.i, "nsubj") if lemma(speech) in SPEECH_VERBS else None
    if speaker is None or speaker.pos == "PRON":
        return None
    return _subject_name(parse, speaker, set()).removesuffix("'s").removesuffix("’s")


def _loose_subject(parse: Parse, trigger: Token) -> Token | None:
    """A main verb the parse gave no subject after a long opening ("On April 4, 1949, on behalf of the
    United States, Truman's secretary of state, Dean Acheson, signed …"): the name just before it."""
    if trigger.dep != "ROOT" or trigger.i == 0:
        return None
    k = trigger.i - 1
    while k > 0 and parse.tokens[k].pos == "PUNCT":
        k -= 1
    before = parse.tokens[k]
    return before if before.pos == "PROPN" and before.dep in {"appos", "conj", "npadvmod"} else None


_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their", "our", "my", "your"})


def title(
    parse: Parse,
    trigger: Token,
    skip: set[int],
    who: Mention | None = None,
    quotes: tuple[tuple[int, int], ...] = (),
) -> str | None:
    """Who did what: "Netanyahu apologises to Turkey for raid"; None when the clause has no subject
    (or the subject is the date: "Last weekend saw …") and for a lone event noun ("speech").

    `who` names a pronoun subject ("he" -> the person it stands for)."""
    if trigger.pos == "NOUN":
        phrase = _phrase_tokens(parse, trigger, skip, limit=8)
        heading = _join(phrase)
        # "his address" says no more than "address", nor "email announcement" whose or where: a title
        # needs a name ("Explosions at U.S. embassies") or a phrase ("Raid on depot") besides a pronoun
        words = [w for w in heading.split() if w.lower() not in _POSSESSIVE_PRONOUNS]
        if len(words) < 2 or (len(words) < 3 and not any(t.pos == "PROPN" for t in phrase)):
            return None
        return heading[:1].upper() + heading[1:]
    subject = _subject_of(parse, trigger) or _loose_subject(parse, trigger)
    if subject is not None and subject.pos == "PRON" and who is None:
        subject = _reporter(parse, subject)
    if subject is None or (subject.pos == "PRON" and who is None):
        return None
    named = who.name if subject.pos == "PRON" else _subject_name(parse, subject, skip)
    if not named:
        return None
    owner = _owner(parse, subject, trigger)
    if owner is not None:  # "Sotheby's said its net loss narrowed": Sotheby's net loss
        named = re.sub(r"^(?:[Ii]ts|[Tt]heir)\b", f"{owner}'s", named)
    plural = _plural(parse, subject)
    own = subject.head == trigger.i
    borrowed_passive = trigger.tag == "VBN" and (
        trigger.dep in {"acl", "advcl"} or parse.child(trigger.i, "auxpass") is not None or subject.dep == "nsubjpass"
    )
    if (own and subject.dep == "nsubjpass") or (not own and borrowed_passive):
        verb = ("are " if plural else "is ") + trigger.lower  # "Elian is rescued", "products are introduced"
    else:
        verb = present_tense(trigger, plural=plural)
    text = " ".join(w for w in (named, verb, *_predicate(parse, trigger, skip, quotes)) if w).strip()
    return text[:1].upper() + text[1:] if len(text.split()) >= 2 else None
