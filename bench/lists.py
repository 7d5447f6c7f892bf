"""The events and statements lists, timed in process (django.test.Client, no server, no network).

    .venv/bin/python bench/lists.py [--events N] [--requests R] [--page-size P]

It builds N events (1-3 actors and 2-3 citations each, from a pool of N/4 sources, some of them
dated differently by their sources, one in ten undated) and N/2 statements (two in three about an
event) in a throw-away SQLite file, then sends R requests to each URL, spread over the first pages,
and prints the median and mean milliseconds per request. Nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

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


def build(events: int) -> None:
    from timeline.models import Actor, Citation, Event, Source, Statement

    day0 = dt.date(2022, 1, 1)
    actors = Actor.objects.bulk_create(Actor(name=f"Actor {i}", kind="person") for i in range(max(events // 10, 3)))
    sources = Source.objects.bulk_create(
        Source(
            slug=f"source-{i}",
            headline=f"Headline {i}",
            publisher=f"Publisher {i % 7}",
            url=f"https://news.example.com/{i}",
            text=f"Article {i}. The embassy said on Tuesday that citizens should leave.",
            checksum=f"{i:064x}",
            published_date=day0 + dt.timedelta(days=i % 400),
            published_time=dt.time(9, i % 60) if i % 3 else None,
            timezone="UTC",
        )
        for i in range(max(events // 4, 3))
    )

    def dates(day: dt.date | None, text: str = "") -> dict:
        if day is None:
            return {"date_text": text}
        return {
            "date_text": text,
            "date_value": day.isoformat(),
            "date_start": day,
            "date_end": day,
            "date_precision": "day",
            "date_status": "resolved",
            "date_anchor": day + dt.timedelta(days=1),
            "date_explanation": "the day before publication",
        }

    rows = Event.objects.bulk_create(
        Event(
            slug=f"event-{i}",
            title=f"Event {i}",
            description=f"What happened, number {i}.",
            location="Moscow",
            category=("diplomacy", "security", "economy")[i % 3],
            **dates(None if i % 10 == 9 else day0 + dt.timedelta(days=i // 8)),
        )
        for i in range(events)
    )
    links = Event.actors.through
    links.objects.bulk_create(
        links(event_id=event.pk, actor_id=actors[(event.pk * 7 + k) % len(actors)].pk)
        for event in rows
        for k in range(1 + event.pk % 3)
    )
    citations = []
    for event in rows:
        for k in range(2 + event.pk % 2):
            source = sources[(event.pk * 3 + k) % len(sources)]
            day = event.date_start and event.date_start + dt.timedelta(days=k * (event.pk % 4 == 0))
            citations.append(
                Citation(
                    event=event,
                    source=source,
                    sentence=source.text[:20],
                    char_start=k,
                    char_end=20,
                    **dates(day, "on Tuesday"),
                )
            )
    Citation.objects.bulk_create(citations)
    Statement.objects.bulk_create(
        Statement(
            text=f"We said something, number {i}.",
            mode="reported",
            speaker=actors[i % len(actors)],
            source=sources[i % len(sources)],
            event=rows[i] if i % 3 else None,
            char_start=i,
            char_end=i + 10,
            **dates(None if i % 10 == 9 else day0 + dt.timedelta(days=i // 4)),
        )
        for i in range(events // 2)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=3000)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--page-size", type=int, default=100)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        configure(Path(folder) / "bench.sqlite3")
        from django.core.management import call_command
        from django.test import Client

        call_command("migrate", verbosity=0)
        build(args.events)
        client = Client()
        size = args.page_size
        urls = [
            f"/api/v1/events?page_size={size}",
            f"/api/v1/events?page_size={size}&category=diplomacy",
            f"/api/v1/statements?page_size={size}",
        ]
        pages = max(1, min(10, args.events // 2 // size))
        for url in urls:
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
