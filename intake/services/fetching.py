"""Fetching a news page from a URL someone gave us, without letting that URL reach inside our network.

Only http and https; the host is resolved here and every address it resolves to must be public
(not private, loopback, link-local, reserved, shared or multicast) unless the caller allows
private addresses. The connection then goes to the address that was checked, so a second DNS
answer cannot swap it; TLS still verifies the certificate against the host name. Redirects are
followed by hand, each hop checked the same way. An address of IPv6 that embeds an IPv4 one
(IPv4-mapped and -compatible, NAT64, 6to4, Teredo) is judged by the address it embeds too.

A timeout bounds every connect and read, and one deadline bounds the whole fetch (connects,
redirects and body): a server that trickles a byte at a time is cut off there. The body is cut
off past a size limit.

urllib3 (which the HTML extractor already depends on) is used directly because it lets a request
go to a given IP while naming the host for SNI, certificate checks and the Host header.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import certifi
import urllib3
from urllib3.exceptions import HTTPError as Urllib3Error

HTML_TYPES = ("text/html", "application/xhtml+xml")
# What RSS and Atom feeds are served as, the generic XML types included (many servers use them).
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml")
REDIRECTS = (301, 302, 303, 307, 308)
MAX_REDIRECTS = 5
USER_AGENT = "news-timeline article import (+https://github.com/)"
CHUNK = 64 * 1024


class FetchError(Exception):
    """The page could not be fetched; the message is one line that says why."""


@dataclass(frozen=True)
class Page:
    url: str  # after redirects
    content: bytes
    content_type: str


# IPv6 ranges whose last 32 bits are an IPv4 address: IPv4-compatible (deprecated, RFC 4291) and
# the well-known NAT64 prefix (RFC 6052). IPv4-mapped, 6to4 and Teredo have ipaddress properties.
EMBEDS_IPV4_LOW_BITS = (ipaddress.ip_network("::/96"), ipaddress.ip_network("64:ff9b::/96"))
# The local-use NAT64 prefix (RFC 8215) places the IPv4 address by a prefix length only the local
# network knows, and is never globally routed: refused whatever it embeds.
LOCAL_NAT64 = ipaddress.ip_network("64:ff9b:1::/48")


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """Every IPv4 address the IPv6 address carries, by each convention that embeds one."""
    found = [embedded for embedded in (ip.ipv4_mapped, ip.sixtofour) if embedded is not None]
    if any(ip in network for network in EMBEDS_IPV4_LOW_BITS):
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    if ip.teredo is not None:
        found.extend(ip.teredo)  # (server, client)
    return found


def _is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if not ip.is_global or ip.is_multicast:
        return False
    if isinstance(ip, ipaddress.IPv4Address):
        return True
    if ip in LOCAL_NAT64:
        return False
    return all(_is_public(embedded) for embedded in _embedded_ipv4(ip))


def _check_address(address: str, host: str) -> None:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if not _is_public(ip):
        where = f"{host} resolves to {ip}," if host.strip("[]") != str(ip) else f"{ip} is"
        raise FetchError(
            f"url: {where} a private, loopback, link-local or reserved address; fetching it is not allowed"
        )


def resolve_host(host: str, port: int, *, allow_private: bool) -> str:
    """The address to connect to, after checking every address the host resolves to."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"url: cannot resolve host {host!r} ({exc.args[-1] if exc.args else exc})") from None
    addresses = [info[4][0] for info in infos]
    if not addresses:
        raise FetchError(f"url: host {host!r} has no address")
    if not allow_private:
        for address in addresses:
            _check_address(address, host)
    return addresses[0]


class _Deadline:
    """One bound for the whole fetch. Each connect and read may take what is left of it at most, and
    when it passes, the sockets opened for the fetch are shut down, so that a server trickling its
    headers or body a byte at a time cannot hold a read open past it."""

    def __init__(self, seconds: float, url: str) -> None:
        self.seconds = seconds
        self.url = url
        self.ends = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def error(self) -> FetchError:
        return FetchError(f"url: fetching {self.url} took longer than the {self.seconds:g} s allowed")

    def left(self, per_step: float) -> float:
        remaining = self.ends - time.monotonic()
        if self.expired or remaining <= 0:
            raise self.error()
        return min(per_step, remaining)

    def watch(self, sock: socket.socket | None) -> None:
        with self._lock:
            if sock is not None:
                self._sockets.append(sock)
            if self.expired:
                self._shut()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            self._shut()

    def _shut(self) -> None:
        for sock in self._sockets:
            with contextlib.suppress(OSError):  # already closed
                sock.shutdown(socket.SHUT_RDWR)

    def cancel(self) -> None:
        self._timer.cancel()


def _watched(connection_class: type, deadline: _Deadline) -> type:
    """The pool's connection class, handing each socket it connects to the deadline."""

    def connect(self) -> None:
        connection_class.connect(self)
        deadline.watch(self.sock)

    return type(f"Watched{connection_class.__name__}", (connection_class,), {"connect": connect})


def _open(
    url: str, *, timeout: float, allow_private: bool, deadline: _Deadline, accept: tuple[str, ...]
) -> urllib3.BaseHTTPResponse:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"url: only http and https URLs can be fetched, not {parts.scheme or 'a relative URL'!r}")
    host = parts.hostname
    if not host:
        raise FetchError(f"url: {url!r} has no host")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError(f"url: invalid port in {url!r}") from None
    address = resolve_host(host, port, allow_private=allow_private)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    host_header = host if parts.port is None else f"{host}:{parts.port}"
    if ":" in host and parts.port is None:
        host_header = f"[{host}]"
    common = {"port": port, "timeout": urllib3.Timeout(connect=timeout, read=timeout), "retries": False, "maxsize": 1}
    if parts.scheme == "https":
        pool = urllib3.HTTPSConnectionPool(
            address,
            server_hostname=host,
            assert_hostname=host,
            cert_reqs="CERT_REQUIRED",
            ca_certs=certifi.where(),
            **common,
        )
    else:
        pool = urllib3.HTTPConnectionPool(address, **common)
    pool.ConnectionCls = _watched(pool.ConnectionCls, deadline)
    headers = {"Host": host_header, "User-Agent": USER_AGENT, "Accept": ",".join(accept)}
    try:
        response = pool.urlopen(
            "GET", path, headers=headers, redirect=False, preload_content=False, assert_same_host=False
        )
    except (Urllib3Error, OSError) as exc:
        if deadline.expired:
            raise deadline.error() from None
        reason = getattr(exc, "reason", None) or exc
        raise FetchError(f"url: {host} is unreachable ({type(reason).__name__}: {reason})") from None
    if deadline.expired:  # the socket was shut while the headers came: they are cut short
        response.release_conn()
        raise deadline.error()
    return response


def _read_limited(
    response: urllib3.BaseHTTPResponse, *, max_bytes: int, url: str, deadline: _Deadline, timeout: float
) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"url: {url} is {int(declared)} bytes, larger than the {max_bytes} bytes allowed")
    body = bytearray()
    try:
        # read1 returns after one read from the socket, so a server that trickles bytes cannot hold
        # a read (of a whole chunk) past the deadline, which is checked between reads.
        while chunk := response.read1(CHUNK):
            body += chunk
            if len(body) > max_bytes:
                raise FetchError(f"url: {url} is larger than the {max_bytes} bytes allowed")
            deadline.left(timeout)
    except (Urllib3Error, OSError) as exc:
        if deadline.expired:
            raise deadline.error() from None
        raise FetchError(f"url: reading {url} failed ({type(exc).__name__})") from None
    if deadline.expired:  # the socket was shut mid-body: what was read is cut short
        raise deadline.error()
    return bytes(body)


def fetch_page(
    url: str,
    *,
    timeout: float,
    max_bytes: int,
    allow_private: bool = False,
    deadline: float = 30.0,
    accept: tuple[str, ...] = HTML_TYPES,
) -> Page:
    """GET an HTML page (or another of the `accept` types: a feed), following up to MAX_REDIRECTS
    redirects, each checked like the first URL.

    `timeout` bounds each connect and read; `deadline` (seconds) the whole fetch."""
    bound = _Deadline(deadline, url)
    try:
        return _follow(
            url, timeout=timeout, max_bytes=max_bytes, allow_private=allow_private, deadline=bound, accept=accept
        )
    finally:
        bound.cancel()


def _follow(
    url: str, *, timeout: float, max_bytes: int, allow_private: bool, deadline: _Deadline, accept: tuple[str, ...]
) -> Page:
    for _ in range(MAX_REDIRECTS + 1):
        response = _open(
            url, timeout=deadline.left(timeout), allow_private=allow_private, deadline=deadline, accept=accept
        )
        try:
            if response.status in REDIRECTS:
                location = response.headers.get("Location")
                if not location:
                    raise FetchError(f"url: {url} redirects without a Location")
                url = urljoin(url, location)
                continue
            if response.status >= 400:
                raise FetchError(f"url: {url} answered HTTP {response.status}")
            content_type = response.headers.get("Content-Type", "")
            if content_type.split(";", 1)[0].strip().lower() not in accept:
                what = "an HTML page" if accept == HTML_TYPES else "a feed"
                raise FetchError(f"url: {url} is not {what} (Content-Type {content_type or 'missing'!r})")
            content = _read_limited(response, max_bytes=max_bytes, url=url, deadline=deadline, timeout=timeout)
            return Page(url=url, content=content, content_type=content_type)
        finally:
            response.release_conn()
    raise FetchError(f"url: more than {MAX_REDIRECTS} redirects")
