"""The cache backend a host's server processes share when REDIS_URL is unset."""

from __future__ import annotations

from diskcache import DjangoCache


class HostCache(DjangoCache):
    """diskcache's Django backend (SQLite files in DJANGO_CACHE_DIR), kept open between requests.

    Django closes every cache when a request finishes, for backends that hold a connection per
    request. diskcache's SQLite connections are per thread and safe to keep; closing them made every
    request open them again, about a millisecond each, more than the throttle's check itself.
    """

    def close(self, **kwargs) -> None:
        pass
