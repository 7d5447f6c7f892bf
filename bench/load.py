"""Concurrent readers and writers against a two-process production server, on SQLite and PostgreSQL.

For each database: a fresh schema, one editor with a token, one long source; then gunicorn with two
worker processes on 127.0.0.1, and for --seconds: readers fetching the timeline, events and
statements anonymously while writers create statements (each dated "on Monday", resolved at once).
With --kill-worker N, one gunicorn worker is killed (SIGKILL) N times, evenly through the run, as a
crash or an out-of-memory kill would; gunicorn starts another. Afterwards every statement answered
201 is looked up again. Prints requests/s, errors (any answer that is not 2xx, no answer, or an answer
cut short) and lost rows (a 201 whose row is not there).

    python bench/load.py                                   # SQLite only
    python bench/load.py --postgres postgres://postgres@127.0.0.1:5432/timeline_load
    python bench/load.py --seconds 30 --kill-worker 4

The PostgreSQL database is emptied (migrate, then its rows deleted): give one you can spare.
Loopback only; bounded by --seconds.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import itertools
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINES = 5_000  # a long article (160 kB); writers stop early if they use every line
SETUP = """
from django.contrib.auth.models import Permission, User
from rest_framework.authtoken.models import Token
from timeline.models import Actor, Citation, Event, Source, Statement, text_checksum
Statement.objects.all().delete(); Citation.objects.all().delete(); Event.objects.all().delete()
Source.objects.all().delete(); Actor.objects.all().delete(); User.objects.filter(username="load").delete()
text = "".join(f"Line {i:06d} was said on Monday. " for i in range(%(lines)d))
source = Source.objects.create(slug="load", headline="Load", publisher="Bench", text=text,
    checksum=text_checksum(text), published_date="2022-09-28")
speaker = Actor.objects.create(name="Speaker", kind="person")
user = User.objects.create_user("load")
user.user_permissions.set(Permission.objects.filter(content_type__app_label="timeline"))
print("SETUP" + __import__("json").dumps({"token": Token.objects.create(user=user).key,
    "source": source.pk, "speaker": speaker.pk}))
"""
LINE_CHARS = len("Line 000000 was said on Monday. ")


def request(url: str, *, body: dict | None = None, token: str | None = None) -> tuple[int, dict | None]:
    headers = {"Accept": "application/json"}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = f"Token {token}"
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, headers=headers), timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, None
    except (OSError, http.client.HTTPException, ValueError):
        # No answer, or one cut short: a refused or reset connection, a body that ends early
        # (IncompleteRead when a worker dies mid-response), or JSON that does not parse.
        return 0, None


def server_env(database_url: str) -> dict[str, str]:
    """The production settings, on `database_url`, with the throttle out of the way."""
    workdir = Path(tempfile.mkdtemp(prefix="load-"))
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "load-bench-only",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_CACHE_DIR": str(workdir / "cache"),
        # Measure the server, not the limits (the throttles still count every call).
        "API_ANON_THROTTLE_RATE": "1000000/min",
        "API_USER_THROTTLE_RATE": "1000000/min",
        "REDIS_URL": "",
    }


def prepare(env: dict[str, str]) -> dict:
    """A fresh schema, one editor, one long source: the token and ids the writers use."""
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--no-input", "-v0"], cwd=ROOT, env=env, check=True)
    shell = [*manage, "shell", "-c", SETUP % {"lines": LINES}]
    out = subprocess.run(shell, cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout
    return json.loads(out[out.index("SETUP") + 5 :])


@contextlib.contextmanager
def served(name: str, env: dict[str, str], port: int) -> Iterator[tuple[str, subprocess.Popen]]:
    """gunicorn with two worker processes, once it answers; yields the API's base URL and the master."""
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        deadline = time.monotonic() + 30
        while request(f"{base}/ready")[0] != 404:
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"{name}: gunicorn did not start")
            time.sleep(0.2)
        yield base, server
    finally:
        server.terminate()
        server.wait(timeout=30)


class Load:
    """Readers and writers against one server until `stop`, counting what they get."""

    READ_PATHS = ("/timeline?page_size=50", "/events?page_size=50", "/statements?page_size=50")

    def __init__(self, base: str, setup: dict, *, seconds: float) -> None:
        self.base, self.setup = base, setup
        self.stop = time.monotonic() + seconds
        self.counts: Counter = Counter()
        self.created: list[int] = []
        self.lock = threading.Lock()
        self.lines = itertools.count()

    def reader(self, i: int) -> None:
        for n in itertools.count(i):
            if time.monotonic() >= self.stop:
                return
            status, _ = request(self.base + self.READ_PATHS[n % len(self.READ_PATHS)])
            with self.lock:
                self.counts["read"] += 1
                if not 200 <= status < 300:
                    self.counts["error"] += 1
                    self.counts[f"status {status}"] += 1

    def statement(self, line: int) -> dict:
        """A statement quoting one line of the source, dated "on Monday"."""
        start = line * LINE_CHARS
        return {
            "text": f"Line {line:06d} was said",
            "mode": "reported",
            "speaker_id": self.setup["speaker"],
            "source_id": self.setup["source"],
            "char_start": start,
            "char_end": start + len(f"Line {line:06d} was said"),
            "date": {"text": "on Monday"},
        }

    def writer(self) -> None:
        while time.monotonic() < self.stop:
            with self.lock:
                line = next(self.lines)
            if line >= LINES:
                return
            status, payload = request(f"{self.base}/statements", body=self.statement(line), token=self.setup["token"])
            with self.lock:
                self.counts["write"] += 1
                if status == 201:
                    self.created.append(payload["id"])
                else:
                    self.counts["error"] += 1
                    self.counts[f"status {status}"] += 1

    def killer(self, master: int, kills: int, seconds: float) -> None:
        """Kill one worker of `master` `kills` times, evenly through the run."""
        for _ in range(kills):
            time.sleep(seconds / (kills + 1))
            workers = worker_pids(master)
            if workers:
                os.kill(workers[0], signal.SIGKILL)
                with self.lock:
                    self.counts["kills"] += 1

    def run(self, *, readers: int, writers: int, master: int = 0, kills: int = 0) -> float:
        """Every reader and writer (and the worker killer) to the end; the seconds they took."""
        threads = [threading.Thread(target=self.reader, args=(i,)) for i in range(readers)]
        threads += [threading.Thread(target=self.writer) for _ in range(writers)]
        if kills:
            seconds = self.stop - time.monotonic()
            threads.append(threading.Thread(target=self.killer, args=(master, kills, seconds)))
        began = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return time.monotonic() - began

    def lost(self) -> int:
        """Statements answered 201 that are not there, or not dated as written."""
        lost = 0
        for pk in self.created:
            status, payload = request(f"{self.base}/statements/{pk}")
            lost += status != 200 or payload["date"]["value"] != "2022-09-26"
        return lost


def worker_pids(master: int) -> list[int]:
    """The gunicorn master's worker processes, read from /proc."""
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def run_one(
    name: str, database_url: str, *, seconds: float, readers: int, writers: int, port: int, kills: int = 0
) -> dict:
    env = server_env(database_url)
    setup = prepare(env)
    with served(name, env, port) as (base, server):
        load = Load(base, setup, seconds=seconds)
        elapsed = load.run(readers=readers, writers=writers, master=server.pid, kills=kills)
        lost = load.lost()
    counts = load.counts
    total = counts["read"] + counts["write"]
    return {
        "database": name,
        "seconds": round(elapsed, 1),
        "requests/s": round(total / elapsed, 1),
        "reads": counts["read"],
        "writes": counts["write"],
        "created": len(load.created),
        "errors": counts["error"],
        "lost rows": lost,
        "kills": counts["kills"],
        "failures": {k: v for k, v in counts.items() if k.startswith("status ")},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--readers", type=int, default=6)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8180)
    parser.add_argument("--postgres", metavar="URL", help="also run on this PostgreSQL database (emptied first)")
    parser.add_argument("--kill-worker", type=int, default=0, metavar="N", help="kill a worker N times during the run")
    args = parser.parse_args()

    runs = [("SQLite", f"sqlite:///{Path(tempfile.mkdtemp(prefix='load-')) / 'load.sqlite3'}")]
    if args.postgres:
        runs.append(("PostgreSQL", args.postgres))
    print(f"{args.readers} readers, {args.writers} writers, {args.seconds:g} s, gunicorn with 2 worker processes")
    print(f"{'database':<12}{'requests/s':>11}{'reads':>8}{'writes':>8}{'errors':>8}{'lost rows':>11}{'kills':>7}")
    for name, url in runs:
        result = run_one(
            name,
            url,
            seconds=args.seconds,
            readers=args.readers,
            writers=args.writers,
            port=args.port,
            kills=args.kill_worker,
        )
        failures = f"  {result['failures']}" if result["failures"] else ""
        print(
            f"{name:<12}{result['requests/s']:>11}{result['reads']:>8}{result['writes']:>8}"
            f"{result['errors']:>8}{result['lost rows']:>11}{result['kills']:>7}{failures}"
        )


if __name__ == "__main__":
    main()
