"""Rate limits, counted in the cache every server process shares (Redis, or diskcache on one host).

Every API call counts against its caller: anonymous ones per client address (API_ANON_THROTTLE_RATE),
logged-in ones per user (API_USER_THROTTLE_RATE). The client address is the socket's, or, behind
DJANGO_NUM_PROXIES trusted proxies, the address the nearest of them saw: an X-Forwarded-For header
from anyone else changes nothing.

The expensive endpoints (date annotation, article import) also draw on a budget of work units per
client (API_COST_THROTTLE_RATE): a view says what a call costs with `throttle_cost(request)`, so that
one call of 100,000 characters pays for 100 of 1,000.

Logging in (a token, or the admin's form) is limited per username from one address, and per
address over all usernames: anyone may try a password, and without a limit a script tries
thousands. Every attempt counts (a right password too). Keying the username's count by address as
well means that someone guessing elsewhere never locks the real user out; one address guessing
many accounts, or many addresses guessing one, each meet their own address's limit.

DRF's SimpleRateThrottle keeps each client's request times over the whole period and rewrites the
list on every request: at 1,000 a minute that is a thousand timestamps read, pickled and written
per call. These count in two fixed windows of one period each instead, and hold a client to the
sliding estimate `previous window x (share of it still inside the period) + current window`: two
small integers per client, the same cost at any rate, and an atomic increment on Redis and on the
host's disk cache (diskcache).
"""

from __future__ import annotations

import hashlib
import math

from diskcache import DjangoCache
from django.core.cache.backends.redis import RedisCache
from rest_framework import throttling


class WindowRateThrottle(throttling.SimpleRateThrottle):
    """SimpleRateThrottle's rates and cache keys, counted in two windows (see the module's docstring)."""

    wait_seconds = 0.0
    cost = 1  # what this call adds to the count

    def allow_request(self, request, view) -> bool:
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        window, into = divmod(self.timer(), self.duration)
        current, previous = f"{self.key}:{int(window)}", f"{self.key}:{int(window) - 1}"
        counts = self.cache.get_many([current, previous])
        count, before = counts.get(current, 0), counts.get(previous, 0)
        # Refused when the estimate already stands at the rate, before this call's cost (beyond its first unit).
        if before * (1 - into / self.duration) + count + (self.cost - 1) >= self.num_requests:
            self.wait_seconds = self._wait(count + self.cost - 1, before, into)
            return False
        self._count(current, count)
        return True

    def _count(self, key: str, count: int) -> None:
        # A window's counter lives through the next window, which reads it as `previous`.
        timeout = 2 * self.duration + 1
        if not isinstance(self.cache, RedisCache | DjangoCache):
            # Other caches increment by reading and writing back (as DRF's throttles do with their lists).
            self.cache.set(key, count + self.cost, timeout)
            return
        try:
            self.cache.incr(key, self.cost)  # atomic across processes, and keeps the key's expiry
        except ValueError:  # not there yet: create it, unless another process just did
            if not self.cache.add(key, self.cost, timeout):
                self.cache.incr(key, self.cost)

    def _wait(self, count: int, before: int, into: float) -> float:
        """Seconds until the estimate falls below the rate, if no other request comes meanwhile."""
        if count < self.num_requests and before:
            # Within this window, as the previous window's share shrinks.
            wait = self.duration * (1 - (self.num_requests - count) / before) - into
        else:
            # In the next window, where this window's count is the share that shrinks.
            wait = self.duration - into + max(0.0, self.duration * (1 - self.num_requests / max(count, 1)))
        return max(1.0, math.ceil(wait))

    def wait(self) -> float:
        return self.wait_seconds


class AnonRateThrottle(WindowRateThrottle, throttling.AnonRateThrottle):
    """Anonymous calls per client address (API_ANON_THROTTLE_RATE)."""


class UserRateThrottle(WindowRateThrottle):
    """A logged-in user's calls, reads and writes alike (API_USER_THROTTLE_RATE); anonymous calls are
    AnonRateThrottle's alone."""

    scope = "user"

    def get_cache_key(self, request, view) -> str | None:
        if not request.user or not request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}


class CostRateThrottle(WindowRateThrottle):
    """Work units per client on the views that define `throttle_cost(request) -> int` (API_COST_THROTTLE_RATE).

    A call costs at most the whole budget, so that one call, however large, can still pass once the
    budget is full again."""

    scope = "cost"

    def allow_request(self, request, view) -> bool:
        cost_of = getattr(view, "throttle_cost", None)
        if cost_of is None or self.rate is None:
            return True
        self.cost = min(max(1, int(cost_of(request))), self.num_requests)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view) -> str:
        user = request.user
        ident = f"user-{user.pk}" if user and user.is_authenticated else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


class LoginAddressThrottle(WindowRateThrottle):
    """Login attempts from one client address, whatever the username (API_LOGIN_ADDRESS_THROTTLE_RATE)."""

    scope = "login_address"

    def get_cache_key(self, request, view) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class LoginUsernameThrottle(WindowRateThrottle):
    """Login attempts for one username from one client address (API_LOGIN_USERNAME_THROTTLE_RATE)."""

    scope = "login_username"

    def get_cache_key(self, request, view) -> str | None:
        username = login_username(request)
        if not username:
            return None  # nothing to guess; the address limit still applies
        key = f"{username.strip().lower()}\n{self.get_ident(request)}"
        digest = hashlib.sha256(key.encode()).hexdigest()
        return self.cache_format % {"scope": self.scope, "ident": digest}


def login_username(request) -> str:
    """The username a login attempt names: from the API's parsed body, or a plain form's POST."""
    data = request.data if hasattr(request, "data") else request.POST
    username = data.get("username") if hasattr(data, "get") else None
    return username if isinstance(username, str) else ""


def login_refused(request) -> float | None:
    """For a login form outside DRF (the admin's): count the attempt, and say how many seconds to
    wait when it is over either login limit (None when it may go on)."""
    for throttle in (LoginAddressThrottle(), LoginUsernameThrottle()):
        if not throttle.allow_request(request, None):
            return throttle.wait()
    return None
