"""Throttles: token attempts limited per username and per address; the anonymous rate shared by
every server process."""

import concurrent.futures
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core import signals
from django.core.cache import cache, caches
from django.test import RequestFactory
from rest_framework.request import Request

from api.throttles import AnonRateThrottle

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def attempt(client, username: str, address: str = "10.0.0.1"):
    return client.post(
        "/api/v1/auth/token", {"username": username, "password": "wrong"}, format="json", REMOTE_ADDR=address
    )


def test_after_20_wrong_passwords_from_one_address_the_username_gets_a_429_there_with_retry_after(client, user):
    for _ in range(20):
        assert attempt(client, "reader").status_code == 400
    refused = attempt(client, "reader")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "detail" in refused.json()
    # Another username from another address is not held back.
    assert attempt(client, "someone-else", address="10.0.0.2").status_code == 400


def test_someone_guessing_elsewhere_never_locks_the_real_user_out(client, user):
    for _ in range(25):
        attempt(client, "reader", address="10.6.6.6")
    assert attempt(client, "reader", address="10.6.6.6").status_code == 429

    response = client.post(
        "/api/v1/auth/token", {"username": "reader", "password": "reader-password-1"}, REMOTE_ADDR="10.0.0.7"
    )
    assert response.status_code == 200 and response.json()["token"]


def test_one_address_trying_many_usernames_is_limited_too(client, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "login_address": "5/hour"},
    }
    from rest_framework.throttling import SimpleRateThrottle

    SimpleRateThrottle.THROTTLE_RATES = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    try:
        assert [attempt(client, f"user{i}").status_code for i in range(6)] == [400] * 5 + [429]
    finally:
        SimpleRateThrottle.THROTTLE_RATES = django_settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]


def free_port() -> int:
    for port in range(8150, 8199):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    pytest.skip("no free port in 8150-8198")


def test_the_anonymous_rate_holds_across_two_server_processes(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",  # annotate reads no table
        "DJANGO_CACHE_DIR": str(tmp_path / "cache"),
        "API_ANON_THROTTLE_RATE": "6/min",
        "REDIS_URL": "",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    gunicorn = [sys.executable, "-m", "gunicorn", "config.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}"]
    try:
        server = subprocess.Popen(gunicorn, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    except OSError as exc:
        pytest.skip(f"gunicorn cannot start: {exc}")
    try:
        url = f"http://127.0.0.1:{port}/api/v1/dates/annotate"
        body = b'{"text": "on Tuesday", "reference_date": "2022-09-28"}'
        deadline = time.monotonic() + 30
        while True:
            try:  # an unknown path: a JSON 404 from outside DRF, which no throttle counts
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/ready", timeout=5).close()
            except urllib.error.HTTPError:
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.skip(f"gunicorn did not start: {server.stderr.read().decode()[-300:]}")
                time.sleep(0.3)
        statuses = []
        for _ in range(16):
            request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    statuses.append(response.status)
            except urllib.error.HTTPError as error:
                statuses.append(error.code)
        # 6 a minute in all, whichever of the two processes answers.
        assert statuses.count(200) == 6 and statuses.count(429) == 10, statuses
    finally:
        server.terminate()
        server.wait(timeout=20)


# --- The window counters ----------------------------------------------------------------------


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def anon_throttle(rate: str, clock: Clock, store=None, address: str = "10.1.2.3"):
    """A call from `address` under the anonymous rate, at `clock`'s time, counted in `store` (the
    default cache when None): the throttle when refused, else True."""

    class Throttle(AnonRateThrottle):
        THROTTLE_RATES = {"anon": rate}
        timer = clock
        if store is not None:
            cache = store

    request = Request(RequestFactory().get("/api/v1/events", REMOTE_ADDR=address))
    return lambda: (throttle := Throttle()).allow_request(request, None) or throttle


def from_threads(attempt, calls: int) -> list:
    """`calls` attempts from eight threads at once, as several server processes would make them."""
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        return list(pool.map(lambda _: attempt(), range(calls)))


def test_the_window_counter_holds_the_rate_across_a_window_edge():
    clock = Clock(600 * 60 + 50)  # 50 s into a one-minute window
    attempt = anon_throttle("10/min", clock)
    assert all(attempt() is True for _ in range(10))
    refused = attempt()
    assert refused is not True and 0 < refused.wait() <= 120
    clock.now += 15  # 5 s into the next window: 10 x 55/60 = 9.2 of the last one still counts
    assert [attempt() is True for _ in range(2)] == [True, False]
    clock.now += 30  # 35 s in: 10 x 25/60 + 1 = 5.2, room for 5 more
    assert [attempt() is True for _ in range(6)] == [True] * 5 + [False]
    clock.now += 120  # two windows on: nothing counts
    assert all(attempt() is True for _ in range(10))


def test_a_client_costs_two_small_counters_whatever_the_rate():
    clock = Clock(1_000_000.0)
    attempt = anon_throttle("100000/min", clock)
    for _ in range(500):
        assert attempt() is True
    window = int(clock.now // 60)
    assert cache.get(f"throttle_anon_10.1.2.3:{window}") == 500  # one integer, not 500 timestamps


def test_on_redis_the_count_is_one_atomic_increment_per_call(settings):
    redis = pytest.importorskip("redis")
    url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/13"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError:
        pytest.skip(f"no Redis at {url}")
    settings.CACHES = {
        **settings.CACHES,
        "throttles": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url},
    }
    store = caches["throttles"]
    store.clear()
    clock = Clock(2_000_000.0)
    # No increment is lost.
    assert all(from_threads(anon_throttle("50/min", clock, store, address="10.7.7.7"), 40))
    key = f"throttle_anon_10.7.7.7:{int(clock.now // 60)}"
    assert store.get(key) == 40
    assert 0 < redis.Redis.from_url(url).ttl(store.make_key(key)) <= 121  # gone once no window reads it
    store.clear()


def test_with_no_redis_the_host_cache_counts_atomically_too(settings, tmp_path):
    # The default cache when REDIS_URL is unset (config.settings).
    settings.CACHES = {**settings.CACHES, "host": {"BACKEND": "config.caches.HostCache", "LOCATION": str(tmp_path)}}
    store = caches["host"]
    clock = Clock(3_000_000.0)
    assert all(from_threads(anon_throttle("50/min", clock, store, address="10.8.8.8"), 40))
    key = f"throttle_anon_10.8.8.8:{int(clock.now // 60)}"
    value, expires = store.get(key, expire_time=True)
    assert value == 40
    assert 0 < expires - time.time() <= 121


def test_the_host_cache_stays_open_when_a_request_finishes(settings, tmp_path):
    settings.CACHES = {**settings.CACHES, "host": {"BACKEND": "config.caches.HostCache", "LOCATION": str(tmp_path)}}
    store = caches["host"]
    store.set("k", 1)
    shard = store._cache._shards[0]
    connection = shard._con
    signals.request_finished.send(sender=None)  # Django closes every cache here
    assert shard._con is connection  # not opened again by the next request
    assert store.get("k") == 1
