"""Whether a name or a sentence names a target entity: "Steve Jobs" is named by "Jobs", "iTunes store"
by "iTunes Music Store", "Beatles Apple Corps" by "Apple Corps".

A name is read as its words (letters and digits, any case). The entity's variants are its full name,
its last two or more words ("Apple Corps"), and for a two-word name of capitalised words (a person) its
last word, capitalised as written ("Jobs", never "jobs"). A variant is found when its words appear in
order with at most one other word between two of them ("iTunes Music Store"). Plain Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD = re.compile(r"[0-9A-Za-z]+")
GAP = 1  # other words allowed between two words of a variant


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


@dataclass(frozen=True)
class EntityName:
    name: str
    variants: tuple[tuple[str, ...], ...]
    surname: str = ""  # a person's last word, found only with its capital
    acronym: str = ""  # an organisation's initials ("GM" for General Motors), found only in capitals

    @property
    def person(self) -> bool:
        return bool(self.surname)

    @classmethod
    def of(cls, name: str, *, person: bool | None = None) -> EntityName:
        """`person`: whether the entity is a person (the corpus's named-entity labels say); unknown, a
        name of two capitalised words is taken for one."""
        raw = WORD.findall(name)
        lowered = tuple(w.lower() for w in raw)
        variants = {lowered}
        variants |= {lowered[i:] for i in range(1, len(lowered) - 1)}
        capitalised = len(raw) >= 2 and all(w[:1].isupper() for w in raw)
        if person is None:
            person = len(raw) == 2 and capitalised and raw[1].isalpha()
        person = person and len(raw) >= 2 and raw[-1].isalpha()
        if len(lowered) == 2 and not person:
            variants.add(lowered[::-1])  # "the 3G iPhone" names the iPhone 3G
        acronym = "".join(w[0] for w in raw) if capitalised and not person and all(w.isalpha() for w in raw) else ""
        return cls(
            name=name,
            variants=tuple(sorted(variants, key=len, reverse=True)),
            surname=raw[-1] if person else "",
            acronym=acronym,
        )

    def heads(self, text: str) -> list[tuple[int, int]]:
        """Where the entity is named in `text`: the offsets of each naming's last word ("Jobs", "Corps")."""
        found = [(m.group().lower(), m.start(), m.end()) for m in WORD.finditer(text)]
        exact = {self.surname, self.acronym} - {""}
        spans = {(start, end) for word, start, end in found if text[start:end] in exact}
        for variant in self.variants:
            spans |= {(found[last][1], found[last][2]) for last in _in_order(variant, [w for w, _, _ in found])}
        return sorted(spans)

    def found_in(self, text: str) -> bool:
        return bool(self.heads(text))


def _in_order(variant: tuple[str, ...], found: list[str]) -> list[int]:
    """The index of the last word of each place `variant` is found in `found`."""
    lasts = []
    for start, word in enumerate(found):
        if word != variant[0]:
            continue
        position, ok = start, True
        for wanted in variant[1:]:
            window = found[position + 1 : position + 2 + GAP]
            if wanted not in window:
                ok = False
                break
            position = position + 1 + window.index(wanted)
        if ok:
            lasts.append(position)
    return lasts
