"""The events and statements lists, timed in process (django.test.Client, no server, no network).

    .venv/bin/python bench/lists.py [--events N] [--requests R] [--page-size P]

It builds N events and N/2 statements in a throw-away SQLite file (bench/synthetic.py, as
bench/api.py does), then sends R requests to each URL, spread over the first pages,
and prints the median and mean milliseconds per request. Nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import synthetic

ROOT = Path(__file__).resolve().parent.parent


def configure(path: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ["DJANGO_DEBUG"] = "0"  # no query log, as in production
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only")
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
    os.environ["DJANGO_SECURE_SSL_REDIRECT"] = "0"
    os.environ["API_ANON_THROTTLE_RATE"] = "1000000/min"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=3000)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--page-size", type=int, default=100)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        configure(synthetic.build(args.events, "sqlite", Path(folder)).sqlite_path)
        from django.test import Client

        client = Client()
        size = args.page_size
        urls = [
            f"/api/v1/events?page_size={size}",
            f"/api/v1/events?page_size={size}&category=diplomacy",
            f"/api/v1/statements?page_size={size}",
        ]
        for url in urls:
            count = client.get(url).json()["count"]
            pages = max(1, min(10, -(-count // size)))  # the first pages, at most ten
            for page in range(1, pages + 1):  # warm up: the first request compiles and caches
                assert client.get(f"{url}&page={page}").status_code == 200
            times = []
            for i in range(args.requests):
                started = time.perf_counter()
                response = client.get(f"{url}&page={1 + i % pages}")
                times.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, response.content[:200]
            print(f"{url:60} median {statistics.median(times):7.2f} ms  mean {statistics.fmean(times):7.2f} ms")


if __name__ == "__main__":
    main()
