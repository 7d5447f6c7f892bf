"""The last recorded scores of each corpus, so that `evaluate_dates` shows what a change did.

The corpora live outside the repository (../shared/data), so their figures are kept in a small JSON
file committed beside this module, `evaluation_baseline.json`, one entry per corpus: its folder
name, with " (narrative)" when it is read as narrative text. A commit that changes the engine also
records the figures it reaches (`manage.py evaluate_dates DIR --save-baseline`), so the file at any
commit holds that commit's figures, and a run on a working tree prints the change against the last
commit as "before -> after". It needs neither git nor the previous engine: it works the same on a
fresh clone and in CI, and the diff of the JSON file in a commit is its cost or gain.

Plain Python, like the rest of the engine.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from timeline.temporal.evaluation import Scores

BASELINE_PATH = Path(__file__).with_name("evaluation_baseline.json")

# The figures compared, in the order printed: percentages, except the counts.
_FIGURES: tuple[tuple[str, Callable[[Scores], float]], ...] = (
    ("documents", lambda s: s.documents),
    ("gold", lambda s: s.total.gold),
    ("system", lambda s: s.total.system),
    ("strict F1", lambda s: s.total.strict_prf[2]),
    ("relaxed P", lambda s: s.total.relaxed_prf[0]),
    ("relaxed R", lambda s: s.total.relaxed_prf[1]),
    ("relaxed F1", lambda s: s.total.relaxed_prf[2]),
    ("type accuracy", lambda s: s.total.type_accuracy),
    ("value P", lambda s: s.total.value_prf[0]),
    ("value R", lambda s: s.total.value_prf[1]),
    ("value F1", lambda s: s.total.value_prf[2]),
)
_COUNTS = frozenset({"documents", "gold", "system"})


def corpus_key(directory: str | Path, *, narrative: bool) -> str:
    """The name a corpus is recorded under: its folder's name, whatever path led to it."""
    name = Path(directory).resolve().name
    return f"{name} (narrative)" if narrative else name


def figures(scores: Scores) -> dict[str, float]:
    """The scores as recorded: counts as integers, the rest in percent to three decimals."""
    return {name: (int(get(scores)) if name in _COUNTS else round(100 * get(scores), 3)) for name, get in _FIGURES}


def load(path: Path = BASELINE_PATH) -> dict[str, dict[str, float]]:
    """Every recorded corpus; an empty record when the file is missing."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


def save(key: str, current: dict[str, float], path: Path = BASELINE_PATH) -> None:
    """Record one corpus's figures, keeping the others; sorted keys keep the file's diffs small."""
    recorded = load(path)
    recorded[key] = current
    path.write_text(json.dumps(recorded, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def compare(key: str, current: dict[str, float], recorded: dict[str, dict[str, float]]) -> list[str]:
    """Lines "value F1  81.710 -> 82.040  (+0.330)" for each figure; a note when none was recorded."""
    before = recorded.get(key)
    if before is None:
        return [f"No baseline recorded for {key}; --save-baseline records this run's figures."]
    lines = [f"Against the recorded baseline for {key} (before -> after):"]
    for name, _ in _FIGURES:
        old, new = before.get(name), current[name]
        if old is None:
            lines.append(f"  {name:<14} (not recorded) -> {_fmt(name, new)}")
            continue
        delta = new - old
        change = "unchanged" if abs(delta) < 1e-9 else f"{'+' if delta > 0 else '-'}{_fmt(name, abs(delta))}"
        lines.append(f"  {name:<14}{_fmt(name, old):>9} -> {_fmt(name, new):<9} ({change})")
    return lines


def drops(key: str, current: dict[str, float], recorded: dict[str, dict[str, float]]) -> list[str]:
    """The percentages that went down against the baseline (a change that costs somewhere)."""
    before = recorded.get(key) or {}
    return [
        name for name, _ in _FIGURES if name not in _COUNTS and name in before and current[name] < before[name] - 1e-9
    ]


def _fmt(name: str, value: float) -> str:
    return f"{int(value)}" if name in _COUNTS else f"{value:.3f}"
