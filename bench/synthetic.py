"""Synthetic timelines for the benches: N events in a throw-away database, built with set-based SQL
(generate_series on PostgreSQL, a recursive CTE on SQLite).

Each event has 1-3 citations and 1-3 actors; there are N/2 statements (one in four about no event);
precisions are mixed (day, time of day, week, month, year); every tenth event's sources disagree
about its date; about 27 events a day, so that N events cover N/27 days, as a timeline grows by
adding news. bench/api.py serves them; bench/lists.py reads them in process.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
EVENTS_PER_DAY = 27
# Precisions by n % 20: mostly days, some times of day, weeks, months and years.
PRECISION_CASE = (
    "CASE WHEN {n} % 20 < 12 THEN 'day' WHEN {n} % 20 < 14 THEN 'time' WHEN {n} % 20 < 16 THEN 'week' "
    "WHEN {n} % 20 < 19 THEN 'month' ELSE 'year' END"
)
PUBLISHERS = ["CNN", "Reuters", "AP", "BBC", "The Guardian", "Le Monde", "NHK", "Al Jazeera", "DW", "NPR"]
CATEGORIES = ["diplomacy", "security", "economy", "politics", "health", "climate", "courts", "sport"]
LOREM = (
    "Officials said on Tuesday that the talks would resume next week, after a pause that began in early "
    "spring, according to people familiar with the matter who asked not to be named."
)


# --- Building the data ------------------------------------------------------------------------


@dataclass
class Dialect:
    """The few SQL spellings that differ between SQLite and PostgreSQL."""

    vendor: str

    def numbers(self, count: int) -> str:
        """A FROM clause giving n = 1..count."""
        if self.vendor == "postgresql":
            return f"generate_series(1::bigint, {count}::bigint) AS g(n)"
        return f"(WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < {count}) SELECT n FROM g) g"

    def day(self, offset: str) -> str:
        if self.vendor == "postgresql":
            return f"(DATE '1990-01-01' + ({offset})::int)"
        return f"date('1990-01-01', '+' || ({offset}) || ' days')"

    def month_start(self, d: str) -> str:
        return f"date_trunc('month', {d})::date" if self.vendor == "postgresql" else f"date({d}, 'start of month')"

    def month_end(self, d: str) -> str:
        if self.vendor == "postgresql":
            return f"(date_trunc('month', {d}) + interval '1 month - 1 day')::date"
        return f"date({d}, 'start of month', '+1 month', '-1 day')"

    def year_start(self, d: str) -> str:
        return f"date_trunc('year', {d})::date" if self.vendor == "postgresql" else f"date({d}, 'start of year')"

    def year_end(self, d: str) -> str:
        if self.vendor == "postgresql":
            return f"(date_trunc('year', {d}) + interval '1 year - 1 day')::date"
        return f"date({d}, 'start of year', '+1 year', '-1 day')"

    def text(self, value: str) -> str:
        return f"({value})::text" if self.vendor == "postgresql" else f"CAST({value} AS TEXT)"

    def year_month(self, d: str) -> str:
        return f"to_char({d}, 'YYYY-MM')" if self.vendor == "postgresql" else f"strftime('%Y-%m', {d})"

    def year(self, d: str) -> str:
        return f"to_char({d}, 'YYYY')" if self.vendor == "postgresql" else f"strftime('%Y', {d})"

    def pick(self, items: list[str], index: str) -> str:
        whens = " ".join(f"WHEN {i} THEN '{item}'" for i, item in enumerate(items))
        return f"(CASE ({index}) % {len(items)} {whens} END)"

    def now(self) -> str:
        return "now()" if self.vendor == "postgresql" else "datetime('now')"


def dated_columns(sql: Dialect, n: str, day_offset: str) -> dict[str, str]:
    """The date fields of a synthetic row: a precision by n, and the interval it covers."""
    d = sql.day(day_offset)
    precision = PRECISION_CASE.format(n=n)
    week_start = sql.day(f"({day_offset}) - ({day_offset}) % 7")
    week_end = sql.day(f"({day_offset}) - ({day_offset}) % 7 + 6")
    start = (
        f"CASE {precision} WHEN 'week' THEN {week_start} WHEN 'month' THEN {sql.month_start(d)} "
        f"WHEN 'year' THEN {sql.year_start(d)} ELSE {d} END"
    )
    end = (
        f"CASE {precision} WHEN 'week' THEN {week_end} WHEN 'month' THEN {sql.month_end(d)} "
        f"WHEN 'year' THEN {sql.year_end(d)} ELSE {d} END"
    )
    value = (
        f"CASE {precision} WHEN 'month' THEN {sql.year_month(d)} WHEN 'year' THEN {sql.year(d)} "
        f"WHEN 'week' THEN {sql.text(week_start)} || '/W' WHEN 'time' THEN {sql.text(d)} || 'TNI' "
        f"ELSE {sql.text(d)} END"
    )
    return {
        "date_text": "'on Tuesday'",
        "date_value": value,
        "date_type": "'DATE'",
        "date_start": start,
        "date_end": end,
        "date_precision": precision,
        "date_status": "'resolved'",
        "date_anchor": d,
        "date_rule": "'synthetic'",
        "date_explanation": "'A synthetic date for the benchmark.'",
    }


def insert(table: str, columns: dict[str, str], source: str) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(columns.values())} FROM {source}"


def build_statements(sql: Dialect, rows: int) -> list[str]:
    """Set-based INSERTs for `rows` events and what hangs off them."""
    sources = max(50, rows // 20)
    actors = max(100, rows // 50)
    statements = rows // 2
    event_day = f"((n * 7919) % {rows}) / {EVENTS_PER_DAY}"
    stmt = [
        insert(
            "timeline_source",
            {
                "slug": "'source-' || n",
                "headline": "'Headline of article ' || n",
                "publisher": sql.pick(PUBLISHERS, "n"),
                "url": "'https://news.example.com/' || n",
                "authors": "'[]'",
                "language": "'en'",
                "text": f"'{LOREM} ' || n",
                "checksum": "'checksum-' || n",
                "origin": "''",
                "notes": "''",
                "published_date": sql.day(f"n * {rows // EVENTS_PER_DAY + 1} / {sources}"),
                "published_time": "NULL",
                "timezone": "'UTC'",
                "created_at": sql.now(),
                "updated_at": sql.now(),
            },
            sql.numbers(sources),
        ),
        insert(
            "timeline_actor",
            {"name": "'Actor ' || n", "kind": "'person'", "aliases": "'[]'", "description": "''"},
            sql.numbers(actors),
        ),
        insert(
            "timeline_event",
            {
                "id": "n",
                "slug": "'event-' || n",
                "title": "'Event ' || n || ': embassy urges citizens to leave'",
                "description": f"'{LOREM}'",
                "location": "'Moscow'",
                "category": sql.pick(CATEGORIES, "n"),
                **dated_columns(sql, "n", event_day),
            },
            sql.numbers(rows),
        ),
    ]
    # 1-3 actors and 1-3 citations per event; k-th link of event n.
    for k in range(3):
        stmt.append(
            insert(
                "timeline_event_actors",
                {"event_id": "n", "actor_id": f"(n + {k * (actors // 3)}) % {actors} + 1"},
                f"{sql.numbers(rows)} WHERE n % 3 >= {k}",
            )
        )
        # Every tenth event's second citation is a day late: the sources disagree.
        shift = f"CASE WHEN n % 10 = 0 AND {k} = 1 THEN 1 ELSE 0 END"
        stmt.append(
            insert(
                "timeline_citation",
                {
                    "event_id": "n",
                    "source_id": f"(n * 13 + {k * (sources // 3)}) % {sources} + 1",
                    "sentence": f"'{LOREM}'",
                    "char_start": str(k * 10),
                    "char_end": str(k * 10 + 150),
                    **dated_columns(sql, "n", f"{event_day} + {shift}"),
                },
                f"{sql.numbers(rows)} WHERE (n * 7) % 3 >= {k}",
            )
        )
    stmt.append(
        insert(
            "timeline_statement",
            {
                "text": f"'{LOREM[:140]}'",
                "mode": "'reported'",
                "speaker_id": f"n % {actors} + 1",
                "source_id": f"n % {sources} + 1",
                "event_id": "CASE WHEN n % 4 = 0 THEN NULL ELSE n * 2 END",
                "char_start": "n",
                "char_end": "n + 140",
                **dated_columns(sql, "n * 2", f"((n * 2 * 7919) % {rows}) / {EVENTS_PER_DAY}"),
            },
            sql.numbers(statements),
        )
    )
    return stmt


@dataclass
class Target:
    """A throw-away database with `rows` events, and how to reach it."""

    rows: int
    vendor: str
    url: str
    sqlite_path: Path | None = None


def migrate(url: str) -> None:
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_DEBUG": "true"}
    subprocess.run([PYTHON, "manage.py", "migrate", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True)


def build(rows: int, vendor: str, workdir: Path) -> Target:
    started = time.perf_counter()
    if vendor == "sqlite":
        path = workdir / f"timeline_{rows}.sqlite3"
        url = f"sqlite:///{path}"
        migrate(url)
        connection = sqlite3.connect(path)
        with connection:
            for statement in build_statements(Dialect("sqlite"), rows):
                connection.execute(statement)
        connection.execute("ANALYZE")
        connection.close()
        target = Target(rows, vendor, url, path)
    else:
        import psycopg

        base = urllib.parse.urlsplit(os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
        name = f"h10_bench_{rows}"
        admin_url = base._replace(path="/postgres").geturl()
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name}")
            admin.execute(f"CREATE DATABASE {name}")
        url = base._replace(path=f"/{name}").geturl()
        migrate(url)
        with psycopg.connect(url) as connection:
            for statement in build_statements(Dialect("postgresql"), rows):
                connection.execute(statement)
            for table in ("event", "statement", "citation", "source", "actor"):
                connection.execute(
                    f"SELECT setval(pg_get_serial_sequence('timeline_{table}', 'id'), "
                    f"(SELECT coalesce(max(id), 1) FROM timeline_{table}))"
                )
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute("VACUUM ANALYZE")
        target = Target(rows, vendor, url)
    print(f"built {rows:,} events on {vendor} in {time.perf_counter() - started:.1f}s", flush=True)
    return target


def drop(target: Target) -> None:
    if target.vendor != "postgresql" and target.vendor != "postgres":
        return
    import psycopg

    base = urllib.parse.urlsplit(target.url)
    with psycopg.connect(base._replace(path="/postgres").geturl(), autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {base.path.lstrip('/')}")
