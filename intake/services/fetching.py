"""Fetching a news page from a URL someone gave us, without letting that URL reach inside our network.

Only http and https; the host is resolved here and every address it resolves to must be public
(not private, loopback, link-local, reserved, shared or multicast) unless the caller allows
private addresses. The connection then goes to the address that was checked, so a second DNS
answer cannot swap it; TLS still verifies the certificate against the host name. Redirects are
followed by hand, each hop checked the same way. A timeout bounds every connect and read, and
the body is cut off past a size limit.

urllib3 (which the HTML extractor already depends on) is used directly because it lets a request
go to a given IP while naming the host for SNI, certificate checks and the Host header.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import certifi
import urllib3
from urllib3.exceptions import HTTPError as Urllib3Error

HTML_TYPES = ("text/html", "application/xhtml+xml")
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


def _check_address(address: str, host: str) -> None:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if not ip.is_global or ip.is_multicast:
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


def _open(url: str, *, timeout: float, allow_private: bool) -> urllib3.BaseHTTPResponse:
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
    headers = {"Host": host_header, "User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml"}
    try:
        return pool.urlopen("GET", path, headers=headers, redirect=False, preload_content=False, assert_same_host=False)
    except Urllib3Error as exc:
        reason = getattr(exc, "reason", None) or exc
        raise FetchError(f"url: {host} is unreachable ({type(reason).__name__}: {reason})") from None
    except OSError as exc:
        raise FetchError(f"url: {host} is unreachable ({exc})") from None


def _read_limited(response: urllib3.BaseHTTPResponse, *, max_bytes: int, url: str) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"url: {url} is {int(declared)} bytes, larger than the {max_bytes} bytes allowed")
    body = bytearray()
    try:
        for chunk in response.stream(CHUNK):
            body += chunk
            if len(body) > max_bytes:
                raise FetchError(f"url: {url} is larger than the {max_bytes} bytes allowed")
    except Urllib3Error as exc:
        raise FetchError(f"url: reading {url} failed ({type(exc).__name__})") from None
    return bytes(body)


def fetch_page(url: str, *, timeout: float, max_bytes: int, allow_private: bool = False) -> Page:
    """GET an HTML page, following up to MAX_REDIRECTS redirects, each checked like the first URL."""
    for _ in range(MAX_REDIRECTS + 1):
        response = _open(url, timeout=timeout, allow_private=allow_private)
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
            if content_type.split(";", 1)[0].strip().lower() not in HTML_TYPES:
                raise FetchError(f"url: {url} is not an HTML page (Content-Type {content_type or 'missing'!r})")
            return Page(
                url=url, content=_read_limited(response, max_bytes=max_bytes, url=url), content_type=content_type
            )
        finally:
            response.release_conn()
    raise FetchError(f"url: more than {MAX_REDIRECTS} redirects")
