"""The API's one body parser: JSON, with its depth bounded.

Python's json module recurses once per nesting level, so `[[[[...]]]]` a few thousand deep is a
RecursionError (a 500) before any serializer sees it. No payload here nests deeper than an event's
citations' date objects (four levels), so anything past MAX_DEPTH is refused as a 400.
"""

from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO

from rest_framework import parsers
from rest_framework.exceptions import ParseError

MAX_DEPTH = 16


QUOTE, BACKSLASH = 0x22, 0x5C
OPENING, CLOSING = (0x5B, 0x7B), (0x5D, 0x7D)  # [ {   and   ] }


def _skip_string(rest: Iterator[int]) -> None:
    """Consume a string's bytes, up to and including the quote that closes it (or to the end)."""
    for byte in rest:
        if byte == BACKSLASH:
            next(rest, None)  # an escaped byte, a quote included, does not end the string
        elif byte == QUOTE:
            return


def json_depth_exceeds(raw: bytes, limit: int = MAX_DEPTH) -> bool:
    """Whether brackets outside strings nest deeper than `limit`: one pass over the bytes, no recursion."""
    if raw.count(b"[") + raw.count(b"{") <= limit:
        return False
    depth = 0
    rest = iter(raw)
    for byte in rest:
        if byte == QUOTE:
            _skip_string(rest)
        elif byte in OPENING:
            depth += 1
            if depth > limit:
                return True
        elif byte in CLOSING:
            depth -= 1
    return False


class BoundedJSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        raw = stream.read() if stream is not None else b""
        if json_depth_exceeds(raw):
            raise ParseError(f"JSON parse error - nested deeper than {MAX_DEPTH} levels.")
        return super().parse(BytesIO(raw), media_type, parser_context)
