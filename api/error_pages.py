"""Django's own error pages, as the API's one JSON error shape under /api/ (HTML elsewhere).

DRF's exception handler (api.exceptions) answers what a view raises. These answer what Django
decides before or around a view: a body or a query with more fields than DATA_UPLOAD_MAX_NUMBER_FIELDS
or bytes than DATA_UPLOAD_MAX_MEMORY_SIZE (Django's 400 for a SuspiciousOperation; a too-large body
is a 413 here), a permission refused outside DRF, and any exception nothing handled (500). Django
uses them when DEBUG is off.
"""

from __future__ import annotations

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import defaults

API_PREFIX = "/api/"


def _for_api(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if not _for_api(request):
        return defaults.bad_request(request, exception)
    if isinstance(exception, RequestDataTooBig):
        return JsonResponse({"detail": "The request body is larger than the server accepts."}, status=413)
    reason = str(exception).strip() or "The request could not be read."
    return JsonResponse({"detail": f"Bad request: {reason}"}, status=400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    if not _for_api(request):
        return defaults.permission_denied(request, exception)
    return JsonResponse({"detail": "You do not have permission to perform this action."}, status=403)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if not _for_api(request):
        return defaults.page_not_found(request, exception)
    return JsonResponse({"detail": "Not found."}, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    if not _for_api(request):
        return defaults.server_error(request)
    return JsonResponse({"detail": "Server error: the failure is logged; try again later."}, status=500)
