"""Rate limits on getting a token: per username and per client address, counted in the shared cache.

Anyone may try a password; without a limit a script tries thousands. Every attempt counts (a
right password too), per username whatever the address, and per address whatever the username,
so that neither guessing one account from many places nor many accounts from one place gets far.
"""

from __future__ import annotations

import hashlib

from rest_framework.throttling import SimpleRateThrottle


class LoginAddressThrottle(SimpleRateThrottle):
    """Token requests from one client address (API_LOGIN_ADDRESS_THROTTLE_RATE)."""

    scope = "login_address"

    def get_cache_key(self, request, view) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class LoginUsernameThrottle(SimpleRateThrottle):
    """Token requests for one username, from anywhere (API_LOGIN_USERNAME_THROTTLE_RATE)."""

    scope = "login_username"

    def get_cache_key(self, request, view) -> str | None:
        username = request.data.get("username") if isinstance(request.data, dict) else None
        if not isinstance(username, str) or not username:
            return None  # nothing to guess; the address limit still applies
        digest = hashlib.sha256(username.strip().lower().encode()).hexdigest()
        return self.cache_format % {"scope": self.scope, "ident": digest}
