"""Who is speaking: names found in the text, titles stripped, a kind guessed, pronouns resolved.

A speaker is kept only when it names someone: a proper name ("Kremlin spokesman Dmitry Peskov" ->
"Dmitry Peskov"), an institution ("the U.S. Embassy in Moscow"), or a pronoun or definite description
("he", "it", "the embassy", "the alert") that resolves to one named earlier in the article (light
coreference: the last person for he/she, the last organisation for it and for the documents an
organisation issues). Anonymous sources ("one person", "local authorities", "reports") are not speakers
a timeline can attribute words to, so they are left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .scoring import normalise_name
from .text import word_set
from .types import KnownActor, Mention

# Role words that precede a name and are not part of it.
TITLE_WORDS = word_set(
    """mr mrs ms miss dr prof sir dame lord lady president vice prime minister secretary spokesman spokeswoman
    spokesperson spokespeople chief head leader chairman chairwoman chair director general gen lt col colonel
    major capt captain sgt sergeant adm admiral commander senator sen rep representative gov governor mayor
    judge justice ambassador envoy official officer minister's press deputy acting former late star marine
    king queen prince princess pope cardinal bishop rev reverend state foreign defence defense interior finance
    health justice attorney first lady coach manager ceo founder analyst expert correspondent editor
    reporter economist professor researcher activist lawyer attorney councillor councilman councilwoman
    speaker chancellor premier sheikh emir sultan president-elect ex"""
)
# Head nouns that make a name an institution.
ORG_HEADS = word_set(
    """embassy consulate ministry department office agency council committee commission bureau service
    services guard police army navy force forces court parliament congress senate government administration
    kremlin pentagon house party union bank fund group organisation organization association federation
    institute university company corporation inc corp ltd network channel agency authority authorities
    board cabinet coalition alliance command staff secretariat nato un eu who imf opec fbi cia co plc llc
    nsa kgb fsb mission delegation league foundation observatory monitor tribunal"""
)
GOVERNMENT_HEADS = word_set(
    """embassy consulate ministry department office agency council commission bureau guard police army navy
    force forces court parliament congress senate government administration kremlin pentagon cabinet
    command authority secretariat"""
)
COUNTRIES = word_set(
    """afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain bangladesh belarus
    belgium bolivia bosnia brazil britain bulgaria cambodia cameroon canada chile china colombia congo croatia
    cuba cyprus czechia denmark ecuador egypt england estonia ethiopia finland france georgia germany ghana
    greece hungary iceland india indonesia iran iraq ireland israel italy japan jordan kazakhstan kenya kosovo
    kuwait kyrgyzstan latvia lebanon libya lithuania luxembourg malaysia mali mexico moldova mongolia
    montenegro morocco myanmar nepal netherlands nigeria norway pakistan palestine panama peru philippines
    poland portugal qatar romania russia rwanda scotland serbia singapore slovakia slovenia somalia spain
    sudan sweden switzerland syria taiwan tajikistan tanzania thailand tunisia turkey turkmenistan uganda
    ukraine us usa uk uzbekistan venezuela vietnam wales yemen zambia zimbabwe washington moscow beijing
    kyiv kiev london paris berlin tokyo"""
) | {"united states", "united kingdom", "south korea", "north korea", "south africa", "saudi arabia", "new zealand"}
# Capital cities often stand for their governments; they are countries for a speaker's kind.

PRONOUNS_PERSON = frozenset({"he", "she"})
PRONOUNS_THING = frozenset({"it"})
# Documents an organisation issues: "the alert said" speaks for whoever issued it.
DOCUMENT_NOUNS = word_set(
    """alert statement advisory notice message warning release communique communiqué bulletin report
    letter memo guidance announcement post tweet website"""
)
# Unnamed, collective or anonymous sources: not a speaker to attribute words to.
ANONYMOUS_HEADS = word_set(
    """person people man woman men women source sources official officials authorities reports report media
    witnesses witness residents resident protesters protester experts analysts observers critics some others
    many most few one someone anyone everyone nobody all both either neither who which that this these those
    we you i they them us"""
)

_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w’'.-]*|[A-Z]{2,}[\w-]*)$")
# Capitalised but never a name: weekdays, months, time zones, pronouns.
_NOT_NAMES = word_set(
    """the a an monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec edt est
    edst pdt pst cdt cst mdt mst gmt utc bst cet they we you i he she it this that these those there"""
)


def is_name_token(token: str) -> bool:
    return bool(_NAME_TOKEN.match(token)) and token.lower().strip(".,") not in _NOT_NAMES


def strip_title(words: Sequence[str]) -> list[str]:
    """ "US Secretary of State Antony Blinken" -> ["Antony", "Blinken"]: the name after the role words."""
    words = [w for w in words if w]
    # The trailing run of capitalised words that are not role words is the name.
    tail: list[str] = []
    for w in reversed(words):
        bare = w.strip(".,").lower().replace("’s", "").replace("'s", "")
        if is_name_token(w) and bare not in TITLE_WORDS and bare not in COUNTRIES and bare not in ORG_HEADS:
            tail.insert(0, w)
        else:
            break
    return tail


# Words that make a capitalised phrase a place, not a person ("Middle East", "Red Sea").
PLACE_WORDS = word_set(
    """east west north south sea gulf river street city island islands mountains valley bay county state
    province region airport square coast strait lake ocean peninsula heights park avenue road bridge"""
)


def guess_kind(name: str) -> str:
    """person, organisation, government_body or country; "" when the words do not say."""
    words = name.split()
    lower = [w.lower().strip(".,") for w in words]
    if lower and lower[0] in {"the", "a", "an"}:
        words, lower = words[1:], lower[1:]
    if not words:
        return ""
    norm = normalise_name(" ".join(words))
    head = lower[-1]
    if norm in COUNTRIES:
        return "country"
    place = any(w in PLACE_WORDS for w in norm.split())
    if not place and len(strip_title(words)) >= 2 and head not in ORG_HEADS:
        return "person"
    if re.sub(r"s$", "", norm) in COUNTRIES and lower[-1].endswith(("’s", "'s")):
        return "country"  # "Russia’s"
    bare = norm.split()
    if head in GOVERNMENT_HEADS or any(w in GOVERNMENT_HEADS for w in bare):
        return "government_body"
    if any(w in ORG_HEADS for w in bare) or (len(words) == 1 and words[0].isupper() and len(words[0]) > 1):
        return "organisation"
    return ""


@dataclass
class Coreference:
    """The article's named actors so far, to resolve he/she/it, surnames and definite descriptions."""

    known: Sequence[KnownActor] = ()
    people: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)  # organisations and bodies, then countries
    countries: list[str] = field(default_factory=list)
    speakers: list[Mention] = field(default_factory=list)

    def note(self, name: str, kind: str) -> None:
        if kind == "person":
            self.people.append(name)
        elif kind == "country":
            self.countries.append(name)
        elif kind:
            # Keep the fullest form: "the U.S. Embassy" after "the U.S. Embassy in Moscow" is that one.
            self.organisations.append(self.earlier_form(name) or name)

    def note_names_in(self, text: str) -> None:
        """Remember the people and institutions a sentence names, for pronouns further on."""
        for name, kind in names_in(text):
            self.note(name, kind)

    def last_speaking_organisation(self, *, countries: bool = True) -> str | None:
        """The last institution that spoke: what "it said" and "the alert said" most often mean."""
        for mention in reversed(self.speakers):
            if mention.kind and mention.kind != "person" and (countries or mention.kind != "country"):
                return mention.name
        return None

    def earlier_form(self, name: str) -> str | None:
        """A fuller earlier mention of the same institution: "the U.S. embassy" -> "U.S. embassy in Russia"."""
        words = set(normalise_name(name).split())
        if not words:
            return None
        for earlier in reversed(self.organisations):
            if words < set(normalise_name(earlier).split()):
                return earlier
        return None

    def last_institution(self) -> str | None:
        return self.organisations[-1] if self.organisations else None

    def last_person(self) -> str | None:
        return self.people[-1] if self.people else None

    def last_organisation(self, head: str | None = None) -> str | None:
        for name in [*reversed(self.organisations), *reversed(self.countries)]:
            if head is None or head in normalise_name(name).split():
                return name
        return None

    def person_by_surname(self, surname: str) -> str | None:
        key = normalise_name(surname).split()
        if not key:
            return None
        for name in [*reversed(self.people), *(a.name for a in self.known if a.kind == "person")]:
            words = normalise_name(name).split()
            if len(words) > len(key) and words[-len(key) :] == key:
                return name
        return None

    def link(self, name: str) -> KnownActor | None:
        key = normalise_name(name)
        for actor in self.known:
            if key == normalise_name(actor.name) or any(key == normalise_name(a) for a in actor.aliases):
                return actor
        return None


_ORG_PHRASE = re.compile(
    r"\b((?:[A-Z][\w’'.-]*\s+){1,3}(?:"
    + "|".join(sorted(h for h in ORG_HEADS if h.isalpha() and len(h) > 3))
    + r")(?:\s+(?:in|of)\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)?)\b"
)


@lru_cache(maxsize=4096)
def names_in(text: str) -> tuple[tuple[str, str], ...]:
    """(name, kind) for each capitalised run that looks like a person or an institution, in text order.

    Cached: the statement reader, the citation reader and the keyword filter all ask about one sentence.
    """
    found = []
    covered = []
    for m in _ORG_PHRASE.finditer(text):  # "the US embassy in Moscow", "the Finnish border guard"
        covered.append((m.start(1), m.end(1)))
        words = m.group(1).split()
        while words and words[0].lower() in _SENTENCE_OPENERS:
            words = words[1:]
        if len(words) >= 2:
            found.append((m.start(1), " ".join(words), guess_kind(" ".join(words)) or "organisation"))
    for m in re.finditer(r"(?:[A-Z][\w’'.-]*)(?:\s+(?:(?:of|for|in)\s+)?[A-Z][\w’'.-]*)*", text):
        if any(a <= m.start() < b for a, b in covered):
            continue
        for name, kind in _name_of(m.group()):
            found.append((m.start(), name, kind))
    return tuple((name, kind) for _, name, kind in sorted(found))


def _name_of(run: str) -> list[tuple[str, str]]:
    """The person or institution a capitalised run names: titles dropped, a trailing possessive too."""
    words = run.split()
    while words and words[0].lower() in _SENTENCE_OPENERS:
        words = words[1:]
    if not words:
        return []
    phrase = re.sub(r"[’']s$", "", " ".join(words))
    if not re.search(r"\b[A-Z]\.$", phrase):  # keep the stop of "U.S."
        phrase = phrase.rstrip(".,")
    kind = guess_kind(phrase)
    if kind == "person":
        name = " ".join(strip_title(phrase.split()))
        return [(name, "person")] if len(name.split()) >= 2 else []
    titled = strip_title(phrase.split())
    if (
        not kind
        and len(titled) == 1
        and len(phrase.split()) > 1
        and phrase.split()[-2].lower().strip(".") in TITLE_WORDS
    ):
        return [(titled[0], "person")]  # "President Bush"
    return [(phrase, kind)] if kind else []


_SENTENCE_OPENERS = word_set(
    """the a an in on at as but and or if when while after before since during earlier later last this that
    these those it he she they we his her their its our there here meanwhile moreover however also then
    following speaking pressed according more mr ms mrs dr"""
)


def is_demonym(word: str) -> bool:
    """A nationality or region adjective ("Russian", "Finnish", "Western"): a guess from its ending."""
    w = re.sub(r"(?<=[aen])s$", "", word.lower())  # "Russians", "Americans"
    return w.endswith(("ian", "ean", "can", "ese", "ish", "ern")) or w in {"local", "german", "thai", "iraqi"}
