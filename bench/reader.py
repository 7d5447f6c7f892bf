"""The article reader's speed: words/s and articles/s, alone and through the import, beside the regex
reader it replaced and spaCy's bare pipeline, with each worker's peak memory.

    .venv/bin/python bench/reader.py [--articles N] [--old-commit SHA] [--import-articles M]

The articles are TempEval-3's training newswire (../shared/data/te3-train, read at run time, never
stored here), cycled to N (default 256, all of them); without the corpus, the seed articles are
cycled instead. Each measurement runs in its own fresh interpreter, one after the other (never in
parallel), pinned to one thread (OMP/BLAS), so that its peak resident memory (getrusage) is that one
worker's, and the figures are per core. Printed per row: words/s and articles/s (wall clock), the
same in CPU time, "800w/s" (articles of 800 words per second, the issue's unit: words/s / 800) and
the peak RSS.

- spacy-bare:   `nlp.pipe` over the articles' paragraphs, the same pipeline the reader loads;
- reader:       `extraction.extract_many` (parse in batches, then the rules and the date engine);
- regex-reader: the reader as it was at --old-commit (default: the commit before the spaCy reader),
                taken from git into a temporary package and run the same way;
- import:       `article_import` of M texts (default 200) into a throw-away SQLite database, end to
                end: checks, source, reading, proposals, event matching, one transaction each.

Model loading is done before timing starts and reported apart. It only prints; nothing asserts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "te3-train"
OLD_COMMIT = "e6e6064"  # the last commit with the regex reader
ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def articles(n: int) -> list[tuple[str, dt.date]]:
    """n (text, publication day) pairs: te3-train when present, else the seeds, cycled."""
    sys.path.insert(0, str(ROOT))
    from timeline.temporal.timeml import iter_timeml

    found = []
    if DATA.is_dir():
        for sub in ("TimeBank", "AQUAINT"):
            found += [(d.text, d.dct) for d in iter_timeml(DATA / sub)]
    if not found:
        from timeline.extraction.seed_scores import load_sources

        found = [(text, ref.date) for _, text, ref in load_sources(ROOT / "seeds")]
    return [found[k % len(found)] for k in range(n)]


def _timed(fn) -> dict:
    wall, cpu = time.perf_counter(), time.process_time()
    count = fn()
    return {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu, **(count or {})}


def run_spacy(texts: list[tuple[str, dt.date]]) -> dict:
    from timeline.extraction import nlp

    pipeline = nlp._nlp()
    paragraphs = [p for text, _ in texts for p in text.split("\n") if p.strip()]
    list(pipeline.pipe(paragraphs[:20]))  # warm
    return _timed(lambda: {"parsed": sum(1 for _ in pipeline.pipe(paragraphs, batch_size=64))})


def run_reader(texts: list[tuple[str, dt.date]]) -> dict:
    from timeline.extraction import extract_many, nlp
    from timeline.temporal import build_reference

    nlp.parse("Warm up the pipeline, said the bench.")
    items = [(text, build_reference(day)) for text, day in texts]
    return _timed(lambda: {"proposals": sum(len(e.statements) + len(e.citations) for e in extract_many(items))})


def run_regex(texts: list[tuple[str, dt.date]], commit: str) -> dict:
    """The regex reader from git, as a package of its own beside the current date engine."""
    folder = Path(tempfile.mkdtemp(prefix="bench-old-reader-"))
    package = folder / "old_extraction"
    package.mkdir()
    listing = subprocess.run(
        ["git", "-C", str(ROOT), "ls-tree", "--name-only", commit, "timeline/extraction/"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    for path in listing:
        source = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{commit}:{path}"], check=True, capture_output=True, text=True
        ).stdout
        (package / Path(path).name).write_text(source, encoding="utf-8")
    sys.path.insert(0, str(folder))
    import old_extraction

    from timeline.temporal import build_reference

    items = [(text, build_reference(day)) for text, day in texts]
    return _timed(
        lambda: {
            "proposals": sum(
                len(e.statements) + len(e.citations) for e in (old_extraction.extract(t, r) for t, r in items)
            )
        }
    )


def run_import(texts: list[tuple[str, dt.date]]) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="bench-import-"))
    os.environ.update(DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}", DJANGO_SETTINGS_MODULE="config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from intake.services.articles import ArticleImportError, ArticleInput, article_import
    from timeline.extraction import nlp

    call_command("migrate", verbosity=0)
    nlp.parse("Warm up the pipeline, said the bench.")

    def go() -> dict:
        made = refused = 0
        for k, (text, day) in enumerate(texts):
            data = ArticleInput(
                content=f"{text}\n\n(bench copy {k})".encode(),
                filename=f"a{k}.txt",
                publisher="Bench",
                published=day.isoformat(),
                headline=f"Article {k}",
                slug=f"bench-{k}",
            )
            try:
                made += article_import(data=data).proposals
            except ArticleImportError:
                refused += 1
        return {"proposals": made, "refused": refused}

    return _timed(go)


MODES = {"spacy-bare": run_spacy, "reader": run_reader, "regex-reader": run_regex, "import": run_import}


def child(mode: str, n: int, commit: str) -> None:
    """One measurement in this fresh interpreter; prints one JSON line."""
    texts = articles(n)
    loaded = time.perf_counter()
    if mode != "regex-reader":
        from timeline.extraction import nlp

        nlp._nlp()
    load_seconds = time.perf_counter() - loaded
    result = run_regex(texts, commit) if mode == "regex-reader" else MODES[mode](texts)
    words = sum(len(text.split()) for text, _ in texts)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({**result, "words": words, "articles": len(texts), "load": load_seconds, "rss_kib": peak_kib}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=256)
    parser.add_argument("--import-articles", type=int, default=200)
    parser.add_argument("--old-commit", default=OLD_COMMIT)
    parser.add_argument("--child", choices=sorted(MODES), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.import_articles if args.child == "import" else args.articles, args.old_commit)
        return
    print(f"corpus: {'te3-train' if DATA.is_dir() else 'seeds (te3-train absent)'}; one thread per worker")
    header = f"{'':13} {'articles':>8} {'words':>7} {'words/s':>8} {'art/s':>6} {'cpu w/s':>8} {'800w/s':>6}"
    print(header + f" {'RSS MiB':>8} {'load s':>6}  proposals")
    for mode in MODES:
        out = subprocess.run(
            [sys.executable, __file__, "--child", mode, "--articles", str(args.articles), "--old-commit",
             args.old_commit, "--import-articles", str(args.import_articles)],
            capture_output=True, text=True, env={**os.environ, **ONE_THREAD}, cwd=ROOT,
        )  # fmt: skip
        if out.returncode != 0:
            print(f"{mode:13} failed: {out.stderr.strip().splitlines()[-1] if out.stderr.strip() else out.returncode}")
            continue
        r = json.loads(out.stdout.strip().splitlines()[-1])
        extra = r.get("proposals", r.get("parsed", ""))
        print(
            f"{mode:13} {r['articles']:8} {r['words']:7} {r['words'] / r['wall']:8.0f} "
            f"{r['articles'] / r['wall']:6.1f} {r['words'] / r['cpu']:8.0f} {r['words'] / r['wall'] / 800:6.2f} "
            f"{r['rss_kib'] / 1024:8.0f} {r['load']:6.1f}  {extra}"
        )


if __name__ == "__main__":
    main()
