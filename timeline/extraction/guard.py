"""What the reader refuses, with one line saying why: a text it cannot read as English news."""

from __future__ import annotations

import re

# About 50,000 words: ten times a long feature. A larger text is a page dump or a book, and parsing it
# would hold a worker for minutes.
MAX_CHARS = 300_000
# Share of a text's letters that must be ASCII letters for it to be read as English.
_MIN_LATIN = 0.8
# The commonest English function words: a text in English has some of them.
_ENGLISH = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "was",
        "with",
        "as",
        "by",
        "it",
        "at",
        "from",
        "he",
        "said",
    ]
)
_WORD = re.compile(r"[^\W\d_]+")


class UnreadableText(ValueError):
    """The text cannot be read: empty, too long, or not in English."""


def check_readable(text: str) -> None:
    """Raise UnreadableText with a one-line reason when the reader should not try `text`."""
    if not text.strip():
        raise UnreadableText("the text is empty")
    if len(text) > MAX_CHARS:
        raise UnreadableText(f"the text has {len(text):,} characters; the reader takes at most {MAX_CHARS:,}")
    words = _WORD.findall(text[:20000])
    letters = "".join(words)
    if len(letters) < 100:
        return  # a line or two: too little to tell the language by; read it (it may propose nothing)
    latin = sum(1 for ch in letters if "a" <= ch.lower() <= "z")
    english = sum(1 for w in words if w.lower() in _ENGLISH)
    if latin / len(letters) < _MIN_LATIN or english / len(words) < 0.03:
        raise UnreadableText("the text does not read as English; the reader only reads English news")
