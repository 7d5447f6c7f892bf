"""Top-level URLs: the admin, the API and its documentation, and the pages for people at the root."""

from django.contrib import admin
from django.urls import include, path

from config.admin_login import throttled_admin_login

urlpatterns = [
    # Before the admin's own URLs, which would take it first.
    path("admin/login/", throttled_admin_login, name="admin-login"),
    path("admin/", admin.site.urls),
    path("", include("api.urls", namespace="api")),
    path("", include("web.urls", namespace="web")),
]

# JSON error bodies under /api/, Django's pages elsewhere (used when DEBUG is off).
handler400 = "api.error_pages.bad_request"
handler403 = "api.error_pages.permission_denied"
handler404 = "api.error_pages.page_not_found"
handler500 = "api.error_pages.server_error"
