"""Fetching a page: addresses that hide a private IPv4 address inside IPv6 are refused, and one
deadline bounds the whole fetch however slowly the server answers. Servers run on 127.0.0.1."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from intake.services import fetching
from tests.pages import free_port

# A loopback or private IPv4 address carried by each IPv6 convention that embeds one.
HIDDEN_PRIVATE = {
    "IPv4-compatible": "::127.0.0.1",
    "IPv4-mapped": "::ffff:10.0.0.1",
    "NAT64 well-known prefix": "64:ff9b::7f00:1",
    "NAT64 local-use prefix": "64:ff9b:1::a00:1",
    "6to4": "2002:7f00:1::1",
    "6to4 of a private network": "2002:c0a8:101::1",
    "Teredo with a loopback client": "2001:0:4136:e378:8000:63bf:80ff:fffe",
}


@pytest.mark.parametrize("address", HIDDEN_PRIVATE.values(), ids=HIDDEN_PRIVATE.keys())
def test_an_ipv6_address_that_embeds_a_private_ipv4_address_is_refused(address):
    with pytest.raises(fetching.FetchError, match="private, loopback, link-local or reserved"):
        fetching.resolve_host(address, 80, allow_private=False)


@pytest.mark.parametrize("address", ["::8.8.8.8", "64:ff9b::808:808", "2002:808:808::1", "2606:4700::1111"])
def test_an_ipv6_address_that_embeds_a_public_ipv4_address_or_none_is_allowed(address):
    assert fetching.resolve_host(address, 80, allow_private=False) == address


def test_private_addresses_are_allowed_when_the_deployment_says_so():
    assert fetching.resolve_host("::127.0.0.1", 80, allow_private=True) == "::127.0.0.1"


@contextlib.contextmanager
def trickling_server(*, head: bytes, then: bytes, every: float) -> Iterator[str]:
    """Answer each connection with `head` at once, then `then` one byte every `every` seconds."""
    listener = socket.create_server(("127.0.0.1", free_port()))
    stop = threading.Event()

    def answer(conn: socket.socket) -> None:
        with conn, contextlib.suppress(OSError):
            conn.recv(65536)
            conn.sendall(head)
            for byte in then:
                if stop.wait(every):
                    return
                conn.sendall(bytes([byte]))

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                conn, _ = listener.accept()
                threading.Thread(target=answer, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/page"
    finally:
        stop.set()
        thread.join()
        listener.close()


HEADERS = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n"


@pytest.mark.parametrize(
    ("head", "then"),
    [(HEADERS, b"<p>" + b"x" * 997), (b"HTTP/1.1 200 OK\r\n", b"X-Slow: " + b"y" * 200 + b"\r\n\r\n")],
    ids=["body", "headers"],
)
def test_a_server_that_trickles_a_byte_at_a_time_is_cut_off_at_the_deadline(head, then):
    # Each byte comes well within the per-read timeout, so only the deadline can stop it.
    with trickling_server(head=head, then=then, every=0.05) as url:
        started = time.monotonic()
        with pytest.raises(fetching.FetchError, match=r"took longer than the 1 s allowed"):
            fetching.fetch_page(url, timeout=5, max_bytes=100_000, allow_private=True, deadline=1)
        elapsed = time.monotonic() - started
    assert 0.9 <= elapsed < 3


def test_a_page_that_comes_within_the_deadline_is_read_whole():
    body = b"<p>" + b"x" * 9
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 12\r\n\r\n"
    with trickling_server(head=head, then=body, every=0.01) as url:
        page = fetching.fetch_page(url, timeout=5, max_bytes=100_000, allow_private=True, deadline=5)
    assert page.content == body
