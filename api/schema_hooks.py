"""What the schema says beyond what the views declare.

The production server (gunicorn) answers a request line longer than its limit (4094 bytes: method,
path and query string) with a 414 of its own, before Django sees the request; a proxy in front does
the same with its own limit. Any operation can meet it with a long enough query string, so every
operation lists it, as the plain-text page it is, not the API's JSON error.
"""

from __future__ import annotations

from typing import Any

URI_TOO_LONG = {
    "description": (
        "URI Too Long: the request line is over the server's limit (4094 bytes with gunicorn). "
        "Sent by the server or proxy itself, as plain text or HTML, not the API's JSON error."
    )
}


def server_limits(result: dict[str, Any], generator, request, public) -> dict[str, Any]:
    """drf-spectacular postprocessing hook: add the server's 414 to every operation."""
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            if isinstance(operation, dict) and "responses" in operation:
                operation["responses"].setdefault("414", URI_TOO_LONG)
    return result
