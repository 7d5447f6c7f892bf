"""The date engine: find temporal expressions in English text and resolve them to TIMEX3 values.

(Conventions documented below; filled in as the engine settles.)
"""

from __future__ import annotations

from .engine import annotate_text, vague_reference
from .types import DocType, Precision, Reference, Timex, TimexType

__all__ = ["DocType", "Precision", "Reference", "Timex", "TimexType", "annotate", "resolve_expression"]


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
                    return max(hits, key=lambda t: min(t.end, end) - max(t.start, at))
        hits = annotate_text(expression, reference)
        if not hits:
            return vague_reference(expression)
        return max(hits, key=lambda t: t.end - t.start)
    except Exception:  # an editor's odd string must never break the caller; there is simply no date
        return None
