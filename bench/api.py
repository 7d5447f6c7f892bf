"""The timeline API under load, next to Datasette serving the same rows from the same SQLite file.

    .venv/bin/python bench/api.py [--rows N] [--database sqlite|postgres] [--scale] [--scale-factor F]
                                  [--requests R] [--concurrency C] [--workers W] [--threads T]
                                  [--redis URL] [--page-size P]

It builds N synthetic events in a throw-away database (bench/synthetic.py: 1-3 citations and 1-3
actors each, N/2 statements, mixed precisions, about 27 events a day). It serves the timeline with gunicorn as `make
serve-prod` runs it (DEBUG off, W sync workers, 2 by default; --threads T gives each worker T
threads; the throttles count in the disk cache, or in Redis with --redis or $REDIS_URL; loopback
only, ports 8200-8299) and, on the same SQLite file in the same run, Datasette with one
canned query that returns the same page (events with their actors and citations joined to their
sources, statements with their speaker and source, merged by date, from a keyset position). One
client with C threads (a new connection per request, as gunicorn's sync workers close them)
sends both the same R requests, P rows each, from the same spread of positions through the data,
and the script prints rows/s, p50 and p99 for each, the rows served per CPU-second the server used
(its processes and threads, read from /proc: the cost of a row whatever the number of workers), and
as its last line ratio_vs_datasette=X (our rows/s over Datasette's).

With --scale it also builds F x N events (F = 10 by default) and times, at both sizes, the first
page, a page 80% deep by cursor, a one-week date range and each export (5,000 rows from half-way),
printing p50 and p99 for each and the big/small ratio of p99. On PostgreSQL the deep page's and the
date range's event queries are also shown with EXPLAIN: both index scans bounded on both sides.

Throw-away databases: a temporary SQLite file; on PostgreSQL databases named h10_bench_<rows>,
dropped at the end (DATABASE_URL's server, user and password; default postgres@127.0.0.1:5432).
Nothing here asserts a timing; figures vary with the machine, ratios hold better.
"""

from __future__ import annotations

import argparse
import base64
import concurrent.futures
import contextlib
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from http.client import HTTPConnection
from pathlib import Path

from synthetic import Target, build, drop

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent
HOST = "127.0.0.1"
PORTS = iter(range(8200, 8300))

# --- Servers ----------------------------------------------------------------------------------


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server on port {port} exited with {process.returncode}")
        with contextlib.suppress(OSError), socket.create_connection((HOST, port), timeout=0.2):
            return
        time.sleep(0.1)
    raise SystemExit(f"nothing listens on {HOST}:{port} after {timeout}s")


SERVERS: dict[int, int] = {}  # port -> the server's process id
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(port: int) -> float:
    """CPU time (user + system) used so far by the server on `port`: its process and every descendant
    alive (gunicorn's workers, Datasette's threads count within their process)."""
    total, pending = 0.0, [SERVERS[port]]
    while pending:
        pid = pending.pop()
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime
            for task in Path(f"/proc/{pid}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
    return total


@contextlib.contextmanager
def serve(command: list[str], port: int, env: dict | None = None, log: Path | None = None) -> Iterator[int]:
    out = open(log, "w") if log else subprocess.DEVNULL  # noqa: SIM115
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    SERVERS[port] = process.pid
    try:
        wait_for_port(port, process)
        yield port
    finally:
        SERVERS.pop(port, None)
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if log:
            out.close()


def gunicorn(
    target: Target, workers: int, threads: int, workdir: Path, redis_url: str = ""
) -> contextlib.AbstractContextManager[int]:
    port = next(PORTS)
    env = {
        **os.environ,
        "DATABASE_URL": target.url,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "bench-only-" + os.urandom(8).hex(),
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_CONN_MAX_AGE": "60",  # kept connections, as make serve-prod keeps them (Datasette keeps its own)
        "API_ANON_THROTTLE_RATE": "100000000/min",
    }
    if redis_url:
        env["REDIS_URL"] = redis_url  # the throttles' shared cache; without it, a disk cache in a temporary folder
    else:
        env["REDIS_URL"] = ""
        env["DJANGO_CACHE_DIR"] = str(workdir / "cache")
    # As `make serve-prod` runs it: sync workers, one request at a time each; --threads above 1 gives
    # each worker that many threads (gthread), as Datasette answers from one process with a thread pool.
    command = [str(BIN / "gunicorn"), "config.wsgi", "--bind", f"{HOST}:{port}", "--workers", str(workers)]
    if threads > 1:
        command += ["--worker-class", "gthread", "--threads", str(threads)]
    command += ["--log-level", "warning"]
    return serve(command, port, env, workdir / f"gunicorn-{port}.log")


def canned_query(limit: int) -> str:
    """Datasette's page: what our timeline entry carries, from a keyset position (:d, :r, :i)."""
    source = (
        "json_object('id', s.id, 'slug', s.slug, 'headline', s.headline, 'publisher', s.publisher, 'url', s.url, "
        "'publication', json_object('date', s.published_date, 'time', s.published_time, 'timezone', s.timezone))"
    )
    date = (
        "json_object('text', {t}.date_text, 'value', {t}.date_value, 'start', {t}.date_start, 'end', {t}.date_end, "
        "'precision', {t}.date_precision, 'status', {t}.date_status, 'anchor', {t}.date_anchor, "
        "'explanation', {t}.date_explanation)"
    )
    events = f"""SELECT * FROM (SELECT 'event' AS kind, e.id, e.title, e.description AS text,
        {date.format(t="e")} AS date, e.category,
        (SELECT json_group_array(json_object('id', a.id, 'name', a.name, 'kind', a.kind))
           FROM timeline_event_actors ea JOIN timeline_actor a ON a.id = ea.actor_id
           WHERE ea.event_id = e.id) AS actors,
        (SELECT json_group_array(json_object('id', c.id, 'source', {source}, 'sentence', c.sentence,
                'char_start', c.char_start, 'char_end', c.char_end, 'date', {date.format(t="c")}))
           FROM timeline_citation c JOIN timeline_source s ON s.id = c.source_id WHERE c.event_id = e.id) AS citations,
        e.id AS event_id, e.date_start, e.date_precision_rank
      FROM timeline_event e
      WHERE e.date_start IS NOT NULL AND (e.date_start, e.date_precision_rank, e.id) > (:d, :r, :i)
      ORDER BY e.date_start, e.date_precision_rank, e.id LIMIT {limit})"""
    statements = f"""SELECT * FROM (SELECT 'statement' AS kind, st.id, a.name || ': ' || st.text AS title,
        st.text, {date.format(t="st")} AS date, coalesce(ev.category, '') AS category,
        json_array(json_object('id', a.id, 'name', a.name, 'kind', a.kind)) AS actors,
        json_array({source}) AS citations, st.event_id, st.date_start, st.date_precision_rank
      FROM timeline_statement st JOIN timeline_actor a ON a.id = st.speaker_id
        JOIN timeline_source s ON s.id = st.source_id LEFT JOIN timeline_event ev ON ev.id = st.event_id
      WHERE st.date_start IS NOT NULL AND (st.date_start, st.date_precision_rank, st.id) > (:d, :r, :i)
      ORDER BY st.date_start, st.date_precision_rank, st.id LIMIT {limit})"""
    return f"{events} UNION ALL {statements} ORDER BY date_start, date_precision_rank, kind, id LIMIT {limit}"


def datasette(target: Target, limit: int, workdir: Path) -> contextlib.AbstractContextManager[int]:
    port = next(PORTS)
    metadata = workdir / "datasette.json"
    database = target.sqlite_path.stem
    metadata.write_text(json.dumps({"databases": {database: {"queries": {"timeline": canned_query(limit)}}}}))
    command = [str(BIN / "datasette"), "serve", "--immutable", str(target.sqlite_path), "--host", HOST]
    command += ["--port", str(port), "--metadata", str(metadata), "--setting", "sql_time_limit_ms", "20000"]
    return serve(command, port, None, workdir / f"datasette-{port}.log")


# --- The client -------------------------------------------------------------------------------


def get(port: int, path: str) -> tuple[int, bytes]:
    connection = HTTPConnection(HOST, port, timeout=120)
    try:
        connection.request("GET", path, headers={"Host": HOST})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@dataclass
class Figures:
    requests: int
    rows: int
    seconds: float
    latencies: list[float]

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] * 1000


def load(port: int, paths: list[str], rows_of: dict[str, int], requests: int, concurrency: int) -> Figures:
    """`requests` GETs spread over `paths`, `concurrency` at a time; every response must be a 200."""

    def one(index: int) -> float:
        path = paths[index % len(paths)]
        started = time.perf_counter()
        status, body = get(port, path)
        elapsed = time.perf_counter() - started
        if status != 200:
            raise SystemExit(f"GET {path} -> {status}: {body[:300]!r}")
        return elapsed

    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
        latencies = list(pool.map(one, range(requests)))
    seconds = time.perf_counter() - started
    rows = sum(rows_of[paths[i % len(paths)]] for i in range(requests))
    return Figures(requests, rows, seconds, latencies)


def cursor(direction: str, key: tuple) -> str:
    raw = "|".join([direction, key[0], *(str(part) for part in key[1:])])
    return base64.urlsafe_b64encode(raw.encode()).decode()


def positions(target: Target, count: int) -> list[tuple]:
    """`count` event sort keys spread evenly through the timeline (date, rank, kind rank 0, id)."""
    query = (
        "SELECT date_start, date_precision_rank, id FROM timeline_event WHERE date_start IS NOT NULL "
        "ORDER BY date_start, date_precision_rank, id LIMIT 1 OFFSET %s"
    )
    keys = []
    total = target.rows
    for i in range(count):
        offset = total * i // (count + 1)
        for row in fetch(target, query, (offset,)):
            keys.append((str(row[0]), row[1], 0, row[2]))
    return keys


def fetch(target: Target, query: str, params: tuple = ()) -> list[tuple]:
    if target.sqlite_path:
        connection = sqlite3.connect(target.sqlite_path)
        try:
            return connection.execute(query.replace("%s", "?"), params).fetchall()
        finally:
            connection.close()
    import psycopg

    with psycopg.connect(target.url) as connection:
        return connection.execute(query, params).fetchall()


def count_rows(port: int, path: str) -> int:
    status, body = get(port, path)
    if status != 200:
        raise SystemExit(f"GET {path} -> {status}: {body[:300]!r}")
    document = json.loads(body)
    return len(document["results"] if isinstance(document, dict) else document)


def compare(target: Target, args: argparse.Namespace, workdir: Path) -> float:
    """Our timeline and Datasette's canned query, the same positions, the same client."""
    keys = positions(target, 20)
    ours = [f"/api/v1/timeline?page_size={args.page_size}&cursor={cursor('a', key)}" for key in keys]
    theirs = [
        f"/{target.sqlite_path.stem}/timeline.json?_shape=array&_json=date&_json=actors&_json=citations&"
        + urllib.parse.urlencode({"d": key[0], "r": key[1], "i": key[3]})
        for key in keys
    ]
    results = {}
    for name, paths, server in (
        ("timeline API (gunicorn)", ours, gunicorn(target, args.workers, args.threads, workdir, args.redis)),
        ("Datasette", theirs, datasette(target, args.page_size, workdir)),
    ):
        with server as port:
            rows_of = {path: count_rows(port, path) for path in paths}  # and warms both up
            used = cpu_seconds(port)
            figures = load(port, paths, rows_of, args.requests, args.concurrency)
            used = cpu_seconds(port) - used
        results[name] = figures
        print(
            f"{name:<24} {figures.rows_per_second:>9,.0f} rows/s   p50 {figures.percentile(50):6.1f} ms   "
            f"p99 {figures.percentile(99):6.1f} ms   {figures.rows / used:>7,.0f} rows per server CPU-second   "
            f"({figures.requests} requests, {figures.rows:,} rows)",
            flush=True,
        )
    ours_figures, theirs_figures = results.values()
    return ours_figures.rows_per_second / theirs_figures.rows_per_second


# --- Scale ------------------------------------------------------------------------------------

SCALE_CASES = ("first page", "deep cursor page", "date range", "export csv", "export ics", "export timelinejs")


def scale_paths(target: Target, page_size: int) -> dict[str, str]:
    deep = positions_at(target, 0.8)
    middle = positions_at(target, 0.5)
    start = middle[0]
    end = fetch_day_after(start, 6)
    deep_cursor = cursor("a", deep)
    # Exports start half-way, so that the 5,000 rows of one export are there at either size.
    middle_cursor = cursor("a", middle)
    return {
        "first page": f"/api/v1/timeline?page_size={page_size}",
        "deep cursor page": f"/api/v1/timeline?page_size={page_size}&cursor={deep_cursor}",
        "date range": f"/api/v1/timeline?page_size={page_size}&start={start}&end={end}",
        "export csv": f"/api/v1/timeline?format=csv&cursor={middle_cursor}",
        "export ics": f"/api/v1/timeline?format=ics&cursor={middle_cursor}",
        "export timelinejs": f"/api/v1/timeline?format=timelinejs&cursor={middle_cursor}",
    }


def positions_at(target: Target, fraction: float) -> tuple:
    query = (
        "SELECT date_start, date_precision_rank, id FROM timeline_event WHERE date_start IS NOT NULL "
        "ORDER BY date_start, date_precision_rank, id LIMIT 1 OFFSET %s"
    )
    (row,) = fetch(target, query, (int(target.rows * fraction),))
    return (str(row[0]), row[1], 0, row[2])


def fetch_day_after(day: str, days: int) -> str:
    import datetime as dt

    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()


def time_cases(target: Target, args: argparse.Namespace, workdir: Path) -> dict[str, Figures]:
    paths = scale_paths(target, args.page_size)
    figures = {}
    with gunicorn(target, args.workers, args.threads, workdir, args.redis) as port:
        for case, path in paths.items():
            get(port, path)  # warm
            repeats = max(10, args.requests // 10) if case.startswith("export") else args.requests // 2
            figures[case] = load(port, [path], {path: 0}, repeats, 1)
    if target.vendor != "sqlite":
        explain(target, paths)
    return figures


def explain(target: Target, paths: dict[str, str]) -> None:
    """EXPLAIN of the first statement the API runs for the deep page (both kinds merged) and for the date
    range (its events), captured from a request as the API sends them."""
    env = {
        **os.environ,
        "DATABASE_URL": target.url,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "bench-only-" + os.urandom(8).hex(),
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "API_ANON_THROTTLE_RATE": "100000000/min",
    }
    script = (
        "import sys, json\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        "for path in json.loads(sys.argv[1]):\n"
        "    with CaptureQueriesContext(connection) as queries:\n"
        "        assert Client().get(path).status_code == 200\n"
        "    with connection.cursor() as cursor:\n"
        "        cursor.execute('EXPLAIN ' + queries[0]['sql'])\n"
        "        print(path); print('\\n'.join(row[0] for row in cursor.fetchall()))\n"
    )
    chosen = [paths["deep cursor page"], paths["date range"]]
    subprocess.run(
        [PYTHON, "-c", "import django; django.setup(); exec(open(0).read())", json.dumps(chosen)],
        input=script,
        text=True,
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
        check=True,
    )


def scale(args: argparse.Namespace, workdir: Path, small: Target) -> None:
    big = build(args.rows * args.scale_factor, args.database, workdir)
    try:
        timed = {small.rows: time_cases(small, args, workdir), big.rows: time_cases(big, args, workdir)}
    finally:
        drop(big)
    print(f"\n{'case':<20} {'p50/p99 at ' + format(small.rows, ','):>24} {'p50/p99 at ' + format(big.rows, ','):>26}")
    for case in SCALE_CASES:
        a, b = timed[small.rows][case], timed[big.rows][case]
        print(
            f"{case:<20} {a.percentile(50):9.1f} /{a.percentile(99):7.1f} ms {b.percentile(50):10.1f} /"
            f"{b.percentile(99):7.1f} ms   p99 big/small {b.percentile(99) / a.percentile(99):5.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000, help="events to build (default 10,000)")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--scale", action="store_true", help="also time the cases at rows and rows x factor")
    parser.add_argument("--scale-factor", type=int, default=10, help="the big size is rows x this (default 10)")
    parser.add_argument("--requests", type=int, default=300, help="requests per server (default 300)")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads, the same for both (default 4)")
    parser.add_argument(
        "--workers", type=int, default=2, help="gunicorn worker processes (default 2, as `make serve-prod` runs it)"
    )
    parser.add_argument("--threads", type=int, default=1, help="threads per worker (default 1: sync workers)")
    parser.add_argument(
        "--redis",
        default=os.environ.get("REDIS_URL", ""),
        help="REDIS_URL for the server's throttle cache (default $REDIS_URL; empty: the disk cache)",
    )
    parser.add_argument("--page-size", type=int, default=100, help="rows per response (default 100)")
    args = parser.parse_args()
    if not (BIN / "gunicorn").exists() or not (BIN / "datasette").exists():
        raise SystemExit("gunicorn and datasette are needed: make bench installs them (requirements-bench.txt)")

    workdir = Path(tempfile.mkdtemp(prefix="bench-api-"))
    targets: list[Target] = []
    try:
        sqlite_target = build(args.rows, "sqlite", workdir)
        targets.append(sqlite_target)
        main_target = sqlite_target
        if args.database == "postgres":
            main_target = build(args.rows, "postgresql", workdir)
            targets.append(main_target)
        print(
            f"\n{args.rows:,} events, {args.page_size} rows per response, {args.requests} requests per server, "
            f"concurrency {args.concurrency}, gunicorn --workers {args.workers} --threads {args.threads} "
            f"(throttle cache: {'Redis' if args.redis else 'disk'}), "
            f"Datasette --immutable "
            f"(both on the SQLite file)"
        )
        ratio = compare(sqlite_target, args, workdir)
        if args.scale:
            print(f"\nscale on {main_target.vendor}: {args.rows:,} and {args.rows * args.scale_factor:,} events")
            scale(args, workdir, main_target)
        print(f"ratio_vs_datasette={ratio:.2f}")
    finally:
        for target in targets:
            drop(target)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
