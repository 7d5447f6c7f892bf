"""Top-level URLs: the admin, the API and its documentation, and the pages for people at the root."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("api.urls", namespace="api")),
    path("", include("web.urls", namespace="web")),
]
