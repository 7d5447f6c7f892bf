"""The admin's login form, limited like the API's token endpoint (api.throttles): per username from
one address, and per address. Every attempt counts, a right password too."""

from django.contrib import admin
from django.http import HttpRequest, HttpResponse

from api.throttles import login_refused


def throttled_admin_login(request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
    if request.method == "POST":
        wait = login_refused(request)
        if wait is not None:
            seconds = int(wait)
            response = HttpResponse(
                f"Too many login attempts. Try again in {seconds} seconds.", status=429, content_type="text/plain"
            )
            response["Retry-After"] = str(seconds)
            return response
    return admin.site.login(request, extra_context)
