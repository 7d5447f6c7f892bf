"""The date engine: find temporal expressions in English text and resolve them to TIMEX3 values.

    annotate(text, Reference(date(2022, 9, 28)))        # every timex, sorted, non-overlapping
    resolve_expression("on Tuesday night", reference)    # one editor-recorded expression → 2022-09-27TNI
    build_reference(day, time=..., timezone=..., narrative=False)   # the one way to make a Reference

Plain Python (no Django). How a text is read, and where each part lives:

    cues.py       one pass over the text finds cue words ("friday", "ago", digits ...)
    registry.py   RULES: every rule in precedence order; each runs its pattern only near its cues
    <family>.py   the rules themselves, pattern and resolver side by side:
                    days (dates to the day, weekdays, "yesterday"), months ("in March", "the first
                    week of March"), periods ("last week", quarters), years (years, decades,
                    centuries), spans (durations, "three days ago"), clock (clock times, sets),
                    anaphora ("that day", "the year before", "now"), holidays (and seasons)
    rules.py      the Rule record, the Resolution a resolver returns, the Context it reads, shared helpers
    lexicon.py    words and their meaning: months, units, RELATION_SHIFT ("last" -1, "next" +1),
                  POINT_MODS ("early" START), AMOUNT_MODS ("about" APPROX), number words
    patterns.py   regex pieces the patterns share (MONTH, WEEKDAY, YEAR, POINT_MOD, ZONE ...)
    engine.py     longest match wins; resolution in text order (the narrative anchor moves as it goes)
    tense.py      which way a bare "Tuesday" points; calendar.py: a value's interval

Where a new rule goes, worked through for "the week before last" (it used to read as last week):

1. Find the family: a relation to a unit, counted back like "the day before": anaphora.py.
2. Change the pattern or write a new one, capturing the extent in the group `x` (prepositions stay
   outside it). Here the "the <unit> before" alternative of _ANAPHORIC gained an optional
   `(?P<before_last>last)` before the end of the clause.
3. Resolve in the family's resolver, reading words through lexicon tables, not spelling them again:
   `cal.shift(ctx.anchor, -2, unit)` gives 2024-W18 for an article of 2024-05-15. Return None when
   the match is no date after all; the engine then tries shorter matches of other rules.
4. A new construction gets its own `rule("name", pattern, cues=..., reach=(before, after),
   resolve=..., reads_anchor=..., moves_anchor=..., names_a_day=...)` at the end of its family
   module and a place in registry.RULES. Cues must be ones cues.py gives (a new word goes into
   its _CUE_WORDS); reach is how far the match may extend before and after the cue.
5. Write a test in tests/temporal/ (one sentence, one assertion), then run
   `python -m timeline.temporal.evaluation DIR` on every corpus in ../shared/data (WikiWars with
   --narrative) and keep the rule only if no value F1 drops; `--show-errors` says what changed.

The TIMEX3 conventions the engine follows, where a reader might expect otherwise, are in
CONVENTIONS.md beside this file.
"""

from __future__ import annotations

from .engine import absolute_date, anchored_duration, annotate_text, date_range, vague_reference
from .types import DocType, Precision, Reference, Timex, TimexType, build_reference

__all__ = [
    "DocType",
    "Precision",
    "Reference",
    "Timex",
    "TimexType",
    "annotate",
    "build_reference",
    "resolve_expression",
]


def annotate(text: str, reference: Reference) -> list[Timex]:
    """Every temporal expression in `text`, sorted by start and non-overlapping, resolved against `reference`."""
    return annotate_text(text, reference)


def resolve_expression(expression: str, reference: Reference, *, context: str | None = None) -> Timex | None:
    """Resolve one date expression an editor recorded, using its sentence for tense when given.

    With a `context` that contains the expression, the context is annotated and the timex that
    overlaps the expression is returned (offsets relative to the context); otherwise the expression
    is annotated alone. Never raises: odd input gives None.
    """
    try:
        if not isinstance(expression, str) or not expression.strip():
            return None
        if context and isinstance(context, str):
            at = context.find(expression)
            if at < 0:
                at = context.lower().find(expression.lower())
            if at >= 0:
                end = at + len(expression)
                hits = [t for t in annotate_text(context, reference) if t.start < end and at < t.end]
                if hits:
                    return (
                        date_range(context, hits)
                        or anchored_duration(context, hits, reference)
                        or max(hits, key=lambda t: min(t.end, end) - max(t.start, at))
                    )
        hits = annotate_text(expression, reference)
        if not hits:
            return vague_reference(expression) or absolute_date(expression)
        return (
            date_range(expression, hits)
            or anchored_duration(expression, hits, reference)
            or max(hits, key=lambda t: t.end - t.start)
        )
    except Exception:  # an editor's odd string must never break the caller; there is simply no date
        return None
