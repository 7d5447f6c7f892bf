import datetime as dt

import pytest

from timeline.extraction import Extraction, KnownActor, extract, nlp
from timeline.temporal import Reference

WEDNESDAY = Reference(date=dt.date(2024, 3, 6), timezone="Europe/London")  # 6 March 2024 was a Wednesday


def read(text: str, *, known: tuple[KnownActor, ...] = ()) -> Extraction:
    if not nlp.is_available():
        pytest.skip("the spaCy model is not installed (pip install -r requirements.txt)")
    extraction = extract(text, WEDNESDAY, known_actors=known)
    # Every proposal is tied to its exact words.
    for s in extraction.statements:
        assert text[s.char_start : s.char_end] == s.text
        if s.timex is not None:
            assert text[s.timex.start : s.timex.end] == s.timex.text
    for c in extraction.citations:
        assert text[c.char_start : c.char_end] == c.sentence
    return extraction
