"""Provenance: a citation's sentence and a statement's words are the source text at their offsets.

One check for every write path (the API through services.records, the admin's forms, the
load_timeline command), so that what a reader is shown as quoted is what the article says.
A writer may give only the words and have the offsets found, or only the offsets and have the
words read from the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError

# How many positions an "occurs more than once" error lists before "...".
MAX_LISTED = 10


@dataclass(frozen=True)
class Passage:
    words: str
    char_start: int
    char_end: int


def _occurrences(text: str, words: str) -> list[int]:
    found, at = [], text.find(words)
    while at != -1:
        found.append(at)
        at = text.find(words, at + 1)
    return found


def passage_locate(
    *, text: str, words: str | None, char_start: int | None, char_end: int | None, words_field: str
) -> Passage:
    """The passage of `text` the writer means, checked. Raises ValidationError keyed by field.

    - words and offsets: text[char_start:char_end] must be the words;
    - words only: they must occur exactly once (else the error lists where they occur);
    - words and one offset: the other follows from the words' length;
    - offsets only: the words are read from the text.
    """
    words = words or None
    if words is None:
        _require_offsets(char_start, char_end, words_field)
    elif char_start is None and char_end is None:
        char_start = _only_occurrence(text, words, words_field)
    if words is not None:
        if char_start is None:
            char_start = char_end - len(words)
        if char_end is None:
            char_end = char_start + len(words)
    _check_offsets(text, char_start, char_end)
    found = text[char_start:char_end]
    if words is not None and found != words:
        shown = found if len(found) <= 80 else found[:77] + "..."
        # Keyed on the offsets, as the admin always has: they point at the wrong words.
        raise ValidationError(
            {"char_start": f"The source text at {char_start}:{char_end} reads {shown!r}, not the {words_field}."}
        )
    return Passage(words=found, char_start=char_start, char_end=char_end)


def _require_offsets(char_start: int | None, char_end: int | None, words_field: str) -> None:
    """Without the words, both offsets are needed; the error names the first thing missing."""
    if char_start is not None and char_end is not None:
        return
    if char_start is None and char_end is None:
        missing = words_field
    else:
        missing = "char_start" if char_start is None else "char_end"
    raise ValidationError({missing: f"Give the quoted words ({words_field}) or both char_start and char_end."})


def _only_occurrence(text: str, words: str, words_field: str) -> int:
    positions = _occurrences(text, words)
    if not positions:
        raise ValidationError({words_field: "These words do not occur in the source text."})
    if len(positions) > 1:
        listed = ", ".join(str(p) for p in positions[:MAX_LISTED]) + (", ..." if len(positions) > MAX_LISTED else "")
        raise ValidationError(
            {
                words_field: f"These words occur {len(positions)} times in the source text, at offsets {listed}; "
                "give char_start to choose one."
            }
        )
    return positions[0]


def _check_offsets(text: str, char_start: int, char_end: int) -> None:
    if char_start < 0:
        raise ValidationError({"char_start": "Must be 0 or more."})
    if char_end <= char_start:
        raise ValidationError({"char_end": "Must be greater than char_start."})
    if char_end > len(text):
        raise ValidationError({"char_end": f"Past the end of the source text ({len(text)} characters)."})
