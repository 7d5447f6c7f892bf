"""Throttles: token attempts limited per username and per address; the anonymous rate shared by
every server process."""

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

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def attempt(client, username: str, address: str = "10.0.0.1"):
    return client.post(
        "/api/v1/auth/token", {"username": username, "password": "wrong"}, format="json", REMOTE_ADDR=address
    )


def test_after_20_wrong_passwords_the_username_gets_a_429_with_retry_after(client, user):
    for _ in range(20):
        assert attempt(client, "reader").status_code == 400
    refused = attempt(client, "reader", address="10.9.9.9")  # from elsewhere too: the limit is the account's
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "detail" in refused.json()
    # Another username from another address is not held back.
    assert attempt(client, "someone-else", address="10.0.0.2").status_code == 400


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
