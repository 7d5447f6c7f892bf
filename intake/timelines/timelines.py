"""The task's timeline files: `ORDER<TAB>DATE<TAB>MENTION[<TAB>MENTION...]` under the entity's name.

ORDER 0 holds the events that cannot be placed; lines with one ORDER are simultaneous; the mentions
of one line are one event. DATE is YYYY-MM-DD with XX for the parts not known; the gold files also
write "2006-01" and "1976", which `normal_date` reads as the same as "2006-01-XX" and "1976-XX-XX".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

UNKNOWN_DATE = "XXXX-XX-XX"


class TimelineError(ValueError):
    """A timeline file not in the task's format; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class Line:
    order: int
    date: str
    mentions: tuple[str, ...]


@dataclass
class Timeline:
    entity: str
    lines: list[Line] = field(default_factory=list)


def normal_date(date: str) -> str:
    """The known part of a date, for comparing: "2006-01-XX" and "2006-01" give "2006-01", "XXXX-XX-XX" gives ""."""
    parts = []
    for part in date.strip().split("-"):
        if not part or "X" in part.upper():
            break
        parts.append(part)
    return "-".join(parts)


def task_date(known: str) -> str:
    """A known part ("2006-01") written as the task writes dates ("2006-01-XX")."""
    if not known:
        return UNKNOWN_DATE
    parts = known.split("-")
    return "-".join(parts + ["XXXX", "XX", "XX"][len(parts) :])


def read_timeline(path: Path) -> Timeline:
    rows = path.read_text(encoding="utf-8").splitlines()
    if not rows or not rows[0].strip():
        raise TimelineError(f"{path}: the first line should be the entity's name")
    timeline = Timeline(entity=rows[0].strip())
    for number, row in enumerate(rows[1:], start=2):
        if not row.strip():
            continue
        cells = row.rstrip("\n").split("\t")
        if len(cells) < 3 or not cells[0].strip().isdigit():
            raise TimelineError(f"{path}:{number}: expected ORDER<TAB>DATE<TAB>MENTION..., got {row!r}")
        mentions = tuple(c.strip() for c in cells[2:] if c.strip())
        timeline.lines.append(Line(order=int(cells[0]), date=cells[1].strip(), mentions=mentions))
    return timeline


def write_timeline(path: Path, timeline: Timeline) -> None:
    rows = [timeline.entity]
    for line in sorted(timeline.lines, key=lambda line: line.order):
        rows.append("\t".join([str(line.order), line.date, *line.mentions]))
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
