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

Peak memory comes from a separate pass under tracemalloc (which slows Python down, so timings come
from an untraced pass), over the first paragraphs of the sample (about 100,000 characters), for
each library from its first call: lazily loaded data (dateparser's language tables, our lexicon
caches) counts. It only prints; nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a script from anywhere, without installing the project

from timeline.temporal.timeml import iter_timeml  # noqa: E402
from timeline.temporal.types import Reference  # noqa: E402

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


def peak_memory(run: Runner, chunks: Sequence[Chunk]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        for chunk in chunks:
            run(chunk)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10, metavar="N", help="copies of the seed articles (10)")
    parser.add_argument(
        "--dateparser-chars", type=int, default=1_000_000, metavar="C", help="most text given to dateparser (1e6)"
    )
    args = parser.parse_args(argv)
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

    # Memory first, from cold, so each library's lazy loading is inside its own peak.
    memory_ours = peak_memory(ours, memory_sample)
    memory_theirs = peak_memory(theirs, memory_sample)
    memory_chars = sum(len(c.text) for c in memory_sample)

    ours_all = time_run(ours, chunks)
    ours_sample = ours_all if whole else time_run(ours, sample)
    theirs_sample = time_run(theirs, sample)

    rows = [("ours", ours_all, memory_ours)]
    if not whole:
        rows.append(("ours, sample", ours_sample, memory_ours))
    rows.append(("dateparser" if whole else "dateparser, sample", theirs_sample, memory_theirs))
    print()
    print(f"{'':<20}{'characters':>12}{'seconds':>10}{'chars/s':>12}{'found':>8}{'peak MiB':>10}")
    for label, timing, memory in rows:
        print(
            f"{label:<20}{timing.chars:>12,}{timing.seconds:>10.2f}{timing.rate:>12,.0f}{timing.found:>8,}"
            f"{memory / 2**20:>10.1f}"
        )
    print()
    print(
        f"Speed on the same text: ours / dateparser = {ours_sample.rate / theirs_sample.rate:,.1f} "
        "(characters per second)."
    )
    print(f"Peak memory: tracemalloc peak over the first {memory_chars:,} characters, each library from cold.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
