"""Throughput and peak memory of our date engine next to dateparser's search_dates, on the same text.

    .venv/bin/python bench/temporal.py [--repeat N] [--dateparser-chars C]

No Django needed. The body is the seed articles (seeds/, repeated N times, default 10) plus every
TEXT of the TempEval-3 training corpus when /work/shared/data is present, cut into paragraphs; each
paragraph is one call, against its own publication date. It prints, per library, characters per
second, the number of expressions found and the tracemalloc peak, then the speed ratio.

dateparser is timed on at most C characters (default 1,000,000) of the same paragraphs, taken
evenly across the body, so that a large --repeat still finishes in about two minutes on two cores
(warm, it reads roughly 100,000 characters a second). With the default body it sees all of it. When
it only sees a sample, our engine is timed on the whole body and on that sample, and the ratio
compares the sample. dateparser is called exactly as `search_dates(text, languages=["en"])`, the
way one would use it: no RELATIVE_BASE, so it does not resolve against the publication date as we do.

Peak memory comes from a separate run under tracemalloc (which slows Python down, so timings come
from an untraced pass) in a fresh interpreter per library, started before the library is imported
and run over the first paragraphs of the sample (about 100,000 characters): tables built at import
(ours) and language data loaded on first use (dateparser) both count. It only prints; nothing
here asserts a timing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline.temporal.types import Reference

# Project imports stay inside functions: importing timeline.temporal loads the engine and its
# tables, and the memory child must start tracemalloc before that happens.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a script from anywhere, without installing the project

SEEDS = ROOT / "seeds"
TE3 = Path("/work/shared/data/te3-train")
MEMORY_SAMPLE_CHARS = 100_000


@dataclass(frozen=True, slots=True)
class Chunk:
    text: str
    reference: Reference


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def build_body(repeat: int) -> tuple[list[Chunk], str]:
    """The paragraphs to annotate, and a line saying where they came from."""
    from timeline.temporal.timeml import iter_timeml
    from timeline.temporal.types import Reference

    manifest = json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))
    seeds: list[Chunk] = []
    for entry in manifest["sources"]:
        reference = Reference(
            date=dt.date.fromisoformat(entry["published_date"]),
            time=dt.time.fromisoformat(entry["published_time"]) if entry.get("published_time") else None,
            timezone=entry.get("timezone"),
        )
        text = (SEEDS / entry["file"]).read_text(encoding="utf-8")
        seeds += [Chunk(p, reference) for p in paragraphs(text)]
    chunks = seeds * repeat
    source = f"{len(manifest['sources'])} seed articles x {repeat}"
    if TE3.is_dir():
        docs = list(iter_timeml(TE3))
        chunks += [Chunk(p, doc.reference()) for doc in docs for p in paragraphs(doc.text)]
        source += f" + {len(docs)} te3-train TEXTs"
    else:
        source += f" ({TE3} absent, so no te3-train TEXTs)"
    return chunks, source


def spread_sample(chunks: Sequence[Chunk], chars: int) -> list[Chunk]:
    """About `chars` characters of paragraphs taken evenly across the body (the same ones every run)."""
    total = sum(len(c.text) for c in chunks)
    fraction = min(1.0, chars / total) if total else 1.0
    sample: list[Chunk] = []
    for i, chunk in enumerate(chunks):
        # Bresenham-style: take a paragraph whenever the running quota passes the next whole number.
        if int((i + 1) * fraction) > len(sample):
            sample.append(chunk)
    return sample


def head(chunks: Sequence[Chunk], chars: int) -> list[Chunk]:
    out: list[Chunk] = []
    size = 0
    for chunk in chunks:
        if size >= chars:
            break
        out.append(chunk)
        size += len(chunk.text)
    return out


Runner = Callable[[Chunk], int]  # annotates one chunk and returns how many expressions it found


@dataclass(frozen=True, slots=True)
class Timing:
    chars: int
    seconds: float
    found: int

    @property
    def rate(self) -> float:
        return self.chars / self.seconds if self.seconds else float("inf")


def time_run(run: Runner, chunks: Sequence[Chunk]) -> Timing:
    gc.collect()
    found = 0
    started = time.perf_counter()
    for chunk in chunks:
        found += run(chunk)
    return Timing(sum(len(c.text) for c in chunks), time.perf_counter() - started, found)


def _iso(t: dt.time | None) -> str | None:
    return t.isoformat() if t is not None else None


def peak_memory(library: str, chunks: Sequence[Chunk]) -> tuple[int, int]:
    """(peak, after import) traced bytes of `library` reading `chunks`, measured in a fresh interpreter.

    A fresh process, because in this one both libraries are already imported and warm, and the
    import (the engine's tables, dateparser's language data) is most of what each one holds.
    """
    payload = json.dumps(
        [[c.text, c.reference.date.isoformat(), _iso(c.reference.time), c.reference.timezone] for c in chunks]
    )
    result = subprocess.run(
        [sys.executable, __file__, "--memory-child", library],
        input=payload,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    figures = json.loads(result.stdout)
    return figures["peak"], figures["import"]


def memory_child(library: str) -> int:
    """Read chunks as JSON from stdin, then trace importing `library` and running it on them."""
    rows = json.loads(sys.stdin.read())  # read before tracing: the input text is not the library's
    gc.collect()
    tracemalloc.start()
    if library == "ours":
        from timeline.temporal import annotate
        from timeline.temporal.types import Reference

        after_import = tracemalloc.get_traced_memory()[0]
        for text, date, time_, timezone in rows:
            reference = Reference(
                date=dt.date.fromisoformat(date),
                time=dt.time.fromisoformat(time_) if time_ else None,
                timezone=timezone,
            )
            annotate(text, reference)
    else:
        from dateparser.search import search_dates

        after_import = tracemalloc.get_traced_memory()[0]
        for text, *_ in rows:
            search_dates(text, languages=["en"])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(json.dumps({"peak": peak, "import": after_import}))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10, metavar="N", help="copies of the seed articles (10)")
    parser.add_argument(
        "--dateparser-chars", type=int, default=1_000_000, metavar="C", help="most text given to dateparser (1e6)"
    )
    parser.add_argument("--memory-child", choices=["ours", "dateparser"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_child:
        return memory_child(args.memory_child)
    if args.repeat < 1 or args.dateparser_chars < 1:
        parser.error("--repeat and --dateparser-chars must be at least 1")

    try:
        from timeline.temporal import annotate
    except ImportError as exc:
        print(f"The date engine is not importable yet (timeline.temporal.annotate): {exc}", file=sys.stderr)
        return 1
    from dateparser.search import search_dates

    def ours(chunk: Chunk) -> int:
        return len(annotate(chunk.text, chunk.reference))

    def theirs(chunk: Chunk) -> int:
        return len(search_dates(chunk.text, languages=["en"]) or [])

    chunks, source = build_body(args.repeat)
    sample = spread_sample(chunks, args.dateparser_chars)
    memory_sample = head(sample, MEMORY_SAMPLE_CHARS)
    total_chars = sum(len(c.text) for c in chunks)
    print(f"Body: {source}: {len(chunks):,} paragraphs, {total_chars:,} characters.")
    whole = len(sample) == len(chunks)
    if whole:
        print("Both libraries read all of it, paragraph by paragraph.")
    else:
        print(
            f"dateparser reads a sample: {len(sample):,} of those paragraphs, "
            f"{sum(len(c.text) for c in sample):,} characters, spread evenly over the body."
        )

    memory_ours, import_ours = peak_memory("ours", memory_sample)
    memory_theirs, import_theirs = peak_memory("dateparser", memory_sample)
    memory_chars = sum(len(c.text) for c in memory_sample)

    ours_all = time_run(ours, chunks)
    ours_sample = ours_all if whole else time_run(ours, sample)
    theirs_sample = time_run(theirs, sample)

    rows = [("ours", ours_all, memory_ours, import_ours)]
    if not whole:
        rows.append(("ours, sample", ours_sample, memory_ours, import_ours))
    rows.append(("dateparser" if whole else "dateparser, sample", theirs_sample, memory_theirs, import_theirs))
    print()
    print(f"{'':<20}{'characters':>12}{'seconds':>10}{'chars/s':>12}{'found':>8}{'peak MiB':>10}{'import MiB':>12}")
    for label, timing, memory, imported in rows:
        print(
            f"{label:<20}{timing.chars:>12,}{timing.seconds:>10.2f}{timing.rate:>12,.0f}{timing.found:>8,}"
            f"{memory / 2**20:>10.1f}{imported / 2**20:>12.1f}"
        )
    print()
    print(
        f"Speed on the same text: ours / dateparser = {ours_sample.rate / theirs_sample.rate:,.1f} "
        "(characters per second)."
    )
    print(
        f"Memory: tracemalloc in a fresh interpreter per library, from before its import through the first "
        f"{memory_chars:,} characters; 'import MiB' is what the import alone left allocated."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
