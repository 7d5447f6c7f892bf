"""Rate limits, counted in the cache every server process shares (Redis, or diskcache on one host).

The anonymous rate applies to every API call. Getting a token is limited per username and per
client address: anyone may try a password, and without a limit a script tries thousands. Every
attempt counts (a right password too), per username whatever the address, and per address
whatever the username, so that neither guessing one account from many places nor many accounts
from one place gets far.

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
        if before * (1 - into / self.duration) + count >= self.num_requests:
            self.wait_seconds = self._wait(count, before, into)
            return False
        self._count(current, count)
        return True

    def _count(self, key: str, count: int) -> None:
        # A window's counter lives through the next window, which reads it as `previous`.
        timeout = 2 * self.duration + 1
        if not isinstance(self.cache, RedisCache | DjangoCache):
            # Other caches increment by reading and writing back (as DRF's throttles do with their lists).
            self.cache.set(key, count + 1, timeout)
            return
        try:
            self.cache.incr(key)  # atomic across processes, and keeps the key's expiry
        except ValueError:  # not there yet: create it, unless another process just did
            if not self.cache.add(key, 1, timeout):
                self.cache.incr(key)

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


class LoginAddressThrottle(WindowRateThrottle):
    """Token requests from one client address (API_LOGIN_ADDRESS_THROTTLE_RATE)."""

    scope = "login_address"

    def get_cache_key(self, request, view) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class LoginUsernameThrottle(WindowRateThrottle):
    """Token requests for one username, from anywhere (API_LOGIN_USERNAME_THROTTLE_RATE)."""

    scope = "login_username"

    def get_cache_key(self, request, view) -> str | None:
        username = request.data.get("username") if isinstance(request.data, dict) else None
        if not isinstance(username, str) or not username:
            return None  # nothing to guess; the address limit still applies
        digest = hashlib.sha256(username.strip().lower().encode()).hexdigest()
        return self.cache_format % {"scope": self.scope, "ident": digest}
