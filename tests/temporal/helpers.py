"""Shared helpers for the engine tests."""

import datetime as dt

from timeline.temporal import Reference, Timex, annotate


def news(y: int, m: int, d: int) -> Reference:
    """A news article's reference context: its publication day."""
    return Reference(dt.date(y, m, d))


def only(text: str, ref: Reference, phrase: str) -> Timex:
    """The timex whose text is `phrase` (the test fails, listing what was found, if there is none)."""
    hits = [t for t in annotate(text, ref) if t.text == phrase]
    assert hits, [(t.text, t.value) for t in annotate(text, ref)]
    return hits[0]
