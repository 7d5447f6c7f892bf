"""Turn the engine's `Timex` values into JSON-ready dicts and into inline TimeML.

Plain Python: nothing here may import Django. `timex_to_dict` is the wire shape of
`POST /api/v1/dates/annotate` and of `manage.py annotate_dates --format json`, so its keys are a
contract: add keys if needed, never rename or drop one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from timeline.temporal.types import Timex

TIMEX_KEYS = (
    "start",
    "end",
    "text",
    "type",
    "value",
    "start_date",
    "end_date",
    "precision",
    "rule",
    "mod",
    "explanation",
    "anchor",
)

# A carriage return written raw would come back as "\n" from any XML parser (line-end
# normalisation), shifting nothing but changing the text; as a character reference it survives.
_ENTITIES = {"\r": "&#13;"}


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d is not None else None


def timex_to_dict(t: Timex) -> dict[str, Any]:
    """One timex as plain JSON types: dates as ISO strings, enums as their values, absent as None."""
    return {
        "start": t.start,
        "end": t.end,
        "text": t.text,
        "type": str(t.type),
        "value": t.value,
        "start_date": _iso(t.start_date),
        "end_date": _iso(t.end_date),
        "precision": str(t.precision) if t.precision is not None else None,
        "rule": t.rule,
        "mod": t.mod,
        "explanation": t.explanation,
        "anchor": _iso(t.anchor),
    }


def to_timeml(text: str, timexes: Sequence[Timex]) -> str:
    """`text` with each timex wrapped in an inline `<TIMEX3>` tag, everything XML-escaped.

    Tags are numbered t1, t2, ... in text order. TIMEX3 tags cannot nest or cross, so a timex that
    overlaps one already written is left out rather than producing broken markup.
    """
    out: list[str] = []
    pos = 0
    tid = 0
    for t in sorted(timexes, key=lambda t: (t.start, -t.end)):
        if t.start < pos or t.end <= t.start or t.end > len(text):
            continue
        tid += 1
        attrs = f"tid={quoteattr(f't{tid}')} type={quoteattr(str(t.type))} value={quoteattr(t.value)}"
        if t.mod:
            attrs += f" mod={quoteattr(t.mod)}"
        out.append(escape(text[pos : t.start], _ENTITIES))
        out.append(f"<TIMEX3 {attrs}>{escape(text[t.start : t.end], _ENTITIES)}</TIMEX3>")
        pos = t.end
    out.append(escape(text[pos:], _ENTITIES))
    return "".join(out)
