"""The docs make no request outside this server: not in their HTML (tests/api/test_schema.py), and
not from inside the assets either, where a policy header stops what the bundles would fetch."""

import re

import pytest
from django.contrib.staticfiles import finders

from api.docs import DOCS_CSP

ASSETS = {
    "/api/docs/": [
        "drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js",
        "drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-standalone-preset.js",
        "drf_spectacular_sidecar/swagger-ui-dist/swagger-ui.css",
    ],
    "/api/redoc/": ["drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js"],
}
# A request the browser makes by itself: an image, a font, a stylesheet or script loaded by URL.
FETCHED = re.compile(r"""(?:src\s*:\s*|url\(\s*|@import\s+)["']?(https?://[^"')\s]+)""")


@pytest.mark.parametrize("url", sorted(ASSETS))
def test_the_docs_pages_forbid_the_browser_any_other_host(client, url):
    policy = client.get(url)["Content-Security-Policy"]
    assert policy == DOCS_CSP
    for directive in policy.split("; "):
        sources = directive.split()[1:]
        assert not any(s.startswith(("http:", "https:", "*")) for s in sources), directive


@pytest.mark.parametrize("url", sorted(ASSETS))
def test_what_the_bundles_would_fetch_elsewhere_is_only_images_the_policy_blocks(url):
    for asset in ASSETS[url]:
        with open(finders.find(asset), encoding="utf-8") as handle:
            fetched = set(FETCHED.findall(handle.read()))
        # ReDoc's footer logo is the one: an <img>, which img-src 'self' data: refuses.
        assert fetched <= {"https://cdn.redoc.ly/redoc/logo-mini.svg"}, (asset, fetched)
        assert "img-src 'self' data:" in DOCS_CSP
