"""`resolve_dates` on a large timeline: rows per second and peak memory.

    .venv/bin/python bench/resolve_dates.py [--citations N] [--database sqlite|postgres] [--batch-size B]

Builds N/2 synthetic events with about N citations and N/4 statements (bench/api.py's set-based
builder), marks every date unresolved with a written expression ("on Tuesday", "last December",
...), then runs the service behind `manage.py resolve_dates` once and prints the rows read per
second and how much the process's peak resident memory grew during the run (getrusage; tracing
allocations would slow the run down). Memory should stay flat as N grows: rows are read in batches.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import api  # noqa: E402

EXPRESSIONS = ["on Tuesday", "last December", "earlier this month", "September 27", "the week before", "in 2021"]
UNRESOLVE = (
    "UPDATE {table} SET date_status = 'unresolved', date_value = '', date_type = '', date_start = NULL, "
    "date_end = NULL, date_precision = '', date_anchor = NULL, date_rule = '', date_explanation = '', "
    "date_text = CASE id % 6 {cases} END"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--citations", type=int, default=100_000, help="about this many citations (default 100,000)")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--batch-size", type=int, default=500)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="bench-resolve-"))
    target = api.build(args.citations // 2, "sqlite" if args.database == "sqlite" else "postgresql", workdir)
    try:
        os.environ.update(DATABASE_URL=target.url, DJANGO_SETTINGS_MODULE="config.settings")
        import django

        django.setup()
        from django.db import connection

        from timeline.services.dating import dates_resolve

        cases = " ".join(f"WHEN {i} THEN '{text}'" for i, text in enumerate(EXPRESSIONS))
        with connection.cursor() as cursor:
            for table in ("timeline_citation", "timeline_statement", "timeline_event"):
                cursor.execute(UNRESOLVE.format(table=table, cases=cases))

        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        report = dates_resolve(batch_size=args.batch_size)
        seconds = time.perf_counter() - started
        seen = report.citations.seen + report.statements.seen + report.events.seen
        print(f"citations: {report.citations.summary()}")
        print(f"statements: {report.statements.summary()}")
        print(f"events: {report.events.summary()}")
        print(f"resolve_dates: {seen:,} rows in {seconds:.1f}s, {seen / seconds:,.0f} rows/s")

        grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before  # KiB on Linux
        print(f"peak resident memory grew by {grown / 1024:.1f} MiB during the run")
    finally:
        api.drop(target)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
