"""Swagger UI and ReDoc, served with every asset from this server and a Content-Security-Policy
that keeps the browser from fetching anything elsewhere.

The assets come from drf-spectacular-sidecar and our redoc.html drops the Google Fonts links, but
ReDoc's bundle still draws its "API docs by Redocly" logo from a CDN, with no option to turn it off;
the policy below stops that request (the logo then hides itself), and any future one like it.
"""

from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerView

# Inline scripts and styles: drf-spectacular's pages start the UIs inline; ReDoc's search runs in a
# worker made from a blob: URL and both draw some images as data: URLs.
DOCS_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "frame-ancestors 'none'",
    ]
)


class OfflineDocsMixin:
    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Security-Policy"] = DOCS_CSP
        return response


class OfflineSwaggerView(OfflineDocsMixin, SpectacularSwaggerView):
    pass


class OfflineRedocView(OfflineDocsMixin, SpectacularRedocView):
    pass
