"""Small news pages built by the tests, and a local HTTP server that serves them (127.0.0.1 only)."""

from __future__ import annotations

import contextlib
import html
import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# The port range this project's tests may listen on.
PORTS = range(8400, 8500)

ARTICLE_TEXT = (
    "The U.S. Embassy in Moscow issued a security alert on Tuesday urging Americans to leave Russia immediately.",
    '"U.S. citizens should not travel to Russia," the embassy said in the alert.',
    "Russian President Vladimir Putin announced a partial mobilisation last Wednesday, officials said.",
)


def html_route(page: str) -> tuple[int, str, bytes, dict]:
    return 200, "text/html; charset=utf-8", page.encode("utf-8"), {}


def news_page(
    *,
    headline: str = "Embassy urges Americans to leave Russia",
    paragraphs: tuple[str, ...] = ARTICLE_TEXT,
    published_meta: str | None = "2022-09-28T14:05:00-04:00",
    json_ld_date: str | None = None,
    byline: str = "Jane Doe",
    site: str = "Daily Example",
) -> str:
    meta = [f'<meta property="og:site_name" content="{html.escape(site)}">']
    if published_meta:
        meta.append(f'<meta property="article:published_time" content="{published_meta}">')
    if json_ld_date:
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": headline}
        ld |= {"datePublished": json_ld_date, "author": {"@type": "Person", "name": byline}}
        meta.append(f'<script type="application/ld+json">{json.dumps(ld)}</script>')
    if byline:
        meta.append(f'<meta name="author" content="{html.escape(byline)}">')
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{html.escape(headline)} | {html.escape(site)}</title>{''.join(meta)}"
        f"</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
        f"<h1>{html.escape(headline)}</h1><p class='byline'>By {html.escape(byline)}</p>{body}</article>"
        f"<footer>Copyright Daily Example</footer></body></html>"
    )


def free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in the test range")


@contextlib.contextmanager
def serve(routes: dict[str, tuple[int, str, bytes, dict]], *, port: int | None = None) -> Iterator[str]:
    """Serve {path: (status, content type, body, headers)} on 127.0.0.1; yields the base URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            status, content_type, body, headers = routes.get(self.path, (404, "text/plain", b"not found", {}))
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port or free_port()), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
