"""Bulk intake's speed: articles/s and peak memory importing N synthetic articles, and whether the time
per article grows with the number already stored; then two worker processes polling one feed.

    .venv/bin/python bench/intake.py [--articles N] [--feed-items M] [--database-url URL]

N synthetic news pages (tests/feeds.py: a headline, a date, four paragraphs with "X said" lines,
each different) are written to a temporary folder and imported with `import_articles`' service
(intake.services.bulk), end to end: checks, source, the real reader, proposals, event matching, one
transaction each (with --no-proposals, stored unread: the intake without the reader and the
matching). Printed: articles/s over each tenth of the run, the first and last tenth's time per
article and their ratio (the issue asks it to stay within 1.5x), and the peak resident memory.

With --feed-items M (0 to skip; default 0) a local server on 127.0.0.1 serves a feed of M items and
their pages; two processes each run one poll of it at the same moment (two ImportJobs, as two
`db_worker`s would take them), and the script prints how many items each imported, the sources
stored, and whether every item was imported exactly once.

A throw-away database: a temporary SQLite file, or --database-url (a PostgreSQL database that is
created as intake_bench and dropped at the end). Default N=100 (under a minute); N=1000 takes
several. Nothing asserts a timing.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup(database_url: str) -> None:
    os.environ.update(
        DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE="config.settings", IMPORT_ALLOW_PRIVATE_ADDRESSES="true"
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def import_articles(n: int, *, propose: bool) -> None:
    from intake.services.bulk import articles_import, items_from_paths
    from tests.feeds import article_page
    from timeline.extraction import nlp

    folder = Path(tempfile.mkdtemp(prefix="bench-intake-"))
    for k in range(n):
        (folder / f"a{k:05d}.html").write_text(article_page(k), encoding="utf-8")
    items = items_from_paths(paths=[str(folder)])
    loaded = time.perf_counter()
    nlp.parse("Warm up the pipeline, said the bench.")
    print(f"reader loaded in {time.perf_counter() - loaded:.1f} s", flush=True)

    tenth = max(1, n // 10)
    marks: list[float] = []
    started = time.perf_counter()

    def on_item(item, outcome: str, detail: str) -> None:
        if outcome == "failed":
            print(f"  failed {item.label}: {detail}")
        marks.append(time.perf_counter())

    outcome = articles_import(items=items, on_item=on_item, propose=propose)
    wall = time.perf_counter() - started
    per_tenth = []
    for k in range(0, n, tenth):
        chunk = marks[k : k + tenth]
        begin = marks[k - 1] if k else started
        per_tenth.append((chunk[-1] - begin) / len(chunk))
    print(f"imported {len(outcome.imported)} of {n} ({outcome.proposals} proposals) in {wall:.1f} s")
    print("articles/s by tenth:", " ".join(f"{1 / s:.1f}" for s in per_tenth))
    print(f"articles/s overall: {n / wall:.1f}")
    ratio = per_tenth[-1] / per_tenth[0]
    print(f"s/article: first tenth {per_tenth[0]:.3f}, last tenth {per_tenth[-1]:.3f}, ratio {ratio:.2f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.0f} MiB (reader model included)")


WORKER = """
import django, sys
django.setup()
from intake.services.job_runs import import_job_run
job = import_job_run(job_id=int(sys.argv[1]))
print(job.pk, job.status, job.total, job.done, len(job.failures))
"""


def poll_with_two_workers(m: int, database_url: str) -> None:
    from intake.models import Feed, FeedItem, ImportJob
    from tests.feeds import article_routes, feed_items, feed_route, rss
    from tests.pages import serve
    from timeline.models import Source

    before = Source.objects.count()
    routes = article_routes(range(100_000, 100_000 + m))
    with serve(routes) as base:
        routes["/feed"] = feed_route(rss(feed_items(base, range(100_000, 100_000 + m))))
        feed = Feed.objects.create(url=f"{base}/feed")
        jobs = [ImportJob.objects.create(feed=feed, url=feed.url) for _ in range(2)]
        env = {**os.environ, "FEED_MAX_ITEMS": str(m), "DATABASE_URL": database_url}
        started = time.perf_counter()
        workers = [
            subprocess.Popen(
                [sys.executable, "-c", WORKER, str(job.pk)], env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True
            )
            for job in jobs
        ]
        lines = [worker.communicate()[0].strip() for worker in workers]
        wall = time.perf_counter() - started
    print(f"two workers polled a feed of {m} items in {wall:.1f} s")
    for line in lines:
        print(f"  job status total done failures: {line}")
    items = FeedItem.objects.filter(feed=feed)
    stored = Source.objects.count() - before
    imported = items.filter(state="imported").count()
    once = items.count() == m == imported == stored
    print(f"items recorded {items.count()}, imported {imported}, new sources {stored}: exactly once = {once}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--feed-items", type=int, default=0)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--no-proposals", action="store_true", help="Store the articles unread: the intake alone.")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-intake-db-"))
    database_url = args.database_url or f"sqlite:///{folder / 'db.sqlite3'}"
    admin_url = ""
    if args.database_url:
        admin_url = database_url
        database_url = database_url.rsplit("/", 1)[0] + "/intake_bench"
        subprocess.run(["psql", admin_url, "-qc", "DROP DATABASE IF EXISTS intake_bench"], check=True)
        subprocess.run(["psql", admin_url, "-qc", "CREATE DATABASE intake_bench"], check=True)
    try:
        setup(database_url)
        if args.articles:
            import_articles(args.articles, propose=not args.no_proposals)
        if args.feed_items:
            poll_with_two_workers(args.feed_items, database_url)
    finally:
        if admin_url:
            from django.db import connections

            connections.close_all()
            subprocess.run(["psql", admin_url, "-qc", "DROP DATABASE IF EXISTS intake_bench"], check=True)


if __name__ == "__main__":
    main()
